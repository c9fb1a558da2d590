"""The points rule, in one place.

A right answer earns between 1000 points (answered at once) and 500 points
(answered at the buzzer): ``round(1000 * (1 - (t / limit) / 2))``, the rule
Kahoot uses.  Each right answer that extends a streak adds a bonus of 100
points for every earlier right answer in the streak, up to 500.  A wrong
answer or a timeout scores nothing and ends the streak.
"""

from __future__ import annotations

MAX_POINTS = 1000
STREAK_STEP = 100
STREAK_CAP = 500


def speed_points(elapsed: float, limit: float) -> int:
    """Points for a right answer given ``elapsed`` seconds out of ``limit``."""
    if limit <= 0:
        return MAX_POINTS
    fraction = min(max(elapsed / limit, 0.0), 1.0)
    return round(MAX_POINTS * (1 - fraction / 2))


def streak_bonus(streak: int) -> int:
    """Bonus for a right answer that makes the streak ``streak`` long (1 = first)."""
    return min(max(streak - 1, 0) * STREAK_STEP, STREAK_CAP)


def award(correct: bool, elapsed: float, limit: float, streak_before: int) -> tuple[int, int, int]:
    """``(points, bonus, new_streak)`` for one answer."""
    if not correct:
        return 0, 0, 0
    streak = streak_before + 1
    return speed_points(elapsed, limit), streak_bonus(streak), streak
