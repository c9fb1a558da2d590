"""What the game keeps for good, set apart from CPython's cyclic collector.

The collector runs when enough new objects pile up, on whichever thread made the last one, and a collection
of the older generations walks every object the game still holds: the bank's questions, the text caches, a
party's room.  On the benchmark's machine that was 7 ms on the loop's thread, and 70 ms on the party server's
thread (holding the interpreter lock the loop waits for) while 200 phones answered.  :func:`settle` moves
what exists now into the generation no collection looks at (``gc.freeze``): later collections walk only what
came after.  It is called where the game has just made what it keeps: the bank once read, a party once its
server listens.  What is set apart is freed as usual when nothing refers to it (reference counting); only a
cycle among such objects would wait, and the game makes none there.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """What exists now lives as long as the game (or the party): no collection walks it again."""
    gc.freeze()
