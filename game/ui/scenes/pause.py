"""The pause overlay: the question's clock stops while it is open.

With a clock, the pause hides the question and its choices (a pause is not free
thinking time); with no clock (practice, or no timer) there is nothing to gain,
so the question shows dimmed underneath."""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.outcomes import Confirm, ToTitle
from game.ui.scene import Scene
from game.ui.widgets import blit_lines, blit_text

RESUME, SETTINGS, QUIT_GAME = range(3)


class PauseScene(Scene):
    screen = "pause"
    opaque = False

    def __init__(self, ctx, timed: bool | None = None):
        """``timed``: whether a clock stopped (default: the current game's session has one)."""
        super().__init__(ctx)
        # Enter goes on, as the panel says, wherever the pointer rests: only a click or the keys pick another.
        self.menu = Menu(["Resume", "Settings", "Quit to title"], follow_pointer=False)
        self._veil: pygame.Surface | None = None
        session = ctx.games.session
        self.timed = bool(session is not None and session.timed) if timed is None else timed
        self.opaque = self.timed  # timed: the question underneath is not drawn at all

    def handle(self, intent) -> bool:
        if intent.kind in (I.BACK, I.PAUSE):
            self.ctx.flow.back()
            return True
        chosen = self.menu.handle(intent)
        if chosen == RESUME:
            self.ctx.flow.back()
        elif chosen == SETTINGS:
            self.ctx.flow.show("settings")
        elif chosen == QUIT_GAME:
            self.ctx.flow.go(Confirm("Leave this game?", "It ends here and its score is not kept.", "Leave", "Stay",
                                     then=ToTitle()))
        return True  # modal: nothing reaches the question underneath

    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        w = min(max(m.px(420), ctx.text.width("Quit to title", m.px(t.body), True) + m.px(60)), width - 2 * m.px(40))
        self.title_h = ctx.text.line_height(m.px(t.title), True)
        note = "The clock is stopped and the question hidden. Esc or Enter to go on." if self.timed else \
            "Esc or Enter to go on."
        self.note_lines = ctx.text.wrap(note, m.px(t.small), w)
        note_h = ctx.text.line_height(m.px(t.small)) * len(self.note_lines)
        button_h = ctx.text.line_height(m.px(t.body), True) + m.px(18)
        gap = m.px(12)
        n = len(self.menu.buttons)
        pad = m.px(24)
        inner_h = self.title_h + note_h + m.px(16) + n * button_h + (n - 1) * gap
        self.panel = pygame.Rect(0, 0, w + 2 * pad, min(inner_h + 2 * pad, height - m.px(16)))
        self.panel.center = (width // 2, height // 2)
        top = self.panel.top + pad
        self.title_top = top
        self.note_rect = pygame.Rect(self.panel.left + pad, top + self.title_h, w, note_h)
        column = pygame.Rect(self.panel.left + pad, self.note_rect.bottom + m.px(16), w, 0)
        self.menu.place_column(column, button_h, gap)
        self._veil = None

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        if self.timed:
            ctx.backdrop.draw(surface)
        else:
            if self._veil is None or self._veil.get_size() != surface.get_size():
                self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
                self._veil.fill((*t.palette.bg_top, 215))
            surface.blit(self._veil, (0, 0))
        pygame.draw.rect(surface, t.palette.bg_top, self.panel, border_radius=m.px(t.radius))
        pygame.draw.rect(surface, t.palette.panel_edge, self.panel, width=max(1, m.px(t.edge)),
                         border_radius=m.px(t.radius))
        blit_text(surface, ctx.text, "Paused", m.px(t.title), t.palette.text, (self.panel.centerx, self.title_top),
                  bold=True, anchor="midtop")
        blit_lines(surface, ctx.text, self.note_lines, m.px(t.small), t.palette.muted, self.note_rect)
        self.menu.draw(surface, ctx)
