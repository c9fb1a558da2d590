import html
import json
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIX = Path(__file__).resolve().parent / "fixtures"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_default_bank(capsys):
    code, out, err = run(capsys, "validate", ROOT / "questions.yaml")
    assert code == 0
    assert out.startswith("OK: ") and "from 1 file, no problems" in out
    assert int(out.split()[1]) >= 20


def test_validate_reports_every_problem_as_path_line_column(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("questions:\n  - prompt: Q?\n    choices: [a]\n    answer: b\n    difficulty: wild\n")
    code, out, _ = run(capsys, "validate", bad)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{bad}:3:14: a question needs 2 to 6 choices, not 1"
    assert lines[1] == f"{bad}:5:17: 'difficulty' must be easy, medium or hard, not 'wild'"
    assert "2 problems in 1 file" in lines[-1]


def test_validate_unreadable_path_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "validate", tmp_path / "missing.yaml")
    assert code == 2 and "no such file" in err


def test_validate_a_missing_path_does_not_stop_the_others(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("questions:\n  - prompt: Q?\n    choices: [a]\n    answer: b\n")
    code, out, err = run(capsys, "validate", bad, ROOT / "questions.yaml", tmp_path / "missing.yaml")
    assert code == 2
    assert str(tmp_path / "missing.yaml") in err
    assert f"{bad}:3:14:" in out  # the readable files were still checked
    code, out, err = run(capsys, "validate", ROOT / "questions.yaml", tmp_path / "missing.yaml")
    assert code == 2 and "could not be read" in out and str(tmp_path / "missing.yaml") in err


def test_validate_json_prints_the_questions_as_played(capsys):
    code, out, _ = run(capsys, "validate", "--json", ROOT / "questions.yaml")
    assert code == 0
    questions = json.loads(out)
    assert len(questions) >= 80
    kinds = {q["type"] for q in questions}
    assert kinds == {"choice", "truefalse", "estimate", "order", "type"}
    assert all(q["answer"] in q["choices"] for q in questions if q["type"] in ("choice", "truefalse"))
    assert all(q["choices"] == [] and "scale" in q and "value" in q for q in questions if q["type"] == "estimate")
    assert all(q["answer"] == " → ".join(q["choices"]) for q in questions if q["type"] == "order")
    assert all({"prompt", "choices", "answer", "explanation", "type"} <= set(q) for q in questions)


def test_validate_survives_the_whole_yaml_test_suite(capsys, tmp_path):
    docs = json.loads((FIX / "yaml-test-suite" / "documents.json").read_text(encoding="utf-8"))
    assert len(docs) == 402
    for name, text in docs.items():
        path = tmp_path / (name.replace("/", "-") + ".yaml")
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        for pure in ([], ["--pure"]):
            code = main(["validate", str(path), *pure])
            out, err = capsys.readouterr()
            assert code in (0, 1), (name, out, err)
            assert "Traceback" not in out + err
            for line in out.splitlines()[:-1]:
                assert line.startswith(f"{path}:"), (name, line)


def test_import_opentdb_round_trips_through_validate(capsys, tmp_path):
    out_file = tmp_path / "imported.yaml"
    code, _, err = run(capsys, "import-opentdb", FIX / "opentdb-sample.json", "-o", out_file)
    assert code == 0
    assert "left out record 5 ('A question with twice the same choice'): two choices are the same" in err
    assert "left out record 6 ('Which country's valley did the \"Dead Reckoning\" t…'): the same question as record 1" \
        in err
    assert err.splitlines()[-1] == f"Wrote 7 of 9 questions to {out_file}; left out 2: 1 with two choices the same, " \
                                   f"1 repeating an earlier question"
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("# Questions from the Open Trivia Database") and "CC" not in text.split("\n")[0]
    assert "Creative Commons Attribution-ShareAlike 4.0" in text
    code, out, _ = run(capsys, "validate", "--json", out_file)
    assert code == 0
    played = json.loads(out)
    source = json.loads((FIX / "opentdb-sample.json").read_text())["results"]
    kept = [source[i] for i in (0, 1, 2, 3, 6, 7, 8)]
    assert [q["prompt"] for q in played] == [html.unescape(r["question"]) for r in kept]
    for q, r in zip(played, kept, strict=True):
        assert q["answer"] == html.unescape(r["correct_answer"])
        assert sorted(q["choices"]) == sorted(html.unescape(c) for c in [r["correct_answer"], *r["incorrect_answers"]])
        assert q["difficulty"] == r["difficulty"] and q["category"] == html.unescape(r["category"])
    # OpenTDB's True/False statements play as true/false questions; other two-word records stay multiple choice.
    assert [q["type"] for q in played] == ["choice", "truefalse", "choice", "choice", "choice", "truefalse", "choice"]
    assert played[1]["choices"] == played[5]["choices"] == ["True", "False"]
    assert (played[1]["answer"], played[5]["answer"]) == ("True", "False")
    assert "type: truefalse" in text


def test_import_writes_only_what_validate_accepts_and_says_what_it_left_out(capsys, tmp_path):
    """Questions too long for the screen are left out by the import, each named with the validator's reason,
    and counted by reason: never written for `validate` to refuse afterwards."""
    from game.core.model import CHOICE_MAX, PROMPT_MAX

    def record(question, right="Yes", wrong=("No", "Maybe", "Never")):
        return {"type": "multiple", "difficulty": "easy", "category": "Trains", "question": question,
                "correct_answer": right, "incorrect_answers": list(wrong)}

    longest = ("How many carriages " + "and wagons " * 30)[:PROMPT_MAX - 1].rstrip() + "?"
    records = [record(longest),                                    # 1: exactly as long as a prompt may be: kept
               record(longest[:-1] + " then?"),                     # 2: one word too many
               record("Which wagon went over?", wrong=("No", "W" * (CHOICE_MAX + 1), "Never")),  # 3: a long choice
               record("A short one?"),                               # 4: kept
               record("a SHORT  one?"),                              # 5: the same as 4
               record("Too many?", wrong=tuple("bcdefg")),           # 6: seven choices
               record("Right choice too long?", right="R" * (CHOICE_MAX + 5))]  # 7
    source = tmp_path / "long.json"
    source.write_text(json.dumps({"results": records}))
    out_file = tmp_path / "long.yaml"
    code, out, err = run(capsys, "import-opentdb", source, "-o", out_file)
    assert code == 0 and out == ""
    lines = err.splitlines()
    left_out = [line.split(": left out ", 1)[1] for line in lines[:-1]]
    assert [line.split(" ")[1] for line in left_out] == ["2", "3", "5", "6", "7"]
    assert f"the prompt is {PROMPT_MAX + 5} characters long; at most {PROMPT_MAX} fit" in left_out[0]
    assert left_out[1].startswith("record 3 ('Which wagon went over?'): choice 3 is 61 characters long")
    assert left_out[2] == "record 5 ('a SHORT one?'): the same question as record 4"
    assert left_out[3] == "record 6 ('Too many?'): 7 choices; a question has 2 to 6"
    assert "the answer is 65 characters long" in left_out[4] or "choice 1 is 65 characters long" in left_out[4]
    assert lines[-1] == (f"Wrote 2 of 7 questions to {out_file}; left out 5: 2 with a choice longer than {CHOICE_MAX} "
                         f"characters, 1 with a question longer than {PROMPT_MAX} characters, 1 repeating an earlier "
                         f"question, 1 with fewer than 2 or more than 6 choices")
    code, out, _ = run(capsys, "validate", "--json", out_file)
    assert code == 0 and [q["prompt"] for q in json.loads(out)] == [longest, "A short one?"]
    # To standard output: the same questions, and the same account on standard error.
    code, out, err = run(capsys, "import-opentdb", source)
    assert code == 0 and out == out_file.read_text(encoding="utf-8")
    assert err.splitlines()[-1] == lines[-1].replace(f"Wrote 2 of 7 questions to {out_file}",
                                                     "Converted 2 of 7 questions")


def test_import_rejects_what_is_not_opentdb(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"nope": 1}')
    code, _, err = run(capsys, "import-opentdb", bad)
    assert code == 1 and "expected an API response" in err
    code, _, err = run(capsys, "import-opentdb", tmp_path / "missing.json")
    assert code == 2


def test_scores_command_prints_boards_and_json(capsys, tmp_path):
    from game.core.scores import ScoreStore, new_entry

    path = tmp_path / "s.json"
    store = ScoreStore(path)
    store.save(new_entry("classic/10/a", "Classic · 10 questions · default bank", "ANNA", 4200, 5, 10, 33.3))
    store.save(new_entry("classic/5/b", "Classic · 5 questions · default bank", "BO", 900, 1, 5, 12.0))
    code, out, _ = run(capsys, "scores", "--scores", path)
    assert code == 0 and "ANNA" in out and "Classic · 5 questions" in out
    code, out, _ = run(capsys, "scores", "--json", "--scores", path)
    rows = json.loads(out)
    assert {(r["board"], r["name"], r["score"]) for r in rows} == {("classic/10/a", "ANNA", 4200),
                                                                  ("classic/5/b", "BO", 900)}


@pytest.mark.parametrize("content, why", [(b"junk", "the file is not valid JSON"), (b"", "the file is empty"),
                                          (b'{"format": "other"}', "the file is not a mi-trivia score file"),
                                          (b"\xff\xfe{", "the file is not UTF-8 text")])
@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
def test_scores_command_on_a_file_it_cannot_read_says_so_and_fails(capsys, tmp_path, content, why, as_json):
    """Not "No scores yet" with status 0: the file could not be read, why, status 2; the file is left as it was."""
    import os

    path = tmp_path / "bad.json"
    path.write_bytes(content)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    code, out, err = run(capsys, "scores", *(["--json"] if as_json else []), "--scores", path)
    assert code == 2 and out == ""
    assert err.startswith(f"mi-trivia scores: cannot read the score file {path}: {why}")
    assert "Nothing was changed" in err and "No scores yet" not in out + err
    assert path.read_bytes() == content and path.stat().st_mtime == 1_000_000_000  # never moved or changed
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["bad.json"]  # nothing kept aside


def test_scores_command_on_a_score_file_that_cannot_be_opened(capsys, tmp_path):
    code, out, err = run(capsys, "scores", "--scores", tmp_path)  # a folder
    assert code == 2 and out == "" and err.startswith(f"mi-trivia scores: cannot read the score file {tmp_path}: ")
    code, out, err = run(capsys, "scores", "--scores", tmp_path / "none-yet.json")  # no file: no scores yet
    assert code == 0 and out.startswith("No scores yet")


def test_paths(capsys, tmp_path):
    code, out, _ = run(capsys, "paths")
    assert code == 0
    assert "scores.json" in out and "questions" in out and "settings" in out


@pytest.mark.parametrize("argv", [["--count", "0"], ["--size", "10x10"], ["--fps", "-1"], ["nonsense"]])
def test_bad_arguments_exit_2_with_usage(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage: mi-trivia" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--players", "5"], "hot-seat takes 2 to 4 players"),
    (["--players", "1"], "must be 2 or more"),
    (["--mode", "marathon"], "invalid choice: 'marathon'"),
    (["--mode", "classic", "--players", "3"], "--players is for hot-seat games"),
])
def test_mode_and_player_options_are_checked(args, message, capsys):
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and message in err, err


def test_kinds_flag_is_checked(capsys):
    from game.cli import build_parser

    assert build_parser().parse_args(["--kinds", "choice, Type,choice"]).kinds == ("choice", "type")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--kinds", "choice,riddle"])
    assert "riddle is not a kind of question" in capsys.readouterr().err


def test_help_shows_the_sub_command_as_optional(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    usage = out.split("\n\n")[0]
    assert "[COMMAND ...]" in usage and "] COMMAND" not in usage.replace("\n", " ").replace("  ", " ")


def test_no_display_is_said_at_once_and_autoplay_needs_none():
    from types import SimpleNamespace

    from game.cli import _display_problem

    play = SimpleNamespace(autoplay=False, frames=None)
    assert "no display" in _display_problem(play, {}, "linux")
    assert _display_problem(play, {"DISPLAY": ":0"}, "linux") is None
    assert _display_problem(play, {"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert _display_problem(play, {"SDL_VIDEODRIVER": "dummy"}, "linux") is None
    assert _display_problem(play, {}, "darwin") is None
    environ = {}
    assert _display_problem(SimpleNamespace(autoplay=True, frames=None), environ, "linux") is None
    assert environ["SDL_VIDEODRIVER"] == "dummy"


def test_an_empty_questions_folder_adds_nothing_to_the_title(tmp_path):
    """Issue 19.9: with the questions folder there but empty, the title said "…, with your own questions"."""
    from game import paths
    from game.cli import bank_label, default_sources, load_bank

    folder = paths.user_paths().questions_dir
    folder.mkdir(parents=True)
    sources = default_sources()
    assert sources[1:] == [folder]
    assert bank_label(None, sources, load_bank(sources, 1)) == "default bank"
    (folder / "broken.yaml").write_text("questions:\n  - prompt: Q?\n    choices: [a]\n    answer: b\n")
    assert bank_label(None, sources, load_bank(sources, 1)) == "default bank"  # nothing of it was played
    (folder / "mine.yaml").write_text("questions:\n  - prompt: Which country hosted the cliff jump?\n"
                                      "    choices: [Norway, Chile, Peru]\n    answer: Norway\n")
    assert bank_label(None, sources, load_bank(sources, 1)) == "default bank + your questions"
    assert bank_label([folder / "mine.yaml"], [folder / "mine.yaml"], None) == "mine.yaml"
