"""Issue 14, point 3: fresh questions first, from a small history in the data folder."""

import json
import random
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from game.core import history as H
from game.core.draw import apart
from game.core.questions import load_files
from game.core.session import Session
from game.ui.outcomes import Play, ToTitle

DEFAULT = ROOT / "questions.yaml"


def keys_of(session):
    return [r.question.key for r in session.rounds]


# -- the file (core) ----------------------------------------------------------------------
def test_history_round_trip_and_missing_file(tmp_path):
    path = tmp_path / "data" / "history.json"
    read = H.load(path)
    assert read.history.banks == {} and read.message is None
    history = H.History()
    history.remember("bank", ["a", "b"])
    history.remember("bank", ["c", "a"])  # asked again: now among the newest
    assert history.recent("bank") == ["b", "c", "a"]
    assert H.save(path, history) is None
    assert H.load(path).history.banks == {"bank": ["b", "c", "a"]}
    assert json.loads(path.read_text())["format"] == "mi-trivia-history"


def test_history_stays_small():
    history = H.History()
    for game in range(100):
        history.remember("bank", [f"q{game}-{i}" for i in range(10)])
    assert len(history.recent("bank")) == H.KEEP and history.recent("bank")[-1] == "q99-9"
    for bank in range(H.BANKS + 5):
        history.remember(f"other{bank}", ["x"])
    assert len(history.banks) == H.BANKS and "bank" not in history.banks  # the banks played longest ago go


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe", b'{"format": "other"}',
                                     b'{"format": "mi-trivia-history", "version": 1, "banks": {"b": [1]}}',
                                     b'{"format": "mi-trivia-history", "version": 9, "banks": {}}'])
def test_a_bad_history_file_is_kept_aside_with_a_notice(tmp_path, content):
    path = tmp_path / "history.json"
    path.write_bytes(content)
    read = H.load(path)
    assert read.history.banks == {} and "could not be used" in read.message and read.kept_aside.name in read.message
    assert not path.exists() and read.kept_aside.read_bytes() == content


def test_a_history_that_cannot_be_written_says_why(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    error = H.save(blocker / "history.json", H.History())
    assert error and "cannot save the question history" in error


def test_bank_ids_name_the_files():
    assert H.bank_id(["a.yaml", "b.yaml"]) == H.bank_id(["b.yaml", "a.yaml"]) != H.bank_id(["a.yaml"])


# -- the draw (core) ----------------------------------------------------------------------
def test_a_new_game_prefers_questions_not_met_lately():
    questions = load_files([DEFAULT], 0).questions
    first = Session(questions, count=10, rng=random.Random(1))
    second = Session(questions, count=10, rng=random.Random(1), recent=keys_of(first))
    assert not set(keys_of(first)) & set(keys_of(second))
    # Sudden death plays the questions not met first, then the ones met longest ago.
    sudden = Session(questions, rng=random.Random(2), mode="sudden-death", recent=keys_of(first) + keys_of(second))
    order = keys_of(sudden)
    met = [order.index(k) for k in keys_of(first) + keys_of(second) if k in order]
    assert min(met) >= len(order) - len(met)


def test_three_games_in_a_row_ask_nothing_twice_until_the_bank_runs_out():
    for seed in range(40):
        questions = load_files([DEFAULT], seed).questions  # each game's bank is loaded with its own seed
        kept_apart = apart(questions)
        history, seen, games = H.History(), set(), []
        for game in range(3):
            questions = load_files([DEFAULT], seed * 3 + game).questions
            session = Session(questions, count=10, rng=random.Random(seed * 3 + game), recent=history.recent("b"))
            keys = keys_of(session)
            fresh = {q.key for q in questions} - seen
            if set(keys) & seen:  # a repeat only when every fresh question is in this game or kept out by one
                assert fresh <= set(keys).union(*(kept_apart.get(k, set()) for k in keys)), (seed, game)
                assert set(keys) & seen <= set(games[0])  # and then the ones met longest ago
            seen |= set(keys)
            games.append(keys)
            history.remember("b", keys)
        assert len(games[0] + games[1]) == len(set(games[0] + games[1])) == 20


# -- through the app ------------------------------------------------------------------------
def play_through(app):
    """Answer every question of the app's game, then hand it back as the play screen does."""
    session = app.ctx.games.session
    while True:
        session.start()
        session.answer(session.current.correct if session.current.correct >= 0 else None)
        if not session.advance():
            break
    app.ctx.games.finish_game(session)
    return keys_of(session)


def test_the_app_asks_fresh_questions_three_games_running_and_saves_the_history(tmp_path):
    import pygame

    from game.app import App, Options
    from game.core.scores import ScoreStore

    pygame.display.init()
    try:
        path = tmp_path / "data" / "history.json"
        bank = load_files([DEFAULT], 3)
        app = App(Options(count=10, seed=3), bank, ScoreStore(tmp_path / "s.json"), history=H.History(),
                  history_path=path)
        app.open_window()
        games = []
        for _ in range(3):
            app.flow.go(Play())
            games.append(play_through(app))
            app.flow.go(ToTitle())
        app.wait_for_saves()  # the saves queued before it are done
        assert len(set(games[0] + games[1])) == 20
        keys = {q.key for q in bank.questions}
        if len(keys) >= 30:
            assert len(set(sum(games, []))) == 30
        saved = H.load(path).history
        assert saved.recent(H.bank_id(bank.files))[-10:] == games[2]
        # A game left after two questions counts those two, not the ones it never reached.
        app.flow.go(Play())
        app.ctx.games.session.answer(None)
        app.ctx.games.session.advance()
        asked = keys_of(app.ctx.games.session)[:2]
        app.flow.go(ToTitle())
        assert app.ctx.games.history.recent(app.ctx.games.history_bank)[-2:] == asked
        # Without a history (--seed), nothing is read or kept.
        seeded = App(Options(count=10, seed=3), bank, ScoreStore(tmp_path / "s.json"))
        seeded.open_window()
        seeded.flow.go(Play())
        seeded.flow.go(ToTitle())
        assert seeded.ctx.games.history is None
    finally:
        pygame.quit()


def test_seeded_games_leave_no_history_and_a_bad_one_is_kept_aside(tmp_path):
    home = Path(tmp_path / "home")
    history = home / "data" / "history.json"
    seeded = run_cli("--autoplay", "--count", "2", "--seed", "4")
    assert seeded.returncode == 0 and not history.exists()
    history.parent.mkdir(parents=True, exist_ok=True)
    history.write_text("{broken")
    played = run_cli("--autoplay", "--count", "3")
    assert played.returncode == 0, played.stderr
    assert "question history could not be used" in played.stderr
    (kept,) = history.parent.glob("history.json.unreadable-*")
    assert kept.read_text() == "{broken"
    (keys,) = H.load(history).history.banks.values()
    assert len([k for k in keys if not k.startswith("~")]) == 3  # the three asked (and what they showed)


def test_facts_an_order_question_showed_wait_like_the_order_questions_that_show_them_again():
    from game.core.draw import draw, shown
    from game.core.model import Question

    facts = [Question(f"Q{i}?", ("a", "b"), "a", fact=f"f{i}") for i in range(9)]
    again = Question("Earliest first", ("x", "y", "z"), "x → y → z", kind="order", fact="order:g:f3,f4,f8",
                     reveals=("f3", "f4", "f8"))
    history = H.History()
    # An earlier game asked another order question of the same facts (and f0).
    history.remember("b", [shown("f3"), shown("f4"), shown("f5"), "order:g:f3,f4,f5", "f0"])
    for seed in range(30):
        keys = [q.key for q in draw(facts + [again], 4, random.Random(seed), recent=history.recent("b"))]
        assert set(keys) <= {"f1", "f2", "f6", "f7", "f8"}, keys  # the ones neither asked nor shown
    # Once the fresh ones run out, those only shown come before the one asked.
    keys = [q.key for q in draw(facts + [again], 9, random.Random(1), every=True, recent=history.recent("b"))]
    assert keys[-1] == "f0"


def test_the_title_says_when_a_game_asks_fewer_than_match(tmp_path):
    import pygame

    from game.app import App, Options
    from game.core.model import Question
    from game.core.questions import Bank
    from game.core.scores import ScoreStore
    from game.ui.scenes.title import TitleScene

    same = [Question(f"Q{i}?", ("a", "b"), "a", fact="one" if i < 3 else f"f{i}") for i in range(6)]
    pygame.display.init()
    pygame.font.init()
    try:
        app = App(Options(count=10, seed=1, size=(1280, 720)), Bank(same, files=["x"]), ScoreStore(tmp_path / "s"))
        app.open_window()
        line = TitleScene(app.ctx)._loaded_line()
        assert "6 questions loaded" in line and "a game asks at most 4 of them (one per fact)" in line
    finally:
        pygame.quit()
