"""One game: which questions, in what order, the clock, the answers and the score.

Time comes from an injected clock (any callable returning seconds), so tests
drive it by hand and never sleep.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.core import scoring
from game.core.model import DEFAULT_TIME_LIMIT, Question

Clock = Callable[[], float]


class Timer:
    """Seconds elapsed since :meth:`start`, not counting time spent paused."""

    def __init__(self, clock: Clock):
        self._clock = clock
        self._started: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0

    def start(self) -> None:
        self._started = self._clock()
        self._paused_at = None
        self._paused_total = 0.0

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._started is not None and self._paused_at is None:
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._clock() - self._paused_at
            self._paused_at = None

    def elapsed(self) -> float:
        if self._started is None:
            return 0.0
        now = self._paused_at if self._paused_at is not None else self._clock()
        return max(now - self._started - self._paused_total, 0.0)


@dataclass(frozen=True)
class Round:
    """One question as it is played: the choices in their shown order."""

    number: int
    question: Question
    choices: tuple[str, ...]
    correct: int
    limit: float


@dataclass(frozen=True)
class Answer:
    round: Round
    chosen: int | None  # None: the time ran out
    correct: bool
    elapsed: float
    points: int
    bonus: int
    streak: int

    @property
    def total(self) -> int:
        return self.points + self.bonus


def arrange(questions: Sequence[Question], rng: random.Random, default_limit: float) -> list[Round]:
    """Shuffle each question's choices so the right answer's position is spread evenly.

    Ordered questions (numbers, dates) keep their order; the others put the
    right answer where it has been least often so far (ties broken at random).
    """
    counts = [0] * 6
    rounds = []
    for number, question in enumerate(questions, start=1):
        n = len(question.choices)
        if question.ordered:
            choices = question.choices
            correct = question.answer_index
        else:
            low = min(counts[:n])
            correct = rng.choice([i for i in range(n) if counts[i] == low])
            wrong = [c for c in question.choices if c != question.answer]
            rng.shuffle(wrong)
            choices = tuple(wrong[:correct] + [question.answer] + wrong[correct:])
        counts[correct] += 1
        rounds.append(Round(number, question, tuple(choices), correct, question.limit(default_limit)))
    return rounds


class Session:
    """A game of ``count`` questions drawn without repeats from ``questions``."""

    def __init__(self, questions: Sequence[Question], *, count: int = 10, rng: random.Random | None = None,
                 clock: Clock = time.monotonic, default_limit: float = DEFAULT_TIME_LIMIT):
        if not questions:
            raise ValueError("a game needs at least one question")
        rng = rng or random.Random()
        picks = rng.sample(list(questions), min(max(count, 1), len(questions)))
        self.rounds = arrange(picks, rng, default_limit)
        self.timer = Timer(clock)
        self.index = 0
        self.answers: list[Answer] = []
        self.score = 0
        self.streak = 0
        self.best_streak = 0

    # -- where we are ---------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.rounds)

    @property
    def current(self) -> Round:
        return self.rounds[self.index]

    @property
    def finished(self) -> bool:
        return len(self.answers) >= self.total

    @property
    def answered_current(self) -> bool:
        return len(self.answers) > self.index

    # -- the clock ------------------------------------------------------------
    def start(self) -> None:
        """Start the clock for the current question."""
        self.timer.start()

    def elapsed(self) -> float:
        return min(self.timer.elapsed(), self.current.limit)

    def remaining(self) -> float:
        return max(self.current.limit - self.timer.elapsed(), 0.0)

    def expired(self) -> bool:
        return not self.answered_current and self.timer.elapsed() >= self.current.limit

    @property
    def paused(self) -> bool:
        return self.timer.paused

    def pause(self) -> None:
        self.timer.pause()

    def resume(self) -> None:
        self.timer.resume()

    # -- playing --------------------------------------------------------------
    def answer(self, chosen: int | None) -> Answer:
        """Answer the current question (``None`` when the time ran out)."""
        if self.answered_current:
            return self.answers[self.index]
        current = self.current
        elapsed = self.elapsed()
        if chosen is not None and elapsed >= current.limit:
            chosen = None  # too late: the buzzer went first
        correct = chosen is not None and chosen == current.correct
        points, bonus, self.streak = scoring.award(correct, elapsed, current.limit, self.streak)
        self.best_streak = max(self.best_streak, self.streak)
        result = Answer(current, chosen, correct, elapsed, points, bonus, self.streak)
        self.answers.append(result)
        self.score += result.total
        self.timer.pause()
        return result

    def advance(self) -> bool:
        """Move to the next question; ``False`` when the game is over."""
        if self.index + 1 >= self.total:
            return False
        self.index += 1
        self.start()
        return True

    # -- totals ---------------------------------------------------------------
    @property
    def correct_count(self) -> int:
        return sum(1 for a in self.answers if a.correct)

    @property
    def total_time(self) -> float:
        return sum(a.elapsed for a in self.answers)

    @property
    def average_time(self) -> float:
        return self.total_time / len(self.answers) if self.answers else 0.0
