"""The question model shared by the loader, the fact generator and the game."""

from __future__ import annotations

from dataclasses import dataclass, field

DIFFICULTIES = ("easy", "medium", "hard")
TIME_LIMIT_MIN = 5
TIME_LIMIT_MAX = 120
MIN_CHOICES = 2
MAX_CHOICES = 6
DEFAULT_TIME_LIMIT = 20
# The longest text a question may hold, in characters: every screen is tested to show this much
# whole at 800x600 with 200 % text (tests/test_layout.py), so the limits and the layouts go together.
PROMPT_MAX = 120
CHOICE_MAX = 60
EXPLANATION_MAX = 240


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

    @property
    def answer_index(self) -> int:
        return self.choices.index(self.answer)

    def limit(self, default: float = DEFAULT_TIME_LIMIT) -> float:
        return self.time_limit if self.time_limit is not None else default

    def to_json(self) -> dict:
        data = {"prompt": self.prompt, "choices": list(self.choices), "answer": self.answer}
        for key in ("category", "difficulty", "time_limit", "explanation"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.close:
            data["close"] = list(self.close)
        if self.ordered:
            data["ordered"] = True
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
