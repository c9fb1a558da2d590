"""Test set-up: no real window, no sound device, no writes to the player's folders."""

import os
import sys
from pathlib import Path

# Before anything imports pygame.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """Every test gets its own data and config folders."""
    monkeypatch.setenv("MI_TRIVIA_HOME", str(tmp_path / "home"))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def naughty_strings() -> list[str]:
    """The Big List of Naughty Strings (MIT), split on newlines only, comments dropped."""
    text = (FIXTURES / "naughty" / "blns.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if not line.startswith("#")]


def run_cli(*args, env=None, cwd=None, timeout=120):
    """Run ``python -m game`` in a child process."""
    import subprocess

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=timeout)
