"""Multiple choice: pick the answer among 2 to 6 choices, shown in a random order (numbers and dates in
theirs); a wrong choice listed as ``close`` earns half the points."""

from __future__ import annotations

import random
import re
from typing import Any

from game.core.checks import Checker
from game.core.fairness import stands_out
from game.core.kinds.base import (
    Fields,
    Found,
    Kind,
    Round,
    choice_response,
    number_text,
)
from game.core.kinds.fields import check_choices, check_close, match_answer
from game.core.model import LETTERS, TRUE_FALSE, Question, choice_key
from game.core.yamldoc import Node

NUMBER = re.compile(r"^(?P<before>[^\w.+-]*?)\s*(?P<value>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*"
                    r"(?P<after>[^\d]*)$")


def numbers_in_order(choices: list[str]) -> tuple[str, ...] | None:
    """Hand-written choices that are all numbers with the same unit ("40 mph", "$5", "3.5"), smallest
    first; None for anything else (words, dates, mixed units, numbers inside words)."""
    found = [NUMBER.match(c.strip()) for c in choices]
    if not all(found):
        return None
    matches = [m for m in found if m is not None]
    units = {(m["before"].strip().casefold(), m["after"].strip().casefold()) for m in matches}
    if len(units) != 1:
        return None
    values = [float(m["value"].replace(",", "")) for m in matches]
    if len(set(values)) != len(values):
        return None
    return tuple(c for _, c in sorted(zip(values, choices, strict=True)))


class ChoiceKind(Kind):
    name = "choice"
    label = "Multiple choice"
    short = "Choice"
    keys: tuple[str, ...] = ("choices", "answer", "close")
    picks = True
    phone_input = "choices"

    def read(self, check: Checker, node: Node, found: Found) -> Fields | None:
        choices: list[str] | None = None
        answer: str | None = None
        choices_node = check.require(found, "choices", node, "a question")
        if choices_node is not None:
            items = check.text_list(choices_node, "choices", "a choice")
            if items is not None:
                choices = check_choices(check, choices_node, items)
        answer_node = check.require(found, "answer", node, "a question")
        if answer_node is not None:
            answer = check.text(answer_node, "answer")
        if answer_node is not None and answer is not None and choices is not None:
            answer = match_answer(check, answer_node, answer, choices)
        if answer is None or choices is None:
            return None
        if sorted(choice_key(c) for c in choices) == ["false", "true"]:
            # True and False written as a multiple-choice question: a true/false question, True first, always.
            return {"kind": "truefalse", "choices": TRUE_FALSE,
                    "answer": TRUE_FALSE[0 if choice_key(answer) == "true" else 1], "ordered": True}
        made: Fields = {"choices": tuple(choices), "answer": answer}
        in_order = numbers_in_order(choices)
        if in_order is not None:  # numbers are shown smallest first, as generated ones are
            made["choices"], made["ordered"] = in_order, True
        for reason in stands_out(answer, [c for c in choices if c != answer]):
            check.warn(answer_node, f"the right answer stands out: {reason}; a player could pick it without "
                                    f"reading the question")
        check.written.append((answer, tuple(choices)))
        if "close" in found:
            made["close"] = check_close(check, found["close"][1], choices, answer)
        return made

    def answer_number(self, question: Question) -> str | None:
        return number_text(question.answer)

    def arrange(self, question: Question, rng: random.Random, number: int, limit: float) -> Round:
        """The right answer at a uniformly random position; ordered questions (numbers, dates) keep theirs."""
        if question.ordered:
            choices = question.choices
            correct = question.answer_index
        else:
            correct = rng.randrange(len(question.choices))
            wrong = [c for c in question.choices if c != question.answer]
            rng.shuffle(wrong)
            choices = tuple(wrong[:correct] + [question.answer] + wrong[correct:])
        return Round(number, question, tuple(choices), correct, limit, self.name)

    def check_response(self, rnd: Round, response: object, removed: tuple[int, ...] = ()) -> int:
        return choice_response(rnd, response, removed)

    def can_halve(self, rnd: Round) -> bool:
        return len(rnd.choices) >= 3  # two choices: nothing could be taken away

    def chosen(self, rnd: Round, response: object) -> int | None:
        return response if isinstance(response, int) else None

    def right(self, rnd: Round, response: Any) -> tuple[bool, bool]:
        correct = response == rnd.correct
        return correct, not correct and rnd.choices[response] in rnd.question.close

    def response_text(self, rnd: Round, response: Any) -> str:
        return f"{LETTERS[response]}. {rnd.choices[response]}"

    def short_text(self, rnd: Round, response: Any) -> str:
        return LETTERS[response]

    def right_text(self, rnd: Round) -> str:
        """The right answer with its letter."""
        return f"{LETTERS[rnd.correct]}. {rnd.choices[rnd.correct]}"

    def answer_words(self, rnd: Round) -> str:
        return rnd.choices[rnd.correct]

    def phone_answers(self, rnd: Round, rng: random.Random) -> tuple[Any, Any]:
        right = rnd.correct
        wrong = [i for i in range(len(rnd.choices)) if i != right]
        return right, rng.choice(wrong) if wrong else right
