"""The results: score, how many right, the average answer time, and what next."""

from __future__ import annotations

import pygame

from game.core.session import Session
from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.widgets import blit_text

NEXT, AGAIN, TITLE = range(3)


class ResultsScene(Scene):
    name = "results"

    def __init__(self, app, session: Session):
        super().__init__(app)
        self.session = session
        self.entry = app.entry_for(session, app.options.name or "PLAYER")
        self.rank = app.rank_for(self.entry)
        first = "Save your score" if self.rank else "High scores"
        self.menu = Menu([first, "Play again", "Title"])

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self.app.back_to_title()
            return True
        chosen = self.menu.handle(intent)
        if chosen == NEXT:
            if self.rank:
                from game.ui.scenes.names import NameEntryScene

                self.app.stack.push(NameEntryScene(self.app, self.entry, self.rank))
            else:
                from game.ui.scenes.highscores import HighScoresScene

                self.app.stack.replace(HighScoresScene(self.app, self.entry.board))
        elif chosen == AGAIN:
            self.app.start_game(replace=True)
        elif chosen == TITLE:
            self.app.back_to_title()
        return chosen is not None

    def layout(self, width: int, height: int) -> None:
        m = self.app.metrics
        margin = m.px(self.app.theme.margin)
        row = pygame.Rect(margin, height - m.px(120), width - 2 * margin, m.px(62))
        self.menu.place_row(row, m.px(16))

    def draw(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        s = self.session
        app.backdrop.draw(surface)
        cx = surface.get_width() // 2
        y = m.px(48)
        y = blit_text(surface, app.text, "Mission debrief", m.px(t.title), pal.text, (cx, y), bold=True,
                      anchor="midtop").bottom + m.px(14)
        y = blit_text(surface, app.text, f"{s.score:,}", m.px(t.display * 1.3), pal.accent, (cx, y), bold=True,
                      anchor="midtop").bottom
        y = blit_text(surface, app.text, "points", m.px(t.label), pal.muted, (cx, y), anchor="midtop").bottom + m.px(24)
        lines = [
            f"{s.correct_count} of {s.total} right",
            f"Average answer time {s.average_time:.1f} s",
            f"Best streak {s.best_streak}",
        ]
        for line in lines:
            y = blit_text(surface, app.text, line, m.px(t.body), pal.text, (cx, y), anchor="midtop").bottom + m.px(8)
        y += m.px(10)
        if self.rank:
            note, colour = f"A top-10 score: #{self.rank} on this board. Save it with your name.", pal.good
        else:
            note, colour = "Not in the top 10 this time.", pal.muted
        blit_text(surface, app.text, note, m.px(t.label), colour, (cx, y), bold=True, anchor="midtop")
        self.menu.draw(surface, app)
