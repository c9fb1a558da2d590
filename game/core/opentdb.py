"""Import questions from the Open Trivia Database's JSON into the game's YAML format."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import yaml

from game.core.model import DIFFICULTIES, MAX_CHOICES, MIN_CHOICES, choice_key, prompt_key

ATTRIBUTION = """\
# Questions from the Open Trivia Database (https://opentdb.com/),
# licensed under Creative Commons Attribution-ShareAlike 4.0 International
# (https://creativecommons.org/licenses/by-sa/4.0/). Converted to the
# mi-trivia format by `mi-trivia import-opentdb`; changes: HTML entities decoded.
"""


class ImportError_(ValueError):
    """The input is not Open Trivia Database JSON."""


@dataclass
class Converted:
    questions: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _text(value) -> str | None:
    return html.unescape(value) if isinstance(value, str) else None


def records_from_json(data: bytes) -> list:
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportError_("the file is not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        raise ImportError_(f"the file is not valid JSON ({exc})") from None
    if isinstance(raw, dict) and isinstance(raw.get("results"), list):
        return raw["results"]
    if isinstance(raw, list):
        return raw
    raise ImportError_("expected an API response {\"results\": [...]} or a list of results")


def convert(records: list) -> Converted:
    out = Converted()
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        reason = None
        if not isinstance(record, dict):
            out.skipped.append(f"record {number}: not an object")
            continue
        prompt = _text(record.get("question"))
        answer = _text(record.get("correct_answer"))
        wrong = record.get("incorrect_answers")
        wrong = [_text(w) for w in wrong] if isinstance(wrong, list) else None
        if not prompt or not prompt.strip():
            reason = "no question text"
        elif answer is None or not answer.strip():
            reason = "no correct answer"
        elif wrong is None or any(w is None or not w.strip() for w in wrong):
            reason = "bad incorrect answers"
        if reason is None:
            statement = record.get("type") == "boolean" and len(wrong) == 1 and \
                {answer.strip(), wrong[0].strip()} == {"True", "False"}
            choices = ["True", "False"] if statement else [answer] + wrong
            keys = [choice_key(c) for c in choices]
            if len(set(keys)) != len(keys):
                reason = "two choices are the same"
            elif not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
                reason = f"{len(choices)} choices"
            elif prompt_key(prompt) in seen:
                reason = "the same question appears earlier"
        if reason is not None:
            out.skipped.append(f"record {number}: {reason}")
            continue
        seen.add(prompt_key(prompt))
        if statement:  # OpenTDB's boolean questions are statements: our true/false kind
            question = {"type": "truefalse", "prompt": prompt, "answer": answer.strip().lower()}
        else:
            question = {"prompt": prompt, "choices": choices, "answer": answer}
        category = _text(record.get("category"))
        if category and category.strip():
            question["category"] = category
        difficulty = record.get("difficulty")
        if isinstance(difficulty, str) and difficulty.lower() in DIFFICULTIES:
            question["difficulty"] = difficulty.lower()
        out.questions.append(question)
    return out


def to_yaml(converted: Converted) -> str:
    body = yaml.safe_dump({"questions": converted.questions}, allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False)
    return ATTRIBUTION + body
