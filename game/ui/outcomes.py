"""What a scene says happened.  A scene hands one to ``flow.go(outcome)`` and the flow
(``game/ui/flow.py``) picks the next screen: no scene knows which screen comes after it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Play:
    """Play with the chosen options (hot-seat asks for the names first).  ``again``: "Play again" or
    "New party" after a game: the same players, in place of the screen that asked."""

    again: bool = False


@dataclass(frozen=True)
class PlayersReady:
    """The hot-seat players have their names: the game starts, in place of the players screen."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class TurnOver:
    """Hot-seat: the next player takes the seat (the question stays hidden; ``note``: who locked in)."""

    session: Any
    note: str = ""


@dataclass(frozen=True)
class GameOver:
    """The last question of a game is done."""

    session: Any


@dataclass(frozen=True)
class PartyStarts:
    """The host starts the party from the lobby."""

    party: Any


@dataclass(frozen=True)
class PartyOver:
    """The party's last reveal is done."""

    party: Any


@dataclass(frozen=True)
class Paused:
    """P, Esc or a lost focus during a game.  ``timed``: whether a clock stopped (``None``: the game's
    session says)."""

    timed: bool | None = None


@dataclass(frozen=True)
class Review:
    """Every question of a finished game, with the answers."""

    session: Any


@dataclass(frozen=True)
class ShowScores:
    """The high-score tables, ``board`` first; ``highlight``: the SaveResults of scores just saved."""

    board: str
    highlight: Any = None


@dataclass(frozen=True)
class EnterName:
    """A top-10 score to save under a name; ``on_saved(result)`` is told before the table shows."""

    entry: Any
    rank: int
    on_saved: Any = None


@dataclass(frozen=True)
class Confirm:
    """Ask once before something that cannot be undone; ``then``: what happens on yes."""

    title: str
    note: str
    yes: str
    no: str
    then: Any


@dataclass(frozen=True)
class ToTitle:
    """Leave the game (or the party) for the title screen."""


@dataclass(frozen=True)
class Quit:
    """End the run (``code``: the exit status; autoplay says 1 when it could not finish)."""

    code: int = 0
