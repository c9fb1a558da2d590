"""A party question on the big screen, its reveal and the leaderboard between questions.

``name`` follows the phase: "party_question" while phones answer (the clock
and a live count, "12 of 15 answered"), "party_reveal" once time is up or
everyone answered (the right answer and how many picked each choice, or a
summary for the other kinds) and "party_leaderboard" (the top five and how
each moved).  After the last reveal comes the podium.

P or Esc pauses the game on every phone; Enter shows the answer at once
(or moves on from the reveal and the leaderboard, which also move on by
themselves).
"""

from __future__ import annotations

import pygame

from game.core.party_flow import BOARD_SECONDS, REVEAL_SECONDS, PartyFlow
from game.ui import intents as I
from game.ui.drawing import draw_panel, player_colour, spaced_pin
from game.ui.images import place_picture
from game.ui.kinds import PartyView, party_view_for
from game.ui.layer import Layer
from game.ui.layout import (
    first_fitting,
    fit_height,
    fit_lines,
    lines_height,
    one_line,
    size_ladder,
    whole_line,
    whole_lines,
)
from game.ui.outcomes import PartyOver, Paused
from game.ui.record import note_box
from game.ui.scene import Scene
from game.ui.widgets import Button, blit_lines, blit_text, countdown_look, draw_countdown

TOP = 5


def move_text(move: int | None) -> str:
    """Places gained or lost since the previous question; nothing for a player not ranked then."""
    if move is None:
        return ""
    return f"▲{move}" if move > 0 else f"▼{-move}" if move < 0 else "–"


class PartyPlayScene(Scene):
    """The party's flow is the :class:`PartyFlow`'s (``self.party_flow``); the scene draws it and turns the host's
    keys into calls on it."""

    screen = "party_play"
    phases = ("party_question", "party_reveal", "party_leaderboard")

    def __init__(self, ctx, party):
        super().__init__(ctx)
        self.party = party
        self.party_flow = PartyFlow(party, REVEAL_SECONDS, BOARD_SECONDS)
        self.view: PartyView | None = None  # the open question's kind on this screen (game.ui.kinds)
        self.skip = Button(pygame.Rect(0, 0, 0, 0), "Show the answer")
        self._shown_seconds: int | None = None
        self._count_key = None
        self._timer_shown: tuple | None = None  # the clock's look when last drawn (countdown_look)
        self._count_fit: tuple | None = None  # the live count's size, and what it was found for
        self._still = Layer()  # a question's still part (all but the clock and the count), drawn once

    # -- names ------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return f"party_{self.phase}"

    @property
    def phase(self) -> str:
        return self.party_flow.phase

    @phase.setter
    def phase(self, phase: str) -> None:
        self.party_flow.phase = phase

    @property
    def reveal(self):
        return self.party_flow.reveal

    @reveal.setter
    def reveal(self, reveal) -> None:
        self.party_flow.reveal = reveal

    @property
    def left(self) -> float:
        return self.party_flow.left

    @property
    def shot_name(self) -> str:
        own = self.view is not None and self.view.own_shots
        return f"{self.name}_{self.party.round.kind}" if own and self.phase != "leaderboard" else self.name

    @property
    def step_id(self) -> int:
        return self.party.number * 10 + self.party_flow.step

    @property
    def room(self):
        return self.party.room

    # -- life cycle ---------------------------------------------------------------------
    def enter(self) -> None:
        self._ask_next()

    def pause(self) -> None:
        self.party.pause()

    def resume(self) -> None:
        self.party.resume()

    def _ask_next(self) -> None:
        self._show(self.party_flow.ask_next())

    def _reveal(self) -> None:
        self._show(self.party_flow.show_answer())

    def _go_on(self) -> None:
        self._show(self.party_flow.go_on())

    def _show(self, event: str | None) -> None:
        """Show what the party's flow says happened."""
        if event == "tick":
            self.ctx.sound.play("tick")
        elif event == "over":
            self.ctx.flow.go(PartyOver(self.party))
        elif event is not None:
            if event == "question":
                self.view = party_view_for(self, self.party.round)
            else:  # the reveal or the leaderboard: a countdown from its first second
                self._shown_seconds = None
            if event == "reveal":
                self.ctx.sound.play("right" if self.party_flow.right() else "wrong")
            self.layout(*self.ctx.size)

    # -- input --------------------------------------------------------------------------
    def handle(self, intent) -> bool:
        if intent.kind in (I.BACK, I.PAUSE):
            self.ctx.flow.go(Paused(timed=self.party.timed))  # a clock: the question is hidden
            return True
        if self.phase == "question":
            if intent.kind == I.CONFIRM or (intent.kind == I.CLICK and self.skip.contains(intent.pos)):
                self._reveal()
                return True
            if intent.kind == I.POINT:
                hover = self.skip.contains(intent.pos)
                changed = hover != self.skip.hover
                self.skip.hover = hover
                return changed
            return False
        if intent.kind in (I.CONFIRM, I.CLICK):
            self._go_on()
            return True
        return False

    # -- each frame -------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self._show(self.party_flow.update(dt))

    def settled(self) -> bool:
        """A question has settled once the first answers are in (or after a few seconds): its
        screenshot shows the live count moving."""
        if self.phase != "question":
            return True
        return self.room.answered_count() > 0 or self.room.elapsed() >= 3.0

    def animating(self) -> bool:
        if self.phase == "question":
            if not self.party.timed or self.room.paused:
                return False
            if self.ctx.reduced_motion:
                shown = int(self.room.remaining() + 0.999)
                if shown != self._shown_seconds:
                    self._shown_seconds = shown
                    return True
                return False
            # Only when the clock would look different: the bar's end moved a pixel, or its number changed.
            return countdown_look(self.bar_rect, *self._timer_values()) != self._timer_shown
        shown = int(self.left + 0.999)
        if shown != self._shown_seconds:
            self._shown_seconds = shown
            return True
        return False

    def animated_rect(self):
        if self.phase != "question" or not self.party.timed or self.room.paused:
            return None
        return self._timer_area

    def draw_animated(self, surface) -> None:
        self.ctx.backdrop.draw_area(surface, self._timer_area)
        self._draw_timer(surface)

    # -- layout ------------------------------------------------------------------------------
    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin = m.px(t.margin)
        inner_w = width - 2 * margin
        label_h = text.line_height(m.px(t.label), True)
        small_h = text.line_height(m.px(t.small))
        self.top_rect = pygame.Rect(margin, m.px(14), inner_w, max(m.px(44), label_h + m.px(8)))
        label_w = max(text.width(label, m.px(t.label), True) for label in ("Paused", "120 s"))
        # The clock's label is taller than its bar at large text: the bar sits low enough that the area
        # redrawn each frame (bar and label) stays clear of the top row.
        bar_top = self.top_rect.bottom + m.px(10) + max(0, (label_h - m.px(16)) // 2 + 2)
        self.bar_rect = pygame.Rect(margin, bar_top, inner_w - label_w - m.px(16), m.px(16))
        self._timer_area = pygame.Rect(margin, self.bar_rect.centery - label_h // 2 - 2,
                                       inner_w, label_h + 4).union(self.bar_rect)
        title_h = text.line_height(m.px(t.title), True)
        self.hint_rect = pygame.Rect(margin, height - m.px(10) - small_h, inner_w, small_h)
        strip_h = max(title_h, text.line_height(m.px(t.label), True) + m.px(20))
        self.strip_rect = pygame.Rect(margin, self.hint_rect.top - m.px(8) - strip_h, inner_w, strip_h)
        skip_w = min(max(text.width("Show the answer", m.px(t.label), True) + m.px(40), m.px(240)), inner_w // 2)
        self.skip.rect = pygame.Rect(self.strip_rect.right - skip_w, self.strip_rect.top, skip_w, strip_h)
        top = max(self.bar_rect.bottom + m.px(16), self._timer_area.bottom + m.px(8))  # clear of the clock's label
        if self.phase != "question":  # no clock: the reveal and the leaderboard take its row too
            top = self.top_rect.bottom + m.px(16)
        self.body = pygame.Rect(margin, top, inner_w, self.strip_rect.top - m.px(14) - top)
        if self.phase == "question" and self.party.round is not None:  # under the question's picture, if any
            self.picture = place_picture(ctx, self.party.round.question, self.body, self._layout_question)

    def _layout_question(self, top: int) -> int | None:
        """The prompt from ``top``; under it what the phones answer with (the kind's view: choices, True/False, a
        range, items).  The prompt's size as it will be drawn, or ``None`` where it does not fit whole."""
        m, text = self.ctx.metrics, self.ctx.text
        body = pygame.Rect(self.body.left, top, self.body.width, self.body.bottom - top)
        prompt = self.party.round.question.prompt

        def room_at(size: int) -> int:  # what the prompt, whole at ``size``, leaves for the answers
            return max(body.height - m.px(16) - lines_height(text, prompt, size, body.width, True), m.px(50))

        area_h = self.view.place(room_at)
        self.area = pygame.Rect(body.left, body.bottom - area_h, body.width, area_h)
        self.prompt_rect = pygame.Rect(body.left, body.top, body.width, max(self.area.top - m.px(16) - body.top, 1))
        least = self.view.least_prompt() or self.smallest()
        fits = lines_height(text, self.party.round.question.prompt, least, body.width, True) <= self.prompt_rect.height
        return whole_lines(text, self.party.round.question.prompt, self.ctx.metrics.px(self.ctx.theme.display * 0.7),
                           least, body.width, self.prompt_rect.height, True)[1] if fits else None

    def smallest(self) -> int:
        """The least size of the prompt and the choices: a long question shrinks to this, never is cut."""
        return max(10, self.ctx.metrics.px(16))

    # -- drawing -------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx = self.ctx
        if self.phase == "question":
            # What stays the same during a question is drawn once and blitted; the clock and the count on it.
            self._still.blit(surface, self._still_key(), self._draw_still)
            self._draw_timer(surface)
            self._draw_count(surface)
            return
        ctx.backdrop.draw(surface)
        self._draw_top(surface)
        if self.phase == "reveal":
            self._draw_reveal(surface)
        else:
            self._draw_leaderboard(surface)

    def _still_key(self) -> tuple:
        """Everything the still part of a question shows."""
        ctx, party = self.ctx, self.party
        return (ctx.theme, ctx.metrics, id(ctx.text), party.number, party.total, id(party.round), id(self.view),
                party.address_text, party.pin, self.skip.hover, self.skip.label, tuple(self.top_rect),
                tuple(self.prompt_rect), tuple(self.area), tuple(self.strip_rect), tuple(self.skip.rect),
                tuple(self.hint_rect), self.picture.look())

    def _draw_still(self, surface) -> None:
        self.ctx.backdrop.draw(surface)
        self._draw_top(surface)
        self.picture.draw(surface)
        self._draw_question(surface)

    def _draw_top(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        party = self.party
        counter = f"Question {party.number} of {party.total}"
        size = one_line(ctx.text, counter, m.px(t.label), self.top_rect.width // 2, True)
        left = blit_text(surface, ctx.text, counter, size, pal.text, self.top_rect.midleft, bold=True,
                         anchor="midleft")
        room = self.top_rect.width - left.width - m.px(24)
        address = party.address_text.removeprefix("http://").rstrip("/")
        join = first_fitting(ctx.text, [f"Join at {address} · PIN {spaced_pin(party.pin)}",
                                        f"{address} · PIN {spaced_pin(party.pin)}", f"PIN {spaced_pin(party.pin)}"],
                             m.px(t.small), room, True)
        blit_text(surface, ctx.text, join, m.px(t.small), pal.muted, self.top_rect.midright, bold=True,
                  anchor="midright")

    def _draw_timer(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        if not self.party.timed:
            blit_text(surface, ctx.text, "No clock: the question waits for everyone (Enter shows the answer)",
                      m.px(t.small), pal.muted, self.bar_rect.midleft, anchor="midleft")
            return
        look = self._timer_values()
        self._timer_shown = countdown_look(self.bar_rect, *look)
        draw_countdown(surface, ctx, self.bar_rect, *look)

    def _timer_values(self) -> tuple:
        """What the clock shows now: ``(remaining, limit, label, hurry)`` (a timed party)."""
        room = self.room
        remaining = room.remaining()
        if self.ctx.reduced_motion:
            remaining = float(int(remaining + 0.999))  # the bar steps once a second
        seconds = int(remaining + 0.999)
        return remaining, room.limit, "Paused" if room.paused else f"{seconds} s", seconds <= 5 and not room.paused

    def _draw_prompt(self, surface, rect: pygame.Rect, largest: int, smallest: int | None = None) -> None:
        """The prompt whole, as large as ``rect`` lets it be from ``largest`` down to ``smallest`` (the layout
        leaves it room)."""
        ctx = self.ctx
        lines, size = whole_lines(ctx.text, self.party.round.question.prompt, largest, smallest or self.smallest(),
                                  rect.width, rect.height, bold=True)
        note_box(surface, rect, "prompt")
        blit_lines(surface, ctx.text, lines, size, ctx.theme.palette.text, rect, bold=True)

    def answered_line(self) -> str:
        room = self.room
        players = len(room.players)
        away = players - room.connected_count()
        line = f"{room.answered_count()} of {players} answered"
        return line + (f" · {away} away" if away else "")

    def _draw_question(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        # Never smaller than the choices (the layout keeps room for it at their size).
        self._draw_prompt(surface, self.prompt_rect, m.px(t.display * 0.7), self.view.least_prompt())
        self.view.draw_question(surface, self.area)
        # The way on (the live count is drawn over this: _draw_count).
        self.skip.focus = False
        self.skip.draw(surface, t, text, m, m.px(t.label))
        hint = first_fitting(text, ["P or Esc pauses on every phone · Enter shows the answer now",
                                    "P pauses · Enter shows the answer", "P pauses"], m.px(t.small),
                             self.hint_rect.width)
        blit_text(surface, text, hint, m.px(t.small), pal.muted, self.hint_rect.center, anchor="center")

    def _draw_count(self, surface) -> None:
        """The live count, "12 of 15 answered"."""
        m, t, text = self.ctx.metrics, self.ctx.theme, self.ctx.text
        count = self.answered_line()
        room = self.strip_rect.width - self.skip.rect.width - m.px(20)
        # One size while the count goes up, found once for its longest form (every answered, every one away).
        players = len(self.room.players)
        widest = f"{players} of {players} answered · {players} away"
        fit = (widest, m.px(t.title), room, id(text))
        if self._count_fit is None or self._count_fit[0] != fit:
            self._count_fit = (fit, one_line(text, widest, m.px(t.title), room, True))
        size = self._count_fit[1]
        number, rest = count.split(" ", 1)
        if hasattr(surface, "note_box") or not number.isdigit():  # a layout test records the line whole
            blit_text(surface, text, count, size, t.palette.accent, self.strip_rect.midleft, bold=True,
                      anchor="midleft")
            return
        # The number a digit at a time and the rest as one piece: as the count goes up nothing new is rendered.
        x, colour = self.strip_rect.left, t.palette.accent
        for piece in (*number, " " + rest):
            image = text.render(piece, size, colour, True)
            surface.blit(image, image.get_rect(midleft=(x, self.strip_rect.centery)))
            x += image.get_width()

    def panel_lines(self, surface, area: pygame.Rect, head: str, note: str) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        draw_panel(surface, ctx, area, m.px(t.radius))
        size = one_line(ctx.text, head, m.px(t.heading), area.width - m.px(40), True)
        y = area.centery - (ctx.text.line_height(size, True) + ctx.text.line_height(m.px(t.label))) // 2
        y = blit_text(surface, ctx.text, head, size, pal.text, (area.centerx, y), bold=True, anchor="midtop").bottom
        if note:
            size = one_line(ctx.text, note, m.px(t.label), area.width - m.px(40))
            blit_text(surface, ctx.text, note, size, pal.muted, (area.centerx, y), anchor="midtop")

    # -- the reveal ---------------------------------------------------------------------------------
    def _draw_reveal(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        rnd = self.party.round
        body, floor = self.body, self.smallest()
        # The prompt in at most a quarter of the room (two lines of labels), smaller when long; whole always.
        prompt_h = min(text.line_height(m.px(t.label), True) * 2, body.height // 4)
        lines, size = whole_lines(text, rnd.question.prompt, m.px(t.label), floor, body.width, prompt_h, bold=True)
        prompt_h = max(prompt_h, len(lines) * text.line_height(size, True))
        self._draw_prompt(surface, pygame.Rect(body.left, body.top, body.width, prompt_h), m.px(t.label))
        top = body.top + prompt_h + m.px(12)
        # The explanation under the answers: two lines at most, in smaller text (or cut, "…") where the answers
        # need the room.
        explanation = rnd.question.explanation or ""
        note_room = min(2 * text.line_height(m.px(t.small)), body.bottom - top - self.view.reveal_need() - m.px(8))
        note_lines, note_size = [], m.px(t.small)
        if explanation and note_room >= text.line_height(floor):
            note_lines, note_size = fit_lines(text, explanation, size_ladder(m.px(t.small), floor), body.width,
                                              note_room)
        note_h = len(note_lines) * text.line_height(note_size)
        area = pygame.Rect(body.left, top, body.width, body.bottom - top - (note_h + m.px(8) if note_h else 0))
        self.view.draw_reveal(surface, area)
        if note_lines:
            blit_lines(surface, text, note_lines, note_size, pal.muted,
                       pygame.Rect(body.left, area.bottom + m.px(8), body.width, note_h), align="left", valign="top")
        reveal = self.reveal
        right = sum(1 for a in reveal.answers.values() if a.correct)
        close = sum(1 for a in reveal.answers.values() if a.close)
        summary = f"{reveal.answered} of {reveal.players} answered · {right} right"
        if close:
            summary += f" · {close} close"
        size = one_line(text, summary, m.px(t.heading), self.strip_rect.width, True)
        blit_text(surface, text, summary, size, pal.accent, self.strip_rect.midleft, bold=True, anchor="midleft")
        self._draw_next(surface, "the leaderboard" if not self.party.last else "the podium")

    def _draw_next(self, surface, what: str) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        seconds = max(int(self.left + 0.999), 0)
        hint = first_fitting(ctx.text, [f"Enter: {what} now · next in {seconds} s · P pauses",
                                        f"Enter: {what} · next in {seconds} s", f"next in {seconds} s"],
                             m.px(t.small), self.hint_rect.width)
        blit_text(surface, ctx.text, hint, m.px(t.small), t.palette.muted, self.hint_rect.center, anchor="center")

    def fit_height(self, largest: int, height: int, bold=False) -> int:
        """The largest size from ``largest`` down to the least whose line fits ``height``."""
        return fit_height(self.ctx.text, largest, self.smallest(), height, bold)

    def row_least(self) -> int:
        """The least height of a row on the reveal (a choice's count, an item of the right order)."""
        return self.ctx.text.line_height(self.smallest(), True) + self.ctx.metrics.px(12)

    def headline(self, surface, area: pygame.Rect, words: str) -> int:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        lines, size = fit_lines(ctx.text, words, [m.px(t.title), m.px(t.heading), m.px(t.body)], area.width,
                                area.height // 3, bold=True, max_lines=2)
        return blit_lines(surface, ctx.text, lines, size, t.palette.good, area, bold=True, valign="top")

    def lines(self, surface, rect: pygame.Rect, lines: list[str], colour=None) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        size = m.px(t.body)
        line_h = ctx.text.line_height(size)
        y = rect.top
        for line in lines:  # smaller to fit on one line, down to 60 %; wrapped past that
            fitted = one_line(ctx.text, line, size, rect.width)
            for piece in ctx.text.wrap(line, fitted, rect.width):
                if y + line_h > rect.bottom + 1:
                    return
                blit_text(surface, ctx.text, piece, fitted, colour or t.palette.text, (rect.centerx, y),
                          anchor="midtop")
                y += line_h

    # -- the leaderboard ----------------------------------------------------------------------------
    def _draw_leaderboard(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        body = self.body
        y = blit_text(surface, text, "Top five", m.px(t.title), pal.text, (body.centerx, body.top), bold=True,
                      anchor="midtop").bottom + m.px(10)
        standings = self.room.standings()[:TOP]
        n = max(len(standings), 1)
        row_h = min((body.bottom - y) // n - m.px(8), text.line_height(m.px(t.heading), True) + m.px(24))
        row_h = max(row_h, text.line_height(m.px(t.small), True) + m.px(6))
        size = min(m.px(t.body), max(row_h - m.px(16), m.px(12)))
        width = min(body.width, m.px(1000))
        left = body.centerx - width // 2
        score_w = text.width("000,000", size, True)
        move_w = text.width("▲00", size, True)
        gained_w = text.width("+0,000", m.px(t.small), True)
        number = self.reveal.number if self.reveal else 0
        if all(player.move is None for player in standings):
            move_w = 0  # the first ranking: no moves, so no column for them (the names get the room)
        for k, player in enumerate(standings):
            row = pygame.Rect(left, y + k * (row_h + m.px(8)), width, row_h)
            draw_panel(surface, ctx, row, m.px(12))
            colour = player_colour(player)
            pygame.draw.rect(surface, colour, (row.left, row.top, m.px(12), row.height),
                             border_top_left_radius=m.px(12), border_bottom_left_radius=m.px(12))
            x = row.left + m.px(28)
            place = blit_text(surface, text, f"{player.place}", size, pal.accent, (x, row.centery), bold=True,
                              anchor="midleft")
            name_left = max(place.right, x + text.width("00", size, True)) + m.px(18)
            right = row.right - m.px(18)
            blit_text(surface, text, f"{player.score:,}", size, pal.text, (right, row.centery), bold=True,
                      anchor="midright")
            right -= score_w + m.px(18)
            mv = player.move or 0
            blit_text(surface, text, move_text(player.move), size,
                      pal.good if mv > 0 else pal.bad if mv < 0 else pal.muted,
                      (right, row.centery), bold=True, anchor="midright")
            right -= move_w + m.px(18) if move_w else 0
            got = player.answers.get(number)
            if got is not None and got.total:
                blit_text(surface, text, f"+{got.total:,}", m.px(t.small), pal.good, (right, row.centery), bold=True,
                          anchor="midright")
            right -= gained_w + m.px(14)
            name = player.name if player.connected else f"{player.name} · away"
            line, fitted = whole_line(text, name, size, right - name_left)  # shrunk before it is ever cut
            blit_text(surface, text, line, fitted, pal.text if player.connected else pal.muted,
                      (name_left, row.centery), bold=True, anchor="midleft")
        players = len(self.room.players)
        line = f"{players} player{'s' if players != 1 else ''} · question {self.party.number} of {self.party.total}"
        size = one_line(text, line, m.px(t.label), self.strip_rect.width, True)
        blit_text(surface, text, line, size, pal.muted, self.strip_rect.midleft, bold=True, anchor="midleft")
        self._draw_next(surface, "the next question")
