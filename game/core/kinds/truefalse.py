"""True or false: the prompt is a statement; the choices are True and False, in that order."""

from __future__ import annotations

from typing import Any

from game.core.checks import Checker
from game.core.kinds.base import Fields, Found, Round
from game.core.kinds.choice import ChoiceKind
from game.core.model import TRUE_FALSE, Question, clip
from game.core.yamldoc import Node


class TrueFalseKind(ChoiceKind):
    """Answered like multiple choice (an index: 0 True, 1 False), never halved, and no close answers."""

    name = "truefalse"
    label = "True or false"
    short = "True/false"
    keys = ("answer",)
    asks_answer = False  # True and False give nothing away
    phone_input = "truefalse"

    def read(self, check: Checker, node: Node, found: Found) -> Fields | None:
        """``answer: true`` or ``false``; the prompt is the statement."""
        answer_node = check.require(found, "answer", node, "a truefalse question")
        answer = check.text(answer_node, "answer") if answer_node is not None else None
        if answer is None:
            return None
        word = answer.strip().casefold()
        if word not in ("true", "false"):
            check.report(answer_node, f"a truefalse question's answer is true or false, not '{clip(answer)}'")
            return None
        return {"choices": TRUE_FALSE, "answer": TRUE_FALSE[0 if word == "true" else 1], "ordered": True}

    def answer_number(self, question: Question) -> str | None:
        return None  # True or False

    def can_halve(self, rnd: Round) -> bool:
        return False

    def response_text(self, rnd: Round, response: Any) -> str:
        return rnd.choices[int(response)]

    def short_text(self, rnd: Round, response: Any) -> str:
        return rnd.choices[int(response)]

    def right_text(self, rnd: Round) -> str:
        return rnd.choices[rnd.correct]
