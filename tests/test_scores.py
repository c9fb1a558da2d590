import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.core.scores import FORMAT, TOP, Entry, ScoreStore, Table, clean_name, new_entry, parse_table, write_atomic

WRITER = Path(__file__).with_name("score_writer.py")


def entry(name="ANNA", score=1000, time_s=10.0, board="classic/10/x", **kw):
    return new_entry(board, "Classic · 10", name, score, 5, 10, time_s, **kw)


def names(store: ScoreStore) -> set[str]:
    return {e.name for e in store.read().table.entries}


def test_save_and_read_back(tmp_path):
    store = ScoreStore(tmp_path / "scores.json")
    result = store.save(entry("ANNA"))
    assert result.saved and result.rank == 1
    data = json.loads((tmp_path / "scores.json").read_text())
    assert data["format"] == FORMAT and data["version"] == 1 and data["last_name"] == "ANNA"
    (saved,) = data["entries"]
    assert {"id", "board", "name", "score", "correct", "asked", "time_s", "date"} <= set(saved)


def test_top_ten_per_board_and_ties(tmp_path):
    store = ScoreStore(tmp_path / "scores.json")
    for i in range(12):
        store.save(entry(f"P{i}", score=100 * i))
    store.save(entry("OTHER", board="classic/5/y"))
    boards = store.read().table.boards()
    assert [e.name for e in boards["classic/10/x"]] == [f"P{i}" for i in range(11, 1, -1)]
    assert [e.name for e in boards["classic/5/y"]] == ["OTHER"]
    # Ties: the faster total time wins, then whoever came first.
    t = Table()
    slow = entry("SLOW", 500, 20.0)
    fast = entry("FAST", 500, 10.0)
    first = Entry(**{**entry("FIRST", 500, 20.0).__dict__, "date": "2020-01-01T00:00:00+00:00"})
    t = t.merged([slow, fast, first])
    assert [e.name for e in t.board("classic/10/x")] == ["FAST", "FIRST", "SLOW"]
    assert len(Table([entry(f"n{i}", i) for i in range(30)]).merged([]).entries) == TOP


def test_rank_of_a_candidate(tmp_path):
    table = Table([entry(f"P{i}", 100 * (i + 1)) for i in range(10)])
    assert table.rank_of(entry("TOP", 5000)) == 1
    assert table.rank_of(entry("LOW", 1)) is None


def test_names_are_cleaned():
    assert clean_name("  A\x00B\x1bC\n ") == "ABC"
    assert clean_name("x" * 40) == "x" * 16
    assert clean_name("\x00\x01") == ""
    assert clean_name("Zoë 🚂 עברית") == "Zoë 🚂 עברית"


BAD_FILES = {
    "empty": b"",
    "truncated": b'{"format": "mi-trivia-scores", "version": 1, "entries": [{"na',
    "not json": b"this is not json",
    "wrong shape": b'[1, 2, 3]',
    "no entries": b'{"format": "mi-trivia-scores", "version": 1}',
    "future": b'{"format": "mi-trivia-scores", "version": 99, "entries": []}',
    "binary": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_unreadable_file_is_kept_aside_and_a_fresh_board_starts(tmp_path, case):
    path = tmp_path / "scores.json"
    path.write_bytes(BAD_FILES[case])
    store = ScoreStore(path)
    result = store.save(entry("NEW"))
    assert result.saved and result.kept_aside is not None and result.unreadable
    assert result.kept_aside.read_bytes() == BAD_FILES[case]
    assert result.kept_aside.parent == tmp_path
    assert names(store) == {"NEW"}


def test_keeping_aside_never_overwrites(tmp_path):
    path = tmp_path / "scores.json"
    kept = []
    for i in range(3):
        path.write_bytes(b"junk %d" % i)
        kept.append(ScoreStore(path).save(entry(f"N{i}")).kept_aside)
        path.unlink()
    assert len(set(kept)) == 3
    assert sorted(p.read_bytes() for p in kept) == [b"junk 0", b"junk 1", b"junk 2"]


def test_bad_entries_are_dropped_one_by_one(tmp_path):
    good = entry("GOOD").to_json()
    raw = {"format": FORMAT, "version": 1, "entries": [
        good,
        {**good, "id": "2", "score": "lots"},
        {**good, "id": "3", "name": "x" * (10 * 1024 * 1024)},
        {**good, "id": "4", "time_s": -1},
        {**good, "id": "5", "correct": True},
        "not an entry",
        {**good, "id": "6", "name": "\x00\x01"},
    ]}
    table, warnings, reason = parse_table(json.dumps(raw).encode())
    assert reason is None
    assert [e.name for e in table.entries] == ["GOOD"]
    assert len(warnings) == 6


def test_unwritable_folder_reports_and_does_not_raise(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("I am a file, not a folder")
    store = ScoreStore(blocker / "sub" / "scores.json")
    result = store.save(entry())
    assert not result.saved and "cannot create the folder" in result.error
    assert store.read().table.entries == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = ScoreStore(folder / "scores.json").save(entry())
        assert not result.saved and result.error
    finally:
        folder.chmod(0o700)


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "f.json"
    write_atomic(path, "one")
    write_atomic(path, "two")
    assert path.read_text() == "two"
    assert os.listdir(tmp_path) == ["f.json"]


def test_naughty_names_are_saved_reloaded_and_kept(tmp_path):
    from conftest import naughty_strings

    store = ScoreStore(tmp_path / "scores.json")
    wanted = []
    for i, text in enumerate(naughty_strings()):
        name = clean_name(text)
        if not name:
            continue
        result = store.save(entry(text, board=f"b{i}"))
        assert result.saved
        wanted.append(name)
    assert sorted(e.name for e in store.read().table.entries) == sorted(wanted)


def _spawn(path, prefix, count, start_at):
    return subprocess.Popen([sys.executable, str(WRITER), str(path), prefix, str(count), str(start_at)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_six_processes_saving_at_once_lose_nothing(tmp_path):
    path = tmp_path / "scores.json"
    start_at = time.time() + 1.0
    procs = [_spawn(path, f"P{n}-", 5, start_at) for n in range(6)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert names(ScoreStore(path)) == {f"P{n}-{i}" for n in range(6) for i in range(5)}


def test_a_writer_killed_at_any_moment_never_loses_saved_entries(tmp_path):
    path = tmp_path / "scores.json"
    rng = random.Random(1)
    confirmed: set[str] = set()
    for round_ in range(15):
        proc = _spawn(path, f"R{round_}-", 1000, 0)
        time.sleep(rng.uniform(0.15, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        confirmed.update(line for line in out.split() if line.startswith("R"))
        result = ScoreStore(path).read()
        assert result.unreadable is None, result.unreadable
        assert confirmed <= {e.name for e in result.table.entries}
    assert len(confirmed) > 15


def test_leftovers_of_a_killed_writer_are_cleaned_up(tmp_path):
    path = tmp_path / "scores.json"
    (tmp_path / ".scores.json.abc123.tmp").write_text("half a file")
    assert ScoreStore(path).save(entry()).saved
    assert sorted(os.listdir(tmp_path)) == ["scores.json", "scores.json.lock"]


def test_sudden_death_ranks_by_the_run_then_the_score():
    from game.core.scores import Table

    long_run = new_entry("sudden-death/all/x", "", "LONG", 5000, 7, 8, 40.0, mode="sudden-death")
    rich = new_entry("sudden-death/all/x", "", "RICH", 6500, 6, 7, 20.0, mode="sudden-death")
    same_run = new_entry("sudden-death/all/x", "", "FAST", 5100, 7, 8, 60.0, mode="sudden-death")
    board = Table([long_run, rich, same_run]).board("sudden-death/all/x")
    assert [e.name for e in board] == ["FAST", "LONG", "RICH"]


def test_each_mode_has_its_own_board():
    from game.core.boards import board_for
    from game.core.model import Question

    qs = [Question(prompt="Q?", choices=("a", "b"), answer="a")]
    boards = {mode: board_for(mode, qs, 10, "bank")[0] for mode in ("classic", "sudden-death", "hotseat")}
    assert len(set(boards.values())) == 3
    assert boards["sudden-death"].startswith("sudden-death/all/")
    assert board_for("sudden-death", qs, 5, "bank") == board_for("sudden-death", qs, 10, "bank")
