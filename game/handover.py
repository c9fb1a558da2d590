"""Work on a thread beside the loop (reading the bank, making the sound effects): while any runs, the
interpreter hands its lock over every half millisecond, not every 5 (its default).

The loop lets go of the lock at every blit and flip; to get it back it waits for the other thread to
reach its next hand-over, so a frame of forty blits beside a busy thread could wait 200 ms at the default.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

INTERVAL = 0.0005

_lock = threading.Lock()
_running = 0
_before = 0.005


@contextmanager
def beside_the_loop() -> Iterator[None]:
    global _running, _before
    with _lock:
        if _running == 0:
            _before = sys.getswitchinterval()
            sys.setswitchinterval(min(_before, INTERVAL))
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                sys.setswitchinterval(_before)
