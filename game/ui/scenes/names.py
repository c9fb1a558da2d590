"""Name entry for a top-10 score: real text input, then a save that never blocks a frame."""

from __future__ import annotations

import dataclasses

import pygame

from game.core.scores import NAME_MAX, Entry, NameField
from game.ui import intents as I
from game.ui.drawing import READING
from game.ui.menu import Menu
from game.ui.outcomes import ShowScores
from game.ui.scene import Scene
from game.ui.theme import readable_on
from game.ui.widgets import Caret, blit_lines, blit_text, one_line, whole_line

SAVE, CANCEL = range(2)


class NameEntryScene(Scene):
    screen = "name_entry"
    wants_text = True

    def __init__(self, ctx, entry: Entry, rank: int, on_saved=None):
        """``on_saved(results)``: told of the save before the table shows (the results then offer the table,
        not a second save); Back on the table returns to the screen under this one."""
        super().__init__(ctx)
        self.entry = entry
        self.on_saved = on_saved
        self.rank = rank
        # The last name saved (or the game's) is offered selected: typing replaces it, Enter keeps it.  The
        # last name is in the score file: asked of the worker, and offered when it comes back.
        self.field = NameField()
        self.reading = True
        ctx.scores.read(self._offer)
        self.menu = Menu(["Save", "Back"])
        self.caret = Caret(steady=ctx.reduced_motion)
        self.saving = False  # True while the save runs in the background

    def _offer(self, table) -> None:
        self.reading = False
        if not self.field.value:  # nothing typed meanwhile
            self.field = NameField.offering(table.last_name or self.entry.name)

    def settled(self) -> bool:
        return not self.reading

    def enter(self) -> None:
        pygame.key.start_text_input()

    def exit(self) -> None:
        pygame.key.stop_text_input()

    def handle(self, intent) -> bool:
        if self.saving:
            return True
        if intent.kind == I.TEXT:
            self.field.type(intent.text)
            return True
        if intent.kind == I.ERASE:
            self.field.erase()
            return True
        if intent.kind == I.BACK:
            self.ctx.flow.back()
            return True
        if intent.kind == I.CONFIRM:
            self._save()
            return True
        chosen = self.menu.handle(intent, horizontal=True)
        if chosen == SAVE:
            self._save()
        elif chosen == CANCEL:
            self.ctx.flow.back()
        return chosen is not None

    @property
    def value(self) -> str:
        return self.field.value

    def _save(self) -> None:
        name = self.field.name  # only the ends are trimmed; spaces inside stay
        if not name:
            return
        entry = dataclasses.replace(self.entry, name=name)
        self.saving = True
        self.ctx.games.save_scores([entry], [0], self._saved, remember_name=True)

    def _saved(self, result) -> None:
        self.saving = False
        self.ctx.flow.back()  # the results stay under the table: Back returns to them (and the review)
        if self.on_saved is not None:
            self.on_saved(result)
        self.ctx.flow.go(ShowScores(self.entry.board, highlight=result))

    def update(self, dt: float) -> None:
        self.caret.steady = self.ctx.reduced_motion
        self.caret.tick(dt)

    def animating(self) -> bool:
        # Redraw when the caret blinks on or off, or while saving.
        return self.caret.changed()

    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        w = min(m.px(720), width - 2 * m.px(40))
        self.prompt_lines = ctx.text.wrap(f"Type your name (1 to {NAME_MAX} characters) and press Enter",
                                          m.px(t.label), width - 2 * m.px(40))
        head_h = ctx.text.line_height(m.px(t.title), True) + m.px(16) + \
            len(self.prompt_lines) * ctx.text.line_height(m.px(t.label)) + m.px(16)
        box_h = max(m.px(76), ctx.text.line_height(m.px(t.heading), True) + m.px(16))
        row_h = max(m.px(60), ctx.text.line_height(m.px(t.label), True) + m.px(18))
        total = head_h + box_h + m.px(30) + row_h
        top = max(m.px(12), (height - total) // 2)
        self.head_top = top
        self.box = pygame.Rect((width - w) // 2, top + head_h, w, box_h)
        row = pygame.Rect(self.box.left, self.box.bottom + m.px(30), w, row_h)
        self.menu.place_row(row, m.px(16))
        self.button_size = self.menu.fitting_size(ctx, m.px(t.body))

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        cx = surface.get_width() // 2
        title = f"New high score: #{self.rank}"
        y = blit_text(surface, ctx.text, title, one_line(ctx.text, title, m.px(t.title), surface.get_width(), True),
                      pal.accent, (cx, self.head_top), bold=True, anchor="midtop").bottom + m.px(16)
        blit_lines(surface, ctx.text, self.prompt_lines, m.px(t.label), pal.muted,
                   pygame.Rect(0, y, surface.get_width(), 0), valign="top")
        pygame.draw.rect(surface, pal.panel, self.box, border_radius=m.px(t.radius))
        pygame.draw.rect(surface, pal.focus, self.box, width=m.px(3), border_radius=m.px(t.radius))
        inner = self.box.inflate(-m.px(32), -m.px(12))
        line, size = whole_line(ctx.text, self.value or " ", m.px(t.heading), inner.width - m.px(8))
        shown = line if self.value else ""
        selected = self.field.selected and not self.saving
        image = ctx.text.render(shown, size, readable_on(pal.focus) if selected else pal.text, True)
        rect = image.get_rect(midleft=inner.midleft)
        if selected:  # the offered name, selected: what is typed replaces it
            pygame.draw.rect(surface, pal.focus, rect.inflate(m.px(8), m.px(4)), border_radius=m.px(4))
        surface.blit(image, rect)
        if self.caret.visible and not self.saving:
            x = rect.right + m.px(4)
            pygame.draw.line(surface, pal.focus, (x, inner.top + m.px(8)), (x, inner.bottom - m.px(8)), m.px(3))
        if self.saving or self.reading:
            blit_text(surface, ctx.text, "Saving…" if self.saving else READING, m.px(t.label), pal.muted,
                      (cx, self.menu.buttons[0].rect.bottom + m.px(20)), anchor="midtop")
        self.menu.draw(surface, ctx, self.button_size)
