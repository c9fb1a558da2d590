"""What reached the window, frame by frame: a test harness for the loop's full and partial updates.

While :class:`Presented` is installed it wraps ``pygame.display.flip`` and
``pygame.display.update`` and keeps a shadow image of what they copied to the
window: ``flip`` copies the whole surface, ``update(rects)`` only those rects
(``update()`` with no rects, the whole surface).  At the start of every pass of
the loop (its ``pygame.event.get``), before anything moves on, it compares:

- the shadow with the surface the loop drew on: what was drawn was shown;
- the shadow with a fresh full drawing of the screen as it is now (``App.compose``
  on a spare surface): wherever the picture changed since it was last shown,
  the window was updated there.  A frame that repainted only its countdown
  strip while the question had changed fails here.

Time is held still within a pass: the app's clock (``App.clock``: every game's
timer reads it) moves only when a pass starts, by ``step`` seconds or as real
time goes, so the loop's drawing and the fresh one see the same clock.

``on_pass(app, passes)`` runs at each pass's start, after the checks (a test
answers for players there, or quits).
"""

from __future__ import annotations

import time

import pygame


class FrameClock:
    """A clock that moves only when told (``tick``): by ``step`` seconds, or by real time if ``step`` is None."""

    def __init__(self, step: float | None = None):
        self.step = step
        self.now = 1000.0
        self._real = time.monotonic()

    def tick(self) -> None:
        real = time.monotonic()
        self.now += self.step if self.step is not None else real - self._real
        self._real = real

    def __call__(self) -> float:
        return self.now


def differing_rect(a: pygame.Surface, b: pygame.Surface) -> pygame.Rect | None:
    """The bounding box of the pixels where ``a`` and ``b`` differ (``None``: none do)."""
    width, height = a.get_size()
    rows_a = pygame.image.tobytes(a, "RGB")
    rows_b = pygame.image.tobytes(b, "RGB")
    if rows_a == rows_b:
        return None
    stride = width * 3
    ys = [y for y in range(height) if rows_a[y * stride:(y + 1) * stride] != rows_b[y * stride:(y + 1) * stride]]
    xs = [x for x in range(width) for y in (ys[0], ys[len(ys) // 2], ys[-1])
          if rows_a[y * stride + 3 * x:y * stride + 3 * x + 3] != rows_b[y * stride + 3 * x:y * stride + 3 * x + 3]]
    left, right = (min(xs), max(xs)) if xs else (0, width - 1)
    return pygame.Rect(left, ys[0], right - left + 1, ys[-1] - ys[0] + 1)


class Presented:
    """Install with ``with Presented(app) as shown: app.run(...)``; then ``shown.failures`` lists each
    frame where the window did not show the picture (empty: every change reached it)."""

    def __init__(self, app, *, step: float | None = None, on_pass=None):
        self.app = app
        self.clock = FrameClock(step)
        app.clock = self.clock
        self.on_pass = on_pass
        self.shadow: pygame.Surface | None = None
        self.failures: list[str] = []
        self.passes = 0
        self.flips = 0
        self.partial = 0  # updates of some rects only
        self.views: list[tuple[str, int]] = []  # each (scene name, step) in the order the loop showed them
        self._real = {}

    # -- installing ----------------------------------------------------------------------------
    def __enter__(self) -> Presented:
        display, event = pygame.display, pygame.event
        self._real = {"flip": display.flip, "update": display.update, "get": event.get}
        display.flip = self._flip
        display.update = self._update
        event.get = self._get
        return self

    def __exit__(self, *exc) -> None:
        pygame.display.flip = self._real["flip"]
        pygame.display.update = self._real["update"]
        pygame.event.get = self._real["get"]

    # -- what reaches the window ---------------------------------------------------------------
    def _surface(self) -> pygame.Surface:
        return pygame.display.get_surface()

    def _flip(self):
        self.flips += 1
        self.shadow = self._surface().copy()
        self._note_view()
        return self._real["flip"]()

    def _update(self, rects=None, *more):
        surface = self._surface()
        if rects is None and not more:
            return self._flip()
        if self.shadow is None or self.shadow.get_size() != surface.get_size():
            self.shadow = pygame.Surface(surface.get_size(), 0, surface)  # nothing shown yet: all black
        found = [rects, *more] if more else (rects if isinstance(rects, (list, tuple)) and rects and
                                              not isinstance(rects[0], (int, float)) else [rects])
        self.partial += 1
        for rect in found:
            if rect is None:
                continue
            rect = pygame.Rect(rect).clip(surface.get_rect())
            self.shadow.blit(surface, rect, rect)
        return self._real["update"](rects, *more)

    def _note_view(self) -> None:
        top = self.app.stack.top
        if top is not None:
            view = (top.name, top.step_id)
            if not self.views or self.views[-1] != view:
                self.views.append(view)

    # -- each pass -------------------------------------------------------------------------------
    def _get(self, *args, **kwargs):
        self.passes += 1
        self.check()
        self.clock.tick()
        if self.on_pass is not None:
            self.on_pass(self.app, self.passes)
        return self._real["get"](*args, **kwargs)

    def check(self) -> None:
        """Compare what the window shows with what was drawn and with the picture as it is now."""
        app, surface = self.app, self._surface()
        if self.shadow is None or surface is None or app.stack.top is None:
            return
        top = app.stack.top
        where = f"pass {self.passes}, {top.name} {top.step_id}"
        if self.shadow.get_size() != surface.get_size():
            self.failures.append(f"{where}: the window was resized and not shown again")
            return
        drawn = differing_rect(self.shadow, surface)
        if drawn is not None:
            self.failures.append(f"{where}: drawn but not shown in {tuple(drawn)}")
        fresh = surface.copy()
        app.compose(fresh)
        changed = differing_rect(self.shadow, fresh)
        if changed is not None:
            self.failures.append(f"{where}: the picture changed in {tuple(changed)} but the window was not updated")

    def assert_all_shown(self) -> None:
        assert self.flips > 0, "nothing was ever shown"
        assert not self.failures, f"{len(self.failures)} frame(s) not shown as drawn; first: " + \
            "; ".join(self.failures[:3])
