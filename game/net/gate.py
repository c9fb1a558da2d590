"""The gate: every check on what a phone sends, as one object that knows nothing of WebSockets.

The server feeds it what happens on its own thread (a connection opens, a frame or a message arrives,
the game settles a join, a connection ends, time passes) with the moment it happened, and carries
out the :class:`Action` list it answers: send a message, pass one on to the game, close a
connection, tell the game something.  Nothing here blocks, sleeps or reads a clock, so every rule is
tested with a fake clock (``tests/test_party_attacks.py`` also runs it against real sockets).

The rules:

* **Only our own hosts.** A handshake whose ``Host`` (and ``Origin``, when a browser sends one) is not
  an address or name the game serves is refused: a page elsewhere cannot reach the party through
  DNS rebinding.
* **Shape and size.** Every message is checked against :mod:`game.net.messages`; a refused one gets a
  reply.  (Messages over the size limit are closed by the WebSocket library before they get here.)
* **Rate.** A connection sending too many messages has the extra ones refused and is closed if it
  goes on; too many control frames (pings) or frames of any kind close it at once.
* **Connections that have not joined** have their own small budget, per address and in total,
  separate from the players' places; one that has not joined within :attr:`Limits.join_within`
  seconds is closed.  When the budget is full, a newcomer from an address holding fewer such
  connections than the busiest one takes the place of that address's oldest idle connection: holding
  any number of idle connections cannot keep a phone out.  An address at its own limit gives up its
  oldest idle connection only once that one has had :attr:`Limits.opening` seconds to send its join
  (phones behind one address joining at once do not close each other); until then the newcomer is
  told to try again.
* **The PIN.** Every join is a guess, counted when it arrives.  One join at a time per connection.
  Guesses are checked here, from a budget for the whole game that refills slowly
  (:attr:`Limits.pin_rate` a second, :attr:`Limits.pin_burst` at once): a right PIN costs nothing,
  a wrong one a token.  With no token left, joins wait in a queue served fewest-wrong-guesses-first
  (by address), so a phone that has not guessed wrong goes before an address that keeps guessing.
  After :attr:`Limits.pin_budget` wrong guesses the game takes no more until the host shows a new
  PIN (players already in stay in).  A join on a connection that closes before its turn is counted
  and never checked.
"""

from __future__ import annotations

import ipaddress
import secrets
import sys
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from game.net import messages

WHY_BUSY = "Many phones are connecting at once: trying again"


@dataclass(frozen=True)
class Limits:
    message_bytes: int = messages.MAX_MESSAGE_BYTES
    messages: int = 12            # at most this many messages ...
    message_seconds: float = 2.0  # ... in this many seconds; more are refused
    close_after: int = 40         # refused for speed this many times: the connection is closed
    frames: int = 64              # frames of any kind (a message may come in pieces) in message_seconds
    control_frames: int = 12      # pings and pongs in control_seconds (the server pings every 10 s)
    control_seconds: float = 10.0
    join_within: float = 5.0      # a connection that has not joined by then is closed
    unjoined: int = 64            # connections that have not joined, in all ...
    unjoined_per_address: int = 16  # ... and from one address
    opening: float = 1.0          # a connection this young is sending its first message: never closed for another
                                  # from its own address (phones behind one address all joining at once)
    pin_burst: int = 20           # wrong PINs that may come at once ...
    pin_rate: float = 1.0         # ... and then this many a second, for the whole game
    pin_budget: int = 1000        # wrong PINs in all, then no more until the host shows a new PIN
    addresses_kept: int = 4096    # addresses whose wrong guesses are remembered


# -- what the server is asked to do --------------------------------------------------------------
@dataclass(frozen=True)
class Send:
    conn: int
    message: messages.Outbound


@dataclass(frozen=True)
class Forward:
    """Pass a checked message on to the game (stamped with the moment it arrived)."""

    conn: int
    message: messages.Inbound
    at: float


@dataclass(frozen=True)
class Close:
    conn: int
    code: int
    reason: str


@dataclass(frozen=True)
class PinBudgetSpent:
    """For the game: the wrong-PIN budget is spent; no one joins until the host shows a new PIN."""

    wrong: int


Action = Send | Forward | Close | PinBudgetSpent

CLOSE_NORMAL = 1000
CLOSE_POLICY = 1008
CLOSE_TRY_AGAIN = 1013


@dataclass
class Counts:
    """What the gate refused and let through.  Only the server's thread writes these; readers on other
    threads read whole numbers (each one is written in one step) and add them up when they report."""

    connections: int = 0
    messages: int = 0
    rejected_messages: int = 0
    closed_for_size: int = 0
    throttled: int = 0
    closed_for_frames: int = 0
    refused_connections: int = 0
    evicted: int = 0
    closed_unjoined: int = 0
    guesses: int = 0
    wrong_pins: int = 0
    guesses_unchecked: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(vars(self))


class RateLog:
    """Lines on standard error, at most one a second for each kind, with how many were held back."""

    def __init__(self, write: Callable[[str], None] | None = None, every: float = 1.0):
        self.write = write or _stderr
        self.every = every
        self._last: dict[str, float] = {}
        self._held: dict[str, int] = {}

    def note(self, kind: str, text: str, now: float) -> None:
        last = self._last.get(kind)
        if last is not None and now - last < self.every:
            self._held[kind] = self._held.get(kind, 0) + 1
            return
        self._last[kind] = now
        held = self._held.pop(kind, 0)
        self.write(text + (f" (and {held:,} more like it since the last line)" if held else ""))

    def flush(self) -> None:
        """What was held back, once (when the server stops)."""
        for kind, held in sorted(self._held.items()):
            self.write(f"{held:,} more: {kind}")
        self._held.clear()


def _stderr(text: str) -> None:
    print(f"mi-trivia party: {text}", file=sys.stderr, flush=True)


# -- the hosts the game serves ---------------------------------------------------------------------
def host_names(addresses: Iterable[str]) -> frozenset[str]:
    """The host names a phone's browser may send: the addresses the game listens on and shows,
    ``localhost`` and the loopback addresses (written as a browser writes them)."""
    names = {"localhost", "127.0.0.1", "[::1]"}
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            names.add(address.lower().rstrip("."))
            continue
        if ip.is_unspecified:
            continue
        names.add(f"[{ip}]" if ip.version == 6 else str(ip))
    return frozenset(names)


def _split_host(value: str) -> tuple[str, int | None] | None:
    """``("name", port)`` from a ``Host`` header (``name``, ``name:port``, ``[v6]:port``); None if malformed."""
    value = value.strip().lower()
    if not value:
        return None
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        name, rest = value[:end + 1], value[end + 1:]
    else:
        name, colon, port_text = value.partition(":")
        rest = colon + port_text
    if not rest:
        return name.rstrip("."), None
    if not rest.startswith(":") or not rest[1:].isdigit() or len(rest) > 6:
        return None
    return name.rstrip("."), int(rest[1:])


# -- the connections -------------------------------------------------------------------------------
State = Literal["idle", "asking", "queued", "player"]


class _Count:
    """Events in a fixed window of time: two numbers, however many events (frames come in floods)."""

    __slots__ = ("start", "count")

    def __init__(self) -> None:
        self.start = -1e18
        self.count = 0

    def add(self, now: float, seconds: float, limit: int) -> bool:
        """One more at ``now``; ``False`` when that makes more than ``limit`` in this window."""
        if now - self.start > seconds:
            self.start, self.count = now, 0
        self.count += 1
        return self.count <= limit


@dataclass(slots=True)
class _Conn:
    address: str
    opened: float
    seq: int
    state: State = "idle"
    times: deque[float] = field(default_factory=deque)  # its last messages (a sliding window)
    frames: _Count = field(default_factory=_Count)
    controls: _Count = field(default_factory=_Count)
    throttled: int = 0
    closing: bool = False
    unjoined: bool = True  # counted in the budget of connections that have not joined


def _window(times: deque[float], now: float, seconds: float, limit: int) -> bool:
    """Record one more event at ``now``; ``False`` when that is more than ``limit`` in ``seconds``."""
    while times and now - times[0] > seconds:
        times.popleft()
    if len(times) >= limit:
        return False
    times.append(now)
    return True


class Gate:
    """The checks for one party's server; ``pin`` ``None`` leaves the PIN to the game (a bare server)."""

    def __init__(self, pin: str | None = None, *, limits: Limits | None = None, hosts: Iterable[str] = (),
                 port: int | None = None, log: RateLog | None = None):
        self.limits = limits or Limits()
        self.pin = pin
        self.hosts = host_names(hosts)
        self.port = port
        self.log = log or RateLog()
        self.counts = Counts()
        self._conns: dict[int, _Conn] = {}
        self._unjoined: dict[str, int] = {}  # address -> connections from it that carry no player
        self._seq = 0
        self._tokens = float(self.limits.pin_burst)
        self._tokens_at: float | None = None
        self._wrong_since_pin = 0
        self._wrong_by_address: dict[str, int] = {}
        self._queue: dict[int, tuple[messages.Join, float]] = {}  # conn -> its join and when it came

    # -- the handshake ------------------------------------------------------------------------------
    def handshake(self, host: str | None, origin: str | None) -> str | None:
        """``None`` if a request with these headers is for us; else why not (for the log)."""
        got = _split_host(host or "")
        if got is None or got[0] not in self.hosts or (got[1] is not None and self.port and got[1] != self.port):
            return f"a request for another host ({(host or '')[:60]!r})"
        if origin is not None:
            scheme, _, rest = origin.partition("://")
            if scheme.lower() not in ("http", "https") or _split_host(rest) != got:
                return f"a page from elsewhere ({origin[:60]!r})"
        return None

    def refused_request(self, why: str, now: float) -> None:
        self.counts.refused_connections += 1
        self.log.note("foreign", f"refused {why}", now)

    # -- connections -------------------------------------------------------------------------------
    def open(self, conn: int, address: str, now: float) -> list[Action]:
        """A WebSocket opened.  Closes itself (try again later) when the budget of connections that
        have not joined is full and it cannot take a place; may close an idle one to make room."""
        actions: list[Action] = []
        mine = self._unjoined.get(address, 0)
        self.counts.connections += 1
        victim: int | None = None
        if mine >= self.limits.unjoined_per_address:
            victim = self._oldest_idle({address}, now - self.limits.opening)
        elif sum(self._unjoined.values()) >= self.limits.unjoined:
            # The budget is full: take the place of the oldest idle connection of the busiest address
            # holding more than this one does (the next busiest when those are all asking).
            for level in sorted({n for n in self._unjoined.values() if n > mine}, reverse=True):
                victim = self._oldest_idle({a for a, n in self._unjoined.items() if n == level})
                if victim is not None:
                    break
        else:
            victim = -1  # room enough
        if victim is None:
            self.counts.refused_connections += 1
            self.log.note("busy", f"refused a connection from {address}: too many that have not joined", now)
            return [Close(conn, CLOSE_TRY_AGAIN, WHY_BUSY)]
        if victim >= 0:
            self.counts.evicted += 1
            actions += self._close(victim, CLOSE_TRY_AGAIN, WHY_BUSY, now)
        self._seq += 1
        self._conns[conn] = _Conn(address, now, self._seq)
        self._unjoined[address] = self._unjoined.get(address, 0) + 1
        return actions

    def _oldest_idle(self, addresses: set[str], opened_before: float | None = None) -> int | None:
        best: tuple[int, int] | None = None
        for conn, state in self._conns.items():
            if state.state == "idle" and not state.closing and state.address in addresses and \
                    (opened_before is None or state.opened <= opened_before):
                if best is None or state.seq < best[0]:
                    best = (state.seq, conn)
        return None if best is None else best[1]

    def _close(self, conn: int, code: int, reason: str, now: float) -> list[Action]:
        state = self._conns.get(conn)
        if state is None or state.closing:
            return []
        state.closing = True
        self._forget_unjoined(state)
        self._unqueue(conn)
        return [Close(conn, code, reason)]

    def _unqueue(self, conn: int) -> None:
        """A queued join whose connection is closing: it was counted when it came; it is never checked."""
        if self._queue.pop(conn, None) is not None:
            self.counts.guesses_unchecked += 1

    def _forget_unjoined(self, state: _Conn) -> None:
        """Take the connection out of the budget of those that have not joined (once)."""
        if state.unjoined:
            state.unjoined = False
            left = self._unjoined.get(state.address, 0) - 1
            if left > 0:
                self._unjoined[state.address] = left
            else:
                self._unjoined.pop(state.address, None)

    def gone(self, conn: int, now: float) -> list[Action]:
        """The connection ended (either side closed it)."""
        state = self._conns.pop(conn, None)
        if state is None:
            return []
        self._forget_unjoined(state)
        self._unqueue(conn)
        return []

    def settled(self, conn: int, joined: bool, now: float) -> list[Action]:
        """The game answered this connection's join or rejoin: it now carries a player, or not."""
        state = self._conns.get(conn)
        if state is None:
            return []
        if joined:
            if state.state != "player":
                self._forget_unjoined(state)
                state.state = "player"
        elif state.state == "asking":
            state.state = "idle"
        return []

    # -- frames and messages -------------------------------------------------------------------------
    def frame(self, conn: int, control: bool, now: float) -> list[Action]:
        """A frame arrived (``control``: a ping or a pong).  Too many close the connection."""
        state = self._conns.get(conn)
        if state is None or state.closing:
            return []
        ok = state.frames.add(now, self.limits.message_seconds, self.limits.frames)
        if ok and control:
            ok = state.controls.add(now, self.limits.control_seconds, self.limits.control_frames)
        if ok:
            return []
        self.counts.closed_for_frames += 1
        self.log.note("frames", f"closed a connection from {state.address}: too many "
                                f"{'pings' if control else 'frames'}", now)
        return self._close(conn, CLOSE_POLICY, "too many pings" if control else "too many frames", now)

    def too_big(self, conn: int, now: float) -> None:
        """The WebSocket library closed this connection for a message over the size limit."""
        state = self._conns.get(conn)
        self.counts.rejected_messages += 1
        self.counts.closed_for_size += 1
        self.log.note("size", f"closed a connection from {state.address if state else '?'} for a message over "
                              f"{self.limits.message_bytes} bytes", now)

    def message(self, conn: int, data: str | bytes, now: float) -> list[Action]:
        state = self._conns.get(conn)
        if state is None or state.closing:
            return []
        if not _window(state.times, now, self.limits.message_seconds, self.limits.messages):
            state.throttled += 1
            self.counts.rejected_messages += 1
            self.counts.throttled += 1
            self.log.note("fast", f"a connection from {state.address} sends too fast; its extra messages "
                                  "are refused", now)
            if state.throttled >= self.limits.close_after:
                return self._close(conn, CLOSE_POLICY, "too many messages", now)
            return []
        try:
            message = messages.parse(data)
        except messages.BadMessage as exc:
            self.counts.rejected_messages += 1
            self.log.note("bad", f"refused a message from {state.address}: {exc}", now)
            if exc.kind == "join" and exc.field == "pin":  # a guess all the same
                self.counts.guesses += 1
                return self._wrong(conn, state, now)
            if exc.kind == "join" and exc.field == "name":
                return [Send(conn, messages.error("That nickname cannot be used: type another", "name"))]
            return [Send(conn, messages.error(messages.NOT_UNDERSTOOD))]
        self.counts.messages += 1
        kind = message["type"]
        if kind == "ping":
            return []
        if kind in ("join", "rejoin"):
            if state.state in ("asking", "queued"):
                self.counts.rejected_messages += 1
                return [Send(conn, messages.error("One moment: your last try is still being checked", "busy"))]
        if message["type"] == "join":
            if state.state == "player":  # never a guess: this connection already carries a player
                self.counts.rejected_messages += 1
                return [Send(conn, messages.error("Already in the game", "joined"))]
            self.counts.guesses += 1
            if self.pin is None:
                state.state = "asking"
                return [Forward(conn, message, now)]
            if self.spent:
                self.counts.rejected_messages += 1
                return [Send(conn, messages.error(BUDGET_SPENT, "budget"))]
            state.state = "queued"
            self._queue[conn] = (message, now)
            return self._check(now)
        if message["type"] == "rejoin" and state.state != "player":
            state.state = "asking"
        return [Forward(conn, message, now)]

    # -- the PIN -------------------------------------------------------------------------------------
    @property
    def spent(self) -> bool:
        return self.pin is not None and self._wrong_since_pin >= self.limits.pin_budget

    def _refill(self, now: float) -> None:
        if self._tokens_at is not None:
            self._tokens = min(float(self.limits.pin_burst),
                               self._tokens + max(now - self._tokens_at, 0.0) * self.limits.pin_rate)
        self._tokens_at = now

    def _check(self, now: float) -> list[Action]:
        """Check queued joins while there is a token: fewest wrong guesses from the address first."""
        self._refill(now)
        actions: list[Action] = []
        while self._queue and self._tokens >= 1.0:
            if self.spent:
                for conn in list(self._queue):
                    del self._queue[conn]
                    self.counts.rejected_messages += 1
                    self._conns[conn].state = "idle"
                    actions.append(Send(conn, messages.error(BUDGET_SPENT, "budget")))
                break
            conn = min(self._queue, key=lambda c: (self._wrong_by_address.get(self._conns[c].address, 0),
                                                   self._conns[c].seq))
            message, came = self._queue.pop(conn)
            state = self._conns[conn]
            if secrets.compare_digest(message["pin"].strip().encode("utf-8"), (self.pin or "").encode("utf-8")):
                state.state = "asking"
                actions.append(Forward(conn, message, came))
            else:
                actions += self._wrong(conn, state, now)
        return actions

    def _wrong(self, conn: int, state: _Conn, now: float) -> list[Action]:
        """A wrong guess: it costs a token and a place in the budget, and the address goes back in line."""
        self._refill(now)
        self._tokens = max(self._tokens - 1.0, 0.0)
        self.counts.wrong_pins += 1
        self._wrong_since_pin += 1
        if state.address in self._wrong_by_address or len(self._wrong_by_address) < self.limits.addresses_kept:
            self._wrong_by_address[state.address] = self._wrong_by_address.get(state.address, 0) + 1
        state.state = "idle"
        self.log.note("pin", f"a wrong PIN from {state.address}", now)
        actions: list[Action] = [Send(conn, messages.error("Wrong game PIN", "pin"))]
        if self._wrong_since_pin == self.limits.pin_budget and self.pin is not None:
            actions.append(PinBudgetSpent(self._wrong_since_pin))
        return actions

    def wrong_pin(self, conn: int, now: float) -> list[Action]:
        """The game refused a PIN this gate let through (it changed meanwhile): counted all the same."""
        state = self._conns.get(conn)
        if state is None:
            return []
        self._wrong(conn, state, now)
        return []

    def new_pin(self, pin: str, now: float) -> list[Action]:
        """The host shows a new PIN: the budget starts again (the rate does not)."""
        self.pin = pin
        self._wrong_since_pin = 0
        return self._check(now)

    # -- time ----------------------------------------------------------------------------------------
    def tick(self, now: float) -> list[Action]:
        """Close connections that have not joined in time; check joins whose turn has come."""
        actions: list[Action] = []
        for conn, state in list(self._conns.items()):
            if state.state == "player" or state.closing:
                continue
            age = now - state.opened
            # Idle past the limit; or waiting for an answer far longer than any should take (a game that
            # never answered must not hold a place for ever).
            if (state.state == "idle" and age >= self.limits.join_within) or age >= 4 * self.limits.join_within:
                self.counts.closed_unjoined += 1
                actions += self._close(conn, CLOSE_NORMAL, "join within a few seconds", now)
        if self._queue:
            actions += self._check(now)
        return actions

    @property
    def unjoined(self) -> int:
        return sum(self._unjoined.values())

    def __len__(self) -> int:
        return len(self._conns)


BUDGET_SPENT = "Too many wrong PINs were tried: ask the host for a new PIN"
