"""What ``mi-trivia preview FILE`` shows, without pygame: the file's questions in the order they are written,
each with every variant the game makes of it, the file's messages beside the question they concern, and the
file watched for saves.

An :class:`Entry` is one item of the file's ``questions`` or ``facts`` list: a hand-written question (one
variant) or a fact (each question it makes is a variant: its multiple-choice prompts, the estimate, the
true/false statements, the typed answer).  An item with a problem makes no question; it is still an entry,
with its messages, so the author sees it in its place.  Messages outside every item (a bad top level, the
file's fairness warnings) are the file's own.

:class:`Preview` reads the file (as ``mi-trivia validate`` does, warnings included), keeps the last good
questions when a save cannot be read, and :meth:`Preview.poll` reads it again when its modification time or
size (or one of its pictures') changes, staying on the same question (by its key, else by its place).  Time
comes from the caller (any clock), so tests step it by hand.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from game.core import yamldoc
from game.core.model import Problem, Question

POLL_SECONDS = 0.3  # how often the file is looked at: a save shows well within a second
SIZES = ((800, 600), (1280, 720), (1920, 1080))
TEXT_SCALES = (1.0, 1.5, 2.0)
THEMES = ("default", "high-contrast")
PHASES = ("question", "feedback")
LISTS = ("questions", "facts")
PICTURE_LINE = re.compile(r"^[ \t-]*image:[ \t]*([^#\n]+)", re.MULTILINE)  # a picture named in the file
# What is watched: the file's (modification time in ns, size) and each of its pictures' (None: not there).
Stamp = tuple[tuple[int, int], tuple[tuple[int, int] | None, ...]]


@dataclass(frozen=True)
class Note:
    """One of ``validate``'s messages: an error (the item is not played) or a warning (it still is)."""

    line: int
    column: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass
class Entry:
    """One item of the file: its variants (none when it has a problem) and its messages."""

    line: int
    variants: list[Question] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def key(self) -> str:
        """What it is known by across saves: its fact or prompt (a broken item: where it starts)."""
        return self.variants[0].key if self.variants else f"@{self.line}"

    @property
    def playable(self) -> bool:
        return bool(self.variants)

    @property
    def errors(self) -> list[Note]:
        return [n for n in self.notes if not n.warning]

    @property
    def warnings(self) -> list[Note]:
        return [n for n in self.notes if n.warning]


@dataclass
class Loaded:
    """One reading of the file: its entries in file order and the messages outside every item."""

    entries: list[Entry]
    file_notes: list[Note]


def source_line(question: Question) -> int:
    """The line a question was read from (its ``source`` is ``path:line``)."""
    try:
        return int(question.source.rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return 0


def item_lines(text: str) -> list[tuple[int, int]]:
    """Where each item of the ``questions`` and ``facts`` lists starts and where the next thing starts
    (``(start, end)``, ``end`` exclusive; the last one runs to the end of the file)."""
    try:
        root = yamldoc.parse(text)
    except yamldoc.YamlProblem:
        return []
    if root is None or root.kind != "map":
        return []
    starts: list[tuple[int, bool]] = []  # (line, is an item): top-level keys end the items above them
    for key, value in root.value:
        starts.append((key.line, False))
        if key.kind == "scalar" and key.value in LISTS and value.kind == "seq":
            starts.extend((item.line, True) for item in value.value)
    starts.sort()
    out = []
    for i, (line, is_item) in enumerate(starts):
        if is_item:
            end = next((later for later, _ in starts[i + 1:] if later > line), 10**9)
            out.append((line, end))
    return out


def arrange_entries(text: str, questions: list[Question], problems: list[Problem], warnings: list[Problem]) -> Loaded:
    """The file's questions and messages as entries (see the module's notes)."""
    spans = item_lines(text)
    by_start: dict[int, Entry] = {start: Entry(start) for start, _ in spans}
    loose: dict[str, Entry] = {}  # questions outside every item (an order question made from a group)

    starts = [start for start, _ in spans]  # in order: the item holding a line is found by bisection

    def entry_at(line: int) -> Entry | None:
        at = bisect.bisect_right(starts, line) - 1
        if at >= 0 and line < spans[at][1]:
            return by_start[spans[at][0]]
        return None

    for question in questions:
        line = source_line(question)
        entry = entry_at(line)
        if entry is None:
            entry = loose.setdefault(question.key, Entry(line))
        entry.variants.append(question)
    file_notes: list[Note] = []
    for problem, warning in [(p, False) for p in problems] + [(w, True) for w in warnings]:
        note = Note(problem.line, problem.column, problem.message, warning)
        entry = entry_at(problem.line)
        (entry.notes if entry is not None else file_notes).append(note)
    entries = [e for e in by_start.values() if e.variants or e.notes] + list(loose.values())
    entries.sort(key=lambda e: e.line)
    for entry in entries:
        entry.notes.sort(key=lambda n: (n.line, n.column))
    file_notes.sort(key=lambda n: (n.line, n.column))
    return Loaded(entries, file_notes)


def load(path: Path, seed: int = 0) -> tuple[Loaded | None, str | None]:
    """Read ``path`` as ``validate`` does: ``(loaded, None)``, or ``(None, why)`` when it cannot be read at
    all (missing, not YAML): then the last good questions stay on screen."""
    from game.core.questions import UnreadablePath, load_files, read_text

    try:
        bank = load_files([path], seed, giveaways=True)
    except UnreadablePath as exc:
        return None, str(exc)
    if bank.unread:
        why = "; ".join(f"{p.line}:{p.column}: {p.message}" for p in bank.problems) or "the file cannot be read"
        return None, why
    try:
        text = read_text(path)
    except (UnreadablePath, yamldoc.YamlProblem) as exc:  # changed again meanwhile: the next poll reads it
        return None, str(exc)
    return arrange_entries(text, bank.questions, bank.problems, bank.warnings), None


class Preview:
    """The file, what was last read well from it, and which question and how it is shown."""

    def __init__(self, path: Path, seed: int = 0) -> None:
        self.path = Path(path)
        self.seed = seed
        self.entries: list[Entry] = []
        self.file_notes: list[Note] = []
        self.error: str | None = None  # why the last save could not be read (the last good questions stay)
        self.loads = 0  # good readings so far
        self.index = 0
        self.variant = 0
        self.phase = "question"
        self.size = 1  # indices into SIZES (1280x720 first, the game's own), TEXT_SCALES and THEMES
        self.scale = 0
        self.theme = 0
        self._stamp: Stamp | None = None
        self._polled: float | None = None
        self.pictures: list[str] = []  # the pictures the questions show: watched too

    # -- reading and watching ---------------------------------------------------------------------
    def stamp(self) -> Stamp | None:
        """The file's modification time and size, and its pictures' (``None``: the file is not there)."""
        try:
            info = self.path.stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size), self._picture_stamps()

    def _picture_stamps(self) -> tuple[tuple[int, int] | None, ...]:
        out: list[tuple[int, int] | None] = []
        for picture in self.pictures:
            try:
                info = os.stat(picture)
                out.append((info.st_mtime_ns, info.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def reload(self) -> bool:
        """Read the file now; ``True`` when something changed on screen (questions or the message)."""
        before = self.stamp()
        loaded, why = load(self.path, self.seed)
        if loaded is None:
            self._stamp = before
            changed = why != self.error
            self.error = why
            return changed
        key = self.current.key if self.current is not None else None
        variant_key = self.shown.prompt if self.shown is not None else None
        self.entries, self.file_notes, self.error = loaded.entries, loaded.file_notes, None
        self.pictures = sorted({q.image for e in self.entries for q in e.variants if q.image is not None}
                               | self._named_pictures())
        self._stamp = (before[0], self._picture_stamps()) if before is not None else None
        self.loads += 1
        self._stay(key, variant_key)
        return True

    def _named_pictures(self) -> set[str]:
        """Every picture the file names, found or not: one refused as missing is watched too, so the preview
        reads the file again when the author draws it."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return set()
        named = (m.group(1).strip().strip("'\"") for m in PICTURE_LINE.finditer(text))
        return {str(self.path.parent / n) for n in named if n and "://" not in n}

    def poll(self, now: float) -> bool:
        """Look at the file at most every :data:`POLL_SECONDS`; read it again when it was saved."""
        if self._polled is not None and now - self._polled < POLL_SECONDS:
            return False
        self._polled = now
        stamp = self.stamp()
        if stamp == self._stamp:
            return False
        if stamp is None:  # gone (an editor renaming its copy over it): say so, keep the questions
            self._stamp = None
            why = f"{self.path}: no such file (waiting for it to be saved again)"
            changed, self.error = why != self.error, why
            return changed
        return self.reload()

    def _stay(self, key: str | None, variant_key: str | None) -> None:
        """After a reading: the same question (by key, else by place), the same variant if it is still there."""
        keys = [e.key for e in self.entries]
        if key is not None and key in keys:
            self.index = keys.index(key)
        self.index = min(self.index, max(len(self.entries) - 1, 0))
        variants = self.current.variants if self.current is not None else []
        prompts = [q.prompt for q in variants]
        if variant_key in prompts and prompts.count(variant_key) == 1:
            self.variant = prompts.index(variant_key)
        self.variant = min(self.variant, max(len(variants) - 1, 0))
        if self.current is None or not self.current.playable:
            self.phase = "question"

    # -- what is shown --------------------------------------------------------------------------
    @property
    def current(self) -> Entry | None:
        return self.entries[self.index] if self.entries else None

    @property
    def shown(self) -> Question | None:
        """The variant on screen (``None``: an item with a problem, or no questions at all)."""
        entry = self.current
        return entry.variants[self.variant] if entry is not None and entry.variants else None

    @property
    def look(self) -> tuple[tuple[int, int], float, str]:
        """The window size, the text scale and the theme."""
        return SIZES[self.size], TEXT_SCALES[self.scale], THEMES[self.theme]

    # -- the keys ---------------------------------------------------------------------------------
    def step(self, by: int) -> bool:
        """The next (``by`` 1) or previous (-1) question; 2 / -2: the last / the first."""
        if not self.entries:
            return False
        last = len(self.entries) - 1
        index = {2: last, -2: 0}.get(by, min(max(self.index + by, 0), last))
        if index == self.index:
            return False
        self.index, self.variant, self.phase = index, 0, "question"
        return True

    def next_variant(self, by: int = 1) -> bool:
        entry = self.current
        if entry is None or len(entry.variants) < 2:
            return False
        self.variant = (self.variant + by) % len(entry.variants)
        return True

    def toggle_phase(self) -> bool:
        if self.shown is None:
            return False
        self.phase = "feedback" if self.phase == "question" else "question"
        return True

    def cycle(self, what: str) -> None:
        """The next window size ("size"), text scale ("scale") or theme ("theme")."""
        count = {"size": len(SIZES), "scale": len(TEXT_SCALES), "theme": len(THEMES)}[what]
        setattr(self, what, (getattr(self, what) + 1) % count)

    def status(self, short: bool = False) -> str:
        """The preview's own line: where we are and how it is shown (``short``: in fewer words)."""
        (w, h), scale, theme = self.look
        entry = self.current
        if entry is None:
            where = "no questions"
        else:
            where = f"q {self.index + 1}/{len(self.entries)}" if short else \
                f"question {self.index + 1}/{len(self.entries)} (line {entry.line})"
            if len(entry.variants) > 1:
                kind = entry.variants[self.variant].kind
                where += f" · v {self.variant + 1}/{len(entry.variants)} {kind}" if short else \
                    f" · variant {self.variant + 1}/{len(entry.variants)} ({kind})"
        return f"{where} · {self.phase} · {w}×{h} · {'' if short else 'text '}{round(scale * 100)} % · {theme}"


def slug(text: str, most: int = 32) -> str:
    """The first words of ``text`` fit for a file name, at most ``most`` characters (at least one word)."""
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > most:
            break
        out = f"{out}-{word}" if out else word[:most]
    return out or "question"


def shot_name(number: int, variant: int, question: Question, phase: str, size: tuple[int, int], scale: float,
              theme: str) -> str:
    """A screenshot's file name: which question and variant, the phase, and the look, e.g.
    ``q03-v2-truefalse-feedback-800x600-text200-high-contrast-the-train-fell.png``."""
    return (f"q{number:02d}-v{variant}-{question.kind}-{phase}-{size[0]}x{size[1]}-text{round(scale * 100)}-{theme}"
            f"-{slug(question.prompt)}.png")
