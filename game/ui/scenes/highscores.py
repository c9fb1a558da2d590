"""The high-score tables: the current board first, then every other board that has scores
(left and right, or the buttons, step through them; each shows its mode, length, bank and clock)."""

from __future__ import annotations

import pygame

from game.core.scores import SaveResult, Table
from game.ui import intents as I
from game.ui.drawing import READING
from game.ui.layer import Layer
from game.ui.layout import fit_lines, largest_fitting, one_line, size_ladder
from game.ui.menu import Menu
from game.ui.record import note_box
from game.ui.scene import Scene
from game.ui.widgets import blit_lines, blit_text

PREVIOUS, BACK, NEXT = range(3)


class HighScoresScene(Scene):
    screen = "highscores"

    def __init__(self, ctx, board: str, highlight: SaveResult | list[SaveResult] | None = None):
        super().__init__(ctx)
        results = highlight if isinstance(highlight, list) else [highlight] if highlight is not None else []
        self.highlights = results
        self.table = Table()
        self.boards: dict = {}
        self.board_ids = [board]
        self.index = 0
        self.menu = Menu(["◀ Board", "Back", "Board ▶"], focus=BACK)
        self.menu.buttons[PREVIOUS].enabled = self.menu.buttons[NEXT].enabled = False
        self._picture = Layer()  # the whole screen, drawn again only when something on it changes
        self.reading = True  # the table is asked of the worker ("Reading the scores…" meanwhile)
        ctx.scores.read(self._read)
        self.messages = []
        self.home = board  # the board the scores were saved on: "Saved at #1." belongs to it alone
        self.saved_note = ""
        saved = [r for r in results if r.saved]
        if saved:
            places = ", ".join(f"#{r.rank}" for r in saved if r.rank)
            self.saved_note = f"Saved{' at ' + places if places else ''}."
        for result in results:
            if not result.saved:
                who = "Your score" if len(results) == 1 else "A score"
                self.messages.append(f"{who} could not be saved: {result.error}.")
                break

    def _read(self, table: Table) -> None:
        self.reading = False
        self.table = table
        self.boards = table.boards()  # sorted once, not on every redraw
        board = self.board_ids[0]
        self.board_ids = [board] + [b for b in self.boards if b != board]  # the current one first
        many = len(self.board_ids) > 1
        self.menu.buttons[PREVIOUS].enabled = self.menu.buttons[NEXT].enabled = many

    def settled(self) -> bool:
        return not self.reading

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
        self.ctx.flow.back()  # to the screen it was shown over, or the title

    def layout(self, width: int, height: int) -> None:
        m = self.ctx.metrics
        margin = m.px(self.ctx.theme.margin)
        ctx, t = self.ctx, self.ctx.theme
        row = self.menu.place_bottom_row(self.ctx, width, height, 58)
        self.title_h = ctx.text.line_height(m.px(t.title), True)
        top = m.px(24) + self.title_h + ctx.text.line_height(m.px(t.label)) + m.px(16)
        notes_h = ctx.text.line_height(m.px(t.small)) * 2 + m.px(8)
        self.table_rect = pygame.Rect(margin, top, width - 2 * margin, row.top - top - notes_h)

    def _columns(self, rows: list[list[str]], heads: list[str], width: int, gap: int):
        """Columns measured at the chosen size: the numbers take what they need, the name the rest; the
        size shrinks until every name fits whole and the header and ten rows fit the table's height:
        ``(size, column widths, line height)``."""
        m, t, text, rect = self.ctx.metrics, self.ctx.theme, self.ctx.text, self.table_rect

        def measure(size: int) -> tuple[list[int], int, int]:
            widths = [max(text.width(r[k], size, True) for r in rows + [heads]) for k in range(6)]
            widths[1] = 0
            name_w = width - sum(widths) - gap * 5
            line_h = max(text.line_height(size) + m.px(6), min(rect.height // 11, text.line_height(size) * 2))
            return widths, name_w, line_h

        def fits(size: int) -> bool:
            _, name_w, line_h = measure(size)
            return name_w >= max((text.width(r[1], size, True) for r in rows), default=0) and \
                line_h * 11 <= rect.height

        size = largest_fitting(size_ladder(m.px(t.label), max(8, m.px(14))), fits)
        widths, name_w, line_h = measure(size)
        widths[1] = max(name_w, m.px(40))
        return size, widths, line_h

    def draw(self, surface) -> None:
        self._picture.blit(surface, self._picture_key(), self._paint)

    def _picture_key(self) -> tuple:
        """Everything the screen shows: the table read (a new one each read), the board, the notes, the buttons."""
        ctx = self.ctx
        entries = self.boards.get(self.board, [])
        return (ctx.theme, ctx.metrics, id(ctx.text), self.reading, id(self.boards), self.index, tuple(self.board_ids),
                tuple(self.notes()), tuple(sorted(self.highlight_ids())), tuple(self.table_rect), self.menu.size,
                tuple((b.label, b.enabled, b.hover, b.focus, tuple(b.rect)) for b in self.menu.buttons),
                None if entries else bool(ctx.games.playable_questions()))

    def _paint(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        cx = surface.get_width() // 2
        blit_text(surface, ctx.text, "High scores", m.px(t.title), pal.text, (cx, m.px(24)), bold=True,
                  anchor="midtop")
        entries = self.boards.get(self.board, [])
        label = entries[0].board_label if entries and entries[0].board_label else ctx.games.board_label(self.board)
        count = f"  ({self.index + 1} of {len(self.board_ids)})" if len(self.board_ids) > 1 else ""
        width = surface.get_width() - 2 * m.px(t.margin)
        blit_text(surface, ctx.text, label + count, one_line(ctx.text, label + count, m.px(t.label), width),
                  pal.accent, (cx, m.px(24) + self.title_h), anchor="midtop")

        rect = self.table_rect
        run = self.board.startswith("sudden-death/")
        # Sudden death ranks by the run first, so its column comes first there.
        heads = ["#", "Name", "In a row", "Score", "Time", "Date"] if run else \
            ["#", "Name", "Score", "Right", "Time", "Date"]
        rows = [[str(place), e.name, str(e.correct), f"{e.score:,}", f"{e.time_s:.1f} s", e.date[:10]] if run else
                [str(place), e.name, f"{e.score:,}", f"{e.correct}/{e.asked}", f"{e.time_s:.1f} s", e.date[:10]]
                for place, e in enumerate(entries, start=1)]
        pad = m.px(10)  # the highlight and the stripes reach this far past the text, inside the margins
        inner = rect.inflate(-2 * pad, 0)
        gap = m.px(18)
        size, widths, line_h = self._columns(rows, heads, inner.width, gap)
        lefts, x = [], inner.left
        for w in widths:
            lefts.append(x)
            x += w + gap
        highlight_ids = self.highlight_ids()
        y = rect.top

        def put(k: int, value: str, font: int, colour, bold: bool) -> None:
            if k == 1:
                value = fit_lines(ctx.text, value, [font], widths[1], line_h, bold=bold, max_lines=1)[0][0]
                blit_text(surface, ctx.text, value, font, colour, (lefts[k], y), bold=bold)
            elif k == 0:
                blit_text(surface, ctx.text, value, font, colour, (lefts[k], y), bold=bold)
            else:
                blit_text(surface, ctx.text, value, font, colour, (lefts[k] + widths[k], y), bold=bold,
                          anchor="topright")

        head_size = min(size, m.px(t.small))
        for k, title in enumerate(heads):
            put(k, title, head_size, pal.muted, True)
        y += line_h
        if self.reading:
            blit_text(surface, ctx.text, READING, size, pal.muted, (rect.left, y + line_h // 2))
        elif not entries:
            empty = "No scores yet on this board."
            if ctx.games.playable_questions():
                empty += " Play a game to set one!"
            elif len(self.board_ids) > 1:
                empty += " ←/→ show the boards that have scores."
            blit_lines(surface, ctx.text, ctx.text.wrap(empty, size, rect.width), size, pal.muted,
                       pygame.Rect(rect.left, y + line_h // 2, rect.width, 0), valign="top")
        for place, (entry, values) in enumerate(zip(entries, rows, strict=True), start=1):
            row = pygame.Rect(rect.left, y - m.px(3), rect.width, line_h - m.px(2))
            lit = entry.id in highlight_ids
            note_box(surface, row, "row")
            if lit:
                pygame.draw.rect(surface, pal.panel_hover, row, border_radius=m.px(8))
                pygame.draw.rect(surface, pal.focus, row, width=m.px(2), border_radius=m.px(8))
            elif place % 2:
                pygame.draw.rect(surface, pal.panel, row, border_radius=m.px(8))
            for k, value in enumerate(values):
                put(k, value, size, pal.focus if lit else pal.text, lit)
            y += line_h
        notes = self.notes()
        if notes:
            area = pygame.Rect(rect.left, rect.bottom + m.px(4), rect.width,
                               self.menu.buttons[0].rect.top - rect.bottom)
            lines = []
            for note in notes:
                lines.extend(ctx.text.wrap(note, m.px(t.small), area.width))
            blit_lines(surface, ctx.text, lines[:2], m.px(t.small), pal.muted, area, align="left", valign="top")
        self.menu.draw(surface, ctx, self.menu.size)

    def notes(self) -> list[str]:
        """What is said under the table: where the score was saved only on that board, then any problems."""
        saved = [self.saved_note] if self.saved_note and self.board == self.home else []
        return saved + self.messages + self.ctx.scores.notices

    def highlight_ids(self) -> set[str]:
        return {r.entry_id for r in self.highlights if r.saved and r.entry_id}
