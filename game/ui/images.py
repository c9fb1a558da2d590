"""Pictures in questions: loaded once and scaled off the frame, drawn in a box with their description.

:class:`Pictures` (``ctx.pictures``) owns one worker thread.  A scene asks for a picture at a size;
the worker decodes the file (once: the decoded picture is kept, at most :data:`KEEP_SIDE` on a side)
and scales it, both of which let other threads run, and hands the result back through a queue.  The
game thread drains that queue once a frame (:meth:`Pictures.pump`), converts each scaled picture to
the window's format (a small picture: well under a millisecond) and keeps it by size.  Until then
the box shows a placeholder with the picture's description; nothing on the frame ever waits for a
file.  A run that only takes screenshots (``sync``) loads on the spot, so its pictures are whole.

:func:`place_picture` is the one call a scene makes to lay out a question with a picture: it finds
the tallest picture under which the scene's own layout of the prompt and answers still keeps its text
size, lays the scene out under it and returns a :class:`PictureSlot` to draw (a question without a
picture is laid out exactly as before, and its slot draws nothing).
"""

from __future__ import annotations

import os
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pygame

from game.core.pictures import PictureProblem, read_size
from game.ui.record import note_box
from game.ui.widgets import blit_lines

KEEP_SIDE = 2048      # a decoded picture is kept at most this large on a side (a 4000x3000 photo shrinks)
KEEP_DECODED = 4      # decoded pictures kept by the worker
KEEP_SCALED = 32      # scaled, converted pictures kept by the game thread
WORKER_NICE = 5       # the worker's niceness, where threads have their own
MOST_ENLARGED = 2.0   # a small picture is drawn at most twice its size
KEEP_TEXT = 0.8       # with a picture, the prompt keeps at least this much of its size (or of the body size)
SHARES = (0.46, 0.4, 0.34, 0.28, 0.22, 0.17, 0.12)  # of the room, tried for the picture's height, largest first


class Pictures:
    """Each picture decoded once and scaled once per size, off the game thread."""

    def __init__(self, sync: bool = False):
        self.sync = sync
        self._asked: queue.Queue = queue.Queue()
        self._done: queue.Queue = queue.Queue()
        self._scaled: OrderedDict[tuple[str, tuple[int, int]], pygame.Surface] = OrderedDict()
        self._waiting: set[tuple[str, tuple[int, int]]] = set()
        self._sizes: dict[str, tuple[int, int] | None] = {}
        self.failed: dict[str, str] = {}  # path -> why it could not be drawn (it was checked, but files change)
        self._decoded: OrderedDict[str, pygame.Surface] = OrderedDict()  # the worker's own
        self._thread: threading.Thread | None = None
        self.loads = 0  # files decoded (for tests)

    # -- asked on the game thread ----------------------------------------------------------------
    def size_of(self, path: str) -> tuple[int, int] | None:
        """The picture's size in pixels, from its header (never decoded here); ``None`` if unreadable."""
        if path not in self._sizes:
            try:
                with open(path, "rb") as handle:
                    _, width, height = read_size(handle, Path(path).name)
                self._sizes[path] = (width, height)
            except (OSError, PictureProblem) as exc:
                self._sizes[path] = None
                self.failed[path] = str(exc)
        return self._sizes[path]

    def get(self, path: str, size: tuple[int, int]) -> pygame.Surface | None:
        """The picture scaled to ``size``, or ``None`` while the worker makes it (it is asked for once)."""
        key = (path, (max(int(size[0]), 1), max(int(size[1]), 1)))
        image = self._scaled.get(key)
        if image is not None:
            self._scaled.move_to_end(key)
            return image
        if path in self.failed:
            return None
        if self.sync:
            self._finish(key, *self._make(key))
            return self._scaled.get(key)
        if key not in self._waiting:
            self._waiting.add(key)
            self._start()
            self._asked.put(key)
        return None

    def stand_in(self, path: str, size: tuple[int, int]) -> pygame.Surface | None:
        """While the picture is scaled to a new size (the window or the text size changed): one of its other
        sizes, stretched quickly (small, so well under a millisecond), rather than the placeholder."""
        near = next((image for (other, _), image in reversed(self._scaled.items()) if other == path), None)
        return pygame.transform.scale(near, size) if near is not None else None

    def loading(self) -> bool:
        return bool(self._waiting)

    def pump(self) -> bool:
        """Take in what the worker finished (once a frame); ``True`` when a picture arrived (redraw)."""
        arrived = False
        while True:
            try:
                key, image, problem = self._done.get_nowait()
            except queue.Empty:
                return arrived
            self._finish(key, image, problem)
            arrived = True

    def wait(self, timeout: float = 10.0) -> None:
        """Block until every asked picture is in (tests and tools only; never on a frame)."""
        while self._waiting:
            key, image, problem = self._done.get(timeout=timeout)
            self._finish(key, image, problem)

    def close(self) -> None:
        if self._thread is not None:
            self._asked.put(None)
            self._thread.join(timeout=2)
            self._thread = None

    def _finish(self, key, image, problem) -> None:
        self._waiting.discard(key)
        if problem is not None:
            self.failed[key[0]] = problem
            return
        try:
            image = image.convert_alpha() if image.get_flags() & pygame.SRCALPHA else image.convert()
        except pygame.error:  # no window (a tool): kept as it is
            pass
        self._scaled[key] = image
        while len(self._scaled) > KEEP_SCALED:
            self._scaled.popitem(last=False)

    # -- the worker ------------------------------------------------------------------------------
    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="pictures", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        try:  # below the game thread: on a busy machine the frames come first (Linux: per thread)
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICE)
        except (AttributeError, OSError):
            pass
        while True:
            key = self._asked.get()
            if key is None:
                return
            self._done.put((key, *self._make(key)))

    def _make(self, key) -> tuple[pygame.Surface | None, str | None]:
        path, size = key
        try:
            source = self._decoded.get(path)
            if source is None:
                source = pygame.image.load(path)
                self.loads += 1
                width, height = source.get_size()
                if max(width, height) > KEEP_SIDE:
                    factor = KEEP_SIDE / max(width, height)
                    source = pygame.transform.smoothscale(
                        source if source.get_bitsize() in (24, 32) else source.convert(24),
                        (max(1, round(width * factor)), max(1, round(height * factor))))
                self._decoded[path] = source
                while len(self._decoded) > KEEP_DECODED:
                    self._decoded.popitem(last=False)
            else:
                self._decoded.move_to_end(path)
            if source.get_bitsize() not in (24, 32):
                source = source.convert(24) if not source.get_flags() & pygame.SRCALPHA else source.convert(32)
            return pygame.transform.smoothscale(source, size), None
        except (pygame.error, OSError, ValueError, MemoryError) as exc:
            return None, f"cannot draw {Path(path).name}: {exc}"


def caption(ctx, alt: str, width: int) -> tuple[list[str], int, int]:
    """The description under a picture: ``(lines, size, height with the gap above)``; smaller when long."""
    m, t, text = ctx.metrics, ctx.theme, ctx.text
    size = m.px(t.small)
    lines = text.wrap(alt, size, width)
    if len(lines) > 2:
        size = max(10, int(size * 0.85))
        lines = text.wrap(alt, size, width)
    return lines, size, len(lines) * text.line_height(size) + m.px(4)


def fitted(picture: tuple[int, int], box: pygame.Rect) -> pygame.Rect:
    """The largest rect of ``picture``'s proportions inside ``box`` (at most :data:`MOST_ENLARGED` times its
    size), centred at the top of the box."""
    width, height = picture
    factor = min(box.width / width, box.height / height, MOST_ENLARGED)
    w, h = max(1, int(width * factor)), max(1, int(height * factor))
    return pygame.Rect(box.centerx - w // 2, box.top, w, h)


class PictureSlot:
    """Where a question's picture is drawn (``frame``: the picture and its description) and how."""

    def __init__(self, ctx, path: str | None = None, alt: str = "", frame: pygame.Rect | None = None,
                 describe: bool = False):
        self.ctx = ctx
        self.path = path
        self.alt = alt
        self.frame = frame or pygame.Rect(0, 0, 0, 0)
        self.describe = describe
        self.rect = pygame.Rect(0, 0, 0, 0)  # the picture itself
        self.alt_lines: list[str] = []
        self.alt_size = 0
        if path is not None and self.frame.height > 0:
            self._lay_out()

    def _lay_out(self) -> None:
        ctx = self.ctx
        box = self.frame.copy()
        if self.describe and self.alt:
            self.alt_lines, self.alt_size, caption_h = caption(ctx, self.alt, box.width)
            box.height = max(box.height - caption_h, 1)
        size = ctx.pictures.size_of(self.path) or (4, 3)
        self.rect = fitted(size, box)

    @property
    def shown(self) -> bool:
        return self.path is not None and self.frame.height > 0

    def look(self) -> tuple:
        """What the slot shows now (a screen that draws it once and blits it draws again when this changes):
        its place, its description, and whether the picture itself is in yet."""
        if not self.shown:
            return ()
        ready = self.ctx.pictures.get(self.path, self.rect.size) is not None
        return self.path, tuple(self.rect), tuple(self.frame), self.describe, ready

    def draw(self, surface) -> None:
        if not self.shown:
            return
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        note_box(surface, self.frame, "picture frame")
        note_box(surface, self.rect, "picture")
        image = ctx.pictures.get(self.path, self.rect.size) or ctx.pictures.stand_in(self.path, self.rect.size)
        if image is not None:
            surface.blit(image, self.rect)
        else:
            draw_placeholder(surface, ctx, self.rect, self.alt if not self.describe else "")
        if self.describe and self.alt_lines:
            below = pygame.Rect(self.frame.left, self.rect.bottom + m.px(4), self.frame.width,
                                self.frame.bottom - self.rect.bottom - m.px(4))
            blit_lines(surface, ctx.text, self.alt_lines, self.alt_size, pal.muted, below, valign="top")


def draw_placeholder(surface, ctx, rect: pygame.Rect, words: str) -> None:
    """A framed box the picture's size, with its description (while it loads, or if it cannot be drawn)."""
    m, t, text = ctx.metrics, ctx.theme, ctx.text
    pal = t.palette
    pygame.draw.rect(surface, pal.panel, rect, border_radius=m.px(8))
    pygame.draw.rect(surface, pal.panel_edge, rect, width=max(1, m.px(2)), border_radius=m.px(8))
    if not words:
        return
    inner = rect.inflate(-m.px(16), -m.px(12))
    size = m.px(t.small)
    line_h = text.line_height(size)
    room = inner.height // line_h if line_h else 0
    if room <= 0 or inner.width < m.px(40):
        return
    lines = text.wrap(words, size, inner.width)
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = lines[-1].rstrip(" .") + "…"
    blit_lines(surface, text, lines, size, pal.muted, inner)


def place_picture(ctx, question, area: pygame.Rect, lay_out: Callable[[int], int | None],
                  squeeze: bool = True) -> PictureSlot:
    """Lay out a question with its picture above what the scene shows in ``area`` (the prompt and answers).

    ``lay_out(top)`` lays the scene's prompt and answers out from ``top`` to the bottom of ``area`` and
    returns the prompt's text size (``None``: it, or the answers, do not fit whole).  The picture takes the
    tallest share of the room (:data:`SHARES`) with which the prompt keeps :data:`KEEP_TEXT` of the size it
    has without a picture (or of the body size, if that is smaller).  Where no share keeps it, the smallest
    share that still lets everything fit, unless ``squeeze`` is False (a question's feedback: the prompt
    keeps its size and the picture gives way).  Where none does (only the longest texts at large text
    sizes), no picture: the question is laid out as without one (the review still shows it)."""
    path = getattr(question, "image", None)
    if path is None:
        lay_out(area.top)
        return PictureSlot(ctx)
    m, t = ctx.metrics, ctx.theme
    alone = lay_out(area.top)
    want = int(min(alone or 0, m.px(t.body)) * KEEP_TEXT)
    describe = bool(getattr(ctx.settings, "describe_pictures", False))
    alt = question.alt or ""
    gap = m.px(12)
    natural = ctx.pictures.size_of(path) or (4, 3)
    tallest = int(min(natural[1] * MOST_ENLARGED, area.width * natural[1] / natural[0]))
    words = caption(ctx, alt, area.width)[2] if describe and alt else 0
    best = smallest_fit = None
    for share in SHARES:
        if int(area.height * share) < m.px(48) + words:
            break  # too small to make anything out
        height = min(int(area.height * share), tallest + words)
        size = lay_out(area.top + height + gap)
        if size is None:
            continue
        smallest_fit = height
        if size >= want:
            best = height
            break
    best = best if best is not None or not squeeze else smallest_fit
    if best is None:  # no room for a picture one can make out (the longest texts at large text sizes)
        lay_out(area.top)
        return PictureSlot(ctx)
    lay_out(area.top + best + gap)
    frame = pygame.Rect(area.left, area.top, area.width, best)
    return PictureSlot(ctx, path, alt, frame, describe)


def prompt_size_of(scene) -> int | None:
    """The play scene's prompt size as laid out, or ``None`` where its lines do not fit their box (for
    :func:`place_picture`'s ``lay_out``)."""
    text = scene.ctx.text
    need = len(scene.prompt_lines) * text.line_height(scene.prompt_size, True)
    panel = scene.panel
    if need > scene.prompt_rect.height or panel.rect.top < scene.prompt_rect.bottom:
        return None
    if not panel.fits():
        return None
    return scene.prompt_size


def picture_step(ctx, question, x: int, y: int, width: int, steps: list) -> int:
    """The review's small picture of ``question`` as a draw step ``(y, "picture", (x, w, h, path, alt))`` added
    to ``steps``; the height it takes (with the gap under it)."""
    m = ctx.metrics
    natural = ctx.pictures.size_of(question.image)
    if natural is None:
        return 0
    box = pygame.Rect(0, 0, min(width // 2, m.px(240)), m.px(110))
    rect = fitted(natural, box)
    steps.append((y, "picture", (x, rect.width, rect.height, question.image, question.alt)))
    return rect.height + m.px(6)
