"""A party's flow on the big screen, without pygame or sockets: question -> reveal -> leaderboard -> next.

A :class:`PartyFlow` decides what the party's play screen used to decide for itself: when a question
ends (its time is up, or everyone has answered, or the host says so), how long the reveal and the
leaderboard stay, when the last five seconds tick, and that the podium comes after the last reveal.
It drives a :class:`Party` (``game.net.game.PartyGame`` in the game; anything with its few moves in
the tests), whose :class:`~game.core.party.Room` keeps the question's time by the game's injected
clock; the reveal's and the leaderboard's countdowns go by the ``dt`` handed to
:meth:`PartyFlow.update`.  The screen draws and acts on the :data:`Event` each call returns.
"""

from __future__ import annotations

from typing import Literal, Protocol

from game.core.party import Reveal, Room
from game.core.round import tick_due

REVEAL_SECONDS = 7.0
BOARD_SECONDS = 6.0
PHASES = ("question", "reveal", "leaderboard")

#: ``"tick"`` (one of the last five seconds began), ``"question"`` (the next question is open on every
#: phone), ``"reveal"`` (the answer is shown), ``"leaderboard"`` and ``"over"`` (the last reveal is
#: over: the podium comes next).
Event = Literal["tick", "question", "reveal", "leaderboard", "over"]


class Party(Protocol):
    """What the flow asks of a party (``game.net.game.PartyGame``)."""

    @property
    def room(self) -> Room: ...

    @property
    def timed(self) -> bool: ...

    @property
    def last(self) -> bool: ...

    def ask_next(self) -> bool: ...

    def reveal(self) -> Reveal: ...


class PartyFlow:
    """The phases of a party's questions: see the module's notes."""

    def __init__(self, party: Party, reveal_seconds: float = REVEAL_SECONDS,
                 board_seconds: float = BOARD_SECONDS) -> None:
        self.party = party
        self.reveal_seconds = reveal_seconds
        self.board_seconds = board_seconds
        self.phase: str = "question"
        self.reveal: Reveal | None = None  # the last question's reveal (the leaderboard reads it too)
        self.left = 0.0  # seconds the reveal or the leaderboard stays
        self.ticked: int | None = None  # the last of the final five seconds that ticked

    @property
    def step(self) -> int:
        """The phase's place in :data:`PHASES`."""
        return PHASES.index(self.phase)

    def ask_next(self) -> Event:
        """Open the next question on every phone."""
        self.party.ask_next()
        self.phase = "question"
        self.reveal = None
        self.ticked = None
        return "question"

    def show_answer(self) -> Event:
        """End the question (time is up, everyone answered, or the host asked) and reveal it."""
        self.reveal = self.party.reveal()
        self.phase = "reveal"
        self.left = self.reveal_seconds
        return "reveal"

    def go_on(self) -> Event:
        """From the reveal to the leaderboard (to the podium after the last question), and from the
        leaderboard to the next question."""
        if self.phase == "reveal" and not self.party.last:
            self.phase = "leaderboard"
            self.left = self.board_seconds
            return "leaderboard"
        if self.phase == "leaderboard":
            return self.ask_next()
        return "over"

    def right(self) -> int:
        """How many got the revealed question right."""
        return sum(1 for a in self.reveal.answers.values() if a.correct) if self.reveal else 0

    def update(self, dt: float) -> Event | None:
        """``dt`` seconds passed: what happened, if anything."""
        room = self.party.room
        if self.phase == "question":
            if room.expired() or room.everyone_answered():
                return self.show_answer()
            due = tick_due(room.remaining(), self.ticked) if self.party.timed and not room.paused else None
            if due is not None:
                self.ticked = due
                return "tick"
            return None
        self.left -= dt
        if self.left <= 0:
            return self.go_on()
        return None
