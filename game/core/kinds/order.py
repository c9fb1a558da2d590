"""Put in order: three or four items, shuffled for play, put back in the right order."""

from __future__ import annotations

import random
from typing import Any

from game.core.checks import Checker
from game.core.fairness import order_tells
from game.core.kinds.base import Fields, Found, Kind, Payload, Round
from game.core.kinds.fields import check_choices
from game.core.model import ORDER_MAX, ORDER_MIN, Question, choice_key
from game.core.yamldoc import Node


def in_place(rnd: Round, response: Any) -> int:
    """How many items of ``response`` stand where they belong."""
    return sum(1 for a, b in zip(response or (), rnd.solution, strict=False) if a == b)


class OrderKind(Kind):
    name = "order"
    label = "Put in order"
    short = "Order"
    keys = ("items",)
    asks_answer = False  # the items are on the screen already
    phone_input = "order"
    duplicate = "the same items to order"

    def read(self, check: Checker, node: Node, found: Found) -> Fields | None:
        """``items`` in the right order (3 or 4); the prompt says what the order is."""
        items_node = check.require(found, "items", node, "an order question")
        items = check.text_list(items_node, "items", "an item") if items_node is not None else None
        if items_node is None or items is None:
            return None
        if not ORDER_MIN <= len(items) <= ORDER_MAX:
            check.report(items_node, f"an order question needs {ORDER_MIN} or {ORDER_MAX} items, not {len(items)}")
            return None
        texts = check_choices(check, items_node, items, what="item")
        if texts is None:
            return None
        for tell in order_tells(texts):
            check.warn(items_node, f"{tell}: a player could order the items without reading them; reword one")
        return {"choices": tuple(texts), "answer": " → ".join(texts)}

    def same_key(self, question: Question) -> str:
        return super().same_key(question) + "|" + "|".join(sorted(choice_key(c) for c in question.choices))

    def arrange(self, question: Question, rng: random.Random, number: int, limit: float) -> Round:
        """The items in a uniformly random order (now and then the right one: were it never so, "anything but
        the order shown" would beat chance)."""
        items = list(question.choices)
        rng.shuffle(items)
        solution = tuple(items.index(item) for item in question.choices)
        return Round(number, question, tuple(items), -1, limit, self.name, solution)

    def check_response(self, rnd: Round, response: object, removed: tuple[int, ...] = ()) -> tuple[int, ...]:
        if not isinstance(response, (list, tuple)) or sorted(response) != list(range(len(rnd.choices))) \
                or any(isinstance(i, bool) or not isinstance(i, int) for i in response):
            raise ValueError(f"{response!r} is not an order of the {len(rnd.choices)} items")
        return tuple(response)

    def right(self, rnd: Round, response: Any) -> tuple[bool, bool]:
        return tuple(response) == rnd.solution, False

    def response_text(self, rnd: Round, response: Any) -> str:
        return " → ".join(rnd.choices[i] for i in response)

    def short_text(self, rnd: Round, response: Any) -> str:
        return f"{in_place(rnd, response)}/{len(rnd.choices)} in place"

    def right_text(self, rnd: Round) -> str:
        return " → ".join(rnd.choices[i] for i in rnd.solution)

    def review_right(self, rnd: Round, everyone_right: bool) -> str | None:
        return None if everyone_right else f"Right order: {self.right_text(rnd)}"

    def review_mark(self, rnd: Round, response: Any, correct: bool) -> str:
        return "" if correct else f" ({in_place(rnd, response)} of {len(rnd.choices)} in place)"

    def phone_answers(self, rnd: Round, rng: random.Random) -> tuple[Any, Any]:
        """The item numbers tapped first to last: the right order, and the right order backwards."""
        solution = list(rnd.solution or range(len(rnd.choices)))
        return solution, solution[::-1]

    def phone_guess(self, message: Payload, rng: random.Random) -> Any:
        choices = message.get("choices") or []
        return rng.sample(range(len(choices)), len(choices))
