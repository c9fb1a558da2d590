"""Which questions a game asks: one per fact, never two that give each other away, fresh ones first.

A question's :attr:`~game.core.model.Question.key` is the fact it came from
(or its own prompt when it has none): a game asks at most one question per
key.  ``reveals`` names keys a question gives away; the two are never drawn
for the same game, whichever names the other.  Keys the player met lately
(the history, oldest first) come after the ones not met at all, the longest
ago first.

The same module finds the giveaways the validator warns about: an answer
whose words appear in another question's prompt, explanation or answer.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from game.core import kinds
from game.core.model import Question
from game.core.spelling import normalise

ARTICLES = ("a", "an", "the")
# Answers that say nothing on their own: a statement's truth, a bare yes or no.
NOT_GIVEAWAYS = frozenset({"true", "false", "yes", "no"})


def apart(questions: Iterable[Question]) -> dict[str, set[str]]:
    """For each key, the keys that must not share a game with it (``reveals``, both ways)."""
    out: dict[str, set[str]] = {}
    for question in questions:
        for other in question.reveals:
            if other != question.key:
                out.setdefault(question.key, set()).add(other)
                out.setdefault(other, set()).add(question.key)
    return out


def same_numbers_apart(questions: Sequence[Question]) -> list[Question]:
    """The questions, each of whose facts' answer is the same number as another's also ``reveals`` the
    other (an age of 60 and a speed of 60 mph: the first would give the second away), whatever the kind
    of question asked of them."""
    by_number: dict[str, set[str]] = {}
    for question in questions:
        number = answer_number(question)
        if number is not None:
            by_number.setdefault(number, set()).add(question.key)
    twins: dict[str, set[str]] = {}
    for keys in by_number.values():
        if len(keys) > 1:
            for key in keys:
                twins.setdefault(key, set()).update(keys - {key})
    if not twins:
        return list(questions)
    return [replace(q, reveals=q.reveals + tuple(sorted(twins[q.key] - set(q.reveals)))) if q.key in twins else q
            for q in questions]


def answer_number(question: Question) -> str | None:
    """The number an answer is ("60" for "60 mph", "60 years old", a slider's 60), or ``None`` (its kind's
    :meth:`~game.core.kinds.Kind.answer_number`)."""
    return kinds.of(question).answer_number(question)


def draw(questions: Sequence[Question], count: int, rng: random.Random, *, every: bool = False,
         recent: Sequence[str] = ()) -> list[Question]:
    """The questions of one game, in the order they are asked.

    ``count`` questions at most (``every``: as many as can be played, for
    sudden death), one per key, none revealing another.  Keys not met lately
    come first in random order, then those only shown lately (see
    :func:`_staleness`), then those asked lately, the oldest first.  A game of ``count`` is then shuffled, so its
    order tells nothing of what was fresh; ``every`` keeps fresh ones first.

    When the questions are of several kinds and ``count`` is at least how many,
    a game first takes, for each kind (the rarest first), the first fresh key
    that can ask it, so that every kind is played.
    """
    by_key: dict[str, list[Question]] = {}
    for question in questions:
        by_key.setdefault(question.key, []).append(question)
    keys = list(by_key)
    rng.shuffle(keys)
    stale = _staleness(recent, by_key)
    if recent:
        keys.sort(key=stale)  # stable: the shuffle breaks ties
    blocked_by = apart(questions)
    wanted = len(keys) if every else max(count, 1)
    chosen: list[str] = []
    blocked: set[str] = set()
    reserved: dict[str, str] = {}  # key -> the kind it was taken to ask

    def take(key: str) -> None:
        chosen.append(key)
        blocked.add(key)
        blocked.update(blocked_by.get(key, set()))

    offered = Counter(kind for key in keys for kind in {q.kind for q in by_key[key]})
    mixed = 1 < len(offered) <= wanted and not every
    if mixed:
        for kind in sorted(offered, key=lambda k: (offered[k], k)):
            key = next((k for k in keys if stale(k)[0] == 0 and (k in chosen or k not in blocked)
                        and k not in reserved and any(q.kind == kind for q in by_key[k])), None)
            if key is None or (key not in chosen and len(chosen) >= wanted):
                continue
            if key not in chosen:
                take(key)
            reserved[key] = kind
    for key in keys:
        if len(chosen) >= wanted:
            break
        if key not in blocked:
            take(key)
    picked = _varied(chosen, by_key, rng, reserved)
    if not every and (recent or mixed):
        rng.shuffle(picked)
    return picked


SHOWN = "~"  # a history entry for a key that a question asked showed without asking it


def shown(key: str) -> str:
    """The history's entry for ``key`` shown by another question (an order question shows its facts)."""
    return SHOWN + key


def _staleness(recent: Sequence[str], by_key: dict[str, list[Question]]) -> Callable[[str], tuple[int, int]]:
    """A sort key: ``(0, 0)`` for a key not met lately; ``(1, age)`` for one only shown (its
    fact was in an order question asked, or it shows facts asked or shown lately); ``(2, age)``
    for one asked lately.  Ages count up from the oldest entry of ``recent``."""
    age = {key: i for i, key in enumerate(recent)}

    def staleness(key: str) -> tuple[int, int]:
        if key in age:
            return 2, age[key]
        touched = max([age.get(shown(key), -1)] + [max(age.get(r, -1), age.get(shown(r), -1))
                                                    for q in by_key[key] for r in q.reveals])
        return (1, touched) if touched >= 0 else (0, 0)

    return staleness


def _varied(chosen: list[str], by_key: dict[str, list[Question]], rng: random.Random,
            reserved: dict[str, str]) -> list[Question]:
    """One question of each chosen key: one of the kind it was taken for, else any of its questions."""
    picked = []
    for key in chosen:
        options = by_key[key]
        if key in reserved:
            options = [q for q in options if q.kind == reserved[key]]
        picked.append(rng.choice(options))
    return picked


def most_questions(questions: Sequence[Question]) -> int:
    """How many questions one game can hold at most: one per key (``reveals`` may take a few more away)."""
    return len({q.key for q in questions})


# -- giveaways --------------------------------------------------------------------------
def answer_words(text: str) -> str:
    """An answer as looked for in other text: normalised, without a leading article
    ("" for answers that give nothing away, such as True and False)."""
    words = normalise(text).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    found = " ".join(words)
    return "" if found in NOT_GIVEAWAYS else found


def asked_for(question: Question) -> str:
    """What a question asks the player to come up with, as :func:`answer_words` (or "")."""
    if not kinds.of(question).asks_answer:  # True and False, or items already on the screen
        return ""
    return answer_words(question.answer)


def mentions(text: str, words: str) -> bool:
    """Whether ``words`` (from :func:`answer_words`) appear as whole words in ``text``."""
    return bool(words) and f" {words} " in f" {normalise(text)} "
