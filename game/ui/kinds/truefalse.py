"""True or false: a statement, and two big tiles, True (first, blue, a ring) and False (vermillion, a cross).

1 or 2 answer at once (A and B too); ←/→ or ↑/↓ move the focus and Enter or
Space locks it in (a pad's first A only shows the focus); a click answers.
T stays the +10 s lifeline, so it is not used for True.  The tile is one
function (:func:`draw_tile`), on the play screen and on a party's big screen.
"""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.kinds import Lock, Panel
from game.ui.kinds.choice import ChoiceParty
from game.ui.theme import TRUE_FALSE_SHAPES, readable_on
from game.ui.widgets import _mix, draw_shape, fit_lines


def draw_tile(surface, ctx, tile: pygame.Rect, i: int, word: str, *, dim: bool = False, edge=None) -> None:
    """The True (``i`` 0) or False (1) tile: its colour (faded when ``dim``), its outline (``edge``:
    ``(colour, width)``, or none), its shape and its word, centred together."""
    m, t = ctx.metrics, ctx.theme
    pal = t.palette
    colour = pal.true_false[i % 2]
    fill = _mix(colour, pal.panel, 0.65) if dim else colour
    radius = m.px(t.radius)
    pygame.draw.rect(surface, fill, tile, border_radius=radius)
    ink = readable_on(fill)
    if edge is not None:
        pygame.draw.rect(surface, edge[0], tile, width=edge[1], border_radius=radius)
    lines, size = fit_lines(ctx.text, word, [m.px(t.heading), m.px(t.body), m.px(t.label)],
                            tile.width - m.px(110), tile.height - m.px(8), bold=True, max_lines=1)
    image = ctx.text.render(lines[0], size, ink, True)
    shape_r = max(m.px(14), min(m.px(24), tile.height // 4))
    block = 2 * shape_r + m.px(16) + image.get_width()
    x = tile.centerx - block // 2
    draw_shape(surface, TRUE_FALSE_SHAPES[i % 2], (x + shape_r, tile.centery), shape_r, ink)
    surface.blit(image, image.get_rect(midleft=(x + 2 * shape_r + m.px(16), tile.centery)))


class TrueFalsePanel(Panel):
    def __init__(self, ctx, rnd):
        super().__init__(ctx, rnd)
        self.tiles = [pygame.Rect(0, 0, 0, 0), pygame.Rect(0, 0, 0, 0)]
        self.focus: int | None = None
        self.hover: int | None = None

    def height(self, width: int, room: int) -> int:
        m, t = self.ctx.metrics, self.ctx.theme
        least = self.ctx.text.line_height(m.px(t.heading), True) + m.px(24)
        return max(min(m.px(170), room), min(least, room), 1)

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        gap = self.ctx.metrics.px(self.ctx.theme.gap)
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
        m, t = self.ctx.metrics, self.ctx.theme
        pal = t.palette
        picks = {}
        for answer in self.answers:
            if answer.chosen is not None:
                picks[answer.chosen] = answer
        for i, tile in enumerate(self.tiles):
            mark = ""
            if self.revealed:
                mark = "correct" if i == self.round.correct else "wrong" if i in picks else "dim"
            if mark in ("correct", "wrong"):
                edge = (pal.good if mark == "correct" else pal.bad), m.px(6)
            elif (self.focus == i or self.hover == i) and not self.revealed:
                edge = pal.focus, m.px(4 * t.edge)
            else:
                edge = pal.panel_edge, max(1, m.px(t.edge))
            draw_tile(surface, self.ctx, tile, i, self.round.choices[i], dim=mark == "dim", edge=edge)
            ink = readable_on(_mix(pal.true_false[i], pal.panel, 0.65) if mark == "dim" else pal.true_false[i])
            corner = (tile.left + m.px(12), tile.top + m.px(6))
            if not self.revealed:
                self.caption(surface, str(i + 1), corner, ink, size=m.px(t.small))
            elif mark in ("correct", "wrong"):
                tag = "✓" if mark == "correct" else "✗"
                self.caption(surface, tag, (tile.right - m.px(14), tile.centery), ink, anchor="midright",
                             size=m.px(t.heading))


class TrueFalseParty(ChoiceParty):
    """The two tiles under the statement on the big screen; the reveal counts them as choices."""

    own_shots = True

    def __init__(self, scene, rnd):
        super().__init__(scene, rnd)
        self.buttons = []  # tiles, not choice buttons

    def least_prompt(self) -> int | None:
        return None

    def place(self, room_at) -> int:
        return min(self.ctx.metrics.px(150), room_at(self.scene.smallest()))

    def draw_question(self, surface, area: pygame.Rect) -> None:
        gap = self.ctx.metrics.px(self.ctx.theme.gap)
        w = (area.width - gap) // 2
        for i, word in enumerate(self.round.choices[:2]):
            draw_tile(surface, self.ctx, pygame.Rect(area.left + i * (w + gap), area.top, w, area.height), i, word)

    def colour(self, i: int):
        return self.ctx.theme.palette.true_false[i % 2]

    def draw_badge(self, surface, badge: pygame.Rect, i: int, ink, shape_r: int) -> None:
        draw_shape(surface, TRUE_FALSE_SHAPES[i % 2], badge.center, shape_r, ink)
