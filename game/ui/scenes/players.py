"""Hot-seat set-up: a name for each of the 2 to 4 players."""

from __future__ import annotations

import pygame

from game.core.scores import NAME_MAX, NameField, name_key
from game.ui import intents as I
from game.ui.outcomes import PlayersReady
from game.ui.scene import Scene
from game.ui.theme import PLAYER_COLOURS, readable_on
from game.ui.widgets import Button, Caret, blit_lines, blit_text, whole_line, whole_lines


class PlayersScene(Scene):
    screen = "players"
    wants_text = True

    def __init__(self, ctx):
        super().__init__(ctx)
        count = ctx.options.players
        known = ctx.options.player_names or []
        # Last game's names come back selected (typing replaces them); an empty field shows its default
        # ("PLAYER 2") as a placeholder, so typing replaces that too rather than adding to it.
        self.names = [NameField.offering(known[i] if i < len(known) and known[i] != self.default(i) else "")
                      for i in range(count)]
        self.fields = [pygame.Rect(0, 0, 0, 0) for _ in range(count)]
        self.start = Button(pygame.Rect(0, 0, 0, 0), "Start")
        self.back = Button(pygame.Rect(0, 0, 0, 0), "Back")
        self.focus = 0  # a field, then Start, then Back
        self.caret = Caret(steady=ctx.reduced_motion)

    @property
    def step_id(self) -> int:
        return self.focus

    @property
    def values(self) -> list[str]:
        return [field.value for field in self.names]

    def enter(self) -> None:
        pygame.key.start_text_input()

    def exit(self) -> None:
        pygame.key.stop_text_input()

    @staticmethod
    def default(seat: int) -> str:
        return f"PLAYER {seat + 1}"

    def _set_focus(self, index: int) -> None:
        index %= len(self.names) + 2
        if index != self.focus and index < len(self.names):
            self.names[index].select_all()  # a seat's name is selected when the focus comes to it
        self.focus = index
        self.start.focus = self.focus == len(self.values)
        self.back.focus = self.focus == len(self.values) + 1

    def handle(self, intent) -> bool:
        n = len(self.values)
        if intent.kind == I.BACK:
            self.ctx.flow.back()
            return True
        if intent.kind == I.TEXT and self.focus < n:
            self.names[self.focus].type(intent.text)
            return True
        if intent.kind == I.ERASE and self.focus < n:
            self.names[self.focus].erase()
            return True
        if intent.kind == I.MOVE and intent.dy:
            self._set_focus(self.focus + intent.dy)
            return True
        if intent.kind == I.CONFIRM:
            if self.focus == n + 1:
                self.ctx.flow.back()
            elif self.focus == n - 1 or self.focus == n:
                self._start()
            else:
                self._set_focus(self.focus + 1)
            return True
        if intent.kind == I.POINT:
            self.start.hover = self.start.contains(intent.pos)
            self.back.hover = self.back.contains(intent.pos)
            return True
        if intent.kind == I.CLICK:
            for i, rect in enumerate(self.fields):
                if rect.collidepoint(intent.pos):
                    self._set_focus(i)
                    return True
            if self.start.contains(intent.pos):
                self._start()
                return True
            if self.back.contains(intent.pos):
                self.ctx.flow.back()
                return True
        return False

    def controls(self) -> list:
        return super().controls() + list(self.fields)  # a click on a seat focuses it

    def chosen(self) -> list[str]:
        """The names the game would start with (an empty seat is "PLAYER n")."""
        return [field.name or self.default(i) for i, field in enumerate(self.names)]

    def taken(self) -> tuple[int, int] | None:
        """The first seat whose name a seat before it already has, as people read names (case and
        spacing do not count): ``(seat, earlier seat)``, or ``None``."""
        first: dict[str, int] = {}
        for seat, name in enumerate(self.chosen()):
            earlier = first.setdefault(name_key(name), seat)
            if earlier != seat:
                return seat, earlier
        return None

    def problem(self) -> str:
        """What stops the game from starting, in words ("" when nothing does)."""
        taken = self.taken()
        if taken is None:
            return ""
        seat, earlier = taken
        return f"P{earlier + 1} is already {self.chosen()[earlier]}: choose another name for P{seat + 1}"

    def _start(self) -> None:
        taken = self.taken()
        if taken is not None:  # two players the reveal could not tell apart: that seat gets another name
            self._set_focus(taken[0])
            return
        self.ctx.flow.go(PlayersReady(tuple(self.chosen())))

    def update(self, dt: float) -> None:
        self.caret.steady = self.ctx.reduced_motion
        self.caret.tick(dt)

    def animating(self) -> bool:
        return self.caret.changed()

    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        w = min(max(m.px(640), width // 2), width - 2 * m.px(40))
        left = (width - w) // 2
        self.hint_lines = ctx.text.wrap(f"A name for each seat (1 to {NAME_MAX} characters) · ↑↓ or Tab move · "
                                        f"Enter goes on", m.px(t.small), width - 2 * m.px(40))
        self.title_top = m.px(24)
        self.hint_top = self.title_top + ctx.text.line_height(m.px(t.title), True) + m.px(6)
        top = self.hint_top + len(self.hint_lines) * ctx.text.line_height(m.px(t.small)) + m.px(16)
        field_h = max(m.px(58), ctx.text.line_height(m.px(t.body), True) + m.px(12))
        gap = m.px(12)
        for i in range(len(self.fields)):
            self.fields[i] = pygame.Rect(left, top + i * (field_h + gap), w, field_h)
        row_top = top + len(self.fields) * (field_h + gap) + m.px(18)
        half = (w - m.px(16)) // 2
        self.start.rect = pygame.Rect(left, row_top, half, field_h)
        self.back.rect = pygame.Rect(left + half + m.px(16), row_top, half, field_h)
        # A name taken twice is said where the hint is, in its room.
        self.hint_rect = pygame.Rect(m.px(40), self.hint_top, width - 2 * m.px(40),
                                     len(self.hint_lines) * ctx.text.line_height(m.px(t.small)))
        self._set_focus(self.focus)

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        cx = surface.get_width() // 2
        blit_text(surface, ctx.text, f"Hot-seat: {len(self.values)} players", m.px(t.title), pal.text,
                  (cx, self.title_top), bold=True, anchor="midtop")
        problem = self.problem()
        if problem:  # as soon as two seats have one name, in place of the hint
            lines, size = whole_lines(ctx.text, problem, m.px(t.small), max(10, m.px(t.small * 0.6)),
                                      self.hint_rect.width, self.hint_rect.height, bold=True)
            blit_lines(surface, ctx.text, lines, size, pal.bad, self.hint_rect, bold=True, valign="top")
        else:
            blit_lines(surface, ctx.text, self.hint_lines, m.px(t.small), pal.muted,
                       pygame.Rect(0, self.hint_top, surface.get_width(), 0), valign="top")
        taken = self.taken()
        for i, (rect, value) in enumerate(zip(self.fields, self.values, strict=True)):
            focused = i == self.focus
            pygame.draw.rect(surface, pal.panel_hover if focused else pal.panel, rect, border_radius=m.px(10))
            colour = PLAYER_COLOURS[i % len(PLAYER_COLOURS)]
            tab = pygame.Rect(rect.left, rect.top, ctx.text.width("P4", m.px(t.label), True) + m.px(24), rect.height)
            pygame.draw.rect(surface, colour, tab, border_top_left_radius=m.px(10), border_bottom_left_radius=m.px(10))
            blit_text(surface, ctx.text, f"P{i + 1}", m.px(t.label), readable_on(colour), tab.center, bold=True,
                      anchor="center")
            edge = pal.bad if taken is not None and i == taken[0] else pal.focus if focused else pal.panel_edge
            pygame.draw.rect(surface, edge, rect, width=m.px(3 * t.edge) if focused or edge == pal.bad else
                             max(1, m.px(t.edge)), border_radius=m.px(10))
            inner = pygame.Rect(tab.right + m.px(16), rect.top, rect.right - tab.right - m.px(32), rect.height)
            line, size = whole_line(ctx.text, value or self.default(i), m.px(t.body), inner.width - m.px(8))
            selected = focused and self.names[i].selected
            image = ctx.text.render(line, size, readable_on(pal.focus) if selected else
                                    pal.text if value else pal.muted, True)
            text_rect = image.get_rect(midleft=inner.midleft)
            if selected:  # last game's name, selected: what is typed replaces it
                pygame.draw.rect(surface, pal.focus, text_rect.inflate(m.px(8), m.px(4)), border_radius=m.px(4))
            surface.blit(image, text_rect)
            if focused and self.caret.visible:
                x = (text_rect.right + m.px(4)) if value else inner.left
                pygame.draw.line(surface, pal.focus, (x, rect.top + m.px(12)), (x, rect.bottom - m.px(12)), m.px(3))
        self.start.draw(surface, t, ctx.text, m)
        self.back.draw(surface, t, ctx.text, m)
