"""The points rule, in one place.

A right answer earns between 1000 points (answered at once) and 500 points
(answered at the buzzer): ``round(1000 * (1 - (t / limit) / 2))``, the rule
Kahoot uses.  Each right answer that extends a streak adds a bonus of 100
points for every earlier right answer in the streak, up to 500.  A wrong
answer or a timeout scores nothing and ends the streak.

A *close* answer (a wrong number next to the right one, where the question
allows it) earns half the speed points, no bonus, and ends the streak.  Each
lifeline used on a question costs 200 of that question's points (never below 0).

An *estimate* (a number on a slider) earns the speed points times its share:
1 at the right value, falling in a straight line to 0 at ``tolerance`` away
(``estimate_share``).  Only the right value itself (within half a step of the
slider) counts as right, with the streak and its bonus; any other answer
inside the tolerance is *close*: its share of the points, no bonus, and the
streak ends.  An *order* question is right only with every item in place; a
*typed* answer is right when it matches the answer or an accepted spelling.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

MAX_POINTS = 1000
STREAK_STEP = 100
STREAK_CAP = 500
LIFELINE_COST = 200


def speed_points(elapsed: float, limit: float | None) -> int:
    """Points for a right answer given ``elapsed`` seconds out of ``limit``.

    With no clock (``limit`` is ``None``) speed cannot count: a right answer
    earns what one at the buzzer would.
    """
    if limit is None:
        return MAX_POINTS // 2
    if limit <= 0:
        return MAX_POINTS
    fraction = min(max(elapsed / limit, 0.0), 1.0)
    return round(MAX_POINTS * (1 - fraction / 2))


def streak_bonus(streak: int) -> int:
    """Bonus for a right answer that makes the streak ``streak`` long (1 = first)."""
    return min(max(streak - 1, 0) * STREAK_STEP, STREAK_CAP)


def award(correct: bool, elapsed: float, limit: float | None, streak_before: int, *, close: bool = False,
          lifelines: int = 0) -> tuple[int, int, int]:
    """``(points, bonus, new_streak)`` for one answer."""
    cost = lifelines * LIFELINE_COST
    if correct:
        streak = streak_before + 1
        return max(speed_points(elapsed, limit) - cost, 0), streak_bonus(streak), streak
    if close:
        return max(round(speed_points(elapsed, limit) / 2) - cost, 0), 0, 0
    return 0, 0, 0


def estimate_share(given: float, value: float, tolerance: float) -> float:
    """The share of the points an estimate ``given`` earns when the answer is ``value``."""
    if tolerance <= 0:
        return 1.0 if given == value else 0.0
    return max(0.0, 1.0 - abs(given - value) / tolerance)


def award_estimate(given: float, value: float, tolerance: float, step: float, elapsed: float,
                   limit: float | None, streak_before: int, *, lifelines: int = 0) -> tuple[bool, bool, int, int, int]:
    """``(correct, close, points, bonus, new_streak)`` for an estimate."""
    correct = abs(given - value) <= max(step, 0) / 2 + 1e-9
    if correct:
        points, bonus, streak = award(True, elapsed, limit, streak_before, lifelines=lifelines)
        return True, False, points, bonus, streak
    share = estimate_share(given, value, tolerance)
    if share <= 0:
        return False, False, 0, 0, 0
    points = max(round(speed_points(elapsed, limit) * share) - lifelines * LIFELINE_COST, 0)
    return False, True, points, 0, 0


def breakdown(points: int, bonus: int, elapsed: float, limit: float | None, *, correct: bool, close: bool = False,
              lifelines: int = 0) -> tuple[int, int, int]:
    """``(speed, bonus, cost)`` of an answer that scored ``points`` (after its lifeline cost) and ``bonus``:
    ``speed + bonus - cost`` is exactly what the answer added to the score."""
    if not (correct or close):
        return 0, 0, 0
    cost = lifelines * LIFELINE_COST
    if points > 0 or not lifelines:  # exact for every kind, estimates' shares included
        return points + cost, bonus, cost
    base = speed_points(elapsed, limit)  # the lifelines cost all of it (an estimate's share is not kept)
    if close:
        base = round(base / 2)
    return base, bonus, min(cost, base)


_COUNTS = "no one two three four five six seven eight nine ten".split()


def how_many(n: int, thing: str) -> str:
    """"one lifeline", "two lifelines", "12 lifelines"."""
    return f"{_COUNTS[n] if 0 <= n < len(_COUNTS) else f'{n:,}'} {thing}{'' if n == 1 else 's'}"


def made_of(speed: int, bonus: int, cost: int, lifelines: int = 1) -> str:
    """"875 for speed, +100 streak bonus, −400 for two lifelines": how points were made (``lifelines``: how
    many the cost was for)."""
    parts = [f"{speed:,} for speed"]
    if bonus:
        parts.append(f"+{bonus:,} streak bonus")
    if cost:
        parts.append(f"−{cost:,} for {how_many(max(lifelines, 1), 'lifeline')}")
    return ", ".join(parts)


def points_parts(speed: int, bonus: int, cost: int, lifelines: int = 1) -> tuple[str, str]:
    """``("+575 points", "875 for speed, +100 streak bonus, −400 for two lifelines")``: what the score rose
    by, and how (``""`` when it was speed alone)."""
    return f"+{speed + bonus - cost:,} points", made_of(speed, bonus, cost, lifelines) if bonus or cost else ""


def points_text(speed: int, bonus: int, cost: int, lifelines: int = 1) -> str:
    """"+575 points: 875 for speed, +100 streak bonus, −400 for two lifelines" ("+875 points" for speed alone)."""
    total, how = points_parts(speed, bonus, cost, lifelines)
    return f"{total}: {how}" if how else total


class Scored(Protocol):
    """What the points rule reads from an answer (``session.Answer`` has these fields)."""

    @property
    def points(self) -> int: ...
    @property
    def bonus(self) -> int: ...
    @property
    def elapsed(self) -> float: ...
    @property
    def limit(self) -> float | None: ...
    @property
    def correct(self) -> bool: ...
    @property
    def close(self) -> bool: ...
    @property
    def lifelines(self) -> tuple[str, ...]: ...


def answer_points(answer: Scored) -> tuple[str, str]:
    """:func:`points_parts` for a session's answer (anything with the fields of ``session.Answer``)."""
    return points_parts(*_answer_parts(answer), len(answer.lifelines))


def answer_points_text(answer: Scored) -> str:
    """:func:`points_text` for a session's answer."""
    return points_text(*_answer_parts(answer), len(answer.lifelines))


def _answer_parts(answer: Scored) -> tuple[int, int, int]:
    return breakdown(answer.points, answer.bonus, answer.elapsed, answer.limit, correct=answer.correct,
                     close=answer.close, lifelines=len(answer.lifelines))


def game_points_text(answers: Iterable[Scored]) -> str:
    """How a game's score was made: "5,200 for speed, +600 streak bonus, −400 for two lifelines" ("" with no
    points); the lifelines counted are those that cost points."""
    speed = bonus = cost = used = 0
    for answer in answers:
        s, b, c = _answer_parts(answer)
        speed, bonus, cost = speed + s, bonus + b, cost + c
        used += len(answer.lifelines) if c else 0
    return made_of(speed, bonus, cost, used) if speed else ""
