"""The party's life cycle, outside App: its server started and stopped, autoplay's simulated phones,
the players' scores as high-score entries, and the party's numbers for the end-of-run report.

No pygame here: the lobby and the big screen hold the :class:`~game.net.game.PartyGame` this starts.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from game.core.scores import Entry, new_entry

if TYPE_CHECKING:  # pragma: no cover
    from game.net.bots import BotRunner
    from game.net.game import PartyGame


class PartyControl:
    """``options``: the run's :class:`~game.app.Options` (port, bind, max players, autoplay's bots, seed)."""

    def __init__(self, options, clock=time.monotonic) -> None:
        self.options = options
        self.clock = clock  # the seconds every party's room reads (a test steps it)
        self.current: PartyGame | None = None  # the party running now
        self.parties: list[PartyGame] = []  # every party this run, stopped at the end
        self.bots: BotRunner | None = None  # autoplay's simulated phones

    @property
    def last(self):
        """The last party this run started (running or over), or ``None``."""
        return self.parties[-1] if self.parties else None

    def begin(self, rounds, timed: bool) -> tuple[PartyGame | None, str]:
        """Start a party that asks ``rounds`` (a party already running ends first): ``(party, "")``, or
        ``(None, why not)`` when its server could not start (said on standard error too)."""
        from game.net.game import PartyGame
        from game.net.server import DEFAULT_PORT

        options = self.options
        if self.current is not None:
            self.end("The host started a new party")
        if self.parties:
            self.parties[-1].wait_closed()  # its port is free again for the new one
        bind = "127.0.0.1" if options.bots else options.bind
        port = options.port if options.port is not None else (0 if options.bots else DEFAULT_PORT)
        party = PartyGame(rounds, timed=timed, port=port, bind=bind, max_players=options.max_players,
                          clock=self.clock)
        try:
            party.start()
        except OSError as exc:
            message = f"The party could not start: {exc}"
            print(f"mi-trivia: {message}", file=sys.stderr)
            return None, message
        self.current = party
        self.parties.append(party)
        if options.bots:
            from game.net.bots import BotRunner

            self.bots = BotRunner(party.ws_url, party.pin, options.bots, seed=options.seed,
                                  truth=lambda number: party.rounds[number - 1])
            self.bots.start()
        return party, ""

    def pump(self) -> bool:
        """The phones' news for the running party (the game thread, each frame): whether anything changed."""
        return self.current is not None and self.current.pump()

    def end(self, reason: str | None = None) -> None:
        """Tell the phones the party is over (``reason``: why, when it ended early) and stop its server."""
        if self.current is not None:
            self.current.close(reason)
            self.current = None

    def close(self) -> None:
        """The end of the run: every party's server stopped and the simulated phones too."""
        self.end("The game was closed")
        for party in self.parties:
            party.wait_closed()
        if self.bots is not None:
            self.bots.stop()

    def asked_rounds(self) -> list:
        """The rounds the last party has shown so far."""
        party = self.last
        return party.rounds[:party.number] if party is not None else []

    def entries(self, party, board: tuple[str, str], outcome: dict) -> list[tuple[int, Entry]]:
        """``(seat, Entry)`` on ``board`` for each player who scored (none without a clock); the players'
        numbers go into the run's ``outcome``."""
        standings = party.room.standings()
        outcome["players"] = [
            {"name": p.name, "score": p.score, "correct": p.correct, "answered": sum(
                1 for a in p.answers.values() if a.response is not None), "best_streak": p.best_streak,
             "place": p.place, "saved": False}
            for p in standings]
        if standings:
            best = standings[0]
            outcome.update(answered=outcome["players"][0]["answered"], correct=best.correct, score=best.score)
        if not party.timed:
            return []
        return [(seat, new_entry(board[0], board[1], p.name, p.score, p.correct, party.total, p.total_time,
                                 mode="party"))
                for seat, p in enumerate(standings) if p.score > 0]

    def report(self) -> dict:
        """Party mode's numbers: the room, the server and (autoplay) the simulated phones."""
        data: dict = {}
        party = self.last
        if party is not None:
            data.update(questions=party.number, players_joined=len(party.room.players),
                        answers_counted=party.host.stats.answers_counted,
                        rejected_messages=party.rejected_messages,
                        rejoins=party.host.stats.rejoins)
        if self.bots is not None:
            data.update(self.bots.report())
            if party is not None:
                # What the simulated phones sent of each kind asked, and what the game counted of it.
                from game.report import kinds_asked

                counted = party.host.stats.counted_by_kind
                data["answers_by_kind"] = {kind: [self.bots.sent_of(kind), counted.get(kind, 0)]
                                           for kind, asked in kinds_asked(party.rounds[:party.number]).items()
                                           if asked}
        return data
