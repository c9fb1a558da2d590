"""Field-by-field checks of YAML nodes, collecting every problem with its position."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from game.core.model import Problem, clip, one_line
from game.core.yamldoc import Node, describe


class Checker:
    """Collects problems for one file; each helper returns ``None`` on a problem."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # worth a look, but the question still plays
        self.written: list[tuple[str, tuple[str, ...]]] = []  # hand-written (answer, choices), for fairness
        self.authoring = False  # the validator's slower checks for authors (see game.core.fairness) wanted too

    def report(self, node_or_pos: Node | tuple[int, int] | None, message: str) -> None:
        self.problems.append(self._at(node_or_pos, message))

    def warn(self, node_or_pos: Node | tuple[int, int] | None, message: str) -> None:
        self.warnings.append(self._at(node_or_pos, message))

    def _at(self, node_or_pos: Node | tuple[int, int] | None, message: str) -> Problem:
        """Where a problem is.  The kinds pass the node of a field they have read (``Node | None`` by its
        type, never ``None`` once its text was read); ``None`` is a mistake in the game, as before."""
        if isinstance(node_or_pos, Node):
            line, column = node_or_pos.line, node_or_pos.column
        elif node_or_pos is None:
            raise TypeError(f"a problem with no place: {message}")
        else:
            line, column = node_or_pos
        return Problem(self.path, line, column, one_line(message))

    # -- mappings -----------------------------------------------------------
    def fields(self, node: Node, allowed: tuple[str, ...], what: str) -> dict[str, tuple[Node, Node]] | None:
        """A mapping's entries by key; unknown, duplicate and non-text keys are reported."""
        if node.kind != "map":
            self.report(node, f"{what} must be a mapping of keys to values, not {describe(node)}")
            return None
        found: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if key.kind != "scalar":
                self.report(key, f"a key in {what} must be text, not {describe(key)}")
                continue
            name = key.value
            if name not in allowed:
                import difflib

                hint = difflib.get_close_matches(name.strip().lower(), allowed, n=1, cutoff=0.6)
                suggestion = f" (did you mean '{hint[0]}'?)" if hint else f" (known keys: {', '.join(allowed)})"
                self.report(key, f"unknown key '{clip(name)}' in {what}{suggestion}")
                continue
            if name in found:
                first = found[name][0]
                self.report(key, f"key '{clip(name)}' appears twice in {what} (first at line {first.line})")
                continue
            found[name] = (key, value)
        return found

    def require(self, found: dict[str, tuple[Node, Node]], name: str, owner: Node, what: str) -> Node | None:
        if name not in found:
            self.report(owner, f"{what} has no '{name}'")
            return None
        return found[name][1]

    # -- values -------------------------------------------------------------
    def text(self, node: Node, name: str) -> str | None:
        label = name if name.startswith(("a ", "an ")) else f"'{name}'"
        if node.kind != "scalar":
            self.report(node, f"{label} must be text, not {describe(node)}{_colon_hint(node)}")
            return None
        text: str = node.value
        if not text.strip():
            self.report(node, f"{label} is empty")
            return None
        return text

    def text_list(self, node: Node, name: str, item_name: str | None = None) -> list[tuple[Node, str]] | None:
        if node.kind != "seq":
            self.report(node, f"'{name}' must be a list, not {describe(node)}")
            return None
        items = []
        ok = True
        for item in node.value:
            value = self.text(item, item_name or f"an item of '{name}'")
            if value is None:
                ok = False
            else:
                items.append((item, value))
        return items if ok else None

    def number(self, node: Node, name: str) -> Decimal | None:
        if node.kind != "scalar":
            self.report(node, f"'{name}' must be a number, not {describe(node)}")
            return None
        try:
            value = Decimal(node.value.strip().replace("_", ""))
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            self.report(node, f"'{name}' must be a number, not '{clip(node.value)}'")
            return None
        return value

    def number_in(self, node: Node, name: str, low: int | float, high: int | float) -> Decimal | None:
        value = self.number(node, name)
        if value is not None and not (low <= value <= high):
            self.report(node, f"'{name}' must be between {low} and {high}, not {node.value.strip()}")
            return None
        return value

    def one_of(self, node: Node, name: str, options: tuple[str, ...]) -> str | None:
        value = self.text(node, name)
        if value is None:
            return None
        if value.strip().lower() not in options:
            listed = ", ".join(options[:-1]) + " or " + options[-1]
            self.report(node, f"'{name}' must be {listed}, not '{clip(value)}'")
            return None
        return value.strip().lower()


def _colon_hint(node: Node) -> str:
    """Where text with ': ' in it was read as a mapping of one key (``- Time: 5 s``): put it in quotes."""
    if node.kind != "map" or len(node.value) != 1:
        return ""
    key, value = node.value[0]
    if key.kind != "scalar" or value.kind != "scalar" or key.quoted or value.quoted or key.line != value.line:
        return ""
    text = f"{key.value}: {value.value}"
    quoted = f"'{clip(text).replace(chr(39), chr(39) * 2)}'" if '"' in text or "\\" in text else f'"{clip(text)}"'
    return f" (if ': ' is part of the text, put the whole text in quotes: {quoted})"

