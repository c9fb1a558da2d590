"""What every kind of question has: the :class:`Kind` base class, a played :class:`Round` and a :class:`Verdict`.

A kind knows everything about its questions that is not pygame: the YAML keys a hand-written question of
it may have and their checks (:meth:`Kind.read`), how its choices are shown (:meth:`Kind.arrange`), which
responses it takes (:meth:`Kind.check_response`), what one is worth (:meth:`Kind.judge`), the words for a
response and for the right answer, what a phone needs to answer it (:meth:`Kind.phone_payload`), how a
phone's response is read (:meth:`Kind.parse_phone`) and what the simulated phones send.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from typing import Any

from game.core import scoring
from game.core.checks import Checker
from game.core.model import Question, prompt_key
from game.core.spelling import normalise
from game.core.yamldoc import Node

Fields = dict[str, Any]  # the Question fields a kind's keys make (choices, answer, scale...)
Found = dict[str, tuple[Node, Node]]  # a question's keys: name -> (key node, value node)
Payload = dict[str, Any]  # a message to or from a phone, as JSON


@dataclass(frozen=True)
class Round:
    """One question as it is played: the choices in their shown order.

    ``correct`` is the right choice's index (multiple choice, true/false; -1
    for the other kinds); an order question's ``solution`` lists the indices of
    ``choices`` in the right order.  ``kind`` is the kind's name (see :func:`game.core.kinds.of`).
    """

    number: int
    question: Question
    choices: tuple[str, ...]
    correct: int
    limit: float
    kind: str = "choice"
    solution: tuple[int, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """What one response to one question is worth (see :meth:`Kind.judge`)."""

    correct: bool
    close: bool
    points: int
    bonus: int
    streak: int


class Kind:
    """One kind of question.  Subclasses set the class attributes and fill in the methods."""

    name = ""        # what a question file's 'type' says, and Question.kind / Round.kind
    label = ""       # in words: "Multiple choice" (the README, the title's help)
    short = ""       # the title's Kinds button: "Choice"
    keys: tuple[str, ...] = ()  # the YAML keys a hand-written question of this kind may have (beyond the common)
    typed = False    # answered by typing letters (the title's "all but typing" stop leaves it out)
    picks = False    # a response is one of the round's choices (counted per choice at a party's reveal)
    asks_answer = True  # the player comes up with the answer (so it must not show in another question)
    phone_input = "choices"  # the input the phone page shows: choices, truefalse, slider, order or text
    duplicate = "the same prompt"  # what two questions of this kind that are one and the same share
    seeded = False   # each game makes its question of this kind anew from its seed (see for_seed)

    # -- reading a question file -----------------------------------------------------------------------
    def read(self, check: Checker, node: Node, found: Found) -> Fields | None:
        """The fields a question of this kind gets from its keys (``found``), every problem reported on
        ``check`` with its place; ``None`` when something is wrong."""
        raise NotImplementedError

    def for_seed(self, question: Question, seed: object) -> Question:
        """The question as a game with ``seed`` asks it (the default: as it was read)."""
        return question

    def answer_number(self, question: Question) -> str | None:
        """The number the answer is ("60" for "60 mph"), where two questions with the same one would give
        each other away; ``None`` for kinds whose answers are never such a number."""
        return None

    def same_key(self, question: Question) -> str:
        """Questions with equal keys are the same question (asked once in a bank)."""
        return f"{self.name}|{prompt_key(question.prompt)}"

    # -- playing ------------------------------------------------------------------------------------
    def arrange(self, question: Question, rng: random.Random, number: int, limit: float) -> Round:
        """The question as it is played, question ``number`` with ``limit`` seconds (the default: no choices)."""
        return Round(number, question, (), -1, limit, self.name)

    def check_response(self, rnd: Round, response: object, removed: tuple[int, ...] = ()) -> Any:
        """``response`` in this kind's own form (never ``None``); ``ValueError`` when it cannot be an answer."""
        raise NotImplementedError

    def can_halve(self, rnd: Round) -> bool:
        """Whether the 50:50 can take choices away from this round."""
        return False

    def chosen(self, rnd: Round, response: object) -> int | None:
        """The index of the choice a (checked) response picked, for kinds whose responses are choices."""
        return None

    def right(self, rnd: Round, response: Any) -> tuple[bool, bool]:
        """``(correct, close)`` for a checked response."""
        raise NotImplementedError

    def judge(self, rnd: Round, response: Any, elapsed: float, limit: float | None, streak_before: int, *,
              lifelines: int = 0, scored: bool = True) -> Verdict:
        """What ``response`` (already checked; ``None``: no answer) is worth: the rule of
        :mod:`game.core.scoring` for right, close and wrong answers."""
        correct, close = self.right(rnd, response) if response is not None else (False, False)
        if not scored:
            return Verdict(correct, close, 0, 0, streak_before + 1 if correct else 0)
        points, bonus, streak = scoring.award(correct, elapsed, limit, streak_before, close=close,
                                              lifelines=lifelines)
        return Verdict(correct, close, points, bonus, streak)

    # -- in words -------------------------------------------------------------------------------------
    def given_text(self, rnd: Round, response: Any) -> str:
        """A player's response in words, for the feedback, the hot-seat reveal and the review."""
        if response is None:
            return "none (out of time)"
        return self.response_text(rnd, response)

    def response_text(self, rnd: Round, response: Any) -> str:
        """A (checked, not ``None``) response in words."""
        raise NotImplementedError

    def short_text(self, rnd: Round, response: Any) -> str:
        """A response in a few words, beside a player's name (hot-seat)."""
        return self.response_text(rnd, response)

    def right_text(self, rnd: Round) -> str:
        """The right answer in words."""
        return rnd.question.answer

    def answer_words(self, rnd: Round) -> str:
        """The right answer as the phones' result and the feedback say it ("The answer: ...")."""
        return rnd.question.answer

    def review_right(self, rnd: Round, everyone_right: bool) -> str | None:
        """The review's line with the right answer under a question's answers (``None``: none needed)."""
        return None if everyone_right else f"Right answer: {self.right_text(rnd)}"

    def review_mark(self, rnd: Round, response: Any, correct: bool) -> str:
        """More words after the review's ✓ or ✗ for a response (how much of it was right)."""
        return ""

    # -- phones ---------------------------------------------------------------------------------------
    def phone_payload(self, rnd: Round) -> Payload:
        """What the question message gives a phone beyond the prompt and the choices: ``input`` names what
        the page shows (choices, truefalse, slider, order or text), and any field that input needs."""
        return {"input": self.phone_input}

    def parse_phone(self, rnd: Round, value: object) -> Any:
        """A phone's JSON response as a response of this kind; ``ValueError`` when it cannot be one."""
        if value is None:
            raise ValueError("no answer given")
        return self.check_response(rnd, value)

    def phone_answers(self, rnd: Round, rng: random.Random) -> tuple[Any, Any]:
        """``(right, wrong)``: what the phone page sends for a right and a wrong answer to ``rnd``."""
        raise NotImplementedError

    def phone_guess(self, message: Payload, rng: random.Random) -> Any:
        """A response of the right shape that a phone could send, knowing only the question ``message``."""
        choices = message.get("choices") or []
        return rng.randrange(len(choices)) if choices else 0


@functools.lru_cache(maxsize=4096)
def number_text(answer: str) -> str | None:
    """The number an answer starts with ("60" for "60 mph"), or ``None``."""
    words = normalise(answer).split()
    return words[0] if words and words[0][:1].isdigit() else None


def choice_response(rnd: Round, response: object, removed: tuple[int, ...] = ()) -> int:
    """A choice's index among ``rnd``'s choices (not one the 50:50 took away)."""
    if isinstance(response, bool) or not isinstance(response, int) or not 0 <= response < len(rnd.choices) \
            or response in removed:
        raise ValueError(f"choice {response!r} cannot be chosen")
    return response
