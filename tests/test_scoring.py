from game.core import scoring


def test_instant_answer_scores_full_points():
    assert scoring.speed_points(0, 20) == 1000


def test_answer_at_the_buzzer_scores_half():
    assert scoring.speed_points(20, 20) == 500


def test_kahoot_rule_in_between():
    # round(1000 * (1 - (t / limit) / 2))
    assert scoring.speed_points(5, 20) == 875
    assert scoring.speed_points(7.3, 15) == round(1000 * (1 - (7.3 / 15) / 2))


def test_time_is_clamped_to_the_limit():
    assert scoring.speed_points(-1, 20) == 1000
    assert scoring.speed_points(99, 20) == 500


def test_streak_bonus_grows_and_caps():
    assert [scoring.streak_bonus(n) for n in range(1, 9)] == [0, 100, 200, 300, 400, 500, 500, 500]


def test_award_wrong_answer_scores_nothing_and_ends_streak():
    assert scoring.award(False, 1.0, 20, streak_before=4) == (0, 0, 0)


def test_award_right_answer_extends_streak():
    points, bonus, streak = scoring.award(True, 0.0, 20, streak_before=2)
    assert (points, bonus, streak) == (1000, 200, 3)


def test_close_answer_earns_half_speed_points_and_no_streak():
    assert scoring.award(False, 0, 20, 4, close=True) == (500, 0, 0)
    assert scoring.award(False, 20, 20, 4, close=True) == (250, 0, 0)


def test_each_lifeline_costs_its_points_never_below_zero():
    assert scoring.award(True, 0, 20, 0, lifelines=1) == (1000 - scoring.LIFELINE_COST, 0, 1)
    assert scoring.award(True, 0, 20, 2, lifelines=2) == (600, 200, 3)  # the streak bonus is kept
    assert scoring.award(False, 20, 20, 0, close=True, lifelines=2) == (0, 0, 0)
    assert scoring.award(False, 0, 20, 3, lifelines=2) == (0, 0, 0)


def test_the_points_line_adds_up_to_what_the_answer_added():
    # A right answer in 4 s of 20 (900 speed) with a streak of 2 (+100) and one lifeline (−200): +800.
    points, bonus, _ = scoring.award(True, 4, 20, 1, lifelines=1)
    speed, shown_bonus, cost = scoring.breakdown(points, bonus, 4, 20, correct=True, lifelines=1)
    assert (speed, shown_bonus, cost) == (900, 100, 200) and speed + shown_bonus - cost == points + bonus
    assert scoring.points_text(speed, shown_bonus, cost, 1) == \
        "+800 points: 900 for speed, +100 streak bonus, −200 for one lifeline"
    # Two lifelines that cost more than the answer earned: the cost shown is what was taken.
    points, bonus, _ = scoring.award(True, 20, 20, 0, lifelines=3)
    assert scoring.breakdown(points, bonus, 20, 20, correct=True, lifelines=3) == (500, 0, 500)
    assert scoring.points_text(500, 0, 500, 3) == "+0 points: 500 for speed, −500 for three lifelines"
    # A close answer earns half its speed; a plain answer shows only its total.
    points, bonus, _ = scoring.award(False, 0, 20, 3, close=True, lifelines=1)
    assert scoring.points_text(*scoring.breakdown(points, bonus, 0, 20, correct=False, close=True, lifelines=1), 1) \
        == f"+{points} points: 500 for speed, −200 for one lifeline"
    assert scoring.points_text(875, 0, 0) == "+875 points"
    assert scoring.points_text(875, 100, 400, 2) == \
        "+575 points: 875 for speed, +100 streak bonus, −400 for two lifelines"
    assert scoring.breakdown(0, 0, 3, 20, correct=False, lifelines=2) == (0, 0, 0)
