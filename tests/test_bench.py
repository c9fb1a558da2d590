"""The benchmark's logic (no timing is asserted here): its helpers, and a run with tiny sizes that writes its table."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import bench  # noqa: E402


def test_percentile_and_ratio():
    values = list(range(1, 101))
    assert bench.percentile(values, 0.5) in (50, 51) and bench.percentile(values, 0.99) == 99
    assert bench.percentile([], 0.99) == 0.0
    assert bench.ratio(3.0, 2.0) == 1.5 and bench.ratio(1.0, 0.0) == float("inf")


def test_interleave_runs_the_reference_first_by_turns():
    order = []
    refs, mine = bench.interleave(lambda: order.append("ref") or len(order), lambda: order.append("own") or len(order),
                                  3)
    assert order == ["ref", "own"] * 3
    assert refs == [1, 3, 5] and mine == [2, 4, 6]


def test_the_pass_meter_counts_from_one_pass_to_the_next(monkeypatch):
    class FakePygame:
        class event:
            @staticmethod
            def get():
                return []

    ticks = iter([1.0, 1.002, 1.005, 1.006])
    monkeypatch.setattr(bench.time, "thread_time", lambda: next(ticks))
    real = FakePygame.event.get
    with bench.PassMeter(FakePygame) as meter:
        for _ in range(4):
            FakePygame.event.get()
    assert FakePygame.event.get is real  # put back
    assert [round(ms, 3) for ms in meter.frames_ms()] == [2.0, 3.0, 1.0]
    assert len(meter.ended_at()) == 3


def test_the_table_names_the_machine_and_marks_skipped_rows():
    rows = [{"check": "a", "value": 1.2, "unit": "×", "budget": "≤ 2×", "pass": True, "skipped": False},
            {"check": "b", "value": "-", "unit": "", "budget": "≤ 1×", "pass": True, "skipped": True},
            {"check": "c", "value": 3, "unit": "×", "budget": "≤ 2×", "pass": False, "skipped": False}]
    machine = {"cpu": "Some CPU", "cpus": 2, "platform": "Linux", "python": "3.11", "pygame": "2.6", "sdl": "2.28"}
    text = bench.table(rows, machine)
    assert "| a | 1.2× | ≤ 2× | PASS |" in text and "| b | - | ≤ 1× | SKIPPED |" in text
    assert "| c | 3× | ≤ 2× | FAIL |" in text
    assert "Some CPU, 2 CPUs" in text
    assert bench.machine_name()["cpus"] >= 1


def test_a_missing_xvfb_is_a_reason_not_a_failure(monkeypatch):
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)
    monkeypatch.setattr(bench.sys, "platform", "linux")
    why = bench.xvfb_missing()
    assert why and "Xvfb" in why
    assert bench.bench_x11("question", 1.0) == {"skipped": why}


def test_extra_rows_have_their_place():
    assert bench.EXTRA_ROWS == []  # other work appends ``function(row, frames, tmp)`` here


@pytest.mark.parametrize("name", ["FRAME_BUDGET", "STARTUP_BUDGET", "X11_BUDGET", "PARTY_FRAME_BUDGET"])
def test_budgets_are_ratios(name):
    assert 0 < getattr(bench, name) < 20


def test_quick_benchmark_writes_its_table(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "bench.py"), "--quick", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((tmp_path / "bench.json").read_text())
    checks = [row["check"] for row in data["rows"]]
    assert len(checks) == 31 + 2  # 2: a question with a picture
    assert sum(1 for c in checks if c.startswith("frame cost, question (")) == 4
    assert any("review of 100 answers" in c for c in checks)
    assert sum("4000x3000 JPEG" in c or "shows that picture" in c for c in checks) == 2
    assert any(c.startswith("start-up to the first frame") for c in checks)
    assert any(c.startswith("start-up to process exit") for c in checks) and any("peak memory" in c for c in checks)
    assert any(c.startswith("frame cost p99, party question with no players / solo question") for c in checks)
    assert any(c.startswith("frame cost p50, title at rest / results") for c in checks)
    assert any("real X window" in c for c in checks)
    assert sum(c.startswith("party: ") for c in checks) == 5
    timing = [row for row in data["rows"] if row["unit"] == "×"]
    assert len(timing) >= 20  # the timing rows are ratios to a reference taken beside them
    assert data["machine"]["cpu"]
    table = (tmp_path / "bench.md").read_text()
    assert table.startswith("| check | value | budget | result |")


def test_the_idle_reference_is_a_p99_over_as_many_frames_as_the_window():
    frames = [1.0] * 58 + [5.0, 5.0] + [1.0] * 60 + [1.0] * 58 + [6.0, 6.0]
    assert bench.window_p99(frames, 60) == 5.0  # the runs of 60: p99 5, 1 and 6
    assert bench.window_p99([1.0, 2.0], 60) == 2.0  # fewer frames than the window: all of them
