import textwrap
from pathlib import Path

import pytest

from game.core.questions import UnreadablePath, load_files, load_text

GOOD = """\
questions:
  - prompt: How fast was the train going during the rooftop fight?
    choices: [40 mph, 60 mph, 80 mph, 100 mph]
    answer: 60 mph
    category: Stunts
    difficulty: easy
    time_limit: 15
    explanation: It was doing 60 mph.
"""


def problems(text: str, path="bank.yaml") -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in load_text(textwrap.dedent(text), path).problems]


def one(text: str) -> str:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


def test_the_fixed_format_loads():
    bank = load_text(GOOD, "bank.yaml")
    assert bank.problems == []
    q = bank.questions[0]
    assert q.choices == ("40 mph", "60 mph", "80 mph", "100 mph")
    assert (q.answer, q.category, q.difficulty, q.time_limit) == ("60 mph", "Stunts", "easy", 15)
    assert q.source == "bank.yaml:2"


def test_unquoted_words_stay_as_written():
    bank = load_text(
        "questions:\n  - prompt: Yes\n    choices: [Yes, No, True, off, 5:12, 0x10c]\n    answer: No\n"
        "  - prompt: null\n    choices: [1e3, '007', ~, 2023-07-12]\n    answer: ~\n", "b.yaml")
    assert bank.problems == []
    assert bank.questions[0].choices == ("Yes", "No", "True", "off", "5:12", "0x10c")
    assert bank.questions[1].prompt == "null"
    assert bank.questions[1].choices == ("1e3", "007", "~", "2023-07-12") and bank.questions[1].answer == "~"


def test_syntax_error_with_position():
    message = one("questions:\n  - prompt: a\n   choices: [b\n")
    assert message.startswith("3:") and "YAML syntax error" in message


def test_top_level_must_be_a_mapping():
    assert "top level must be a mapping" in one("- a\n- b\n")


def test_empty_file():
    assert "the file is empty" in one("# only a comment\n")


def test_unknown_key_with_did_you_mean():
    found = problems("""\
        questions:
          - promt: Where?
            choices: [a, b]
            answer: a
        """)
    assert "2:5: unknown key 'promt' in a question (did you mean 'prompt'?)" in found
    assert any("has no 'prompt'" in p for p in found)


def test_unknown_top_level_key():
    assert "did you mean 'questions'" in problems("question:\n  - prompt: x\n")[0]


@pytest.mark.parametrize("missing", ["prompt", "choices", "answer"])
def test_missing_required_field(missing):
    fields = {"prompt": "prompt: Q?", "choices": "choices: [a, b]", "answer": "answer: a"}
    kept = [v for k, v in fields.items() if k != missing]
    text = "questions:\n  - " + "\n    ".join(kept) + "\n"
    assert f"has no '{missing}'" in " ".join(problems(text))


def test_answer_not_among_choices():
    assert "the answer 'c' is not one of the choices" in one(
        "questions:\n  - prompt: Q?\n    choices: [a, b]\n    answer: c\n")


def test_answer_differing_in_case_gets_a_hint():
    assert "did you mean 'Norway'" in one(
        "questions:\n  - prompt: Q?\n    choices: [Norway, Sweden]\n    answer: norway\n")


def test_duplicate_choices_ignoring_case_and_spaces():
    message = one("questions:\n  - prompt: Q?\n    choices: [Rome, ' rome ', Paris]\n    answer: Rome\n")
    assert message.startswith("3:21:") and "repeats choice 1" in message


@pytest.mark.parametrize("choices", ["[a]", "[a, b, c, d, e, f, g]"])
def test_choice_count(choices):
    assert "needs 2 to 6 choices" in one(f"questions:\n  - prompt: Q?\n    choices: {choices}\n    answer: a\n")


@pytest.mark.parametrize("field,value", [("prompt", "''"), ("prompt", ""), ("explanation", "'   '")])
def test_empty_text(field, value):
    text = f"questions:\n  - prompt: Q?\n    choices: [a, b]\n    answer: a\n    {field}: {value}\n"
    if field == "prompt":
        text = f"questions:\n  - prompt: {value}\n    choices: [a, b]\n    answer: a\n"
    assert f"'{field}' is empty" in one(text)


def test_wrong_types():
    found = problems("questions:\n  - prompt: [a, b]\n    choices: a\n    answer: {x: y}\n")
    assert any("'prompt' must be text, not a list" in p for p in found)
    assert any("'choices' must be a list, not text" in p for p in found)
    assert any("'answer' must be text, not a mapping" in p for p in found)


def test_text_read_as_a_mapping_gets_the_hint_to_quote_it():
    """`- Time: 5 s` in a list is a mapping to YAML: the message says to quote it, as it would be."""
    from game.core.questions import load_text

    for choices in ("\n      - Time: 5 s\n      - b", " [Time: 5 s, b]"):
        bank = load_text(f"questions:\n  - prompt: Q?\n    choices:{choices}\n    answer: b\n", "c.yaml")
        assert [p.message for p in bank.problems] == [
            "a choice must be text, not a mapping (if ': ' is part of the text, put the whole text in quotes: "
            "\"Time: 5 s\")"]
    bank = load_text("questions:\n  - prompt: Q?\n    choices: [{a: b, c: d}, b]\n    answer: b\n", "c.yaml")
    assert "quotes" not in bank.problems[0].message  # a real mapping of two keys: no such hint
    assert "'questions' must be a list" in one("questions: nope\n")
    assert "a question must be a mapping" in one("questions:\n  - just text\n")


@pytest.mark.parametrize("value,message", [("4", "between 5 and 120"), ("121", "between 5 and 120"),
                                           ("soon", "must be a number")])
def test_time_limit(value, message):
    assert message in one(f"questions:\n  - prompt: Q?\n    choices: [a, b]\n    answer: a\n    time_limit: {value}\n")


def test_bad_difficulty():
    assert "'difficulty' must be easy, medium or hard, not 'extreme'" in one(
        "questions:\n  - prompt: Q?\n    choices: [a, b]\n    answer: a\n    difficulty: extreme\n")


def test_duplicate_key():
    assert "appears twice" in one("questions:\n  - prompt: Q?\n    prompt: R?\n    choices: [a, b]\n    answer: a\n")


def test_same_prompt_twice_in_one_file():
    message = one("questions:\n  - prompt: Q?\n    choices: [a, b]\n    answer: a\n"
                  "  - prompt: '  q? '\n    choices: [a, b]\n    answer: a\n")
    assert message.startswith("5:1:") and "same prompt appears at bank.yaml:2" in message


def test_same_prompt_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    bank = load_files([tmp_path])
    assert len(bank.questions) == 1 and bank.skipped == 1
    assert str(bank.problems[0]).startswith(f"{tmp_path / 'b.yaml'}:2:1: the same prompt appears at")


def test_a_file_broken_after_its_first_questions_gives_none_of_them(tmp_path):
    # Questions are read while the file is parsed; a syntax error further down still drops the whole file.
    (tmp_path / "a.yaml").write_text(GOOD + "  - prompt: Second?\n    choices: [a, b]\n    answer: a\n  bad: [\n")
    (tmp_path / "b.yaml").write_text(GOOD)
    bank = load_files([tmp_path])
    assert [p.path for p in bank.problems] == [str(tmp_path / 'a.yaml')] and bank.problems[0].line == 12
    assert "YAML syntax error" in bank.problems[0].message
    assert [q.source for q in bank.questions] == [f"{tmp_path / 'b.yaml'}:2"]  # b's prompt is not a duplicate


def test_questions_are_read_in_order_with_their_problems():
    text = GOOD + ("  - prompt: Broken?\n    choices: [a]\n    answer: a\n"
                   "  - prompt: Third?\n    choices: [a, b]\n    answer: b\n")
    bank = load_text(text, "bank.yaml")
    assert [q.prompt for q in bank.questions] == [
        "How fast was the train going during the rooftop fight?", "Third?"]
    assert bank.skipped == 1 and [p.line for p in bank.problems] == [10]


def test_every_problem_is_reported_not_just_the_first():
    found = problems("""\
        questions:
          - prompt: A?
            choices: [x]
            answer: y
          - prompt: B?
            choices: [a, b]
            answer: a
            difficulty: wild
            time_limit: 1
        """)
    assert len(found) == 3


def test_good_questions_still_load_beside_bad_ones():
    bank = load_text(GOOD + "  - prompt: Broken?\n    choices: [a]\n    answer: a\n", "bank.yaml")
    assert len(bank.questions) == 1 and bank.skipped == 1 and len(bank.problems) == 1


def test_python_object_tag_is_refused_with_a_message():
    assert "tag '!!python/object/apply:os.system' is not allowed" in one(
        "questions: !!python/object/apply:os.system ['echo hi']\n")


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    from game.core import yamldoc

    monkeypatch.setattr(yamldoc, "MAX_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_text(GOOD * 3)
    bank = load_files([big])
    assert "limited to" in bank.problems[0].message


def test_folders_and_missing_paths(tmp_path):
    (tmp_path / "one.yaml").write_text(GOOD)
    (tmp_path / "notes.txt").write_text("not a bank")
    bank = load_files([tmp_path])
    assert bank.files == [str(tmp_path / "one.yaml")]
    with pytest.raises(UnreadablePath):
        load_files([tmp_path / "nope.yaml"])


def test_pure_python_parser_gives_the_same_questions():
    root = Path(__file__).resolve().parent.parent
    fast = load_files([root / "questions.yaml"], seed=4)
    pure = load_files([root / "questions.yaml"], seed=4, fast=False)
    assert fast.questions == pure.questions and not fast.problems


def test_default_bank_is_valid_and_large_enough():
    root = Path(__file__).resolve().parent.parent
    bank = load_files([root / "questions.yaml"])
    assert bank.problems == []
    assert len(bank.questions) >= 20
    assert all(q.explanation for q in bank.questions)


def test_close_choices_earn_half_points():
    bank = load_text(GOOD + "    close: [40 mph, 80 mph]\n", "bank.yaml")
    assert bank.problems == [] and bank.questions[0].close == ("40 mph", "80 mph")
    assert load_text(GOOD + "    close: ' 80 mph'\n", "bank.yaml").questions[0].close == ("80 mph",)
    assert one(GOOD + "    close: 80 MPH\n") == "9:12: the close choice '80 MPH' is not one of the choices"


@pytest.mark.parametrize("close, message", [
    ("[90 mph]", "the close choice '90 mph' is not one of the choices"),
    ("60 mph", "the answer itself cannot be a close choice"),
])
def test_bad_close_choices(close, message):
    assert message in one(GOOD + f"    close: {close}\n")


def test_true_and_false_are_always_shown_true_first():
    import random

    from game.core import opentdb
    from game.core.questions import load_text
    from game.core.session import arrange

    written = "questions:\n  - prompt: Is it so?\n    choices: [False, True]\n    answer: 'True'\n" \
              "  - prompt: Or so?\n    choices: ['false', 'true']\n    answer: 'false'\n"
    imported = opentdb.to_yaml(opentdb.convert([{"type": "boolean", "question": "Imported?", "correct_answer": "False",
                                                  "incorrect_answers": ["True"]}]))
    for text in (written, imported):
        bank = load_text(text, "tf.yaml")
        assert bank.problems == [] and bank.questions
        for seed in range(30):
            for rnd in arrange(bank.questions, random.Random(seed), 20):
                assert rnd.choices == ("True", "False") and rnd.kind == "truefalse"
                assert rnd.choices[rnd.correct] == rnd.question.answer
    assert [q.answer for q in load_text(written, "tf.yaml").questions] == ["True", "False"]


@pytest.mark.parametrize("field, limit", [("prompt", "PROMPT_MAX"), ("choice", "CHOICE_MAX"),
                                          ("explanation", "EXPLANATION_MAX")])
def test_text_longer_than_every_screen_holds_is_refused_at_its_line(field, limit):
    """The limits are what tests/test_layout.py shows whole on every screen; one more character is refused."""
    from game.core import model

    most = getattr(model, limit)
    for length, refused in ((most, False), (most + 1, True)):
        text = "x" * length
        prompt = text if field == "prompt" else "Which one?"
        choice = text if field == "choice" else "c"
        explanation = text if field == "explanation" else "Why."
        found = problems(f"""
            questions:
              - prompt: {prompt}
                choices: [a, b, {choice}]
                answer: a
                explanation: {explanation}
            """)
        if refused:
            assert len(found) == 1 and f"at most {most}" in found[0], found
            assert found[0].startswith(("3:", "4:", "6:"))
        else:
            assert found == []
