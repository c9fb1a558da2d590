"""What every scene is given (its ``self.app``): how to draw, what the player chose, the notice line,
the screen flow and the services a scene may ask.  Not the App: a scene never reaches the loop or the
window, and never writes into the services' fields (it calls them: ``games.choose(...)``,
``games.set_player_names(...)``, ``prefs.change(...)``, ``flow.go(outcome)``).

:meth:`Context.build` makes the services of a run:

* ``saves`` (``game/saves.py``): the one worker for files; ``scores``: the high-score table through it;
* ``prefs`` (``game/prefs.py``): the settings, the theme and backdrop they give, the sound;
* ``parties`` (``game/party_control.py``): the party's server and autoplay's phones;
* ``games`` (``game/games.py``): the choices, the game being played, its board, history and outcome;
* ``flow`` (``game/ui/flow.py``): the registry of screens and what leads where.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.games import Games
from game.party_control import PartyControl
from game.prefs import Prefs
from game.saves import Saves, Scores
from game.ui.flow import Flow
from game.ui.images import Pictures
from game.ui.scene import SceneStack
from game.ui.theme import metrics_for

if TYPE_CHECKING:  # pragma: no cover
    from game.core.questions import Bank
    from game.core.scores import ScoreStore
    from game.core.settings import Settings
    from game.ui.sound import Sound
    from game.ui.text import Text
    from game.ui.theme import Metrics, Theme
    from game.ui.widgets import Backdrop

NOTICE_SECONDS = 2.5


class Notice:
    """The short notice (a toast) over whatever screen shows: mute, a controller plugged in."""

    def __init__(self) -> None:
        self.shown: tuple[str, float] | None = None  # the words and when they go

    @property
    def text(self) -> str | None:
        return self.shown[0] if self.shown is not None else None

    def show(self, text: str) -> None:
        self.shown = (text, time.monotonic() + NOTICE_SECONDS)

    def expire(self, now: float) -> bool:
        """Take the notice away once its time is up; whether it just went."""
        if self.shown is not None and now >= self.shown[1]:
            self.shown = None
            return True
        return False


class Context:
    """``options``: the run's options, read only (a choice changes through ``games.choose``)."""

    def __init__(self, options, bank: Bank, *, saves: Saves, scores: Scores, prefs: Prefs, parties: PartyControl,
                 games: Games, flow: Flow, bank_label: str = "default bank", bank_paths: list[str] | None = None,
                 notices: list[str] | None = None) -> None:
        self.options = options
        self.bank = bank
        self.bank_label = bank_label  # what the questions are called ("default bank", file names)
        self.bank_paths = list(bank_paths or [])
        self.notices = list(notices or [])  # said on the title screen (a settings file kept aside...)
        self.saves, self.scores, self.prefs, self.parties, self.games = saves, scores, prefs, parties, games
        self.flow = flow
        self.notice = Notice()
        # Pictures in questions, decoded off the frame (a run that only takes screenshots waits for them).
        self.pictures = Pictures(sync=bool(getattr(options, "screenshots", None)))
        # Set by the window when it opens and whenever its size changes.
        self._text: Text | None = None
        self.size: tuple[int, int] = options.size
        self.metrics: Metrics = metrics_for(*options.size)

    @classmethod
    def build(cls, options, bank: Bank, store: ScoreStore, *, bank_label: str = "default bank",
              bank_paths: list[str] | None = None, notices: list[str] | None = None, settings: Settings | None = None,
              saved_settings: Settings | None = None, settings_path: Path | None = None, history=None,
              history_path: Path | None = None, home_bank: str | None = None,
              clock: Callable[[], float] = time.monotonic) -> Context:
        """The services of a run (see the module's notes; the arguments: :class:`~game.app.App`)."""
        saves = Saves()
        scores = Scores(store, saves)
        prefs = Prefs(settings, saved_settings, settings_path, saves)
        parties = PartyControl(options, clock)
        games = Games(options, bank, prefs=prefs, scores=scores, parties=parties, bank_label=bank_label,
                      home_bank=home_bank, history=history, history_path=history_path, clock=clock)
        context = cls(options, bank, saves=saves, scores=scores, prefs=prefs, parties=parties, games=games,
                      flow=Flow(SceneStack()), bank_label=bank_label, bank_paths=bank_paths, notices=notices)
        context.flow.context = context
        prefs.toast = context.toast
        return context

    # -- how to draw -----------------------------------------------------------------------------
    @property
    def text(self) -> Text:
        """Fonts and text (set by the window when it opens: no scene runs before that)."""
        if self._text is None:
            raise RuntimeError("the window has not opened yet: there is no text to draw with")
        return self._text

    @text.setter
    def text(self, text: Text) -> None:
        self._text = text

    @property
    def theme(self) -> Theme:
        return self.prefs.theme

    @property
    def backdrop(self) -> Backdrop:
        return self.prefs.backdrop

    @property
    def settings(self) -> Settings:
        """The settings in use (read only: they change through ``prefs.change``)."""
        return self.prefs.settings

    @property
    def reduced_motion(self) -> bool:
        return self.prefs.reduced_motion

    @property
    def sound(self) -> Sound:
        return self.prefs.sound

    # -- asked by the scenes ---------------------------------------------------------------------
    def toast(self, text: str) -> None:
        """A short notice over whatever screen is showing."""
        self.notice.show(text)
        self.flow.redraw()

    def bank_paths_for_message(self) -> list[str]:
        """The question files to name in "run `mi-trivia validate …`"."""
        return self.bank_paths or ["questions.yaml"]
