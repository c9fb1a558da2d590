"""The high-score table: its file format, merging, an atomic save under a lock.

The file is JSON::

    {"format": "mi-trivia-scores", "version": 1, "last_name": "ANNA",
     "entries": [{"id": "…", "board": "classic/10/1a2b3c4d", "board_label": "…",
                  "mode": "classic", "name": "ANNA", "score": 7420, "correct": 8,
                  "asked": 10, "time_s": 41.25, "date": "2026-11-23T21:04:05+00:00"}]}

Every save takes a cross-process lock (``scores.json.lock``), reads the file
again, merges the new entry in, keeps the top 10 of each board and replaces
the file in one step (a temporary file in the same folder, flushed and
fsynced, then ``os.replace``).  A file that cannot be read is never
overwritten or deleted: it is renamed beside the original and a fresh table
starts.
"""

from __future__ import annotations

import json
import math
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from filelock import BaseFileLock

FORMAT = "mi-trivia-scores"
VERSION = 1
TOP = 10
NAME_MAX = 16
LOCK_TIMEOUT = 10.0
MAX_FILE_BYTES = 16 * 1024 * 1024
_NAME_LIMIT_ON_DISK = 256


def _new_id() -> str:
    import uuid  # imported on first use: keeps it off the game's start-up

    return uuid.uuid4().hex


def whole_name(text: str) -> str:
    """A name with control characters removed and its ends trimmed, not yet cut to :data:`NAME_MAX`."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" and not 0xD800 <= ord(ch) <= 0xDFFF)
    return kept.strip()


def clean_name(text: str) -> str:
    """A player's name as saved: control characters removed, trimmed, at most 16 characters."""
    return whole_name(text)[:NAME_MAX].strip()


def name_key(name: str) -> str:
    """Names that people read as the same name have the same key: case and spacing do not count
    ("Ana", "ANA " and "ana" are one name in a game)."""
    return " ".join(clean_name(name).casefold().split())


def typed_name(text: str) -> str:
    """A name while it is being typed: control characters removed, no leading space, at most 16
    characters.  Spaces inside and at the end stay (the next letter may follow); :func:`clean_name`
    trims the end when the name is saved."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" and not 0xD800 <= ord(ch) <= 0xDFFF)
    return kept.lstrip()[:NAME_MAX]


@dataclass
class NameField:
    """A name box: typed text goes to the end; an offered name starts *selected*, so the first
    letter typed (or Backspace) replaces all of it, as in any text box."""

    value: str = ""
    selected: bool = False

    @classmethod
    def offering(cls, name: str) -> NameField:
        value = clean_name(name)
        return cls(value, selected=bool(value))

    def type(self, text: str) -> None:
        base = "" if self.selected else self.value
        self.value, self.selected = typed_name(base + text), False

    def erase(self) -> None:
        self.value = "" if self.selected else self.value[:-1]
        self.selected = False

    def select_all(self) -> None:
        self.selected = bool(self.value)

    @property
    def name(self) -> str:
        """The name as it will be saved (the ends trimmed)."""
        return clean_name(self.value)


@dataclass(frozen=True)
class Entry:
    board: str
    name: str
    score: int
    correct: int
    asked: int
    time_s: float
    date: str
    mode: str = "classic"
    board_label: str = ""
    id: str = field(default_factory=lambda: _new_id())

    def sort_key(self) -> tuple[float | str, ...]:
        # Higher score first, then the faster total time, then whoever came first.
        # Sudden death ranks by right answers in a row first.
        if self.mode == "sudden-death":
            return (-self.correct, -self.score, self.time_s, self.date, self.id)
        return (-self.score, self.time_s, self.date, self.id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "board": self.board, "board_label": self.board_label, "mode": self.mode,
            "name": self.name, "score": self.score, "correct": self.correct, "asked": self.asked,
            "time_s": self.time_s, "date": self.date,
        }


def earns_a_place(entry: Entry) -> bool:
    """Only a game with at least one right answer and some points goes on a board."""
    return entry.score > 0 and entry.correct > 0


def new_entry(board: str, board_label: str, name: str, score: int, correct: int, asked: int,
              time_s: float, mode: str = "classic", now: datetime | None = None) -> Entry:
    when = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    return Entry(board=board, board_label=board_label, name=clean_name(name) or "PLAYER", score=int(score),
                 correct=int(correct), asked=int(asked), time_s=round(float(time_s), 3), date=when, mode=mode)


def _entry_from_json(raw: object) -> Entry | str:
    """An :class:`Entry`, or a short reason why the raw entry is unusable."""
    if not isinstance(raw, dict):
        return "not an object"
    def whole(key: str) -> int | None:
        value = raw.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
    name = raw.get("name")
    if not isinstance(name, str) or not name or len(name) > _NAME_LIMIT_ON_DISK:
        return "bad name"
    if not clean_name(name):
        return "bad name"
    for key in ("board", "date"):
        if not isinstance(raw.get(key), str) or not raw[key] or len(raw[key]) > 200:
            return f"bad {key}"
    numbers = {key: whole(key) for key in ("score", "correct", "asked")}
    if None in numbers.values():
        bad = [k for k, v in numbers.items() if v is None][0]
        return f"bad {bad}"
    counts = {key: value for key, value in numbers.items() if value is not None}  # all of them, now
    time_s = raw.get("time_s")
    if isinstance(time_s, bool) or not isinstance(time_s, (int, float)) or not math.isfinite(time_s) or time_s < 0:
        return "bad time_s"
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not entry_id or len(entry_id) > 100:
        return "bad id"
    mode = raw.get("mode", "classic")
    label = raw.get("board_label", "")
    label = label if isinstance(label, str) and len(label) <= 200 else ""
    from game.core.boards import migrated  # boards of files written before stable board ids

    return Entry(board=migrated(raw["board"], label), name=clean_name(name), score=counts["score"],
                 correct=counts["correct"], asked=counts["asked"], time_s=float(time_s), date=raw["date"],
                 mode=mode if isinstance(mode, str) and len(mode) <= 50 else "classic",
                 board_label=label, id=entry_id)


@dataclass
class Table:
    entries: list[Entry] = field(default_factory=list)
    last_name: str = ""

    def boards(self) -> dict[str, list[Entry]]:
        """Each board's entries, best first (at most 10)."""
        grouped: dict[str, list[Entry]] = {}
        for entry in self.entries:
            grouped.setdefault(entry.board, []).append(entry)
        return {board: sorted(items, key=Entry.sort_key)[:TOP] for board, items in sorted(grouped.items())}

    def board(self, board: str) -> list[Entry]:
        return self.boards().get(board, [])

    def best_of(self, board: str, name: str) -> Entry | None:
        """``name``'s best entry on ``board`` (names compared ignoring case and the ends), or ``None``."""
        key = clean_name(name).casefold()
        mine = [e for e in self.entries if e.board == board and e.name.casefold() == key]
        return min(mine, key=Entry.sort_key) if key and mine else None

    def rank_of(self, entry: Entry) -> int | None:
        """1-based place ``entry`` would take on its board, or ``None`` if off the table
        (a game with no right answers or no points earns no place, even on an empty board)."""
        if not earns_a_place(entry):
            return None
        others = [e for e in self.entries if e.board == entry.board and e.id != entry.id]
        place = 1 + sum(1 for e in others if e.sort_key() < entry.sort_key())
        return place if place <= TOP else None

    def ranks_of(self, entries: list[Entry | None]) -> list[int | None]:
        """Where each entry would land, counting the others in ``entries`` too (hot-seat players
        compete with each other); ``None`` for ``None``."""
        merged = Table(self.entries + [e for e in entries if e is not None])
        return [merged.rank_of(e) if e is not None else None for e in entries]

    def merged(self, new: list[Entry]) -> Table:
        by_id = {e.id: e for e in self.entries}
        for entry in new:
            by_id[entry.id] = entry
        kept = [e for items in Table(list(by_id.values())).boards().values() for e in items]
        return Table(kept, self.last_name)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "last_name": self.last_name,
                "entries": [e.to_json() for e in self.entries]}


@dataclass
class ReadResult:
    table: Table
    warnings: list[str] = field(default_factory=list)
    kept_aside: Path | None = None  # where an unreadable file was moved
    unreadable: str | None = None  # why the file could not be read


def parse_table(data: bytes) -> tuple[Table | None, list[str], str | None]:
    """``(table, warnings, None)`` or ``(None, [], reason)`` for a file's bytes."""
    if not data.strip():
        return None, [], "the file is empty"
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None, [], "the file is not UTF-8 text"
    except (ValueError, RecursionError) as exc:
        return None, [], f"the file is not valid JSON ({str(exc)[:80]})"
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None, [], "the file is not a mi-trivia score file"
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        return None, [], "the file has no version number"
    if version > VERSION:
        return None, [], f"the file is version {version}, newer than this game understands ({VERSION})"
    items = raw.get("entries")
    if not isinstance(items, list):
        return None, [], "the file has no list of entries"
    warnings, entries, seen = [], [], set()
    for position, item in enumerate(items, start=1):
        entry = _entry_from_json(item)
        if isinstance(entry, str):
            warnings.append(f"entry {position} was dropped ({entry})")
        elif entry.id not in seen:
            seen.add(entry.id)
            entries.append(entry)
    last = raw.get("last_name")
    last = clean_name(last) if isinstance(last, str) and len(last) <= _NAME_LIMIT_ON_DISK else ""
    return Table(entries, last), warnings, None


def _keep_aside(path: Path) -> Path:
    """Rename an unreadable file beside the original, never over another file."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for n in range(1000):
        suffix = f".unreadable-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(path.name + suffix)
        if target.exists():
            continue
        try:
            os.link(path, target)  # fails rather than replacing an existing file
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            os.rename(path, target)  # no hard links here (some file systems)
            return target
        os.unlink(path)
        return target
    raise OSError(f"could not find a free name beside {path}")


class ScoreStore:
    """The score file at ``path``; every method is safe to call from many processes."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def _lock(self) -> BaseFileLock:
        from filelock import FileLock

        return FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT)

    def _read_unlocked(self, repair: bool) -> ReadResult:
        try:
            with self.path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return ReadResult(Table())
        table: Table | None
        warnings: list[str]
        reason: str | None
        if len(data) > MAX_FILE_BYTES:
            table, warnings, reason = None, [], f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
        else:
            table, warnings, reason = parse_table(data)
        if table is not None:
            return ReadResult(table, warnings)
        result = ReadResult(Table(), unreadable=reason)
        if repair:
            result.kept_aside = _keep_aside(self.path)
        return result

    def _remove_leftovers(self) -> None:
        """Temporary files of a writer that was killed mid-save (only called under the lock)."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            try:
                leftover.unlink()
            except OSError:
                pass

    def read(self, repair: bool = False) -> ReadResult:
        """The table as it is now.  With ``repair``, an unreadable file is moved aside."""
        if not repair:
            try:
                return self._read_unlocked(False)
            except OSError as exc:
                return ReadResult(Table(), unreadable=f"cannot read {self.path}: {exc.strerror or exc}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock():
                return self._read_unlocked(True)
        except OSError:
            return self.read(repair=False)
        except Exception as exc:  # filelock.Timeout
            result = self.read(repair=False)
            result.warnings.append(f"the score file is busy ({exc})")
            return result

    def save(self, entry: Entry, remember_name: bool = True) -> SaveResult:
        """Merge ``entry`` into the file under the lock; never raises for I/O trouble."""
        from filelock import Timeout

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return SaveResult(False, error=f"cannot create the folder {self.path.parent}: {exc.strerror or exc}")
        try:
            with self._lock():
                self._remove_leftovers()
                current = self._read_unlocked(True)
                table = current.table.merged([entry])
                if remember_name:
                    table.last_name = entry.name
                write_atomic(self.path, json.dumps(table.to_json(), ensure_ascii=False, indent=1) + "\n")
        except Timeout:
            return SaveResult(False, error=f"the score file {self.path} stayed locked for {LOCK_TIMEOUT:.0f} s")
        except OSError as exc:
            where = exc.filename or self.path
            return SaveResult(False, error=f"cannot write {where}: {exc.strerror or exc}")
        kept = any(e.id == entry.id for e in table.entries)
        return SaveResult(kept, rank=table.rank_of(entry) if kept else None, entry_id=entry.id,
                          error=None if kept else "the score did not make the top 10",
                          warnings=current.warnings, kept_aside=current.kept_aside, unreadable=current.unreadable)


@dataclass
class SaveResult:
    saved: bool
    rank: int | None = None
    entry_id: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    kept_aside: Path | None = None
    unreadable: str | None = None


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step; a crash leaves the old file or the new one."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if hasattr(os, "O_DIRECTORY"):
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)
