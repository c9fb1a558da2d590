"""The pause overlay: the question's clock stops while it is open."""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.widgets import blit_text

RESUME, QUIT_GAME = range(2)


class PauseScene(Scene):
    name = "pause"
    opaque = False

    def __init__(self, app):
        super().__init__(app)
        self.menu = Menu(["Resume", "Quit to title"])
        self._veil: pygame.Surface | None = None

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self.app.stack.pop()
            return True
        chosen = self.menu.handle(intent)
        if chosen == RESUME:
            self.app.stack.pop()
        elif chosen == QUIT_GAME:
            self.app.back_to_title()
        return True  # modal: nothing reaches the question underneath

    def layout(self, width: int, height: int) -> None:
        m = self.app.metrics
        w = min(m.px(420), width - 2 * m.px(40))
        column = pygame.Rect((width - w) // 2, height // 2 - m.px(10), w, 0)
        self.menu.place_column(column, m.px(58), m.px(14))
        self.panel = pygame.Rect(0, 0, w + m.px(80), m.px(300))
        self.panel.center = (width // 2, height // 2 - m.px(10) + m.px(30))
        self._veil = None

    def draw(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        if self._veil is None or self._veil.get_size() != surface.get_size():
            self._veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            self._veil.fill((6, 10, 20, 200))
        surface.blit(self._veil, (0, 0))
        pygame.draw.rect(surface, t.palette.bg_top, self.panel, border_radius=m.px(t.radius))
        pygame.draw.rect(surface, t.palette.panel_edge, self.panel, width=1, border_radius=m.px(t.radius))
        blit_text(surface, app.text, "Paused", m.px(t.title), t.palette.text,
                  (surface.get_width() // 2, surface.get_height() // 2 - m.px(60)), bold=True, anchor="midbottom")
        blit_text(surface, app.text, "The clock is stopped. Esc or Enter to go on.", m.px(t.small), t.palette.muted,
                  (surface.get_width() // 2, surface.get_height() // 2 - m.px(28)), anchor="midbottom")
        self.menu.draw(surface, app)
