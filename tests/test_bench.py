"""The benchmark's smoke test: it runs with tiny sizes and writes its table (budgets are not checked here)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_writes_its_table(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "bench.py"), "--quick", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((tmp_path / "bench.json").read_text())
    checks = [row["check"] for row in data["rows"]]
    assert len(checks) == 24 + 4 + 2  # 4: the question screen of each kind other than multiple choice; 2: a picture
    assert sum(1 for c in checks if c.startswith("frame time, question (")) == 4
    assert any("review of 100 answers" in c for c in checks)
    assert sum("4000x3000 JPEG" in c or "shows that picture" in c for c in checks) == 2
    assert any(c.startswith("start-up to the first frame") for c in checks)
    assert any(c.startswith("start-up to process exit") for c in checks) and any("peak memory" in c for c in checks)
    assert sum(c.startswith("party: ") for c in checks) == 6
    table = (tmp_path / "bench.md").read_text()
    assert table.startswith("| check | value | budget | result |")
