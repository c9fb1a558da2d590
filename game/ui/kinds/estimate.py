"""Estimate: a number on a slider, shown large in the fact's own unit (``Scale.show``).

←/→ (and ↑/↓, a pad's d-pad or stick) move by the step, with Shift by ten
steps; Page Up/Down move ten steps, Home/End go to the ends; the wheel
scrolls; the mouse drags the knob or clicks the track.  Enter, Space, a pad's
A or the Lock in button lock the value in.  The feedback shows the player's
value, the right one, and the band inside which the rule gives points.
"""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.kinds import Lock, Panel, PartyView
from game.ui.theme import PLAYER_COLOURS, readable_on
from game.ui.widgets import _mix, blit_text, first_fitting, one_line

FAST = 10  # steps per Shift+arrow, Page Up/Down


def show_value(rnd, value) -> str:
    scale = rnd.question.scale
    if scale is not None:
        try:
            return scale.show(value)
        except Exception:
            pass
    return f"{value:g}" if isinstance(value, float) else str(value)


class EstimatePanel(Panel):
    near_miss = "being close"

    def __init__(self, ctx, rnd):
        super().__init__(ctx, rnd)
        self.scale = rnd.question.scale
        self.value = self.scale.snap((self.scale.low + self.scale.high) / 2)
        self.dragging = False
        self.track = pygame.Rect(0, 0, 0, 0)
        self.value_size = 1
        self.value_y = 0
        self.label_y = 0

    # -- the numbers --------------------------------------------------------------------------
    @property
    def span(self) -> float:
        return max(self.scale.high - self.scale.low, 1e-9)

    def set_value(self, value: float) -> None:
        self.value = self.scale.snap(min(max(value, self.scale.low), self.scale.high))

    def nudge(self, steps: int) -> None:
        self.set_value(self.value + steps * self.scale.step)

    def x_for(self, value: float) -> int:
        fraction = (value - self.scale.low) / self.span
        return self.track.left + round(min(max(fraction, 0.0), 1.0) * self.track.width)

    def value_at(self, x: int) -> float:
        fraction = (x - self.track.left) / max(self.track.width, 1)
        return self.scale.snap(self.scale.low + min(max(fraction, 0.0), 1.0) * self.span)

    @property
    def knob_radius(self) -> int:
        return self.ctx.metrics.px(16)

    # -- layout ---------------------------------------------------------------------------------
    def _heights(self, value_size: int) -> tuple[int, int, int, int]:
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        value_h = text.line_height(value_size, True)
        track_h = self.knob_radius * 2 + m.px(12)
        labels_h = text.line_height(m.px(t.small), True)
        return value_h, track_h, labels_h, self.lock_height()

    def height(self, width: int, room: int) -> int:
        m, t = self.ctx.metrics, self.ctx.theme
        value_h, track_h, labels_h, lock_h = self._heights(m.px(t.title))
        if self.revealed:
            lock_h = -m.px(14)
        return min(value_h + m.px(8) + track_h + labels_h + m.px(14) + lock_h, room)

    def layout(self, rect: pygame.Rect) -> None:
        super().layout(rect)
        m, t = self.ctx.metrics, self.ctx.theme
        size = m.px(t.title)
        for size in (m.px(t.title), m.px(t.heading), m.px(t.body), m.px(t.label), m.px(t.small)):
            value_h, track_h, labels_h, lock_h = self._heights(size)
            if self.revealed:  # no Lock in button once answered
                lock_h = -m.px(14)
            if value_h + m.px(8) + track_h + labels_h + m.px(14) + lock_h <= rect.height:
                break
        self.value_size = size
        value_h, track_h, labels_h, lock_h = self._heights(size)
        self.value_y = rect.top
        r = self.knob_radius
        pad = r + m.px(6)
        self.track = pygame.Rect(rect.left + pad, rect.top + value_h + m.px(8) + track_h // 2 - m.px(4),
                                 rect.width - 2 * pad, m.px(8))
        self.label_y = rect.top + value_h + m.px(8) + track_h
        lock_w = min(self.lock_width(), rect.width)
        self.place_lock(pygame.Rect(rect.centerx - lock_w // 2, min(self.label_y + labels_h + m.px(14),
                                                                   rect.bottom - lock_h), lock_w, lock_h))

    # -- input ----------------------------------------------------------------------------------
    def handle(self, intent) -> bool | Lock:
        kind = intent.kind
        if kind == I.MOVE:
            steps = intent.dx or -intent.dy  # right and up are more
            if steps:
                self.nudge(steps * (FAST if intent.fast else 1))
            return True
        if kind == I.PAGE:
            if abs(intent.dy) == 2:  # Home / End
                self.set_value(self.scale.low if intent.dy < 0 else self.scale.high)
            else:
                self.nudge(-intent.dy * FAST)
            return True
        if kind == I.SCROLL:
            self.nudge(intent.dy)
            return True
        if kind == I.CONFIRM:
            return Lock(self.value)
        if kind == I.POINT:
            self.lock.hover = self.lock.contains(intent.pos)
            return True
        if kind == I.CLICK:
            if self.lock.contains(intent.pos):
                return Lock(self.value)
            grab = self.track.inflate(self.knob_radius * 2, self.knob_radius * 3)
            if grab.collidepoint(intent.pos):
                self.dragging = True
                self.set_value(self.value_at(intent.pos[0]))
                return True
            return False
        if kind == I.DRAG and self.dragging:
            self.set_value(self.value_at(intent.pos[0]))
            return True
        if kind == I.RELEASE and self.dragging:
            self.dragging = False
            return True
        return False

    def hints(self) -> list[str]:
        return ["←→ move (Shift: ×10), drag or the wheel · Enter or Lock in answers",
                "←→ (Shift ×10), drag, wheel · Enter locks in", "←→ · Enter locks in"]

    # -- drawing --------------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        rect, track = self.rect, self.track
        show = self.scale.show
        if self.revealed:
            self._draw_band(surface)
        radius = track.height // 2
        pygame.draw.rect(surface, pal.bar_back, track.inflate(0, m.px(2)), border_radius=radius)
        pygame.draw.rect(surface, pal.panel_edge, track.inflate(0, m.px(2)), width=max(1, m.px(t.edge)),
                         border_radius=radius)
        steps = round(self.span / self.scale.step) if self.scale.step > 0 else 0
        count = steps if 0 < steps <= 40 else 10
        for k in range(count + 1):
            x = track.left + round(track.width * k / count)
            tall = k in (0, count) or (count % 2 == 0 and k == count // 2)
            h = m.px(10 if tall else 5)
            pygame.draw.line(surface, pal.muted, (x, track.bottom + m.px(3)), (x, track.bottom + m.px(3) + h),
                             max(1, m.px(2 if tall else 1)))
        small = m.px(t.small)
        blit_text(surface, ctx.text, show(self.scale.low), small, pal.muted, (rect.left, self.label_y), bold=True)
        blit_text(surface, ctx.text, show(self.scale.high), small, pal.muted, (rect.right, self.label_y), bold=True,
                  anchor="topright")
        if not self.revealed:
            filled = track.copy()
            filled.width = self.x_for(self.value) - track.left
            if filled.width > 0:
                pygame.draw.rect(surface, pal.accent, filled, border_radius=radius)
            self._knob(surface, self.x_for(self.value), pal.focus if self.dragging else pal.accent)
            label = show(self.value)
            size = one_line(ctx.text, label, self.value_size, rect.width, True)
            blit_text(surface, ctx.text, label, size, pal.text, (rect.centerx, self.value_y), bold=True,
                      anchor="midtop")
            self.draw_lock(surface)
            return
        self._draw_reveal(surface)

    def _knob(self, surface, x: int, colour, label: str = "") -> None:
        m = self.ctx.metrics
        r = self.knob_radius
        centre = (x, self.track.centery)
        pygame.draw.circle(surface, colour, centre, r)
        pygame.draw.circle(surface, self.ctx.theme.palette.text, centre, r, max(2, m.px(3)))
        if label:
            self.caption(surface, label, centre, readable_on(colour), anchor="center", size=m.px(13))

    def _draw_band(self, surface) -> None:
        """Where the rule gives points: a band around the right value, tolerance wide on each side."""
        pal = self.ctx.theme.palette
        value, tolerance = self.round.question.value, self.scale.tolerance
        left, right = self.x_for(value - tolerance), self.x_for(value + tolerance)
        band = pygame.Rect(left, self.track.top - self.knob_radius, max(right - left, 2), self.knob_radius * 2 +
                           self.track.height)
        pygame.draw.rect(surface, _mix(pal.panel, pal.good, 0.35), band, border_radius=self.ctx.metrics.px(6))

    def _draw_reveal(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        show = self.scale.show
        value = self.round.question.value
        x = self.x_for(value)
        # The right value: a bar through the track and a flag above it.
        pygame.draw.line(surface, pal.good, (x, self.track.top - self.knob_radius - m.px(4)),
                         (x, self.track.bottom + self.knob_radius), max(3, m.px(5)))
        hotseat = len(self.answers) > 1
        for answer in self.answers:
            given = getattr(answer, "response", None)
            if given is None:
                continue
            colour = PLAYER_COLOURS[answer.player % len(PLAYER_COLOURS)] if hotseat else \
                self.mark_colour(answer.correct, answer.close)
            self._knob(surface, self.x_for(given), colour, f"P{answer.player + 1}" if hotseat else "")
        mine = self.answers[0] if len(self.answers) == 1 else None
        parts = []
        if mine is not None:
            given = getattr(mine, "response", None)
            parts.append(f"You: {show(given)}" if given is not None else "You: no answer")
        parts.append(f"Answer: {show(value)}")
        line = "   ".join(parts)
        size = one_line(ctx.text, line, self.value_size, self.rect.width, True)
        blit_text(surface, ctx.text, line, size, pal.text, (self.rect.centerx, self.value_y), bold=True,
                  anchor="midtop")
        low, high = show(max(value - self.scale.tolerance, self.scale.low)), \
            show(min(value + self.scale.tolerance, self.scale.high))
        ends = max(ctx.text.width(show(v), m.px(t.small), True) for v in (self.scale.low, self.scale.high))
        room = self.rect.width - 2 * (ends + m.px(16))
        rule = first_fitting(ctx.text, [f"Points between {low} and {high}, the most at {show(value)} exactly",
                                        f"Points between {low} and {high}", f"{low} – {high}"],
                             m.px(t.small), room, True)
        size = one_line(ctx.text, rule, m.px(t.small), room, True)
        if ctx.text.width(rule, size, True) <= room:  # between the two ends, or not at all (the band shows it)
            blit_text(surface, ctx.text, rule, size, pal.good, (self.rect.centerx, self.label_y), bold=True,
                      anchor="midtop")


class EstimateParty(PartyView):
    """The range on the big screen while phones slide; the reveal puts every guess on it."""

    def draw_question(self, surface, area: pygame.Rect) -> None:
        scale = self.round.question.scale
        words = "Slide to your best guess on your phone"
        self.scene.panel_lines(surface, area, words,
                               f"From {scale.show(scale.low)} to {scale.show(scale.high)}" if scale else "")

    def reveal_need(self) -> int:
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        return text.line_height(m.px(t.body), True) + m.px(10) + self._fixed() + m.px(14)

    def _fixed(self) -> int:
        """The reveal under its headline, but for the stacks of guesses: the track, its ends' labels and a
        line of counts."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        return m.px(20) + m.px(10) + m.px(12) + text.line_height(m.px(t.small)) + m.px(6) + \
            text.line_height(m.px(t.body))

    def draw_reveal(self, surface, area: pygame.Rect) -> None:
        """The right value, every guess as a dot on the range, and the closest guess."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        scene, rnd = self.scene, self.round
        value = rnd.question.value
        head = f"The answer: {show_value(rnd, value) if value is not None else rnd.question.answer}"
        y = area.top + scene.headline(surface, area, head) + m.px(10)
        scale = rnd.question.scale
        guesses = [a for a in self.answers() if isinstance(a.response, (int, float)) and a.response is not None]
        if scale is not None and scale.high > scale.low:
            # Each guess a dot over the range; equal guesses stack up (a number past a few).
            # As many guesses in a stack as the room holds, up to five.
            dot = m.px(6)
            most = max(1, min(5, (area.bottom - y - self._fixed()) // (2 * dot + m.px(2))))
            track = pygame.Rect(area.left + m.px(60), y + m.px(20) + most * (2 * dot + m.px(2)), area.width - m.px(120),
                                m.px(10))
            pygame.draw.rect(surface, pal.panel_edge, track, border_radius=track.height // 2)

            def x_of(v):
                return track.left + int(track.width * min(max((v - scale.low) / (scale.high - scale.low), 0), 1))
            if value is not None:  # the right value: a line through the range, under the dots
                x = x_of(value)
                pygame.draw.line(surface, pal.good, (x, track.top - m.px(8) - most * (2 * dot + m.px(2))),
                                 (x, track.bottom + m.px(6)), m.px(3))
            stacks: dict[float, list] = {}
            for a in guesses:
                stacks.setdefault(a.response, []).append(a)
            for value_given, same in stacks.items():
                a = same[0]
                colour = pal.good if a.correct else pal.accent if a.close else pal.muted
                x = x_of(value_given)
                for k in range(min(len(same), most)):
                    pygame.draw.circle(surface, colour, (x, track.top - m.px(8) - dot - k * (2 * dot + m.px(2))), dot)
                if len(same) > most:
                    blit_text(surface, ctx.text, str(len(same)), m.px(t.small), colour,
                              (x, track.top - m.px(8) - most * (2 * dot + m.px(2))), bold=True, anchor="midbottom")
            small = m.px(t.small)
            for end, x in ((scale.low, track.left), (scale.high, track.right)):  # under each end, inside the area
                image = ctx.text.render(scale.show(end), small, pal.muted)
                spot = image.get_rect(midtop=(x, track.bottom + m.px(6)))
                spot.x = max(area.left, min(spot.x, area.right - spot.width))
                surface.blit(image, spot)
            y = track.bottom + m.px(12) + ctx.text.line_height(small)
        exact = sum(1 for a in guesses if a.correct)
        close = sum(1 for a in guesses if a.close)
        lines = [f"{exact} spot on · {close} close · {len(guesses) - exact - close} further off"]
        if guesses and value is not None:
            best = min(guesses, key=lambda a: (abs(a.response - value), a.elapsed))
            who = scene.room.players.get(best.player_id)
            if who is not None:
                lines.append(f"Closest: {who.name} with {show_value(rnd, best.response)}")
        scene.lines(surface, pygame.Rect(area.left, y + m.px(6), area.width, area.bottom - y), lines)
