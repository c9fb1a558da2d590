"""Multiple choice: a grid of 2 to 6 choices, each with its letter, shape and colour.

1–6 or A–F answer at once; the arrows move the focus over the grid (stepping over choices the 50:50 took
away) and Enter or Space answers (a pad's first A only shows the focus); a click answers.  The grid and the
prompt above it share the room: every choice whole, at one size, the largest at which all of them and the
prompt fit, in one column or two (chosen on the question, for its feedback too).  At a party the big screen
shows the same grid, and its reveal counts who picked each choice.
"""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.drawing import draw_panel
from game.ui.kinds import INTRO_SECONDS, INTRO_STAGGER, Lock, Panel, PartyView
from game.ui.theme import LETTERS, SHAPES, readable_on
from game.ui.widgets import (
    ChoiceButton,
    _mix,
    blit_text,
    choice_height,
    choice_text_width,
    draw_shape,
    fit_choice_size,
    fit_lines,
    one_line,
    size_ladder,
)


class ChoicePanel(Panel):
    answer_with = True
    own_shots = False  # the game's usual pictures: "question", "feedback", "lifelines"

    def __init__(self, ctx, rnd):
        super().__init__(ctx, rnd)
        self.buttons = [ChoiceButton(pygame.Rect(0, 0, 0, 0), i, label) for i, label in enumerate(rnd.choices)]
        self.focus: int | None = None
        self.columns = 2
        self.removed: tuple[int, ...] = ()
        self.choice_size = 0
        self.asked_size: int | None = None  # the choices' size on the question (kept for its feedback)
        self.revealing = False  # laid out for the feedback: the question's arrangement, never larger

    @property
    def question_size(self) -> int | None:
        return self.asked_size

    @property
    def rising(self) -> int:
        return len(self.buttons)

    # -- input ----------------------------------------------------------------------------------
    def handle(self, intent) -> bool | Lock:
        kind = intent.kind
        if kind == I.CHOOSE:
            if intent.index < len(self.buttons) and intent.index not in self.removed:
                return Lock(intent.index)
            return False
        if kind == I.MOVE:
            self.move_focus(intent.dx, intent.dy)
            return True
        if kind == I.CONFIRM:
            if self.focus is None:  # a first press (a pad's A) shows where the focus is
                self.move_focus(0, 0)
                return True
            return Lock(self.focus)
        if kind == I.POINT:
            for button in self.buttons:
                button.hover = button.contains(intent.pos)
            return True
        if kind == I.CLICK:
            for button in self.buttons:
                if button.contains(intent.pos):
                    return Lock(button.index)
        return False

    def move_focus(self, dx: int, dy: int) -> None:
        n = len(self.buttons)
        removed = self.removed
        if self.focus is None:
            # An unseen focus starts on the first choice (top left): a first arrow moves from there, so → then ↓
            # on a 2×2 grid lands on D as the player expects; a first Enter (a pad's A) only shows it.
            self.focus = next(i for i in range(n) if i not in removed)
        if dx or dy:
            rows = (n + self.columns - 1) // self.columns
            index = self.focus
            for _ in range(n):  # step over choices the 50:50 took away
                row, col = divmod(index, self.columns)
                col = (col + dx) % self.columns if dx else col
                row = (row + dy) % rows
                index = min(row * self.columns + col, n - 1)
                if index not in removed:
                    break
            self.focus = index
        for button in self.buttons:
            button.focus = button.index == self.focus

    def remove(self, removed: tuple[int, ...]) -> None:
        self.removed = tuple(removed)
        for button in self.buttons:
            if button.index in removed:
                button.mark, button.hover, button.focus = "removed", False, False
        if self.focus in removed:
            # The focus moves to the nearest choice left (the next, else the one before), so it stays in sight
            # and Enter answers what is shown; it never rests on a struck-out choice.
            left = [b.index for b in self.buttons if b.index not in self.removed]
            after = [i for i in left if i > self.focus]
            self.focus = after[0] if after else (left[-1] if left else None)
            for button in self.buttons:
                button.focus = button.index == self.focus

    def reveal(self, answers: list) -> None:
        super().reveal(answers)
        correct = self.round.correct
        picks = {a.chosen: a for a in answers if a.chosen is not None}
        for button in self.buttons:
            button.hover = button.focus = False
            if button.index == correct:
                button.mark = "correct"
            elif button.index in picks:
                button.mark = "close" if picks[button.index].close else "wrong"
            elif button.mark != "removed":
                button.mark = "dim"

    def hints(self) -> list[str]:
        """How to answer, longest first, naming the keys of the choices still there ("1–4 or A–D", or
        after a 50:50 "1, 3 or A, C")."""
        left = [b.index for b in self.buttons if b.index not in self.removed]
        if not left:
            return ["arrows and Enter, or a click", "a click"]
        if left == list(range(left[0], left[-1] + 1)) and len(left) > 2:
            digits = f"{left[0] + 1}–{left[-1] + 1}"
            letters = f"{LETTERS[left[0]]}–{LETTERS[left[-1]]}"
        else:
            digits = ", ".join(str(i + 1) for i in left)
            letters = ", ".join(LETTERS[i] for i in left)
        return [f"{digits} or {letters}, arrows and Enter, or a click", f"{digits}, {letters}, arrows or a click",
                f"{digits} or {letters}"]

    def control_rects(self) -> list:
        return [rect for button in self.buttons for rect in button.control_rects()]

    # -- layout ---------------------------------------------------------------------------------
    def feedback_height(self, scene, inner_w: int, height: int, wanted: int) -> int:
        """The feedback panel takes the room the choices leave at the size they had on the question; it has
        at least its floor (the headline, two lines of explanation), and never pushes the choices past the
        smallest size."""
        if self.asked_size is None:
            return wanted
        m = self.ctx.metrics
        free = height - m.px(12) - scene.clock_bottom() - m.px(16) * 2
        keep = free - self._grid_need(inner_w, self.asked_size)
        bottom_h = min(scene.feedback_height(inner_w, height, capped=False), max(keep, scene.feedback_floor(inner_w)))
        return max(min(bottom_h, free - self._grid_need(inner_w, scene.smallest())), m.px(96))

    def feedback_largest(self) -> int | None:
        m, t = self.ctx.metrics, self.ctx.theme
        if self.buttons and self.asked_size is not None and self.choice_size < self.asked_size:
            return min(m.px(t.label), self.asked_size)  # the answers gave way: as the panel was sized
        return None

    def _grid_need(self, inner_w: int, size: int) -> int:
        """The height the choices (in the question's columns) and the prompt need with text at ``size``."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        gap = m.px(t.gap)
        col_w = (inner_w - gap * (self.columns - 1)) // self.columns
        lines = max(len(text.wrap(b.label, size, choice_text_width(col_w, t, text, m))) for b in self.buttons)
        rows = -(-len(self.buttons) // self.columns)
        prompt = len(text.wrap(self.round.question.prompt, size, inner_w, True)) * text.line_height(size, True)
        return rows * choice_height(lines, size, text, m) + (rows - 1) * gap + prompt

    def _grid_fit(self, scene, columns: int, inner_w: int, room: int, largest: int, smallest: int):
        """The largest size from ``largest`` down at which the choices in ``columns`` columns, wrapped onto
        the lines they need, and the prompt above them (at that size or larger) fit ``room``:
        ``(size, grid_h, rows, button_h, (prompt_lines, prompt_size))``, or ``None``."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        gap = m.px(t.gap)
        col_w = (inner_w - gap * (columns - 1)) // columns
        rows = -(-max(len(self.buttons), 1) // columns)
        for size in size_ladder(largest, smallest):
            text_w = choice_text_width(col_w, t, text, m)
            lines = max((len(text.wrap(b.label, size, text_w)) for b in self.buttons), default=1)
            button_h = choice_height(lines, size, text, m)
            grid_h = rows * button_h + (rows - 1) * gap
            prompt = scene.prompt_fit(size, inner_w, room - grid_h - m.px(16))
            if prompt is not None:
                return size, grid_h, rows, button_h, prompt
        return None

    def place(self, scene, width: int, top: int, bottom: int) -> None:
        """The choices and the prompt above them.  Every choice is drawn whole, at one size: the largest at
        which all of them, wrapped onto as many lines as they need, and the prompt (never smaller than
        the choices) fit.  One column or two is chosen on the question, for the larger text on the
        question and on its feedback alike, and kept for the feedback."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin, gap = m.px(t.margin), m.px(t.gap)
        inner_w = width - 2 * margin
        n = max(len(self.buttons), 1)
        room = bottom - top
        if scene.phase == "feedback" and self.asked_size is not None:
            largest = self.asked_size  # the same arrangement as the question had, never larger
            smallest = min(largest, scene.smallest())
            fit = self._grid_fit(scene, self.columns, inner_w, room, largest, smallest)
            columns = self.columns
        else:
            largest = m.px(t.body)
            smallest = min(largest, scene.smallest())
            options = [1] if n <= 2 and width < 900 else [2, 1]
            later = scene.feedback_room(inner_w)
            scored = []
            for columns in options:
                now = self._grid_fit(scene, columns, inner_w, room, largest, smallest)
                then = self._grid_fit(scene, columns, inner_w, later, largest, smallest)
                if now is not None:
                    # The smaller of its sizes now and on the feedback, then its size now, then the lower grid.
                    scored.append(((min(now[0], then[0] if then else 0), now[0], -now[1]), columns, now))
            _, columns, fit = max(scored, key=lambda c: c[0]) if scored else (None, options[0], None)
        if fit is None:  # nothing fits (the validator's limits keep this from happening): the smallest size
            rows = -(-n // columns)
            col_w = (inner_w - gap * (columns - 1)) // columns
            lines = max((len(text.wrap(b.label, smallest, choice_text_width(col_w, t, text, m)))
                         for b in self.buttons), default=1)
            button_h = choice_height(lines, smallest, text, m)
            prompt = (text.wrap(self.round.question.prompt, smallest, inner_w, True), smallest)
            fit = (smallest, rows * button_h + (rows - 1) * gap, rows, button_h, prompt)
        self.columns = columns
        self.choice_size, grid_h, rows, button_h, (scene.prompt_lines, scene.prompt_size) = fit
        if scene.phase == "question":
            self.asked_size = self.choice_size
        # Roomy buttons where the window has height to spare (never taking the prompt's lines).
        prompt_h = len(scene.prompt_lines) * text.line_height(scene.prompt_size, True)
        spare = room - m.px(16) - prompt_h - grid_h
        comfy = min(m.px(96), max(m.px(56), (ctx.size[1] * 0.42 - gap * (rows - 1)) // rows))
        if spare > 0 and button_h < comfy:
            grow = min(comfy - button_h, spare // rows)
            button_h += grow
            grid_h += grow * rows
        grid_top = bottom - grid_h
        scene.prompt_rect = pygame.Rect(margin, top, inner_w, max(grid_top - top - m.px(16), 1))
        col_w = (inner_w - gap * (self.columns - 1)) // self.columns
        for button in self.buttons:
            row, col = divmod(button.index, self.columns)
            button.rect = pygame.Rect(margin + col * (col_w + gap), grid_top + row * (button_h + gap), col_w, button_h)
            button.size = self.choice_size
        self.rect = pygame.Rect(margin, grid_top, inner_w, grid_h)

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        if self.intro > INTRO_SECONDS + INTRO_STAGGER * len(self.buttons):
            for button in self.buttons:
                button.draw(surface, t, ctx.text, m)
            return
        # The answers rise into place one after another (eased), then stay still.
        rise = m.px(28)
        for button in self.buttons:
            progress = min(max((self.intro - INTRO_STAGGER * button.index) / INTRO_SECONDS, 0.0), 1.0)
            offset = round(rise * (1 - progress) ** 3)
            home = button.rect
            button.rect = home.move(0, offset)
            try:
                button.draw(surface, t, ctx.text, m)
            finally:
                button.rect = home


class ChoiceParty(PartyView):
    """The choices under the prompt on the big screen; the reveal counts who picked each."""

    own_shots = False

    def __init__(self, scene, rnd):
        super().__init__(scene, rnd)
        self.buttons = [ChoiceButton(pygame.Rect(0, 0, 0, 0), i, label) for i, label in enumerate(rnd.choices)]

    def control_rects(self) -> list:
        return [rect for button in self.buttons for rect in button.control_rects()]

    def least_prompt(self) -> int | None:
        return self.buttons[0].size if self.buttons else None

    def place(self, room_at) -> int:
        """The choices at the bottom of the body, whole words at one size for all: two columns, or one
        where that lets the text be larger, with the prompt above whole at that size or larger (``room_at``:
        the height the prompt leaves at a size); returns the height they take."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text, body, gap = ctx.text, self.scene.body, m.px(t.gap)
        n = len(self.buttons)
        sizes = size_ladder(m.px(t.body), self.scene.smallest())
        best = None
        for columns in ([2, 1] if n > 2 else [1]):
            rows = -(-n // columns)
            col_w = (body.width - gap * (columns - 1)) // columns
            room_w = choice_text_width(col_w, t, text, m)
            for size in sizes:
                room = room_at(size)
                whole = all(text.width(word, size) <= room_w for b in self.buttons for word in b.label.split())
                lines = max(len(text.wrap(b.label, size, room_w)) for b in self.buttons)
                need = choice_height(lines, size, text, m)
                button_h = max(need, m.px(64))  # a comfortable height for one line
                if whole and rows * button_h + gap * (rows - 1) <= room or size == sizes[-1]:
                    button_h = min(button_h, max((room - gap * (rows - 1)) // rows, need))
                    if best is None or size > best[0]:
                        best = (size, columns, rows, col_w, button_h)
                    break
        assert best is not None  # the smallest size is always taken
        size, columns, rows, col_w, button_h = best
        grid_h = rows * button_h + gap * (rows - 1)
        top = body.bottom - grid_h
        for b in self.buttons:
            row, col = divmod(b.index, columns)
            b.rect = pygame.Rect(body.left + col * (col_w + gap), top + row * (button_h + gap), col_w, button_h)
        fit_choice_size(self.buttons, t, text, m, size)  # one size for every choice, each one whole, never above
        return grid_h

    def draw_question(self, surface, area: pygame.Rect) -> None:
        m, t = self.ctx.metrics, self.ctx.theme
        for b in self.buttons:
            b.draw(surface, t, self.ctx.text, m)

    def reveal_need(self) -> int:
        n = len(self.round.choices)
        return n * self.scene.row_least() + (n - 1) * self.ctx.metrics.px(10)

    def colour(self, i: int):
        pal = self.ctx.theme.palette
        return pal.choices[i % len(pal.choices)]

    def draw_badge(self, surface, badge: pygame.Rect, i: int, ink, shape_r: int) -> None:
        m, t = self.ctx.metrics, self.ctx.theme
        letter = self.ctx.text.render(LETTERS[i], self.scene.fit_height(m.px(t.label), badge.height, True), ink, True)
        x = badge.centerx - (letter.get_width() + m.px(6) + 2 * shape_r) // 2
        surface.blit(letter, letter.get_rect(midleft=(x, badge.centery)))
        draw_shape(surface, SHAPES[i], (x + letter.get_width() + m.px(6) + shape_r, badge.centery), shape_r, ink)

    def draw_reveal(self, surface, area: pygame.Rect) -> None:
        """One row per choice: its badge, a bar as long as its share of the answers, the count; ✓ on the right one."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        scene, rnd = self.scene, self.round
        counts = scene.reveal.counts
        n = len(rnd.choices)
        most = max(max(counts, default=0), 1)
        gap = m.px(10)
        row_h = min(max((area.height - gap * (n - 1)) // max(n, 1), scene.row_least()), m.px(80))
        badge_w = min(m.px(96), row_h + m.px(30))
        count_w = text.width("000", m.px(t.heading), True) + m.px(40)
        for i, choice in enumerate(rnd.choices):
            row = pygame.Rect(area.left, area.top + i * (row_h + gap), area.width, row_h)
            right = i == rnd.correct
            colour = self.colour(i)
            draw_panel(surface, ctx, row, m.px(10), pal.panel if right else _mix(pal.panel, pal.bg_top, 0.4))
            badge = pygame.Rect(row.left, row.top, badge_w, row_h)
            badge_colour = colour if right else _mix(colour, pal.panel, 0.55)
            pygame.draw.rect(surface, badge_colour, badge, border_top_left_radius=m.px(10),
                             border_bottom_left_radius=m.px(10))
            ink = readable_on(badge_colour)
            shape_r = max(m.px(7), min(m.px(12), row_h // 4))
            self.draw_badge(surface, badge, i, ink, shape_r)
            track = pygame.Rect(badge.right + m.px(8), row.top + m.px(6), row.width - badge_w - count_w - m.px(16),
                                row_h - m.px(12))
            share = counts[i] / most if i < len(counts) else 0.0
            if share > 0:
                bar = pygame.Rect(track.left, track.top, max(int(track.width * share), m.px(6)), track.height)
                pygame.draw.rect(surface, _mix(colour, pal.panel, 0.35 if right else 0.7), bar, border_radius=m.px(6))
            if right:
                pygame.draw.rect(surface, pal.good, row, width=m.px(4), border_radius=m.px(10))
            label = f"✓ {choice}" if right else choice
            size = one_line(text, label, scene.fit_height(m.px(t.body), track.height, right), track.width - m.px(16),
                            right, smallest=0.6)
            lines, size = fit_lines(text, label, [size], track.width - m.px(16), track.height, bold=right, max_lines=1)
            blit_text(surface, text, lines[0], size, pal.text if right else pal.muted,
                      (track.left + m.px(10), track.centery), bold=right, anchor="midleft")
            number = str(counts[i]) if i < len(counts) else "0"
            blit_text(surface, text, number, scene.fit_height(m.px(t.heading), row_h, True),
                      pal.good if right else pal.text, (row.right - m.px(16), row.centery), bold=True,
                      anchor="midright")
