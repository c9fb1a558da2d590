"""One party game as the big screen runs it: the questions, the room, its server and host.

No pygame here: the party scenes hold a :class:`PartyGame` (through the app)
and call it; the server starts with the party and stops when it ends.
"""

from __future__ import annotations

import ipaddress
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from game.core.party import MAX_PLAYERS_DEFAULT, PIN_DIGITS, Reveal, Room
from game.memory import settle
from game.net.addresses import join_url, local_addresses
from game.net.gate import Limits
from game.net.host import PartyHost
from game.net.server import DEFAULT_PORT, PartyServer

LOOPBACK = "127.0.0.1"


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


def _unspecified(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_unspecified
    except ValueError:
        return False


def _new_pin() -> str:
    return f"{secrets.randbelow(10 ** PIN_DIGITS):0{PIN_DIGITS}d}"


def plan_addresses(bind: str | None, found: list[str]) -> tuple[list[str], str, bool]:
    """``(listen on, shown to phones, no network found)`` for ``--bind`` (``None``: the local network).

    By default the game listens on this machine's local-network addresses and
    on 127.0.0.1; with none found it listens on 127.0.0.1 only and says so.
    """
    if bind:
        shown = (found[0] if found else LOOPBACK) if _unspecified(bind) else bind
        return [bind], shown, False
    if found:
        return [*found, LOOPBACK], found[0], False
    return [LOOPBACK], LOOPBACK, True


class PartyGame:
    """The rounds of one party and the room that answers them.

    ``rounds`` come from a :class:`~game.core.session.Session` (so a party asks
    the same mix of kinds, in the same way, as any game); ``timed`` False plays
    without a clock (each question waits for everyone, or for the host).
    """

    def __init__(self, rounds: Iterable[Any], *, timed: bool = True, port: int = DEFAULT_PORT,
                 bind: str | None = None, max_players: int = MAX_PLAYERS_DEFAULT, show_prompt: bool = True,
                 addresses: Iterable[str] | None = None, clock: Callable[[], float] | None = None,
                 limits: Limits | None = None):
        self.rounds = list(rounds)
        self.timed = timed
        # With --bind 0.0.0.0 too: the lobby shows one of them, and phones may name any of them.
        found = local_addresses() if addresses is None and (not bind or _unspecified(bind)) else list(addresses or [])
        hosts, self.shown_host, self.no_network = plan_addresses(bind, found)
        self.local_only = _loopback(self.shown_host)
        self.room = Room(_new_pin(), clock=clock or time.monotonic, max_players=max_players)
        # Phones may name this computer by the address the lobby shows, and by every address it listens on
        # (with --bind 0.0.0.0, any of this machine's own).
        names = [self.shown_host, *found] if _unspecified(hosts[0]) else [self.shown_host]
        self.server = PartyServer(hosts if len(hosts) > 1 else hosts[0], port, pin=self.room.pin, names=names,
                                  limits=limits)
        self.host = PartyHost(self.room, self.server, total=len(self.rounds), show_prompt=show_prompt)
        self.index = -1
        self.reveals: list[Reveal] = []
        self.finished = False
        self.closed = False
        self._stopper: threading.Thread | None = None

    # -- the server ----------------------------------------------------------------------
    def start(self) -> None:
        """Listen (``OSError`` with a clear message when it cannot)."""
        self.server.start()
        settle()  # the room, the server and its tables last the party: collections during it skip them

    @property
    def port(self) -> int:
        return self.server.address[1] if self.server.address else 0

    @property
    def address_text(self) -> str:
        """The address a person types: ``http://192.168.1.20:8765/``."""
        return join_url(self.shown_host, self.port)

    @property
    def url(self) -> str:
        """The QR code's address: the page with the PIN filled in."""
        return f"{self.address_text}?pin={self.room.pin}"

    @property
    def ws_url(self) -> str:
        """Where this computer's own simulated phones connect (autoplay and the benchmark)."""
        return f"ws://{LOOPBACK}:{self.port}/ws"

    @property
    def pin(self) -> str:
        return self.room.pin

    @property
    def pin_budget_spent(self) -> bool:
        """Too many wrong PINs were tried: nobody else joins until the host shows a new PIN."""
        return self.host.pin_budget_spent

    def new_pin(self) -> str:
        """A new PIN for the lobby (and its QR code); players already in stay in."""
        pin = _new_pin()
        while pin == self.room.pin:
            pin = _new_pin()
        self.host.new_pin(pin)
        return pin

    @property
    def rejected_messages(self) -> int:
        """Messages refused, by the server's gate (its thread's count) and by the room (the game thread's)."""
        return self.server.stats["rejected_messages"] + self.host.stats.rejected

    def pump(self) -> bool:
        """Take what the phones sent since the last frame; ``True`` if anything changed."""
        return self.host.pump() if not self.closed else False

    # -- the game's moves --------------------------------------------------------------------
    @property
    def round(self) -> Any:
        return self.rounds[self.index] if 0 <= self.index < len(self.rounds) else None

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def total(self) -> int:
        return len(self.rounds)

    @property
    def last(self) -> bool:
        return self.index + 1 >= len(self.rounds)

    def limit(self) -> float | None:
        return self.round.limit if self.timed and self.round is not None else None

    def ask_next(self) -> bool:
        """Open the next question on every phone; ``False`` when there is none."""
        if self.last:
            return False
        self.index += 1
        self.host.ask(self.round, self.limit())
        return True

    def reveal(self) -> Reveal:
        reveal = self.host.reveal()
        self.reveals.append(reveal)
        return reveal

    def pause(self) -> None:
        self.host.pause()

    def resume(self) -> None:
        self.host.resume()

    def kick(self, player_id: int) -> None:
        self.host.kick(player_id)

    def finish(self) -> None:
        """The last reveal is over: every phone gets its final place and score."""
        if not self.finished:
            self.finished = True
            self.host.end()

    def close(self, reason: str | None = None) -> None:
        """End the party: phones still playing are told why, and the server stops (in the background)."""
        if self.closed:
            return
        if not self.finished:
            self.host.end(reason or "The host ended the game")
            self.finished = True
        self.closed = True
        self._stopper = threading.Thread(target=self.server.stop, name="party-stop", daemon=True)
        self._stopper.start()

    def wait_closed(self, timeout: float = 5.0) -> None:
        if self._stopper is not None:
            self._stopper.join(timeout)
