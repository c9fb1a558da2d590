"""A question and then its feedback: the heart of the game."""

from __future__ import annotations

import pygame

from game.core import kinds, scoring
from game.core.round import FEEDBACK_SECONDS, SoloRound
from game.core.session import FIFTY, TIME, Answer, Session
from game.ui import intents as I
from game.ui.drawing import draw_player_chips
from game.ui.images import place_picture, prompt_size_of
from game.ui.kinds import INTRO_SECONDS, INTRO_STAGGER, Lock, Panel, panel_for, response_of
from game.ui.layout import first_fitting, fit_lines, one_line, shrink_together, size_ladder, whole_line, wrap_to_fit
from game.ui.outcomes import GameOver, Paused, TurnOver
from game.ui.record import note_box
from game.ui.scene import Scene
from game.ui.theme import PLAYER_COLOURS, readable_on
from game.ui.widgets import Button, blit_lines, blit_text, countdown_look, draw_countdown

LIFELINE_KEYS = {FIFTY: "H", TIME: "T"}


def hint_options(hints, keys: str, choice: bool) -> list[str]:
    """The line of key hints under a question, longest first: how to answer (``hints``, longest first) with
    the lifelines' ``keys`` and "Esc pauses"; where that is too long, the lifelines' keys go first (their
    buttons name them), then "Esc pauses", and how to answer stays as long as any line fits."""
    lead = (lambda h: f"Answer with {h}") if choice and not keys else (lambda h: h)
    options = [f"{h} · {keys} · Esc pauses" for h in hints] if keys else []
    options += [f"{lead(h)} · Esc pauses" for h in hints] + [lead(h) for h in hints]
    return options + [f"{keys} · Esc pauses" if keys else "Esc pauses", "Esc pauses"]


class PlayScene(Scene):
    """``name`` is "question" while the clock runs and "feedback" once answered.

    The rules (phases, lifelines, hot-seat turns, time) are the :class:`SoloRound`'s (``self.round``);
    the scene draws it and turns input into calls on it."""

    screen = "play"
    phases = ("question", "feedback")

    def __init__(self, ctx, session: Session):
        super().__init__(ctx)
        self.session = session
        self.round = SoloRound(session, FEEDBACK_SECONDS)
        self.lifeline_names = self.round.lifeline_names
        self.lifelines = [Button(pygame.Rect(0, 0, 0, 0), name) for name in self.lifeline_names]
        self._shown_seconds = None
        self._timer_shown: tuple | None = None  # the clock's look when last drawn (countdown_look)
        self.panel: Panel = panel_for(ctx, session.current)  # the answer area of the question's kind (game.ui.kinds)

    @property
    def name(self) -> str:
        return self.phase

    @property
    def phase(self) -> str:
        return self.round.phase

    @property
    def intro(self) -> float:
        """Seconds since the question appeared; the panel is told (its answers rise into place)."""
        return self._intro

    @intro.setter
    def intro(self, seconds: float) -> None:
        self._intro = self.panel.intro = seconds

    @property
    def result(self) -> Answer | None:
        return self.round.result

    @property
    def feedback_left(self) -> float:
        return self.round.feedback_left

    @feedback_left.setter
    def feedback_left(self, seconds: float) -> None:
        self.round.feedback_left = seconds

    @property
    def wants_text(self) -> bool:
        """A question answered by typing takes the keys as text."""
        return self.phase == "question" and self.panel.wants_text

    @property
    def shot_name(self) -> str:
        """Screenshots: a question with a lifeline in use gets its own picture, and each kind its own."""
        session = self.session
        if self.panel.own_shots:
            return f"{session.current.kind}_{self.phase}"
        extended = session.timed and session.limit != session.current.limit
        return "lifelines" if self.phase == "question" and (session.removed or extended) else self.phase

    @property
    def step_id(self) -> int:
        return self.session.index * 10 + self.session.turn

    # -- life cycle ---------------------------------------------------------------
    def enter(self) -> None:
        self.round.start()
        self._build_buttons()

    def exit(self) -> None:
        self.panel.stop()

    def pause(self) -> None:
        self.session.pause()
        self.panel.stop()

    def resume(self) -> None:
        self.session.resume()
        if self.phase == "question":
            self.panel.start()

    def _build_buttons(self) -> None:
        current = self.session.current
        self.round.new_question()
        self.intro = 0.0 if not self.ctx.reduced_motion else INTRO_SECONDS + 1
        self.panel.stop()
        self.panel = panel_for(self.ctx, current)
        self.panel.intro = self.intro
        self.panel.start()
        self._sync_lifelines()
        self.layout(*self.ctx.size)

    def _sync_lifelines(self) -> None:
        cost = scoring.LIFELINE_COST
        for button, name in zip(self.lifelines, self.lifeline_names, strict=True):
            button.enabled = self.session.can_use(name)
            state = self.round.lifeline_state(name)
            if state == "unavailable":
                button.label = f"{name}: not on this question"  # e.g. a 50:50 where nothing can be taken away
            elif state == "ready" and self.panel.wants_text:
                button.label = f"{name} · −{cost} pts"  # no key: the letters type into the box here
            elif state == "ready":
                button.label = f"{name} ({LIFELINE_KEYS[name]}) · −{cost} pts"
            else:
                button.label = f"{name} used"

    def hand_over(self) -> None:
        """Hot-seat: cover the screen until the next player says they are ready (the clock waits)."""
        if self.session.mode == "hotseat":
            self.ctx.flow.go(TurnOver(self.session, self.round.take_note()))

    # -- input ----------------------------------------------------------------------
    def handle(self, intent) -> bool:
        if intent.kind in (I.BACK, I.FOCUS_LOST, I.PAUSE):
            if intent.kind == I.FOCUS_LOST and self.phase != "question":
                return False
            self.ctx.flow.go(Paused())
            return True
        if self.phase == "question":
            return self._handle_panel(intent)
        return self._handle_feedback(intent)

    def _handle_panel(self, intent) -> bool:
        """The lifelines first (keys and buttons), then the kind's own panel."""
        if intent.kind == I.LIFELINE:
            name = self.round.lifeline_at(intent.index)
            return name is not None and self._use_lifeline(name)
        if intent.kind == I.CLICK:
            for button, name in zip(self.lifelines, self.lifeline_names, strict=True):
                if button.contains(intent.pos):
                    return self._use_lifeline(name)
        if intent.kind == I.POINT:
            for button in self.lifelines:
                button.hover = button.contains(intent.pos)
        outcome = self.panel.handle(intent)
        if isinstance(outcome, Lock):
            self._answer(outcome.response)
            return True
        return bool(outcome) or intent.kind == I.POINT

    def _use_lifeline(self, name: str) -> bool:
        used = self.round.use_lifeline(name)
        if name == FIFTY:
            self.panel.remove(self.session.removed)
        self._sync_lifelines()
        return used

    def _handle_feedback(self, intent) -> bool:
        if intent.kind in (I.CONFIRM, I.CLICK, I.CHOOSE):
            self._continue()
            return True
        if intent.kind == I.POINT:
            return False
        return False

    # -- state changes ----------------------------------------------------------------
    def _answer(self, response) -> None:
        """Answer with the kind's response (``None``: out of time)."""
        self.panel.stop()
        self._show(self.round.answer(response))

    def show_feedback(self, response) -> None:
        """Answer with ``response`` and show the feedback at once (the preview shows a question's feedback so)."""
        self.intro = INTRO_SECONDS + 1  # no answers rising into place: the feedback as it settles
        self._answer(response)

    def _continue(self) -> None:
        self._show(self.round.go_on())

    def _show(self, event: str | None) -> None:
        """Show what the round says happened."""
        if event == "tick":
            self.ctx.sound.play("tick")
        elif event in ("turn", "question"):  # the next player's turn, or the next question
            self._build_buttons()
            self.hand_over()
        elif event == "feedback":
            self.panel.stop()  # answered, or out of time
            answers = self.session.answers_to_current()
            self.panel.reveal(answers)
            self.layout(*self.ctx.size)  # the feedback panel takes the room the lifelines had
            self.ctx.sound.play("right" if any(a.correct for a in answers) else "wrong")
            self._sync_lifelines()
        elif event == "over":
            self.ctx.flow.go(GameOver(self.session))

    def update(self, dt: float) -> None:
        self.intro += dt
        if self.panel.update(dt):
            self.ctx.flow.redraw()  # e.g. the caret of a typed answer blinked
        self._show(self.round.update(dt))

    def settled(self) -> bool:
        return not self._intro_running()

    def _intro_running(self) -> bool:
        return self.intro <= INTRO_SECONDS + INTRO_STAGGER * self.panel.rising

    def animating(self) -> bool:
        if self._intro_running():
            return True
        if self.phase == "question":
            if not self.session.timed:
                return False
            if self.ctx.reduced_motion:
                # The clock moves in whole seconds: redraw only when its number changes.
                shown = self._whole_seconds()
                if shown != self._shown_seconds:
                    self._shown_seconds = shown
                    return True
                return False
            # Only when the clock would look different: the bar's end moved a pixel, or its number changed.
            return self._timer_look() != self._timer_shown
        if self.feedback_left == float("inf"):
            return False
        # Feedback: only the "next in N s" countdown changes, once a second.
        shown = int(self.feedback_left + 0.999)
        if shown != self._shown_seconds:
            self._shown_seconds = shown
            return True
        return False

    def _whole_seconds(self) -> int:
        return self.round.whole_seconds()

    def animated_rect(self):
        if self.phase != "question" or self.session.paused or not self.session.timed or self._intro_running():
            return None
        return self._timer_area

    def draw_animated(self, surface) -> None:
        self.ctx.backdrop.draw_area(surface, self._timer_area)
        self._draw_timer(surface)

    # -- layout ---------------------------------------------------------------------
    TYPED_LIFELINES = ("Keys type into the box: use a lifeline by clicking it (a pad: X, Y)",
                       "Keys type into the box: click a lifeline (a pad: X, Y)", "Click a lifeline to use it")

    def layout(self, width: int, height: int) -> None:
        """Top to bottom: counter and score, the clock, the prompt, the choices, then the
        lifelines and keys (or, once answered, the feedback panel).  Heights come from
        the text's line heights, so larger text takes the room it needs; the prompt
        gets what is left."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin = m.px(t.margin)
        inner_w = width - 2 * margin
        label_h = text.line_height(m.px(t.label), True)
        self.top_rect = pygame.Rect(margin, m.px(14), inner_w, max(m.px(44), label_h + m.px(8)))
        label_w = max(text.width(label, m.px(t.label), True) for label in ("Paused", "120 s"))
        # The clock's row: the bar and its seconds beside it, below the top row (never under it: the clock
        # is redrawn on its own every frame, which would wipe whatever it covered).
        row = pygame.Rect(margin, self.top_rect.bottom + m.px(4), inner_w, max(label_h + 4, m.px(16)))
        self.bar_rect = pygame.Rect(margin, row.centery - m.px(8), inner_w - label_w - m.px(16), m.px(16))
        self._timer_area = row.union(self.bar_rect)
        small_h = text.line_height(m.px(t.small))
        pad = m.px(10)
        if self.phase == "question":
            # The strip under the choices (lifeline buttons, or the hot-seat players) and a line of keys.
            strip_h = max(m.px(50), text.line_height(m.px(t.small), True) + m.px(16))
            bottom_h = m.px(14) + strip_h + pad + small_h
        else:  # the feedback panel, beside what the kind's answer area keeps
            bottom_h = self.panel.feedback_height(self, inner_w, height, self.feedback_height(inner_w, height))
        self.bottom_rect = pygame.Rect(margin, height - m.px(12) - bottom_h, inner_w, bottom_h)
        if self.phase == "question" and self.panel.wants_text and self.lifelines:
            self.bottom_rect.height += small_h  # typed answers: a second line says how to use the lifelines
            self.bottom_rect.top -= small_h
        strip_h = max(m.px(50), text.line_height(m.px(t.small), True) + m.px(16))
        self.strip_rect = pygame.Rect(margin, self.bottom_rect.top + m.px(14), inner_w, strip_h)
        if self.lifelines:
            # As wide as the longest label they show (e.g. "50:50: not on this question"), so it keeps its size.
            labels = [f"{name} ({LIFELINE_KEYS[name]}) · −{scoring.LIFELINE_COST} pts" for name in self.lifeline_names]
            longest = max(text.width(label, m.px(t.small), True)
                          for label in labels + [b.label for b in self.lifelines])
            w = min(max(m.px(300), longest + m.px(30)), (inner_w - m.px(16)) // 2)
            for i, button in enumerate(self.lifelines):
                button.rect = pygame.Rect(self.strip_rect.left + i * (w + m.px(16)), self.strip_rect.top, w, strip_h)
        # The prompt and the kind's answer area share the room left between the clock and the bottom (under the
        # question's picture, if it has one).
        top = self.clock_bottom()
        room = pygame.Rect(margin, top, inner_w, self.bottom_rect.top - m.px(16) - top)
        self.picture = place_picture(ctx, self.session.current.question, room, lambda top: self.panel.place(
            self, width, top, room.bottom) or prompt_size_of(self), squeeze=self.phase == "question")

    def clock_bottom(self) -> int:
        """Where the prompt may start: under the clock's row."""
        return max(self._timer_area.bottom + self.ctx.metrics.px(8), self.bar_rect.bottom + self.ctx.metrics.px(16))

    def smallest(self) -> int:
        return max(10, self.ctx.metrics.px(18))

    def feedback_floor(self, width: int) -> int:
        """The least the feedback panel needs: the headline (and hot-seat picks) whole at no more than the
        label size or the answers' size, two lines of the explanation in a size still easy to read, and the way on."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        inner = width - m.px(36)
        largest = min(m.px(t.label), self.panel.question_size or m.px(t.label))  # never above the answers
        head, head_size, _, picks, pick_size = self._feedback_parts(inner, largest=largest)
        return m.px(20) + len(head) * text.line_height(head_size, True) \
            + len(picks) * text.line_height(pick_size, True) \
            + self._explanation_floor(inner) + text.line_height(m.px(t.small)) + m.px(12)

    def _explanation_sizes(self) -> list[int]:
        m, t = self.ctx.metrics, self.ctx.theme
        return sorted({m.px(t.label), m.px(t.small), max(self.smallest(), m.px(t.small * 0.85))}, reverse=True)

    def prompt_fit(self, size: int, width: int, room: int):
        """The largest prompt size from the theme's down to ``size`` whose lines fit ``room``: (lines, size)."""
        m, t = self.ctx.metrics, self.ctx.theme
        sizes = size_ladder(max(m.px(t.prompt), size), size)
        return wrap_to_fit(self.ctx.text, self.session.current.question.prompt, sizes, width, room, True)

    def feedback_room(self, inner_w: int) -> int:
        """On the question: about the room the choices and the prompt will have on its feedback."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        if self.session.mode == "hotseat":
            head = self._the_answer()
            picks = "   ".join(f"{p.name}: A ✓ +1000" for p in self.session.players)
            used = len(text.wrap(picks, m.px(t.label), inner_w - m.px(36), True)) \
                * text.line_height(m.px(t.label), True)
        else:
            head, used = f"✗ Not this time. Run over. {self._the_answer()}", 0
        used += len(text.wrap(head, m.px(t.label), inner_w - m.px(36), True)) * text.line_height(m.px(t.label), True)
        used += m.px(20) + self._explanation_floor(inner_w - m.px(36)) + text.line_height(m.px(t.small)) + m.px(12)
        return self.ctx.size[1] - m.px(12) - self.clock_bottom() - m.px(16) * 2 - used

    # -- drawing --------------------------------------------------------------------
    def _status(self, widest: bool = False) -> str:
        """The score line; ``widest``: the longest it can become in this game (what its size is chosen for)."""
        session = self.session
        most = max(session.total, 10)
        if session.mode == "practice":
            return f"{most if widest else session.correct_count} right so far"
        score = max(session.score, 999 * most) if widest else session.score
        if session.mode == "sudden-death":
            return f"Score {score:,}   In a row: {most if widest else session.player.run}"
        streak = f"   Streak ×{most if widest else session.streak}" if widest or session.streak >= 2 else ""
        return f"Score {score:,}{streak}"

    def _counter(self) -> str:
        session = self.session
        number = session.current.number
        if session.mode == "sudden-death":
            return f"Question {number} · sudden death"
        prefix = "Practice · " if session.mode == "practice" else ""
        return f"{prefix}Question {number} of {session.total}"

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        session = self.session
        current = session.current
        ctx.backdrop.draw(surface)

        small = one_line(ctx.text, self._counter(), m.px(t.label), self.top_rect.width // 2, True)
        counter = blit_text(surface, ctx.text, self._counter(), small, pal.text, self.top_rect.midleft, bold=True,
                            anchor="midleft")
        if session.mode == "hotseat":
            self._draw_turn_banner(surface)
        else:
            # One size all game (the widest this line can get), so the score does not shrink when a streak starts.
            size = one_line(ctx.text, self._status(widest=True), m.px(t.label), self.top_rect.width // 2 - m.px(12),
                            True)
            status = blit_text(surface, ctx.text, self._status(), size, pal.accent, self.top_rect.midright,
                               bold=True, anchor="midright")
            category = current.question.category
            if category:  # in the middle, if it fits between the two
                image = ctx.text.render(category, m.px(t.small), pal.muted)
                spot = image.get_rect(center=self.top_rect.center)
                if spot.left > counter.right + m.px(12) and spot.right < status.left - m.px(12):
                    surface.blit(image, spot)

        self._draw_timer(surface)

        self.picture.draw(surface)
        # Laid out with the choices (or the kind's panel): whole, never smaller than the choices.
        note_box(surface, self.prompt_rect, "prompt")
        blit_lines(surface, ctx.text, self.prompt_lines, self.prompt_size, pal.text, self.prompt_rect, bold=True)

        self.panel.draw(surface)

        if self.phase == "question":
            self._draw_strip(surface)
            hint, *note = self.shown_hints
            spot = blit_text(surface, ctx.text, hint, m.px(t.small), pal.muted,
                             (surface.get_width() // 2, self.bottom_rect.bottom), anchor="midbottom")
            if note:
                blit_text(surface, ctx.text, note[0], m.px(t.small), pal.muted, spot.midtop, anchor="midbottom")
        else:
            self._draw_feedback(surface)

    @property
    def shown_hints(self) -> list[str]:
        """The key hints under a question, as they are drawn: how to answer (and the lifelines' keys) on
        one line, and for a typed answer a second on how to use the lifelines (empty: no question)."""
        if self.phase != "question":
            return []
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        keys = " · ".join(f"{LIFELINE_KEYS[name]} {name}" for name in self.lifeline_names
                          if self.session.can_use(name))
        if self.panel.wants_text:
            keys = ""  # H and T are letters of the answer here: the lifelines are their buttons
        hints = [first_fitting(text, hint_options(self.panel.hints(), keys, self.panel.answer_with), m.px(t.small),
                               self.bottom_rect.width)]
        if self.panel.wants_text and self.lifelines:
            hints.append(first_fitting(text, [*self.TYPED_LIFELINES, ""], m.px(t.small), self.bottom_rect.width))
        return hints

    def _draw_turn_banner(self, surface) -> None:
        """Hot-seat: the player whose turn it is, in their colour, with their score."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        session = self.session
        colour = PLAYER_COLOURS[session.turn % len(PLAYER_COLOURS)]
        if self.phase == "question":
            text = f"P{session.turn + 1} {session.player.name}'s turn"
        else:
            text = self.turns_over()
        line, size = whole_line(ctx.text, text, m.px(t.label), self.top_rect.width // 2 - m.px(40))
        if self.phase != "question":
            colour = t.palette.muted
        image = ctx.text.render(line, size, readable_on(colour), True)
        pill = image.get_rect().inflate(m.px(28), m.px(10))
        pill.midright = self.top_rect.midright
        pygame.draw.rect(surface, colour, pill, border_radius=pill.height // 2)
        surface.blit(image, image.get_rect(center=pill.center))

    def _draw_strip(self, surface) -> None:
        if self.lifelines:
            m, text = self.ctx.metrics, self.ctx.text
            # One size for both, the largest at which each label fits its button on one line.
            size = min(one_line(text, b.label, m.px(self.ctx.theme.small), b.rect.width - m.px(24), True, smallest=0.5)
                       for b in self.lifelines)
            for button in self.lifelines:
                button.draw(surface, self.ctx.theme, text, m, size)
        elif self.session.mode == "hotseat":
            draw_player_chips(surface, self.ctx, self.session, self.strip_rect,
                              self.session.turn if self.phase == "question" else None)

    def _draw_timer(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        session = self.session
        if not session.timed:
            why = "in practice" if session.mode == "practice" else "(set in Settings)"
            blit_text(surface, ctx.text, f"No clock {why}: take your time", m.px(t.small), pal.muted,
                      self.bar_rect.midleft, anchor="midleft")
            return
        look = self._timer_values()
        self._timer_shown = countdown_look(self.bar_rect, *look)
        draw_countdown(surface, ctx, self.bar_rect, *look)

    def _timer_values(self) -> tuple:
        """What the clock shows now: ``(remaining, limit, label, hurry)`` (a timed session)."""
        session = self.session
        if self.phase == "question":
            limit, remaining = session.limit, session.remaining()
            if self.ctx.reduced_motion:
                remaining = float(self._whole_seconds())  # the bar steps once a second
        else:
            limit = self.result.limit or session.current.limit
            remaining = max(limit - self.result.elapsed, 0)
        seconds = int(remaining + 0.999) if self.phase == "question" else int(remaining)
        label = "Paused" if session.paused and self.phase == "question" else f"{seconds} s"
        hurry = self.phase == "question" and seconds <= 5 and not session.paused
        return remaining, limit, label, hurry

    def _timer_look(self) -> tuple:
        return countdown_look(self.bar_rect, *self._timer_values())

    def _the_answer(self) -> str:
        """"The answer: …" for the headline, in the words of the question's kind."""
        return self.panel.the_answer()

    def _headline(self, result: Answer) -> tuple[str, tuple]:
        pal = self.ctx.theme.palette
        answer = self._the_answer()
        total, how = scoring.answer_points(result)  # what the score rose by, then how
        how = f": {how}" if how else ""
        if self.session.mode == "practice":
            if result.correct:
                return f"✓ Right, in {result.elapsed:.1f} s", pal.good
            return f"✗ Not this time. {answer}", pal.bad
        if result.correct:
            return f"✓ Right in {result.elapsed:.1f} s! {total}{how}", pal.good
        over = " Run over." if self.session.mode == "sudden-death" else ""
        if result.close:
            return f"≈ Close!{over} {total} for {self.panel.near_miss}{how}. {answer}", pal.accent
        if response_of(result) is None:
            return f"Time's up.{over} {answer}", pal.bad
        return f"✗ Not this time.{over} {answer}", pal.bad

    def _feedback_parts(self, width: int, height: int | None = None, largest: int | None = None):
        """The headline (and hot-seat picks) wrapped for a panel ``width`` wide, every word of them, in sizes
        (at most ``largest``) that leave two lines of the explanation and a line for the way on within
        ``height``: ``(head, size, colour, picks, size)``."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        if self.session.mode == "hotseat":
            head, colour = self._the_answer(), t.palette.good
            picks = self.hotseat_picks()
        else:
            head, colour = self._headline(self.result)
            picks = ""
        head_size = one_line(ctx.text, head, m.px(t.body), width, True, smallest=0.75)
        pick_size = m.px(t.label)
        if largest:
            head_size, pick_size = min(head_size, largest), min(pick_size, largest)
        reserve = self._explanation_floor(width) + text.line_height(m.px(t.small)) + m.px(8)  # and the gaps

        def lines(sizes: tuple[int, ...]) -> tuple[list[str], list[str]]:
            return text.wrap(head, sizes[0], width, True), text.wrap(picks, sizes[1], width, True) if picks else []

        def fits(sizes: tuple[int, ...]) -> bool:
            head_lines, pick_lines = lines(sizes)
            return height is None or len(head_lines) * text.line_height(sizes[0], True) + \
                len(pick_lines) * text.line_height(sizes[1], True) + reserve <= height

        head_size, pick_size = shrink_together((head_size, pick_size), self.smallest(), fits)
        head_lines, pick_lines = lines((head_size, pick_size))
        return head_lines, head_size, colour, pick_lines, pick_size

    def _explanation_floor(self, width: int) -> int:
        """Two lines of the explanation (or its only one) in the smallest size it is drawn in."""
        text = self.ctx.text
        explanation = self.session.current.question.explanation or ""
        size = self._explanation_sizes()[-1]
        return min(len(text.wrap(explanation, size, width)), 2) * text.line_height(size) if explanation else 0

    def feedback_height(self, width: int, height: int, capped: bool = True) -> int:
        """The feedback panel: the headline, (hot-seat) every pick, the explanation, the way on
        (``capped``: at most 40 % of the window)."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        inner = width - m.px(36)
        head, head_size, _, picks, pick_size = self._feedback_parts(inner)
        need = m.px(20) + len(head) * text.line_height(head_size, True) + m.px(4)
        need += len(picks) * text.line_height(pick_size, True) + (m.px(4) if picks else 0)
        explanation = self.session.current.question.explanation or ""
        if explanation:
            need += len(text.wrap(explanation, m.px(t.label), inner)) * text.line_height(m.px(t.label))
        need += text.line_height(m.px(t.small)) + m.px(4)
        return min(max(need, m.px(136)), int(height * 0.4) if capped else height)

    def _draw_feedback(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        panel = self.bottom_rect
        pygame.draw.rect(surface, pal.panel, panel, border_radius=m.px(t.radius))
        if t.edge > 1:
            pygame.draw.rect(surface, pal.panel_edge, panel, width=m.px(t.edge), border_radius=m.px(t.radius))
        note_box(surface, panel, "panel")
        inner = panel.inflate(-m.px(36), -m.px(20))
        largest = self.panel.feedback_largest()
        head, head_size, colour, picks, pick_size = self._feedback_parts(inner.width, inner.height, largest)
        y = inner.top
        y += blit_lines(surface, text, head, head_size, colour, pygame.Rect(inner.left, y, inner.width, 0), bold=True,
                        align="left", valign="top") + m.px(4)
        if picks:
            y += blit_lines(surface, text, picks, pick_size, pal.text, pygame.Rect(inner.left, y, inner.width, 0),
                            bold=True, align="left", valign="top") + m.px(4)
        if self.feedback_left == float("inf"):
            options = ["Enter, Space or a click to go on", "Enter to go on"]
        else:
            seconds = max(int(self.feedback_left + 0.999), 0)
            options = [f"Enter, Space or a click to go on · next in {seconds} s",
                       f"Enter to go on · next in {seconds} s", f"next in {seconds} s"]
        cont = first_fitting(text, options, m.px(t.small), inner.width)
        foot_h = text.line_height(m.px(t.small))
        explanation = self.session.current.question.explanation or ""
        body = pygame.Rect(inner.left, y, inner.width, inner.bottom - foot_h - y)
        sizes = self._explanation_sizes()
        if explanation and body.height >= text.line_height(sizes[-1]):  # a line at least, or none
            lines, size = fit_lines(text, explanation, sizes, body.width, body.height)
            blit_lines(surface, text, lines, size, pal.text, body, align="left", valign="top")
        blit_text(surface, text, cont, m.px(t.small), pal.muted, inner.bottomright, anchor="bottomright")

    def turns_over(self) -> str:
        """Hot-seat, once every player has had the question: how it went, true whoever ran out of time."""
        in_time, answers = self.round.in_time()
        if in_time == answers:
            return "Everyone has answered"
        if in_time == 0:
            return "Time ran out for everyone"
        return f"{in_time} of {answers} answered in time"

    def hotseat_picks(self) -> str:
        """Every player's answer, set apart by " · " so one name never runs into the last one's points."""
        return " · ".join(self._hotseat_line(a) for a in self.session.answers_to_current())

    def _hotseat_line(self, answer: Answer) -> str:
        name = self.session.players[answer.player].name
        response = response_of(answer)
        if response is None:
            return f"{name}: out of time"
        letter = kinds.of(answer.round).short_text(answer.round, response)
        if answer.correct:
            return f"{name}: {letter} ✓ +{answer.total:,}"
        if answer.close:
            return f"{name}: {letter} ≈ +{answer.total:,}"
        return f"{name}: {letter} ✗"
