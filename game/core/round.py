"""One player's (or the hot-seat's) round of questions as the play screen runs it, without pygame.

A :class:`SoloRound` holds what the play screen used to decide for itself: the phase (a question,
then its feedback), the lifelines, the hot-seat turns (the next player answers the same question
unseen), how long the feedback stays, and the last five seconds' ticks.  Time comes in two ways,
both injected: the :class:`~game.core.session.Session`'s clock (a question's time) and the ``dt``
handed to :meth:`SoloRound.update` (the feedback's countdown).  The screen draws, turns input into
calls here and acts on what each call says happened (an :data:`Event`).
"""

from __future__ import annotations

from typing import Literal

from game.core.session import FIFTY, LIFELINES, Answer, Session

FEEDBACK_SECONDS = 6.0
HOTSEAT_EXTRA_SECONDS = 4.0  # hot-seat feedback stays longer: everyone's picks are read out
TICK_SECONDS = 5  # a tick for each of a timed question's last five seconds

QUESTION, FEEDBACK = "question", "feedback"

#: What a call says happened: ``"tick"`` (one of the last five seconds began), ``"turn"`` (hot-seat:
#: the next player answers the same question), ``"feedback"`` (the question is answered, or out of
#: time), ``"question"`` (the next question is open) and ``"over"`` (there is none: the game is over).
Event = Literal["tick", "turn", "feedback", "question", "over"]
Lifeline = Literal["ready", "unavailable", "used"]


def tick_due(remaining: float, ticked: int | None) -> int | None:
    """The second of a timed question's last five to tick now (``remaining`` seconds left, counted up as
    the clock shows them), once each: ``None`` when none is due (``ticked``: the last that ticked)."""
    left = int(remaining + 0.999)
    return left if 1 <= left <= TICK_SECONDS and left != ticked else None


def given(answer: Answer) -> object:
    """What an answer gave: its ``response``, or the chosen index of a multiple-choice answer
    (``None``: out of time)."""
    return answer.chosen if answer.response is None else answer.response


def feedback_seconds(session: Session, least: float = FEEDBACK_SECONDS) -> float:
    """How long a question's feedback stays (``least`` seconds and more): practice waits for the player
    (``inf``); longer for a hot-seat and for a long explanation."""
    if session.mode == "practice":
        return float("inf")
    explanation = session.current.question.explanation or ""
    extra = HOTSEAT_EXTRA_SECONDS if session.mode == "hotseat" else 0.0
    return least + extra + min(len(explanation) / 40.0, 6.0)


class SoloRound:
    """The rules of the play screen over a :class:`Session`: see the module's notes."""

    def __init__(self, session: Session, feedback_least: float = FEEDBACK_SECONDS) -> None:
        self.session = session
        self.feedback_least = feedback_least
        self.phase: str = QUESTION
        self.result: Answer | None = None  # the answer the feedback is about
        self.feedback_left = 0.0  # seconds until the feedback moves on by itself (``inf``: it waits)
        self.lifeline_names: tuple[str, ...] = session.offered_lifelines
        self.locked_note = ""  # hot-seat: who just locked in an answer (said on the hand-over)
        self.ticked: int | None = None  # the last of the final five seconds that ticked

    # -- the question ---------------------------------------------------------------------------
    def start(self) -> None:
        """The first question opens: its clock starts."""
        self.session.start()
        self.ticked = None

    def new_question(self) -> None:
        """A question (or a hot-seat turn) is shown afresh: its ticks start over."""
        self.ticked = None

    @property
    def asking(self) -> bool:
        return self.phase == QUESTION

    # -- lifelines ------------------------------------------------------------------------------
    def lifeline_at(self, index: int) -> str | None:
        """The lifeline a key names (``index`` in :data:`LIFELINES`), if this game offers it."""
        name = LIFELINES[index] if 0 <= index < len(LIFELINES) else None
        return name if name in self.lifeline_names else None

    def lifeline_state(self, name: str) -> Lifeline:
        """``"used"`` once the player has spent it, ``"unavailable"`` where it does nothing on this
        question (a 50:50 with nothing to take away), else ``"ready"``."""
        if name not in self.session.player.lifelines:
            return "used"
        if not self.session.can_use(name) and self.asking:
            return "unavailable"
        return "ready"

    def use_lifeline(self, name: str) -> bool:
        """Use ``name`` on the open question; ``True`` when it did something."""
        if name == FIFTY:
            return bool(self.session.use_fifty())
        return self.session.use_time() > 0

    # -- answers and turns ----------------------------------------------------------------------
    def answer(self, response: object) -> Event:
        """Answer with the kind's response (``None``: out of time): ``"turn"`` when the next hot-seat
        player answers the same question, else ``"feedback"``."""
        session = self.session
        self.result = session.answer(response)
        if session.mode == "hotseat" and not session.round_done:
            # The next player answers the same question without seeing this one's pick.
            self.locked_note = f"{session.player.name} locked in an answer."
            session.next_turn()
            self.result = None
            return "turn"
        self.phase = FEEDBACK
        self.feedback_left = feedback_seconds(session, self.feedback_least)
        return "feedback"

    def take_note(self) -> str:
        """Who just locked in an answer, said once."""
        note, self.locked_note = self.locked_note, ""
        return note

    def go_on(self) -> Event:
        """From the feedback to the next question (``"question"``), or ``"over"`` after the last."""
        if self.session.advance():
            self.phase = QUESTION
            self.result = None
            return "question"
        return "over"

    def in_time(self) -> tuple[int, int]:
        """Hot-seat, once everyone has had the question: how many answered in time, of how many."""
        answers = self.session.answers_to_current()
        return sum(1 for a in answers if given(a) is not None), len(answers)

    # -- each frame -----------------------------------------------------------------------------
    def update(self, dt: float) -> Event | None:
        """``dt`` seconds passed: the question runs out of time (its answer's event), one of its last
        five seconds ticks (``"tick"``), or the feedback's countdown ends (:meth:`go_on`'s event)."""
        if self.asking:
            session = self.session
            if session.expired():
                return self.answer(None)
            due = tick_due(session.remaining(), self.ticked) if session.timed and not session.paused else None
            if due is not None:
                self.ticked = due
                return "tick"
            return None
        self.feedback_left -= dt
        if self.feedback_left <= 0:
            return self.go_on()
        return None

    def whole_seconds(self) -> int:
        """The question's seconds left, counted up (as the clock shows them)."""
        return int(self.session.remaining() + 0.999)
