"""Put in order: three or four items, rearranged by keys, numbers, a pad or the mouse, then locked in.

↑/↓ (a pad's d-pad or stick) move the focus over the items and the Lock in
button; Enter, Space or A picks the focused item up, ↑/↓ then carry it, and
Enter drops it.  Or a number picks up the item in that place and a second
number puts it there.  The mouse drags an item to its place.  The response is
the order of indices into the round's choices.  The feedback shows the
player's order, each item marked in place or not, beside the right order.
"""

from __future__ import annotations

import pygame

from game.core.kinds import in_place
from game.ui import intents as I
from game.ui.drawing import draw_panel
from game.ui.kinds import Lock, Panel, PartyView
from game.ui.layout import largest_fitting
from game.ui.record import note_box
from game.ui.theme import readable_on
from game.ui.widgets import (
    _mix,
    blit_lines,
    blit_text,
    first_fitting,
    fit_lines,
    one_line,
    size_ladder,
)


class OrderPanel(Panel):
    def the_answer(self) -> str:
        return "The right order is shown above"  # beside the player's, in full

    def __init__(self, ctx, rnd):
        super().__init__(ctx, rnd)
        self.n = len(rnd.choices)
        self.order = list(range(self.n))  # indices into the round's choices, top to bottom
        self.focus: int | None = None     # a place 0..n-1, or n: the Lock in button
        self.held: int | None = None      # the place of the item carried by the keys
        self.drag: int | None = None      # the place of the item carried by the mouse
        self.drag_y = 0
        self.grab = 0                     # where in its row the item was grabbed
        self.hover: int | None = None
        self.rows: list[pygame.Rect] = []
        self.right_rows: list[pygame.Rect] = []
        self.head_y = 0
        self.compact = False
        self.text_size = ctx.metrics.px(ctx.theme.body)

    @property
    def response(self) -> tuple[int, ...]:
        return tuple(self.order)

    # -- layout ---------------------------------------------------------------------------------
    # Every item is drawn whole, at one size for all of them: the largest at which each, wrapped onto as
    # many lines as it needs, fits its row (rows grow for the lines before the text shrinks).
    def _sizes(self) -> list[int]:
        m, t = self.ctx.metrics, self.ctx.theme
        return size_ladder(min(m.px(t.body), self.max_text or m.px(t.body)), max(10, m.px(16)), step=0.9)

    def _rows_width(self, width: int) -> int:
        m, t = self.ctx.metrics, self.ctx.theme
        if self.revealed:
            return (width - m.px(t.gap)) // 2 if len(self.answers) == 1 else width
        return width - self.lock_width() - m.px(t.gap)

    def _text_width(self, row_w: int, size: int) -> int:
        m = self.ctx.metrics
        tag = max(self.ctx.text.width(sign, size, True) for sign in ("≡", "↕", "✓", "✗"))
        return max(row_w - m.px(64) - m.px(40) - tag, 1)

    def _row_h_at(self, width: int, size: int) -> int:
        m, text = self.ctx.metrics, self.ctx.text
        text_w = self._text_width(self._rows_width(width), size)
        lines = max(len(text.wrap(item, size, text_w)) for item in self.round.choices)
        return max(m.px(56) if size >= m.px(self.ctx.theme.label) else m.px(36),
                   lines * text.line_height(size) + m.px(12))

    def height(self, width: int, room: int) -> int:
        gap = self.ctx.metrics.px(10)
        head = self._head_h()
        for size in self._sizes():
            need = head + self.n * self._row_h_at(width, size) + (self.n - 1) * gap
            if need <= room:
                return need
        return room

    def fits(self) -> bool:
        """The items fit at one of their sizes (they shrink before they are cut)."""
        gap, width = self.ctx.metrics.px(10), self.rect.width
        return any(self._head_h() + self.n * self._row_h_at(width, size) + (self.n - 1) * gap <= self.rect.height
                   for size in self._sizes())

    def _head_h(self) -> int:
        m, t = self.ctx.metrics, self.ctx.theme
        return self.ctx.text.line_height(m.px(t.small), True) + m.px(4)

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        m = self.ctx.metrics
        gap = m.px(10)
        head = self._head_h()
        self.head_y = rect.top
        top = rect.top + head
        room = (rect.bottom - top - gap * (self.n - 1)) // self.n
        sizes = self._sizes()
        self.text_size = next((size for size in sizes if self._row_h_at(rect.width, size) <= room), sizes[-1])
        row_h = max(min(self._row_h_at(rect.width, self.text_size), room), 1)
        # Squeezed (large text in a small window, under the feedback): the orders as lines of text.
        self.compact = self.revealed and row_h < self._row_h_at(rect.width, sizes[-1])
        if self.revealed:
            col_gap = m.px(self.ctx.theme.gap)
            col_w = (rect.width - col_gap) // 2
            left, right = rect.left, rect.left + col_w + col_gap
            if len(self.answers) != 1:  # hot-seat (or nobody): the right order alone, full width
                col_w, right = rect.width, rect.left
            self.rows = [pygame.Rect(left, top + k * (row_h + gap), col_w, row_h) for k in range(self.n)]
            self.right_rows = [pygame.Rect(right, top + k * (row_h + gap), col_w, row_h) for k in range(self.n)]
            return
        lock_w, lock_h = self.lock_width(), min(self.lock_height(), row_h * 2)
        rows_w = self._rows_width(rect.width)
        self.rows = [pygame.Rect(rect.left, top + k * (row_h + gap), rows_w, row_h) for k in range(self.n)]
        self.place_lock(pygame.Rect(rect.right - lock_w, self.rows[-1].bottom - lock_h, lock_w, lock_h))

    def reveal(self, answers: list) -> None:
        super().reveal(answers)
        self.focus = self.held = self.drag = self.hover = None
        mine = answers[0] if len(answers) == 1 else None
        given = getattr(mine, "response", None) if mine is not None else None
        if given is not None:
            self.order = list(given)
        self.layout(self.rect)

    # -- input ----------------------------------------------------------------------------------
    def _move(self, source: int, target: int) -> None:
        item = self.order.pop(source)
        self.order.insert(target, item)

    def handle(self, intent) -> bool | Lock:
        kind = intent.kind
        n = self.n
        if kind == I.MOVE:
            step = intent.dy or intent.dx
            if not step:
                return True
            step = 1 if step > 0 else -1
            if self.held is not None:
                target = min(max(self.held + step, 0), n - 1)
                self._move(self.held, target)
                self.held = self.focus = target
            else:  # an unseen focus starts on the first item: a first arrow moves from there
                self.focus = ((self.focus or 0) + step) % (n + 1)
            return True
        if kind == I.CONFIRM:
            if self.focus is None:  # a first press (a pad's A) shows where the focus is
                self.focus = 0
            elif self.focus == n:
                return Lock(self.response)
            else:
                self.held = None if self.held == self.focus else self.focus
            return True
        if kind == I.CHOOSE:
            place = intent.index
            if place >= n:
                return False
            if self.held is None:
                self.held = self.focus = place
            else:
                self._move(self.held, place)
                self.held, self.focus = None, place
            return True
        if kind == I.POINT:
            self.hover = next((k for k, row in enumerate(self.rows) if row.collidepoint(intent.pos)), None)
            self.lock.hover = self.lock.contains(intent.pos)
            return True
        if kind == I.CLICK:
            if self.lock.contains(intent.pos):
                return Lock(self.response)
            for place, row in enumerate(self.rows):
                if row.collidepoint(intent.pos):
                    self.drag, self.held, self.focus = place, None, place
                    self.grab = intent.pos[1] - row.top
                    self.drag_y = intent.pos[1]
                    return True
            return False
        if kind == I.DRAG and self.drag is not None:
            self.drag_y = intent.pos[1]
            centre = self.drag_y - self.grab + self.rows[0].height // 2
            target = min(range(n), key=lambda k: abs(self.rows[k].centery - centre))
            if target != self.drag:
                self._move(self.drag, target)
                self.drag = self.focus = target
            return True
        if kind == I.RELEASE and self.drag is not None:
            self.drag = None
            return True
        return False

    def hints(self) -> list[str]:
        n = self.n
        return [f"↑↓ and Enter pick up and drop, or 1–{n} then 1–{n}, or drag · then Lock in",
                f"↑↓ Enter: pick up, move, drop · 1–{n} then 1–{n} · drag · Lock in",
                "↑↓ · Enter picks up and drops · Lock in"]

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        m, t = self.ctx.metrics, self.ctx.theme
        pal = t.palette
        choices = self.round.choices
        if self.revealed:
            self._draw_reveal(surface)
            return
        self.caption(surface, "First", (self.rect.left, self.head_y))
        for place, row in enumerate(self.rows):
            if place == self.drag:
                continue
            lifted = place == self.held
            self._row(surface, row.move(0, -m.px(4)) if lifted else row, place, choices[self.order[place]],
                      focus=place == self.focus, hover=place == self.hover, lifted=lifted)
        if self.drag is not None:
            row = self.rows[self.drag].copy()
            row.top = min(max(self.drag_y - self.grab, self.rect.top), self.rect.bottom - row.height)
            shadow = row.move(m.px(4), m.px(6))
            pygame.draw.rect(surface, pal.bg_top, shadow, border_radius=m.px(t.radius))
            self._row(surface, row, self.drag, choices[self.order[self.drag]], focus=True, lifted=True)
        self.lock.focus = self.focus == self.n
        self.draw_lock(surface)

    def _row(self, surface, row, place: int, label: str, *, focus=False, hover=False, lifted=False,
             tag: str = "", tag_colour=None, badge_colour=None) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        radius = m.px(t.radius)
        fill = pal.panel_hover if (focus or hover or lifted) else pal.panel
        if tag_colour is not None:
            fill = _mix(pal.panel, tag_colour, 0.3)
        pygame.draw.rect(surface, fill, row, border_radius=radius)
        note_box(surface, row, "choice", label)
        badge = pygame.Rect(row.left, row.top, m.px(64), row.height)
        colour = badge_colour or pal.accent
        pygame.draw.rect(surface, colour, badge, border_top_left_radius=radius, border_bottom_left_radius=radius)
        size = self.text_size
        number = min(m.px(t.body), max(size, 8))
        blit_text(surface, ctx.text, str(place + 1), number, readable_on(colour), badge.center, bold=True,
                  anchor="center")
        if lifted:
            edge, width = pal.accent, m.px(4)
        elif focus:
            edge, width = pal.focus, m.px(3 * t.edge)
        else:
            edge, width = (tag_colour or pal.panel_edge), max(1, m.px(2 if tag_colour else t.edge))
        pygame.draw.rect(surface, edge, row, width=width, border_radius=radius)
        right = tag or ("↕" if lifted else "≡" if badge_colour is None else "")
        tag_img = ctx.text.render(right, size, tag_colour or pal.muted, True)
        surface.blit(tag_img, tag_img.get_rect(midright=(row.right - m.px(12), row.centery)))
        inner = pygame.Rect(badge.right + m.px(14), row.top + m.px(2), self._text_width(row.width, size),
                            row.height - m.px(4))
        lines = ctx.text.wrap(label, size, inner.width)
        blit_lines(surface, ctx.text, lines, size, pal.text, inner, align="left")

    def _draw_compact(self, surface, mine, given) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        choices, solution = self.round.choices, self.round.solution
        lines = []
        if mine is not None:
            if given is None:
                lines.append(("Your order: none (out of time)", pal.bad))
            else:
                marks = [f"{choices[i]} {'✓' if i == solution[k] else '✗'}" for k, i in enumerate(self.order)]
                lines.append(("Yours: " + " → ".join(marks), pal.good if mine.correct else pal.bad))
        lines.append(("Right: " + " → ".join(choices[i] for i in solution), pal.good))
        # Every word of both orders, in the largest size (no larger than the prompt) at which they fit.
        box, text = self.rect, ctx.text
        largest = min(m.px(t.small), self.max_text or m.px(t.small))

        def wrap(size: int) -> list[list[str]]:
            return [text.wrap(content, size, box.width, True) for content, _ in lines]

        def fits(size: int) -> bool:
            return sum(map(len, wrap(size))) * text.line_height(size, True) + m.px(8) * (len(lines) - 1) <= box.height

        size = largest_fitting(size_ladder(largest, 8), fits)
        wrapped = wrap(size)
        y = box.top
        for (_, colour), part in zip(lines, wrapped, strict=True):
            y += blit_lines(surface, text, part, size, colour, pygame.Rect(box.left, y, box.width, 0), bold=True,
                            align="left", valign="top") + m.px(8)

    def _fit(self, options: list[str], width: int) -> str:
        m, t = self.ctx.metrics, self.ctx.theme
        return first_fitting(self.ctx.text, options, m.px(t.small), width - m.px(8), True)

    def _draw_reveal(self, surface) -> None:
        pal = self.ctx.theme.palette
        choices, solution = self.round.choices, self.round.solution
        mine = self.answers[0] if len(self.answers) == 1 else None
        given = getattr(mine, "response", None) if mine is not None else None
        if self.compact:
            self._draw_compact(surface, mine, given)
            return
        if mine is not None:
            placed = in_place(self.round, given) if given is not None else 0
            heads = [f"Your order: {placed} of {self.n} in place", f"Yours: {placed} of {self.n} in place",
                     f"Yours: {placed}/{self.n}"] if given is not None else ["Your order: none (out of time)",
                                                                            "Out of time"]
            self.caption(surface, self._fit(heads, self.rows[0].width), (self.rows[0].left, self.head_y),
                         pal.good if mine.correct else pal.bad)
            if given is not None:
                for place, row in enumerate(self.rows):
                    ok = self.order[place] == solution[place]
                    self._row(surface, row, place, choices[self.order[place]], tag="✓" if ok else "✗",
                              tag_colour=pal.good if ok else pal.bad)
        self.caption(surface, self._fit(["The right order", "Right order", "Right"], self.right_rows[0].width),
                     (self.right_rows[0].left, self.head_y), pal.good)
        for place, row in enumerate(self.right_rows):
            self._row(surface, row, place, choices[solution[place]], badge_colour=pal.good)


class OrderParty(PartyView):
    """The items under the prompt on the big screen, as the phones show them; the reveal shows the right
    order and how many put every item in its place."""

    item_size = 0

    def _height(self, size: int) -> int:
        """The height of the items at ``size`` with the line above them."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        head = text.line_height(min(m.px(t.label), max(size, m.px(t.small))), True)
        return head + len(self.round.choices) * (text.line_height(size, True) + m.px(14))

    def place(self, room_at) -> int:
        """One size for all items, the largest at which each fits its row on one line and the prompt above
        stays whole at that size or larger; returns the height they take."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        width = self.scene.body.width - m.px(32)
        sizes = size_ladder(m.px(t.body), self.scene.smallest())
        self.item_size = next((size for size in sizes if self._height(size) <= room_at(size) and
                               all(text.width(item, size, True) <= width for item in self.round.choices)),
                              sizes[-1])
        return min(self._height(self.item_size), room_at(self.item_size))

    def least_prompt(self) -> int | None:
        return self.item_size

    def draw_question(self, surface, area: pygame.Rect) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal, text = t.palette, ctx.text
        head = "Put these in order on your phone:"
        size = self.item_size
        head_size = one_line(text, head, min(m.px(t.label), max(size, m.px(t.small))), area.width, True)
        y = blit_text(surface, text, head, head_size, pal.muted, (area.left, area.top), bold=True).bottom
        row_h = text.line_height(size, True) + m.px(14)
        for i, item in enumerate(self.round.choices):
            row = pygame.Rect(area.left, y + m.px(4) + i * row_h, area.width, row_h - m.px(6))
            draw_panel(surface, ctx, row, m.px(10))
            lines, fitted = fit_lines(text, item, [size], row.width - m.px(32), row.height, bold=True, max_lines=1)
            blit_text(surface, text, lines[0], fitted, pal.text, (row.left + m.px(16), row.centery), bold=True,
                      anchor="midleft")

    def reveal_need(self) -> int:
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        n = len(self.round.choices)
        return text.line_height(m.px(t.body), True) + m.px(8) + n * self.scene.row_least() + \
            text.line_height(m.px(t.body)) + m.px(6)

    def draw_reveal(self, surface, area: pygame.Rect) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        scene, rnd = self.scene, self.round
        y = area.top + scene.headline(surface, area, "The right order") + m.px(8)
        solution = rnd.solution or tuple(range(len(rnd.choices)))
        items = [rnd.choices[i] for i in solution]
        stats_h = text.line_height(m.px(t.body)) + m.px(6)
        row_h = max(min(text.line_height(m.px(t.body), True) + m.px(12),
                        (area.bottom - stats_h - y) // max(len(items), 1)), scene.row_least())
        for i, item in enumerate(items):
            row = pygame.Rect(area.left + area.width // 6, y, area.width * 2 // 3, row_h - m.px(4))
            draw_panel(surface, ctx, row, m.px(10))
            label = f"{i + 1}. {item}"
            size = one_line(text, label, scene.fit_height(m.px(t.body), row.height, True), row.width - m.px(32), True)
            lines, size = fit_lines(text, label, [size], row.width - m.px(32), row.height, bold=True, max_lines=1)
            blit_text(surface, text, lines[0], size, pal.text, (row.left + m.px(16), row.centery), bold=True,
                      anchor="midleft")
            y += row_h
        right = sum(1 for a in self.answers() if a.correct)
        given = sum(1 for a in self.answers() if a.response is not None)
        scene.lines(surface, pygame.Rect(area.left, y + m.px(6), area.width, area.bottom - y),
                    [f"{right} of {given} put every item in its place"])
