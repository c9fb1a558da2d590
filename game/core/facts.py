"""Facts from the article, turned into questions with believable wrong answers.

A fact holds one right answer and how to ask for it; the wrong answers are
made by kind, deterministically for a given seed:

* ``number``, ``money``, ``ordinal`` and ``date`` facts build a ladder of
  values spaced ``step`` apart (scaled to the value when not given), with the
  right answer at a uniformly random rank, kept inside ``min``/``max``; the
  choices are shown in order, smallest first, in the right answer's unit and
  precision.
* ``text`` facts draw wrong answers from a named ``pool`` of the same class
  (other countries, other actors) kept in the YAML file.
* Any fact may instead list its ``wrong`` answers by hand.

Besides its multiple-choice questions (one per ``ask`` prompt), a fact yields
other kinds of question (see :mod:`game.core.kinds`):

* a number, money, ordinal or date fact yields an ``estimate`` question: a
  slider over a range around the value (within ``min``/``max``), the answer
  at a random place on it, points down to nothing at ``tolerance`` away;
* each ``say`` template (a statement with ``{}`` where the answer goes)
  yields a ``truefalse`` question, with the right answer or, about half the
  time, a wrong one from the ladder, the pool or the ``wrong`` list;
* a text fact with ``also`` (other accepted spellings) yields a ``type``
  question;
* facts that share a ``group`` yield ``order`` questions of 3 or 4 of their
  ``label``s (see :func:`order_questions`).

Every generated question carries the fact's ``id`` as its ``fact``.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from game.core.checks import Checker
from game.core.fairness import alike_numbers, look_alikes, nearest_in_length, order_tells, pool_warnings
from game.core.kinds import ESTIMATE, ORDER, TRUEFALSE, TYPE
from game.core.model import (
    CHOICE_MAX,
    DIFFICULTIES,
    EXPLANATION_MAX,
    MAX_CHOICES,
    MIN_CHOICES,
    ORDER_MAX,
    ORDER_MIN,
    PROMPT_MAX,
    TIME_LIMIT_MAX,
    TIME_LIMIT_MIN,
    TRUE_FALSE,
    Question,
    Scale,
    choice_key,
    clip,
    format_date,
    ordinal_answer,
)
from game.core.spelling import distinct_spellings, normalise
from game.core.yamldoc import Node

KINDS = ("number", "money", "ordinal", "date", "text")
FACT_KEYS = (
    "id", "kind", "answer", "ask", "explanation", "unit", "currency", "step", "min", "max",
    "pool", "wrong", "choices", "category", "difficulty", "time_limit", "partial", "reveals",
    "say", "also", "group", "label", "tolerance",
)
VALUE_KINDS = ("number", "money", "ordinal", "date")
ESTIMATE_POSITIONS = 400  # the most places a generated slider has
GROUP_LIMIT = 30  # seconds for a generated order question (unless the facts set one)
TYPE_LIMIT = 30  # seconds to type an answer (unless the fact sets one)
DEFAULT_CHOICES = 4

def nice_step(value: Decimal, places: int) -> Decimal:
    """A spacing that keeps every rung of the ladder as round as ``value`` (in its precision).

    An answer ending in zeros moves by its last non-zero digit (60 by 10, 3000
    by 1000), so every rung ends in as many zeros.  An answer of two digits or
    more that does not end in zero moves by tens of its last digit, so every
    rung ends in the same digit (35 by 10: 25, 45; 3.5 by 1: 2.5, 4.5), the
    step a round number near 15 % of the value.  A single digit moves by one.
    """
    smallest = Decimal(1).scaleb(-places)
    digits = str(int(abs(value) / smallest)) if value else "0"
    zeros = len(digits) - len(digits.rstrip("0"))
    if digits == "0" or len(digits) == 1:
        return smallest
    if zeros:
        return smallest * Decimal(10) ** zeros
    base = smallest * 10
    raw = abs(value) * Decimal("0.15")
    if raw <= base:
        return base
    exponent = math.floor(math.log10(raw / base))
    fraction = raw / base / Decimal(10) ** exponent
    nice = 1 if fraction < 1.5 else 2 if fraction < 3.5 else 5 if fraction < 7.5 else 10
    return base * nice * Decimal(10) ** exponent


# A ladder counts in a fact's own values: Decimals and a Decimal step, or dates and a timedelta step.
def fitting_ranks(value: Any, step: Any, n: int, low: Any, high: Any) -> list[int]:
    """The places (0: smallest) ``value`` can take in a ladder of ``n`` inside ``[low, high]``."""
    return [
        r for r in range(n)
        if (low is None or value - step * r >= low) and (high is None or value + step * (n - 1 - r) <= high)
    ]


def ladder(value: Any, step: Any, n: int, low: Any, high: Any, rng: random.Random,
           ranks: list[int] | None = None) -> list[Any] | None:
    """``n`` values spaced ``step`` apart containing ``value`` at a random rank.

    Ranks that would put a value outside ``[low, high]`` are not used; the rank
    is uniform over those that fit (all of them unless a bound is near: the
    validator warns then, since a blind guess at the free end wins more often),
    or over ``ranks`` when given.  ``None`` when no rank fits.
    """
    ranks = fitting_ranks(value, step, n, low, high) if ranks is None else ranks
    if not ranks:
        return None
    rank = rng.choice(ranks)
    return rungs(value, step, n, rank)


def rungs(value: Any, step: Any, n: int, rank: int) -> list[Any]:
    """The ladder of ``n`` values spaced ``step`` apart with ``value`` at ``rank`` (0: the smallest)."""
    return [value + step * (i - rank) for i in range(n)]


@dataclass(frozen=True)
class Fact:
    """A checked fact, ready to generate its questions for any seed."""

    kind: str
    answer_text: str
    prompts: tuple[tuple[str, str], ...]  # (prompt, source)
    explanation: str
    n_choices: int
    category: str | None
    difficulty: str | None
    time_limit: float | None
    wrong: tuple[str, ...] | None = None
    pool: tuple[str, ...] | None = None
    number: Decimal | None = None
    places: int = 0
    unit: str = ""
    currency: str = ""
    step: Any = None  # the ladder's step: a Decimal, or whole days for a date
    low: Any = None  # the ladder's bounds (``min``/``max``): Decimals, or dates
    high: Any = None
    day: date | None = None
    partial: bool = False  # the wrong numbers next to the answer earn half points
    fact_id: str | None = None  # ``id``, or where the fact is: every question it makes carries it
    reveals: tuple[str, ...] = ()  # the facts it gives away: never in the same game
    say: tuple[str, ...] = ()  # statements with {} for true/false questions
    also: tuple[str, ...] | None = None  # other spellings: the fact is also asked as a typed answer
    group: str | None = None
    label: str | None = None
    tolerance: Decimal | None = None  # an estimate's reach (default two steps of the ladder)
    line: int = 0
    group_at: tuple[int, int] = (0, 0)  # where the fact names its group

    # -- formatting ---------------------------------------------------------
    def show(self, value: Any) -> str:
        """A value of the ladder as a choice shows it (a Decimal, or a date)."""
        if self.kind == "date":
            return format_date(value)
        if self.kind == "ordinal":
            return ordinal_answer(int(value))  # "Seventh": capitalised like the other answers
        text = f"{value:,.{self.places}f}" if abs(value) >= 10000 else f"{value:.{self.places}f}"
        if self.kind == "money":
            text = f"{self.currency}{text}"
        return f"{text} {self.unit}" if self.unit else text

    def _day(self) -> date:
        assert self.day is not None, self.fact_id  # a date fact always has its day
        return self.day

    def _number(self) -> Decimal:
        assert self.number is not None, self.fact_id  # a number, money or ordinal fact always has its number
        return self.number

    def right_answer(self) -> str:
        if self.kind == "date":
            return format_date(self._day())
        if self.kind in ("number", "money", "ordinal"):
            return self.show(self.number)
        return self.answer_text

    def in_words(self) -> str:
        """The right answer as a sentence says it (a date with its month in full)."""
        return format_date(self._day(), long=True) if self.kind == "date" else self.right_answer()

    # -- generation ---------------------------------------------------------
    def _base(self) -> tuple[Any, Any]:
        """The answer and the ladder's step, as the ladder counts them (days for dates)."""
        if self.kind == "date":
            return self._day(), timedelta(days=int(self.step))
        return self.number, self.step

    def fitting_ranks(self) -> list[int]:
        """The answer's places on the ladder that keep every rung within ``min``/``max``."""
        value, step = self._base()
        return fitting_ranks(value, step, self.n_choices, self.low, self.high)

    def alike_ranks(self) -> list[int]:
        """The fitting places of the answer that leave every rung as round as the answer and with as many
        digits (see :func:`game.core.fairness.alike_numbers`)."""
        value, step = self._base()
        answer = self.right_answer()
        return [r for r in self.fitting_ranks()
                if alike_numbers([self.show(v) for v in rungs(value, step, self.n_choices, r)], answer)]

    def ladder_ranks(self) -> list[int]:
        """The answer's places on the ladder: every place within ``min``/``max`` alike.  (Keeping only the
        places where every rung is alike would make the answer's place a tell: the step should make them
        all alike, :func:`nice_step` does, and the validator warns where one does not.)"""
        return self.fitting_ranks()

    def choices_for(self, rng: random.Random) -> tuple[tuple[str, ...], bool]:
        """The choices for one question and whether they are shown in order.

        Wrong answers from a pool or a ``wrong`` list look like the answer
        (:func:`game.core.fairness.look_alikes`); a ladder of numbers or dates
        puts the answer at a random one of :meth:`ladder_ranks`.
        """
        answer = self.right_answer()
        if self.wrong is not None or self.pool is not None:
            source = self.wrong if self.wrong is not None else self.pool or ()
            candidates = [w for w in source if choice_key(w) != choice_key(answer)]
            wrong = look_alikes(answer, candidates, self.n_choices, rng)
            return tuple([answer] + wrong), False
        value, step = self._base()
        values = ladder(value, step, self.n_choices, self.low, self.high, rng, self.ladder_ranks())
        assert values is not None  # checked when the fact was read
        return tuple(self.show(v) for v in values), True

    def close_to(self, choices: tuple[str, ...], ordered: bool) -> tuple[str, ...]:
        """With ``partial``, the choices either side of the answer in a ladder."""
        if not (self.partial and ordered):
            return ()
        at = choices.index(self.right_answer())
        return tuple(choices[i] for i in (at - 1, at + 1) if 0 <= i < len(choices))

    def questions(self, seed: int) -> list[Question]:
        """Every question this fact makes for ``seed``: multiple choice first, then the other kinds."""
        out = []
        common: dict[str, Any] = dict(category=self.category, difficulty=self.difficulty, explanation=self.explanation,
                      fact=self.fact_id, reveals=self.reveals)
        for prompt, source in self.prompts:
            rng = random.Random(f"{seed}|{prompt}")
            choices, ordered = self.choices_for(rng)
            out.append(Question(
                prompt=prompt, choices=choices, answer=self.right_answer(), time_limit=self.time_limit,
                ordered=ordered, close=self.close_to(choices, ordered), source=source, **common,
            ))
        first, source = self.prompts[0]
        if self.kind in VALUE_KINDS:
            scale, value = self.scale_for(random.Random(f"{seed}|{first}|estimate"))
            out.append(Question(
                prompt=first, choices=(), answer=scale.show(value), time_limit=self.time_limit,
                source=source, kind=ESTIMATE.name, scale=scale, value=value, **common,
            ))
        for template in self.say:
            rng = random.Random(f"{seed}|{template}|truefalse")
            true = rng.random() < 0.5
            shown = self.right_answer() if true else self.wrong_one(rng)
            out.append(Question(
                prompt=fill(template, shown), choices=TRUE_FALSE, answer=TRUE_FALSE[0 if true else 1],
                time_limit=self.time_limit, ordered=True, source=source, kind=TRUEFALSE.name, **common,
            ))
        if self.also is not None:
            out.append(Question(
                prompt=first, choices=(), answer=self.right_answer(), also=self.also,
                time_limit=self.time_limit or TYPE_LIMIT, source=source, kind=TYPE.name, **common,
            ))
        return out

    def wrong_one(self, rng: random.Random) -> str:
        """A wrong answer for a true/false statement: one the multiple choice could offer, as long as the
        answer (the nearest in length else), so that a statement's length says nothing of its truth."""
        answer = self.right_answer()
        if self.wrong is not None or self.pool is not None:
            source = self.wrong if self.wrong is not None else self.pool or ()
            candidates = [w for w in source if choice_key(w) != choice_key(answer)]
        else:
            choices, _ = self.choices_for(rng)
            candidates = [c for c in choices if choice_key(c) != choice_key(answer)]
        return nearest_in_length(answer, candidates, self.n_choices, rng)

    def scale_for(self, rng: random.Random) -> tuple[Scale, float]:
        """An estimate's slider and the right value on it.

        The slider runs in the answer's precision (a day for dates) over ten
        steps of the ladder, with the answer at a uniformly random place on it,
        so that a blind guess (the middle, an end) earns no more than chance.
        It starts no lower than a count, a sum or an ordinal can (0, "first"):
        when that is nearer than ten steps below the answer, the slider is only
        as long as the room below it.  ``min``/``max`` bound only the
        multiple-choice ladder: bounds set near the answer would otherwise put
        it at the same place every time.  ``tolerance`` defaults to two ladder
        steps, at most a fifth of the slider.
        """
        floor: Decimal | None
        if self.kind == "date":
            value, unit = Decimal(self._day().toordinal()), Decimal(1)
            ladder_step = Decimal(int(self.step or 7))
            floor = None
        else:
            value, unit = self._number(), Decimal(1).scaleb(-self.places)
            ladder_step = Decimal(self.step) if self.step is not None else \
                Decimal(1) if self.kind == "ordinal" else nice_step(value, self.places)
            floor = Decimal(1) if self.kind == "ordinal" else Decimal(0) if value >= 0 else None
        span = ladder_step * 10
        if floor is not None and floor < value:
            span = min(span, value - floor)  # room below the answer for every place on the slider
        step = unit
        factors: tuple[int | Decimal, ...] = (2, Decimal("2.5"), 2)
        for factor in itertools.cycle(factors):  # 1, 2, 5, 10, 20, 50 ... of the unit
            if span / step <= ESTIMATE_POSITIONS:
                break
            step *= factor
        positions = int(span // step)
        # The answer sits at any place of the slider alike (that the floor allows): were it only ever at
        # round places (half ladder steps from an end), a guess at a quarter or the middle, always such a
        # place, would hit it more often than chance.
        room = step * positions if floor is None else min(step * positions, value - floor)
        low = value - step * rng.randint(0, int(room // step))
        high = low + step * positions
        tolerance = self.tolerance if self.tolerance is not None else min(ladder_step * 2, span / 5)
        places = 0 if self.kind == "date" else max(self.places, -_exponent(step.normalize()), 0)
        scale = Scale(low=float(low), high=float(high), step=float(step), tolerance=float(tolerance),
                      value_kind=self.kind, unit=self.unit, currency=self.currency, places=places)
        return scale, float(value)


def _exponent(number: Decimal) -> int:
    """The exponent of a finite Decimal (its places after the point, negated)."""
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int), number  # only infinities and NaNs have a letter here
    return exponent


def fill(template: str, value: str) -> str:
    """A ``say`` template with the value in place of ``{}`` (``{lower}``: its first letter in lower case).

    Where the value starts a sentence (the template's start, or after a full stop, a question or an
    exclamation mark), its first letter is a capital either way.
    """
    hole = "{lower}" if "{lower}" in template else "{}"
    at = template.index(hole)
    if hole == "{lower}":
        value = value[:1].lower() + value[1:]
    if not template[:at].strip() or template[:at].rstrip()[-1:] in ".?!":
        value = value[:1].upper() + value[1:]
    return template[:at] + value + template[at + len(hole):]


def read_groups(check: Checker, node: Node) -> dict[str, tuple[str, Node]]:
    """``groups:`` maps a group's name to the prompt of its order questions (which states the order)."""
    groups: dict[str, tuple[str, Node]] = {}
    if node.kind != "map":
        check.report(node, "'groups' must be a mapping of group names to prompts")
        return groups
    for key, value in node.value:
        name = check.text(key, "group name")
        prompt = check.text(value, f"the prompt of group '{key.value}'") if name is not None else None
        if name is not None and prompt is not None:
            groups[name] = (prompt, key)
    return groups


def _sort_value(fact: Fact) -> Any:
    """What a group of values is put in order by: the day, or the number (one kind in a group)."""
    return fact.day if fact.kind == "date" else fact.number


def _label(fact: Fact) -> str:
    assert fact.label is not None, fact.fact_id  # read_fact refuses a fact in a group without a label
    return fact.label


def _id(fact: Fact) -> str:
    assert fact.fact_id is not None  # read_fact gives every fact one (its id, or where it is)
    return fact.fact_id


def order_questions(check: Checker, facts: list[Fact], groups: dict[str, tuple[str, Node]]) -> list[Question]:
    """The order questions of the facts that share a ``group``.

    A group whose facts all have values of one kind (all dates; or numbers,
    sums of money or ordinals with the same unit) is put in order by value,
    earliest or smallest first, unless ``groups:`` gives it a prompt of its
    own.  Any other group is in the order its facts appear in the file and
    needs a prompt under ``groups:`` saying what that order is.  Three or four
    members make one question; a bigger group makes one question for each
    run of four members (counting round from the last to the first).  Each
    question's ``fact`` is ``order:GROUP:ID,ID,...`` and it ``reveals`` its
    members and the group's other order questions.
    """
    members: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.group:
            members.setdefault(fact.group, []).append(fact)
    for name, (_, key) in groups.items():
        if name not in members:
            check.report(key, f"no fact has 'group: {clip(name)}'")
    out: list[Question] = []
    for name, group in members.items():
        out += _group_questions(check, name, group, groups.get(name, (None,))[0])
    return out


def _group_questions(check: Checker, name: str, group: list[Fact], prompt: str | None) -> list[Question]:
    """The order questions of one group (see :func:`order_questions`); none, with the problem reported,
    where its facts cannot be put in order."""
    first = group[0]
    if len(group) < ORDER_MIN:
        check.report(first.group_at, f"group '{clip(name)}' has {len(group)} fact{'s' * (len(group) != 1)}; "
                                     f"an order question needs {ORDER_MIN} or more")
        return []
    labels: dict[str, Fact] = {}
    clash = False
    for fact in group:
        other = labels.get(choice_key(_label(fact)))
        if other is not None:
            check.report(fact.group_at, f"the label '{clip(_label(fact))}' is used by the fact at line "
                                        f"{other.line} of group '{clip(name)}' too")
            clash = True
        labels[choice_key(_label(fact))] = fact
    if clash:
        return []
    kinds = {(f.kind, f.unit, f.currency) for f in group}
    by_value = len(kinds) == 1 and first.kind in VALUE_KINDS
    if by_value:
        group = sorted(group, key=_sort_value)
        same = [b for a, b in itertools.pairwise(group) if _sort_value(a) == _sort_value(b)]
        if same:
            check.report(same[0].group_at, f"two facts of group '{clip(name)}' have the same value, "
                                           f"so they have no order")
            return []
        if prompt is None:
            prompt = "Put these in order, earliest first." if first.kind == "date" else \
                "Put these in order, smallest first."
    elif prompt is None:
        check.report(first.group_at, f"group '{clip(name)}' mixes kinds of fact, so it keeps the order of "
                                     f"the file: give it a prompt saying what that order is, under 'groups:'")
        return []
    if len(group) <= ORDER_MAX:
        picks = [group]
    else:
        picks = [[group[(start + i) % len(group)] for i in range(ORDER_MAX)] for start in range(len(group))]
        picks = [sorted(p, key=group.index) for p in picks]
    tells = dict.fromkeys(tell for pick in picks for tell in order_tells([_label(f) for f in pick]))
    for tell in tells:
        check.warn(first.group_at, f"group '{clip(name)}': {tell} in one of its order questions: a player "
                                   f"could order the labels without reading them; reword one")
    out: list[Question] = []
    for pick in picks:
        # The feedback shows the right order beside the player's: the explanation adds the ends
        # (with their values), short enough for two lines at 200 % text.
        ends = (pick[0], pick[-1])
        if by_value:
            explanation = f"First: {_label(ends[0])} ({ends[0].in_words()}). " \
                          f"Last: {_label(ends[1])} ({ends[1].in_words()})."
        else:
            explanation = f"First: {_label(ends[0])}. Last: {_label(ends[1])}."
        out.append(Question(
            prompt=prompt, choices=tuple(_label(f) for f in pick),
            answer=" → ".join(_label(f) for f in pick), category=first.category, difficulty=first.difficulty,
            time_limit=first.time_limit or GROUP_LIMIT,
            explanation=clip(explanation, EXPLANATION_MAX),
            source=f"{check.path}:{first.group_at[0]}", kind=ORDER.name,
            fact=f"order:{name}:" + ",".join(_id(f) for f in pick),
            reveals=tuple(dict.fromkeys([_id(f) for f in pick] + [r for f in pick for r in f.reveals])),
        ))
    # A game asks one order question of a group: they share most of their items.
    return [replace(q, reveals=q.reveals + tuple(o.key for o in out if o is not q)) for q in out]


def read_reveals(check: Checker, node: Node) -> tuple[str, ...]:
    """``reveals``: the id of a fact this one gives away, or a list of them."""
    if node.kind == "scalar":
        text = check.text(node, "reveals")
        return (text.strip(),) if text is not None else ()
    items = check.text_list(node, "reveals", "a fact id in 'reveals'") or []
    return tuple(dict.fromkeys(text.strip() for _, text in items))


def read_pools(check: Checker, node: Node) -> dict[str, tuple[str, ...]]:
    """``pools:`` maps a name to a list of answers of one class."""
    pools: dict[str, tuple[str, ...]] = {}
    if node.kind != "map":
        check.report(node, "'pools' must be a mapping of pool names to lists")
        return pools
    for key, value in node.value:
        name = check.text(key, "pool name")
        items = check.text_list(value, f"pool '{key.value}'") if name is not None else None
        if name is not None and items is not None:
            seen: dict[str, Node] = {}
            for item, text in items:
                if choice_key(text) in seen:
                    check.report(item, f"'{text}' is listed twice in pool '{name}'")
                seen[choice_key(text)] = item
            pools[name] = tuple(dict.fromkeys(text for _, text in items))
    return pools


def read_fact(check: Checker, node: Node, pools: dict[str, tuple[str, ...]]) -> Fact | None:
    """Check one entry of ``facts:``; ``None`` (with problems reported) if unusable."""
    before = len(check.problems)
    found = check.fields(node, FACT_KEYS, "a fact")
    if found is None:
        return None
    get = found.get

    def value_of(name: str) -> Node:  # only after get(name) was true
        return found[name][1]

    kind = "text"
    if "kind" in found:
        kind = check.one_of(found["kind"][1], "kind", KINDS) or kind
    answer_node = check.require(found, "answer", node, "a fact")
    ask_node = check.require(found, "ask", node, "a fact")
    explanation_node = check.require(found, "explanation", node, "a fact")
    answer_text = check.text(answer_node, "answer") if answer_node else None
    explanation = check.text(explanation_node, "explanation") if explanation_node else None

    prompts = _read_prompts(check, ask_node)
    n_choices = DEFAULT_CHOICES
    if get("choices"):
        value = check.number_in(value_of("choices"), "choices", MIN_CHOICES, MAX_CHOICES)
        n_choices = int(value) if value is not None else n_choices

    category = check.text(value_of("category"), "category") if get("category") else None
    difficulty = check.one_of(value_of("difficulty"), "difficulty", DIFFICULTIES) if get("difficulty") else None
    time_limit = None
    if get("time_limit"):
        value = check.number_in(value_of("time_limit"), "time_limit", TIME_LIMIT_MIN, TIME_LIMIT_MAX)
        time_limit = float(value) if value is not None else None

    extra = _read_extra(check, node, kind, found)
    wrong, pool = _read_wrong(check, found, pools)

    # answer_text is read from answer_node: where there is text, there is its node.
    if answer_text is not None and answer_node is not None and kind != "text" and wrong is None:
        _read_ladder(check, kind, answer_node, found, extra)
    elif answer_text is not None and kind == "text" and wrong is None and pool is None and get("pool") is None:
        check.report(node, "a text fact needs a 'pool' or a 'wrong' list to draw wrong answers from")
    elif answer_text is not None and answer_node is not None and kind != "text":
        _read_value(check, kind, answer_node, extra)

    _read_kinds(check, node, kind, found, answer_text, wrong if wrong is not None else pool, extra)

    source = wrong if wrong is not None else pool
    if source is not None and answer_text is not None:
        others = [w for w in source if choice_key(w) != choice_key(answer_text)]
        where = "'wrong'" if wrong is not None else f"pool '{value_of('pool').value}'"
        if len(others) < n_choices - 1:
            check.report(node, f"{where} has {len(others)} wrong answers; {n_choices} choices need {n_choices - 1}")

    if len(check.problems) > before or answer_text is None or answer_node is None or explanation is None or \
            not prompts:
        return None
    fact = Fact(kind=kind, answer_text=answer_text, prompts=tuple(prompts), explanation=explanation,
                n_choices=n_choices, category=category, difficulty=difficulty, time_limit=time_limit,
                wrong=wrong, pool=pool if wrong is None else None, line=node.line, **extra)
    _warn_tells(check, fact, answer_node, get("wrong") or get("pool"))
    return fact


def _read_prompts(check: Checker, ask_node: Node | None) -> list[tuple[str, str]]:
    """``ask``: one prompt or a list of them, each with the place it was read from."""
    if ask_node is None:
        return []
    asked: list[tuple[Node, str | None]]
    if ask_node.kind == "scalar":
        asked = [(ask_node, check.text(ask_node, "ask"))]
    else:
        asked = list(check.text_list(ask_node, "ask") or [])
    prompts = [(text, f"{check.path}:{item.line}") for item, text in asked if text is not None]
    if ask_node.kind == "seq" and not ask_node.value:
        check.report(ask_node, "'ask' must list at least one prompt")
    return prompts


def _read_extra(check: Checker, node: Node, kind: str, found: dict[str, tuple[Node, Node]]) -> dict[str, Any]:
    """A fact's optional fields that go to :class:`Fact` as they are: partial, id, reveals, unit, currency."""
    get = found.get

    def value_of(name: str) -> Node:  # only after get(name) was true
        return found[name][1]

    extra: dict[str, Any] = {}
    if get("partial"):
        partial = check.one_of(value_of("partial"), "partial", ("true", "false"))
        if partial == "true" and (kind not in ("number", "money", "ordinal", "date") or get("wrong")):
            check.report(value_of("partial"), "'partial' needs a number, money, ordinal or date fact "
                                              "whose wrong answers the game makes")
        elif partial is not None:
            extra["partial"] = partial == "true"
    given = check.text(value_of("id"), "id") if get("id") else None
    extra["fact_id"] = given.strip() if given else f"@{check.path}:{node.line}"
    if get("reveals"):
        extra["reveals"] = read_reveals(check, value_of("reveals"))
    if get("unit"):
        extra["unit"] = check.text(value_of("unit"), "unit") or ""
    if get("currency"):
        extra["currency"] = check.text(value_of("currency"), "currency") or ""
    return extra


def _read_wrong(check: Checker, found: dict[str, tuple[Node, Node]],
                pools: dict[str, tuple[str, ...]]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """Where a fact's wrong answers come from: its ``wrong`` list, or the ``pool`` it names."""
    get = found.get

    def value_of(name: str) -> Node:  # only after get(name) was true
        return found[name][1]

    wrong = None
    if get("wrong"):
        listed = check.text_list(value_of("wrong"), "wrong")
        if listed is not None:
            wrong = tuple(dict.fromkeys(text for _, text in listed))
    pool = None
    if get("pool"):
        name = check.text(value_of("pool"), "pool")
        if name is not None:
            pool = pools.get(name)
            if pool is None:
                known = ", ".join(sorted(pools)) or "none are defined"
                check.report(value_of("pool"), f"no pool named '{name}' (pools: {known})")
    return wrong, pool


def _warn_tells(check: Checker, fact: Fact, answer_node: Node, source: tuple[Node, Node] | None) -> None:
    """Warnings where the fact's wrong answers cannot hide its answer (see :mod:`game.core.fairness`)."""
    if fact.wrong is not None or fact.pool is not None:
        if not check.authoring:
            return  # weighing every set of wrong answers takes a while: only `mi-trivia validate` does it
        listed = fact.wrong if fact.wrong is not None else fact.pool or ()
        where = "'wrong'" if fact.wrong is not None else "the pool"
        candidates = [w for w in listed if choice_key(w) != choice_key(fact.answer_text)]
        for reason in pool_warnings(fact.answer_text, candidates, fact.n_choices):
            check.warn(source[1] if source else answer_node, f"{where}: {reason}")
        return
    fitting, alike = fact.fitting_ranks(), fact.alike_ranks()
    if len(alike) == fact.n_choices or not fitting:
        return
    if len(fitting) < fact.n_choices:
        places = ", ".join(str(r + 1) for r in fitting)
        check.warn(answer_node, f"a bound is near: the answer can only take place {places} of the "
                                f"{fact.n_choices} choices (counting from the smallest), so guessing there wins "
                                f"more often than 1 in {fact.n_choices}; {_ladder_advice(fact, fitting)}")
        return
    where = "wherever the answer is, some other choice" if not alike else \
        f"unless the answer is at place {', '.join(str(r + 1) for r in alike)} of {fact.n_choices}, another choice"
    check.warn(answer_node, f"{where} would be rounder or have more digits than the answer: a player could pick it "
                            f"(or leave it) by its look; {_ladder_advice(fact, fitting)}")


def _ladder_advice(fact: Fact, fitting: list[int]) -> str:
    if len(fitting) < fact.n_choices:
        return "widen 'min'/'max', use a smaller 'step', or list 'wrong' answers"
    return "use a 'step' that keeps the last digits (such as " \
           f"{nice_step(fact._number(), fact.places) if fact.kind != 'date' else 15}), fewer 'choices', or list " \
           "'wrong' answers"


def _read_kinds(check: Checker, node: Node, kind: str, found: dict[str, tuple[Node, Node]], answer_text: str | None,
                others: Sequence[str] | None, extra: dict[str, Any]) -> None:
    """The keys for the other kinds of question: ``say``, ``also``, ``group``, ``label``, ``tolerance``."""
    get = found.get

    def value_of(name: str) -> Node:  # only after get(name) was true
        return found[name][1]

    def key_of(name: str) -> Node:
        return found[name][0]
    if get("say"):
        say_node = value_of("say")
        items = [(say_node, check.text(say_node, "say"))] if say_node.kind == "scalar" else \
            check.text_list(say_node, "say") or []
        templates = []
        for item, text in items:
            if text is None:
                continue
            holes = text.count("{}") + text.count("{lower}")
            if holes != 1:
                check.report(item, f"a 'say' statement needs one {{}} where the answer goes, not {holes}: "
                                   f"'{clip(text)}'")
            elif kind == "text" and others is None:
                pass  # reported already: the fact has nothing to draw a wrong answer from
            else:
                # Text answers as written (numbers and dates are about as long as the answer).
                longest = max([answer_text or "", *(others or ())], key=len)
                if len(fill(text, longest)) > PROMPT_MAX:
                    check.report(item, f"the statement is {len(fill(text, longest))} characters long with "
                                       f"'{clip(longest, 30)}'; at most {PROMPT_MAX} fit on every screen")
                else:
                    templates.append(text)
        extra["say"] = tuple(templates)
    if get("also"):
        also_node = value_of("also")
        if kind != "text":
            check.report(key_of("also"), "'also' (spellings for typing the answer) is for text facts")
        elif also_node.kind == "seq" and not also_node.value:
            extra["also"] = ()
        else:
            items = [(also_node, check.text(also_node, "also"))] if also_node.kind == "scalar" else \
                check.text_list(also_node, "also") or []
            spellings = []
            for item, text in items:
                if text is not None and not normalise(text):
                    check.report(item, f"the spelling '{clip(text)}' has no letters or digits to compare")
                elif text is not None:
                    spellings.append(text)
            extra["also"] = distinct_spellings(answer_text or "", spellings)
        if answer_text is not None and kind == "text" and not normalise(answer_text):
            check.report(found["answer"][1], "a fact with 'also' is typed in: its answer needs letters or digits")
    if get("group"):
        extra["group"] = check.text(value_of("group"), "group")
        extra["group_at"] = (value_of("group").line, value_of("group").column)
        if not get("label"):
            check.report(key_of("group"), "a fact in a 'group' needs a short 'label' to stand for it in the list")
    if get("label"):
        extra["label"] = check.text(value_of("label"), "label")
        if extra["label"] is not None and len(extra["label"]) > CHOICE_MAX:
            check.report(value_of("label"), f"the label is {len(extra['label'])} characters long; at most "
                                          f"{CHOICE_MAX} fit in an order question")
        if not get("group"):
            check.report(key_of("label"), "'label' names the fact in an order question: give the fact a 'group' too")
    if get("tolerance"):
        if kind not in VALUE_KINDS:
            check.report(key_of("tolerance"), "'tolerance' is for number, money, ordinal and date facts")
        else:
            value = check.number(value_of("tolerance"), "tolerance")
            if value is not None and value <= 0:
                check.report(value_of("tolerance"), "'tolerance' must be more than 0 (days for a date)")
            elif value is not None:
                extra["tolerance"] = value


def _read_value(check: Checker, kind: str, answer_node: Node, extra: dict[str, Any]) -> bool:
    if kind == "date":
        try:
            extra["day"] = date.fromisoformat(answer_node.value.strip())
        except ValueError:
            check.report(answer_node, f"a date fact's answer must be written YYYY-MM-DD, not '{answer_node.value}'")
            return False
        return True
    value = check.number(answer_node, "answer")
    if value is None:
        return False
    if kind == "ordinal" and (value != value.to_integral_value() or value < 1):
        check.report(answer_node, f"an ordinal fact's answer must be a whole number from 1, not '{answer_node.value}'")
        return False
    extra["number"] = value
    extra["places"] = max(-_exponent(value), 0)
    return True


def _read_ladder(check: Checker, kind: str, answer_node: Node, found: dict[str, tuple[Node, Node]],
                 extra: dict[str, Any]) -> None:
    if not _read_value(check, kind, answer_node, extra):
        return
    n = DEFAULT_CHOICES
    if "choices" in found:
        try:
            n = int(Decimal(found["choices"][1].value.strip()))
        except Exception:
            return
    if kind == "date":
        _read_date_ladder(check, answer_node, found, extra, n)
        return

    value: Decimal = extra["number"]
    places = extra["places"]
    if "step" in found:
        given = check.number(found["step"][1], "step")
        if given is None:
            return
        if given <= 0:
            check.report(found["step"][1], "'step' must be more than 0")
            return
        step = given
        places = max(places, -_exponent(step))
        extra["places"] = places
    else:
        step = Decimal(1) if kind == "ordinal" else nice_step(value, places)
    # Plausible bounds: counts, ages, speeds and sums of money are not negative,
    # and an ordinal starts at "first".
    low = Decimal(1) if kind == "ordinal" else (Decimal(0) if value >= 0 else None)
    high = None
    for bound in ("min", "max"):
        if bound in found:
            number = check.number(found[bound][1], bound)
            if number is None:
                return
            if bound == "min":
                low = number
            else:
                high = number
    if (low is not None and value < low) or (high is not None and value > high):
        check.report(answer_node, f"the answer {answer_node.value.strip()} is outside 'min'/'max'")
        return
    extra.update(step=step, low=low, high=high)
    _check_ranks(check, answer_node, fitting_ranks(value, step, n, low, high), n, "answers")


def _read_date_ladder(check: Checker, answer_node: Node, found: dict[str, tuple[Node, Node]], extra: dict[str, Any],
                      n: int) -> None:
    """A date fact's ladder: its step in days and its bounds as dates."""
    step = 7
    if "step" in found:
        value = check.number(found["step"][1], "step")
        if value is None or value < 1 or value != value.to_integral_value():
            if value is not None:
                check.report(found["step"][1], "a date fact's 'step' is a whole number of days, 1 or more")
            return
        step = int(value)
    low: date | None = None
    high: date | None = None
    for bound in ("min", "max"):
        if bound in found:
            bnode = found[bound][1]
            try:
                day = date.fromisoformat(bnode.value.strip()) if bnode.kind == "scalar" else None
            except ValueError:
                day = None
            if day is None:
                check.report(bnode, f"'{bound}' of a date fact must be a date written YYYY-MM-DD")
                return
            low, high = (day, high) if bound == "min" else (low, day)
    extra.update(step=step, low=low, high=high)
    _check_ranks(check, answer_node, fitting_ranks(extra["day"], timedelta(days=step), n, low, high), n, "dates")


def _check_ranks(check: Checker, answer_node: Node, ranks: list[int], n: int, what: str) -> None:
    """No room for the ladder is a problem (room for only some places, a warning: see :func:`_warn_tells`)."""
    if not ranks:
        check.report(answer_node, f"no wrong {what} fit between 'min' and 'max' with this 'step'")
