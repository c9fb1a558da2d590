"""One game: which questions, in what order, the clock, the answers and the score.

Time comes from an injected clock (any callable returning seconds), so tests
drive it by hand and never sleep.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.core import kinds
from game.core.draw import draw
from game.core.kinds import Round, Verdict
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


MODES = ("classic", "sudden-death", "practice", "hotseat")
MODE_NAMES = {"classic": "Classic", "sudden-death": "Sudden death", "practice": "Practice", "hotseat": "Hot-seat",
              "party": "Party"}
MODE_BLURBS = {
    "classic": "Timed questions; faster right answers score more.",
    "sudden-death": "Questions until the first miss; the board ranks by how many in a row.",
    "practice": "No clock, no points: every answer explained.",
    "hotseat": "2 to 4 players take turns on the same questions.",
    "party": "Everyone in the room answers on their own phone; the big screen asks.",
}
PLAYERS_MIN, PLAYERS_MAX = 2, 4
FIFTY, TIME = "50:50", "+10 s"
LIFELINES = (FIFTY, TIME)
EXTRA_SECONDS = 10.0


@dataclass(frozen=True)
class Answer:
    round: Round
    chosen: int | None  # None: the time ran out
    correct: bool
    elapsed: float
    points: int
    bonus: int
    streak: int
    close: bool = False  # a near miss that earned half points
    lifelines: tuple[str, ...] = ()
    removed: tuple[int, ...] = ()  # choices the 50:50 took away
    limit: float | None = None  # the time this player had (None: untimed)
    player: int = 0
    response: object = None  # what was given: an index, a number, an order of indices or a text

    @property
    def total(self) -> int:
        return self.points + self.bonus


@dataclass
class Player:
    """One player's running totals (a game has one, or 2 to 4 in hot-seat)."""

    name: str
    score: int = 0
    streak: int = 0
    best_streak: int = 0
    answers: list[Answer] = field(default_factory=list)
    lifelines: list[str] = field(default_factory=list)  # the ones still unused

    @property
    def correct_count(self) -> int:
        return sum(1 for a in self.answers if a.correct)

    @property
    def total_time(self) -> float:
        return sum(a.elapsed for a in self.answers)

    @property
    def average_time(self) -> float:
        return self.total_time / len(self.answers) if self.answers else 0.0

    @property
    def run(self) -> int:
        """Right answers in a row from the start (sudden death's measure)."""
        count = 0
        for answer in self.answers:
            if not answer.correct:
                break
            count += 1
        return count


def arrange(questions: Sequence[Question], rng: random.Random, default_limit: float,
            factor: float = 1.0) -> list[Round]:
    """Each question as it is played, as its kind arranges it (:meth:`game.core.kinds.Kind.arrange`): the
    right answer at a uniformly random position; numbers, dates and true/false keep their order; an order
    question's items in a uniformly random order."""
    return [kinds.of(question).arrange(question, rng, number, question.limit(default_limit) * factor)
            for number, question in enumerate(questions, start=1)]


def check_response(rnd: Round, response: Any, removed: tuple[int, ...] = ()) -> Any:
    """The response in the kind's own form; ``ValueError`` when it cannot be an answer at all."""
    if response is None:
        return None
    return kinds.of(rnd).check_response(rnd, response, removed)


def judge(rnd: Round, response: Any, elapsed: float, limit: float | None, streak_before: int, *,
          lifelines: int = 0, scored: bool = True) -> Verdict:
    """What ``response`` (already checked, ``None``: no answer) to ``rnd`` is worth.

    The one place that decides right, close and points for every kind (each kind's
    :meth:`~game.core.kinds.Kind.judge`); the single-player and hot-seat session and the party room both use it.
    """
    return kinds.of(rnd).judge(rnd, response, elapsed, limit, streak_before, lifelines=lifelines, scored=scored)


class Session:
    """One game: up to ``count`` questions drawn from ``questions`` by :func:`game.core.draw.draw`.

    A game asks at most one question per fact and never two that give each
    other away; ``recent`` (the keys of questions the player met lately,
    oldest first) go after the rest.  ``mode`` is one of :data:`MODES`.
    Sudden death draws every question it can and stops at the first miss; practice has no clock and no points; hot-seat
    gives each of ``players`` a turn on every question, one after another.
    ``time_factor`` stretches every question's time (1.5, 2); ``None`` plays
    without a clock (and so without a place on the high-score boards).
    """

    def __init__(self, questions: Sequence[Question], *, count: int = 10, rng: random.Random | None = None,
                 clock: Clock = time.monotonic, default_limit: float = DEFAULT_TIME_LIMIT,
                 mode: str = "classic", players: Sequence[str] = ("PLAYER",), time_factor: float | None = 1.0,
                 recent: Sequence[str] = ()):
        if not questions:
            raise ValueError("a game needs at least one question")
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        if not players or (mode == "hotseat") != (len(players) > 1) or len(players) > PLAYERS_MAX:
            raise ValueError(f"{mode} needs {'2 to 4 players' if mode == 'hotseat' else 'one player'}")
        self.mode = mode
        self.time_factor = time_factor
        self.rng = rng or random.Random()
        picked = draw(questions, count, self.rng, every=mode == "sudden-death", recent=recent)
        self.rounds = arrange(picked, self.rng, default_limit, time_factor or 1.0)
        self.timer = Timer(clock)
        self.index = 0
        self.turn = 0
        self.answers: list[Answer] = []
        self.players = [Player(name, lifelines=list(self.offered_lifelines)) for name in players]
        self._begin_turn()

    # -- what kind of game --------------------------------------------------------
    @property
    def timed(self) -> bool:
        return self.mode != "practice" and self.time_factor is not None

    @property
    def scored(self) -> bool:
        return self.mode != "practice"

    @property
    def ranked(self) -> bool:
        """Goes on a high-score board: scored and against a clock."""
        return self.scored and self.timed

    @property
    def lifelines_allowed(self) -> bool:
        return self.mode in ("classic", "sudden-death")

    @property
    def offered_lifelines(self) -> tuple[str, ...]:
        """The lifelines each player starts with (no +10 s without a clock)."""
        if not self.lifelines_allowed:
            return ()
        return tuple(name for name in LIFELINES if name != TIME or self.timed)

    # -- where we are ---------------------------------------------------------
    @property
    def total(self) -> int:
        """Questions in the game (sudden death: the most it can last)."""
        return len(self.rounds)

    @property
    def asked(self) -> int:
        """Questions reached so far, counting the current one."""
        return self.index + 1

    @property
    def current(self) -> Round:
        return self.rounds[self.index]

    @property
    def player(self) -> Player:
        return self.players[self.turn]

    @property
    def finished(self) -> bool:
        if self.mode == "sudden-death" and self.answers and not self.answers[-1].correct:
            return True
        return len(self.answers) >= self.total * len(self.players)

    @property
    def answered_current(self) -> bool:
        answers = self.player.answers
        return bool(answers) and answers[-1].round is self.current

    @property
    def round_done(self) -> bool:
        """Every player has answered the current question."""
        return all(p.answers and p.answers[-1].round is self.current for p in self.players)

    def answers_to_current(self) -> list[Answer]:
        return [p.answers[-1] for p in self.players if p.answers and p.answers[-1].round is self.current]

    # -- the clock ------------------------------------------------------------
    @property
    def limit(self) -> float | None:
        """Seconds this turn allows (with any +10 s), or ``None`` without a clock."""
        if not self.timed:
            return None
        return self.current.limit + self._extra

    def start(self) -> None:
        """Start the clock for the current turn."""
        self.timer.start()

    def elapsed(self) -> float:
        limit = self.limit
        spent = self.timer.elapsed()
        return spent if limit is None else min(spent, limit)

    def remaining(self) -> float:
        limit = self.limit
        return float("inf") if limit is None else max(limit - self.timer.elapsed(), 0.0)

    def expired(self) -> bool:
        limit = self.limit
        return limit is not None and not self.answered_current and self.timer.elapsed() >= limit

    @property
    def paused(self) -> bool:
        return self.timer.paused

    def pause(self) -> None:
        self.timer.pause()

    def resume(self) -> None:
        self.timer.resume()

    # -- lifelines --------------------------------------------------------------
    def _begin_turn(self) -> None:
        self._extra = 0.0
        self._used: list[str] = []
        self.removed: tuple[int, ...] = ()

    def can_use(self, lifeline: str) -> bool:
        if lifeline not in self.player.lifelines or self.answered_current:
            return False
        if lifeline == FIFTY:  # two choices: nothing could be taken away
            return kinds.of(self.current).can_halve(self.current)
        return self.timed

    def use_fifty(self) -> tuple[int, ...]:
        """Take away half the wrong choices (at least one is always left); returns their indices."""
        if not self.can_use(FIFTY):
            return ()
        current = self.current
        wrong = [i for i in range(len(current.choices)) if i != current.correct]
        take = min(-(-len(wrong) // 2), len(wrong) - 1)
        self.removed = tuple(sorted(self.rng.sample(wrong, take)))
        self._spend(FIFTY)
        return self.removed

    def use_time(self) -> float:
        """Add :data:`EXTRA_SECONDS` to this turn's clock; returns the seconds added."""
        if not self.can_use(TIME):
            return 0.0
        self._extra += EXTRA_SECONDS
        self._spend(TIME)
        return EXTRA_SECONDS

    def _spend(self, lifeline: str) -> None:
        self.player.lifelines.remove(lifeline)
        self._used.append(lifeline)

    # -- playing --------------------------------------------------------------
    def answer(self, response: Any = None) -> Answer:
        """Answer the current question for the player whose turn it is (``None``: time ran out).

        ``response`` is what the kind takes: a choice's index (multiple choice,
        true/false), a number (estimate), the indices of the items in the order
        given (order) or a text (type).  Anything else raises ``ValueError``.
        """
        player = self.player
        if self.answered_current:
            return player.answers[-1]
        current = self.current
        limit = self.limit
        elapsed = self.elapsed()
        response = check_response(current, response, self.removed)
        if response is not None and limit is not None and elapsed >= limit:
            response = None  # too late: the buzzer went first
        verdict = judge(current, response, elapsed, limit, player.streak, lifelines=len(self._used),
                        scored=self.scored)
        player.streak = verdict.streak
        player.best_streak = max(player.best_streak, verdict.streak)
        chosen = kinds.of(current).chosen(current, response) if response is not None else None
        result = Answer(current, chosen, verdict.correct, elapsed, verdict.points, verdict.bonus, verdict.streak,
                        verdict.close, tuple(self._used), self.removed, limit, self.turn, response)
        player.answers.append(result)
        player.score += result.total
        self.answers.append(result)
        self.timer.pause()
        return result

    def next_turn(self) -> bool:
        """Hand the current question to the next player; ``False`` when all have answered it."""
        if self.turn + 1 >= len(self.players):
            return False
        self.turn += 1
        self._begin_turn()
        self.start()
        return True

    def advance(self) -> bool:
        """Move to the next question (first player's turn); ``False`` when the game is over."""
        if self.finished or self.index + 1 >= self.total:
            return False
        self.index += 1
        self.turn = 0
        self._begin_turn()
        self.start()
        return True

    # -- totals (the current player's; one player outside hot-seat) --------------
    @property
    def score(self) -> int:
        return self.player.score

    @property
    def streak(self) -> int:
        return self.player.streak

    @property
    def best_streak(self) -> int:
        return self.player.best_streak

    @property
    def correct_count(self) -> int:
        return self.player.correct_count

    @property
    def total_time(self) -> float:
        return self.player.total_time

    @property
    def average_time(self) -> float:
        return self.player.average_time

    def standings(self) -> list[tuple[int, Player]]:
        """``(place, player)`` best first; equal scores share a place (then the faster time is listed first)."""
        ordered = sorted(self.players, key=lambda p: (-p.score, p.total_time))
        places, out = 0, []
        for i, player in enumerate(ordered):
            if i == 0 or player.score != ordered[i - 1].score:
                places = i + 1
            out.append((places, player))
        return out
