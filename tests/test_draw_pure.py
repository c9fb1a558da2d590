"""``draw()`` changes nothing (issue 20): for every screen of the registry, in each of its phases, drawing
leaves the scene's state as it was, and drawing twice in a row gives the same state.

A scene's state is a snapshot of ``vars(scene)``, followed into the game's own objects (its session,
buttons, menus, the kind's panel or view) a few levels deep.  Left out, on purpose:

- ``ctx``: the context every scene is given (its text cache fills as text is drawn: a cache, not state);
- :data:`CACHES`: attributes a scene keeps only to draw faster, named here with why.
"""

import math

import pygame
import pytest

from game.app import App, Options
from game.core.scores import ScoreStore
from game.ui import flow as F
from game.ui import intents as I
from game.ui import outcomes as O
from game.ui.intents import Intent

#: Attributes that only remember how something was drawn (a cache: drawing again gives the same picture).
CACHES: dict[str, str] = {
    "_motif": "title: the picture beside the menu, rendered once for a size and a theme",
    "_motif_key": "title: the size and theme the picture was rendered for",
    "_veil": "confirm: the see-through sheet over the screen below, made once for the window's size",
    "_timer_shown": "play, party_play: the clock's look when last presented, so an unchanged clock is not presented",
    "_still": "party_play: the question's still part, drawn once and blitted (game/ui/layer.py)",
    "_picture": "title, highscores: the whole screen drawn once and blitted while it stays (game/ui/layer.py)",
    "_count_fit": "party_play: the live count's text size, found once for the widest count it can show",
    "_motif_due": "title: whether a first frame was shown yet (the picture joins it on the next pass, issue 23)",
    "_keys_image": "typed: the on-screen keys drawn once and blitted while their focus stays",
    "_drawn": "a choice: its look drawn once onto an image of its own and blitted while it stays (widgets.py)",
}

# Not the scene's: the context, and the party's server, whose own thread changes its tables and counters
# while the test runs (a tick of its gate between two snapshots is no change made by draw()).
SKIP = {"ctx", "server"}
DEPTH = 4


def snapshot(value, depth=0):
    if value is None or isinstance(value, (bool, int, str, bytes)):
        return value
    if isinstance(value, float):
        return "nan" if math.isnan(value) else value
    if isinstance(value, pygame.Rect):
        return ("Rect", tuple(value))
    if isinstance(value, pygame.Surface):
        return ("Surface", id(value))  # the same picture object (a new one each draw would be a change)
    if depth >= DEPTH:
        return (type(value).__name__, id(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [snapshot(v, depth + 1) for v in value])
    if isinstance(value, (set, frozenset)):
        return (type(value).__name__, sorted(repr(v) for v in value))
    if isinstance(value, dict):
        return ("dict", [(repr(k), snapshot(v, depth + 1)) for k, v in value.items()])
    if type(value).__module__.startswith("game.") and hasattr(value, "__dict__"):
        return (type(value).__name__, {k: snapshot(v, depth + 1) for k, v in vars(value).items()
                                       if k not in SKIP and k not in CACHES})
    return (type(value).__name__, id(value))


checked: set[str] = set()


def assert_draw_changes_nothing(app, scene=None):
    scene = scene or app.stack.top
    app.wait_for_saves()
    before = snapshot(scene)
    scene.draw(app.surface)
    once = snapshot(scene)
    scene.draw(app.surface)
    twice = snapshot(scene)
    assert once == twice, f"{scene.name}: drawing twice in a row changed its state"
    diff = [k for k in {**before[1], **once[1]} if before[1].get(k, "-") != once[1].get(k, "-")]
    assert before == once, f"{scene.name}: draw() changed {diff}"
    checked.add(scene.name)


@pytest.fixture
def solo(tmp_path):
    from test_scenes import bank

    pygame.display.init()
    pygame.font.init()
    a = App(Options(count=2, seed=1, size=(1280, 720), fps=0), bank(), ScoreStore(tmp_path / "s.json"))
    a.open_window()
    yield a
    pygame.quit()


def test_the_solo_screens(solo):
    app, flow = solo, solo.flow
    flow.show("title")
    assert_draw_changes_nothing(app)
    flow.show("settings")
    assert_draw_changes_nothing(app)
    flow.back()
    flow.go(O.Play())
    play = app.stack.top
    assert_draw_changes_nothing(app)
    play._use_lifeline("50:50")
    assert_draw_changes_nothing(app)
    flow.go(O.Paused())
    assert_draw_changes_nothing(app)
    flow.back()
    play._answer(play.session.current.correct)
    assert play.name == "feedback"
    assert_draw_changes_nothing(app)
    play._continue()
    play._answer(None)
    assert_draw_changes_nothing(app)
    flow.go(O.GameOver(play.session))
    assert_draw_changes_nothing(app)
    results = app.stack.top
    for _ in range(400):  # the score counts up
        results.update(0.05)
    assert_draw_changes_nothing(app)
    flow.go(O.Review(play.session))
    assert_draw_changes_nothing(app)
    flow.back()
    flow.go(O.Confirm("Quit?", "Sure.", "Quit", "Stay", then=O.Quit()))
    assert_draw_changes_nothing(app)
    flow.back()
    session = play.session
    flow.go(O.EnterName(app.ctx.games.entry_for(session, "AAA"), 1))
    assert_draw_changes_nothing(app)
    flow.back()
    flow.go(O.ShowScores(app.ctx.games.current_board()[0]))
    assert_draw_changes_nothing(app)


def test_the_hot_seat_screens(solo):
    app, flow = solo, solo.flow
    flow.show("title")
    app.ctx.games.choose(mode="hotseat", players=2)
    flow.go(O.Play())
    assert_draw_changes_nothing(app)
    flow.go(O.PlayersReady(("Ann", "Bo")))
    assert_draw_changes_nothing(app)  # the hand-over
    flow.back()
    play = app.stack.top
    assert_draw_changes_nothing(app)
    play._answer(0)
    assert_draw_changes_nothing(app)  # the hand-over to Bo
    flow.back()
    play._answer(None)
    assert play.name == "feedback"
    assert_draw_changes_nothing(app)
    flow.go(O.GameOver(play.session))
    assert app.stack.top.screen == "podium"
    assert_draw_changes_nothing(app)


@pytest.fixture
def party_app(tmp_path):
    from test_party_scenes import bank

    pygame.display.init()
    pygame.font.init()
    a = App(Options(count=2, seed=3, size=(1280, 720), mode="party", bind="127.0.0.1", port=0), bank(),
            ScoreStore(tmp_path / "scores.json"))
    a.open_window()
    a.flow.show("title")
    yield a
    a.ctx.parties.close()
    pygame.quit()


def test_the_party_screens(party_app):
    app, flow = party_app, party_app.flow
    flow.go(O.Play())
    assert app.stack.top.screen == "party_lobby"
    party = app.ctx.parties.current
    assert_draw_changes_nothing(app)
    ann = party.room.join("Ann", party.pin)
    party.room.join("Bob", party.pin)
    app.ctx.parties.pump()
    app.stack.update(0.0)  # as the loop does: what the phones sent, then the frame's update, then the draw
    assert_draw_changes_nothing(app)
    app.dispatch(Intent(I.CONFIRM))
    play = app.stack.top
    assert play.name == "party_question"
    assert_draw_changes_nothing(app)
    rnd = party.round
    party.room.answer(ann.id, ann.secret, rnd.number, rnd.correct, party.room.clock())
    assert_draw_changes_nothing(app)
    app.dispatch(Intent(I.CONFIRM))
    assert play.name == "party_reveal"
    assert_draw_changes_nothing(app)
    app.dispatch(Intent(I.CONFIRM))
    assert play.name == "party_leaderboard"
    assert_draw_changes_nothing(app)
    app.dispatch(Intent(I.CONFIRM))
    app.dispatch(Intent(I.CONFIRM))
    app.dispatch(Intent(I.CONFIRM))
    assert app.stack.top.screen == "party_podium"
    assert_draw_changes_nothing(app)


def test_the_preview_screen(tmp_path):
    """mi-trivia preview's own screen (it holds a play screen made by the flow and draws its lines over it)."""
    from game.core.preview import Preview
    from game.preview import start

    path = tmp_path / "q.yaml"
    path.write_text("questions:\n  - prompt: Which country was the train filmed in?\n"
                    "    choices: [Norway, Sweden, Finland]\n    answer: Norway\n", encoding="utf-8")
    preview = Preview(path)
    preview.reload()
    now = [100.0]
    app, scene = start(preview, fps=0, clock=lambda: now[0], scores_dir=tmp_path / "scores",
                       screenshots=tmp_path / "shots")
    try:
        now[0] += 1.0
        app.stack.update(1.0)
        app.compose(app.surface)
        assert scene.screen == "preview"
        assert_draw_changes_nothing(app, scene)
    finally:
        pygame.quit()


def test_every_screen_of_the_registry_was_checked():
    """Runs after the tests above (in file order): every name a screen shows itself by was drawn twice."""
    if not checked:
        pytest.skip("run with the tests above")
    assert set(F.names()) <= checked, sorted(set(F.names()) - checked)
