"""After a game: every question with each answer, the right one, the time, the points and the explanation.

The list is laid out once per window size as a column of draw steps; only the
steps inside the visible strip are drawn, so a long game scrolls as fast as a
short one.  It scrolls with the arrows, Page Up/Down, Home/End, the wheel and
by dragging with the mouse.
"""

from __future__ import annotations

from bisect import bisect_left

import pygame

from game.core import kinds, scoring
from game.core.session import Answer, Session
from game.ui import intents as I
from game.ui.images import draw_placeholder, picture_step
from game.ui.kinds import response_of
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.widgets import blit_text, first_fitting


class ReviewScene(Scene):
    screen = "review"

    def __init__(self, ctx, session: Session):
        super().__init__(ctx)
        self.session = session
        self.menu = Menu(["Back"])
        self.offset = 0
        self.dragging = False
        self.steps: list[tuple] = []  # (y, kind, data), sorted by y
        self.tops: list[int] = []
        self.content_h = 0

    # -- content --------------------------------------------------------------------
    def _groups(self) -> list[list[Answer]]:
        groups: dict[int, list[Answer]] = {}
        for answer in self.session.answers:
            groups.setdefault(answer.round.number, []).append(answer)
        return list(groups.values())

    def _answer_lines(self, answer: Answer) -> tuple[str, str, tuple]:
        pal = self.ctx.theme.palette
        current = answer.round
        who = f"{self.session.players[answer.player].name}: " if len(self.session.players) > 1 else "Your answer: "
        response = response_of(answer)
        if response is None:
            picked, colour = f"{who}none (out of time)", pal.bad
        else:
            kind = kinds.of(current)
            mark = "✓" if answer.correct else "≈ close" if answer.close else "✗"
            mark += kind.review_mark(current, response, answer.correct)
            picked = f"{who}{kind.given_text(current, response)}  {mark}"
            colour = pal.good if answer.correct else pal.accent if answer.close else pal.bad
        bits = [f"{answer.elapsed:.1f} s"]
        if self.session.scored:
            bits.append(scoring.answer_points_text(answer))
        if answer.lifelines:
            bits.append("lifelines: " + ", ".join(answer.lifelines))
        return picked, " · ".join(bits), colour

    def _build(self, width: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        pad = m.px(18)
        inner_w = width - 2 * pad
        big, body, small = m.px(t.label), m.px(t.small), m.px(t.small)
        steps, tops = [], []
        y = 0

        def text(content, size, colour, bold=False, indent=0):
            nonlocal y
            for line in ctx.text.wrap(content, size, inner_w - indent, bold):
                steps.append((y, "text", (pad + indent, line, size, colour, bold)))
                y += ctx.text.line_height(size, bold)

        for group in self._groups():
            current = group[0].round
            top = y
            tops.append(top)
            y += pad
            text(f"{current.number}. {current.question.prompt}", big, pal.text, bold=True)
            y += m.px(6)
            if current.question.image:  # small, with its description always
                y += picture_step(self.ctx, current.question, pad, y, inner_w, steps)
                text(f"Picture: {current.question.alt}", small, pal.muted)
                y += m.px(6)
            for answer in group:
                picked, meta, colour = self._answer_lines(answer)
                text(picked, body, colour, bold=True)
                text(meta, small, pal.muted, indent=m.px(20))
            right = kinds.of(current).review_right(current, all(a.correct for a in group))
            if right:
                text(right, body, pal.good)  # the right answer, green for every kind
            if current.question.explanation:
                y += m.px(6)
                text(current.question.explanation, small, pal.text)
            y += pad
            steps.append((top, "card", (top, y - top)))
            y += m.px(14)
        steps.sort(key=lambda step: (step[0], step[1] != "card"))  # a card before the text on it
        self.steps, self.tops, self.content_h = steps, tops, y
        self._tallest = max((step[2][1] for step in steps if step[1] == "card"), default=0)
        self._ys = [step[0] for step in steps]

    # -- scrolling --------------------------------------------------------------------
    @property
    def max_offset(self) -> int:
        return max(self.content_h - self.view.height, 0)

    def scroll_to(self, offset: float) -> None:
        self.offset = int(min(max(offset, 0), self.max_offset))

    def handle(self, intent) -> bool:
        m = self.ctx.metrics
        kind = intent.kind
        if kind == I.BACK:
            self.ctx.flow.back()
            return True
        if kind == I.MOVE and intent.dy:
            self.scroll_to(self.offset + intent.dy * m.px(60))
            return True
        if kind == I.PAGE:
            if abs(intent.dy) == 2:
                self.scroll_to(0 if intent.dy < 0 else self.max_offset)
            else:
                self.scroll_to(self.offset + intent.dy * int(self.view.height * 0.9))
            return True
        if kind == I.SCROLL:
            self.scroll_to(self.offset - intent.dy * m.px(80))
            return True
        if kind == I.CLICK and self.view.collidepoint(intent.pos):
            self.dragging = True
            return True
        if kind == I.DRAG and self.dragging:
            self.scroll_to(self.offset - intent.dy)
            return True
        if kind == I.RELEASE:
            self.dragging = False
            return False
        chosen = self.menu.handle(intent)
        if chosen == 0:
            self.ctx.flow.back()
        return chosen is not None

    # -- layout and drawing -------------------------------------------------------------
    def layout(self, width: int, height: int) -> None:
        m = self.ctx.metrics
        margin = m.px(self.ctx.theme.margin)
        row = pygame.Rect(width - margin - m.px(220), height - m.px(76), m.px(220), m.px(56))
        self.menu.place_row(row, 0)
        self.view = pygame.Rect(margin, m.px(96), width - 2 * margin - m.px(20), row.top - m.px(16) - m.px(96))
        self.bar = pygame.Rect(self.view.right + m.px(8), self.view.top, m.px(10), self.view.height)
        self._build(self.view.width)
        self.scroll_to(self.offset)

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        margin = m.px(t.margin)
        n = len(self.tops)
        title = blit_text(surface, ctx.text, "Review", m.px(t.title), pal.text, (margin, m.px(24)), bold=True)
        # The count stands on the title's baseline.
        baseline = title.top + ctx.text.font(m.px(t.title), True).get_ascent()
        blit_text(surface, ctx.text, f"{n} question{'s' if n != 1 else ''}", m.px(t.label), pal.muted,
                  (surface.get_width() - margin, baseline - ctx.text.font(m.px(t.label)).get_ascent()),
                  anchor="topright")
        view = self.view
        old_clip = surface.get_clip()
        surface.set_clip(view)
        top, bottom = self.offset, self.offset + view.height
        first = max(bisect_left(self._ys, top - self._tallest) - 1, 0)  # a card may start above the view
        for y, kind, data in self.steps[first:]:
            if y > bottom:
                break
            if kind == "card":
                card_top, card_h = data
                rect = pygame.Rect(view.left, view.top + card_top - self.offset, view.width, card_h)
                if rect.bottom >= view.top:
                    pygame.draw.rect(surface, pal.panel, rect, border_radius=m.px(t.radius))
            elif kind == "picture":
                x, w, h, path, alt = data
                rect = pygame.Rect(view.left + x, view.top + y - self.offset, w, h)
                image = ctx.pictures.get(path, (w, h))
                if image is not None:
                    surface.blit(image, rect)
                else:
                    draw_placeholder(surface, ctx, rect, "")
            else:
                x, line, size, colour, bold = data
                image = ctx.text.render(line, size, colour, bold)
                surface.blit(image, (view.left + x, view.top + y - self.offset))
        surface.set_clip(old_clip)
        if self.max_offset:
            pygame.draw.rect(surface, pal.bar_back, self.bar, border_radius=self.bar.width // 2)
            thumb_h = max(int(view.height * view.height / self.content_h), m.px(30))
            thumb_y = self.bar.top + int((self.bar.height - thumb_h) * self.offset / self.max_offset)
            pygame.draw.rect(surface, pal.focus if self.dragging else pal.panel_edge,
                             (self.bar.left, thumb_y, self.bar.width, thumb_h), border_radius=self.bar.width // 2)
        hint = "↑↓, Page Up/Down, Home/End, the wheel or a drag scroll · Esc goes back"
        button = self.menu.buttons[0].rect
        area = pygame.Rect(margin, button.top, button.left - margin - m.px(16), button.height)
        hint = first_fitting(ctx.text, [hint, "↑↓, Page Up/Down, the wheel or a drag scroll · Esc back",
                                        "↑↓ or the wheel scroll · Esc back", "↑↓ · Esc"], m.px(t.small), area.width)
        blit_text(surface, ctx.text, hint, m.px(t.small), pal.muted, area.midleft, anchor="midleft")
        self.menu.draw(surface, ctx, m.px(t.label))
