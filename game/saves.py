"""One worker thread for every file the game reads or writes while it runs: scores, settings, history.

:meth:`Saves.submit` queues ``work`` for the worker (one thread, so files are written in the order
asked); what ``work`` returns comes back to the game thread, where the loop applies it each frame
(:meth:`Saves.drain`) by calling ``then(result)``.  The worker only runs ``work``: nothing the loop
reads is written by it, and no file lock is ever taken on the game thread (a slow disk or a lock
held by another game never stalls a frame).

:class:`Scores` reads and saves the high-score table this way; a screen that needs the table asks
for it and shows "Reading the scores…" until it comes back.
"""

from __future__ import annotations

import queue
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from game.core.scores import Entry, SaveResult, ScoreStore, Table

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import Future, ThreadPoolExecutor

T = TypeVar("T")
Then = Callable[[Any], None] | None  # what is done with a result on the game thread


class Saves:
    """The one worker and the results waiting for the game thread."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None  # the worker, started on the first piece of work
        self._done: queue.SimpleQueue[tuple[Future, Then]] = queue.SimpleQueue()
        self._pending = 0  # asked for and not yet applied (game thread only)

    def submit(self, work: Callable[[], T], then: Callable[[T], None] | None = None) -> None:
        """Run ``work()`` on the worker; ``then(its result)`` later on the game thread (see :meth:`drain`)."""
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor  # on the first piece of work: not at start-up

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="save")
        self._pending += 1
        future = self._pool.submit(work)
        future.add_done_callback(lambda done: self._done.put((done, then)))  # the queue is the only hand-over

    @property
    def busy(self) -> bool:
        """Whether some work has not come back yet."""
        return self._pending > 0

    def drain(self) -> bool:
        """Apply every result that has come back (the game thread, each frame); whether any did."""
        applied = False
        while True:
            try:
                future, then = self._done.get_nowait()
            except queue.Empty:
                return applied
            self._apply(future, then)
            applied = True

    def wait(self) -> None:
        """Wait for everything asked for so far (and what its results ask for) and apply it: the end
        of a run, and tests that check what a save did."""
        while self._pending:
            self._apply(*self._done.get())

    def close(self) -> None:
        self.wait()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _apply(self, future: Future, then: Then) -> None:
        self._pending -= 1
        result = future.result()  # a bug in ``work`` shows here, on the game thread
        if then is not None:
            then(result)


def report_error(error: str | None) -> None:
    """What a save of the settings or the history returns: a message for the terminal, or ``None``."""
    if error:
        print(f"mi-trivia: {error}", file=sys.stderr)


class Scores:
    """The high-score table, read and saved on the worker (see the module's notes)."""

    def __init__(self, store: ScoreStore, saves: Saves) -> None:
        self.store = store
        self.saves = saves
        self.notices: list[str] = []  # what was wrong with the file, each said once

    def read(self, then: Callable[[Table], None]) -> None:
        """Read the table (an unreadable file is kept aside); ``then(table)`` on the game thread."""
        store = self.store

        def done(result) -> None:
            self._note(result)
            then(result.table)

        self.saves.submit(lambda: store.read(repair=True), done)

    def save(self, entries: Sequence[Entry], then: Callable[[list[SaveResult]], None],
             remember_name: bool = False) -> None:
        """Save ``entries`` one after another; ``then(their SaveResults)`` on the game thread.
        ``remember_name``: offer the name again next time (one-player games)."""
        store, entries = self.store, list(entries)

        def done(results: list[SaveResult]) -> None:
            for entry, result in zip(entries, results, strict=True):
                self._note(result)
                if not result.saved:
                    print(f"mi-trivia: the score of {entry.name} could not be saved: {result.error}",
                          file=sys.stderr)
            then(results)

        self.saves.submit(lambda: [store.save(entry, remember_name=remember_name) for entry in entries], done)

    def _note(self, result) -> None:
        notes = []
        if result.kept_aside is not None:
            notes.append(f"The score file could not be read ({result.unreadable}); it was kept as "
                         f"{result.kept_aside} and a fresh table started.")
        elif result.unreadable:
            notes.append(f"The score file could not be read: {result.unreadable}.")
        notes.extend(f"Score file: {w}." for w in result.warnings)
        for note in notes:
            if note not in self.notices:
                self.notices.append(note)
                print(f"mi-trivia: {note}", file=sys.stderr)
