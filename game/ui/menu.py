"""A column of buttons driven by keys or mouse, shared by the menu-like screens."""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.widgets import Button


class Menu:
    """Buttons with one keyboard focus; :meth:`handle` returns the index activated."""

    def __init__(self, labels: list[str], focus: int = 0, follow_pointer: bool = True):
        """``follow_pointer`` False: the pointer lights the button it is over, but the focus (what Enter
        picks) moves only by keys or a click (the pause panel, where Enter goes on)."""
        self.buttons = [Button(pygame.Rect(0, 0, 0, 0), label) for label in labels]
        self.focus = focus
        self.follow_pointer = follow_pointer
        self.size: int | None = None  # the label size, once placed by place_bottom_row
        self._sync()

    def _sync(self) -> None:
        for i, button in enumerate(self.buttons):
            button.focus = i == self.focus

    def control_rects(self) -> list:
        return [rect for button in self.buttons for rect in button.control_rects()]

    def set_label(self, index: int, label: str) -> None:
        self.buttons[index].label = label

    def place_column(self, rect: pygame.Rect, height: int, gap: int) -> None:
        y = rect.top
        for button in self.buttons:
            button.rect = pygame.Rect(rect.left, y, rect.width, height)
            y += height + gap

    def place_row(self, rect: pygame.Rect, gap: int) -> None:
        n = len(self.buttons)
        width = (rect.width - gap * (n - 1)) // n
        for i, button in enumerate(self.buttons):
            button.rect = pygame.Rect(rect.left + i * (width + gap), rect.top, width, rect.height)

    def place_bottom_row(self, ctx, width: int, height: int, least: int) -> pygame.Rect:
        """A row along the bottom of the window, tall enough for a label (at least ``least`` px
        at 1280x720); sets :attr:`size`, the label size that fits every button."""
        m, t = ctx.metrics, ctx.theme
        margin = m.px(t.margin)
        row_h = max(m.px(least), ctx.text.line_height(m.px(t.label), True) + m.px(18))
        row = pygame.Rect(margin, height - m.px(24) - row_h, width - 2 * margin, row_h)
        self.place_row(row, m.px(16))
        self.size = self.fitting_size(ctx, m.px(t.label))
        return row

    def _step(self, delta: int) -> None:
        n = len(self.buttons)
        for _ in range(n):
            self.focus = (self.focus + delta) % n
            if self.buttons[self.focus].enabled:
                break
        self._sync()

    USED = -1  # the intent moved focus or hover but activated nothing

    def handle(self, intent, horizontal: bool = False) -> int | None:
        """The index activated, :attr:`USED` if the intent only moved focus, ``None`` if unused."""
        if intent.kind == I.MOVE:
            # A row answers to left/right and up/down alike; a column to up/down.
            delta = (intent.dx or intent.dy) if horizontal else intent.dy
            if delta:
                self._step(1 if delta > 0 else -1)
                return self.USED
            return None
        if intent.kind == I.CONFIRM:
            return self.focus if self.buttons[self.focus].enabled else self.USED
        if intent.kind == I.POINT:
            changed = False
            for i, button in enumerate(self.buttons):
                hover = button.contains(intent.pos)
                changed |= hover != button.hover
                button.hover = hover
                if hover and self.follow_pointer and self.focus != i:
                    self.focus = i
                    changed = True
            self._sync()
            return self.USED if changed else None
        if intent.kind == I.CLICK:
            for i, button in enumerate(self.buttons):
                if button.contains(intent.pos):
                    self.focus = i
                    self._sync()
                    return i
        return None

    def fitting_size(self, ctx, size: int) -> int:
        """The largest size up to ``size`` at which every label fits its button on one line."""
        from game.ui.widgets import one_line

        pad = ctx.metrics.px(24)
        return min(one_line(ctx.text, b.label, size, b.rect.width - pad, True, smallest=0.5) for b in self.buttons)

    def draw(self, surface, ctx, size: int | None = None) -> None:
        for button in self.buttons:
            button.draw(surface, ctx.theme, ctx.text, ctx.metrics, size)
