"""A question and then its feedback: the heart of the game."""

from __future__ import annotations

import pygame

from game.core import scoring
from game.core.session import FIFTY, LIFELINES, TIME, Answer, Session
from game.ui import intents as I
from game.ui.scene import Scene
from game.ui.theme import LETTERS, PLAYER_COLOURS, readable_on
from game.ui.widgets import Button, ChoiceButton, blit_lines, blit_text, fit_lines

FEEDBACK_SECONDS = 6.0
LIFELINE_KEYS = {FIFTY: "H", TIME: "T"}


class PlayScene(Scene):
    """``name`` is "question" while the clock runs and "feedback" once answered."""

    def __init__(self, app, session: Session):
        super().__init__(app)
        self.session = session
        self.phase = "question"
        self.result: Answer | None = None
        self.feedback_left = 0.0
        self.focus: int | None = None
        self.buttons: list[ChoiceButton] = []
        self.lifelines = [Button(pygame.Rect(0, 0, 0, 0), name) for name in LIFELINES] \
            if session.lifelines_allowed else []
        self.columns = 2
        self._shown_seconds = None
        self.locked_note = ""  # hot-seat: who just locked in an answer

    @property
    def name(self) -> str:
        return self.phase

    @property
    def shot_name(self) -> str:
        """Screenshots: a question with a lifeline in use gets its own picture."""
        session = self.session
        extended = session.timed and session.limit != session.current.limit
        return "lifelines" if self.phase == "question" and (session.removed or extended) else self.phase

    @property
    def step_id(self) -> int:
        return self.session.index * 10 + self.session.turn

    # -- life cycle ---------------------------------------------------------------
    def enter(self) -> None:
        self.session.start()
        self._build_buttons()

    def pause(self) -> None:
        self.session.pause()

    def resume(self) -> None:
        self.session.resume()

    def _build_buttons(self) -> None:
        current = self.session.current
        self.buttons = [ChoiceButton(pygame.Rect(0, 0, 0, 0), i, label) for i, label in enumerate(current.choices)]
        self.focus = None
        self._sync_lifelines()
        self.layout(*self.app.size)

    def _sync_lifelines(self) -> None:
        cost = scoring.LIFELINE_COST
        for button, name in zip(self.lifelines, LIFELINES):
            usable = self.session.can_use(name)
            button.enabled = usable
            if name in self.session.player.lifelines:
                button.label = f"{name} ({LIFELINE_KEYS[name]}) · −{cost} pts"
            else:
                button.label = f"{name} used"

    def hand_over(self) -> None:
        """Hot-seat: cover the screen until the next player says they are ready (the clock waits)."""
        if self.session.mode == "hotseat":
            from game.ui.scenes.handover import HandoverScene

            self.app.stack.push(HandoverScene(self.app, self.session, self.locked_note))
            self.locked_note = ""

    # -- input ----------------------------------------------------------------------
    def handle(self, intent) -> bool:
        if intent.kind in (I.BACK, I.FOCUS_LOST):
            if intent.kind == I.FOCUS_LOST and self.phase != "question":
                return False
            from game.ui.scenes.pause import PauseScene

            self.app.stack.push(PauseScene(self.app))
            return True
        if self.phase == "question":
            return self._handle_question(intent)
        return self._handle_feedback(intent)

    def _handle_question(self, intent) -> bool:
        n = len(self.buttons)
        if intent.kind == I.CHOOSE:
            if intent.index < n and intent.index not in self.session.removed:
                self._answer(intent.index)
                return True
            return False
        if intent.kind == I.LIFELINE and self.lifelines:
            return self._use_lifeline(LIFELINES[intent.index])
        if intent.kind == I.MOVE:
            self._move_focus(intent.dx, intent.dy)
            return True
        if intent.kind == I.CONFIRM and self.focus is not None:
            self._answer(self.focus)
            return True
        if intent.kind == I.POINT:
            for button in self.buttons + self.lifelines:
                button.hover = button.contains(intent.pos)
            return True
        if intent.kind == I.CLICK:
            for button in self.buttons:
                if button.contains(intent.pos):
                    self._answer(button.index)
                    return True
            for button, name in zip(self.lifelines, LIFELINES):
                if button.contains(intent.pos):
                    return self._use_lifeline(name)
        return False

    def _use_lifeline(self, name: str) -> bool:
        if name == FIFTY:
            removed = self.session.use_fifty()
            for button in self.buttons:
                if button.index in removed:
                    button.mark, button.hover, button.focus = "removed", False, False
            if self.focus in removed:
                self.focus = None
            used = bool(removed)
        else:
            used = self.session.use_time() > 0
        self._sync_lifelines()
        return used

    def _move_focus(self, dx: int, dy: int) -> None:
        n = len(self.buttons)
        removed = self.session.removed
        if self.focus is None:
            self.focus = next(i for i in range(n) if i not in removed)
        else:
            rows = (n + self.columns - 1) // self.columns
            index = self.focus
            for _ in range(n):  # step over choices the 50:50 took away
                row, col = divmod(index, self.columns)
                col = (col + dx) % self.columns if dx else col
                row = (row + dy) % rows
                index = min(row * self.columns + col, n - 1)
                if index not in removed:
                    break
            self.focus = index
        for button in self.buttons:
            button.focus = button.index == self.focus

    def _handle_feedback(self, intent) -> bool:
        if intent.kind in (I.CONFIRM, I.CLICK, I.CHOOSE):
            self._continue()
            return True
        if intent.kind == I.POINT:
            return False
        return False

    # -- state changes ----------------------------------------------------------------
    def _answer(self, index: int | None) -> None:
        session = self.session
        self.result = session.answer(index)
        if session.mode == "hotseat" and not session.round_done:
            # The next player answers the same question without seeing this one's pick.
            self.locked_note = f"{session.player.name} locked in an answer."
            session.next_turn()
            self.result = None
            self._build_buttons()
            self.hand_over()
            return
        self.phase = "feedback"
        explanation = session.current.question.explanation or ""
        if session.mode == "practice":
            self.feedback_left = float("inf")  # practice waits for the player
        else:
            extra = 4.0 if session.mode == "hotseat" else 0.0
            self.feedback_left = FEEDBACK_SECONDS + extra + min(len(explanation) / 40.0, 6.0)
        correct = session.current.correct
        picks = {a.chosen: a for a in session.answers_to_current() if a.chosen is not None}
        for button in self.buttons:
            button.hover = button.focus = False
            if button.index == correct:
                button.mark = "correct"
            elif button.index in picks:
                button.mark = "close" if picks[button.index].close else "wrong"
            elif button.mark != "removed":
                button.mark = "dim"
        self._sync_lifelines()

    def _continue(self) -> None:
        if self.session.advance():
            self.phase = "question"
            self.result = None
            self._build_buttons()
            self.hand_over()
        else:
            self.app.finish_game(self.session)
            if self.session.mode == "hotseat":
                from game.ui.scenes.podium import PodiumScene

                self.app.stack.replace(PodiumScene(self.app, self.session))
            else:
                from game.ui.scenes.results import ResultsScene

                self.app.stack.replace(ResultsScene(self.app, self.session))

    def update(self, dt: float) -> None:
        if self.phase == "question":
            if self.session.expired():
                self._answer(None)
        else:
            self.feedback_left -= dt
            if self.feedback_left <= 0:
                self._continue()

    def animating(self) -> bool:
        if self.phase == "question":
            return self.session.timed
        if self.feedback_left == float("inf"):
            return False
        # Feedback: only the "next in N s" countdown changes, once a second.
        shown = int(self.feedback_left + 0.999)
        if shown != self._shown_seconds:
            self._shown_seconds = shown
            return True
        return False

    def animated_rect(self):
        if self.phase != "question" or self.session.paused or not self.session.timed:
            return None
        return self._timer_area

    def draw_animated(self, surface) -> None:
        self.app.backdrop.draw_area(surface, self._timer_area)
        self._draw_timer(surface)

    # -- layout ---------------------------------------------------------------------
    def layout(self, width: int, height: int) -> None:
        m, t = self.app.metrics, self.app.theme
        margin = m.px(t.margin)
        self.top_rect = pygame.Rect(margin, m.px(20), width - 2 * margin, m.px(44))
        label_w = max(self.app.text.width(label, m.px(t.label), True) for label in ("Paused", "120 s"))
        self.bar_rect = pygame.Rect(margin, self.top_rect.bottom + m.px(10),
                                    width - 2 * margin - label_w - m.px(16), m.px(16))
        label_h = self.app.text.line_height(m.px(t.label), True)
        self._timer_area = pygame.Rect(margin, self.bar_rect.centery - label_h // 2 - 2,
                                       width - 2 * margin, label_h + 4).union(self.bar_rect)
        extra = 40 if self.session.mode == "hotseat" else 0  # room for every player's pick
        self.bottom_rect = pygame.Rect(margin, height - m.px(150 + extra), width - 2 * margin, m.px(136 + extra))
        # The strip under the choices: lifeline buttons, or the hot-seat players.
        strip_h = m.px(50)
        self.strip_rect = pygame.Rect(margin, self.bottom_rect.top + m.px(14), width - 2 * margin, strip_h)
        if self.lifelines:
            w = min(m.px(300), (self.strip_rect.width - m.px(16)) // 2)
            for i, button in enumerate(self.lifelines):
                button.rect = pygame.Rect(self.strip_rect.left + i * (w + m.px(16)), self.strip_rect.top, w, strip_h)
        n = max(len(self.buttons), 1)
        self.columns = 1 if n <= 2 and width < 900 else 2
        rows = (n + self.columns - 1) // self.columns
        gap = m.px(t.gap)
        button_h = min(m.px(96), max(m.px(56), (height * 0.42 - gap * (rows - 1)) // rows))
        grid_h = rows * button_h + (rows - 1) * gap
        grid_top = self.bottom_rect.top - m.px(16) - grid_h
        self.prompt_rect = pygame.Rect(margin, self.bar_rect.bottom + m.px(16), width - 2 * margin,
                                       grid_top - self.bar_rect.bottom - m.px(32))
        col_w = (width - 2 * margin - gap * (self.columns - 1)) // self.columns
        for button in self.buttons:
            row, col = divmod(button.index, self.columns)
            button.rect = pygame.Rect(margin + col * (col_w + gap), grid_top + row * (button_h + gap), col_w, button_h)

    # -- drawing --------------------------------------------------------------------
    def _status(self) -> str:
        session = self.session
        if session.mode == "practice":
            return f"{session.correct_count} right so far"
        if session.mode == "sudden-death":
            return f"Score {session.score:,}   In a row: {session.player.run}"
        streak = f"   Streak ×{session.streak}" if session.streak >= 2 else ""
        return f"Score {session.score:,}{streak}"

    def _counter(self) -> str:
        session = self.session
        number = session.current.number
        if session.mode == "sudden-death":
            return f"Question {number} · sudden death"
        prefix = "Practice · " if session.mode == "practice" else ""
        return f"{prefix}Question {number} of {session.total}"

    def draw(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        session = self.session
        current = session.current
        app.backdrop.draw(surface)

        small = m.px(t.label)
        blit_text(surface, app.text, self._counter(), small, pal.text, self.top_rect.midleft, bold=True,
                  anchor="midleft")
        if session.mode == "hotseat":
            self._draw_turn_banner(surface)
        else:
            blit_text(surface, app.text, self._status(), small, pal.accent, self.top_rect.midright, bold=True,
                      anchor="midright")
            if current.question.category:
                blit_text(surface, app.text, current.question.category, m.px(t.small), pal.muted,
                          self.top_rect.center, anchor="center")

        self._draw_timer(surface)

        lines, size = fit_lines(app.text, current.question.prompt,
                                [m.px(t.prompt), m.px(t.prompt * 0.85), m.px(t.body * 0.85), m.px(t.small)],
                                self.prompt_rect.width, self.prompt_rect.height, bold=True)
        blit_lines(surface, app.text, lines, size, pal.text, self.prompt_rect, bold=True)

        for button in self.buttons:
            button.draw(surface, t, app.text, m)

        if self.phase == "question":
            self._draw_strip(surface)
            if self.lifelines:
                hint = "1–6 or A–F, arrows and Enter, or a click · H 50:50 · T +10 s · Esc pauses"
            else:
                hint = "Answer with 1–6 or A–F, the arrows and Enter, or a click · Esc pauses"
            blit_text(surface, app.text, hint, m.px(t.small), pal.muted,
                      (surface.get_width() // 2, self.bottom_rect.bottom - m.px(4)), anchor="midbottom")
        else:
            self._draw_feedback(surface)

    def _draw_turn_banner(self, surface) -> None:
        """Hot-seat: the player whose turn it is, in their colour, with their score."""
        app, m, t = self.app, self.app.metrics, self.app.theme
        session = self.session
        colour = PLAYER_COLOURS[session.turn % len(PLAYER_COLOURS)]
        if self.phase == "question":
            text = f"P{session.turn + 1} {session.player.name}'s turn"
        else:
            text = "Everyone has answered"
        lines, size = fit_lines(app.text, text, [m.px(t.label), m.px(t.small)], self.top_rect.width // 2,
                                self.top_rect.height, bold=True, max_lines=1)
        if self.phase != "question":
            colour = t.palette.muted
        image = app.text.render(lines[0], size, readable_on(colour), True)
        pill = image.get_rect().inflate(m.px(28), m.px(10))
        pill.midright = self.top_rect.midright
        pygame.draw.rect(surface, colour, pill, border_radius=pill.height // 2)
        surface.blit(image, image.get_rect(center=pill.center))

    def _draw_strip(self, surface) -> None:
        if self.lifelines:
            for button in self.lifelines:
                button.draw(surface, self.app.theme, self.app.text, self.app.metrics, self.app.metrics.px(22))
        elif self.session.mode == "hotseat":
            draw_player_chips(surface, self.app, self.session, self.strip_rect,
                              self.session.turn if self.phase == "question" else None)

    def _draw_timer(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        session = self.session
        if not session.timed:
            blit_text(surface, app.text, "No clock in practice: take your time", m.px(t.small), pal.muted,
                      self.bar_rect.midleft, anchor="midleft")
            return
        if self.phase == "question":
            limit, remaining = session.limit, session.remaining()
        else:
            limit = self.result.limit or session.current.limit
            remaining = max(limit - self.result.elapsed, 0)
        fraction = min(remaining / limit, 1.0) if limit else 0
        radius = self.bar_rect.height // 2
        pygame.draw.rect(surface, pal.bar_back, self.bar_rect, border_radius=radius)
        colour = pal.good if fraction > 0.5 else pal.accent if fraction > 0.25 else pal.bad
        filled = self.bar_rect.copy()
        filled.width = int(self.bar_rect.width * fraction)
        if filled.width > 0:
            pygame.draw.rect(surface, colour, filled, border_radius=radius)
        seconds = int(remaining + 0.999) if self.phase == "question" else int(remaining)
        label = "Paused" if session.paused and self.phase == "question" else f"{seconds} s"
        blit_text(surface, app.text, label, m.px(t.label), pal.text,
                  (self.bar_rect.right + m.px(14), self.bar_rect.centery), bold=True, anchor="midleft")

    def _headline(self, result: Answer) -> tuple[str, tuple]:
        pal = self.app.theme.palette
        current = self.session.current
        right = current.choices[current.correct]
        cost = f" (−{len(result.lifelines) * scoring.LIFELINE_COST} lifeline)" if result.lifelines else ""
        if self.session.mode == "practice":
            if result.correct:
                return f"✓ Right, in {result.elapsed:.1f} s", pal.good
            return f"✗ Not this time. The answer: {right}", pal.bad
        if result.correct:
            bonus = f" (+{result.bonus} streak bonus)" if result.bonus else ""
            return f"✓ Right! +{result.points}{bonus}{cost} in {result.elapsed:.1f} s", pal.good
        over = " Run over." if self.session.mode == "sudden-death" else ""
        if result.close:
            return f"≈ Close!{over} +{result.points} for a near miss{cost}. The answer: {right}", pal.accent
        if result.chosen is None:
            return f"Time's up.{over} The answer: {right}", pal.bad
        return f"✗ Not this time.{over} The answer: {right}", pal.bad

    def _draw_feedback(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        current = self.session.current
        panel = self.bottom_rect
        pygame.draw.rect(surface, pal.panel, panel, border_radius=m.px(t.radius))
        inner = panel.inflate(-m.px(36), -m.px(20))
        if self.session.mode == "hotseat":
            right = current.choices[current.correct]
            head, colour = f"The answer: {right}", pal.good
            picks = "   ".join(self._hotseat_line(a) for a in self.session.answers_to_current())
            lines, size = fit_lines(app.text, picks, [m.px(t.label), m.px(t.small)], inner.width, m.px(34),
                                    bold=True, max_lines=1)
            blit_lines(surface, app.text, lines, size, pal.text,
                       pygame.Rect(inner.left, inner.top + m.px(40), inner.width, m.px(34)), bold=True,
                       align="left", valign="top")
            explanation = current.question.explanation or ""
            below = m.px(42 + 34)  # the explanation starts under the players' picks
        else:
            below = m.px(42)
            head, colour = self._headline(self.result)
            explanation = current.question.explanation or ""
        head_lines, head_size = fit_lines(app.text, head, [m.px(t.body), m.px(t.label), m.px(t.small)], inner.width,
                                          m.px(40), bold=True, max_lines=1)
        blit_lines(surface, app.text, head_lines, head_size, colour,
                   pygame.Rect(inner.left, inner.top, inner.width, m.px(40)), bold=True, align="left", valign="top")
        if self.feedback_left == float("inf"):
            cont = "Enter, Space or a click to go on"
        else:
            cont = f"Enter, Space or a click to go on · next in {max(int(self.feedback_left + 0.999), 0)} s"
        foot_h = app.text.line_height(m.px(t.small))
        body = pygame.Rect(inner.left, inner.top + below, inner.width, inner.height - below - foot_h)
        if explanation:
            lines, size = fit_lines(app.text, explanation, [m.px(t.label), m.px(t.small)], body.width, body.height)
            blit_lines(surface, app.text, lines, size, pal.text, body, align="left", valign="top")
        blit_text(surface, app.text, cont, m.px(t.small), pal.muted, inner.bottomright, anchor="bottomright")

    def _hotseat_line(self, answer: Answer) -> str:
        name = self.session.players[answer.player].name
        if answer.chosen is None:
            return f"{name}: out of time"
        letter = LETTERS[answer.chosen]
        if answer.correct:
            return f"{name}: {letter} ✓ +{answer.total}"
        if answer.close:
            return f"{name}: {letter} ≈ +{answer.total}"
        return f"{name}: {letter} ✗"


def draw_player_chips(surface, app, session, rect: pygame.Rect, current: int | None) -> None:
    """Each hot-seat player's seat, name and score in a row; the one whose turn it is stands out."""
    m, t = app.metrics, app.theme
    pal = t.palette
    n = len(session.players)
    gap = m.px(12)
    w = (rect.width - gap * (n - 1)) // n
    for i, player in enumerate(session.players):
        chip = pygame.Rect(rect.left + i * (w + gap), rect.top, w, rect.height)
        colour = PLAYER_COLOURS[i % len(PLAYER_COLOURS)]
        active = i == current
        pygame.draw.rect(surface, pal.panel_hover if active else pal.panel, chip, border_radius=m.px(10))
        pygame.draw.rect(surface, colour, (chip.left, chip.top, m.px(10), chip.height),
                         border_top_left_radius=m.px(10), border_bottom_left_radius=m.px(10))
        if active:
            pygame.draw.rect(surface, pal.focus, chip, width=m.px(3), border_radius=m.px(10))
        # While a question is open, points won on it stay hidden until everyone has answered.
        hidden = sum(a.total for a in player.answers if a.round is session.current) if current is not None else 0
        score = f"{player.score - hidden:,}"
        score_w = app.text.width(score, m.px(t.small), True)
        label = f"{'▶ ' if active else ''}P{i + 1} {player.name}"
        lines, size = fit_lines(app.text, label, [m.px(t.small), m.px(t.small * 0.85)],
                                chip.width - score_w - m.px(40), chip.height, bold=active, max_lines=1)
        blit_text(surface, app.text, lines[0], size, pal.text, (chip.left + m.px(18), chip.centery),
                  bold=active, anchor="midleft")
        blit_text(surface, app.text, score, m.px(t.small), pal.accent, (chip.right - m.px(10), chip.centery),
                  bold=True, anchor="midright")
