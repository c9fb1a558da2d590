"""The party server: the phone page and one WebSocket per phone, in a thread of its own.

The pygame loop never waits on the network.  Checked messages arrive in
:attr:`PartyServer.inbox` (a queue the loop drains each frame), stamped with
the moment they arrived; the game's replies and requests (:meth:`send`,
:meth:`broadcast`, :meth:`close`, :meth:`settle`, :meth:`wrong_pin`,
:meth:`new_pin`) only hand the work to the server's event loop.  So the
server's tables (its connections and the :class:`~game.net.gate.Gate` that
checks them) are touched by the server's thread alone.  The one call the other
way: an answer is checked and scored as it arrives by the host's check
(:meth:`judge_with`), which reads the room and changes nothing; the game's
thread keeps the result if the room is still as it was.

Everything a phone sends is untrusted and goes through the gate first (see
:mod:`game.net.gate`): the host names, the size, the rate of messages and
frames, the schema, the PIN policy and the budget of connections that have not
joined.  The server serves only the files of the phone page (``game/web``),
nothing else.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.net import messages
from game.net.gate import Action, Close, Forward, Gate, Limits, PinBudgetSpent, RateLog, Send

if TYPE_CHECKING:
    from websockets.asyncio.server import ServerConnection
    from websockets.http11 import Request, Response

DEFAULT_PORT = 8765
WEB_ROOT = Path(__file__).resolve().parent.parent / "web"
START_TIMEOUT = 5.0
PORT_TRIES = 20         # ports tried from the fixed one up before any free one
STOP_TIMEOUT = 3.0
TICK = 0.1              # seconds between the gate's looks at the time while connections have not joined
REST = 1.0              # ... and while every connection carries a player (nothing is due soon)
# While phones are sending (a burst of answers), the loop looks for the game's replies every COLLECT seconds
# rather than being woken for them: waking it is a write to a socket, which the game's frame would pay for.
# The burst is over once nothing has come in for QUIET seconds; then each reply wakes the loop again.
COLLECT = 0.004
QUIET = 0.25
LIMITS_MARK = b"<!--limits-->"  # where the phone page gets its limits

_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
          ".ico": "image/x-icon", ".webmanifest": "application/manifest+json"}
_CSP = ("default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; "
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


@dataclass(frozen=True)
class Inbound:
    conn: int
    message: messages.Inbound
    at: float  # time.monotonic() when it arrived
    address: str = ""
    judged: object = None  # an answer as the host checked it on arrival (game.net.host.PartyHost.check)


@dataclass(frozen=True)
class Gone:
    conn: int
    at: float


Item = Inbound | Gone | PinBudgetSpent


class _Quiet(logging.Filter):
    """asyncio's own warnings (a flood of "socket.send() raised exception.") at most a line a second."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._log = RateLog()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return True
        with self._lock:
            self._log.note(record.getMessage()[:80], f"asyncio: {record.getMessage()}", time.monotonic())
        return False


_QUIET = _Quiet()


class PartyServer:
    """``start()`` listens (on ``port``, or a free one if it is taken); ``stop()`` ends it all.

    ``bind`` is one address or a list of them (the machine's local-network addresses and 127.0.0.1);
    all of them listen on the same port.  ``names`` are the other host names phones may use (the
    address the lobby shows); ``pin`` the game's PIN (``None``: the game checks it alone)."""

    def __init__(self, bind: str | list[str] = "127.0.0.1", port: int = DEFAULT_PORT, *, web_root: Path = WEB_ROOT,
                 pin: str | None = None, names: Iterable[str] = (), limits: Limits | None = None):
        self.bind = bind
        self.port = port
        self.web_root = web_root
        self.limits = limits or Limits()
        self.max_message_bytes = self.limits.message_bytes
        self.inbox: queue.SimpleQueue[Item] = queue.SimpleQueue()
        hosts = [bind] if isinstance(bind, str) else list(bind)
        self.gate = Gate(pin, limits=self.limits, hosts=[*hosts, *names])  # the server's thread only
        self._conns: dict[int, ServerConnection] = {}  # the server's thread only
        self._conn_of: dict[int, int] = {}  # id() of a connection -> its number (the server's thread only)
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        # What the game's thread asked of the loop, run there in order; one wake-up for all asked before it runs.
        self._calls: list[tuple[Callable[..., object], tuple[object, ...]]] = []
        self._calls_lock = threading.Lock()
        self._collecting = False  # the loop looks for calls by itself (during a burst); under _calls_lock
        self._last_in = 0.0  # when a phone's message last went to the inbox (the server's thread only)
        self._stop: asyncio.Event | None = None
        self._wake: asyncio.Event | None = None  # the gate's ticker, woken when a connection opens
        self._error: BaseException | None = None
        self._check: Callable[[int, Any, float], object] | None = None  # the host's, for answers as they arrive
        self._files = self._list_files()
        self.address: tuple[str, int] | None = None

    @property
    def stats(self) -> dict[str, int]:
        """The gate's counts (kept by the server's thread; read as whole numbers)."""
        return self.gate.counts.as_dict()

    # -- files -----------------------------------------------------------------------
    def _list_files(self) -> dict[str, tuple[bytes, str]]:
        """The phone page's files, read once: only these names are ever served.  The page's limits
        (name and answer lengths, the PIN's digits) are written into it here, from the game's rules."""
        files = {}
        try:
            for path in sorted(self.web_root.iterdir()):
                if path.is_file() and path.suffix in _TYPES:
                    files["/" + path.name] = (path.read_bytes(), _TYPES[path.suffix])
        except OSError as exc:
            self.gate.log.note("files", f"cannot read the phone page in {self.web_root}: {exc}", time.monotonic())
        if "/index.html" in files:
            body, kind = files["/index.html"]
            config = json.dumps(messages.limits()).replace("<", "\\u003c").encode("utf-8")
            body = body.replace(LIMITS_MARK, b'<script id="limits" type="application/json">' + config + b"</script>")
            files["/index.html"] = files["/"] = (body, kind)
        return files

    def _respond(self, connection: ServerConnection, request: Request) -> Response | None:
        from websockets.datastructures import Headers
        from websockets.http11 import Response

        why = self.gate.handshake(request.headers.get("Host"), request.headers.get("Origin"))
        if why is not None:
            self.gate.refused_request(why, time.monotonic())
            return connection.respond(HTTPStatus.FORBIDDEN, "Open the address shown on the big screen.\n")
        path = request.path.split("?", 1)[0]
        if path == "/ws":
            return None  # go on with the WebSocket handshake
        found = self._files.get(path)
        if found is None:
            return connection.respond(HTTPStatus.NOT_FOUND, "Not found.\n")
        body, kind = found
        headers = Headers([("Content-Type", kind), ("Content-Length", str(len(body))),
                           ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
                           ("Referrer-Policy", "no-referrer"), ("Content-Security-Policy", _CSP)])
        return Response(200, "OK", headers, body)

    # -- life cycle ------------------------------------------------------------------
    def start(self) -> tuple[str, int]:
        """Listen in a background thread; ``(host, port)``. ``OSError`` if it cannot listen at all."""
        self._thread = threading.Thread(target=self._run, name="party-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            raise OSError("the party server did not start in time")
        if self._error is not None or self.address is None:
            error = self._error
            where = self.bind if isinstance(self.bind, str) else ", ".join(self.bind)
            raise OSError(f"cannot listen on {where}: {getattr(error, 'strerror', None) or error}")
        return self.address

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio_log = logging.getLogger("asyncio")
        asyncio_log.addFilter(_QUIET)
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            self._error = self._error or exc
        finally:
            self._ready.set()
            self.gate.log.flush()
            loop.close()

    async def _main(self) -> None:
        from websockets.asyncio.server import Server, serve

        logging.getLogger("websockets").setLevel(logging.CRITICAL)  # we log what matters ourselves
        self._stop = asyncio.Event()
        options: dict[str, Any] = dict(
            process_request=self._respond, max_size=self.max_message_bytes, max_queue=8, ping_interval=10,
            ping_timeout=20, close_timeout=1, open_timeout=5, compression=None, server_header="mi-trivia",
            create_connection=_connection_class(self))
        hosts = [self.bind] if isinstance(self.bind, str) else list(self.bind)
        server: Server | None = None
        error: OSError | None = None
        # The fixed port first; when it is taken, the next few, then any free one (on every address alike).
        tries = [self.port] if self.port == 0 else [self.port + k for k in range(PORT_TRIES)]
        for port in tries + ([0] if len(hosts) == 1 and self.port != 0 else []):
            try:
                where: Any = hosts if len(hosts) > 1 else hosts[0]  # asyncio takes a list of hosts too
                server = await serve(self._handle, where, port, **options)
                break
            except OSError as exc:
                error = exc
                if port == 0 or not 0 < port < 65535:
                    break
        if server is None:
            raise error or OSError("no port")
        sock = next(iter(server.sockets))
        self.address = sock.getsockname()[:2]
        self.gate.port = self.address[1]
        self._ready.set()
        ticker = asyncio.ensure_future(self._tick())
        async with server:
            await self._stop.wait()
            self._run_calls()  # what the game asked before it stopped the server (the phones' last word)
            ticker.cancel()
            server.close()
            await asyncio.wait_for(server.wait_closed(), STOP_TIMEOUT)

    async def _tick(self) -> None:
        """The gate's look at the time: often while some connection has not joined (its deadline, a join
        waiting for its turn), seldom when all carry players (a party in full swing costs nothing)."""
        wake = self._wake = asyncio.Event()
        while True:
            if self.gate.unjoined:
                await asyncio.sleep(TICK)
            else:
                wake.clear()
                try:
                    await asyncio.wait_for(wake.wait(), REST)
                except asyncio.TimeoutError:
                    pass
            self._apply(self.gate.tick(time.monotonic()))

    def stop(self) -> None:
        """Close every connection and stop listening (bounded in time)."""
        if self._loop is not None and self._stop is not None and self._thread is not None and self._thread.is_alive():
            try:
                self._loop.call_soon_threadsafe(self._stop.set)
            except RuntimeError:
                pass
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT + 1)
        logging.getLogger("asyncio").removeFilter(_QUIET)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self.address is not None

    # -- connections (the server's thread) --------------------------------------------
    async def _handle(self, ws: ServerConnection) -> None:
        from websockets.exceptions import ConnectionClosed

        conn = next(self._ids)
        peer = ws.remote_address[0] if ws.remote_address else ""
        self._conns[conn] = ws
        self._conn_of[id(ws)] = conn  # for the frames it receives (see _connection_class)
        actions = self.gate.open(conn, peer, time.monotonic())
        refused = next((a for a in actions if isinstance(a, Close) and a.conn == conn), None)
        if refused is not None:  # no place for it: the phone tries again in a moment
            self._conns.pop(conn, None)
            self._conn_of.pop(id(ws), None)
            await ws.close(refused.code, refused.reason)
            return
        self._apply(actions)
        if self._wake is not None:
            self._wake.set()
        try:
            async for data in ws:
                self._apply(self.gate.message(conn, data, time.monotonic()))
        except ConnectionClosed as exc:
            code = exc.rcvd.code if exc.rcvd is not None else exc.sent.code if exc.sent is not None else None
            if code == 1009:  # too big: websockets closed it for us
                self.gate.too_big(conn, time.monotonic())
        except Exception as exc:  # noqa: BLE001 - one bad connection never stops the server
            self.gate.log.note("error", f"connection {conn} ({peer}): {type(exc).__name__}: {exc}", time.monotonic())
        finally:
            self._conns.pop(conn, None)
            self._conn_of.pop(id(ws), None)
            self._apply(self.gate.gone(conn, time.monotonic()))
            self.inbox.put(Gone(conn, time.monotonic()))

    def _frame(self, ws: ServerConnection, control: bool) -> bool:
        """A frame arrived on ``ws``; ``False``: too many, the connection is failed at once."""
        conn = self._conn_of.get(id(ws), 0)
        if not conn:
            return True
        actions = self.gate.frame(conn, control, time.monotonic())
        if any(isinstance(a, Close) and a.conn == conn for a in actions):
            return False
        self._apply(actions)
        return True

    def _apply(self, actions: Iterable[Action]) -> None:
        """Carry out what the gate decided."""
        for action in actions:
            if isinstance(action, Send):
                self._send_now([action.conn], messages.dumps(action.message))
            elif isinstance(action, Forward):
                ws = self._conns.get(action.conn)
                address = ws.remote_address[0] if ws is not None and ws.remote_address else ""
                check = self._check
                judged = check(action.conn, action.message, action.at) if check is not None else None
                self.inbox.put(Inbound(action.conn, action.message, action.at, address, judged))
                self._burst(action.at)
            elif isinstance(action, Close):
                self._close_now(action.conn, action.code, action.reason)
            elif isinstance(action, PinBudgetSpent):
                self.inbox.put(action)

    def _close_now(self, conn: int, code: int, reason: str) -> None:
        ws = self._conns.get(conn)
        if ws is not None:
            asyncio.ensure_future(ws.close(code, reason[:100]))

    # -- from the game's thread (never blocks) -------------------------------------------
    def judge_with(self, check: Callable[[int, Any, float], object]) -> None:
        """``check(conn, message, at)`` runs here as each checked message arrives, on the server's thread; what
        it returns goes to the game with the message (:attr:`Inbound.judged`).  It must change nothing."""
        self._check = check

    def _call(self, callback: Callable[..., object], *args: object) -> None:
        """Have the loop run ``callback(*args)``.  A frame that takes twenty answers sends twenty "locked"
        replies: they wake the loop once at most (waking it is a write to a socket, dearer than the rest),
        and not at all while the loop collects them by itself (:meth:`_burst`)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with self._calls_lock:
            self._calls.append((callback, args))
            if len(self._calls) > 1 or self._collecting:
                return  # a wake-up is on its way, or the loop looks for calls soon: either runs this too
        try:
            loop.call_soon_threadsafe(self._run_calls)
        except RuntimeError:  # the loop closed meanwhile
            pass

    def _run_calls(self) -> None:
        with self._calls_lock:
            calls, self._calls = self._calls, []
        for callback, args in calls:
            try:
                callback(*args)
            except Exception as exc:  # noqa: BLE001 - as asyncio does for each callback: said, the rest still run
                asyncio.get_running_loop().call_exception_handler({"message": "a call from the game failed",
                                                                    "exception": exc})

    def _burst(self, now: float) -> None:
        """A phone's message went to the game (the server's thread): its reply will follow within a frame or
        two, so the loop starts looking for the game's calls every :data:`COLLECT` seconds, if it is not yet."""
        self._last_in = now
        with self._calls_lock:
            if self._collecting:
                return
            self._collecting = True
        asyncio.get_running_loop().call_later(COLLECT, self._collect)

    def _collect(self) -> None:
        """Run what the game asked; look again soon while phones are sending (see :meth:`_burst`)."""
        self._run_calls()
        with self._calls_lock:
            if not self._calls and time.monotonic() - self._last_in > QUIET:
                self._collecting = False  # from now on each call wakes the loop (see :meth:`_call`)
                return
        asyncio.get_running_loop().call_later(COLLECT, self._collect)

    def send(self, conn: int, message: messages.Outbound) -> None:
        self._call(self._send_message, [conn], message)

    def broadcast(self, message: messages.Outbound, conns: Iterable[int] | None = None) -> None:
        self._call(self._send_message, None if conns is None else list(conns), message)

    def _send_message(self, conns: list[int] | None, message: messages.Outbound) -> None:
        """(The loop's thread: the game's frame does not pay for the JSON.)  The game never changes a message
        it has handed over: each is made anew."""
        self._send_now(conns, messages.dumps(message))

    def _send_now(self, conns: list[int] | None, text: str) -> None:
        from websockets.asyncio.server import broadcast

        targets = [self._conns[c] for c in (self._conns if conns is None else conns) if c in self._conns]
        if targets:
            broadcast(targets, text)

    def close(self, conn: int, reason: str = "") -> None:
        self._call(self._close_now, conn, 1000, reason)

    def settle(self, conn: int, joined: bool) -> None:
        """The game answered this connection's join or rejoin: it carries a player now, or not."""
        self._call(lambda: self._apply(self.gate.settled(conn, joined, time.monotonic())))

    def wrong_pin(self, conn: int) -> None:
        """The room refused a PIN the gate let through (it changed meanwhile): the gate counts it."""
        self._call(lambda: self._apply(self.gate.wrong_pin(conn, time.monotonic())))

    def new_pin(self, pin: str) -> None:
        """The host shows a new PIN: the gate checks joins against it, with a new budget."""
        self._call(lambda: self._apply(self.gate.new_pin(pin, time.monotonic())))


def _connection_class(server: PartyServer) -> type[ServerConnection]:
    """websockets' connection, with every frame it receives shown to the gate first (a flood of pings
    would otherwise be answered, pong after pong, without ever reaching a handler)."""
    from websockets.asyncio.server import ServerConnection
    from websockets.frames import Frame, Opcode

    class PartyConnection(ServerConnection):
        def process_event(self, event: Any) -> None:
            if self.request is not None and isinstance(event, Frame):
                if not server._frame(self, event.opcode in (Opcode.PING, Opcode.PONG)):
                    self.protocol.fail(1008, "too many frames")
                    self.send_data()
                    return
            super().process_event(event)

    return PartyConnection
