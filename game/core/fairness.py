"""Surface tells: what a choice looks like, wrong answers that look like the right one, and warnings.

A player who never reads the question can still read the choices.  If the
right one is always the longest, the only one with a digit, the roundest
number or the only one starting with "A", a rule picks it more often than
chance.  This module is the one place that knows what a choice looks like:

* :func:`surface` describes a choice (length, words, digits, commas, a
  leading article, capitals, the number it shows and how round that is);
* :func:`look_alikes` picks a fact's wrong answers from its pool or ``wrong``
  list so that they share the right answer's format, its length falls at a
  uniformly random rank among the choices (its alphabet rank and word count
  too, as far as the list allows) and stands out no more often than a wrong
  answer's (:func:`odd_length`, :func:`odd_share`);
* :func:`alike_numbers` tells whether a ladder of numbers or dates has every
  rung as round as the answer and with as many digits;
* :func:`stands_out` and :func:`pool_warnings` say, for the validator, where
  a hand-written question's answer stands out from its wrong ones or where a
  fact's pool cannot hide its answer;
* :func:`bank_warnings` counts, over a file's hand-written questions, how
  often a blind rule would win, and warns when that is well above chance.

No pygame here; the blind players that measure all this are in
:mod:`game.core.blind`.
"""

from __future__ import annotations

import functools
import itertools
import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

ARTICLES = ("a", "an", "the")
# Words that stay in lower case inside a name written in capitals ("Intelligence and Missions Force").
SMALL_WORDS = frozenset("a an the of and or in on at to for by de da di du del la le van von".split())
_NUMBER = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?")
LENGTH_RATIO = 1.3  # a hand-written answer this much longer (or shorter) than every other choice stands out
LENGTH_GAP = 5  # ... and by at least this many characters


@dataclass(frozen=True)
class Surface:
    """What a choice looks like to someone who does not read the question."""

    text: str
    length: int
    words: int
    digits: bool
    comma: bool
    article: bool  # starts with "a", "an" or "the"
    casing: str  # see :func:`casing`
    number: str | None  # the digits of the first number shown, without separators or point ("3.5" -> "35")
    whole_digits: int  # digits before the point of that number (0 without a number)

    @property
    def roundness(self) -> float:
        return roundness(self.number) if self.number is not None else 0.0

    def format(self) -> tuple[bool, bool, bool]:
        """What wrong answers must share with the answer (see :func:`_same_format`): digits, commas and a
        leading article (and capitals, compared by :func:`casings_match`)."""
        return self.digits, self.comma, self.article


def casing(text: str) -> str:
    """How a choice is written: ``acronym`` (a word in capitals: IMF, BMW), ``lower`` (starts in lower case),
    ``one`` (a single capitalised word), ``title`` (every word capitalised but small ones), ``sentence``
    (only the first) or ``mixed`` (a sentence with a name in it)."""
    words = [w.strip("\"'“”‘’()[]-–,.;:!?") for w in text.split()]
    words = [w for w in words if w and w[0].isalpha()]
    if not words:
        return "none"
    if any(len(w) >= 2 and sum(c.isalpha() for c in w) >= 2 and w.isupper() for w in words):
        return "acronym"
    if words[0][0].islower():
        return "lower"
    rest = [w for w in words[1:] if w.casefold() not in SMALL_WORDS]
    if len(words) == 1 or not rest:
        return "one"
    capitals = sum(1 for w in rest if w[0].isupper())
    return "title" if capitals == len(rest) else "sentence" if capitals == 0 else "mixed"


def casings_match(a: str, b: str) -> bool:
    """A single capitalised word sits as well beside a name as beside a sentence."""
    if a == b:
        return True
    return {a, b} <= {"one", "title", "sentence", "mixed"} and "one" in (a, b)


@functools.lru_cache(maxsize=4096)  # the same pools are described for every seed
def surface(text: str) -> Surface:
    stripped = text.strip()
    words = stripped.split()
    first = words[0].casefold() if words else ""
    found = _NUMBER.search(stripped)
    number = whole = None
    if found:
        shown = found.group().replace(",", "")
        whole = len(shown.split(".")[0].lstrip("0") or "0")
        number = shown.replace(".", "")
    return Surface(
        text=stripped, length=len(stripped), words=len(words), digits=any(c.isdigit() for c in stripped),
        comma="," in stripped, article=len(words) > 1 and first in ARTICLES, casing=casing(stripped),
        number=number, whole_digits=whole or 0,
    )


def roundness(digits: str) -> float:
    """How round a number looks, from its digits as shown (without separators or point): one per trailing
    zero ("60" is 1, "100" 2, "3.0" 1); two digits or more ending in 5 ("35", "3.5", "0.5") are half
    round; else 0."""
    if not digits.strip("0"):
        return 0.0
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros:
        return float(zeros)
    return 0.5 if len(digits) >= 2 and digits[-1] == "5" else 0.0  # "0.5" shows two digits, like "3.5"


# -- generation ----------------------------------------------------------------------------------
def alike_numbers(shown: Sequence[str], answer: str) -> bool:
    """Whether every choice of a ladder is as round as the answer and has as many digits."""
    a = surface(answer)
    for text in shown:
        s = surface(text)
        if s.roundness != a.roundness or s.whole_digits != a.whole_digits or (s.number is None) != (a.number is None):
            return False
    return True


def feasible_ranks(shorter: int, equal: int, longer: int, n: int) -> list[int]:
    """The ranks (how many wrong answers shorter than the answer) that ``n - 1`` wrong answers can give,
    from ``shorter``, ``equal`` and ``longer`` candidates (one of equal length may stand on either side)."""
    out = []
    for r in range(n):
        need_short, need_long = r, n - 1 - r
        borrowed = max(0, need_short - shorter) + max(0, need_long - longer)
        if borrowed <= equal:
            out.append(r)
    return out


def format_tier(answer: Surface, candidates: Sequence[Surface], n: int) -> list[Surface]:
    """The candidates in the answer's format (digits, comma, leading article, capitals), or all of them
    when fewer than ``n - 1`` share it (the validator warns then)."""
    same = [c for c in candidates if _same_format(answer, c)]
    return same if len(same) >= n - 1 else list(candidates)


# What a blind player can rank choices by; the answer takes a uniformly random rank on each, as far as the
# wrong answers allow (the length first, then the number of words, then the alphabet).
DIMENSIONS: tuple[tuple[str, Callable[[Surface], Any]], ...] = (
    ("length", lambda s: s.length),
    ("words", lambda s: s.words),
    ("alphabet", lambda s: s.text.casefold()),
)
MOST_CANDIDATES = 10  # wrong answers weighed together (as many shorter than the answer as longer)


def _cmp(a: int, b: int) -> int:
    return (a > b) - (a < b)


def ranks_open(answer: Surface, tier: Sequence[Surface], n: int, key: Callable[[Surface], Any],
               ties: bool = True) -> list[int]:
    """The ranks by ``key`` the answer can take among ``n - 1`` wrong answers from ``tier`` (``ties``: a
    wrong answer level with it may stand on either side; else only those strictly below or above count)."""
    mine = key(answer)
    below = sum(1 for c in tier if key(c) < mine)
    above = sum(1 for c in tier if key(c) > mine)
    return feasible_ranks(below, len(tier) - below - above if ties else 0, above, n)


def _some(answer: Surface, tier: list[Surface]) -> list[Surface]:
    """At most :data:`MOST_CANDIDATES` of ``tier`` (for speed), as many shorter than the answer as longer,
    drawn at random on each side so that near and far lengths both stay; the same ones for every seed, so
    that what is worked out for them is worked out once."""
    if len(tier) <= MOST_CANDIDATES:
        return tier
    rng = random.Random(answer.text)
    half = MOST_CANDIDATES // 2
    short = [c for c in tier if c.length < answer.length]
    long = [c for c in tier if c.length > answer.length]
    equal = [c for c in tier if c.length == answer.length]
    short, long = rng.sample(short, min(half, len(short))), rng.sample(long, min(half, len(long)))
    return short + long + equal[: MOST_CANDIDATES - len(short) - len(long)]


def look_alikes(answer: str, candidates: Sequence[str], n: int, rng: random.Random) -> list[str]:
    """``n - 1`` wrong answers from ``candidates`` that look like ``answer``.

    They share its format where the list allows (digits, commas, a leading
    article, capitals).  The answer takes a uniformly random rank among the
    choices by length (a random number of the wrong answers shorter, the rest
    longer) and, where the list allows, by the alphabet too, the two drawn
    together so that each is uniform on its own; its length stands out from
    the rest (see :func:`odd_length`) 1 time in n overall; and it takes a
    random rank by number of words as far as the list allows.
    """
    a = surface(answer)
    tier = format_tier(a, [surface(c) for c in candidates], n)
    if _level_only(a, tier, n):
        tier = [c for c in tier if c.length == a.length]
    if len(tier) <= n - 1:
        picked = list(tier)
        rng.shuffle(picked)
        return [c.text for c in picked]
    some = tuple(_some(a, tier))
    every, cells, pairings = _layout(a, some, n)
    options: list[_Option]
    if cells is not None:
        rows, plan = _plan(a, some, n, rng.choice(pairings) if pairings else None)
        rank = rng.randrange(n)
        row = rows[rank]
        (low, _), (high, p_high) = plan[rank]
        if low != high:  # whose length stands out, in the share the plan gives
            pick = high if rng.random() < p_high else low
            row = [o for o in row if o.odd == pick]
        options = row
    else:  # ties in length cannot be avoided: a random rank within what the list allows
        options = _narrow(list(every), lambda o: o.length, rng)
    options = _narrow(options, lambda o: o.words, rng)
    picked = [some[i] for i in rng.choice(options).picked]
    rng.shuffle(picked)
    return [c.text for c in picked]


@dataclass(frozen=True)
class _Option:
    """One set of wrong answers (indices into the candidates) and where it leaves the answer."""

    picked: tuple[int, ...]
    length: tuple[int, int]  # the answer's rank by length: (wrong answers shorter, shorter or as long)
    words: tuple[int, int]  # the same by number of words
    alphabet: int  # wrong answers before it in the alphabet
    odd: int  # whose length stands out from the others' (see odd_length): 1 the answer's, -1 a wrong one's, 0 none


# Whose length stands out at a rank, and how often: (who, share) at the two ends of what the rank allows.
OddOutcomes = tuple[tuple[int, float], tuple[int, float]]
Cells = dict[tuple[int, int], list[_Option]]  # the sets of wrong answers by (length rank, alphabet rank)
Pairings = tuple[tuple[int, ...], ...]  # length rank -> alphabet rank, each one the cells allow


@functools.lru_cache(maxsize=256)  # the same lists come back for every seed
def _layout(a: Surface, tier: tuple[Surface, ...], n: int) -> tuple[tuple[_Option, ...], Cells | None, Pairings]:
    """Every set of ``n - 1`` wrong answers from ``tier`` with where it leaves the answer; and, when the
    answer's length can take every rank exactly, those sets by (length rank, alphabet rank) and the
    pairings of length ranks with alphabet ranks (each used once) that the sets allow."""
    # Each candidate against the answer, worked out once: length and words (-1 below, 0 level, 1 above),
    # before it in the alphabet or not.
    length, words = a.length, a.words
    mine = a.text.casefold()
    marks = [(_cmp(c.length, length), _cmp(c.words, words), c.text.casefold() < mine, c.length) for c in tier]
    found: list[_Option] = []
    for picked in itertools.combinations(range(len(tier)), n - 1):
        got = [marks[i] for i in picked]
        short = sum(1 for m in got if m[0] < 0)
        few = sum(1 for m in got if m[1] < 0)
        found.append(_Option(picked, (short, short + sum(1 for m in got if m[0] == 0)),
                               (few, few + sum(1 for m in got if m[1] == 0)), sum(1 for m in got if m[2]),
                               _whose_odd(length, tuple(sorted(m[3] for m in got)))))
    options = tuple(found)
    exact = [o for o in options if o.length[0] == o.length[1]]
    if len({o.length[0] for o in exact}) < n:
        return options, None, ()
    cells: dict[tuple[int, int], list[_Option]] = {}
    for o in exact:
        cells.setdefault((o.length[0], o.alphabet), []).append(o)
    pairings = tuple(perm for perm in itertools.permutations(range(n))
                     if all((r, perm[r]) in cells for r in range(n)))
    return options, cells, pairings


@functools.lru_cache(maxsize=1024)
def _plan(a: Surface, tier: tuple[Surface, ...], n: int,
          pairing: tuple[int, ...] | None) -> tuple[dict[int, list[_Option]], dict[int, OddOutcomes]]:
    """The sets at each length rank (with the alphabet rank ``pairing`` gives it) and :func:`_odd_plan`."""
    options, cells, _ = _layout(a, tier, n)
    if pairing is not None and cells is not None:  # a pairing comes only with the cells
        rows = {r: cells[(r, pairing[r])] for r in range(n)}
    else:
        rows = {r: [o for o in options if o.length == (r, r)] for r in range(n)}
    return rows, _odd_plan(rows, n)


@functools.lru_cache(maxsize=4096)
def _whose_odd(answer: int, others: tuple[int, ...]) -> int:
    """Whose length stands out (see :func:`odd_length`): 1 the answer's, -1 a wrong answer's, 0 nobody's."""
    index = odd_length((answer, *others))
    return 1 if index == 0 else -1 if index > 0 else 0


def _narrow(options: list[_Option], span: Callable[[_Option], tuple[int, int]],
            rng: random.Random) -> list[_Option]:
    """The options that put the answer at a random rank open to them (exactly there, where some do)."""
    open_ranks = sorted({r for o in options for r in range(span(o)[0], span(o)[1] + 1)})
    if len(open_ranks) <= 1:
        return options
    target = rng.choice(open_ranks)
    exact = [o for o in options if span(o) == (target, target)]
    return exact or [o for o in options if span(o)[0] <= target <= span(o)[1]]


def _odd_plan(rows: dict[int, list[_Option]], n: int) -> dict[int, OddOutcomes]:
    """For each rank, whose length stands out (see :class:`_Option`) and how often: two outcomes, each with
    its share, so that the answer's does 1 time in n of the times one does, or as near as the list allows.

    Each outcome is worth n - 1 when it is the answer's, -1 a wrong one's, 0 nobody's; each rank goes from
    its lowest-worth outcome towards its highest by the same share, so that the worths add up to 0.
    """
    def worth(code: int) -> int:
        return (n - 1) if code == 1 else code

    low = {r: min(row, key=lambda o: worth(o.odd)).odd for r, row in rows.items()}
    high = {r: max(row, key=lambda o: worth(o.odd)).odd for r, row in rows.items()}
    total_low, total_high = sum(worth(c) for c in low.values()), sum(worth(c) for c in high.values())
    target = min(max(0, total_low), total_high)
    share = (target - total_low) / (total_high - total_low) if total_high > total_low else 0.0
    return {r: ((low[r], 1 - share), (high[r], share)) if high[r] != low[r] else ((low[r], 1.0), (low[r], 0.0))
            for r in rows}


def odd_share(answer: str, candidates: Sequence[str], n: int) -> float:
    """Of the times one choice's length stands out (see :func:`odd_length`), how often it is the answer's,
    as :func:`look_alikes` draws them (1 / n is fair)."""
    a = surface(answer)
    tier = format_tier(a, [surface(c) for c in candidates], n)
    if _level_only(a, tier, n) or len(tier) <= n - 1:
        return 1 / n  # all of one length, or no choice: nothing to weigh here
    some = tuple(_some(a, tier))
    _, cells, pairings = _layout(a, some, n)
    if cells is None:
        return 1 / n  # the length ranks are warned about already
    answer_odd = wrong_odd = 0.0
    for pairing in pairings or (None,):  # the pairings are drawn alike: their plans, averaged
        for outcomes in _plan(a, some, n, pairing)[1].values():
            for code, p in outcomes:
                answer_odd += p if code == 1 else 0.0
                wrong_odd += p if code == -1 else 0.0
    return answer_odd / (answer_odd + wrong_odd) if answer_odd + wrong_odd else 1 / n


def odd_length(lengths: Sequence[int]) -> int:
    """The index of the one length farthest from the median of the others, or -1 (a tie, or all level)."""
    ordered = sorted(lengths)
    gaps = []
    for x in lengths:
        others = list(ordered)
        others.remove(x)
        m = len(others)
        middle = others[m // 2] if m % 2 else (others[m // 2 - 1] + others[m // 2]) / 2
        gaps.append(abs(x - middle))
    top = max(gaps)
    found = [i for i, g in enumerate(gaps) if g == top]
    return found[0] if len(found) == 1 and top > 0 else -1


def nearest_in_length(answer: str, candidates: Sequence[str], n: int, rng: random.Random) -> str:
    """One of ``candidates`` in the answer's format, as near its length as any (a random one of those)."""
    a = surface(answer)
    tier = format_tier(a, [surface(c) for c in candidates], n)
    gap = min(abs(c.length - a.length) for c in tier)
    return rng.choice([c.text for c in tier if abs(c.length - a.length) == gap])


# -- warnings for authors -----------------------------------------------------------------------
_FEATURES = (
    ("digits", "a digit"),
    ("comma", "a comma"),
    ("article", "'a', 'an' or 'the' in front"),
)
CASING_WORDS = {
    "acronym": "a word in capitals", "lower": "a small first letter", "title": "every word capitalised",
    "sentence": "only its first word capitalised", "mixed": "a name in lower-case words",
}


def stands_out(answer: str, wrong: Sequence[str]) -> list[str]:
    """How a question's right answer stands out from its wrong ones (empty: it does not).

    Each reason is a clause for the validator's warning: "it is the only
    choice with a digit", "it is by far the longest (24 characters; the
    others 9 to 12)", "it is the roundest number".
    """
    if len(wrong) < 2:
        return []
    a, others = surface(answer), [surface(w) for w in wrong]
    reasons = []
    for name, words in _FEATURES:
        mine, theirs = getattr(a, name), {getattr(o, name) for o in others}
        if len(theirs) == 1 and mine not in theirs:
            reasons.append(f"it is the only choice {'with' if mine else 'without'} {words}")
    if all(not casings_match(a.casing, o.casing) for o in others) and \
            len({o.casing for o in others}) == 1 and a.casing in CASING_WORDS:
        reasons.append(f"it is the only choice with {CASING_WORDS[a.casing]}")
    lengths = [o.length for o in others]
    if a.length >= LENGTH_RATIO * max(lengths) and a.length - max(lengths) >= LENGTH_GAP:
        reasons.append(f"it is by far the longest ({a.length} characters; the others {_span(lengths)})")
    elif LENGTH_RATIO * a.length <= min(lengths) and min(lengths) - a.length >= LENGTH_GAP:
        reasons.append(f"it is by far the shortest ({a.length} characters; the others {_span(lengths)})")
    counts = {o.words for o in others}
    if len(counts) == 1 and a.words not in counts:
        (count,) = counts
        reasons.append(f"it is the only choice of {a.words} word{'s' * (a.words != 1)} (the others have {count})")
    if a.number is not None and all(o.number is not None for o in others):
        rounds = [o.roundness for o in others]
        if a.roundness > max(rounds):
            reasons.append("it is the roundest number")
        elif a.roundness < min(rounds):
            reasons.append("it is the least round number")
        digits = {o.whole_digits for o in others}
        if len(digits) == 1 and a.whole_digits not in digits:
            reasons.append(f"it is the only number with {a.whole_digits} digit{'s' * (a.whole_digits != 1)}")
    return reasons


def _span(values: list[int]) -> str:
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low} to {high}"


def pool_warnings(answer: str, candidates: Sequence[str], n: int) -> list[str]:
    """Why a fact's wrong answers (its pool or ``wrong`` list) cannot hide its answer (empty: they can)."""
    a = surface(answer)
    surfaces = [surface(c) for c in candidates]
    if len(surfaces) < n - 1:
        return []  # reported as a problem already
    tier = format_tier(a, surfaces, n)
    if len(tier) == len(surfaces) and any(not _same_format(a, s) for s in surfaces):
        same = sum(1 for s in surfaces if _same_format(a, s))
        if same < n - 1:
            differ = [f"{'with' if getattr(a, name) else 'without'} {words}" for name, words in _FEATURES
                      if sum(1 for s in surfaces if getattr(s, name) == getattr(a, name)) < n - 1]
            if sum(1 for s in surfaces if casings_match(s.casing, a.casing)) < n - 1 and a.casing in CASING_WORDS:
                differ.append(f"with {CASING_WORDS[a.casing]}")
            return [f"only {same} of the wrong answers look like the answer ({', '.join(differ) or 'its format'}); "
                    f"{n - 1} are needed so that a player cannot pick it by its look"]
    out = []
    share = odd_share(answer, candidates, n)
    if share > 1.5 / n:
        out.append(f"the answer's length stands out from the other choices' {share:.0%} of the times one does "
                   f"(fair: {1 / n:.0%}): add wrong answers of lengths further from it on the side it is nearest to")
    for name, key in DIMENSIONS[:2]:  # the alphabet is balanced where the list allows, never warned about
        # A tie in length leaves the answer in the middle of a pack more often: only strict lengths count,
        # unless enough wrong answers are exactly as long (then the game shows only such ones).
        if name == "length" and _level_only(a, tier, n):
            continue
        ranks = ranks_open(a, tier, n, key, ties=name != "length")
        if len(ranks) == n:
            continue
        below = sum(1 for c in tier if key(c) < key(a))
        above = sum(1 for c in tier if key(c) > key(a))
        low = ranks[-1] < n - 1 if ranks else below < above  # too few below it: it is among the smallest
        out.append(_rank_advice(name, a, low, n))
    return out


def _level_only(a: Surface, tier: Sequence[Surface], n: int) -> bool:
    """Whether the answer's length cannot take every rank strictly but ``n - 1`` wrong answers are exactly
    as long: choices all of one length then hide it best."""
    strict = ranks_open(a, tier, n, lambda s: s.length, ties=False)
    return len(strict) < n and sum(1 for c in tier if c.length == a.length) >= n - 1


def _same_format(a: Surface, s: Surface) -> bool:
    return s.format() == a.format() and casings_match(s.casing, a.casing)


def _rank_advice(name: str, a: Surface, low: bool, n: int) -> str:
    """``low``: too few wrong answers rank below the answer, so it is among the lowest (shortest, first)."""
    if name == "length":
        return (f"too few of the wrong answers like the answer are {'shorter' if low else 'longer'} than it, so it "
                f"would be among the {'shortest' if low else 'longest'} choices more often than 1 in {n}; add "
                f"wrong answers of {'fewer' if low else 'more'} than {a.length} characters")
    if name == "words":
        return (f"too few of the wrong answers like the answer have {'fewer' if low else 'more'} words than it "
                f"({a.words}), so it would have the {'fewest' if low else 'most'} words more often than 1 in {n}")
    return (f"too few of the wrong answers like the answer come {'before' if low else 'after'} it in the alphabet, "
            f"so it would come {'first' if low else 'last'} more often than 1 in {n}")


ORDER_KEYS = (
    ("shortest first", lambda t: len(t.strip())),
    ("longest first", lambda t: -len(t.strip())),
    ("A to Z", lambda t: t.strip().casefold()),
    ("Z to A", None),
)


def order_tells(items: Sequence[str]) -> list[str]:
    """How the right order of an order question's items (first to last) follows their look alone."""
    out = []
    for name, key in ORDER_KEYS:
        if key is None:
            ordered = sorted(items, key=lambda t: t.strip().casefold(), reverse=True)
            strict = len({t.strip().casefold() for t in items}) == len(items)
        else:
            ordered = sorted(items, key=key)
            strict = len({key(t) for t in items}) == len(items)
        if strict and list(ordered) == list(items):
            out.append(f"the right order is {name}")
    return out


# -- a file's hand-written questions, counted together -----------------------------------------
def _longest(s: Sequence[Surface]) -> list[int]:
    top = max(c.length for c in s)
    return [i for i, c in enumerate(s) if c.length == top]


def _shortest(s: Sequence[Surface]) -> list[int]:
    low = min(c.length for c in s)
    return [i for i, c in enumerate(s) if c.length == low]


BANK_RULES = {
    "the longest choice": _longest,
    "the shortest choice": _shortest,
}
BANK_MIN = 8  # hand-written multiple-choice questions in a file before their tally means anything
BANK_Z = 3.0  # how many standard deviations above chance a tally must be to be warned about


def bank_tally(questions: Sequence[tuple[str, Sequence[str]]]) -> dict[str, tuple[float, float, float]]:
    """For each rule of :data:`BANK_RULES`: (times it picks the answer, what chance gives, its variance)
    over ``(answer, choices)`` pairs, ties counted as a share."""
    out = {}
    for name, rule in BANK_RULES.items():
        hits = expected = variance = 0.0
        for answer, choices in questions:
            s = [surface(c) for c in choices]
            picked = rule(s)
            hits += (1 / len(picked)) if choices.index(answer) in picked else 0.0
            p = 1 / len(choices)
            expected += p
            variance += p * (1 - p)
        out[name] = (hits, expected, variance)
    return out


def bank_warnings(questions: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """Warnings for a file whose hand-written answers are the longest (or shortest) choice well above chance."""
    if len(questions) < BANK_MIN:
        return []
    out = []
    for name, (hits, expected, variance) in bank_tally(questions).items():
        if hits - expected > BANK_Z * math.sqrt(variance):
            out.append(f"the right answer is {name} in {hits:.0f} of the {len(questions)} hand-written "
                       f"multiple-choice questions (chance gives about {expected:.0f}): a player who never "
                       f"reads the question would win by picking {name}")
    return out
