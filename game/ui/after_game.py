"""What the results (one player) and the podium (hot-seat) share: a row of actions after a game.

The first button saves a top-10 score (or shows the table when none made it); which one it is needs the
score table, asked of the saver thread.  Until the table comes the screen says so, the button shows the
likely one, and a press on it waits for the table (then does what the button now says).
"""

from __future__ import annotations

from game.core.session import Session
from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.outcomes import Confirm, Play, Review, ToTitle
from game.ui.scene import Scene

SAVE, SCORES, REVIEW, AGAIN, TITLE = "save", "scores", "review", "again", "title"
LABELS = {SAVE: "Save score", SCORES: "High scores", REVIEW: "Review", AGAIN: "Play again", TITLE: "Title"}


class AfterGameScene(Scene):
    """``ranked``: the game goes on a board (not practice, not without a timer)."""

    def __init__(self, ctx, session: Session, ranked: bool):
        super().__init__(ctx)
        self.session = session
        self.ranked = ranked
        self.reading = ranked  # the table is on its way ("Reading the scores…")
        self.top_ten = False  # a score of this game makes the top 10 (known once the table is read)
        self._waiting = False  # the first button was pressed before the table came
        self._on_screen = False
        self.actions = ([SAVE if self.likely_top_ten() else SCORES] if ranked else []) + [REVIEW, AGAIN, TITLE]
        self.menu = Menu([self.label(a) for a in self.actions])
        if ranked:
            ctx.scores.read(self._read)

    # -- for the results and the podium to say ---------------------------------------------------------
    def likely_top_ten(self) -> bool:
        """Before the table comes: whether the first button will likely save."""
        return False

    def ranked_on(self, table) -> bool:
        """The table has come: note the places; whether a score made the top 10."""
        return False

    def label(self, action: str) -> str:
        return LABELS[action]

    # -- the table ----------------------------------------------------------------------------------------
    def _read(self, table) -> None:
        self.reading = False
        self.top_ten = self.ranked_on(table)
        self.actions[0] = SAVE if self.top_ten else SCORES
        self.menu.set_label(0, self.label(self.actions[0]))
        self.layout(*self.ctx.size)
        if self.top_ten and self._on_screen:
            self.ctx.sound.play("highscore")
        if self._waiting and self._on_screen:
            self.act(self.actions[0])
        self._waiting = False

    def enter(self) -> None:
        self._on_screen = True
        if self.top_ten:
            self.ctx.sound.play("highscore")

    def exit(self) -> None:
        self._on_screen = False

    # -- input --------------------------------------------------------------------------------------------
    def unsaved_place(self) -> int | None:
        """A place on the board this game earned and has not saved yet (``None``: nothing to lose)."""
        return None

    def _leave(self, then) -> None:
        """Go on to ``then``; a top-10 score not saved yet is asked about first (it would be lost)."""
        place = self.unsaved_place()
        if place:
            self.ctx.flow.go(Confirm("Leave without saving?", f"Your #{place} score on this board is not kept.",
                                     "Leave", "Stay", then=then))
        else:
            self.ctx.flow.go(then)

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self._leave(ToTitle())
            return True
        chosen = self.menu.handle(intent, horizontal=True)
        if chosen is None or chosen == Menu.USED:
            return chosen is not None
        if self.reading and chosen == 0 and self.ranked:
            self._waiting = True  # done as soon as the table comes
            return True
        self.act(self.actions[chosen])
        return True

    def act(self, action: str) -> None:
        if action == REVIEW:
            self.ctx.flow.go(Review(self.session))
        elif action == AGAIN:
            self._leave(Play(again=True))
        elif action == TITLE:
            self._leave(ToTitle())
