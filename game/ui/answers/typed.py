"""Type the answer: real text input, as in the name entry (accents and input methods work).

Letters arrive as typed text while the question is open (so the lifeline
keys are text too: the lifelines are the buttons, or a pad's X and Y);
Backspace erases, Enter or the Answer button submits.  The feedback shows
what was typed beside the accepted answer.
"""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.answers import Lock, Panel
from game.ui.widgets import Caret, blit_text, first_fitting, fit_lines

MAX_LENGTH = 60


def clean(text: str) -> str:
    return "".join(ch for ch in text if ch.isprintable())[:MAX_LENGTH]


class TypePanel(Panel):
    wants_text = True

    def __init__(self, app, rnd):
        super().__init__(app, rnd)
        self.value = ""
        self.caret = Caret(steady=app.reduced_motion)
        self.lock.label = "Answer"
        self.box = pygame.Rect(0, 0, 0, 0)
        self.note_y = 0
        self._typing = False

    # -- text input on and off --------------------------------------------------------------------
    def start(self) -> None:
        if not self.revealed and not self._typing:
            self._typing = True
            pygame.key.start_text_input()
            try:
                pygame.key.set_text_input_rect(self.box)  # where an input method shows its window
            except (pygame.error, TypeError):
                pass

    def stop(self) -> None:
        if self._typing:
            self._typing = False
            pygame.key.stop_text_input()

    # -- layout ---------------------------------------------------------------------------------
    def _box_h(self) -> int:
        m, t = self.app.metrics, self.app.theme
        return max(m.px(72), self.app.text.line_height(m.px(t.heading), True) + m.px(16))

    def height(self, width: int, room: int) -> int:
        m, t = self.app.metrics, self.app.theme
        note = self.app.text.line_height(m.px(t.small), True)
        return min(self._box_h() + m.px(10) + 2 * note, room)

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        m, t = self.app.metrics, self.app.theme
        box_h = min(self._box_h(), rect.height)
        if self.revealed:  # room under the box for the accepted answers
            note = self.app.text.line_height(m.px(t.small), True)
            box_h = max(min(box_h, rect.height - m.px(10) - 2 * note),
                        self.app.text.line_height(m.px(t.label), True) + m.px(8))
        lock_w = self.lock_width()
        self.box = pygame.Rect(rect.left, rect.top, rect.width - lock_w - m.px(self.app.theme.gap), box_h)
        self.place_lock(pygame.Rect(self.box.right + m.px(self.app.theme.gap), rect.top, lock_w, box_h))
        self.note_y = self.box.bottom + m.px(10)

    # -- input ----------------------------------------------------------------------------------
    def handle(self, intent) -> bool | Lock:
        kind = intent.kind
        if kind == I.TEXT:
            self.value = clean(self.value + intent.text)
            return True
        if kind == I.ERASE:
            self.value = self.value[:-1]
            return True
        if kind == I.CONFIRM or (kind == I.CLICK and self.lock.contains(intent.pos)):
            if self.value.strip():
                return Lock(self.value)
            return True  # nothing typed yet: nothing to answer
        if kind == I.POINT:
            self.lock.hover = self.lock.contains(intent.pos)
            return True
        return False

    def update(self, dt: float) -> bool:
        self.caret.steady = self.app.reduced_motion
        self.caret.tick(dt)
        return not self.revealed and self.caret.changed()

    def hints(self) -> list[str]:
        return ["Type the answer, Backspace erases, Enter answers", "Type, then Enter", "Enter answers"]

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        mine = self.answers[0] if len(self.answers) == 1 else None
        if self.revealed and mine is not None:
            given = getattr(mine, "response", None)
            shown = given if given is not None else ""
            edge = self.mark_colour(mine.correct, mine.close)
        elif self.revealed:
            shown, edge = "", pal.panel_edge
        else:
            shown, edge = self.value, pal.focus
        box = self.box if not self.revealed else self.rect.clip(self.box.union(self.lock.rect))
        pygame.draw.rect(surface, pal.panel, box, border_radius=m.px(t.radius))
        pygame.draw.rect(surface, edge, box, width=m.px(3), border_radius=m.px(t.radius))
        inner = box.inflate(-m.px(32), -m.px(8))
        tag = ""
        if self.revealed and mine is not None:
            tag = "✓" if mine.correct else "✗"
            if getattr(mine, "response", None) is None:
                shown = "(out of time)"
        if tag:
            tag_img = app.text.render(tag, m.px(t.heading), edge, True)
            surface.blit(tag_img, tag_img.get_rect(midright=inner.midright))
            inner.width -= tag_img.get_width() + m.px(12)
        lines, size = fit_lines(app.text, shown or " ", [m.px(t.heading), m.px(t.body), m.px(t.label)], inner.width,
                                inner.height, bold=True, max_lines=1)
        image = app.text.render(lines[0] if shown else "", size, pal.text, True)
        if image.get_width() > inner.width:  # long text: show its end, where the typing is
            image = image.subsurface(pygame.Rect(image.get_width() - inner.width, 0, inner.width,
                                                 image.get_height()))
        spot = image.get_rect(midleft=inner.midleft)
        surface.blit(image, spot)
        small = m.px(t.small)
        if not self.revealed:
            if not shown:
                blit_text(surface, app.text, "Type your answer", m.px(t.body), pal.muted,
                          (inner.left + m.px(12), inner.centery), anchor="midleft")
            if self.caret.visible:
                x = spot.right + m.px(4) if shown else inner.left
                pygame.draw.line(surface, pal.focus, (x, inner.top + m.px(8)), (x, inner.bottom - m.px(8)), m.px(3))
            self.draw_lock(surface)
            note = first_fitting(app.text, ["Capitals, accents and punctuation don't matter; numbers as digits "
                                            "or words", "Capitals, accents and punctuation don't matter",
                                            "Capitals and accents don't matter"], small, self.rect.width, True)
            blit_text(surface, app.text, note, small, pal.muted, (self.rect.left, self.note_y), bold=True)
            return
        accepted = f"Accepted: {self.round.question.answer}"
        also = tuple(getattr(self.round.question, "also", ()) or ())
        options = [accepted + (f" (also {', '.join(also)})" if also else ""), accepted]
        line = first_fitting(app.text, options, small, self.rect.width, True)
        room = self.rect.bottom - self.note_y
        if room < app.text.line_height(int(small * 0.85), True):
            return  # no room: the feedback's headline says the answer
        lines, size = fit_lines(app.text, line, [small, int(small * 0.85)], self.rect.width, room, bold=True,
                                max_lines=2)
        y = self.note_y
        for text_line in lines:
            y = blit_text(surface, app.text, text_line, size, pal.good, (self.rect.left, y), bold=True).bottom
