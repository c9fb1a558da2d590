"""The play screen's rules (game/core/round.py) without pygame: phases, lifelines, hot-seat turns, time."""

import random

import pytest

from game.core.model import Question
from game.core.round import FEEDBACK_SECONDS, SoloRound, feedback_seconds
from game.core.session import FIFTY, TIME, Session
from test_session import FakeClock


def questions(n, explanation=""):
    return [Question(prompt=f"Q{i}?", choices=tuple(f"{i}-{c}" for c in range(4)), answer=f"{i}-0",
                     explanation=explanation) for i in range(n)]


def make(n=3, mode="classic", players=("PLAYER",), explanation=""):
    clock = FakeClock()
    session = Session(questions(n, explanation), count=n, rng=random.Random(1), clock=clock, mode=mode,
                      players=players)
    rnd = SoloRound(session)
    rnd.start()
    return rnd, clock


def test_the_core_round_imports_no_pygame():
    import ast
    import inspect

    import game.core.round as module
    tree = ast.parse(inspect.getsource(module))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not any(name.startswith("pygame") for name in imported)


def test_a_question_then_its_feedback_then_the_next_and_the_end():
    rnd, clock = make(2)
    assert rnd.phase == "question" and rnd.result is None
    clock.advance(4)
    assert rnd.answer(rnd.session.current.correct) == "feedback"
    assert rnd.phase == "feedback" and rnd.result.correct and rnd.feedback_left == FEEDBACK_SECONDS
    assert rnd.update(FEEDBACK_SECONDS - 1) is None
    assert rnd.update(1.0) == "question"
    assert rnd.phase == "question" and rnd.result is None and rnd.session.index == 1
    rnd.answer(None)
    assert rnd.go_on() == "over"


def test_the_clock_runs_out_into_feedback_with_ticks_in_the_last_five_seconds():
    rnd, clock = make(1)
    limit = rnd.session.limit
    clock.advance(limit - 5.5)
    assert rnd.update(0.0) is None  # six seconds shown: no tick yet
    clock.advance(0.6)
    assert rnd.update(0.0) == "tick"
    assert rnd.update(0.0) is None  # once a second, not once a frame
    ticks = 1
    for _ in range(40):
        clock.advance(0.25)
        event = rnd.update(0.25)
        if event == "tick":
            ticks += 1
        elif event is not None:
            break
    assert ticks == 5 and event == "feedback"
    assert rnd.result.chosen is None and not rnd.result.correct


def test_a_paused_question_neither_ticks_nor_runs_out():
    rnd, clock = make(1)
    rnd.session.pause()
    clock.advance(500)
    assert rnd.update(1.0) is None and rnd.phase == "question"


def test_practice_waits_and_long_explanations_and_the_hot_seat_stay_longer():
    rnd, _ = make(1, mode="practice")
    rnd.answer(0)
    assert rnd.feedback_left == float("inf") and rnd.update(1e6) is None
    long, _ = make(1, explanation="x" * 400)
    long.answer(0)
    assert long.feedback_left == FEEDBACK_SECONDS + 6.0
    assert feedback_seconds(long.session, least=1.0) == 7.0
    seat, _ = make(1, mode="hotseat", players=("Ann", "Bo"))
    seat.answer(0)
    seat.answer(0)
    assert seat.feedback_left == FEEDBACK_SECONDS + 4.0


def test_hot_seat_turns_hand_over_with_a_note_said_once():
    rnd, _ = make(2, mode="hotseat", players=("Ann", "Bo", "Cy"))
    assert rnd.answer(1) == "turn" and rnd.phase == "question" and rnd.result is None
    assert rnd.take_note() == "Ann locked in an answer." and rnd.take_note() == ""
    assert rnd.session.player.name == "Bo"
    assert rnd.answer(None) == "turn"
    assert rnd.answer(rnd.session.current.correct) == "feedback"
    assert rnd.in_time() == (2, 3)


@pytest.mark.parametrize("key, name", [(0, FIFTY), (1, TIME), (7, None), (-1, None)])
def test_lifelines_by_key(key, name):
    rnd, _ = make(1)
    assert rnd.lifeline_at(key) == name


def test_lifelines_are_ready_then_used_and_unavailable_where_they_do_nothing():
    rnd, _ = make(2)
    assert rnd.lifeline_state(FIFTY) == "ready" and rnd.lifeline_state(TIME) == "ready"
    limit = rnd.session.limit
    assert rnd.use_lifeline(TIME) and rnd.session.limit > limit
    assert rnd.lifeline_state(TIME) == "used"
    assert not rnd.use_lifeline(TIME)  # spent
    assert rnd.use_lifeline(FIFTY) and len(rnd.session.removed) == 2
    assert rnd.lifeline_state(FIFTY) == "used"


def test_a_fifty_on_two_choices_is_unavailable_while_asking():
    clock = FakeClock()
    two = [Question(prompt="Q?", choices=("a", "b"), answer="a")]
    rnd = SoloRound(Session(two, count=1, rng=random.Random(1), clock=clock))
    rnd.start()
    assert rnd.lifeline_state(FIFTY) == "unavailable"
    assert not rnd.use_lifeline(FIFTY)
    rnd.answer(0)
    assert rnd.lifeline_state(FIFTY) == "ready"  # the feedback does not say "not on this question"
