"""True or false: a statement, and two big tiles, True (first, blue, a ring) and False (vermillion, a cross).

1 or 2 answer at once (A and B too); ←/→ or ↑/↓ move the focus and Enter or
Space locks it in (a pad's first A only shows the focus); a click answers.
T stays the +10 s lifeline, so it is not used for True.
"""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.answers import Lock, Panel
from game.ui.theme import TRUE_FALSE_SHAPES, readable_on
from game.ui.widgets import _mix, draw_shape, fit_lines


class TrueFalsePanel(Panel):
    def __init__(self, app, rnd):
        super().__init__(app, rnd)
        self.tiles = [pygame.Rect(0, 0, 0, 0), pygame.Rect(0, 0, 0, 0)]
        self.focus: int | None = None
        self.hover: int | None = None

    def height(self, width: int, room: int) -> int:
        m, t = self.app.metrics, self.app.theme
        least = self.app.text.line_height(m.px(t.heading), True) + m.px(24)
        return max(min(m.px(170), room), min(least, room), 1)

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        gap = self.app.metrics.px(self.app.theme.gap)
        w = (rect.width - gap) // 2
        self.tiles = [pygame.Rect(rect.left, rect.top, w, rect.height),
                      pygame.Rect(rect.left + w + gap, rect.top, rect.width - w - gap, rect.height)]

    def handle(self, intent) -> bool | Lock:
        kind = intent.kind
        if kind == I.CHOOSE:
            return Lock(intent.index) if intent.index < 2 else False
        if kind == I.MOVE:
            if self.focus is None:
                self.focus = 1 if (intent.dx > 0 or intent.dy > 0) else 0
            elif intent.dx or intent.dy:
                self.focus = 1 - self.focus
            return True
        if kind == I.CONFIRM:
            if self.focus is None:  # a first press (a pad's A) shows where the focus is
                self.focus = 0
                return True
            return Lock(self.focus)
        if kind == I.POINT:
            self.hover = next((i for i, tile in enumerate(self.tiles) if tile.collidepoint(intent.pos)), None)
            return True
        if kind == I.CLICK:
            for i, tile in enumerate(self.tiles):
                if tile.collidepoint(intent.pos):
                    return Lock(i)
        return False

    def hints(self) -> list[str]:
        return ["1 True · 2 False, or ←→ and Enter, or a click", "1 True · 2 False, ←→ and Enter", "1 True · 2 False"]

    def draw(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        picks = {}
        for answer in self.answers:
            if answer.chosen is not None:
                picks[answer.chosen] = answer
        for i, tile in enumerate(self.tiles):
            colour = pal.true_false[i]
            mark = ""
            if self.revealed:
                mark = "correct" if i == self.round.correct else "wrong" if i in picks else "dim"
            fill = _mix(colour, pal.panel, 0.65) if mark == "dim" else colour
            radius = m.px(t.radius)
            pygame.draw.rect(surface, fill, tile, border_radius=radius)
            ink = readable_on(fill)
            if mark in ("correct", "wrong"):
                edge, width = (pal.good if mark == "correct" else pal.bad), m.px(6)
            elif (self.focus == i or self.hover == i) and not self.revealed:
                edge, width = pal.focus, m.px(4 * t.edge)
            else:
                edge, width = pal.panel_edge, max(1, m.px(t.edge))
            pygame.draw.rect(surface, edge, tile, width=width, border_radius=radius)
            label = self.round.choices[i]
            lines, size = fit_lines(app.text, label, [m.px(t.heading), m.px(t.body), m.px(t.label)],
                                    tile.width - m.px(110), tile.height - m.px(8), bold=True, max_lines=1)
            word = app.text.render(lines[0], size, ink, True)
            shape_r = max(m.px(14), min(m.px(24), tile.height // 4))
            block = 2 * shape_r + m.px(16) + word.get_width()
            x = tile.centerx - block // 2
            draw_shape(surface, TRUE_FALSE_SHAPES[i], (x + shape_r, tile.centery), shape_r, ink)
            surface.blit(word, word.get_rect(midleft=(x + 2 * shape_r + m.px(16), tile.centery)))
            corner = (tile.left + m.px(12), tile.top + m.px(6))
            if not self.revealed:
                self.caption(surface, str(i + 1), corner, ink, size=m.px(t.small))
            elif mark in ("correct", "wrong"):
                tag = "✓" if mark == "correct" else "✗"
                self.caption(surface, tag, (tile.right - m.px(14), tile.centery), ink, anchor="midright",
                             size=m.px(t.heading))
