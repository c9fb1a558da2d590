"""Kinds of question in the core: true/false, estimate, order and typed answers (no pygame)."""

import random
from datetime import date

import pytest

from game.core import scoring
from game.core.model import Question, Scale
from game.core.questions import Bank
from game.core.session import Round, Session, arrange, check_response, judge
from game.core.spelling import matches, normalise


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


SPEED = Scale(low=0, high=200, step=5, tolerance=40, unit="mph")


def estimate(value=60.0, scale=SPEED):
    return Question("How fast?", (), scale.show(value), kind="estimate", scale=scale, value=value, fact="speed")


def truefalse(answer="True"):
    return Question("The train was real.", ("True", "False"), answer, ordered=True, kind="truefalse", fact="train")


def order():
    return Question("Earliest first", ("2019", "2020", "2021", "2023"), "2019 → 2020 → 2021 → 2023", kind="order",
                    fact="years")


def typed():
    return Question("Which country?", (), "Norway", kind="type", also=("Kingdom of Norway",), fact="country")


def session_of(question, **kw):
    clock = FakeClock()
    s = Session([question], count=1, rng=random.Random(1), clock=clock, **kw)
    s.start()
    clock.now = 5.0
    return s


# -- typed answers ---------------------------------------------------------------------------------
@pytest.mark.parametrize("given, answer", [
    ("  NORWAY ", "Norway"), ("Zoe", "Zoë"), ("tom cruise!", "Tom Cruise"), ("seventy", "70"),
    ("twenty-one", "21"), ("1,000", "one thousand"), ("the Orient Express", "Orient Express"), ("1st", "first"),
])
def test_typed_answers_that_count(given, answer):
    assert matches(given, answer)


@pytest.mark.parametrize("given", ["", "   ", "Sweden", "Norw", "7", None, 70])
def test_typed_answers_that_do_not(given):
    assert not matches(given, "Norway", ("seventy-one",))


def test_accepted_spellings_and_normal_form():
    assert matches("kingdom of norway", "Norway", ("Kingdom of Norway",))
    assert normalise("One hundred and twenty") == "120"


# -- the estimate rule -----------------------------------------------------------------------------
def test_estimate_share_falls_linearly_to_nothing_at_the_tolerance():
    assert scoring.estimate_share(60, 60, 40) == 1.0
    assert scoring.estimate_share(80, 60, 40) == 0.5
    assert scoring.estimate_share(40, 60, 40) == 0.5
    assert scoring.estimate_share(100, 60, 40) == 0.0
    assert scoring.estimate_share(500, 60, 40) == 0.0


def test_estimate_exact_is_right_near_is_close_far_is_wrong():
    exact = scoring.award_estimate(60, 60, 40, 5, 0, 20, 2)
    assert exact[:2] == (True, False) and exact[2] == 1000 and exact[3] == scoring.streak_bonus(3) and exact[4] == 3
    near = scoring.award_estimate(80, 60, 40, 5, 0, 20, 2)
    assert near == (False, True, 500, 0, 0)
    assert scoring.award_estimate(120, 60, 40, 5, 0, 20, 2) == (False, False, 0, 0, 0)


def test_scale_snaps_and_shows_in_the_facts_units():
    assert SPEED.snap(62.4) == 60 and SPEED.snap(63) == 65 and SPEED.snap(-10) == 0 and SPEED.snap(999) == 200
    assert SPEED.show(60) == "60 mph"
    money = Scale(0, 10, 0.5, 2, value_kind="money", unit="million", currency="$", places=1)
    assert money.show(2.5) == "$2.5 million"
    day = date(2021, 5, 14).toordinal()
    assert Scale(day - 30, day + 30, 1, 10, value_kind="date").show(day) == "14 May 2021"
    assert Scale(1, 10, 1, 3, value_kind="ordinal").show(2) == "2nd"  # in digits, like the choices


# -- rounds and judging ------------------------------------------------------------------------------
def test_order_items_are_shown_in_any_order_alike_and_solution_puts_them_back():
    """Every order of the items alike, the right one too: were it never shown, "anything but the order
    shown" would beat chance (issue 22)."""
    from collections import Counter

    shown = Counter()
    for seed in range(2400):
        (rnd,) = arrange([order()], random.Random(seed), 20)
        assert rnd.kind == "order" and rnd.correct == -1
        assert tuple(rnd.choices[i] for i in rnd.solution) == order().choices
        shown[rnd.choices] += 1
    assert len(shown) == 24 and min(shown.values()) > 100 / 2


def test_true_false_keeps_true_first():
    for seed in range(20):
        (rnd,) = arrange([truefalse("False")], random.Random(seed), 20)
        assert rnd.choices == ("True", "False") and rnd.correct == 1


def test_each_kind_is_answered_and_judged_through_the_session():
    s = session_of(truefalse())
    a = s.answer(0)
    assert a.correct and a.chosen == 0 and a.response == 0 and a.points > 0

    s = session_of(estimate())
    a = s.answer(70)
    assert not a.correct and a.close and a.response == 70.0 and a.chosen is None
    assert a.points == round(scoring.speed_points(5, 20) * 0.75) and a.bonus == 0

    s = session_of(order())
    rnd = s.current
    a = s.answer(rnd.solution)
    assert a.correct and a.response == rnd.solution
    s = session_of(order())
    wrong = tuple(reversed(s.current.solution))
    assert not s.answer(wrong).correct

    s = session_of(typed())
    a = s.answer("  norway ")
    assert a.correct and a.response == "  norway "


@pytest.mark.parametrize("question, bad", [
    (truefalse(), 2), (truefalse(), "0"), (truefalse(), True), (estimate(), "sixty"), (estimate(), float("nan")),
    (estimate(), [60]), (order(), (0, 0, 1, 2)), (order(), (0, 1, 2)), (order(), "0123"), (typed(), 5),
])
def test_responses_of_the_wrong_shape_are_refused(question, bad):
    s = session_of(question)
    with pytest.raises(ValueError):
        s.answer(bad)
    assert not s.answers  # nothing recorded


def test_typed_answers_are_cut_to_a_sane_length():
    (rnd,) = arrange([typed()], random.Random(1), 20)
    assert len(check_response(rnd, "x" * 10_000)) <= 80


def test_a_late_answer_of_any_kind_scores_nothing():
    for question, response in ((estimate(), 60), (typed(), "Norway")):
        clock = FakeClock()
        s = Session([question], count=1, rng=random.Random(1), clock=clock)
        s.start()
        clock.now = 25.0
        a = s.answer(response)
        assert a.response is None and a.points == 0 and not a.correct


def test_practice_judges_without_points():
    s = session_of(estimate(), mode="practice")
    a = s.answer(60)
    assert a.correct and a.points == 0 and a.streak == 1


def test_fifty_fifty_only_for_multiple_choice():
    assert not session_of(truefalse()).can_use("50:50")
    assert not session_of(estimate()).can_use("50:50")


def test_judge_is_the_same_for_everyone():
    (rnd,) = arrange([estimate()], random.Random(1), 20)
    v = judge(rnd, 60.0, 0.0, 20.0, 0)
    assert v.correct and v.points == 1000 and v.streak == 1
    assert judge(rnd, None, 20.0, 20.0, 3).streak == 0


def test_bank_filters_by_kind():
    bank = Bank([truefalse(), estimate(), order(), typed(), Question("Q?", ("a", "b"), "a")])
    assert [q.kind for q in bank.filtered(kinds=("choice", "type"))] == ["type", "choice"]
    assert len(bank.filtered()) == 5


def test_round_defaults_keep_multiple_choice_as_it_was():
    rnd = Round(1, Question("Q?", ("a", "b"), "a"), ("a", "b"), 0, 20.0)
    assert rnd.kind == "choice" and rnd.solution == ()


def test_the_autoplay_bot_plays_every_kind_through_the_real_loop(tmp_path, monkeypatch):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.app import App, Options
    from game.core.scores import ScoreStore
    from game.report import kinds_asked
    from game.ui.autoplay import Bot

    questions = [truefalse(), estimate(), order(), typed(), Question("Q?", ("a", "b", "c", "d"), "a", fact="q")]
    app = App(Options(count=5, seed=3, name="AUTO", autoplay=True, fps=0, size=(800, 600)), Bank(questions),
              ScoreStore(tmp_path / "s.json"))
    try:
        app.open_window()
        app.bot = Bot(3, "AUTO")
        assert app.run(max_seconds=120) == 0
        asked = kinds_asked(app.ctx.games.asked_rounds())
    finally:
        pygame.quit()
    assert asked == {"choice": 1, "truefalse": 1, "estimate": 1, "order": 1, "type": 1}
    answers = app.ctx.games.session.answers
    assert len(answers) == 5 and all(a.response is not None for a in answers)
