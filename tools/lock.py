"""Refresh the lock files in requirements/ to the newest releases and say what changed.

Usage: python tools/lock.py UV   (``make lock`` installs uv into .tools/ and runs this)

Every file is a universal lock (Python 3.10 to 3.13, any OS) with a hash for every
file of every pinned release, made by ``uv pip compile --universal --generate-hashes``.
All of them are cut from one resolution, so a package pinned in two files is pinned
to the same release in both:

    build.txt          pip and the build backend (hatchling, editables), for the editable install
    game.txt           what the game needs, except pygame itself
    test.txt           that, and the test tools
    browser.txt        that, and selenium (make test-browser)
    pygame.txt         pygame                   } one of these two goes with each of the
    pygame-ce.txt      pygame-ce                } files above: both install as `import pygame`
    pyyaml-oldest.txt  the oldest PyYAML pyproject.toml allows (the matrix's oldest-PyYAML leg)
    tools.txt          uv, which makes these files
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "requirements"
PYPROJECT = "pyproject.toml"
COMMON = ["--universal", "--python-version", "3.10", "--generate-hashes", "--upgrade", "--quiet",
          "--custom-compile-command", "make lock"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def pins(path: Path) -> dict[str, str]:
    """{'name (marker)': version} for one lock file (empty if it does not exist yet)."""
    found = {}
    label = " (the oldest allowed)" if path.stem == "pyyaml-oldest" else ""
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            match = PIN.match(line)
            if match:
                name, version, marker = match.groups()
                found[name.lower() + (f" ({marker})" if marker else "") + label] = version
    return found


def oldest_pyyaml() -> str:
    text = (ROOT / PYPROJECT).read_text(encoding="utf-8")
    match = re.search(r'"PyYAML>=([0-9.]+)"', text)
    if match is None:
        sys.exit("pyproject.toml has no lowest PyYAML ('PyYAML>=X') for the oldest-PyYAML lock")
    return match.group(1)


def compile_locks(uv: str) -> None:
    def run(*args: str) -> None:
        subprocess.run([uv, "pip", "compile", *args, *COMMON], cwd=ROOT, check=True)

    # The inputs live at a fixed place in the checkout so that the lock files' "via" notes do not change.
    inputs = Path(".tools/lock-inputs")
    (ROOT / inputs).mkdir(parents=True, exist_ok=True)
    wanted = {"build.in": "pip\nhatchling>=1.18\neditables\n",  # editables: hatchling's editable install
              "pygame.in": "pygame\n", "pygame-ce.in": "pygame-ce\n",
              "pyyaml-oldest.in": f"PyYAML=={oldest_pyyaml()}\n", "tools.in": "uv\n"}
    for name, text in wanted.items():
        (ROOT / inputs / name).write_text(text)
    everything = str(inputs / "all.txt")
    # One resolution of everything; the files below are cut from it with -c.
    run(PYPROJECT, str(inputs / "build.in"), str(inputs / "pygame.in"), "--extra", "test", "--extra", "browser",
        "-o", everything)
    same = ["-c", everything]
    run(str(inputs / "build.in"), *same, "-o", "requirements/build.txt")
    run(PYPROJECT, "--no-emit-package", "pygame", *same, "-o", "requirements/game.txt")
    run(PYPROJECT, "--extra", "test", "--no-emit-package", "pygame", *same, "-o", "requirements/test.txt")
    run(PYPROJECT, "--extra", "test", "--extra", "browser", "--no-emit-package", "pygame", *same,
        "-o", "requirements/browser.txt")
    run(str(inputs / "pygame.in"), *same, "-o", "requirements/pygame.txt")
    run(str(inputs / "pygame-ce.in"), "-o", "requirements/pygame-ce.txt")
    run(str(inputs / "pyyaml-oldest.in"), "-o", "requirements/pyyaml-oldest.txt")
    run(str(inputs / "tools.in"), "-o", "requirements/tools.txt")


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    LOCKS.mkdir(exist_ok=True)
    files = ["build", "game", "test", "browser", "pygame", "pygame-ce", "pyyaml-oldest", "tools"]
    before = {}
    for name in files:
        before.update(pins(LOCKS / f"{name}.txt"))
    compile_locks(sys.argv[1])
    after = {}
    for name in files:
        after.update(pins(LOCKS / f"{name}.txt"))
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old != new:
            changes.append(f"  {key}: {old or '(new)'} -> {new or '(gone)'}")
    if changes:
        print("The lock changed:")
        print("\n".join(changes))
        print("Run `make test` and `make test-matrix` on it before committing requirements/.")
    else:
        print("The lock is up to date: nothing newer was released.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
