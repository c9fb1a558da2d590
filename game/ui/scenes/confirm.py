"""A question asked once before something that cannot be undone (quitting, leaving a game).

Enter (or a click on the first button) confirms; Esc (or the second button) cancels.
"""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.widgets import blit_lines

YES, NO = range(2)


class ConfirmScene(Scene):
    screen = "confirm"
    opaque = False

    def __init__(self, ctx, title: str, note: str, yes: str, no: str, then):
        """``then``: the outcome of a yes (``game/ui/outcomes.py``), handed to the flow."""
        super().__init__(ctx)
        self.title, self.note = title, note
        self.then = then
        self.menu = Menu([yes, no], focus=YES)
        self._veil: pygame.Surface | None = None

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self.ctx.flow.back()
            return True
        chosen = self.menu.handle(intent, horizontal=True)
        if chosen == YES:
            self.ctx.flow.back()
            self.ctx.flow.go(self.then)
        elif chosen == NO:
            self.ctx.flow.back()
        return True  # modal: nothing reaches the screen underneath

    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pad = m.px(24)
        w = min(m.px(560), width - 2 * m.px(24)) - 2 * pad
        self.title_lines = ctx.text.wrap(self.title, m.px(t.title), w, True)
        keys = f"Enter: {self.menu.buttons[YES].label} · Esc: {self.menu.buttons[NO].label}"
        self.note_lines = ctx.text.wrap(self.note, m.px(t.small), w) + ctx.text.wrap(keys, m.px(t.small), w)
        title_h = len(self.title_lines) * ctx.text.line_height(m.px(t.title), True)
        note_h = len(self.note_lines) * ctx.text.line_height(m.px(t.small))
        button_h = ctx.text.line_height(m.px(t.body), True) + m.px(18)
        inner_h = title_h + m.px(8) + note_h + m.px(20) + button_h
        self.panel = pygame.Rect(0, 0, w + 2 * pad, min(inner_h + 2 * pad, height - m.px(16)))
        self.panel.center = (width // 2, height // 2)
        self.title_rect = pygame.Rect(self.panel.left + pad, self.panel.top + pad, w, title_h)
        self.note_rect = pygame.Rect(self.title_rect.left, self.title_rect.bottom + m.px(8), w, note_h)
        self.menu.place_row(pygame.Rect(self.title_rect.left, self.note_rect.bottom + m.px(20), w, button_h), m.px(16))
        self.button_size = self.menu.fitting_size(ctx, m.px(t.body))
        self._veil = None

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        if self._veil is None or self._veil.get_size() != surface.get_size():
            self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._veil.fill((*pal.bg_top, 215))
        surface.blit(self._veil, (0, 0))
        pygame.draw.rect(surface, pal.bg_top, self.panel, border_radius=m.px(t.radius))
        pygame.draw.rect(surface, pal.focus, self.panel, width=max(2, m.px(t.edge * 2)), border_radius=m.px(t.radius))
        blit_lines(surface, ctx.text, self.title_lines, m.px(t.title), pal.text, self.title_rect, bold=True)
        blit_lines(surface, ctx.text, self.note_lines, m.px(t.small), pal.muted, self.note_rect)
        self.menu.draw(surface, ctx, self.button_size)
