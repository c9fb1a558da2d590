"""How each kind of question other than multiple choice is answered on the play screen.

A :class:`Panel` takes the place of the grid of choices: the play scene hands
it the room under the prompt, passes it the intents of a question (after the
lifelines and the pause have had theirs) and draws it.  When the player locks
an answer in, :meth:`Panel.handle` returns a :class:`Lock` with the response
``Session.answer`` takes for that kind (an index, a number, an order of
indices, a text).  Once everyone has answered, :meth:`Panel.reveal` turns the
panel into that kind's feedback.

Multiple choice stays in the play scene itself; :func:`panel_for` returns
``None`` for it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.theme import LETTERS
from game.ui.widgets import Button, blit_text

KIND_NAMES = {"choice": "Multiple choice", "truefalse": "True or false", "estimate": "Estimate",
              "order": "Put in order", "type": "Type the answer"}


@dataclass(frozen=True)
class Lock:
    """The player locked in ``response`` (what ``Session.answer`` takes for the kind)."""

    response: object


def kind_of(rnd) -> str:
    return getattr(rnd, "kind", None) or getattr(rnd.question, "kind", "choice")


def response_of(answer):
    """What an answer gave: its ``response``, or the chosen index of a multiple-choice answer."""
    response = getattr(answer, "response", None)
    return answer.chosen if response is None else response


def given_text(rnd, response) -> str:
    """A player's response in words, for the feedback, the hot-seat reveal and the review."""
    kind = kind_of(rnd)
    if response is None:
        return "none (out of time)"
    if kind == "choice":
        return f"{LETTERS[response]}. {rnd.choices[response]}"
    if kind == "truefalse":
        return rnd.choices[response]
    if kind == "estimate":
        return rnd.question.scale.show(response)
    if kind == "order":
        return " → ".join(rnd.choices[i] for i in response)
    return f"“{response}”"


def right_text(rnd) -> str:
    """The right answer in words (with its letter for multiple choice)."""
    kind = kind_of(rnd)
    if kind == "choice":
        return f"{LETTERS[rnd.correct]}. {rnd.choices[rnd.correct]}"
    if kind == "truefalse":
        return rnd.choices[rnd.correct]
    if kind == "order":
        return " → ".join(rnd.choices[i] for i in rnd.solution)
    return rnd.question.answer


def answer_lines(rnd) -> list[str]:
    """A typed question's right answer with its other accepted spellings, longest first: never worded as if
    the player's answer was accepted (the colour and the ✓ or ✗ say that)."""
    also = tuple(getattr(rnd.question, "also", ()) or ())
    plain = f"The answer: {rnd.question.answer}"
    return [plain + f" (also accepted: {', '.join(also)})", plain] if also else [plain]


def in_place(rnd, response) -> int:
    """Order: how many items of ``response`` stand where they belong."""
    return sum(1 for a, b in zip(response or (), rnd.solution) if a == b)


class Panel:
    """The answer area for one kind; subclasses fill in the interaction and the drawing."""

    wants_text = False  # True: keys are typed text while this panel takes answers

    def __init__(self, app, rnd):
        self.app = app
        self.round = rnd
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.answers: list = []  # once revealed: every answer given to this question
        self.revealed = False
        self.lock = Button(pygame.Rect(0, 0, 0, 0), "Lock in")
        self.max_text: int | None = None  # the prompt's size: a panel's items are never drawn larger

    # -- what the play scene asks -------------------------------------------------------------
    def height(self, width: int, room: int) -> int:
        """The height this panel would like in a ``width`` wide area with ``room`` to spare."""
        return room

    def min_height(self, width: int) -> int:
        """The least height this panel works in (the prompt keeps a fair size while the panel gets this)."""
        return self.height(width, 10 ** 6)

    def layout(self, rect: pygame.Rect) -> None:
        self.rect = rect

    def handle(self, intent) -> bool | Lock:
        return False

    def control_rects(self) -> list:
        """The whole answer area takes clicks and drags (see :meth:`game.ui.scene.Scene.controls`)."""
        return [self.rect]

    def update(self, dt: float) -> bool:
        """Advance any animation; ``True`` when the panel must be redrawn."""
        return False

    def reveal(self, answers: list) -> None:
        self.answers = list(answers)
        self.revealed = True
        self.lock.focus = self.lock.hover = False

    def hints(self) -> list[str]:
        """How to answer, longest first (the scene shows the first that fits)."""
        return []

    def start(self) -> None:
        """The panel takes input now (the play scene is on top and asking)."""

    def stop(self) -> None:
        """The panel stops taking input (answered, paused, or left)."""

    def draw(self, surface) -> None: ...

    # -- shared pieces ----------------------------------------------------------------------------
    def place_lock(self, rect: pygame.Rect) -> None:
        self.lock.rect = rect

    def label_size(self) -> int:
        """The lock button's text: the theme's label size, never larger than the prompt."""
        m, t = self.app.metrics, self.app.theme
        return min(m.px(t.label), self.max_text or m.px(t.label))

    def lock_height(self) -> int:
        m = self.app.metrics
        return max(m.px(52), self.app.text.line_height(self.label_size(), True) + m.px(16))

    def lock_width(self) -> int:
        m = self.app.metrics
        return max(m.px(200), self.app.text.width("Lock in", self.label_size(), True) + m.px(48))

    def draw_lock(self, surface) -> None:
        if not self.revealed:
            m, t = self.app.metrics, self.app.theme
            self.lock.draw(surface, t, self.app.text, m, self.label_size())

    def mark_colour(self, correct: bool, close: bool = False):
        pal = self.app.theme.palette
        return pal.good if correct else pal.accent if close else pal.bad

    def caption(self, surface, content: str, pos, colour=None, anchor="topleft", size=None, bold=True):
        m, t = self.app.metrics, self.app.theme
        size = size or min(m.px(t.small), self.max_text or m.px(t.small))  # never larger than the prompt
        return blit_text(surface, self.app.text, content, size, colour or t.palette.muted, pos, bold=bold,
                         anchor=anchor)


def panel_for(app, rnd) -> Panel | None:
    """The panel that answers ``rnd``'s kind, or ``None`` for multiple choice (the play scene's own grid)."""
    kind = kind_of(rnd)
    if kind == "truefalse":
        from game.ui.answers.truefalse import TrueFalsePanel

        return TrueFalsePanel(app, rnd)
    if kind == "estimate":
        from game.ui.answers.estimate import EstimatePanel

        return EstimatePanel(app, rnd)
    if kind == "order":
        from game.ui.answers.order import OrderPanel

        return OrderPanel(app, rnd)
    if kind == "type":
        from game.ui.answers.typed import TypePanel

        return TypePanel(app, rnd)
    return None
