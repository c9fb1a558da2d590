"""What the results (one player) and the podium (hot-seat) share: a row of actions after a game."""

from __future__ import annotations

from game.core.session import Session
from game.ui import intents as I
from game.ui.outcomes import Play, Review, ToTitle
from game.ui.menu import Menu
from game.ui.scene import Scene

SAVE, SCORES, REVIEW, AGAIN, TITLE = "save", "scores", "review", "again", "title"


class AfterGameScene(Scene):
    """What the results and the podium share: a row of actions (``self.actions``) after a game."""

    session: Session
    actions: list[str]
    menu: Menu

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self.app.flow.go(ToTitle())
            return True
        chosen = self.menu.handle(intent, horizontal=True)
        if chosen is None or chosen == Menu.USED:
            return chosen is not None
        self.act(self.actions[chosen])
        return True

    def act(self, action: str) -> None:
        if action == REVIEW:
            self.app.flow.go(Review(self.session))
        elif action == AGAIN:
            self.app.flow.go(Play(again=True))
        elif action == TITLE:
            self.app.flow.go(ToTitle())
