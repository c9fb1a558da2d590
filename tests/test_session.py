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


def test_right_answer_position_is_uniform_and_unpredictable():
    # Each position independently at random: over many games every position is about a
    # quarter, and the position that came up least so far is no better than any other.
    counts, least_used_hits, asked = Counter(), 0, 0
    for seed in range(400):
        session = Session(make_questions(40), count=10, rng=random.Random(seed), clock=FakeClock())
        seen = Counter()
        for r in session.rounds:
            counts[r.correct] += 1
            low = min(seen[i] for i in range(4))
            guess = min(i for i in range(4) if seen[i] == low)
            least_used_hits += guess == r.correct
            asked += 1
            seen[r.correct] += 1
    assert all(abs(counts[i] / asked - 0.25) < 0.03 for i in range(4))
    assert abs(least_used_hits / asked - 0.25) < 0.03
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


# -- modes --------------------------------------------------------------------------------
def wrong_of(session):
    return next(i for i in range(len(session.current.choices))
                if i != session.current.correct and i not in session.removed)


def test_sudden_death_draws_every_question_and_stops_at_the_first_miss():
    session = Session(make_questions(8), count=3, rng=random.Random(3), clock=FakeClock(), mode="sudden-death")
    assert session.total == 8  # --count does not apply: the run lasts as long as the player does
    session.start()
    for _ in range(3):
        assert session.answer(session.current.correct).correct
        assert session.advance()
    assert not session.answer(wrong_of(session)).correct
    assert session.finished and not session.advance()
    assert session.player.run == 3 and len(session.answers) == 4


def test_sudden_death_timeout_ends_the_run_too():
    clock = FakeClock()
    session = Session(make_questions(5), rng=random.Random(3), clock=clock, mode="sudden-death")
    session.start()
    clock.advance(21)
    assert session.expired() and session.answer(None).chosen is None
    assert session.finished and session.player.run == 0


def test_practice_has_no_clock_and_no_points():
    clock = FakeClock()
    session = Session(make_questions(3), count=2, rng=random.Random(1), clock=clock, mode="practice")
    session.start()
    clock.advance(600)
    assert not session.expired() and session.remaining() == float("inf") and session.limit is None
    result = session.answer(session.current.correct)
    assert result.correct and result.points == 0 and result.bonus == 0 and result.elapsed == 600
    assert session.score == 0 and session.streak == 1
    assert not session.can_use("50:50") and not session.can_use("+10 s")


def test_hotseat_players_take_turns_on_the_same_question():
    clock = FakeClock()
    session = Session(make_questions(5), count=2, rng=random.Random(2), clock=clock, mode="hotseat",
                      players=["ANNA", "BO", "CY"])
    session.start()
    first_round = session.current
    clock.advance(2)
    session.answer(first_round.correct)
    assert session.answered_current and not session.round_done
    assert session.next_turn() and session.player.name == "BO" and session.current is first_round
    assert not session.answered_current  # BO has not answered yet
    clock.advance(10)
    session.answer(wrong_of(session))
    assert session.next_turn() and session.player.name == "CY"
    clock.advance(30)
    assert session.expired()
    session.answer(None)
    assert session.round_done and not session.next_turn()
    assert [a.player for a in session.answers_to_current()] == [0, 1, 2]
    assert session.advance() and session.turn == 0 and session.player.name == "ANNA"
    anna, bo, cy = session.players
    assert anna.score == 950 and bo.score == 0 and cy.score == 0
    assert [p.name for _, p in session.standings()] == ["ANNA", "BO", "CY"]
    assert [place for place, _ in session.standings()] == [1, 2, 2]  # a tie shares the place
    assert not session.can_use("50:50")  # no lifelines in hot-seat


def test_player_counts_are_checked():
    with pytest.raises(ValueError):
        Session(make_questions(3), mode="hotseat", players=["ONE"])
    with pytest.raises(ValueError):
        Session(make_questions(3), mode="hotseat", players=["A", "B", "C", "D", "E"])
    with pytest.raises(ValueError):
        Session(make_questions(3), mode="classic", players=["A", "B"])
    with pytest.raises(ValueError):
        Session(make_questions(3), mode="marathon")


SPEED = Question(prompt="How fast?", choices=("40 mph", "50 mph", "60 mph", "70 mph"), answer="60 mph",
                 ordered=True, close=("50 mph", "70 mph"))


# -- lifelines --------------------------------------------------------------------------------
@pytest.mark.parametrize("choices, removed", [(2, 0), (3, 1), (4, 2), (5, 2), (6, 3)])
def test_fifty_fifty_removes_half_the_wrong_choices_and_never_all(choices, removed):
    session = Session(make_questions(2, choices), count=1, rng=random.Random(4), clock=FakeClock())
    session.start()
    gone = session.use_fifty()
    assert len(gone) == removed and session.current.correct not in gone
    assert len(session.current.choices) - len(gone) >= 2
    if removed:
        with pytest.raises(ValueError):
            session.answer(gone[0])
        assert not session.can_use("50:50") and session.use_fifty() == ()  # once per game


def test_lifelines_cost_what_the_screen_says_and_last_one_game():
    clock = FakeClock()
    session = Session(make_questions(3), count=3, rng=random.Random(1), clock=clock)
    session.start()
    assert session.use_time() == 10 and session.limit == 30
    clock.advance(25)
    assert not session.expired()
    session.use_fifty()
    result = session.answer(session.current.correct)
    # 25 s of a 30 s limit: round(1000 * (1 - 25/30/2)) = 583, less 2 lifelines x 200.
    assert result.points == 583 - 400 and result.lifelines == ("+10 s", "50:50") and result.limit == 30
    session.advance()
    assert session.limit == 20 and session.removed == ()
    assert session.use_time() == 0 and session.use_fifty() == ()
    assert session.player.lifelines == []


def test_a_lifeline_never_makes_points_negative():
    q = SPEED
    clock = FakeClock()
    session = Session([q], count=1, rng=random.Random(1), clock=clock)
    session.start()
    session.use_time()
    clock.advance(29)
    # A near miss at 29 s of 30 earns round(517 / 2) = 258; less 200 for the lifeline.
    assert session.answer(q.choices.index("70 mph")).points == 58


def test_close_answer_cost_is_floored_at_zero():
    q = SPEED
    clock = FakeClock()
    session = Session([q], count=1, rng=random.Random(1), clock=clock)
    session.start()
    session.use_time()
    clock.advance(5)
    gone = session.use_fifty()
    keep = next(c for c in ("50 mph", "70 mph") if q.choices.index(c) not in gone) if len(gone) < 3 else None
    if keep is not None:
        clock.advance(24)
        assert session.answer(q.choices.index(keep)).points == 0  # 258 - 400, floored


# -- close answers ----------------------------------------------------------------------------
def test_a_close_answer_earns_half_and_ends_the_streak():
    q = SPEED
    clock = FakeClock()
    session = Session([q, *make_questions(2)], count=3, rng=random.Random(0), clock=clock)
    while session.current.question is not q:
        session.answer(session.current.correct)
        session.advance()
    streak = session.streak
    session.start()  # the clock from this question's start, wherever the draw put it
    clock.advance(10)
    result = session.answer(q.choices.index("70 mph"))
    assert streak >= 0 and result.close and not result.correct
    assert result.points == round(750 / 2) and result.bonus == 0 and session.streak == 0
