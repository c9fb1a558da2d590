"""The screen flow in one place (game/ui/flow.py): the registry, the transitions, and the bot that drives
every screen the registry lists."""

import ast
from pathlib import Path

import pygame
import pytest

from game.app import App, Options
from game.core.scores import ScoreStore
from game.ui import flow as F
from game.ui import intents as I
from game.ui import outcomes as O
from game.ui.autoplay import DELAYS, Bot
from game.ui.intents import Intent

ROOT = Path(__file__).resolve().parent.parent
SCENES = ROOT / "game" / "ui" / "scenes"


def test_every_registered_screen_says_its_own_name():
    for screen in F.SCREENS:
        cls = F.scene_class(screen)
        assert cls.screen == screen, (screen, cls)
    assert {"question", "feedback", "party_question", "party_reveal", "party_leaderboard"} <= set(F.names())
    assert "play" not in F.names()  # the play screen shows itself by its phases


def test_every_scene_module_is_in_the_registry():
    modules = {screen.where.split(":")[0].rsplit(".", 1)[1] for screen in F.SCREENS.values()}
    assert modules == {p.stem for p in SCENES.glob("*.py") if p.stem != "__init__"}


def test_no_scene_module_imports_another():
    """The flow decides what comes next; drawing helpers live outside the scenes (ui/drawing.py ...)."""
    for path in SCENES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            assert not any(n.startswith("game.ui.scenes") for n in names), f"{path.name} imports {names[0]}"
            assert not any(n in ("game.app", "game.ui.flow") for n in names), f"{path.name} imports {names[0]}"


def test_the_bot_can_drive_every_screen_the_registry_lists():
    """A screen added to the registry without a way through for the bot fails here, by its name."""
    assert Bot(1).cannot_drive(F.names()) == []
    assert set(DELAYS) <= set(F.names())


@pytest.fixture
def app(tmp_path):
    from test_scenes import bank

    pygame.display.init()
    pygame.font.init()
    a = App(Options(count=2, seed=1, size=(1280, 720), fps=0, autoplay=True), bank(), ScoreStore(tmp_path / "s.json"))
    a.open_window()
    yield a
    pygame.quit()


def test_a_screen_the_bot_cannot_drive_stops_the_run_at_once_with_its_name(app, monkeypatch, capsys):
    """Not a wait of the bot's 300-second limit: the run ends with status 1 on the first frames."""
    monkeypatch.setitem(F.SCREENS, "no_such_card", F.Screen("game.ui.scenes.confirm:ConfirmScene"))
    app.bot = Bot(1)
    assert app.run(max_seconds=30) == 1
    assert "autoplay cannot drive the screen 'no_such_card'" in capsys.readouterr().out
    assert app.perf.frames < 10


def test_the_transitions(app):
    """What happened picks the next screen: the title's Play, a game over (one player, hot-seat), Back."""
    flow = app.flow
    flow.show("title")
    flow.go(O.Play())
    play = app.stack.top
    assert play.screen == "play" and play.name == "question"
    flow.go(O.Paused())
    assert app.stack.top.name == "pause" and play.session.paused
    flow.back()
    assert app.stack.top is play and not play.session.paused
    flow.go(O.GameOver(play.session))
    assert [s.screen for s in app.stack.scenes] == ["title", "results"]
    flow.go(O.Review(play.session))
    assert app.stack.top.screen == "review" and app.ctx.games.reviewed
    flow.go(O.ToTitle())
    assert [s.screen for s in app.stack.scenes] == ["title"]
    flow.back()  # nothing under the title: it stays
    assert [s.screen for s in app.stack.scenes] == ["title"]
    app.ctx.games.choose(mode="hotseat", players=2)
    flow.go(O.Play())
    assert app.stack.top.screen == "players"
    flow.go(O.PlayersReady(("Ann", "Bo")))
    assert [s.screen for s in app.stack.scenes] == ["title", "play", "handover"]
    assert app.options.player_names == ["Ann", "Bo"]
    flow.back()  # "I'm ready"
    flow.go(O.GameOver(app.ctx.games.session))
    assert app.stack.top.screen == "podium"
    flow.go(O.Play(again=True))  # the same players: no names asked
    assert [s.screen for s in app.stack.scenes] == ["title", "play", "handover"]
    flow.go(O.Confirm("Quit?", "Sure.", "Quit", "Stay", then=O.Quit()))
    assert app.stack.top.screen == "confirm"
    app.running = True
    app.dispatch(Intent(I.CONFIRM))  # yes: the confirmation goes, then the run ends
    assert app.stack.top.screen == "handover" and not app.running and app.exit_code == 0
