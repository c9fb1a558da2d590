"""The results of a one-player game (classic, sudden death, practice): the numbers and what next."""

from __future__ import annotations

import pygame

from game.core.session import Session
from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.widgets import blit_text

SAVE, SCORES, REVIEW, AGAIN, TITLE = "save", "scores", "review", "again", "title"


class AfterGameScene(Scene):
    """What the results and the podium share: a row of actions (``self.actions``) after a game."""

    session: Session
    actions: list[str]
    menu: Menu

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self.app.back_to_title()
            return True
        chosen = self.menu.handle(intent, horizontal=True)
        if chosen is None or chosen == Menu.USED:
            return chosen is not None
        self.act(self.actions[chosen])
        return True

    def act(self, action: str) -> None:
        app = self.app
        if action == REVIEW:
            from game.ui.scenes.review import ReviewScene

            app.reviewed = True
            app.stack.push(ReviewScene(app, self.session))
        elif action == AGAIN:
            app.start_game(replace=True, ask_names=False)
        elif action == TITLE:
            app.back_to_title()


class ResultsScene(AfterGameScene):
    name = "results"

    def __init__(self, app, session: Session):
        super().__init__(app)
        self.session = session
        self.entry = app.entry_for(session, app.options.name or "PLAYER")
        self.rank = app.rank_for(self.entry) if self.entry else None
        self.actions = ([SAVE if self.rank else SCORES] if self.entry else []) + [REVIEW, AGAIN, TITLE]
        labels = {SAVE: "Save score", SCORES: "High scores", REVIEW: "Review", AGAIN: "Play again", TITLE: "Title"}
        self.menu = Menu([labels[a] for a in self.actions])

    def act(self, action: str) -> None:
        if action == SAVE:
            from game.ui.scenes.names import NameEntryScene

            self.app.stack.push(NameEntryScene(self.app, self.entry, self.rank))
        elif action == SCORES:
            from game.ui.scenes.highscores import HighScoresScene

            self.app.stack.push(HighScoresScene(self.app, self.entry.board))
        else:
            super().act(action)

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
        y = m.px(40)
        titles = {"practice": "Practice debrief", "sudden-death": "Sudden death: run over"}
        title = titles.get(s.mode, "Mission debrief")
        y = blit_text(surface, app.text, title, m.px(t.title), pal.text, (cx, y), bold=True,
                      anchor="midtop").bottom + m.px(12)
        if s.mode == "practice":
            big, unit = f"{s.correct_count} of {len(s.answers)}", "right"
        elif s.mode == "sudden-death":
            run = s.player.run
            big, unit = f"{run}", f"right in a row · {s.score:,} points"
            if run == s.total:
                unit = f"right in a row: every question! · {s.score:,} points"
        else:
            big, unit = f"{s.score:,}", "points"
        y = blit_text(surface, app.text, big, m.px(t.display * 1.2), pal.accent, (cx, y), bold=True,
                      anchor="midtop").bottom
        y = blit_text(surface, app.text, unit, m.px(t.label), pal.muted, (cx, y), anchor="midtop").bottom + m.px(20)
        lines = [] if s.mode in ("practice", "sudden-death") else [f"{s.correct_count} of {len(s.answers)} right"]
        lines.append(f"Average answer time {s.average_time:.1f} s")
        lines.append(f"Best streak {s.best_streak}")
        used = sum(len(a.lifelines) for a in s.answers)
        if s.lifelines_allowed:
            lines.append(f"Lifelines used {used} of 2")
        for line in lines:
            y = blit_text(surface, app.text, line, m.px(t.body * 0.9), pal.text, (cx, y),
                          anchor="midtop").bottom + m.px(6)
        y += m.px(8)
        if self.entry is None:
            note, colour = "Practice games do not go on the high-score board.", pal.muted
        elif self.rank:
            note, colour = f"A top-10 score: #{self.rank} on this board. Save it with your name.", pal.good
        else:
            note, colour = "Not in the top 10 this time.", pal.muted
        blit_text(surface, app.text, note, m.px(t.label), colour, (cx, y), bold=True, anchor="midtop")
        self.menu.draw(surface, app, m.px(t.label))
