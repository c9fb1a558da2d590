"""The question model shared by the loader, the fact generator and the game."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

DIFFICULTIES = ("easy", "medium", "hard")
TIME_LIMIT_MIN = 5
TIME_LIMIT_MAX = 120
MIN_CHOICES = 2
MAX_CHOICES = 6
DEFAULT_TIME_LIMIT = 20
# The longest text a question may hold, in characters: every screen is tested to show this much
# whole at 800x600 with 200 % text (tests/test_layout.py), so the limits and the layouts go together.
PROMPT_MAX = 250
CHOICE_MAX = 60
EXPLANATION_MAX = 240

LETTERS = "ABCDEF"  # a choice's letter by its place (MAX_CHOICES of them)
TRUE_FALSE = ("True", "False")
ORDER_MIN, ORDER_MAX = 3, 4


_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def ordinal(n: int) -> str:
    """An ordinal in words up to twentieth, then 21st, 22nd ..."""
    if 1 <= n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_answer(n: int) -> str:
    """An ordinal shown as an answer or a choice, in digits ("7th", "22nd"): in words, the ordinals of a
    ladder differ in length ("Seventh" is longer than "Fifth" to "Tenth"), which would tell the answer."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_date(d: date, long: bool = False) -> str:
    """A date as the game shows it among choices: "12 Jul 2023" (months in three letters, so that dates of
    a ladder are as long as one another whatever their month); ``long`` in a sentence: "12 July 2023"."""
    month = _MONTHS[d.month - 1]
    return f"{d.day} {month if long else month[:3]} {d.year}"


@dataclass(frozen=True)
class Scale:
    """The slider of an ``estimate`` question: from ``low`` to ``high`` in steps of ``step``.

    Answers within ``tolerance`` of the right value earn points (see
    :func:`game.core.scoring.estimate_share`).  Dates are counted in days
    (``date.toordinal()``); ``show`` writes any value the way the fact does.
    """

    low: float
    high: float
    step: float
    tolerance: float
    value_kind: str = "number"  # number, money, ordinal or date
    unit: str = ""
    currency: str = ""
    places: int = 0

    def snap(self, value: float) -> float:
        """The nearest value the slider can show (a whole number of steps from ``low``)."""
        value = min(max(float(value), self.low), self.high)
        if self.step <= 0:
            return value
        # Half-way between two places goes up, whatever the floating-point error (1.75 / 0.1 is 17.4999...
        # or 17.5000... by where the slider starts): else the knob's start, the middle of a slider with an
        # odd number of steps, would fall now below and now above it, and hit the answer twice as often.
        snapped = self.low + math.floor((value - self.low) / self.step + 0.5 + 1e-9) * self.step
        snapped = min(max(snapped, self.low), self.high)
        return round(snapped, max(self.places, 0) + 6)

    def show(self, value: float) -> str:
        if self.value_kind == "date":
            return format_date(date.fromordinal(int(round(value))))
        if self.value_kind == "ordinal":
            return ordinal_answer(int(round(value)))
        if not math.isfinite(value):
            return str(value)
        text = f"{value:,.{self.places}f}" if abs(value) >= 10000 else f"{value:.{self.places}f}"
        if self.value_kind == "money":
            text = f"{self.currency}{text}"
        return f"{text} {self.unit}" if self.unit else text

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"low": self.low, "high": self.high, "step": self.step, "tolerance": self.tolerance,
                "value_kind": self.value_kind}
        for key in ("unit", "currency"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.places:
            data["places"] = self.places
        return data


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a question file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Question:
    """A playable question: the text exactly as the author wrote it.

    ``ordered`` questions (numbers and dates) keep their choices in the given
    order, smallest first; the others are shuffled for every game.

    ``kind`` names its kind (:mod:`game.core.kinds`); the game's own five:

    * ``choice``: pick the ``answer`` among ``choices``;
    * ``truefalse``: ``prompt`` is a statement, ``choices`` are ``("True", "False")``;
    * ``estimate``: no choices; the right ``value`` on ``scale`` (``answer`` is it in words);
    * ``order``: ``choices`` are the items in the right order, shuffled for play;
    * ``type``: no choices; ``answer`` or one of ``also`` typed in.

    ``fact`` names the fact a question came from (a game asks one question per
    fact) and ``reveals`` the facts it gives away (never asked in the same game).
    """

    prompt: str
    choices: tuple[str, ...]
    answer: str
    category: str | None = None
    difficulty: str | None = None
    time_limit: float | None = None
    explanation: str | None = None
    ordered: bool = False
    close: tuple[str, ...] = ()  # wrong choices near enough to earn half points
    source: str = field(default="", compare=False)
    kind: str = "choice"
    fact: str | None = None
    reveals: tuple[str, ...] = ()
    scale: Scale | None = None
    value: float | None = None
    also: tuple[str, ...] = ()
    image: str | None = None  # a checked picture's resolved path (game.core.pictures)
    alt: str | None = None    # its short description, required with it

    @property
    def answer_index(self) -> int:
        return self.choices.index(self.answer)

    @property
    def key(self) -> str:
        """What a game asks once at most: the fact, or the question itself when it has none."""
        return self.fact if self.fact is not None else "?" + prompt_key(self.prompt)

    def limit(self, default: float = DEFAULT_TIME_LIMIT) -> float:
        return self.time_limit if self.time_limit is not None else default

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.kind, "prompt": self.prompt, "choices": list(self.choices),
                                "answer": self.answer}
        for key in ("category", "difficulty", "time_limit", "explanation"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.close:
            data["close"] = list(self.close)
        if self.ordered:
            data["ordered"] = True
        if self.scale is not None:
            data["scale"] = self.scale.to_json()
        if self.value is not None:
            data["value"] = self.value
        if self.also:
            data["also"] = list(self.also)
        if self.fact is not None:
            data["fact"] = self.fact
        if self.reveals:
            data["reveals"] = list(self.reveals)
        if self.image is not None:
            data["image"], data["alt"] = self.image, self.alt
        data["source"] = self.source
        return data


def clip(text: str, limit: int = 60) -> str:
    """User text shown inside a message: at most ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(message: str) -> str:
    """A message on one line: control characters shown as escapes."""
    if message.isprintable():
        return message
    out = []
    for ch in message:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\x{ord(ch):02x}" if ord(ch) < 256
                                                                  else f"\\u{ord(ch):04x}"))
    return "".join(out)


def prompt_key(prompt: str) -> str:
    """Prompts that differ only in case and spacing count as the same prompt."""
    return " ".join(prompt.casefold().split())


def choice_key(choice: str) -> str:
    return choice.strip().casefold()
