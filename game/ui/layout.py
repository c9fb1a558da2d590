"""Fitting text into boxes, in one place: which size, which lines.

Every screen asks the same few questions: the largest size in a list at which something fits
(:func:`largest_fitting`, over a :func:`size_ladder`), text wrapped and shrunk to a box, cut with "…"
(:func:`fit_lines`) or whole (:func:`whole_lines`, :func:`wrap_to_fit`), a line shrunk to a width
(:func:`one_line`, :func:`whole_line`), a size whose line fits a height (:func:`fit_height`), the first
of several wordings that fits (:func:`first_fitting`), and several sizes shrunk together until a whole
block fits (:func:`shrink_together`).  Sizes are measured from the text as it is rendered (``Text``),
never guessed.  ``game.ui.widgets`` still offers the older names of these, for the scenes' imports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.ui.text import Text

STEP = 0.92  # each size on a ladder is about 8 % below the one before


def size_ladder(largest: int, smallest: int, step: float = STEP) -> list[int]:
    """Text sizes from ``largest`` down to ``smallest``, each about ``1 - step`` below the one before (and
    at least 1 px)."""
    sizes = [largest]
    while sizes[-1] > smallest:
        sizes.append(max(smallest, min(sizes[-1] - 1, int(sizes[-1] * step))))
    return sizes


def largest_fitting(sizes: Sequence[int], fits: Callable[[int], bool]) -> int:
    """The first (largest) of ``sizes`` that ``fits``; the last (smallest) where none does."""
    return next((size for size in sizes if fits(size)), sizes[-1])


def shrink_together(sizes: tuple[int, ...], smallest: int, fits: Callable[[tuple[int, ...]], bool],
                    step: float = STEP) -> tuple[int, ...]:
    """``sizes`` (say a headline's and a line's) each made about 8 % smaller, together, until ``fits`` says
    the whole block fits or all of them are at ``smallest``."""
    while not fits(sizes) and not all(size <= smallest for size in sizes):
        sizes = tuple(max(smallest, int(size * step)) for size in sizes)
    return sizes


def wrap_to_fit(text: Text, content: str, sizes: Sequence[int], width: int, height: int,
                bold: bool = False) -> tuple[list[str], int] | None:
    """``content`` wrapped to ``width`` at the first of ``sizes`` whose lines fit ``height``: ``(lines,
    size)``, or ``None`` where none does."""
    for size in sizes:
        lines = text.wrap(content, size, width, bold)
        if len(lines) * text.line_height(size, bold) <= height:
            return lines, size
    return None


def fit_lines(text: Text, content: str, sizes: list[int], width: int, height: int, bold: bool = False,
              max_lines: int | None = None) -> tuple[list[str], int]:
    """The largest size in ``sizes`` at which ``content`` wraps into the box; the smallest otherwise,
    its last line cut with "…"."""
    for size in sizes:
        lines = text.wrap(content, size, width, bold)
        fits = len(lines) * text.line_height(size, bold) <= height
        if fits and (max_lines is None or len(lines) <= max_lines):
            return lines, size
    size = sizes[-1]
    lines = text.wrap(content, size, width, bold)
    limit = max(1, height // text.line_height(size, bold))
    if max_lines is not None:
        limit = min(limit, max_lines)
    if len(lines) > limit:
        lines = lines[:limit]
        last = lines[-1].rstrip()
        while last and text.width(last + "…", size, bold) > width:  # the "…" never runs past the box
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    return lines, size


def whole_lines(text: Text, content: str, largest: int, smallest: int, width: int, height: int,
                bold: bool = False) -> tuple[list[str], int]:
    """``content`` wrapped at the largest size from ``largest`` down to ``smallest`` whose lines fit ``height``;
    where none does, all its lines at ``smallest`` (taller than ``height``: never cut, unlike :func:`fit_lines`)."""
    sizes = size_ladder(largest, smallest)
    return wrap_to_fit(text, content, sizes, width, height, bold) or \
        (text.wrap(content, sizes[-1], width, bold), sizes[-1])


def lines_height(text: Text, content: str, size: int, width: int, bold: bool = False) -> int:
    """The height ``content`` takes wrapped to ``width`` at ``size``."""
    return len(text.wrap(content, size, width, bold)) * text.line_height(size, bold)


def fit_height(text: Text, largest: int, smallest: int, height: int, bold: bool = False) -> int:
    """The largest size from ``largest`` down to ``smallest`` whose line fits ``height``."""
    return largest_fitting(size_ladder(largest, smallest), lambda size: text.line_height(size, bold) <= height)


def one_line(text: Text, content: str, size: int, width: int, bold: bool = False, smallest: float = 0.6) -> int:
    """The largest size from ``size`` down to ``smallest`` of it at which ``content`` fits on one line."""
    floor = max(1, int(size * smallest))
    return largest_fitting(size_ladder(size, floor), lambda s: text.width(content, s, bold) <= width)


def whole_line(text: Text, content: str, size: int, width: int, bold: bool = True) -> tuple[str, int]:
    """``content`` on one line at the largest size (down to 30 % of ``size``, never under 12 px) that holds
    it whole (a name: shrunk rather than cut); past that, cut with "…" at the smallest."""
    least = max(min(size, 12), int(size * 0.3))
    size = one_line(text, content, size, width, bold, smallest=least / size)
    lines, size = fit_lines(text, content, [size], width, text.line_height(size, bold), bold=bold, max_lines=1)
    return lines[0], size


def first_fitting(text: Text, options: Sequence[str], size: int, width: int, bold: bool = False) -> str:
    """The first of ``options`` (longest first) that fits on one line at ``size``; else the last."""
    for option in options:
        if text.width(option, size, bold) <= width:
            return option
    return options[-1]
