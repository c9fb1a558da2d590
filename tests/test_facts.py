import random
import re
from collections import Counter
from datetime import date

import pytest

from game.core.facts import format_date, nice_step
from game.core.model import ordinal
from game.core.questions import load_text
from game.core.session import arrange

POOLS = """\
pools:
  countries: [Norway, Sweden, Finland, Denmark, Iceland, Scotland]
"""

FACTS = {
    "number": "kind: number\n    answer: 60\n    unit: mph\n    min: 20\n    max: 150",
    "age": "kind: number\n    answer: 6\n    unit: years old",
    "money": "kind: money\n    answer: 3.5\n    currency: $\n    unit: billion\n    step: 0.7",
    "ordinal": "kind: ordinal\n    answer: 2",
    "date": "kind: date\n    answer: 2023-07-12\n    max: 2023-07-20",
    "pool": "answer: Norway\n    pool: countries",
    "wrong": "answer: A knife fight\n    wrong: [A sword duel, A shoot-out, A brawl, A chase, A duel]",
}


def fact_questions(body: str, seed, choices: int = 4):
    text = POOLS + f"facts:\n  - {body}\n    choices: {choices}\n    explanation: Because.\n    ask: [What?]\n"
    bank = load_text(text, "facts.yaml", seed)
    assert bank.problems == [], bank.problems
    return [q for q in bank.questions if q.kind == "choice"]  # the other kinds: tests/test_kinds_files.py


@pytest.mark.parametrize("kind", FACTS)
@pytest.mark.parametrize("n", [2, 4, 6])
def test_choices_are_distinct_and_hold_the_answer_once(kind, n):
    if kind == "pool" and n == 6:
        n = 5  # the pool has five wrong countries
    for seed in range(200):
        (q,) = fact_questions(FACTS[kind], seed, n)
        assert len(q.choices) == n
        assert len(set(c.casefold() for c in q.choices)) == n
        assert q.choices.count(q.answer) == 1


@pytest.mark.parametrize("kind", ["number", "money", "ordinal", "date"])
def test_the_answers_rank_is_uniform_not_always_in_the_middle(kind):
    ranks = Counter()
    for seed in range(800):
        (q,) = fact_questions(FACTS[kind], seed)
        assert q.ordered
        ranks[q.answer_index] += 1
    if kind == "date":  # max is 2023-07-20: only ranks 2 and 3 leave room for one later week
        assert set(ranks) == {2, 3}
        return
    if kind == "ordinal":  # "second": nothing below "first", so rank 0 or 1 only
        assert set(ranks) == {0, 1}
        return
    assert set(ranks) == {0, 1, 2, 3}
    assert min(ranks.values()) > 800 / 4 * 0.75


@pytest.mark.parametrize("kind", ["pool", "wrong"])
def test_unordered_answers_land_evenly_once_arranged(kind):
    positions = Counter()
    for seed in range(400):
        questions = fact_questions(FACTS[kind], seed)
        (round_,) = arrange(questions, random.Random(seed), 20)
        positions[round_.correct] += 1
    assert set(positions) == {0, 1, 2, 3}
    assert min(positions.values()) > 400 / 4 * 0.7


def test_same_seed_same_choices_and_seeds_differ():
    first = [fact_questions(FACTS["pool"], 5)[0].choices for _ in range(3)]
    assert first[0] == first[1] == first[2]
    assert len({fact_questions(FACTS["pool"], s)[0].choices for s in range(20)}) > 1


def test_numbers_keep_unit_and_precision_and_stay_plausible():
    for seed in range(100):
        (q,) = fact_questions(FACTS["money"], seed)
        assert all(re.fullmatch(r"\$\d+\.\d billion", c) for c in q.choices), q.choices
        (age,) = fact_questions(FACTS["age"], seed)
        values = [int(c.split()[0]) for c in age.choices]
        assert min(values) >= 0 and all(c.endswith(" years old") for c in age.choices)
        (speed,) = fact_questions(FACTS["number"], seed)
        assert all(20 <= int(c.split()[0]) <= 150 for c in speed.choices)


def test_money_matches_the_example():
    seen = set()
    for seed in range(50):
        seen.update(fact_questions(FACTS["money"], seed)[0].choices)
    assert {"$2.8 billion", "$3.5 billion", "$4.2 billion"} <= seen


def test_dates_respect_bounds():
    for seed in range(100):
        (q,) = fact_questions(FACTS["date"], seed)
        assert "12 Jul 2023" in q.choices
        assert "26 Jul 2023" not in q.choices  # after max


def test_formatting_helpers():
    assert ordinal(7) == "seventh" and ordinal(22) == "22nd" and ordinal(13) == "thirteenth" and ordinal(113) == "113th"
    assert format_date(date(2023, 7, 2)) == "2 Jul 2023"  # three letters: every month as long
    from decimal import Decimal

    # A step that keeps every rung as round as the answer: 60 by tens, 3.5 by ones (2.5, 4.5), 37 by tens.
    assert nice_step(Decimal(60), 0) == 10
    assert nice_step(Decimal(3000), 0) == 1000
    assert nice_step(Decimal("3.5"), 1) == 1
    assert nice_step(Decimal(37), 0) == 10
    assert nice_step(Decimal(2), 0) == 1


@pytest.mark.parametrize("body,message", [
    ("answer: Norway\n    pool: nowhere", "no pool named 'nowhere'"),
    ("answer: Norway", "needs a 'pool' or a 'wrong' list"),
    ("kind: number\n    answer: sixty", "must be a number"),
    ("kind: date\n    answer: 12 July", "YYYY-MM-DD"),
    ("kind: number\n    answer: 60\n    min: 70", "outside 'min'/'max'"),
    ("kind: number\n    answer: 5\n    step: 10\n    min: 0\n    max: 9", "no wrong answers fit"),
    ("kind: ordinal\n    answer: 0", "whole number from 1"),
    ("kind: colour\n    answer: red", "'kind' must be"),
    ("answer: A\n    wrong: [B]", "'wrong' has 1 wrong answers"),
    ("answer: Norway\n    pool: countries\n    choises: 4", "did you mean 'choices'"),
])
def test_fact_problems_are_reported(body, message):
    text = POOLS + f"facts:\n  - {body}\n    explanation: Because.\n    ask: [What?]\n"
    bank = load_text(text, "facts.yaml")
    assert any(message in p.message for p in bank.problems), [str(p) for p in bank.problems]
    assert bank.questions == []


def test_a_fact_needs_an_explanation_and_a_prompt():
    bank = load_text(POOLS + "facts:\n  - answer: Norway\n    pool: countries\n", "f.yaml")
    messages = " ".join(p.message for p in bank.problems)
    assert "has no 'ask'" in messages and "has no 'explanation'" in messages


def test_every_fact_question_names_its_fact():
    from pathlib import Path

    from game.core.questions import load_files

    bank = load_files([Path(__file__).resolve().parent.parent / "questions.yaml"], seed=1)
    from game.core.questions import same_question_key

    assert all(q.explanation and q.fact for q in bank.questions)
    assert len({same_question_key(q) for q in bank.questions}) == len(bank.questions) >= 80


@pytest.mark.parametrize("kind", ["number", "money", "ordinal", "date"])
def test_partial_facts_mark_the_neighbours_of_the_answer(kind):
    for seed in range(20):
        for q in fact_questions(FACTS[kind] + "\n    partial: true", seed):
            at = q.choices.index(q.answer)
            assert q.ordered
            assert set(q.close) == {q.choices[i] for i in (at - 1, at + 1) if 0 <= i < len(q.choices)}


def test_partial_is_refused_where_there_is_no_ladder():
    text = POOLS + "facts:\n  - answer: Norway\n    pool: countries\n    partial: true\n" \
                   "    explanation: Because.\n    ask: [Where?]\n"
    found = [p.message for p in load_text(text, "facts.yaml", 1).problems]
    assert any("'partial' needs a number, money, ordinal or date fact" in m for m in found), found


def test_without_partial_nothing_is_close():
    assert all(q.close == () for q in fact_questions(FACTS["number"], 3))


def test_ordinals_are_shown_in_digits_so_that_none_is_longer():
    """In words, "Seventh" is longer than every ordinal from "Fifth" to "Tenth": the longest choice would
    have been the answer every time (issue 22)."""
    (q,) = fact_questions(FACTS["ordinal"], 1)
    assert q.answer == "2nd" and set(q.choices) <= {"1st", "2nd", "3rd", "4th", "5th"}, q.choices
    for seed in range(50):
        (q,) = fact_questions("kind: ordinal\n    answer: 7", seed, choices=3)
        assert q.answer == "7th" and len({len(c) for c in q.choices}) == 1, q.choices
    (q,) = fact_questions("kind: ordinal\n    answer: 22", 1)
    assert q.answer == "22nd"


def test_order_explanations_never_capitalise_mid_sentence():
    """An order question's explanation names its items where a sentence may start with them ("First: The
    crew builds…"), never after a lower-case word ("then The knife fight…")."""
    from pathlib import Path

    from game.core.questions import load_files

    bank = load_files([Path(__file__).resolve().parent.parent / "questions.yaml"], seed=1)
    orders = [q for q in bank.questions if q.kind == "order" and (q.fact or "").startswith("order:")]  # made from facts
    assert orders
    for q in orders:
        for label in q.choices:
            if label[:1].isupper():
                assert not re.search(r"\b[a-z][a-z]* " + re.escape(label), q.explanation), (label, q.explanation)
