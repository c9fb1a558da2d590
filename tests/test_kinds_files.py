"""Kinds of question in question files: hand-written ones, the ones made from facts, and their mistakes."""

import textwrap
from collections import Counter
from pathlib import Path

import pytest

from game.core.kinds import names
from game.core.questions import load_files, load_text

ROOT = Path(__file__).resolve().parent.parent


def load(text: str, seed=0):
    return load_text(textwrap.dedent(text), "bank.yaml", seed)


def problems(text: str) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in load(text).problems]


# -- hand-written ------------------------------------------------------------------------------
HAND = """\
questions:
  - type: truefalse
    prompt: The train was real.
    answer: TRUE
  - type: estimate
    prompt: How fast was the train going?
    answer: 60
    min: 20
    max: 150
    step: 5
    tolerance: 15
    unit: mph
  - type: order
    prompt: Earliest first.
    items: [Built, Filmed, Wrecked]
  - type: type
    id: country
    prompt: Which country?
    answer: Norway
    also: [Norge]
  - type: choice
    prompt: Which city?
    choices: [Rome, Paris]
    answer: Rome
"""


def test_each_kind_loads_as_the_contract_says():
    bank = load(HAND)
    assert bank.problems == []
    tf, est, order, typed, choice = bank.questions
    assert (tf.kind, tf.choices, tf.answer, tf.ordered) == ("truefalse", ("True", "False"), "True", True)
    assert (est.kind, est.choices, est.value, est.answer) == ("estimate", (), 60.0, "60 mph")
    # As wide as min to max (here only 60: a speed goes no lower than 0), placed around the answer for the
    # seed (see the next test).
    assert (est.scale.high - est.scale.low, est.scale.step, est.scale.tolerance) == (60, 5, 15)
    assert est.scale.low <= 60 <= est.scale.high
    assert est.scale.snap(est.value) == est.value
    assert (order.kind, order.choices, order.answer) == ("order", ("Built", "Filmed", "Wrecked"),
                                                         "Built → Filmed → Wrecked")
    assert (typed.kind, typed.choices, typed.answer, typed.also, typed.fact) == (
        "type", (), "Norway", ("Norge",), "country")
    assert choice.kind == "choice" and choice.fact is None
    assert all(q.to_json()["type"] == q.kind for q in bank.questions)


def test_a_hand_written_slider_puts_the_answer_anywhere_on_it():
    """Each seed places a slider as wide as max - min, in its steps, with the answer at any place alike:
    the middle (where the knob starts) or an end is no better a guess than another (issue 22)."""
    from collections import Counter

    places = Counter()
    for seed in range(1200):
        (q,) = load("questions:\n  - {type: estimate, prompt: Year?, answer: 2023, min: 2000, max: 2030}\n",
                    seed).questions
        assert q.scale.high - q.scale.low == 30 and q.scale.step == 1 and q.value == 2023
        assert q.scale.low <= 2023 <= q.scale.high and q.scale.snap(q.value) == q.value
        places[q.scale.high - 2023] += 1
    assert set(places) == set(range(31)) and min(places.values()) > 1200 / 31 / 2
    # A count never goes below 0: near it, the slider is as wide as the room below the answer.
    for seed in range(50):
        (q,) = load("questions:\n  - {type: estimate, prompt: How many?, answer: 3, min: 0, max: 20}\n",
                    seed).questions
        assert q.scale.low >= 0 and q.scale.high - q.scale.low == 3


def test_estimate_defaults_step_from_the_answers_precision_and_tolerance_from_the_range():
    (q,) = load("questions:\n  - {type: estimate, prompt: Gross?, answer: 3.5, min: 0, max: 10}\n").questions
    # (the middle, 5.0, is further from 3.5 than the tolerance: no warning)
    assert (q.scale.step, q.scale.tolerance, q.answer) == (0.1, 1.0, "3.5")


@pytest.mark.parametrize("body,where,message", [
    ("type: slider\n    prompt: Q?\n    answer: x", "2:11",
     "'type' must be choice, truefalse, estimate, order or type, not 'slider'"),
    ("type: truefalse\n    prompt: Q?\n    answer: maybe", "4:13", "answer is true or false, not 'maybe'"),
    ("type: truefalse\n    prompt: Q?\n    answer: true\n    choices: [True, False]", "5:5",
     "'choices' is not used by a truefalse question"),
    ("type: estimate\n    prompt: Q?\n    answer: 5\n    max: 9", "2:5", "an estimate question has no 'min'"),
    ("type: estimate\n    prompt: Q?\n    answer: five\n    min: 0\n    max: 9", "4:13", "'answer' must be a number"),
    ("type: estimate\n    prompt: Q?\n    answer: 5\n    min: 0\n    max: 9\n    tolerance: 0", "7:16",
     "'tolerance' must be more than 0"),
    ("type: estimate\n    prompt: Q?\n    answer: 5\n    min: 0\n    max: 9\n    step: -1", "7:11",
     "'step' must be more than 0"),
    ("type: estimate\n    prompt: Q?\n    answer: 12\n    min: 0\n    max: 9", "4:13",
     "the answer 12 is outside 'min'/'max' (0 to 9)"),
    ("type: estimate\n    prompt: Q?\n    answer: 5\n    min: 9\n    max: 0", "6:10",
     "'max' (0) must be more than 'min' (9)"),
    ("type: estimate\n    prompt: Q?\n    answer: 7\n    min: 0\n    max: 20\n    step: 5", "4:13",
     "not a whole number of steps (5) from 'min' (0)"),
    ("type: estimate\n    prompt: Q?\n    answer: 7\n    min: 0\n    max: 1000000", "6:10", "the slider would have"),
    ("type: estimate\n    prompt: Q?\n    answer: 7\n    min: 0\n    max: 9\n    choices: [a, b]", "7:5",
     "'choices' is not used by an estimate question"),
    ("type: order\n    prompt: Q?", "2:5", "an order question has no 'items'"),
    ("type: order\n    prompt: Q?\n    items: [a, b]", "4:12", "needs 3 or 4 items, not 2"),
    ("type: order\n    prompt: Q?\n    items: [a, b, c, d, e]", "4:12", "needs 3 or 4 items, not 5"),
    ("type: order\n    prompt: Q?\n    items: [a, b, ' A ']", "4:19", "item ' A ' repeats item 1"),
    ("type: order\n    prompt: Q?\n    items: a, b, c", "4:12", "'items' must be a list"),
    ("type: order\n    prompt: Q?\n    items: [a, b, c]\n    answer: a", "5:5",
     "'answer' is not used by an order question (it is for choice, truefalse, estimate or type"),
    ("type: type\n    prompt: Q?\n    answer: '!!!'", "4:13", "a typed answer needs letters or digits"),
    ("type: type\n    prompt: Q?\n    answer: Rome\n    also: [Roma, '?']", "5:18", "the spelling '?' has no letters"),
    ("type: type\n    prompt: Q?", "2:5", "a type question has no 'answer'"),
    ("prompt: Q?\n    choices: [a, b]\n    answer: a\n    items: [a, b, c]", "5:5",
     "'items' is not used by a choice question (it is for order questions)"),
    ("prompt: Q?\n    choices: [a, b]\n    answer: a\n    tolerance: 3", "5:5",
     "'tolerance' is not used by a choice question (it is for estimate questions)"),
])
def test_mistakes_are_reported_with_line_and_column(body, where, message):
    found = problems(f"questions:\n  - {body}\n")
    assert any(p.startswith(where + ":") and message in p for p in found), found
    assert load(f"questions:\n  - {body}\n").questions == []


def test_a_statement_and_an_order_may_repeat_a_prompt_of_another_kind_but_not_their_own():
    text = """\
    questions:
      - {type: type, prompt: Which country?, answer: Norway}
      - {prompt: Which country?, choices: [Norway, Chad], answer: Norway}
      - {type: order, prompt: In order., items: [a, b, c]}
      - {type: order, prompt: In order., items: [a, b, d]}
      - {type: order, prompt: In order., items: [c, a, b]}
    """
    bank = load(text)
    assert [q.kind for q in bank.questions] == ["type", "choice", "order", "order"]
    assert [str(p).split(": ", 1)[1] for p in bank.problems] == [
        "the same items to order appears at bank.yaml:4: 'In order.'"]


# -- generated from facts ----------------------------------------------------------------------
POOLS = "pools:\n  countries: [Norway, Sweden, Finland, Denmark, Iceland, Scotland]\n"
VALUE_FACTS = {
    "number": "kind: number\n    answer: 60\n    unit: mph\n    min: 20\n    max: 150",
    "open": "kind: number\n    answer: 6\n    unit: years old",
    "money": "kind: money\n    answer: 3.5\n    currency: $\n    unit: billion\n    step: 0.7",
    "ordinal": "kind: ordinal\n    answer: 2",
    "date": "kind: date\n    answer: 2023-07-12\n    max: 2023-07-20",
    "big": "kind: number\n    answer: 123456\n    unit: people",
    "by-hand": "kind: number\n    answer: 60\n    wrong: [50, 70, 80]",
}


def fact_bank(body: str, seed=0, extra: str = ""):
    text = POOLS + extra + f"facts:\n  - id: f\n    {body}\n    explanation: Because.\n    ask: [What?]\n"
    bank = load_text(text, "facts.yaml", seed)
    assert bank.problems == [], [str(p) for p in bank.problems]
    return bank.questions


@pytest.mark.parametrize("name", VALUE_FACTS)
def test_value_facts_make_an_estimate_the_slider_can_reach(name):
    places = Counter()
    for seed in range(60):
        questions = fact_bank(VALUE_FACTS[name], seed)
        (choice,) = [q for q in questions if q.kind == "choice"]
        (est,) = [q for q in questions if q.kind == "estimate"]
        scale = est.scale
        assert est.fact == choice.fact == "f"
        assert est.answer == choice.answer and est.choices == () and est.prompt == choice.prompt
        assert scale.low <= est.value <= scale.high and scale.snap(est.value) == est.value
        assert scale.tolerance > 0 and scale.step > 0 and (scale.high - scale.low) / scale.step <= 400
        assert scale.show(est.value) == est.answer
        if name == "number":
            # Ten steps of the ladder, or the room down to 0 if less (min/max bound the ladder only).
            assert scale.high - scale.low == 60 and scale.tolerance == 12
        if name in ("open", "money", "big"):
            assert scale.low >= 0
        places[round((est.value - scale.low) / (scale.high - scale.low), 2)] += 1
    if name != "ordinal":  # "second" has only "first" below it
        assert len(places) >= 4  # the answer is not always at the same place on the slider
    assert fact_bank(VALUE_FACTS[name], 5) == fact_bank(VALUE_FACTS[name], 5)


def test_a_fact_may_set_the_estimates_tolerance():
    questions = fact_bank(VALUE_FACTS["number"] + "\n    tolerance: 7")
    assert [q.scale.tolerance for q in questions if q.kind == "estimate"] == [7]


@pytest.mark.parametrize("body,say,answer,wrong", [
    (VALUE_FACTS["number"], "The train did {}.", "The train did 60 mph.", r"The train did \d+ mph\."),
    (VALUE_FACTS["date"], "It opened on {}.", "It opened on 12 Jul 2023.", r"It opened on \d+ (Jun|Jul) 2023\."),
    ("answer: Norway\n    pool: countries", "Filmed in {}.", "Filmed in Norway.", r"Filmed in \w+\."),
    ("answer: A knife fight\n    wrong: [A sword duel, A shoot-out, A brawl]", "They had {lower}.",
     "They had a knife fight.", r"They had a (sword duel|shoot-out|brawl)\."),
])
def test_say_makes_true_or_false_statements_about_half_true(body, say, answer, wrong):
    import re

    truths = Counter()
    for seed in range(200):
        (tf,) = [q for q in fact_bank(f"{body}\n    say: \"{say}\"", seed) if q.kind == "truefalse"]
        assert tf.choices == ("True", "False") and tf.ordered and tf.fact == "f"
        truths[tf.answer] += 1
        if tf.answer == "True":
            assert tf.prompt == answer
        else:
            assert tf.prompt != answer and re.fullmatch(wrong, tf.prompt), tf.prompt
    assert 60 <= truths["True"] <= 140, truths


def test_spellings_that_add_nothing_are_dropped():
    bank = load("questions:\n  - {type: type, prompt: Q?, answer: A Motorcycle, also: [motorcycle, Motorbike, "
                "motor-bike, 'motorbike!', bike]}\n")
    assert bank.problems == [] and bank.questions[0].also == ("Motorbike", "motor-bike", "bike")
    facts = fact_bank("answer: Norway\n    pool: countries\n    also: [norway, Norge, NORGE]")
    assert [q.also for q in facts if q.kind == "type"] == [("Norge",)]


def test_also_makes_a_typed_question():
    questions = fact_bank("answer: Norway\n    pool: countries\n    also: [Norge]")
    (typed,) = [q for q in questions if q.kind == "type"]
    assert (typed.answer, typed.also, typed.choices, typed.fact) == ("Norway", ("Norge",), (), "f")
    assert [q.kind for q in fact_bank("answer: Norway\n    pool: countries\n    also: []")] == ["choice", "type"]
    assert [q.kind for q in fact_bank("answer: Norway\n    pool: countries")] == ["choice"]


GROUP = """\
facts:
  - {id: a, kind: date, answer: 2023-07-12, group: days, label: Opening, explanation: E., ask: A?}
  - {id: b, kind: date, answer: 2023-07-06, group: days, label: Video, explanation: E., ask: B?}
  - {id: c, kind: date, answer: 2022-01-01, group: days, label: Shoot, explanation: E., ask: C?}
"""


def test_a_group_of_dates_makes_an_order_question_earliest_first():
    bank = load(GROUP)
    assert bank.problems == []
    (order,) = [q for q in bank.questions if q.kind == "order"]
    assert order.choices == ("Shoot", "Video", "Opening") and order.answer == "Shoot → Video → Opening"
    assert order.prompt == "Put these in order, earliest first."
    assert order.fact == "order:days:c,b,a" and order.reveals == ("c", "b", "a")
    assert order.explanation == "First: Shoot (1 January 2022). Last: Opening (12 July 2023)."


def test_a_group_of_text_facts_keeps_the_files_order_and_bigger_groups_make_more_questions():
    facts = "".join(f"  - {{id: f{i}, answer: A{i}, wrong: [B, C, D], group: story, label: Step {i}, "
                    f"explanation: E., ask: Q{i}?}}\n" for i in range(6))
    bank = load("groups:\n  story: First to last.\nfacts:\n" + facts)
    assert bank.problems == []
    orders = [q for q in bank.questions if q.kind == "order"]
    assert len(orders) == 6 and len({q.fact for q in orders}) == 6
    for q in orders:
        assert len(q.choices) == 4 and list(q.choices) == sorted(q.choices) and q.prompt == "First to last."
        members = {"f" + c.split()[-1] for c in q.choices}
        assert set(q.reveals) == members | {o.key for o in orders if o is not q}  # one per game


@pytest.mark.parametrize("text,where,message", [
    ("facts:\n  - {id: a, answer: x, wrong: [y, z, w], say: Always true., explanation: E., ask: Q?}\n", "2:47",
     "a 'say' statement needs one {} where the answer goes, not 0"),
    ("facts:\n  - {kind: number, answer: 5, also: [five], explanation: E., ask: Q?}\n", "2:31",
     "'also' (spellings for typing the answer) is for text facts"),
    ("facts:\n  - {kind: number, answer: 5, tolerance: 0, explanation: E., ask: Q?}\n", "2:42",
     "'tolerance' must be more than 0"),
    ("facts:\n  - {answer: x, wrong: [y, z, w], tolerance: 2, explanation: E., ask: Q?}\n", "2:35",
     "'tolerance' is for number, money, ordinal and date facts"),
    ("facts:\n  - {answer: x, wrong: [y, z, w], group: g, explanation: E., ask: Q?}\n", "2:35",
     "needs a short 'label'"),
    ("facts:\n  - {answer: x, wrong: [y, z, w], label: X, explanation: E., ask: Q?}\n", "2:35",
     "give the fact a 'group' too"),
    (GROUP.rsplit("  - ", 1)[0] + "\n", "2:52", "group 'days' has 2 facts; an order question needs 3 or more"),
    (GROUP.replace("label: Shoot", "label: video"), "4:52", "the label 'video' is used by the fact at line 3"),
    (GROUP.replace("2022-01-01", "2023-07-12"), "4:52", "have the same value, so they have no order"),
    (GROUP.replace("kind: date, answer: 2022-01-01", "answer: x, wrong: [y, z, w]"), "2:52",
     "mixes kinds of fact, so it keeps the order of the file"),
    ("groups:\n  nothing: In order.\n" + GROUP, "2:3", "no fact has 'group: nothing'"),
    ("groups: [a]\n" + GROUP, "1:9", "'groups' must be a mapping"),
])
def test_fact_mistakes_for_the_other_kinds(text, where, message):
    found = problems(text)
    assert any(p.startswith(where + ":") and message in p for p in found), found


# -- the default bank ----------------------------------------------------------------------------
def test_the_default_bank_has_80_distinct_questions_of_every_kind():
    for seed in (0, 1, 2):
        bank = load_files([ROOT / "questions.yaml"], seed=seed)
        assert bank.problems == []
        kinds = Counter(q.kind for q in bank.questions)
        assert set(kinds) == set(names()) and len(bank.questions) >= 80, kinds
        assert min(kinds.values()) >= 5
        keys = {(q.kind, q.prompt, q.choices if q.kind == "order" else ()) for q in bank.questions}
        assert len(keys) == len(bank.questions)
        assert all(q.explanation for q in bank.questions)
        assert all(q.fact for q in bank.questions)  # every question knows its fact (or its own id)


def test_statements_and_labels_must_fit_on_every_screen():
    from game.core.model import CHOICE_MAX, PROMPT_MAX

    long_wrong = "A" * 40
    found = problems(f"facts:\n  - {{answer: x, wrong: [y, z, {long_wrong}], say: '{'s' * (PROMPT_MAX - 30)} {{}}.', "
                     f"explanation: E., ask: Q?}}\n")
    assert any(f"the statement is {PROMPT_MAX - 30 + 1 + 40 + 1} characters long with 'AAAA" in p for p in found), found
    found = problems(GROUP.replace("label: Shoot", "label: " + "L" * (CHOICE_MAX + 1)))
    assert any(f"the label is {CHOICE_MAX + 1} characters long" in p for p in found), found
    found = problems("questions:\n  - {type: order, prompt: Q, items: [a, b, " + "c" * (CHOICE_MAX + 1) + "]}\n")
    assert any("item 3 is 61 characters long" in p for p in found), found


def test_hand_written_numbers_are_shown_smallest_first():
    """The play-test: choices [80 mph, 40 mph, 60 mph, 100 mph] came out as 80, 40, 60, 100."""
    text = """
        questions:
          - prompt: How fast?
            choices: [80 mph, 40 mph, 60 mph, 100 mph]
            answer: 60 mph
          - prompt: Which mission?
            choices: [Apollo 13, Apollo 11, Apollo 12]
            answer: Apollo 11
    """
    fast, words = load(text).questions
    assert fast.choices == ("40 mph", "60 mph", "80 mph", "100 mph") and fast.ordered
    assert fast.choices[fast.answer_index] == "60 mph"
    assert not words.ordered  # words with numbers in them are shuffled like any other words
