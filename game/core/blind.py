"""Blind players: rules that answer without reading the question, over thousands of seeded games.

Each rule sees what a player sees on the screen without reading the prompt:
the choices (their look, their place), a statement's look, a slider's ends,
the items to order, and everything shown earlier in the same game (right
answers and explanations).  :func:`play` plays seeded games as the game
builds them (the bank made for the seed, a :class:`~game.core.session.Session`
with a random generator of the same seed) and counts, per kind of question
and per rule, how often the rule is right next to what chance gives.

The tests (tests/test_blind.py) check that no rule beats chance by more than
noise; ``python tools/blind.py`` prints the table quoted in the README.
No pygame here.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.core.fairness import Surface, casings_match, odd_length, surface
from game.core.kinds import CHOICE, ESTIMATE, ORDER, TRUEFALSE, TYPE, Round
from game.core.model import Question, Scale
from game.core.session import Session
from game.core.spelling import matches
from game.core.spelling import normalise as _normalise

# The same few hundred texts come back game after game: each is described once.
normalise = functools.lru_cache(maxsize=None)(_normalise)


@dataclass
class Seen:
    """What the game showed before the current question: right answers and every text shown."""

    answers: list[str] = field(default_factory=list)
    shown: str = " "  # every text shown, normalised, with a space either side of each word

    def add(self, rnd: Round) -> None:
        q = rnd.question
        self.answers.append(q.answer)
        self.shown += " ".join(normalise(t) for t in (q.prompt, q.answer, q.explanation or "", *rnd.choices)) + " "


@dataclass
class Tally:
    """How a rule did on one kind: ``hits`` (right answers, or points as a share), ``expected`` (chance),
    ``variance`` (of the hits under chance) over ``rounds`` questions."""

    hits: float = 0.0
    expected: float = 0.0
    variance: float = 0.0
    rounds: int = 0

    def add(self, hit: float, chance: float, variance: float) -> None:
        self.hits += hit
        self.expected += chance
        self.variance += variance
        self.rounds += 1

    @property
    def sd(self) -> float:
        return math.sqrt(self.variance)

    @property
    def z(self) -> float:
        """How many standard deviations above chance (negative: below)."""
        return (self.hits - self.expected) / self.sd if self.variance > 0 else 0.0

    @property
    def rate(self) -> float:
        return self.hits / self.rounds if self.rounds else 0.0

    @property
    def chance(self) -> float:
        return self.expected / self.rounds if self.rounds else 0.0


# -- helpers ----------------------------------------------------------------------------------------
def _pick(indices: Sequence[int], rng: random.Random) -> int:
    return indices[0] if len(indices) == 1 else rng.choice(list(indices))


def _best(values: Sequence[float], rng: random.Random, most: bool = True) -> int:
    top = max(values) if most else min(values)
    return _pick([i for i, v in enumerate(values) if v == top], rng)


def _avoid(n: int, bad: int, rng: random.Random) -> int:
    return rng.choice([i for i in range(n) if i != bad])


def _unique(flags: Sequence[object]) -> int | None:
    """The index of the one choice whose value no other shares, when the others all share one value."""
    if len(flags) < 3:
        return None
    for i, value in enumerate(flags):
        others = [f for j, f in enumerate(flags) if j != i]
        if len(set(others)) == 1 and others[0] != value:
            return i
    return None


def _odd_length(s: Sequence[Surface]) -> int:
    """The index of the choice whose length is farthest from the median of the others' (-1: a tie)."""
    return odd_length([c.length for c in s])


def _odd_one(s: Sequence[Surface]) -> int | None:
    """A choice unlike all the others in format (digits, comma, article, capitals, digits of its number)."""
    for flags in ([c.digits for c in s], [c.comma for c in s], [c.article for c in s],
                  [c.whole_digits for c in s], [c.roundness for c in s]):
        found = _unique(flags)
        if found is not None:
            return found
    for i, c in enumerate(s):
        if all(not casings_match(c.casing, o.casing) for j, o in enumerate(s) if j != i) and \
                len({o.casing for j, o in enumerate(s) if j != i}) == 1:
            return i
    return None


def _words(text: str) -> set[str]:
    return set(normalise(text).split())


def _shared(choices: Sequence[str]) -> list[int]:
    """For each choice, how many words it shares with the others (the "most typical" choice shares most)."""
    sets = [_words(c) for c in choices]
    return [sum(len(a & b) for j, b in enumerate(sets) if j != i) for i, a in enumerate(sets)]


def _leading_number(text: str) -> str | None:
    words = normalise(text).split()
    return words[0] if words and words[0][:1].isdigit() else None


def _earlier_answer(choices: Sequence[str], seen: Seen) -> list[int]:
    """Choices that repeat an earlier right answer (the same words, or the same leading number)."""
    past = {normalise(a) for a in seen.answers} - {"true", "false"}
    numbers = {_leading_number(a) for a in seen.answers} - {None}
    return [i for i, c in enumerate(choices) if normalise(c) in past or _leading_number(c) in numbers]


def _mentioned(choices: Sequence[str], seen: Seen) -> list[int]:
    """How often each choice's words appear in what the game showed earlier."""
    shown = seen.shown
    out = []
    for c in choices:
        words = normalise(c)
        if len(words.split()) > 1 and words.split()[0] in ("a", "an", "the"):
            words = " ".join(words.split()[1:])
        out.append(shown.count(f" {words} ") if words else 0)
    return out


# -- multiple choice -----------------------------------------------------------------------------
ChoiceRule = Callable[[Sequence[str], Sequence[Surface], Seen, random.Random], int]


def _cascade(choices: Sequence[str], s: Sequence[Surface], seen: Seen, rng: random.Random) -> int:
    """The rules a quiz-wise player tries in turn: the odd one out in format, the length that stands out
    by far, then the longest."""
    odd = _odd_one(s)
    if odd is not None:
        return odd
    lengths = sorted(c.length for c in s)
    far = _odd_length(s)
    if far >= 0 and (lengths[-1] - lengths[-2] >= 4 or lengths[1] - lengths[0] >= 4):
        return far
    return _best([c.length for c in s], rng)


def _or_random(index: int | None, n: int, rng: random.Random) -> int:
    return index if index is not None and index >= 0 else rng.randrange(n)


def _not_the_odd_one(c: Sequence[str], s: Sequence[Surface], seen: Seen, rng: random.Random) -> int:
    odd = _odd_one(s)
    return _avoid(len(c), odd, rng) if odd is not None else rng.randrange(len(c))


CHOICE_RULES: dict[str, ChoiceRule] = {
    "the longest": lambda c, s, seen, rng: _best([x.length for x in s], rng),
    "the shortest": lambda c, s, seen, rng: _best([x.length for x in s], rng, most=False),
    "not the longest": lambda c, s, seen, rng: _avoid(len(c), _best([x.length for x in s], rng), rng),
    "not the shortest": lambda c, s, seen, rng: _avoid(len(c), _best([x.length for x in s], rng, False), rng),
    "the most words": lambda c, s, seen, rng: _best([x.words for x in s], rng),
    "the fewest words": lambda c, s, seen, rng: _best([x.words for x in s], rng, most=False),
    "the length that stands out": lambda c, s, seen, rng: _or_random(_odd_length(s), len(c), rng),
    "not the length that stands out": lambda c, s, seen, rng: _avoid(len(c), _odd_length(s), rng)
    if _odd_length(s) >= 0 else rng.randrange(len(c)),
    "a middle length": lambda c, s, seen, rng: _pick(_middle([x.length for x in s]), rng),
    "the only one with a digit": lambda c, s, seen, rng: _or_random(_only([x.digits for x in s], True), len(c), rng),
    "the only one without a digit": lambda c, s, seen, rng: _or_random(_only([x.digits for x in s], False),
                                                                       len(c), rng),
    "the only one with a comma": lambda c, s, seen, rng: _or_random(_only([x.comma for x in s], True), len(c), rng),
    "the only one with 'a'/'the'": lambda c, s, seen, rng: _or_random(_only([x.article for x in s], True),
                                                                      len(c), rng),
    "the only one without 'a'/'the'": lambda c, s, seen, rng: _or_random(_only([x.article for x in s], False),
                                                                         len(c), rng),
    "the odd one out in format": lambda c, s, seen, rng: _or_random(_odd_one(s), len(c), rng),
    "not the odd one out": _not_the_odd_one,
    "the roundest number": lambda c, s, seen, rng: _best([x.roundness for x in s], rng),
    "the least round number": lambda c, s, seen, rng: _best([x.roundness for x in s], rng, most=False),
    "the most digits": lambda c, s, seen, rng: _best([x.whole_digits for x in s], rng),
    "the fewest digits": lambda c, s, seen, rng: _best([x.whole_digits for x in s], rng, most=False),
    "the most words shared with the others": lambda c, s, seen, rng: _best(_shared(c), rng),
    "the fewest words shared": lambda c, s, seen, rng: _best(_shared(c), rng, most=False),
    "first in the alphabet": lambda c, s, seen, rng: _best([-_rank(c, i) for i in range(len(c))], rng),
    "last in the alphabet": lambda c, s, seen, rng: _best([_rank(c, i) for i in range(len(c))], rng),
    "the first shown": lambda c, s, seen, rng: 0,
    "the last shown": lambda c, s, seen, rng: len(c) - 1,
    "the middle": lambda c, s, seen, rng: (len(c) - 1) // 2,
    "the cascade of surface rules": _cascade,
    "an earlier right answer": lambda c, s, seen, rng: _pick(_earlier_answer(c, seen) or range(len(c)), rng),
    "named earlier in the game": lambda c, s, seen, rng: _best(_mentioned(c, seen), rng),
    "never named earlier": lambda c, s, seen, rng: _best(_mentioned(c, seen), rng, most=False),
}


# Rules that read choices as words: numbers and dates, shown smallest first, are ranked by value instead
# (the first, the middle, the last shown).
WORD_RULES = frozenset({"first in the alphabet", "last in the alphabet"})


def _only(flags: Sequence[bool], value: bool) -> int | None:
    found = [i for i, f in enumerate(flags) if f == value]
    return found[0] if len(found) == 1 and len(flags) >= 3 else None


def _middle(values: Sequence[int]) -> list[int]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    if len(values) <= 2:
        return list(range(len(values)))
    return order[1:-1]


def _rank(choices: Sequence[str], i: int) -> int:
    return sorted(choices, key=str.casefold).index(choices[i])


# -- true or false -------------------------------------------------------------------------------
StatementRule = Callable[[str, Seen, random.Random], bool]  # True: answer "True"


def _has_round(text: str) -> bool:
    s = surface(text)
    return s.number is not None and s.roundness >= 1


def _echoes(text: str, seen: Seen) -> bool:
    """The statement holds an earlier right answer (its words or its leading number)."""
    said = f" {normalise(text)} "
    for answer in seen.answers:
        words = normalise(answer)
        if words in ("true", "false") or not words:
            continue
        if f" {words} " in said:
            return True
        number = _leading_number(answer)
        if number and f" {number} " in said:
            return True
    return False


STATEMENT_FEATURES: dict[str, Callable[[str, Seen], bool]] = {
    "it has a digit": lambda t, seen: any(ch.isdigit() for ch in t),
    "it has a round number": lambda t, seen: _has_round(t),
    "it is over 70 characters": lambda t, seen: len(t) > 70,
    "it is over 90 characters": lambda t, seen: len(t) > 90,
    "it has a comma": lambda t, seen: "," in t,
    "it repeats an earlier answer": _echoes,
    "it names something shown earlier": lambda t, seen: any(
        len(w) > 4 and f" {w} " in seen.shown for w in set(normalise(t).split()) - {"train", "cruise", "films"}),
}


def statement_rules() -> dict[str, StatementRule]:
    rules: dict[str, StatementRule] = {"always True": lambda t, seen, rng: True,
                                       "always False": lambda t, seen, rng: False}
    for name, feature in STATEMENT_FEATURES.items():
        rules[f"True when {name}"] = _true_when(feature)
        rules[f"False when {name}"] = _false_when(feature)
    return rules


def _true_when(feature: Callable[[str, Seen], bool]) -> StatementRule:
    return lambda t, seen, rng: feature(t, seen)


def _false_when(feature: Callable[[str, Seen], bool]) -> StatementRule:
    return lambda t, seen, rng: not feature(t, seen)


STATEMENT_RULES = statement_rules()


# -- estimates -----------------------------------------------------------------------------------
EstimateRule = Callable[[Round, Seen], float | None]  # None: the rule has nothing to say (a random place)


def _scale(question: Question) -> Scale:
    """An estimate's slider (every estimate has one)."""
    scale = question.scale
    assert scale is not None, question.key
    return scale


def _at(fraction: float) -> EstimateRule:
    def guess(rnd: Round, seen: Seen) -> float:
        scale = _scale(rnd.question)
        return scale.snap(scale.low + fraction * (scale.high - scale.low))
    return guess


def _roundest_on(rnd: Round, seen: Seen) -> float:
    """The roundest value the slider offers, the one nearest its middle among equals."""
    scale = _scale(rnd.question)
    middle = (scale.low + scale.high) / 2
    places = _positions(scale)
    return max(places, key=lambda v: (surface(scale.show(v)).roundness, -abs(v - middle)))


def _earlier_on(rnd: Round, seen: Seen) -> float | None:
    scale = _scale(rnd.question)
    for answer in reversed(seen.answers):
        number = _leading_number(answer)
        if number is not None:
            try:
                value = float(number)
            except ValueError:
                continue
            if scale.low <= value <= scale.high:
                return scale.snap(value)
    return None


def _positions(scale: Scale) -> list[float]:
    count = int(round((scale.high - scale.low) / scale.step)) if scale.step > 0 else 0
    return [scale.low + i * scale.step for i in range(count + 1)]


ESTIMATE_RULES: dict[str, EstimateRule] = {
    "the low end": _at(0.0), "a quarter of the way": _at(0.25), "the middle (where the knob starts)": _at(0.5),
    "three quarters of the way": _at(0.75), "the high end": _at(1.0), "the roundest value": _roundest_on,
    "an earlier right answer": _earlier_on,
}


def estimate_chance(rnd: Round) -> tuple[float, float]:
    """How often a uniformly random place on the slider is the answer, and the variance of a hit.

    Estimates are tallied by exact hits: with the answer at any place alike, every place is hit as often.
    (By points, a guess inside the slider always earns more than one at an end, whatever the slider:
    near an end, half the answers within reach lie off the slider.)
    """
    p = 1 / len(_positions(_scale(rnd.question)))
    return p, p * (1 - p)


# -- order ---------------------------------------------------------------------------------------
OrderRule = Callable[[Sequence[str], random.Random], list[int]]  # indices of the shown items, first to last


def _sorted_by(key: Callable[[str], Any], reverse: bool = False) -> OrderRule:
    def rule(items: Sequence[str], rng: random.Random) -> list[int]:
        order = list(range(len(items)))
        rng.shuffle(order)  # ties in a random order
        return sorted(order, key=lambda i: key(items[i]), reverse=reverse)
    return rule


ORDER_RULES: dict[str, OrderRule] = {
    "as shown": lambda items, rng: list(range(len(items))),
    "as shown, reversed": lambda items, rng: list(reversed(range(len(items)))),
    "shortest first": _sorted_by(len),
    "longest first": _sorted_by(len, reverse=True),
    "fewest words first": _sorted_by(lambda t: len(t.split())),
    "most words first": _sorted_by(lambda t: len(t.split()), reverse=True),
    "A to Z": _sorted_by(str.casefold),
    "Z to A": _sorted_by(str.casefold, reverse=True),
}


def order_chance(n: int) -> tuple[float, float, float]:
    """For a random order of ``n`` items: the chance of all in place, and the mean and variance of the
    share of items in place."""
    full = 1 / math.factorial(n)
    return full, 1 / n, 1 / n ** 2  # fixed points of a random permutation: mean 1, variance 1


# -- typed answers -------------------------------------------------------------------------------
TypeRule = Callable[[Seen], str | None]

TYPE_RULES: dict[str, TypeRule] = {
    "an earlier right answer": lambda seen: next((a for a in reversed(seen.answers)
                                                  if normalise(a) not in ("true", "false")), None),
    "the most named thing so far": lambda seen: _most_named(seen),
}


def _most_named(seen: Seen) -> str | None:
    counts: dict[str, int] = {}
    for word in seen.shown.split():
        if len(word) > 3:
            counts[word] = counts.get(word, 0) + 1
    return max(counts, key=lambda word: counts[word]) if counts else None


# -- playing -------------------------------------------------------------------------------------
NUMBERS = f"{CHOICE.name} (numbers, dates)"  # multiple choice on a ladder, tallied again on its own


def rules_for(kind: str) -> Iterable[str]:
    return {CHOICE.name: CHOICE_RULES, NUMBERS: [r for r in CHOICE_RULES if r not in WORD_RULES],
            TRUEFALSE.name: STATEMENT_RULES, ESTIMATE.name: ESTIMATE_RULES,
            ORDER.name: [f"{name} ({what})" for name in ORDER_RULES for what in ("all in place", "items in place")],
            TYPE.name: TYPE_RULES}[kind]


def play(questions_for: Callable[[int], list[Question]], games: int, *, count: int = 10, first_seed: int = 0,
         alone: bool = True, by_key: bool = False) -> dict[str, Any]:
    """Tallies ``{kind: {rule: Tally}}`` over ``games`` seeded games of ``count`` questions.

    Each seed plays one game of every kind together and, with ``alone``, one
    game of each kind alone (as ``--kinds`` does).  ``questions_for(seed)``
    gives the bank for a seed (see :func:`game.core.questions.seeded`).
    ``by_key``: the tallies are ``{kind: {rule: {key: Tally}}}``, per fact.
    """
    tallies: dict[str, Any] = {}

    def tally(kind: str, rule: str, key: str) -> Tally:
        per_rule = tallies.setdefault(kind, {})
        found: Tally = per_rule.setdefault(rule, {}).setdefault(key, Tally()) if by_key else \
            per_rule.setdefault(rule, Tally())
        return found

    for seed in range(first_seed, first_seed + games):
        bank = questions_for(seed)
        pools = [bank]
        if alone:
            kinds = dict.fromkeys(q.kind for q in bank)
            pools += [[q for q in bank if q.kind == kind] for kind in kinds]
        for number, pool in enumerate(pools):
            session = Session(pool, count=count, rng=random.Random(seed), mode="practice")
            rng = random.Random(f"blind|{seed}|{number}")
            seen = Seen()
            for rnd in session.rounds:
                _judge(rnd, seen, rng, tally)
                seen.add(rnd)
    return tallies


def _judge(rnd: Round, seen: Seen, rng: random.Random, tally: Callable[[str, str, str], Tally]) -> None:
    """Every rule of the round's kind tried on it (a kind with no blind rules is not tallied)."""
    judge = JUDGES.get(rnd.kind)
    if judge is not None:
        judge(rnd, seen, rng, lambda kind, name: tally(kind, name, rnd.question.key))


def _judge_choice(rnd: Round, seen: Seen, rng: random.Random, tally: Tallier) -> None:
    q = rnd.question
    s = [surface(c) for c in rnd.choices]
    p = 1 / len(rnd.choices)
    kinds = [CHOICE.name, NUMBERS] if q.ordered else [CHOICE.name]
    for name, rule in CHOICE_RULES.items():
        if q.ordered and name in WORD_RULES:
            continue
        hit = float(rule(rnd.choices, s, seen, rng) == rnd.correct)
        for kind in kinds:
            tally(kind, name).add(hit, p, p * (1 - p))


def _judge_statement(rnd: Round, seen: Seen, rng: random.Random, tally: Tallier) -> None:
    truth = rnd.correct == 0
    for name, rule in STATEMENT_RULES.items():
        tally(TRUEFALSE.name, name).add(float(rule(rnd.question.prompt, seen, rng) == truth), 0.5, 0.25)


def _judge_estimate(rnd: Round, seen: Seen, rng: random.Random, tally: Tallier) -> None:
    q = rnd.question
    scale, value = _scale(q), q.value
    assert value is not None, q.key  # every estimate has its answer as a number
    mean, variance = estimate_chance(rnd)
    for name, rule in ESTIMATE_RULES.items():
        guess = rule(rnd, seen)
        if guess is None:
            guess = rng.choice(_positions(scale))
        hit = abs(scale.snap(guess) - value) <= scale.step / 2 + 1e-9
        tally(ESTIMATE.name, name).add(float(hit), mean, variance)


def _judge_order(rnd: Round, seen: Seen, rng: random.Random, tally: Tallier) -> None:
    n = len(rnd.choices)
    full, share, share_var = order_chance(n)
    for name, rule in ORDER_RULES.items():
        order = rule(rnd.choices, rng)
        in_place = sum(1 for a, b in zip(order, rnd.solution, strict=True) if a == b)
        tally(ORDER.name, f"{name} (all in place)").add(float(in_place == n), full, full * (1 - full))
        tally(ORDER.name, f"{name} (items in place)").add(in_place / n, share, share_var)


def _judge_typed(rnd: Round, seen: Seen, rng: random.Random, tally: Tallier) -> None:
    q = rnd.question
    for name, rule in TYPE_RULES.items():
        typed = rule(seen)
        tally(TYPE.name, name).add(float(bool(typed and matches(typed, q.answer, q.also))), 0.0, 0.0)


Tallier = Callable[[str, str], "Tally"]  # (kind, rule) -> the tally to add a round to
# Each kind's blind rules, by the kind's name (game.core.kinds); the table's rows in this order.
JUDGES: dict[str, Callable[[Round, Seen, random.Random, Tallier], None]] = {
    CHOICE.name: _judge_choice, TRUEFALSE.name: _judge_statement, ESTIMATE.name: _judge_estimate,
    ORDER.name: _judge_order, TYPE.name: _judge_typed}
KINDS = (*JUDGES, NUMBERS)


def worst(tallies: dict[str, Any]) -> list[tuple[str, str, Tally]]:
    """Every (kind, rule, tally), the furthest above chance first."""
    rows = [(kind, rule, t) for kind, rules in tallies.items() for rule, t in rules.items()]
    return sorted(rows, key=lambda row: -row[2].z)


def table(tallies: dict[str, Any], kinds: Sequence[str] = KINDS) -> str:
    """A Markdown table: per kind, rounds, the best rule and the worst, each with its rate and chance."""
    lines = ["| kind | questions | rules | best rule | right | chance | z |", "|---|---|---|---|---|---|---|"]
    for kind in kinds:
        rules = tallies.get(kind)
        if not rules:
            continue
        best_rule, best = max(rules.items(), key=lambda item: item[1].z if item[1].variance else item[1].rate)
        rounds = max(t.rounds for t in rules.values())
        lines.append(f"| {kind} | {rounds:,} | {len(rules)} | {best_rule} | {best.rate:.1%} | {best.chance:.1%} | "
                     f"{best.z:+.1f} |")
    return "\n".join(lines)


def all_rules(tallies: dict[str, Any]) -> str:
    """Every rule of every kind, one Markdown row each."""
    lines = ["| kind | rule | right | chance | z |", "|---|---|---|---|---|"]
    for kind, rules in tallies.items():
        for rule, t in sorted(rules.items(), key=lambda item: -item[1].z):
            lines.append(f"| {kind} | {rule} | {t.rate:.1%} | {t.chance:.1%} | {t.z:+.1f} |")
    return "\n".join(lines)

