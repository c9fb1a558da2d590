"""make test-matrix: the whole suite on the oldest and newest Python, with pygame and with pygame-ce.

Each combination gets its own virtual environment in .venv-matrix/, installed from the lock
files in requirements/ (hash-checked), then runs the suite headless.  One more leg runs the
tests that read YAML with the oldest PyYAML that pyproject.toml allows.  A combination whose
interpreter this machine lacks is skipped and named, with the reason.  Prints a summary table;
exits non-zero when a combination that ran failed.

Usage: python tools/matrix.py [pytest arguments...]
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements"
VENVS = ROOT / ".venv-matrix"
PYTHONS = ("3.10", "3.13")  # the oldest supported and the newest the dependencies support
FLAVOURS = ("pygame", "pygame-ce")
# The tests that read YAML, for the leg with the oldest PyYAML allowed.
YAML_TESTS = ["tests/test_yamldoc.py", "tests/test_questions.py", "tests/test_facts.py", "tests/test_schema.py",
              "tests/test_cli.py"]
PYTEST = ["-q", "-p", "no:cacheprovider"]
COUNTS = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed|deselected)")


def find_python(version: str) -> tuple[str | None, str]:
    """An interpreter for ``version`` (pyenv's, then PATH), or None and where it was looked for."""
    pyenv = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    candidates = sorted(glob.glob(f"{pyenv}/versions/{version}.*/bin/python{version}"), reverse=True)
    on_path = shutil.which(f"python{version}")
    if on_path:
        candidates.append(on_path)
    for exe in candidates:
        try:
            out = subprocess.run([exe, "-c", "import sys, venv; print('%d.%d' % sys.version_info[:2])"],
                                 capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and out.stdout.strip() == version:
            return exe, ""
    return None, f"no Python {version} with venv (looked in {pyenv}/versions and for python{version} on PATH)"


def run(cmd: list[str], **kwargs) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT, **kwargs).returncode


def install(python: str, venv: Path, flavour: str, extra_lock: str | None = None) -> bool:
    """The venv made (if new) and brought to exactly what the lock says."""
    bin_python = venv / "bin" / "python"
    if not bin_python.exists() and run([python, "-m", "venv", str(venv)]) != 0:
        return False
    pip = [str(bin_python), "-m", "pip", "install", "--quiet", "--require-hashes", "--only-binary", ":all:"]
    steps = [pip + ["-r", str(LOCK / "build.txt")],
             pip + ["-r", str(LOCK / "test.txt"), "-r", str(LOCK / f"{flavour}.txt")]]
    if extra_lock:
        steps.append(pip + ["-r", str(LOCK / extra_lock)])
    steps.append([str(bin_python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", "."])
    return all(run(step) == 0 for step in steps)


def versions(venv: Path, names: list[str]) -> str:
    code = ("import importlib.metadata as m, platform\n"
            f"print(', '.join(['Python ' + platform.python_version()] + [n + ' ' + m.version(n) for n in {names!r}]))")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def pytest(venv: Path, args: list[str]) -> tuple[int, str]:
    """Runs pytest, echoing its output; returns its exit code and its closing line."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    cmd = [str(venv / "bin" / "python"), "-m", "pytest", *PYTEST, *args]
    print("+", " ".join(cmd), flush=True)
    last = ""
    with subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          bufsize=1) as proc:
        for line in proc.stdout:
            sys.stdout.write(line)
            if COUNTS.search(line) and " in " in line:
                last = line.strip().strip("=").strip()
    sys.stdout.flush()
    return proc.returncode, last


def leg(name: str, python_version: str, flavour: str, args: list[str], extra_lock: str | None = None) -> dict:
    print(f"\n===== {name} =====", flush=True)
    python, why = find_python(python_version)
    if python is None:
        return {"name": name, "result": "skipped", "detail": why}
    venv = VENVS / f"py{python_version}-{flavour}"
    started = time.monotonic()
    if not install(python, venv, flavour, extra_lock):
        return {"name": name, "result": "FAILED", "detail": "installing from the lock failed (see above)"}
    name = f"{name} ({versions(venv, [flavour, 'PyYAML'])})"
    code, closing = pytest(venv, args)
    took = f"{time.monotonic() - started:.0f} s"
    if code == 0:
        return {"name": name, "result": "passed", "detail": f"{closing} ({took} with install)", "counts": closing}
    if code == 5:
        return {"name": name, "result": "FAILED", "detail": "pytest collected no tests (exit 5)"}
    return {"name": name, "result": "FAILED", "detail": f"pytest exit {code}: {closing}", "counts": closing}


def main(args: list[str]) -> int:
    os.environ.pop("VIRTUAL_ENV", None)
    results = []
    for version in PYTHONS:
        for flavour in FLAVOURS:
            results.append(leg(f"Python {version} + {flavour}", version, flavour, args))
    oldest = (LOCK / "pyyaml-oldest.txt").read_text()
    pin = re.search(r"^pyyaml==(\S+)", oldest, re.M | re.I)
    results.append(leg(f"Python {PYTHONS[0]} + pygame + the oldest PyYAML allowed ({pin.group(1) if pin else '?'}), "
                       "the YAML tests", PYTHONS[0], "pygame", YAML_TESTS + args, extra_lock="pyyaml-oldest.txt"))

    totals = {"passed": 0, "failed": 0, "skipped": 0}
    for result in results:
        for number, word in COUNTS.findall(result.get("counts", "")):
            word = "failed" if word.startswith("error") else word
            if word in totals:
                totals[word] += int(number)
    print("\ntest-matrix summary")
    print("| combination | result | detail |")
    print("|---|---|---|")
    for result in results:
        print(f"| {result['name']} | {result['result']} | {result['detail']} |")
    ran = [r for r in results if r["result"] != "skipped"]
    failed = [r for r in ran if r["result"] != "passed"]
    print(f"{len(ran)} of {len(results)} combinations ran, {len(failed)} failed, "
          f"{len(results) - len(ran)} skipped (named above with the reason).")
    print(f"test-matrix: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
