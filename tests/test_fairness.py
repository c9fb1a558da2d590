"""Surface tells (issue 22): what a choice looks like, look-alike wrong answers, and the validator's warnings."""

import random
from collections import Counter
from pathlib import Path

import pytest

from game.core import fairness
from game.core.draw import apart
from game.core.facts import fill
from game.core.fairness import (
    alike_numbers,
    look_alikes,
    odd_length,
    order_tells,
    pool_warnings,
    roundness,
    stands_out,
    surface,
)
from game.core.questions import load_files, load_text

ROOT = Path(__file__).resolve().parent.parent


# -- what a choice looks like ----------------------------------------------------------------------
def test_surface_reads_length_words_digits_commas_articles_and_capitals():
    s = surface("A yellow Fiat 500")
    assert (s.length, s.words, s.digits, s.comma, s.article, s.casing, s.number) == (17, 4, True, False, True,
                                                                                      "mixed", "500")
    assert surface("Rome, Italy").comma and surface("IMF").casing == "acronym"
    assert surface("knives").casing == "lower" and surface("Norway").casing == "one"
    assert surface("Impossible Missions Force").casing == "title"
    assert surface("Intelligence and Missions Force").casing == "title"  # small words stay small
    assert surface("A knife fight").casing == "sentence" and not surface("Apple").article


@pytest.mark.parametrize("digits, round_", [("60", 1), ("50", 1), ("100", 2), ("35", 0.5), ("05", 0.5),
                                            ("5", 0), ("28", 0), ("2023", 0), ("30", 1), ("0", 0)])
def test_roundness_counts_trailing_zeros_and_a_final_five(digits, round_):
    assert roundness(digits) == round_


def test_a_ladder_is_alike_when_every_rung_is_as_round_with_as_many_digits():
    assert alike_numbers(["30 mph", "40 mph", "50 mph", "60 mph"], "60 mph")
    assert not alike_numbers(["70 mph", "80 mph", "90 mph", "100 mph"], "70 mph")  # 100: rounder, 3 digits
    assert alike_numbers(["$1.5 billion", "$2.5 billion", "$3.5 billion"], "$3.5 billion")
    assert not alike_numbers(["$2.8 billion", "$3.5 billion", "$4.2 billion"], "$3.5 billion")  # only one .5
    assert not alike_numbers(["5 Jul 2023", "12 Jul 2023"], "12 Jul 2023")  # a day of one digit


def test_odd_length_is_the_one_farthest_from_the_rest():
    assert odd_length([10, 9, 9, 9]) == 0 and odd_length([10, 11, 12, 20]) == 3
    assert odd_length([10, 10, 10, 10]) == -1 and odd_length([9, 10, 11, 12]) == -1


# -- look-alike wrong answers ----------------------------------------------------------------------
def test_look_alikes_share_the_answers_format():
    pool = ["Saab 900", "Audi 100", "Honda", "Mini Cooper", "Seat 600", "Volvo", "Lancia"]
    for seed in range(50):
        picked = look_alikes("Fiat 500", pool, 4, random.Random(seed))
        assert sorted(picked) == ["Audi 100", "Saab 900", "Seat 600"]  # the only ones with digits


HEROES = ["Dirk Pitt", "Alex Rider", "Alec Leamas", "Derek Flint", "Austin Powers", "Jack Ryan", "John Wick",
          "Matt Helm", "James Bond", "Jack Bauer", "Jason Bourne", "Harry Palmer", "Felix Leiter", "Napoleon Solo"]


def test_look_alikes_put_the_answer_at_every_length_rank_alike_and_standing_out_no_more_than_chance():
    ranks, alphabet, odd = Counter(), Counter(), Counter()
    for seed in range(2000):
        choices = ["Ethan Hunt", *look_alikes("Ethan Hunt", HEROES, 4, random.Random(seed))]
        assert len(set(choices)) == 4
        ranks[sum(len(c) < len("Ethan Hunt") for c in choices)] += 1
        alphabet[sorted(choices).index("Ethan Hunt")] += 1
        who = odd_length([len(c) for c in choices])
        odd["answer" if who == 0 else "wrong" if who > 0 else "none"] += 1
    assert set(ranks) == set(alphabet) == {0, 1, 2, 3}
    assert min(ranks.values()) > 400 and min(alphabet.values()) > 400
    # 1 in 4 as far as this list allows (its shorter names are all of 9 letters); without the balancing, 42 %.
    # The validator's estimate agrees, and warns only above 1.5 in 4.
    share = odd["answer"] / (odd["answer"] + odd["wrong"])
    assert share < 1.5 / 4 and abs(share - fairness.odd_share("Ethan Hunt", HEROES, 4)) < 0.05, odd


def test_look_alikes_are_the_same_for_the_same_seed():
    assert look_alikes("Ethan Hunt", HEROES, 4, random.Random(7)) == look_alikes("Ethan Hunt", HEROES, 4,
                                                                                  random.Random(7))


# -- warnings --------------------------------------------------------------------------------------
def test_stands_out_names_each_tell():
    assert "it is the only choice with a digit" in stands_out("Fiat 500", ["Ferrari", "Porsche", "Jaguar"])
    assert "it is the only choice with a comma" in stands_out("Rome, Italy", ["Paris", "Milan", "Naples"])
    assert any(r.startswith("it is by far the longest") for r in
               stands_out("If you want something done right, do it yourself", ["Go big", "Less is more", "Why"]))
    assert "it is the roundest number" in stands_out("$3.5 billion", ["$2.8 billion", "$4.2 billion", "$4.9 billion"])
    assert "it is the only choice without 'a', 'an' or 'the' in front" in stands_out(
        "Knives", ["A sword", "A gun", "A whip"])
    assert stands_out("Norway", ["Sweden", "Finland", "Denmark"]) == []
    assert stands_out("60 mph", ["40 mph", "50 mph", "70 mph"]) == []


def test_validate_warns_with_a_position_where_a_hand_written_answer_is_the_only_one_with_a_digit(tmp_path, capsys):
    from game import cli

    path = tmp_path / "mine.yaml"
    path.write_text("questions:\n  - prompt: Which car drifts through Rome?\n"
                    "    choices: [Ferrari, Porsche, Fiat 500, Jaguar]\n    answer: Fiat 500\n")
    assert cli.main(["validate", str(path)]) == 0  # a warning: the question still plays
    out = capsys.readouterr().out
    assert f"{path}:4:13: warning: the right answer stands out: it is the only choice with a digit; a player " \
           f"could pick it without reading the question" in out


def test_the_default_bank_has_no_fairness_warning(capsys):
    from game import cli

    assert cli.main(["validate", str(ROOT / "questions.yaml")]) == 0
    out = capsys.readouterr().out
    assert "warning" not in out and out.startswith("OK: ")


@pytest.mark.parametrize("wrong, message", [
    ("[Paris, Milan, Naples, Venice, Florence]", "too few of the wrong answers like the answer are shorter than it"),
    ("['Paris, France', 'Milan, Italy', Naples, Venice]", "only 2 of the wrong answers look like the answer"),
    ("[Pisa, Bari, Nice, Lyon, Milan]", None),  # as long as Rome: all choices of one length hide it
    ("[Oslo, Bari, Nice, Milan, Paris, Naples, Turin, Ulm, Bra, Rho]", None),
])
def test_the_validator_warns_where_a_facts_list_cannot_hide_its_answer(wrong, message):
    text = f"facts:\n  - answer: Rome\n    wrong: {wrong}\n    explanation: E.\n    ask: Which city?\n"
    warnings = [w.message for w in load_text(text, "f.yaml", giveaways=True).warnings]  # as validate reads it
    assert load_text(text, "f.yaml").warnings == []  # a game does not weigh its wrong answers
    if message is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and message in warnings[0], warnings


def test_pool_warnings_about_the_length_standing_out():
    # Every shorter wrong answer is one letter shorter: at the top, the answer's length always stands out.
    pool = ["Abcdefghi", "Bcdefghij", "Cdefghijk", "Longer name one", "Longer name two x", "Longer name three xy"]
    assert any("stands out from the other choices'" in w for w in pool_warnings("Abcdefghij", pool, 4))


def test_a_money_ladder_of_point_seven_steps_is_warned_about():
    text = ("facts:\n  - kind: money\n    answer: 3.5\n    currency: $\n    unit: billion\n    step: 0.7\n"
            "    explanation: E.\n    ask: How much?\n")
    (warning,) = load_text(text, "f.yaml").warnings
    assert "rounder or have more digits than the answer" in warning.message and "such as 1.0" in warning.message
    assert (warning.line, warning.column) == (3, 13)
    fixed = text.replace("step: 0.7", "step: 1")
    assert load_text(fixed, "f.yaml").warnings == []
    for seed in range(30):
        (q,) = [q for q in load_text(fixed, "f.yaml", seed).questions if q.kind == "choice"]
        assert all(c.endswith(".5 billion") for c in q.choices), q.choices


def test_order_items_in_the_order_of_their_lengths_are_warned_about():
    assert order_tells(["Mission: Impossible", "Dead Reckoning", "Part One"]) == ["the right order is longest first"]
    assert order_tells(["Mission: Impossible", "Dead", "Reckoning", "Part One"]) == []
    bank = load_text("questions:\n  - {type: order, prompt: In order., items: [a, bb, ccc]}\n", "o.yaml")
    assert any("shortest first" in w.message and (w.line, w.column) == (2, 45) for w in bank.warnings)


def test_a_file_whose_answers_are_mostly_the_longest_choice_is_warned_about():
    questions = "".join(f"  - prompt: Question {i}?\n    choices: [The right answer {i}, No {i}, Nope {i}, Not {i}]\n"
                        f"    answer: The right answer {i}\n" for i in range(10))
    bank = load_text("questions:\n" + questions, "q.yaml")
    assert any("the longest choice in 10 of the 10 hand-written" in w.message and (w.line, w.column) == (1, 1)
               for w in bank.warnings)
    assert fairness.bank_warnings([("b", ("a", "b", "c", "d"))] * 3) == []  # too few to tell


# -- the draw and the wording ------------------------------------------------------------------------
def test_two_facts_with_the_same_number_never_share_a_game():
    questions = load_files([ROOT / "questions.yaml"], 0).questions
    assert "train-speed" in apart(questions)["age"]  # 60 years old and 60 mph


def test_statements_capitalise_where_a_sentence_starts_and_nowhere_else():
    assert fill("The fight is {lower}.", "A knife fight") == "The fight is a knife fight."
    assert fill("{lower} was the end.", "It plunged off a cliff") == "It plunged off a cliff was the end."
    assert fill("It is the {} film.", "7th") == "It is the 7th film."
    bank = load_files([ROOT / "questions.yaml"], 3)
    for q in bank.questions:
        if q.kind == "truefalse":
            assert q.prompt[:1].isupper() and "{" not in q.prompt, q.prompt
            assert " the Seventh" not in q.prompt and " is A " not in q.prompt and " with A " not in q.prompt
