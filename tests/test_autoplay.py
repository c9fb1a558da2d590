"""The whole game through the real loop, scenes and input path, in child processes."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli
from game.ui.flow import names as screen_names

KEYS = {"frames", "startup_ms", "frame_ms_p50", "frame_ms_p99", "frame_ms_max", "cpu_percent", "wall_s",
        "answered", "correct", "score", "saved"}


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def test_autoplay_plays_saves_and_reports(tmp_path):
    scores = tmp_path / "s.json"
    shots = tmp_path / "shots"
    first = run_cli("--autoplay", "--count", "5", "--seed", "1", "--scores", scores, "--name", "ONE",
                    "--screenshots", shots)
    assert first.returncode == 0, first.stderr
    report = last_json(first.stdout)
    assert KEYS <= set(report)
    assert report["answered"] == 5 and report["saved"] is True
    assert 0 < report["correct"] < 5 or report["correct"] in (0, 5)
    assert "ALSA" not in first.stderr and "Traceback" not in first.stderr
    # Every screen of the registry but hot-seat's, the party's, the quit question and the preview: a picture each.
    others = {"players", "handover", "podium", "confirm", "preview"}  # the preview: `mi-trivia preview FILE`
    shown = [name for name in screen_names() if name not in others and not name.startswith("party_")]
    assert {"title", "settings", "question", "feedback", "pause", "results", "review", "name_entry"} <= set(shown)
    for screen in shown:
        assert (shots / f"{screen}.png").stat().st_size > 1000, screen

    second = run_cli("--autoplay", "--count", "5", "--seed", "2", "--scores", scores, "--name", "TWO")
    assert second.returncode == 0, second.stderr
    names = {e["name"] for e in json.loads(run_cli("scores", "--json", "--scores", scores).stdout)}
    assert names == {"ONE", "TWO"}


def test_same_seed_same_game(tmp_path):
    a = last_json(run_cli("--autoplay", "--count", "3", "--seed", "5", "--scores", tmp_path / "a.json").stdout)
    b = last_json(run_cli("--autoplay", "--count", "3", "--seed", "5", "--scores", tmp_path / "b.json").stdout)
    assert (a["correct"], a["answered"]) == (b["correct"], b["answered"])


def test_nowhere_to_write_still_finishes(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli("--autoplay", "--count", "2", "--seed", "1", "--scores", blocker / "scores.json")
    assert result.returncode == 0, result.stderr
    assert last_json(result.stdout)["saved"] is False
    assert "could not be saved" in result.stderr and "Traceback" not in result.stderr


def test_junk_score_file_is_kept_aside_and_the_new_score_saved(tmp_path):
    scores = tmp_path / "s.json"
    scores.write_bytes(b"\x00\xffjunk" * 100)
    result = run_cli("--autoplay", "--count", "2", "--seed", "1", "--scores", scores, "--name", "NEW")
    assert result.returncode == 0, result.stderr
    assert last_json(result.stdout)["saved"] is True
    kept = list(tmp_path.glob("s.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00\xffjunk" * 100
    assert "kept as" in result.stderr
    assert [e["name"] for e in json.loads(run_cli("scores", "--json", "--scores", scores).stdout)] == ["NEW"]


def test_six_games_at_once_keep_all_six_names(tmp_path):
    scores = tmp_path / "s.json"
    procs = [subprocess.Popen([sys.executable, "-m", "game", "--autoplay", "--count", "2", "--seed", str(n),
                               "--scores", str(scores), "--name", f"P{n}"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(1, 7)]
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert last_json(out)["saved"] is True
    names = {e["name"] for e in json.loads(run_cli("scores", "--json", "--scores", scores).stdout)}
    assert names == {f"P{n}" for n in range(1, 7)}


def test_bad_bank_plays_the_good_questions_and_says_so(tmp_path):
    bank = tmp_path / "mixed.yaml"
    bank.write_text("questions:\n"
                    "  - prompt: Good one?\n    choices: [Yes, No]\n    answer: Yes\n"
                    "  - prompt: Bad one?\n    choices: [Yes]\n    answer: Yes\n"
                    "  - prompt: Another good one?\n    choices: [a, b, c]\n    answer: c\n")
    result = run_cli("--autoplay", "--count", "5", "--questions", bank, "--scores", tmp_path / "s.json")
    assert result.returncode == 0, result.stderr
    assert last_json(result.stdout)["answered"] == 2
    assert "2 questions usable, 1 skipped" in result.stderr and "mi-trivia validate" in result.stderr


def test_missing_question_path_exits_2(tmp_path):
    result = run_cli("--autoplay", "--questions", tmp_path / "nope.yaml")
    assert result.returncode == 2 and "no such file" in result.stderr


@pytest.mark.slow
def test_a_built_wheel_installs_and_plays_from_another_folder(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("mi_trivia-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    install = subprocess.run([str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)],
                             capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "MI_TRIVIA_HOME": str(tmp_path / "home"),
           "PATH": str(bindir), "HOME": str(tmp_path)}
    play = subprocess.run([str(bindir / "mi-trivia"), "--autoplay", "--count", "2", "--seed", "1"],
                          cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
    assert play.returncode == 0, play.stderr
    assert last_json(play.stdout)["answered"] == 2
    check = subprocess.run([str(bindir / "mi-trivia"), "validate"], cwd=elsewhere, env=env, capture_output=True,
                           text=True, timeout=120)
    assert check.returncode == 0 and "site-packages" not in check.stdout
    paths = subprocess.run([str(bindir / "mi-trivia"), "paths"], cwd=elsewhere, env=env, capture_output=True,
                           text=True, timeout=120)
    assert "_data" in paths.stdout and str(ROOT) not in paths.stdout



def test_unknown_category_is_named_with_the_known_ones(tmp_path):
    result = run_cli("--autoplay", "--category", "Cooking", "--scores", tmp_path / "s.json")
    assert result.returncode == 2 and "The stunt" in result.stderr


def test_category_and_difficulty_filter_the_game(tmp_path):
    result = run_cli("--autoplay", "--count", "3", "--category", "the people", "--difficulty", "easy",
                     "--scores", tmp_path / "s.json")
    assert result.returncode == 0, result.stderr
    assert last_json(result.stdout)["answered"] == 3


def test_every_mode_plays_to_the_end_on_its_own_board(tmp_path):
    scores = tmp_path / "s.json"
    shots = tmp_path / "shots"
    reports = {}
    # Classic plays multiple choice only, where both lifelines can be used.
    for mode, extra in (("classic", ["--kinds", "choice"]), ("sudden-death", []), ("practice", []),
                        ("hotseat", ["--players", "3"])):
        result = run_cli("--autoplay", "--mode", mode, "--count", "2", "--seed", "3", "--scores", scores,
                         "--name", "BOT", "--screenshots", shots / mode, *extra)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        reports[mode] = report = last_json(result.stdout)
        assert report["mode"] == mode and report["reviewed"] is True
        assert (shots / mode / "review.png").stat().st_size > 1000
    assert [p["name"] for p in reports["hotseat"]["players"]] == ["BOT1", "BOT2", "BOT3"]
    assert all(p["answered"] == 2 for p in reports["hotseat"]["players"])
    assert reports["classic"]["players"][0]["lifelines_used"] == 2
    assert reports["practice"]["saved"] is False and reports["practice"]["score"] == 0
    for screen in ("players", "handover", "podium"):
        assert (shots / "hotseat" / f"{screen}.png").exists(), screen
    assert (shots / "classic" / "lifelines.png").exists()

    rows = json.loads(run_cli("scores", "--json", "--scores", scores).stdout)
    boards = {}
    for row in rows:
        boards.setdefault(row["mode"], set()).add(row["board"])
    assert set(boards) == {"classic", "sudden-death", "hotseat"}  # practice keeps no score
    assert all(len(b) == 1 for b in boards.values()) and len(set().union(*boards.values())) == 3
    assert sorted(r["name"] for r in rows if r["mode"] == "hotseat") == ["BOT1", "BOT2", "BOT3"]
    assert {r["rank"] for r in rows if r["mode"] == "hotseat"} == {1, 2, 3}
    table = run_cli("scores", "--scores", scores).stdout
    assert "Sudden death · every question" in table and "in a row" in table and "Hot-seat · 2 questions" in table


def test_large_text_and_high_contrast_play_to_the_end(tmp_path):
    shots = tmp_path / "shots"
    env = {"MI_TRIVIA_HOME": str(tmp_path / "home")}
    result = run_cli("--autoplay", "--text-scale", "2", "--theme", "high-contrast", "--size", "800x600",
                     "--count", "3", "--seed", "5", "--scores", tmp_path / "s.json", "--reduced-motion",
                     "--time-factor", "1.5", "--screenshots", shots, env=env)
    assert result.returncode == 0, result.stderr
    report = last_json(result.stdout)
    assert report["answered"] == 3 and report["reviewed"] and report["saved"]
    assert report["settings"] == {"theme": "high-contrast", "text_scale": 2.0, "reduced_motion": True,
                                  "time_factor": 1.5, "muted": False, "volume": 80, "describe_pictures": False}
    assert (shots / "settings.png").stat().st_size > 1000
    # The flags were for that run only: nothing was written to the settings file.
    assert not (tmp_path / "home" / "config" / "settings.json").exists()
    board = json.loads(run_cli("scores", "--json", "--scores", tmp_path / "s.json").stdout)[0]["board"]
    assert board.endswith("/x1.5")


def test_a_bad_settings_file_is_kept_aside_and_the_game_plays(tmp_path):
    config = tmp_path / "home" / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_text("{oops")
    result = run_cli("--autoplay", "--count", "2", "--seed", "5", "--scores", tmp_path / "s.json",
                     env={"MI_TRIVIA_HOME": str(tmp_path / "home")})
    assert result.returncode == 0 and "settings file could not be used" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name.startswith("settings.json.unreadable-") for p in config.iterdir()] == [True]


def test_autoplay_types_a_name_with_a_space_key_by_key(tmp_path):
    scores = tmp_path / "s.json"
    result = run_cli("--autoplay", "--count", "2", "--seed", "1", "--scores", scores, "--name", "Zoë Tester")
    assert result.returncode == 0, result.stderr
    assert last_json(result.stdout)["saved"] is True
    assert [e["name"] for e in json.loads(run_cli("scores", "--json", "--scores", scores).stdout)] == ["Zoë Tester"]


def test_twenty_questions_of_the_default_bank_play_every_kind(tmp_path):
    """Issue 14's "done when": from a fresh state, 20 questions with seed 1 ask each kind at least once."""
    result = run_cli("--autoplay", "--count", "20", "--seed", "1", "--fps", "0", "--scores", tmp_path / "s.json",
                     env={"MI_TRIVIA_HOME": str(tmp_path / "home")}, timeout=300)
    assert result.returncode == 0, result.stderr
    report = last_json(result.stdout)
    assert report["answered"] == 20
    assert set(report["kinds"]) == {"choice", "truefalse", "estimate", "order", "type"}
    assert all(n >= 1 for n in report["kinds"].values()), report["kinds"]
