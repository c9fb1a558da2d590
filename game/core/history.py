"""The questions a player met lately, so that a new game asks fresh ones first.

The file is JSON in the data folder, beside the scores::

    {"format": "mi-trivia-history", "version": 1,
     "banks": {"3f9c0a12": ["train-speed", "country", "?which agency does ethan hunt work for?"]}}

Each bank (named by a digest of its files) keeps the keys of the questions
asked from it (:attr:`Question.key`: the fact, or the prompt), oldest first,
at most :data:`KEEP` of them; at most :data:`BANKS` banks are kept, the ones
played last.  It is written in one step like the scores (a temporary file,
fsynced, then ``os.replace``); a file that cannot be used is renamed beside
the original and the game starts a fresh history and says so.  Games with
``--seed`` neither read nor write it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "mi-trivia-history"
VERSION = 1
KEEP = 300  # keys per bank
BANKS = 20  # banks per file
MAX_KEY = 1000  # characters in one key (a prompt, at worst; longer ones are not remembered)
MAX_FILE_BYTES = 8 * 1024 * 1024  # KEEP * BANKS * MAX_KEY, with room for JSON's escapes


def bank_id(files: Iterable[str | Path]) -> str:
    """A short, stable name for the bank made of ``files`` (their resolved paths)."""
    names = sorted(str(Path(f).resolve()) for f in files)
    return hashlib.sha1("\n".join(names).encode("utf-8", "surrogatepass")).hexdigest()[:12]


@dataclass
class History:
    """``banks`` maps a bank's id to its keys, oldest first; the last bank played is last."""

    banks: dict[str, list[str]] = field(default_factory=dict)

    def recent(self, bank: str) -> list[str]:
        return list(self.banks.get(bank, ()))

    def remember(self, bank: str, keys: Iterable[object]) -> None:
        """Add ``keys`` (in the order asked) as the newest of ``bank``; the oldest drop off."""
        new = list(dict.fromkeys(k for k in keys if isinstance(k, str) and 0 < len(k) <= MAX_KEY))
        again = set(new)
        kept = [k for k in self.banks.pop(bank, []) if k not in again]
        self.banks[bank] = (kept + new)[-KEEP:]
        while len(self.banks) > BANKS:
            del self.banks[next(iter(self.banks))]

    def copy(self) -> History:
        return History({bank: list(keys) for bank, keys in self.banks.items()})

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "banks": self.banks}


def parse_history(data: bytes) -> tuple[History | None, str | None]:
    """``(history, None)``, or ``(None, reason)`` when the bytes are not a history file."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "it is not UTF-8 text"
    except (ValueError, RecursionError):
        return None, "it is not valid JSON"
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None, "it is not a mi-trivia history file"
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
        return None, f"its version ({version!r}) is not one this game understands"
    banks = raw.get("banks")
    if not isinstance(banks, dict):
        return None, "it has no 'banks' mapping"
    history = History()
    for name, keys in list(banks.items())[-BANKS:]:
        if not isinstance(keys, list):
            return None, f"bank {str(name)[:20]!r} is not a list of keys"
        good = [k for k in keys if isinstance(k, str) and 0 < len(k) <= MAX_KEY]
        if len(good) != len(keys):
            return None, f"bank {str(name)[:20]!r} holds something that is not a question key"
        history.banks[name] = list(dict.fromkeys(good))[-KEEP:]
    return history, None


@dataclass
class ReadResult:
    history: History
    problem: str | None = None  # why the file could not be used
    kept_aside: Path | None = None

    @property
    def message(self) -> str | None:
        if self.problem is None:
            return None
        if self.kept_aside is not None:
            return (f"The question history could not be used ({self.problem}); it was kept as "
                    f"{self.kept_aside.name} and a fresh one started.")
        return f"The question history could not be used ({self.problem}); a fresh one started."


def load(path: Path) -> ReadResult:
    """The saved history; a file that cannot be used is moved aside (never lost)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return ReadResult(History())
    except OSError as exc:
        return ReadResult(History(), f"cannot read {path}: {exc.strerror or exc}")
    history: History | None
    problem: str | None
    if len(data) > MAX_FILE_BYTES:
        history, problem = None, f"it is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
    else:
        history, problem = parse_history(data)
    if history is not None:
        return ReadResult(history)
    from game.core.scores import _keep_aside

    try:
        kept = _keep_aside(path)
    except OSError:
        kept = None
    return ReadResult(History(), problem, kept)


def save(path: Path, history: History) -> str | None:
    """Write the history in one step; a message if that failed (never raises for I/O)."""
    from game.core.scores import write_atomic

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(history.to_json(), ensure_ascii=False) + "\n")
    except OSError as exc:
        return f"cannot save the question history in {exc.filename or path}: {exc.strerror or exc}"
    return None
