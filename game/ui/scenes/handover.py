"""Hot-seat: the screen between turns.  The question stays hidden and its clock waits."""

from __future__ import annotations

import pygame

from game.core.session import Session
from game.ui import intents as I
from game.ui.drawing import draw_player_chips
from game.ui.menu import Menu
from game.ui.outcomes import Paused
from game.ui.scene import Scene
from game.ui.theme import PLAYER_COLOURS
from game.ui.widgets import blit_lines, blit_text, whole_line


class HandoverScene(Scene):
    screen = "handover"

    def __init__(self, ctx, session: Session, note: str = ""):
        super().__init__(ctx)
        self.session = session
        self.note = note
        self.turn = session.turn
        self.menu = Menu(["I'm ready"])

    @property
    def step_id(self) -> int:
        return self.session.index * 10 + self.turn

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self.ctx.flow.go(Paused())
            return True
        chosen = self.menu.handle(intent)
        if chosen == 0:
            self.ctx.flow.back()  # the play scene resumes, and with it the clock
        return chosen is not None

    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        margin = m.px(t.margin)
        w = min(max(m.px(420), ctx.text.width("I'm ready", m.px(t.body), True) + m.px(60)), width - 2 * margin)
        button_h = max(m.px(62), ctx.text.line_height(m.px(t.body), True) + m.px(18))
        chips_h = max(m.px(54), ctx.text.line_height(m.px(t.small), True) + m.px(16))
        self.chips_rect = pygame.Rect(margin, height - m.px(24) - chips_h, width - 2 * margin, chips_h)
        self.sub_lines = ctx.text.wrap("The others look away. Your clock starts when you are ready.", m.px(t.small),
                                       width - 2 * margin)
        sub_h = len(self.sub_lines) * ctx.text.line_height(m.px(t.small))
        name_h = ctx.text.line_height(m.px(t.title), True)
        # The name, the line under it and the button, centred in the room above the chips.
        block = name_h + m.px(10) + sub_h + m.px(24) + button_h
        top = max(m.px(100), (self.chips_rect.top - block) // 2 + m.px(30))
        self.name_bottom = top + name_h
        self.sub_top = self.name_bottom + m.px(10)
        self.menu.place_column(pygame.Rect((width - w) // 2, self.sub_top + sub_h + m.px(24), w, 0), button_h, 0)

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        width, height = surface.get_size()
        colour = PLAYER_COLOURS[self.turn % len(PLAYER_COLOURS)]
        pygame.draw.rect(surface, colour, (0, 0, width, m.px(12)))
        cx = width // 2
        session = self.session
        y = blit_text(surface, ctx.text, f"Question {session.current.number} of {session.total}", m.px(t.label),
                      pal.muted, (cx, m.px(30)), anchor="midtop").bottom
        if self.note:
            blit_lines(surface, ctx.text, ctx.text.wrap(self.note, m.px(t.label), width - 2 * m.px(t.margin)),
                       m.px(t.label), pal.good, pygame.Rect(0, y + m.px(6), width, 0), valign="top")
        name = f"Pass to P{self.turn + 1} {session.player.name}"
        line, size = whole_line(ctx.text, name, m.px(t.display), width - 2 * m.px(t.margin))
        blit_text(surface, ctx.text, line, size, colour, (cx, self.name_bottom), bold=True, anchor="midbottom")
        blit_lines(surface, ctx.text, self.sub_lines, m.px(t.small), pal.muted,
                   pygame.Rect(0, self.sub_top, width, 0), valign="top")
        self.menu.draw(surface, ctx)
        draw_player_chips(surface, ctx, session, self.chips_rect, self.turn)
