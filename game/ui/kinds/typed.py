"""Type the answer: real text input, as in the name entry (accents and input methods work).

Letters arrive as typed text while the question is open (so the lifeline
keys are text too: the lifelines are the buttons, or a pad's X and Y);
Backspace erases, Enter or the Answer button submits.  Under the box an
on-screen keyboard (digits, letters, space, erase, OK) answers by mouse
clicks alone, or by a pad's stick or the arrows and A or Enter.  The
feedback shows what was typed beside the right answer.
"""

from __future__ import annotations

import pygame

from game.core.kinds import answer_lines
from game.core.spelling import FORGIVEN
from game.ui import intents as I
from game.ui.kinds import Lock, Panel, PartyView
from game.ui.layer import Layer
from game.ui.widgets import Caret, blit_text, first_fitting, fit_lines

MAX_LENGTH = 60
ERASE_KEY, OK_KEY = "\b", "\n"
# The on-screen keyboard: rows of (label, what it types, width in key units); every row is ten units wide.
KEY_ROWS = (
    tuple((d, d, 1) for d in "1234567890"),
    tuple((c, c.lower(), 1) for c in "QWERTYUIOP"),
    tuple((c, c.lower(), 1) for c in "ASDFGHJKL") + (("⌫", ERASE_KEY, 1),),
    tuple((c, c.lower(), 1) for c in "ZXCVBNM") + (("Space", " ", 2), ("OK", OK_KEY, 1)),
)
KEY_UNITS = 10


def clean(text: str) -> str:
    return "".join(ch for ch in text if ch.isprintable())[:MAX_LENGTH]


class TypePanel(Panel):
    wants_text = True

    def __init__(self, ctx, rnd):
        super().__init__(ctx, rnd)
        self.value = ""
        self.caret = Caret(steady=ctx.reduced_motion)
        self.lock.label = "Answer"
        self.box = pygame.Rect(0, 0, 0, 0)
        self.note_y = 0
        self._typing = False
        self.keys: list[tuple] = []  # (rect, label, what it types, row, first unit, units wide)
        self.key_focus: int | None = None  # the on-screen key with the focus (arrows or a pad), if shown
        self.key_hover: int | None = None
        self._keys_image = Layer()  # the keys drawn once, blitted while their focus and sizes stay
        self.key_size = 0
        self.show_note = True

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
        m, t = self.ctx.metrics, self.ctx.theme
        return max(m.px(72), self.ctx.text.line_height(m.px(t.heading), True) + m.px(16))

    def _key_h(self) -> int:
        m, t = self.ctx.metrics, self.ctx.theme
        return max(m.px(40), self.ctx.text.line_height(m.px(t.small), True) + m.px(10))

    def _keyboard_h(self) -> int:
        m = self.ctx.metrics
        return len(KEY_ROWS) * self._key_h() + (len(KEY_ROWS) - 1) * m.px(6)

    def _keys_min(self) -> int:
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        rows = len(KEY_ROWS)
        # A key holds one letter: at its least it may be half the notes' size (never under the smallest text the
        # screens use), so that at large text sizes the keys give way before the prompt does.
        least = max(int(m.px(t.small) * 0.5), m.px(14))
        return rows * (text.line_height(least, True) + m.px(4)) + (rows - 1) * m.px(6)

    def _box_min(self) -> int:
        m, t = self.ctx.metrics, self.ctx.theme
        return self.ctx.text.line_height(m.px(t.label), True) + m.px(8)

    def min_height(self, width: int) -> int:
        return self._box_min() + self.ctx.metrics.px(10) + self._keys_min()

    def height(self, width: int, room: int) -> int:
        m, t = self.ctx.metrics, self.ctx.theme
        note = self.ctx.text.line_height(m.px(t.small), True)
        keyboard = 0 if self.revealed else self._keyboard_h() + m.px(10)
        return min(self._box_h() + m.px(10) + 2 * note + keyboard, room)

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        m, t = self.ctx.metrics, self.ctx.theme
        box_h = min(self._box_h(), rect.height)
        if self.revealed:  # room under the box for the accepted answers
            note = self.ctx.text.line_height(m.px(t.small), True)
            box_h = max(min(box_h, rect.height - m.px(10) - 2 * note),
                        self.ctx.text.line_height(m.px(t.label), True) + m.px(8))
        elif rect.height < self._box_h() + m.px(10) + self._keys_min():  # tight: a smaller box, the keys whole
            box_h = min(box_h, max(self._box_min(), rect.height - m.px(10) - self._keys_min()))
        lock_w = self.lock_width()
        self.box = pygame.Rect(rect.left, rect.top, rect.width - lock_w - m.px(self.ctx.theme.gap), box_h)
        self.place_lock(pygame.Rect(self.box.right + m.px(self.ctx.theme.gap), rect.top, lock_w, box_h))
        self.note_y = self.box.bottom + m.px(10)
        self._layout_keys(rect)

    def _layout_keys(self, rect: pygame.Rect) -> None:
        """The on-screen keys under the note, as wide as the panel allows and as tall as the room left."""
        self.keys = []
        if self.revealed:
            return
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        note = text.line_height(m.px(t.small), True)
        # The note on what doesn't matter goes where the keys leave room for it.
        self.show_note = rect.bottom - self.note_y - note - m.px(10) >= self._keys_min()
        top = self.note_y + (note + m.px(10) if self.show_note else 0)
        gap = m.px(6)
        rows = len(KEY_ROWS)
        key_h = min(self._key_h(), max((rect.bottom - top - gap * (rows - 1)) // rows, 8))
        unit = min((rect.width - gap * (KEY_UNITS - 1)) // KEY_UNITS, m.px(110))
        width = unit * KEY_UNITS + gap * (KEY_UNITS - 1)
        left = rect.centerx - width // 2
        for r, row in enumerate(KEY_ROWS):
            x, first = left, 0
            y = top + r * (key_h + gap)
            for label, value, units in row:
                w = unit * units + gap * (units - 1)
                self.keys.append((pygame.Rect(x, y, w, key_h), label, value, r, first, units))
                x += w + gap
                first += units
        # One size for every key: the largest whose widest label fits its key.
        sizes = [m.px(t.label), m.px(t.small), int(m.px(t.small) * 0.85), int(m.px(t.small) * 0.75)]
        sizes += [s for s in (int(m.px(t.small) * 0.6), max(int(m.px(t.small) * 0.5), m.px(14))) if s < sizes[-1]]
        if self.max_text:
            sizes = [min(size, self.max_text) for size in sizes]
        self.key_size = sizes[-1]
        for size in sizes:
            if all(text.width(label, size, True) <= k.width - m.px(8) for k, label, *_ in self.keys) and \
                    text.line_height(size, True) <= key_h:
                self.key_size = size
                break

    def _key_at(self, pos) -> int | None:
        return next((i for i, key in enumerate(self.keys) if key[0].collidepoint(pos)), None)

    def _move_key(self, dx: int, dy: int) -> None:
        """Arrows or a pad: from the key with the focus (an unseen focus starts on the top-left key)."""
        if not self.keys:
            return
        index = 0 if self.key_focus is None else self.key_focus
        _, _, _, row, first, _ = self.keys[index]
        if self.key_focus is None and not dx and not dy:
            self.key_focus = 0
            return
        if dx:
            in_row = [i for i, key in enumerate(self.keys) if key[3] == row]
            index = in_row[(in_row.index(index) + dx) % len(in_row)]
        if dy:
            row = (row + dy) % len(KEY_ROWS)
            # the key of that row under the same unit
            index = next(i for i, key in enumerate(self.keys) if key[3] == row and key[4] <= first < key[4] + key[5])
        self.key_focus = index

    def _press(self, value: str) -> bool | Lock:
        if value == ERASE_KEY:
            self.value = self.value[:-1]
        elif value == OK_KEY:
            return Lock(self.value) if self.value.strip() else True
        else:
            self.value = clean(self.value + value)
        return True

    # -- input ----------------------------------------------------------------------------------
    def handle(self, intent) -> bool | Lock:
        kind = intent.kind
        if kind == I.TEXT:
            self.value = clean(self.value + intent.text)
            self.key_focus = None  # typing on a keyboard: Enter answers again
            return True
        if kind == I.ERASE:
            self.value = self.value[:-1]
            return True
        if kind == I.MOVE:
            self._move_key(intent.dx, intent.dy)
            return True
        if kind == I.CONFIRM and self.key_focus is not None:  # a pad's A or Enter on the on-screen key
            return self._press(self.keys[self.key_focus][2])
        if kind == I.CLICK and (at := self._key_at(intent.pos)) is not None:
            return self._press(self.keys[at][2])
        if kind == I.CONFIRM or (kind == I.CLICK and self.lock.contains(intent.pos)):
            if self.value.strip():
                return Lock(self.value)
            return True  # nothing typed yet: nothing to answer
        if kind == I.POINT:
            self.lock.hover = self.lock.contains(intent.pos)
            self.key_hover = self._key_at(intent.pos)
            return True
        return False

    def update(self, dt: float) -> bool:
        self.caret.steady = self.ctx.reduced_motion
        self.caret.tick(dt)
        return not self.revealed and self.caret.changed()

    def hints(self) -> list[str]:
        return ["Type the answer (or click the keys), Backspace erases, Enter answers",
                "Type or click the keys, then Enter", "Type, then Enter", "Enter answers"]

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
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
            tag_img = ctx.text.render(tag, m.px(t.heading), edge, True)
            surface.blit(tag_img, tag_img.get_rect(midright=inner.midright))
            inner.width -= tag_img.get_width() + m.px(12)
        sizes = [m.px(t.heading), m.px(t.body), m.px(t.label)]
        if self.revealed:
            lines, size = fit_lines(ctx.text, shown or " ", sizes, inner.width, inner.height, bold=True, max_lines=1)
            spot = blit_text(surface, ctx.text, lines[0] if shown else "", size, pal.text, inner.midleft, bold=True,
                             anchor="midleft")
        else:
            spot = self._draw_typing(surface, shown, sizes, inner)
        small = m.px(t.small)
        if not self.revealed:
            if not shown:
                blit_text(surface, ctx.text, "Type your answer", m.px(t.body), pal.muted,
                          (inner.left + m.px(12), inner.centery), anchor="midleft")
            if self.caret.visible:
                x = spot.right + m.px(4) if shown else inner.left
                pygame.draw.line(surface, pal.focus, (x, inner.top + m.px(8)), (x, inner.bottom - m.px(8)), m.px(3))
            self.draw_lock(surface)
            self._draw_keys(surface)
            if not self.show_note:
                return
            note = first_fitting(ctx.text, FORGIVEN, small, self.rect.width, True)
            blit_text(surface, ctx.text, note, small, pal.muted, (self.rect.left, self.note_y), bold=True)
            return
        line = first_fitting(ctx.text, answer_lines(self.round), small, self.rect.width, True)
        colour = self.mark_colour(mine.correct, mine.close) if mine is not None else pal.text
        room = self.rect.bottom - self.note_y
        if room < ctx.text.line_height(int(small * 0.85), True):
            return  # no room: the feedback's headline says the answer
        lines, size = fit_lines(ctx.text, line, [small, int(small * 0.85)], self.rect.width, room, bold=True,
                                max_lines=2)
        y = self.note_y
        for text_line in lines:
            y = blit_text(surface, ctx.text, text_line, size, colour, (self.rect.left, y), bold=True).bottom

    def caret_room(self) -> int:
        """The room the caret takes after the text."""
        return self.ctx.metrics.px(8)

    def visible_tail(self, value: str, size: int, width: int) -> str:
        """What the box shows of ``value`` while it is typed: all of it if it fits ``width``, else as much
        of its end as fits after a "…" (the box scrolls with the caret, which is always at the end)."""
        text = self.ctx.text
        if text.width(value, size, True) <= width:
            return value
        room = width - text.width("…", size, True)
        low, high = 0, len(value)  # the fewest characters to drop from the start
        while low < high:
            mid = (low + high) // 2
            if text.width(value[mid:], size, True) <= room:
                high = mid
            else:
                low = mid + 1
        return value[low:]

    def _draw_typing(self, surface, value: str, sizes: list[int], inner: pygame.Rect) -> pygame.Rect:
        """The answer being typed on one line, the largest size at which it fits whole; longer, its end at
        the smallest size, scrolled so the caret stays in the box.  Returns the text's rect."""
        ctx, pal = self.ctx, self.ctx.theme.palette
        text = ctx.text
        width = inner.width - self.caret_room()
        tall = [size for size in sizes if text.line_height(size, True) <= inner.height] or sizes[-1:]
        size = next((size for size in tall if text.width(value, size, True) <= width), tall[-1])
        tail = self.visible_tail(value, size, width)
        left = inner.left
        if tail != value:
            left = blit_text(surface, text, "…", size, pal.muted, inner.midleft, bold=True, anchor="midleft").right
        return blit_text(surface, text, tail, size, pal.text, (left, inner.centery), bold=True, anchor="midleft")

    def _draw_keys(self, surface) -> None:
        if not self.keys:
            return
        area = self.keys[0][0].unionall([key[0] for key in self.keys[1:]])
        ctx = self.ctx
        look = (ctx.theme, ctx.metrics, id(ctx.text), self.key_focus, self.key_hover, self.key_size,
                tuple((tuple(rect), label) for rect, label, *_ in self.keys))
        self._keys_image.blit_area(surface, area, look, self._paint_keys)

    def _paint_keys(self, surface, origin: tuple[int, int]) -> None:
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        pal = t.palette
        radius = m.px(t.radius) // 2
        for i, (rect, label, *_) in enumerate(self.keys):
            rect = rect.move(-origin[0], -origin[1])
            lit = i in (self.key_focus, self.key_hover)
            pygame.draw.rect(surface, pal.panel_hover if lit else pal.panel, rect, border_radius=radius)
            focused = i == self.key_focus
            pygame.draw.rect(surface, pal.focus if focused else pal.panel_edge, rect,
                             width=m.px(3) if focused else max(1, m.px(t.edge)), border_radius=radius)
            blit_text(surface, text, label, self.key_size, pal.text, rect.center, bold=True, anchor="center")


class TypeParty(PartyView):
    """A panel of words on the big screen while phones type; the reveal says the answer and who got it."""

    def draw_question(self, surface, area: pygame.Rect) -> None:
        m, t = self.ctx.metrics, self.ctx.theme
        self.scene.panel_lines(surface, area, "Type the answer on your phone",
                               first_fitting(self.ctx.text, FORGIVEN, m.px(t.label), area.width - m.px(40)))

    def draw_reveal(self, surface, area: pygame.Rect) -> None:
        m = self.ctx.metrics
        scene, rnd = self.scene, self.round
        y = area.top + scene.headline(surface, area, f"The answer: {rnd.question.answer}") + m.px(10)
        lines = []
        also = rnd.question.also
        if also:
            lines.append("Also accepted: " + ", ".join(also))
        right = sum(1 for a in self.answers() if a.correct)
        given = sum(1 for a in self.answers() if a.response is not None)
        lines.append(f"{right} of {given} typed it right")
        scene.lines(surface, pygame.Rect(area.left, y, area.width, area.bottom - y), lines)
