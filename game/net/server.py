"""The party server: the phone page and one WebSocket per phone, in a thread of its own.

The pygame loop never waits on the network.  Checked messages arrive in
:attr:`PartyServer.inbox` (a queue the loop drains each frame), stamped with
the moment they arrived; replies go out through :meth:`send` and
:meth:`broadcast`, which only hand the work to the server's event loop.

Everything a phone sends is untrusted: messages over a small size close the
connection, every message is checked against :mod:`game.net.messages`, a
connection sending too fast is throttled and then closed, wrong PINs from one
address are slowed down, and the number of connections is capped.  The server
serves only the files of the phone page (``game/web``), nothing else.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import queue
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path

from game.net import messages

DEFAULT_PORT = 8765
WEB_ROOT = Path(__file__).resolve().parent.parent / "web"
RATE_MESSAGES = 12       # at most this many messages ...
RATE_SECONDS = 2.0       # ... in this many seconds; more are refused
RATE_CLOSE_AFTER = 40    # refused for speed this many times: the connection is closed
PIN_FREE_TRIES = 3       # wrong PINs from one address before joins from it are slowed
PIN_MAX_DELAY = 8.0
START_TIMEOUT = 5.0
PORT_TRIES = 20         # ports tried from the fixed one up before any free one
STOP_TIMEOUT = 3.0

_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
          ".ico": "image/x-icon", ".webmanifest": "application/manifest+json"}
_CSP = ("default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; "
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def log(message: str) -> None:
    """One line on standard error: a bad message never stops the game."""
    print(f"mi-trivia party: {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Inbound:
    conn: int
    message: dict
    at: float  # time.monotonic() when it arrived
    address: str = ""


@dataclass(frozen=True)
class Gone:
    conn: int
    at: float


@dataclass
class _Conn:
    ws: object
    address: str
    times: deque = field(default_factory=deque)
    throttled: int = 0


class PartyServer:
    """``start()`` listens (on ``port``, or a free one if it is taken); ``stop()`` ends it all.

    ``bind`` is one address or a list of them (the machine's local-network
    addresses and 127.0.0.1); all of them listen on the same port."""

    def __init__(self, bind: str | list[str] = "127.0.0.1", port: int = DEFAULT_PORT, *, web_root: Path = WEB_ROOT,
                 max_message_bytes: int = messages.MAX_MESSAGE_BYTES, max_connections: int = 250):
        self.bind = bind
        self.port = port
        self.web_root = web_root
        self.max_message_bytes = max_message_bytes
        self.max_connections = max_connections
        self.inbox: queue.SimpleQueue = queue.SimpleQueue()
        self.stats = {"connections": 0, "messages": 0, "rejected_messages": 0, "closed_for_size": 0,
                      "throttled": 0, "refused_connections": 0}
        self._conns: dict[int, _Conn] = {}
        self._ids = itertools.count(1)
        self._bad_pins: dict[str, int] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._files = self._list_files()
        self.address: tuple[str, int] | None = None

    # -- files -----------------------------------------------------------------------
    def _list_files(self) -> dict[str, tuple[bytes, str]]:
        """The phone page's files, read once: only these names are ever served."""
        files = {}
        try:
            for path in sorted(self.web_root.iterdir()):
                if path.is_file() and path.suffix in _TYPES:
                    files["/" + path.name] = (path.read_bytes(), _TYPES[path.suffix])
        except OSError as exc:
            log(f"cannot read the phone page in {self.web_root}: {exc}")
        if "/index.html" in files:
            files["/"] = files["/index.html"]
        return files

    def _respond(self, connection, request):
        from websockets.datastructures import Headers
        from websockets.http11 import Response

        path = request.path.split("?", 1)[0]
        if path == "/ws":
            origin = request.headers.get("Origin")
            host = request.headers.get("Host", "")
            if origin is not None and origin.split("://", 1)[-1] != host:
                self.stats["refused_connections"] += 1
                return connection.respond(HTTPStatus.FORBIDDEN, "Only the game's own page may connect.\n")
            if len(self._conns) >= self.max_connections:
                self.stats["refused_connections"] += 1
                return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "The game is full.\n")
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
        if self._error is not None:
            error = self._error
            where = self.bind if isinstance(self.bind, str) else ", ".join(self.bind)
            raise OSError(f"cannot listen on {where}: {getattr(error, 'strerror', None) or error}")
        return self.address

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            self._error = self._error or exc
        finally:
            self._ready.set()
            loop.close()

    async def _main(self) -> None:
        from websockets.asyncio.server import serve

        logging.getLogger("websockets").setLevel(logging.CRITICAL)  # we log what matters ourselves
        self._stop = asyncio.Event()
        options = dict(process_request=self._respond, max_size=self.max_message_bytes, max_queue=8,
                       ping_interval=10, ping_timeout=20, close_timeout=1, compression=None,
                       server_header="mi-trivia")
        hosts = [self.bind] if isinstance(self.bind, str) else list(self.bind)
        server = None
        # The fixed port first; when it is taken, the next few, then any free one (on every address alike).
        tries = [self.port] if self.port == 0 else [self.port + k for k in range(PORT_TRIES)]
        for port in tries + ([0] if len(hosts) == 1 and self.port != 0 else []):
            try:
                server = await serve(self._handle, hosts if len(hosts) > 1 else hosts[0], port, **options)
                break
            except OSError as exc:
                error = exc
                if port == 0 or not 0 < port < 65535:
                    break
        if server is None:
            raise error
        sock = next(iter(server.sockets))
        self.address = sock.getsockname()[:2]
        self._ready.set()
        async with server:
            await self._stop.wait()
            server.close()
            await asyncio.wait_for(server.wait_closed(), STOP_TIMEOUT)

    def stop(self) -> None:
        """Close every connection and stop listening (bounded in time)."""
        if self._loop is not None and self._stop is not None and self._thread is not None and self._thread.is_alive():
            try:
                self._loop.call_soon_threadsafe(self._stop.set)
            except RuntimeError:
                pass
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT + 1)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self.address is not None

    # -- connections -----------------------------------------------------------------
    async def _handle(self, ws) -> None:
        from websockets.exceptions import ConnectionClosed

        conn = next(self._ids)
        peer = ws.remote_address[0] if ws.remote_address else ""
        state = _Conn(ws, peer)
        self._conns[conn] = state
        self.stats["connections"] += 1
        try:
            async for data in ws:
                now = time.monotonic()
                if not self._allow(state, now):
                    continue
                try:
                    message = messages.parse(data)
                except messages.BadMessage as exc:
                    self.stats["rejected_messages"] += 1
                    log(f"connection {conn} ({peer}): refused a message: {exc}")
                    await self._reply(ws, {"type": "error", "reason": "That message was not understood"})
                    continue
                self.stats["messages"] += 1
                if message["type"] == "ping":
                    continue
                if message["type"] == "join":
                    delay = self._pin_delay(peer)
                    if delay:
                        await asyncio.sleep(delay)
                self.inbox.put(Inbound(conn, message, now, peer))
        except ConnectionClosed as exc:
            code = exc.rcvd.code if exc.rcvd is not None else exc.sent.code if exc.sent is not None else None
            if code == 1009:  # too big: websockets closed it for us
                self.stats["rejected_messages"] += 1
                self.stats["closed_for_size"] += 1
                log(f"connection {conn} ({peer}): closed for a message over {self.max_message_bytes} bytes")
        except Exception as exc:  # noqa: BLE001 - one bad connection never stops the server
            log(f"connection {conn} ({peer}): {type(exc).__name__}: {exc}")
        finally:
            self._conns.pop(conn, None)
            self.inbox.put(Gone(conn, time.monotonic()))

    def _allow(self, state: _Conn, now: float) -> bool:
        times = state.times
        while times and now - times[0] > RATE_SECONDS:
            times.popleft()
        if len(times) >= RATE_MESSAGES:
            state.throttled += 1
            self.stats["rejected_messages"] += 1
            self.stats["throttled"] += 1
            if state.throttled == 1:
                log(f"a connection from {state.address} sends too fast; its extra messages are refused")
            if state.throttled >= RATE_CLOSE_AFTER:
                asyncio.ensure_future(state.ws.close(1008, "too many messages"))
            return False
        times.append(now)
        return True

    def _pin_delay(self, address: str) -> float:
        fails = self._bad_pins.get(address, 0)
        return 0.0 if fails < PIN_FREE_TRIES else min(0.5 * 2 ** (fails - PIN_FREE_TRIES), PIN_MAX_DELAY)

    def wrong_pin(self, conn: int) -> None:
        """The room refused a PIN from this connection: later joins from its address wait longer."""
        state = self._conns.get(conn)
        if state is not None:
            self._bad_pins[state.address] = self._bad_pins.get(state.address, 0) + 1

    def note_rejected(self) -> None:
        """The room refused a message that was well formed (a wrong secret, a late answer)."""
        self.stats["rejected_messages"] += 1

    def address_of(self, conn: int) -> str:
        state = self._conns.get(conn)
        return state.address if state is not None else ""

    # -- sending (from any thread; never blocks) -----------------------------------------
    @staticmethod
    async def _reply(ws, message: dict) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            await ws.send(json.dumps(message, ensure_ascii=False))
        except ConnectionClosed:
            pass

    def _call(self, callback, *args) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(callback, *args)
        except RuntimeError:  # the loop closed meanwhile
            pass

    def send(self, conn: int, message: dict) -> None:
        text = json.dumps(message, ensure_ascii=False)
        self._call(self._send_now, [conn], text)

    def broadcast(self, message: dict, conns=None) -> None:
        text = json.dumps(message, ensure_ascii=False)
        self._call(self._send_now, None if conns is None else list(conns), text)

    def _send_now(self, conns, text: str) -> None:
        from websockets.asyncio.server import broadcast

        targets = [self._conns[c].ws for c in (self._conns if conns is None else conns) if c in self._conns]
        if targets:
            broadcast(targets, text)

    def close(self, conn: int, reason: str = "") -> None:
        def now():
            state = self._conns.get(conn)
            if state is not None:
                asyncio.ensure_future(state.ws.close(1000, reason[:100]))
        self._call(now)
