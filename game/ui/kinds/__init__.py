"""How each kind of question looks and is answered: one view per kind (the screen's side of game.core.kinds).

A kind's view has two parts:

* its :class:`Panel`, the answer area of the play screen: the play scene hands it the room under the
  prompt (or lets it share the room with the prompt, as multiple choice's grid does), passes it the
  intents of a question (after the lifelines and the pause have had theirs) and draws it.  When the
  player locks an answer in, :meth:`Panel.handle` returns a :class:`Lock` with the response
  ``Session.answer`` takes for that kind (an index, a number, an order of indices, a text).  Once
  everyone has answered, :meth:`Panel.reveal` turns the panel into that kind's feedback.
* its :class:`PartyView`, the same question on a party's big screen: what the phones answer with under
  the prompt, and the reveal once the question closes.

:func:`panel_for` and :func:`party_view_for` find them by the kind's name (``VIEWS``), or, for a kind
with no view of its own, by the input its phones show (a kind that reuses multiple choice's input is
drawn as multiple choice).  Shared tiles (the true/false tile) are drawn by one function each.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.core import kinds
from game.ui.widgets import Button, blit_text

INTRO_SECONDS = 0.35   # the answers rise into place (not with reduced motion)
INTRO_STAGGER = 0.05


@dataclass(frozen=True)
class Lock:
    """The player locked in ``response`` (what ``Session.answer`` takes for the kind)."""

    response: object


def response_of(answer):
    """What an answer gave: its ``response``, or the chosen index of a multiple-choice answer."""
    response = getattr(answer, "response", None)
    return answer.chosen if response is None else response


class Panel:
    """The answer area for one kind; subclasses fill in the interaction and the drawing."""

    wants_text = False  # True: keys are typed text while this panel takes answers
    own_shots = True    # screenshots of this kind's question and feedback get names of their own
    answer_with = False  # the key hints read "Answer with ..." when no lifeline keys come first
    near_miss = "a near miss"  # what a close answer's points were for, in the feedback's headline

    def __init__(self, ctx, rnd):
        self.ctx = ctx
        self.round = rnd
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.answers: list = []  # once revealed: every answer given to this question
        self.revealed = False
        self.lock = Button(pygame.Rect(0, 0, 0, 0), "Lock in")
        self.max_text: int | None = None  # the prompt's size: a panel's items are never drawn larger
        self.intro = 0.0  # seconds since the question appeared (the play scene's; items may rise into place)

    # -- what the play scene asks -------------------------------------------------------------
    def height(self, width: int, room: int) -> int:
        """The height this panel would like in a ``width`` wide area with ``room`` to spare."""
        return room

    def min_height(self, width: int) -> int:
        """The least height this panel works in (the prompt keeps a fair size while the panel gets this)."""
        return self.height(width, 10 ** 6)

    def layout(self, rect: pygame.Rect) -> None:
        self.rect = rect

    def fits(self) -> bool:
        """Whether what this panel shows fits the height it was laid out in (a panel that shares its room
        with the prompt, as multiple choice does, asks for all of it: it fits)."""
        least = self.min_height(self.rect.width)
        return least >= 10 ** 5 or self.rect.height >= least

    def place(self, scene, width: int, top: int, bottom: int) -> None:
        """Share the room from ``top`` to ``bottom`` with the play ``scene``'s prompt: the prompt as large as it
        can be (the theme's prompt size, else the body's, else the notes') while this panel still gets the least
        it works in, whole always; this panel under it.  Sets the scene's ``prompt_rect``, ``prompt_lines`` and
        ``prompt_size``."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin = m.px(t.margin)
        inner_w, smallest = width - 2 * margin, scene.smallest()
        prompt = self.round.question.prompt
        least = text.wrap(prompt, smallest, inner_w, True)  # the prompt stays whole, at worst this small
        room = max(bottom - top - len(least) * text.line_height(smallest, True) - m.px(16), m.px(56))
        for fair in (m.px(t.prompt), m.px(t.body), m.px(t.small)):
            fair_room = bottom - top - m.px(16) - \
                len(text.wrap(prompt, fair, inner_w, True)) * text.line_height(fair, True)
            if fair_room >= self.min_height(inner_w):
                room = min(room, fair_room)
                break
        else:  # not even the notes' size leaves this panel its least: it takes its least, the prompt the rest
            room = min(room, max(self.min_height(inner_w), m.px(56)))
        panel_h = self.height(inner_w, room)
        scene.prompt_rect = pygame.Rect(margin, top, inner_w, max(bottom - panel_h - top - m.px(16), 1))
        scene.prompt_lines, scene.prompt_size = scene.prompt_fit(smallest, inner_w, scene.prompt_rect.height) or \
            (least, smallest)
        self.max_text = scene.prompt_size  # its items never larger than the prompt
        self.layout(pygame.Rect(margin, bottom - panel_h, inner_w, panel_h))

    def feedback_height(self, scene, inner_w: int, height: int, wanted: int) -> int:
        """The height of the play ``scene``'s feedback panel (``wanted`` at most): this answer area keeps the
        room it asks for where it can."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        free = height - m.px(12) - scene.clock_bottom() - m.px(16) * 2
        prompt = len(text.wrap(self.round.question.prompt, m.px(t.small), inner_w, True))
        keep = free - self.height(inner_w, free) - text.line_height(m.px(t.small), True) * max(prompt, 2)
        return min(wanted, max(keep, scene.feedback_floor(inner_w)))

    def feedback_largest(self) -> int | None:
        """The largest size of the feedback's headline (``None``: no limit beyond its own)."""
        return None

    @property
    def question_size(self) -> int | None:
        """The size of this panel's answers on the question, where the feedback's words never go above it."""
        return None

    @property
    def rising(self) -> int:
        """How many answers rise into place, one after another, when the question appears."""
        return 0

    def remove(self, removed: tuple[int, ...]) -> None:
        """The 50:50 took these choices away."""

    def the_answer(self) -> str:
        """"The answer: …" for the feedback's headline."""
        return f"The answer: {kinds.of(self.round).answer_words(self.round)}"

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
        m, t = self.ctx.metrics, self.ctx.theme
        return min(m.px(t.label), self.max_text or m.px(t.label))

    def lock_height(self) -> int:
        m = self.ctx.metrics
        return max(m.px(52), self.ctx.text.line_height(self.label_size(), True) + m.px(16))

    def lock_width(self) -> int:
        m = self.ctx.metrics
        return max(m.px(200), self.ctx.text.width("Lock in", self.label_size(), True) + m.px(48))

    def draw_lock(self, surface) -> None:
        if not self.revealed:
            m, t = self.ctx.metrics, self.ctx.theme
            self.lock.draw(surface, t, self.ctx.text, m, self.label_size())

    def mark_colour(self, correct: bool, close: bool = False):
        pal = self.ctx.theme.palette
        return pal.good if correct else pal.accent if close else pal.bad

    def caption(self, surface, content: str, pos, colour=None, anchor="topleft", size=None, bold=True):
        m, t = self.ctx.metrics, self.ctx.theme
        size = size or min(m.px(t.small), self.max_text or m.px(t.small))  # never larger than the prompt
        return blit_text(surface, self.ctx.text, content, size, colour or t.palette.muted, pos, bold=bold,
                         anchor=anchor)




class PartyView:
    """A kind on a party's big screen (``scene``: the party's play scene): what the phones answer with,
    under the prompt, and the reveal once the question closes.  The default: a panel of words."""

    own_shots = True  # screenshots of this kind's question and reveal get names of their own

    def __init__(self, scene, rnd):
        self.scene = scene
        self.ctx = scene.ctx
        self.round = rnd

    def place(self, room_at) -> int:
        """The height this kind's answer area takes at the bottom of the scene's body (``room_at(size)``: the
        height the prompt, whole at ``size``, leaves); lays out what it holds."""
        m, t = self.ctx.metrics, self.ctx.theme
        return min(m.px(150) + self.ctx.text.line_height(m.px(t.small)), room_at(self.scene.smallest()))

    def least_prompt(self) -> int | None:
        """The least size of the prompt (never smaller than the answers under it); ``None``: the scene's own."""
        return None

    def draw_question(self, surface, area: pygame.Rect) -> None:
        """What the phones answer with, in ``area``."""

    def reveal_need(self) -> int:
        """The least height the reveal works in (its headline, rows and lines at their least)."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        return text.line_height(m.px(t.body), True) + m.px(10) + text.line_height(m.px(t.body))

    def draw_reveal(self, surface, area: pygame.Rect) -> None:
        """The right answer and how the room answered, in ``area``."""

    def answers(self) -> list:
        return list(self.scene.reveal.answers.values())


@dataclass(frozen=True)
class View:
    """A kind's view: its solo answer panel and its party view."""

    panel: type[Panel]
    party: type[PartyView]


VIEWS: dict[str, View] = {}  # by kind name; the game's own are added on first use


def register_view(name: str, view: View) -> None:
    """Draw the kind called ``name`` with ``view`` (a kind without one is drawn as the kind whose input its
    phones share)."""
    _own_views()
    VIEWS[name] = view


def _own_views() -> None:
    if VIEWS:
        return
    from game.ui.kinds.choice import ChoicePanel, ChoiceParty
    from game.ui.kinds.estimate import EstimatePanel, EstimateParty
    from game.ui.kinds.order import OrderPanel, OrderParty
    from game.ui.kinds.truefalse import TrueFalsePanel, TrueFalseParty
    from game.ui.kinds.typed import TypePanel, TypeParty

    VIEWS.update(choice=View(ChoicePanel, ChoiceParty), truefalse=View(TrueFalsePanel, TrueFalseParty),
                 estimate=View(EstimatePanel, EstimateParty), order=View(OrderPanel, OrderParty),
                 type=View(TypePanel, TypeParty))


def view_of(rnd) -> View:
    """The view of ``rnd``'s kind: its own, or that of the kind whose input its phones show."""
    _own_views()
    kind = kinds.of(rnd)
    if kind.name in VIEWS:
        return VIEWS[kind.name]
    same = next((k.name for k in kinds.REGISTRY.values() if k.phone_input == kind.phone_input and k.name in VIEWS),
                None)
    if same is None:
        raise KeyError(f"no view draws the kind {kind.name!r} (nor its phones' input {kind.phone_input!r})")
    return VIEWS[same]


def panel_for(ctx, rnd) -> Panel:
    """The panel that answers ``rnd`` on the play screen."""
    return view_of(rnd).panel(ctx, rnd)


def party_view_for(scene, rnd) -> PartyView:
    """How ``rnd`` shows on a party's big screen."""
    return view_of(rnd).party(scene, rnd)
