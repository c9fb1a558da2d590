import random
from collections import Counter

import pytest

from game.core.model import Question
from game.core.session import Session, Timer


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


def make_questions(n, choices=4):
    return [Question(prompt=f"Q{i}?", choices=tuple(f"{i}-{c}" for c in range(choices)), answer=f"{i}-0")
            for i in range(n)]


def test_timer_counts_only_unpaused_time():
    clock = FakeClock()
    timer = Timer(clock)
    timer.start()
    clock.advance(3)
    timer.pause()
    clock.advance(50)
    assert timer.elapsed() == pytest.approx(3)
    timer.resume()
    clock.advance(2)
    assert timer.elapsed() == pytest.approx(5)


def test_right_answer_scores_by_speed_and_streak():
    clock = FakeClock()
    session = Session(make_questions(3), count=3, rng=random.Random(1), clock=clock)
    session.start()
    clock.advance(5)
    first = session.answer(session.current.correct)
    assert first.correct and first.points == 875 and first.bonus == 0
    session.advance()
    second = session.answer(session.current.correct)
    assert second.points == 1000 and second.bonus == 100 and session.streak == 2
    assert session.score == 875 + 1100


def test_wrong_answer_and_timeout_end_the_streak():
    clock = FakeClock()
    session = Session(make_questions(3), count=3, rng=random.Random(2), clock=clock)
    session.start()
    session.answer(session.current.correct)
    session.advance()
    wrong = (session.current.correct + 1) % 4
    result = session.answer(wrong)
    assert not result.correct and result.points == 0 and session.streak == 0
    session.advance()
    clock.advance(25)
    assert session.expired()
    timeout = session.answer(None)
    assert timeout.chosen is None and timeout.points == 0 and timeout.elapsed == 20
    assert session.finished and not session.advance()


def test_pause_stops_the_clock():
    clock = FakeClock()
    session = Session(make_questions(1), count=1, rng=random.Random(0), clock=clock)
    session.start()
    clock.advance(4)
    session.pause()
    clock.advance(100)
    assert not session.expired()
    assert session.remaining() == pytest.approx(16)
    session.resume()
    clock.advance(1)
    assert session.remaining() == pytest.approx(15)


def test_an_answer_after_the_buzzer_counts_as_a_timeout():
    clock = FakeClock()
    session = Session(make_questions(1), count=1, rng=random.Random(0), clock=clock)
    session.start()
    clock.advance(21)
    assert session.answer(session.current.correct).chosen is None


def test_question_time_limit_is_used():
    q = Question(prompt="Quick?", choices=("a", "b"), answer="a", time_limit=7)
    session = Session([q], count=1, rng=random.Random(0), clock=FakeClock())
    assert session.current.limit == 7


def test_no_question_repeats_and_count_is_respected():
    session = Session(make_questions(30), count=10, rng=random.Random(5), clock=FakeClock())
    prompts = [r.question.prompt for r in session.rounds]
    assert len(prompts) == 10 == len(set(prompts))
    short = Session(make_questions(3), count=10, rng=random.Random(5), clock=FakeClock())
    assert short.total == 3


def test_same_seed_same_game():
    a = Session(make_questions(30), count=10, rng=random.Random(9), clock=FakeClock())
    b = Session(make_questions(30), count=10, rng=random.Random(9), clock=FakeClock())
    assert [(r.question.prompt, r.choices) for r in a.rounds] == [(r.question.prompt, r.choices) for r in b.rounds]


def test_right_answer_position_is_spread_evenly():
    session = Session(make_questions(40), count=40, rng=random.Random(3), clock=FakeClock())
    counts = Counter(r.correct for r in session.rounds)
    assert set(counts) == {0, 1, 2, 3}
    assert max(counts.values()) - min(counts.values()) <= 1
    for r in session.rounds:
        assert r.choices[r.correct] == r.question.answer
        assert sorted(r.choices) == sorted(r.question.choices)


def test_ordered_questions_keep_their_order():
    q = Question(prompt="Speed?", choices=("40 mph", "50 mph", "60 mph"), answer="60 mph", ordered=True)
    session = Session([q], count=1, rng=random.Random(0), clock=FakeClock())
    assert session.current.choices == q.choices and session.current.correct == 2


def test_empty_bank_is_refused():
    with pytest.raises(ValueError):
        Session([], count=5)
