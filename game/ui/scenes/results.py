"""The results of a one-player game (classic, sudden death, practice): the numbers and what next."""

from __future__ import annotations

import pygame

from game.core import scoring
from game.core.scores import earns_a_place
from game.core.session import Session
from game.ui.after_game import SAVE, SCORES, AfterGameScene
from game.ui.drawing import READING
from game.ui.outcomes import EnterName, ShowScores
from game.ui.widgets import blit_lines, blit_text, one_line

COUNT_SECONDS = 0.8


class ResultsScene(AfterGameScene):
    screen = "results"

    def __init__(self, ctx, session: Session):
        self.entry = ctx.games.entry_for(session, ctx.options.name or "PLAYER")
        self.rank: int | None = None
        self.best_line = ""
        self.saved = None  # the SaveResult, once saved from here
        super().__init__(ctx, session, ranked=self.entry is not None)
        # The big number counts up for a moment (at once with reduced motion).
        self.count_up = 0.0 if not ctx.reduced_motion else COUNT_SECONDS + 1

    def likely_top_ten(self) -> bool:
        return earns_a_place(self.entry)

    def ranked_on(self, table) -> bool:
        """The rank and the personal best."""
        self.rank = table.rank_of(self.entry)
        self.best_line = self._personal_best(table)
        return bool(self.rank)

    def update(self, dt: float) -> None:
        self.count_up += dt

    def animating(self) -> bool:
        return self.count_up <= COUNT_SECONDS + 0.05

    def settled(self) -> bool:
        return self.count_up >= COUNT_SECONDS and not self.reading

    def animated_rect(self):
        """While the number counts up only its line is repainted, so the screen costs no more than a still one."""
        return self._number_spot(self.ctx.size[0])[0] if self.animating() else None

    def draw_animated(self, surface) -> None:
        area, size, pos = self._number_spot(surface.get_width())
        self.ctx.backdrop.draw_area(surface, area)
        blit_text(surface, self.ctx.text, self._big_and_unit()[0], size, self.ctx.theme.palette.accent, pos,
                  bold=True, anchor="midtop")

    def _big_and_unit(self) -> tuple[str, str]:
        s = self.session
        if s.mode == "practice":
            return f"{self._counted(s.correct_count)} of {len(s.answers)}", "right"
        if s.mode == "sudden-death":
            run = s.player.run
            if run == s.total:
                return f"{self._counted(run)}", f"right in a row: every question! · {s.score:,} points"
            return f"{self._counted(run)}", f"right in a row · {s.score:,} points"
        return f"{self._counted(s.score):,}", "points"

    def _counted(self, value: int) -> int:
        progress = min(self.count_up / COUNT_SECONDS, 1.0)
        return round(value * (1 - (1 - progress) ** 3))

    def act(self, action: str) -> None:
        if action == SAVE:
            if self.rank is not None:  # (Save is offered only with a place on the board)
                self.ctx.flow.go(EnterName(self.entry, self.rank, on_saved=self._saved))
        elif action == SCORES:
            self.ctx.flow.go(ShowScores(self.entry.board))
        else:
            super().act(action)

    def unsaved_place(self) -> int | None:
        return self.rank if self.rank and self.saved is None else None

    def _personal_best(self, table) -> str:
        """The player's best on this board before this game, and whether this game beat it ("" if unknown)."""
        entry = self.entry
        name = self.ctx.options.name or table.last_name
        if entry is None or not name:
            return ""
        best = table.best_of(entry.board, name)
        if best is None:
            return f"Your first score on this board as {name}." if earns_a_place(entry) else ""
        run = entry.mode == "sudden-death"
        shown = f"{best.correct} in a row" if run else f"{best.score:,}"
        if earns_a_place(entry) and entry.sort_key() < best.sort_key():  # as the board ranks them
            return f"New personal best for {name}! Your best here was {shown}."
        return f"{name}'s best here: {shown}. Not beaten this time."

    def _saved(self, results) -> None:
        """Saved once: the first button now shows the table rather than saving again."""
        self.saved = results[0]
        self.actions[0] = SCORES
        self.menu.set_label(0, "High scores")
        self.layout(*self.ctx.size)

    def layout(self, width: int, height: int) -> None:
        self.menu.place_bottom_row(self.ctx, width, height, 62)

    def _plan(self, window_w: int):
        """What the screen says and in which sizes, for a window ``window_w`` wide: ``(title, big, unit, lines,
        note lines, their colour, the number's size, the lines' size)``."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        s = self.session
        width = window_w - 2 * m.px(t.margin)
        text = ctx.text
        titles = {"practice": "Practice debrief", "sudden-death": "Sudden death: run over"}
        title = titles.get(s.mode, "Mission debrief")
        big, unit = self._big_and_unit()
        lines = [] if s.mode in ("practice", "sudden-death") else [f"{s.correct_count} of {len(s.answers)} right"]
        made = scoring.game_points_text(s.answers) if s.scored else ""
        if made:  # how the score was made (the same words as the feedback line and the review)
            lines.append(made)
        lines.append(f"Average answer time {s.average_time:.1f} s")
        lines.append(f"Best streak {s.best_streak}")
        used = sum(len(a.lifelines) for a in s.answers)
        if s.offered_lifelines:
            lines.append(f"Lifelines used {used} of {len(s.offered_lifelines)}")
        if self.best_line:
            lines.append(self.best_line)
        if self.entry is None and s.mode == "practice":
            note, colour = "Practice games do not go on the high-score board.", pal.muted
        elif self.entry is None:
            note, colour = "Games with no timer do not go on the high-score board.", pal.muted
        elif self.reading:
            note, colour = READING, pal.muted
        elif self.saved is not None:
            note, colour = (f"Saved: #{self.saved.rank} on this board." if self.saved.saved and self.saved.rank else
                            f"Your score could not be saved: {self.saved.error}."), pal.muted
        elif not earns_a_place(self.entry):
            what = "no right answers" if not self.entry.correct else "no points"
            note, colour = f"A game with {what} does not go on the high-score board.", pal.muted
        elif self.rank:
            note, colour = f"A top-10 score: #{self.rank} on this board. Save it with your name.", pal.good
        else:
            note, colour = "Not in the top 10 this time.", pal.muted
        # Top to bottom; with large text on a small window the numbers shrink before anything is cut.
        room = self.menu.buttons[0].rect.top - m.px(12)
        big_size = m.px(t.display * 1.2)
        body = m.px(t.body * 0.9)
        note_lines = text.wrap(note, m.px(t.label), width, True)
        for _ in range(8):
            need = (m.px(24) + text.line_height(m.px(t.title), True) + m.px(8) + text.line_height(big_size, True)
                    + text.line_height(m.px(t.label)) + m.px(14) + len(lines) * (text.line_height(body) + m.px(4))
                    + m.px(8) + len(note_lines) * text.line_height(m.px(t.label), True))
            if need <= room:
                break
            big_size, body = int(big_size * 0.85), max(int(body * 0.92), m.px(t.small * 0.8))
        return title, big, unit, lines, note_lines, colour, big_size, body

    def _number_spot(self, window_w: int) -> tuple[pygame.Rect, int, tuple[int, int]]:
        """Where the big number goes (its line, its size, its top middle): the count-up repaints only it."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        title, big_size = (plan := self._plan(window_w))[0], plan[6]
        y = m.px(24) + ctx.text.render(title, m.px(t.title), t.palette.text, True).get_height() + m.px(8)
        margin = m.px(t.margin)
        return pygame.Rect(margin, y, window_w - 2 * margin, ctx.text.line_height(big_size, True)), big_size, \
            (window_w // 2, y)

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        cx = surface.get_width() // 2
        width = surface.get_width() - 2 * m.px(t.margin)
        text = ctx.text
        title, big, unit, lines, note_lines, colour, big_size, body = self._plan(surface.get_width())
        y = m.px(24)
        y = blit_text(surface, text, title, m.px(t.title), pal.text, (cx, y), bold=True,
                      anchor="midtop").bottom + m.px(8)
        y = blit_text(surface, text, big, big_size, pal.accent, (cx, y), bold=True, anchor="midtop").bottom
        unit_size = one_line(text, unit, m.px(t.label), width)
        y = blit_text(surface, text, unit, unit_size, pal.muted, (cx, y), anchor="midtop").bottom + m.px(14)
        for line in lines:
            y = blit_text(surface, text, line, one_line(text, line, body, width), pal.text, (cx, y),
                          anchor="midtop").bottom + m.px(4)
        y += m.px(8)
        blit_lines(surface, text, note_lines, m.px(t.label), colour, pygame.Rect(0, y, surface.get_width(), 0),
                   bold=True, valign="top")
        self.menu.draw(surface, ctx, self.menu.size)
