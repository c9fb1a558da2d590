"""Hot-seat: the screen between turns.  The question stays hidden and its clock waits."""

from __future__ import annotations

import pygame

from game.core.session import Session
from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.theme import PLAYER_COLOURS
from game.ui.widgets import blit_text, fit_lines


class HandoverScene(Scene):
    name = "handover"

    def __init__(self, app, session: Session, note: str = ""):
        super().__init__(app)
        self.session = session
        self.note = note
        self.turn = session.turn
        self.menu = Menu(["I'm ready"])

    @property
    def step_id(self) -> int:
        return self.session.index * 10 + self.turn

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            from game.ui.scenes.pause import PauseScene

            self.app.stack.push(PauseScene(self.app))
            return True
        chosen = self.menu.handle(intent)
        if chosen == 0:
            self.app.stack.pop()  # the play scene resumes, and with it the clock
        return chosen is not None

    def layout(self, width: int, height: int) -> None:
        m = self.app.metrics
        w = min(m.px(420), width - 2 * m.px(40))
        self.menu.place_column(pygame.Rect((width - w) // 2, height // 2 + m.px(40), w, 0), m.px(62), 0)
        margin = m.px(self.app.theme.margin)
        self.chips_rect = pygame.Rect(margin, height - m.px(110), width - 2 * margin, m.px(54))

    def draw(self, surface) -> None:
        from game.ui.scenes.play import draw_player_chips

        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        app.backdrop.draw(surface)
        width, height = surface.get_size()
        colour = PLAYER_COLOURS[self.turn % len(PLAYER_COLOURS)]
        pygame.draw.rect(surface, colour, (0, 0, width, m.px(12)))
        cx = width // 2
        session = self.session
        blit_text(surface, app.text, f"Question {session.current.number} of {session.total}", m.px(t.label),
                  pal.muted, (cx, m.px(60)), anchor="midtop")
        if self.note:
            blit_text(surface, app.text, self.note, m.px(t.label), pal.good, (cx, m.px(100)), anchor="midtop")
        name = f"Pass to P{self.turn + 1} {session.player.name}"
        lines, size = fit_lines(app.text, name, [m.px(t.display), m.px(t.title), m.px(t.heading)],
                                width - 2 * m.px(t.margin), m.px(100), bold=True, max_lines=1)
        rect = blit_text(surface, app.text, lines[0], size, colour, (cx, height // 2 - m.px(30)), bold=True,
                         anchor="midbottom")
        blit_text(surface, app.text, "The others look away. Your clock starts when you are ready.", m.px(t.small),
                  pal.muted, (cx, rect.bottom + m.px(10)), anchor="midtop")
        self.menu.draw(surface, app)
        draw_player_chips(surface, app, session, self.chips_rect, self.turn)
