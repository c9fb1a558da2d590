"""What reached the window, not only what was drawn: every pass of the real loop is checked
(``tests/presented.py``) for a party going from the leaderboard to its next question by itself, and for
solo games through several questions and their feedback, by a player and by the clock alone."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app import App, Options
from game.core.questions import load_files
from game.core.scores import ScoreStore
from game.ui.autoplay import Bot
from game.ui.outcomes import Play
from presented import Presented

ROOT = Path(__file__).resolve().parent.parent


def default_bank(seed: int):
    return load_files([ROOT / "questions.yaml"], seed=seed)


def enter() -> None:
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))


@pytest.fixture
def window():
    yield
    pygame.quit()


@pytest.mark.parametrize("seed", [4, 9])
def test_party_question_after_the_leaderboard_reaches_the_window(tmp_path, monkeypatch, window, seed):
    """Nobody presses anything after Start: each question runs out, the reveal and the leaderboard time out
    by themselves, and the next question must reach the room's screen (it used to stay on the leaderboard,
    with only the countdown strip updated)."""
    import game.ui.scenes.party_play as party_play

    monkeypatch.setattr(party_play, "REVEAL_SECONDS", 0.25)
    monkeypatch.setattr(party_play, "BOARD_SECONDS", 0.25)
    app = App(Options(count=3, seed=seed, size=(800, 600), mode="party", bind="127.0.0.1", port=0),
              default_bank(seed), ScoreStore(tmp_path / "scores.json"))
    seen_second = []

    def on_pass(app, passes):
        scene = app.stack.top
        if passes == 2:
            app.flow.go(Play())  # the lobby
        elif passes == 3:
            for name in ("Ana", "Bo", "Cy"):
                app.ctx.parties.current.room.join(name, app.ctx.parties.current.pin)
            enter()  # Start
        elif scene is not None and scene.name == "party_question" and app.ctx.parties.current.number == 2:
            seen_second.append(passes)
            if len(seen_second) > 8:
                app.stop()

    # Each pass moves the game's clock on by a second: a question runs out in about twenty passes, and
    # its countdown strip moves on every one of them (the partial updates under test).
    with Presented(app, step=1.0, on_pass=on_pass) as shown:
        app.open_window()
        app.run(max_seconds=60)
    assert seen_second, f"the party never reached its second question: {shown.views}"
    shown.assert_all_shown()
    assert shown.views[-2:] == [("party_leaderboard", 12), ("party_question", 20)]
    assert shown.partial > 10  # the countdown was shown alone many times


@pytest.mark.parametrize("seed", [2, 7])
def test_solo_games_show_every_change(tmp_path, window, seed):
    """The autoplay player through several questions of every kind, their feedback and the results."""
    app = App(Options(count=5, seed=seed, name="AUTO", autoplay=True, size=(800, 600)), default_bank(seed),
              ScoreStore(tmp_path / "scores.json"))
    app.bot = Bot(seed, "AUTO")
    with Presented(app) as shown:
        app.open_window()
        assert app.run(max_seconds=120) == 0
    assert len(app.ctx.games.session.answers) == 5
    assert shown.partial > 10
    shown.assert_all_shown()


def test_solo_questions_and_feedback_left_to_the_clock(tmp_path, monkeypatch, window):
    """Nobody answers: each question runs out, its feedback times out, and the next question shows."""
    import game.ui.scenes.play as play

    monkeypatch.setattr(play, "FEEDBACK_SECONDS", 0.2)
    app = App(Options(count=3, seed=5, size=(800, 600)), default_bank(5), ScoreStore(tmp_path / "scores.json"))

    def on_pass(app, passes):
        if passes == 2:
            app.flow.go(Play())
        elif app.stack.top is not None and app.stack.top.name == "results":
            app.stop()

    with Presented(app, step=0.5, on_pass=on_pass) as shown:
        app.open_window()
        app.run(max_seconds=90)
    assert app.ctx.games.session is not None and app.ctx.games.session.asked == 3
    assert shown.partial > 10
    shown.assert_all_shown()


def test_question_clock_is_presented_only_when_it_moves(tmp_path, window):
    """A question's clock reaches the window in small partial updates, and only on the passes where it looks
    different (its bar's end moved a pixel, its number changed): in between nothing is presented, and what the
    window shows is still the whole picture."""
    app = App(Options(count=2, seed=3, size=(800, 600), kinds=("choice",)), default_bank(3),
              ScoreStore(tmp_path / "scores.json"))
    presents = []

    def on_pass(app, passes):
        presents.append(shown.flips + shown.partial)
        if passes == 2:
            app.flow.go(Play())
        elif passes > 400:
            app.stop()

    # 5 ms of the game's clock a pass: the bar (about 600 px for 20 s) moves a pixel every six or seven passes.
    with Presented(app, step=0.005, on_pass=on_pass) as shown:
        app.open_window()
        app.run(max_seconds=120)
    shown.assert_all_shown()
    assert app.stack.top.name == "question"
    late = presents[200:]  # past the answers' entrance: only the clock moves
    assert shown.partial > 10
    assert late[-1] - late[0] < len(late) / 3, "the clock was presented on passes where it did not move"


def test_title_at_rest_is_painted_once_and_changes_reach_the_window(tmp_path, window):
    """The title is drawn once and blitted after; a focus moved by a key is drawn again and shown."""
    app = App(Options(count=2, seed=1, size=(800, 600)), default_bank(1), ScoreStore(tmp_path / "scores.json"))

    def on_pass(app, passes):
        if passes in (20, 40):
            for kind in (pygame.KEYDOWN, pygame.KEYUP):
                pygame.event.post(pygame.event.Event(kind, key=pygame.K_DOWN, mod=0, unicode="", scancode=0))
        elif passes > 60:
            app.stop()

    with Presented(app, on_pass=on_pass) as shown:
        app.open_window()
        app.run(max_seconds=30, always_draw=True)  # every pass drawn in full: the cached picture each time
    shown.assert_all_shown()
    title = app.stack.top
    assert title.menu.focus == 2
    assert title._picture.painted <= 4  # the first picture, the one with its motif, the two moves
