"""The question bank, read once the first frame is on screen: the title shows at once and its counts a moment later.

:class:`LazyBank` stands for a :class:`~game.core.questions.Bank`: :meth:`start` reads it on a thread of its
own (the loop calls it after its first frame); anything that asks for the bank before then waits for it (or
reads it then and there when nothing started it).  ``ready`` says whether it is in, without waiting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from game.memory import settle


class LazyBank:
    def __init__(self, load: Callable[[], Any], on_loaded: Callable[[Any], None] | None = None) -> None:
        """``load()`` returns the bank; ``on_loaded(bank)`` runs once it is in (on the thread that read it)."""
        self._load = load
        self._on_loaded = on_loaded
        self._bank: Any = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._bank is not None

    def start(self) -> None:
        """Read the bank on a thread of its own (once)."""
        with self._lock:
            if self._thread is not None or self._bank is not None:
                return
            self._thread = threading.Thread(target=self._read, name="bank", daemon=True)
            self._thread.start()

    def _read(self) -> None:
        from game.handover import beside_the_loop

        try:
            with beside_the_loop():  # the loop keeps drawing smoothly meanwhile (game/handover.py)
                bank = self._load()
        except BaseException as exc:  # handed to whoever asks for the bank
            self._error = exc
            return
        if self._on_loaded is not None:
            self._on_loaded(bank)
        self._bank = bank
        settle()  # the bank lasts the game: later collections skip it (game/memory.py)

    def get(self) -> Any:
        """The bank, waiting for it (or reading it now) if it is not in yet."""
        if self._bank is None:
            with self._lock:
                thread = self._thread
                if thread is None:
                    self._thread = threading.current_thread()
            if thread is None:
                self._read()
            elif thread is not threading.current_thread():
                thread.join()
            if self._error is not None:
                raise self._error
        return self._bank

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)
