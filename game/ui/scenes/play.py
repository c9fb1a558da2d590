"""A question and then its feedback: the heart of the game."""

from __future__ import annotations

import pygame

from game.core.session import Answer, Session
from game.ui import intents as I
from game.ui.scene import Scene
from game.ui.widgets import ChoiceButton, blit_lines, blit_text, fit_lines

FEEDBACK_SECONDS = 6.0


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
        self.columns = 2
        self._shown_seconds = None

    @property
    def name(self) -> str:
        return self.phase

    @property
    def step_id(self) -> int:
        return self.session.index

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
        self.layout(*self.app.size)

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
            if intent.index < n:
                self._answer(intent.index)
                return True
            return False
        if intent.kind == I.MOVE:
            self._move_focus(intent.dx, intent.dy)
            return True
        if intent.kind == I.CONFIRM and self.focus is not None:
            self._answer(self.focus)
            return True
        if intent.kind == I.POINT:
            for button in self.buttons:
                button.hover = button.contains(intent.pos)
            return True
        if intent.kind == I.CLICK:
            for button in self.buttons:
                if button.contains(intent.pos):
                    self._answer(button.index)
                    return True
        return False

    def _move_focus(self, dx: int, dy: int) -> None:
        n = len(self.buttons)
        if self.focus is None:
            self.focus = 0
        else:
            row, col = divmod(self.focus, self.columns)
            col = (col + dx) % self.columns if dx else col
            row += dy
            rows = (n + self.columns - 1) // self.columns
            row %= rows
            index = row * self.columns + col
            self.focus = min(index, n - 1)
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
        self.result = self.session.answer(index)
        self.phase = "feedback"
        explanation = self.session.current.question.explanation or ""
        self.feedback_left = FEEDBACK_SECONDS + min(len(explanation) / 40.0, 6.0)
        correct = self.session.current.correct
        for button in self.buttons:
            button.hover = button.focus = False
            if button.index == correct:
                button.mark = "correct"
            elif button.index == index:
                button.mark = "wrong"
            else:
                button.mark = "dim"

    def _continue(self) -> None:
        if self.session.advance():
            self.phase = "question"
            self.result = None
            self._build_buttons()
        else:
            from game.ui.scenes.results import ResultsScene

            self.app.finish_game(self.session)
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
            return True
        # Feedback: only the "next in N s" countdown changes, once a second.
        shown = int(self.feedback_left + 0.999)
        if shown != self._shown_seconds:
            self._shown_seconds = shown
            return True
        return False

    def animated_rect(self):
        if self.phase != "question" or self.session.paused:
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
        self.bottom_rect = pygame.Rect(margin, height - m.px(150), width - 2 * margin, m.px(136))
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
    def draw(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        session = self.session
        current = session.current
        app.backdrop.draw(surface)

        small = m.px(t.label)
        blit_text(surface, app.text, f"Question {current.number} of {session.total}", small, pal.text,
                  self.top_rect.midleft, bold=True, anchor="midleft")
        streak = f"   Streak ×{session.streak}" if session.streak >= 2 else ""
        blit_text(surface, app.text, f"Score {session.score:,}{streak}", small, pal.accent,
                  self.top_rect.midright, bold=True, anchor="midright")
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
            hint = "Answer with 1–6 or A–F, the arrows and Enter, or a click · Esc pauses"
            blit_text(surface, app.text, hint, m.px(t.small), pal.muted,
                      (surface.get_width() // 2, self.bottom_rect.bottom - m.px(4)), anchor="midbottom")
        else:
            self._draw_feedback(surface)

    def _draw_timer(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        session = self.session
        limit = session.current.limit
        remaining = session.remaining() if self.phase == "question" else max(limit - self.result.elapsed, 0)
        fraction = remaining / limit if limit else 0
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

    def _draw_feedback(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        result = self.result
        current = self.session.current
        panel = self.bottom_rect
        pygame.draw.rect(surface, pal.panel, panel, border_radius=m.px(t.radius))
        if result.correct:
            bonus = f" (+{result.bonus} streak bonus)" if result.bonus else ""
            head, colour = f"✓ Right! +{result.points}{bonus} in {result.elapsed:.1f} s", pal.good
        elif result.chosen is None:
            head, colour = f"Time's up. The answer: {current.choices[current.correct]}", pal.bad
        else:
            head, colour = f"✗ Not this time. The answer: {current.choices[current.correct]}", pal.bad
        inner = panel.inflate(-m.px(36), -m.px(20))
        head_lines, head_size = fit_lines(app.text, head, [m.px(t.body), m.px(t.label)], inner.width, m.px(40),
                                          bold=True, max_lines=1)
        blit_lines(surface, app.text, head_lines, head_size, colour,
                   pygame.Rect(inner.left, inner.top, inner.width, m.px(40)), bold=True, align="left", valign="top")
        explanation = current.question.explanation or ""
        cont = f"Enter, Space or a click to go on · next in {max(int(self.feedback_left + 0.999), 0)} s"
        foot_h = app.text.line_height(m.px(t.small))
        body = pygame.Rect(inner.left, inner.top + m.px(42), inner.width, inner.height - m.px(42) - foot_h)
        if explanation:
            lines, size = fit_lines(app.text, explanation, [m.px(t.label), m.px(t.small)], body.width, body.height)
            blit_lines(surface, app.text, lines, size, pal.text, body, align="left", valign="top")
        blit_text(surface, app.text, cont, m.px(t.small), pal.muted, inner.bottomright, anchor="bottomright")
