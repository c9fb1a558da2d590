"""Import questions from the Open Trivia Database's JSON into the game's YAML format."""

from __future__ import annotations

import bisect
import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.core.kinds import TRUEFALSE
from game.core.model import (
    CHOICE_MAX,
    DIFFICULTIES,
    MAX_CHOICES,
    MIN_CHOICES,
    PROMPT_MAX,
    choice_key,
    clip,
    one_line,
    prompt_key,
)
from game.core.questions import load_text

ATTRIBUTION = """\
# Questions from the Open Trivia Database (https://opentdb.com/),
# licensed under Creative Commons Attribution-ShareAlike 4.0 International
# (https://creativecommons.org/licenses/by-sa/4.0/). Converted to the
# mi-trivia format by `mi-trivia import-opentdb`; changes: HTML entities decoded.
"""


class ImportError_(ValueError):
    """The input is not Open Trivia Database JSON."""


@dataclass(frozen=True)
class Skipped:
    """A record the import left out, and why."""

    record: int  # its place in the input, from 1
    prompt: str  # its question as decoded ("" if it had none)
    reason: str  # why, in full (the validator's own message where it refused the question)
    kind: str  # the reason in general, for the summary ("with a choice longer than 60 characters")

    def __str__(self) -> str:
        shown = f" ('{clip(one_line(' '.join(self.prompt.split())), 50)}')" if self.prompt.strip() else ""
        return f"record {self.record}{shown}: {self.reason}"


@dataclass
class Converted:
    questions: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    records: int = 0  # how many the input held
    blocks: list[str] = field(default_factory=list, repr=False)  # each question as YAML, as written

    def summary(self, where: str = "") -> str:
        """"3,693 of 3,705 questions ``where``; left out 12: 9 with a choice longer than 60 characters, 3 …"."""
        head = f"{len(self.questions):,} of {self.records:,} question{'s' if self.records != 1 else ''}{where}"
        if not self.skipped:
            return head + "; none left out"
        counts = Counter(s.kind for s in self.skipped)
        why = ", ".join(f"{n:,} {kind}" for kind, n in counts.most_common())
        return f"{head}; left out {len(self.skipped):,}: {why}"


# The reasons a record is left out, as the summary counts them ("3 with no correct answer").
KINDS = {"not an object": "not an object", "no question text": "with no question text",
         "no correct answer": "with no correct answer", "bad incorrect answers": "with bad incorrect answers",
         "two choices are the same": "with two choices the same"}


def _text(value: object) -> str | None:
    return html.unescape(value) if isinstance(value, str) else None


def records_from_json(data: bytes) -> list[Any]:
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportError_("the file is not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        raise ImportError_(f"the file is not valid JSON ({exc})") from None
    if isinstance(raw, dict) and isinstance(raw.get("results"), list):
        results: list[Any] = raw["results"]
        return results
    if isinstance(raw, list):
        return raw
    raise ImportError_("expected an API response {\"results\": [...]} or a list of results")


def _question(record: object) -> tuple[dict[str, Any] | None, str, str | None]:
    """One record as a question: ``(question, prompt, None)``, or ``(None, prompt, why it cannot be one)``."""
    if not isinstance(record, dict):
        return None, "", "not an object"
    prompt = _text(record.get("question"))
    answer = _text(record.get("correct_answer"))
    wrong = record.get("incorrect_answers")
    wrong = [_text(w) for w in wrong] if isinstance(wrong, list) else None
    if not prompt or not prompt.strip():
        return None, "", "no question text"
    if answer is None or not answer.strip():
        return None, prompt, "no correct answer"
    if wrong is None or any(w is None or not w.strip() for w in wrong):
        return None, prompt, "bad incorrect answers"
    statement = record.get("type") == "boolean" and len(wrong) == 1 and \
        {answer.strip(), wrong[0].strip()} == {"True", "False"}
    choices = ["True", "False"] if statement else [answer] + wrong
    keys = [choice_key(c) for c in choices]
    if len(set(keys)) != len(keys):
        return None, prompt, "two choices are the same"
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        return None, prompt, f"{len(choices)} choices; a question has {MIN_CHOICES} to {MAX_CHOICES}"
    question: dict[str, Any]
    if statement:  # OpenTDB's boolean questions are statements: our true/false kind
        question = {"type": TRUEFALSE.name, "prompt": prompt, "answer": answer.strip().lower()}
    else:
        question = {"prompt": prompt, "choices": choices, "answer": answer}
    category = _text(record.get("category"))
    if category and category.strip():
        question["category"] = category
    difficulty = record.get("difficulty")
    if isinstance(difficulty, str) and difficulty.lower() in DIFFICULTIES:
        question["difficulty"] = difficulty.lower()
    return question, prompt, None


def _general(message: str) -> str:
    """A validator's message in general, for the summary: what kind of thing was wrong."""
    if re.match(r"the prompt is \d+ characters long", message):
        return f"with a question longer than {PROMPT_MAX} characters"
    if re.match(r"(choice \d+|the answer) is \d+ characters long", message):
        return f"with a choice longer than {CHOICE_MAX} characters"
    if re.match(r"\d+ choices", message):
        return f"with fewer than {MIN_CHOICES} or more than {MAX_CHOICES} choices"
    return "refused by validate: " + re.sub(r" \(.*\)$|'[^']*'", "…", message.split(";")[0]).strip()


def convert(records: list[Any]) -> Converted:
    """The records as questions, each one the game's validator accepts; the others in ``skipped``."""
    out = Converted(records=len(records))
    kept: list[tuple[int, str, dict[str, Any]]] = []
    first: dict[str, int] = {}  # a prompt's key: the record it was first seen in
    for number, record in enumerate(records, start=1):
        question, prompt, reason = _question(record)
        if reason is None and prompt_key(prompt) in first:
            reason = f"the same question as record {first[prompt_key(prompt)]}"
            out.skipped.append(Skipped(number, prompt, reason, "repeating an earlier question"))
            continue
        if reason is not None:
            out.skipped.append(Skipped(number, prompt, reason, KINDS.get(reason) or _general(reason)))
            continue
        assert question is not None  # no reason given: a question
        first[prompt_key(prompt)] = number
        kept.append((number, prompt, question))
    blocks = [_block(question) for _, _, question in kept]
    # What the game's own checks refuse (text too long for the screen, ...) is left out too, with their reason:
    # the file written is one `mi-trivia validate` accepts whole.
    while kept:
        refused = _refused(blocks)
        if not refused:
            break
        for index in sorted(refused, reverse=True):
            number, prompt, _ = kept.pop(index)
            blocks.pop(index)
            messages = refused[index]
            out.skipped.append(Skipped(number, prompt, "; ".join(messages), _general(messages[0])))
    out.skipped.sort(key=lambda s: s.record)
    out.questions = [question for _, _, question in kept]
    out.blocks = blocks
    return out


def _block(question: dict[str, Any]) -> str:
    """One question as the lines of the file's ``questions`` list."""
    return yaml.safe_dump([question], allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def _refused(blocks: list[str]) -> dict[int, list[str]]:
    """The questions (by index) that the validator refuses, with its messages."""
    starts, line = [], 2  # line 1 is "questions:"
    for block in blocks:
        starts.append(line)
        line += block.count("\n")
    bank = load_text("questions:\n" + "".join(blocks), "import")
    if bank.unread:  # not one question could be read (a limit on the whole file): nothing to write
        raise ImportError_(f"the questions could not be checked: {bank.problems[0].message}")
    refused: dict[int, list[str]] = {}
    for problem in bank.problems:
        index = max(bisect.bisect_right(starts, problem.line) - 1, 0)
        refused.setdefault(index, []).append(problem.message)
    return refused


def to_yaml(converted: Converted) -> str:
    blocks = converted.blocks if len(converted.blocks) == len(converted.questions) else \
        [_block(q) for q in converted.questions]
    return ATTRIBUTION + ("questions:\n" + "".join(blocks) if blocks else "questions: []\n")
