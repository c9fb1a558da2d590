"""Type the answer: the ``answer`` or one of the ``also`` spellings, compared as :mod:`game.core.spelling`
says (capitals, accents, punctuation and numbers in words or digits do not matter)."""

from __future__ import annotations

import random
from typing import Any

from game.core import spelling
from game.core.checks import Checker
from game.core.kinds.base import Fields, Found, Kind, Payload, Round, number_text
from game.core.kinds.fields import within
from game.core.model import CHOICE_MAX, Question, clip
from game.core.yamldoc import Node


def answer_lines(rnd: Round) -> list[str]:
    """The right answer with its other accepted spellings, longest first: never worded as if the player's
    answer was accepted (the colour and the ✓ or ✗ say that)."""
    also = tuple(rnd.question.also or ())
    plain = f"The answer: {rnd.question.answer}"
    return [plain + f" (also accepted: {', '.join(also)})", plain] if also else [plain]


class TypeKind(Kind):
    name = "type"
    label = "Type the answer"
    short = "Typed"
    keys = ("answer", "also")
    typed = True
    phone_input = "text"

    def read(self, check: Checker, node: Node, found: Found) -> Fields | None:
        """``answer`` to type, and ``also`` other spellings that count."""
        answer_node = check.require(found, "answer", node, "a type question")
        answer = check.text(answer_node, "answer") if answer_node is not None else None
        answer = within(check, answer_node, answer, "the answer", CHOICE_MAX)
        if answer is not None and not spelling.normalise(answer):
            check.report(answer_node, "a typed answer needs letters or digits to compare")
            answer = None
        also: list[str] = []
        if "also" in found:
            also_node = found["also"][1]
            listed = [(also_node, check.text(also_node, "also"))] if also_node.kind == "scalar" else \
                check.text_list(also_node, "also", "a spelling") or []
            for item, text in listed:
                if text is not None and not spelling.normalise(text):
                    check.report(item, f"the spelling '{clip(text)}' has no letters or digits to compare")
                elif text is not None:
                    also.append(text)
        if answer is None:
            return None
        return {"choices": (), "answer": answer, "also": spelling.distinct_spellings(answer, also)}

    def answer_number(self, question: Question) -> str | None:
        return number_text(question.answer)

    def check_response(self, rnd: Round, response: object, removed: tuple[int, ...] = ()) -> str:
        if not isinstance(response, str):
            raise ValueError(f"{response!r} is not a text")
        return response[: spelling.MAX_TYPED]

    def right(self, rnd: Round, response: Any) -> tuple[bool, bool]:
        return spelling.matches(response, rnd.question.answer, rnd.question.also), False

    def response_text(self, rnd: Round, response: Any) -> str:
        return f"“{response}”"

    def short_text(self, rnd: Round, response: Any) -> str:
        return f"“{clip(str(response), 18)}”"

    def review_right(self, rnd: Round, everyone_right: bool) -> str | None:
        """What was typed may differ from the accepted spelling even when right: the answer always shows."""
        return answer_lines(rnd)[0]

    def phone_payload(self, rnd: Round) -> Payload:
        payload = super().phone_payload(rnd)
        payload["forgiven"] = spelling.FORGIVEN[0]  # what the phone says under the box
        return payload

    def phone_answers(self, rnd: Round, rng: random.Random) -> tuple[Any, Any]:
        return rnd.question.answer, "no idea at all"

    def phone_guess(self, message: Payload, rng: random.Random) -> Any:
        return "a guess"
