"""Where the game's files live: the bundled data, and the player's own folders.

Nothing here touches the disk at import time; folders are created only by the
code that writes into them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "mi-trivia"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_file(*parts: str) -> Path:
    """A file shipped with the game (``questions.yaml``, ``assets/...``).

    In a wheel the files sit in ``game/_data``; in a source checkout (and an
    editable install) they sit at the top of the repository.
    """
    bundled = _PACKAGE_DIR.joinpath("_data", *parts)
    if bundled.exists():
        return bundled
    return _PACKAGE_DIR.parent.joinpath(*parts)


def default_bank() -> Path:
    return data_file("questions.yaml")


def asset(*parts: str) -> Path:
    return data_file("assets", *parts)


@dataclass(frozen=True)
class UserPaths:
    data_dir: Path
    config_dir: Path

    @property
    def scores(self) -> Path:
        return self.data_dir / "scores.json"

    @property
    def history(self) -> Path:
        """The questions asked lately, so new games ask fresh ones first."""
        return self.data_dir / "history.json"

    @property
    def questions_dir(self) -> Path:
        return self.data_dir / "questions"

    @property
    def settings(self) -> Path:
        return self.config_dir / "settings.json"


def user_paths() -> UserPaths:
    """The platformdirs folders, overridable with MI_TRIVIA_HOME (used by tests)."""
    home = os.environ.get("MI_TRIVIA_HOME")
    if home:
        base = Path(home)
        return UserPaths(base / "data", base / "config")
    import platformdirs

    return UserPaths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )
