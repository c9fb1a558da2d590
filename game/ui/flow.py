"""Every screen by name, and what leads where.

:data:`SCREENS` is the registry: a screen's name -> the scene class that draws it (imported the first
time it is shown, so start-up loads only the title).  A scene class says its own name (``screen``)
and, when it shows itself under several names, its phases (the play screen is "question", then
"feedback"); screenshots and the autoplay bot use those names (:func:`names`).

A scene never imports another.  It says what happened with ``flow.go(outcome)`` (the outcomes are in
``game/ui/outcomes.py``), asks for a screen by name with ``flow.show(name, ...)``, or goes back with
``flow.back()``.  The transitions, all of them here::

    title        Play -> players (hot-seat: names first) | play | party_lobby
                 ShowScores -> highscores;  show settings;  Confirm(then=Quit) -> confirm
    players      PlayersReady -> play (in place of players);  back
    play         TurnOver -> handover (over play);  Paused -> pause;  GameOver -> results | podium (in place)
    handover     back (to the question);  Paused -> pause
    pause        back;  show settings;  Confirm(then=ToTitle) -> confirm
    confirm      back, then its outcome
    results      EnterName -> name_entry;  ShowScores -> highscores;  Review -> review;
                 Play(again) -> play | players (in place);  ToTitle -> title
    podium       as results (saving every player who made the top 10 -> highscores)
    name_entry   back;  saved -> back, then highscores
    highscores   back (to title when nothing is under it)
    party_lobby  PartyStarts -> party_play (in place);  ToTitle
    party_play   Paused -> pause;  PartyOver -> party_podium (in place)
    party_podium ShowScores -> highscores;  Play(again) -> party_lobby (in place);  ToTitle
    preview      (`mi-trivia preview FILE` starts on it; it shows the play screen made by ``make``)  Quit
    (anywhere)   Quit -> the run ends;  ToTitle -> every screen left, the title alone
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.ui import outcomes as O
from game.ui.scene import Scene, SceneStack


@dataclass(frozen=True)
class Screen:
    """Where a screen's scene class lives (``module:Class``)."""

    where: str

    def load(self) -> type[Scene]:
        module, name = self.where.split(":")
        return getattr(importlib.import_module(module), name)


SCREENS: dict[str, Screen] = {
    "title": Screen("game.ui.scenes.title:TitleScene"),
    "settings": Screen("game.ui.scenes.settings:SettingsScene"),
    "confirm": Screen("game.ui.scenes.confirm:ConfirmScene"),
    "players": Screen("game.ui.scenes.players:PlayersScene"),
    "play": Screen("game.ui.scenes.play:PlayScene"),
    "handover": Screen("game.ui.scenes.handover:HandoverScene"),
    "pause": Screen("game.ui.scenes.pause:PauseScene"),
    "results": Screen("game.ui.scenes.results:ResultsScene"),
    "podium": Screen("game.ui.scenes.podium:PodiumScene"),
    "review": Screen("game.ui.scenes.review:ReviewScene"),
    "name_entry": Screen("game.ui.scenes.names:NameEntryScene"),
    "highscores": Screen("game.ui.scenes.highscores:HighScoresScene"),
    "party_lobby": Screen("game.ui.scenes.party_lobby:PartyLobbyScene"),
    "party_play": Screen("game.ui.scenes.party_play:PartyPlayScene"),
    "party_podium": Screen("game.ui.scenes.party_podium:PartyPodiumScene"),
    "preview": Screen("game.ui.scenes.preview:PreviewScene"),
}


def scene_class(screen: str) -> type[Scene]:
    return SCREENS[screen].load()


def names() -> list[str]:
    """Every name a screen shows itself by (its phases, or its own name), in the registry's order."""
    found: list[str] = []
    for screen in SCREENS:
        found.extend(scene_class(screen).phases or (screen,))
    return found


class Flow:
    """Shows the screens on ``stack``; ``context``: what every scene is given; ``stop(code)``: ends the run."""

    def __init__(self, stack: SceneStack) -> None:
        self.stack = stack
        self.context: Any = None
        self.stop: Callable[[int], None] = lambda code: None
        self._next: dict[type, Callable[[Any], None]] = {
            O.Play: self._play, O.PlayersReady: self._players_ready, O.TurnOver: self._turn_over,
            O.GameOver: self._game_over, O.PartyStarts: self._party_starts, O.PartyOver: self._party_over,
            O.Paused: self._paused, O.Review: self._review, O.ShowScores: self._scores,
            O.EnterName: self._enter_name, O.Confirm: self._confirm, O.ToTitle: self._to_title, O.Quit: self._quit,
        }

    # -- asked by the scenes ----------------------------------------------------------------------
    def make(self, screen: str, *args, **kwargs) -> Scene:
        """The scene for ``screen`` (a name in :data:`SCREENS`), not shown yet."""
        return scene_class(screen)(self.context, *args, **kwargs)

    def show(self, screen: str, *args, replace: bool = False, **kwargs) -> Scene:
        """Show ``screen`` over the one on top (``replace``: in its place); returns its scene."""
        scene = self.make(screen, *args, **kwargs)
        self.stack.replace(scene) if replace else self.stack.push(scene)
        return scene

    def back(self) -> None:
        """Leave the screen on top for the one under it (the title when there is none)."""
        if len(self.stack) > 1:
            self.stack.pop()
        else:
            self._to_title(O.ToTitle())

    def go(self, outcome) -> None:
        """What happened decides the next screen (see the module's notes)."""
        self._next[type(outcome)](outcome)

    def redraw(self) -> None:
        """Something on the screen changed outside the screen's own update (a phone joined, a caret)."""
        self.stack.changed = True

    # -- the transitions ------------------------------------------------------------------------------
    def _play(self, outcome: O.Play) -> None:
        games = self.context.games
        if not games.playable_questions():
            return
        if games.options.mode == "party":
            party, problem = games.begin_party()
            if party is None:
                self.context.toast(problem)
                if games.options.autoplay:
                    self._quit(O.Quit(1))
                return
            self.show("party_lobby", party, replace=outcome.again)
        elif games.needs_names(again=outcome.again):
            self.show("players", replace=outcome.again)
        else:
            self._begin_game(replace=outcome.again)

    def _begin_game(self, replace: bool) -> None:
        session = self.context.games.begin_game()
        if session is not None:
            self.show("play", session, replace=replace)
            if session.mode == "hotseat":
                self._turn_over(O.TurnOver(session))

    def _players_ready(self, outcome: O.PlayersReady) -> None:
        self.context.games.set_player_names(list(outcome.names))
        self._begin_game(replace=True)

    def _turn_over(self, outcome: O.TurnOver) -> None:
        self.show("handover", outcome.session, outcome.note)

    def _game_over(self, outcome: O.GameOver) -> None:
        self.context.games.finish_game(outcome.session)
        self.show("podium" if outcome.session.mode == "hotseat" else "results", outcome.session, replace=True)

    def _party_starts(self, outcome: O.PartyStarts) -> None:
        self.show("party_play", outcome.party, replace=True)

    def _party_over(self, outcome: O.PartyOver) -> None:
        self.show("party_podium", outcome.party, replace=True)

    def _paused(self, outcome: O.Paused) -> None:
        self.show("pause", timed=outcome.timed)

    def _review(self, outcome: O.Review) -> None:
        self.context.games.mark_reviewed()
        self.show("review", outcome.session)

    def _scores(self, outcome: O.ShowScores) -> None:
        self.show("highscores", outcome.board, highlight=outcome.highlight)

    def _enter_name(self, outcome: O.EnterName) -> None:
        self.show("name_entry", outcome.entry, outcome.rank, on_saved=outcome.on_saved)

    def _confirm(self, outcome: O.Confirm) -> None:
        self.show("confirm", outcome.title, outcome.note, outcome.yes, outcome.no, outcome.then)

    def _to_title(self, outcome: O.ToTitle) -> None:
        self.context.games.end()
        self.stack.clear_to(self.make("title"))

    def _quit(self, outcome: O.Quit) -> None:
        self.context.games.remember_asked()
        self.stop(outcome.code)
