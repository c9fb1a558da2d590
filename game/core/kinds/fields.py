"""Checks shared by the kinds' fields: text within the screen's limits, a list of choices or items, an answer
among the choices, the close choices."""

from __future__ import annotations

from game.core.checks import Checker
from game.core.model import CHOICE_MAX, MAX_CHOICES, MIN_CHOICES, choice_key, clip
from game.core.yamldoc import Node


def within(check: Checker, node: Node | None, text: str | None, what: str, limit: int) -> str | None:
    """``text`` if it is at most ``limit`` characters (what every screen is tested to show whole)."""
    if text is not None and len(text) > limit:
        check.report(node, f"{what} is {len(text)} characters long; at most {limit} fit on every screen "
                           f"('{clip(text)}')")
        return None
    return text


def check_choices(check: Checker, node: Node, items: list[tuple[Node, str]], what: str = "choice") -> list[str] | None:
    """The texts of a list of choices (or of an order's items): each short enough, none repeated."""
    ok = True
    if what == "choice" and not MIN_CHOICES <= len(items) <= MAX_CHOICES:
        check.report(node, f"a question needs {MIN_CHOICES} to {MAX_CHOICES} choices, not {len(items)}")
        ok = False
    seen: dict[str, int] = {}
    for position, (item, text) in enumerate(items, start=1):
        if within(check, item, text, f"{what} {position}", CHOICE_MAX) is None:
            ok = False
        key = choice_key(text)
        if key in seen:
            check.report(item, f"{what} '{clip(text)}' repeats {what} {seen[key]}")
            ok = False
        else:
            seen[key] = position
    return [text for _, text in items] if ok else None


def match_answer(check: Checker, node: Node, answer: str, choices: list[str]) -> str | None:
    """The choice ``answer`` names (spaces around it aside), or a problem with a hint."""
    if answer in choices:
        return answer
    for choice in choices:
        if choice.strip() == answer.strip():
            return choice
    close = [c for c in choices if choice_key(c) == choice_key(answer)]
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    check.report(node, f"the answer '{clip(answer)}' is not one of the choices{hint}")
    return None


def check_close(check: Checker, node: Node, choices: list[str], answer: str) -> tuple[str, ...]:
    """``close``: wrong choices near enough to the answer to earn half points."""
    items: list[tuple[Node, str]]
    if node.kind == "scalar":
        text = check.text(node, "close")
        items = [] if text is None else [(node, text)]
    else:
        items = check.text_list(node, "close", "a close choice") or []
    close = []
    for item, text in items:
        match = next((c for c in choices if c.strip() == text.strip()), None)
        if match is None:
            check.report(item, f"the close choice '{clip(text)}' is not one of the choices")
        elif match == answer:
            check.report(item, "the answer itself cannot be a close choice")
        else:
            close.append(match)
    return tuple(dict.fromkeys(close))
