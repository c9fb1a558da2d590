"""The high-score table of one board; left and right switch between boards."""

from __future__ import annotations

import pygame

from game.core.scores import SaveResult
from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.widgets import blit_lines, blit_text, fit_lines

PREVIOUS, BACK, NEXT = range(3)


class HighScoresScene(Scene):
    name = "highscores"

    def __init__(self, app, board: str, highlight: SaveResult | list[SaveResult] | None = None):
        super().__init__(app)
        results = highlight if isinstance(highlight, list) else [highlight] if highlight is not None else []
        self.highlights = results
        self.table = app.read_scores()
        self.boards = self.table.boards()  # sorted once, not on every redraw
        self.board_ids = sorted(set(self.boards) | {board})
        self.index = self.board_ids.index(board)
        self.menu = Menu(["◀ Board", "Back", "Board ▶"], focus=BACK)
        many = len(self.board_ids) > 1
        self.menu.buttons[PREVIOUS].enabled = self.menu.buttons[NEXT].enabled = many
        self.messages = []
        saved = [r for r in results if r.saved]
        if saved:
            places = ", ".join(f"#{r.rank}" for r in saved if r.rank)
            self.messages.append(f"Saved{' at ' + places if places else ''}.")
        for result in results:
            if not result.saved:
                who = "Your score" if len(results) == 1 else "A score"
                self.messages.append(f"{who} could not be saved: {result.error}.")
                break

    @property
    def board(self) -> str:
        return self.board_ids[self.index]

    def _switch(self, step: int) -> None:
        self.index = (self.index + step) % len(self.board_ids)

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self._leave()
            return True
        if intent.kind == I.MOVE and intent.dx and len(self.board_ids) > 1:
            self._switch(intent.dx)
            return True
        chosen = self.menu.handle(intent, horizontal=False)
        if chosen == BACK:
            self._leave()
        elif chosen == PREVIOUS:
            self._switch(-1)
        elif chosen == NEXT:
            self._switch(1)
        return chosen is not None

    def _leave(self) -> None:
        if len(self.app.stack) > 1:
            self.app.stack.pop()
        else:
            self.app.back_to_title()

    def layout(self, width: int, height: int) -> None:
        m = self.app.metrics
        margin = m.px(self.app.theme.margin)
        row = pygame.Rect(margin, height - m.px(90), width - 2 * margin, m.px(58))
        self.menu.place_row(row, m.px(16))
        self.table_rect = pygame.Rect(margin, m.px(150), width - 2 * margin, row.top - m.px(150) - m.px(60))

    def draw(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        app.backdrop.draw(surface)
        cx = surface.get_width() // 2
        blit_text(surface, app.text, "High scores", m.px(t.title), pal.text, (cx, m.px(30)), bold=True,
                  anchor="midtop")
        entries = self.boards.get(self.board, [])
        label = entries[0].board_label if entries and entries[0].board_label else app.board_label(self.board)
        count = f"  ({self.index + 1} of {len(self.board_ids)})" if len(self.board_ids) > 1 else ""
        blit_text(surface, app.text, label + count, m.px(t.label), pal.accent, (cx, m.px(100)), anchor="midtop")

        rect = self.table_rect
        size = m.px(t.label)
        line_h = max(app.text.line_height(size) + m.px(6), rect.height // 11)
        run = self.board.startswith("sudden-death/")
        cols = [("#", 0.0, "left"), ("Name", 0.06, "left"), ("Score", 0.47, "right"),
                ("In a row" if run else "Right", 0.59, "right"),
                ("Time", 0.74, "right"), ("Date", 1.0, "right")]
        widths = {"Name": 0.3}
        highlight_ids = self.highlight_ids()
        y = rect.top
        for title, x, align in cols:
            anchor = "topleft" if align == "left" else "topright"
            blit_text(surface, app.text, title, m.px(t.small), pal.muted, (rect.left + int(rect.width * x), y),
                      bold=True, anchor=anchor)
        y += line_h
        if not entries:
            blit_text(surface, app.text, "No scores yet on this board. Play a game to set one!", size, pal.muted,
                      (cx, y + line_h), anchor="midtop")
        for place, entry in enumerate(entries, start=1):
            row = pygame.Rect(rect.left - m.px(10), y - m.px(3), rect.width + m.px(20), line_h - m.px(2))
            if entry.id in highlight_ids:
                pygame.draw.rect(surface, pal.panel_hover, row, border_radius=m.px(8))
                pygame.draw.rect(surface, pal.focus, row, width=m.px(2), border_radius=m.px(8))
            elif place % 2:
                pygame.draw.rect(surface, pal.panel, row, border_radius=m.px(8))
            colour = pal.focus if entry.id in highlight_ids else pal.text
            values = [str(place), entry.name, f"{entry.score:,}", str(entry.correct) if run else f"{entry.correct}/{entry.asked}",
                      f"{entry.time_s:.1f} s", entry.date[:10]]
            for (title, x, align), value in zip(cols, values):
                if title == "Name":
                    lines, _ = fit_lines(app.text, value, [size], int(rect.width * widths["Name"]), line_h, max_lines=1)
                    value = lines[0] if lines else ""
                anchor = "topleft" if align == "left" else "topright"
                blit_text(surface, app.text, value, size, colour, (rect.left + int(rect.width * x), y),
                          bold=entry.id in highlight_ids, anchor=anchor)
            y += line_h
        notes = self.messages + app.score_notices
        if notes:
            area = pygame.Rect(rect.left, rect.bottom + m.px(4), rect.width, m.px(56))
            lines = []
            for note in notes:
                lines.extend(app.text.wrap(note, m.px(t.small), area.width))
            blit_lines(surface, app.text, lines[:2], m.px(t.small), pal.muted, area, align="left", valign="top")
        self.menu.draw(surface, app, m.px(t.label))

    def highlight_ids(self) -> set[str]:
        return {r.entry_id for r in self.highlights if r.saved and r.entry_id}
