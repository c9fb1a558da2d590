"""``mi-trivia preview FILE``: a question file's questions one by one, drawn by the play screen itself.

The question (and, on Space, its feedback with the explanation) is the real play screen (the flow makes it,
``flow.make("play", ...)``) on a one-question classic game whose clock stands still; this scene only
chooses what it shows, draws its own line of keys and the file's messages over it, and watches the file
(:class:`game.core.preview.Preview`).  Nothing is saved: the game never ends, so no score, no history, and
the look keys change the settings of this run only.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pygame

from game.core import kinds
from game.core.preview import Preview
from game.core.session import Session
from game.ui import intents as I
from game.ui.outcomes import Quit
from game.ui.scene import Scene
from game.ui.widgets import first_fitting

SETTLE_SECONDS = 60.0  # what the play screen is told has passed at once: its answers are in place
KEYS = (
    ("→ / ←, Page Down / Page Up", "next / previous question (Home, End: first, last)"),
    ("Space or Enter", "the question / its feedback"),
    ("V (↓ / ↑)", "the next variant the game makes of this fact"),
    ("S", "window size: 800×600, 1280×720, 1920×1080"),
    ("T", "text: 100 %, 150 %, 200 %"),
    ("K", "theme: default / high contrast"),
    ("N", "the file's messages: shown / hidden"),
    ("O", "the preview's own lines: shown / hidden"),
    ("R", "read the file again now (it is read on every save)"),
    ("F1, ? or H", "these keys"),
    ("Esc", "quit"),
)
SHORT_KEYS = ("→← question · Space feedback · V variant · S size · T text · K theme · F1 keys · Esc quits",
              "→← · Space · V · S · T · K · F1 keys · Esc quits", "F1 keys · Esc quits", "F1 keys")


class PreviewScene(Scene):
    """``preview``: what to show; ``resize(size)``: makes the window that size, ``renew_pictures()``: forgets
    the pictures decoded so far (both given by whoever opened it); ``clock``: the seconds the file is watched by."""

    screen = "preview"

    def __init__(self, ctx, preview: Preview, resize: Callable[[tuple[int, int]], None] | None = None,
                 clock: Callable[[], float] = time.monotonic, chrome: bool = True,
                 renew_pictures: Callable[[], None] | None = None) -> None:
        super().__init__(ctx)
        self.preview = preview
        self.resize = resize
        self.renew_pictures = renew_pictures  # after a reading: pictures are decoded again (one may have changed)
        self.clock = clock
        self.chrome = chrome  # the preview's own lines (status, keys, messages); screenshots leave them out
        self.show_notes = True
        self.show_help = False
        self.play: Any = None  # the play screen showing the question, or None (an item with a problem)

    # -- what is shown ----------------------------------------------------------------------------
    def enter(self) -> None:
        self.rebuild()

    def exit(self) -> None:
        if self.play is not None:
            self.play.exit()

    def rebuild(self) -> None:
        """Show the preview's current question, variant and phase on a fresh play screen."""
        if self.play is not None:
            self.play.exit()
            self.play = None
        preview = self.preview
        question = preview.shown
        if question is not None:
            self.play = self.ctx.flow.make("play", self.session_for(question, preview.index, len(preview.entries)))
            self.play.layout(*self.ctx.size)
            self.play.enter()
            self.play.update(SETTLE_SECONDS)
            if preview.phase == "feedback":
                self.play.show_feedback(self.right_response())
        self.ctx.flow.redraw()

    def session_for(self, question, index: int, total: int) -> Session:
        """A classic game of ``question`` alone whose clock stands at its start, numbered as the file's
        ``index``-th of ``total`` (the same round stands in every place: the game never moves on)."""
        rng = random.Random(f"{self.preview.seed}|{question.prompt}")  # the same choices' order on every save
        session = Session([question], count=1, rng=rng, clock=lambda: 0.0, mode="classic")
        shown = replace(session.rounds[0], number=index + 1)
        session.rounds = [shown] * max(total, 1)
        session.index = index
        return session

    def right_response(self):
        """The right answer in the kind's own form (what a right phone would send, read as the game does)."""
        rnd = self.play.session.current
        kind = kinds.of(rnd)
        right, _ = kind.phone_answers(rnd, random.Random(0))
        return kind.parse_phone(rnd, right)

    # -- the look -----------------------------------------------------------------------------------
    def apply_look(self) -> None:
        """Make the window, the text and the theme what the preview says, then show the question again."""
        size, scale, theme = self.preview.look
        if self.resize is not None and tuple(self.ctx.size) != size:
            self.resize(size)
        settings = self.ctx.settings
        if settings.text_scale != scale or settings.theme != theme:
            self.ctx.prefs.change(text_scale=scale, theme=theme)  # this run's settings: never saved here
        self.rebuild()

    # -- input ----------------------------------------------------------------------------------------
    def handle(self, intent) -> bool:
        preview = self.preview
        kind = intent.kind
        if kind == I.BACK:
            if self.show_help:
                self.show_help = False
                self.ctx.flow.redraw()
            else:
                self.ctx.flow.go(Quit(0))
            return True
        if kind == I.MOVE and intent.dx:
            return self._moved(preview.step(intent.dx))
        if kind == I.MOVE and intent.dy:
            return self._moved(preview.next_variant(intent.dy))
        if kind == I.PAGE:
            return self._moved(preview.step(intent.dy))
        if kind == I.CONFIRM:
            return self._moved(preview.toggle_phase())
        if kind == I.LIFELINE:  # the letters H and T
            return self._help() if intent.index == 0 else self._look("scale")
        if kind != I.KEY:
            return False
        key, typed = intent.index, intent.text.lower()
        if key == pygame.K_F1 or typed in ("?", "h"):
            return self._help()
        if typed == "v":
            return self._moved(preview.next_variant(1))
        if typed in ("s", "t", "k"):
            return self._look({"s": "size", "t": "scale", "k": "theme"}[typed])
        if typed == "n":
            self.show_notes = not self.show_notes
        elif typed == "o":
            self.chrome = not self.chrome
        elif typed == "r":
            self._read(preview.reload)
        else:
            return False
        self.ctx.flow.redraw()
        return True

    def _moved(self, changed: bool) -> bool:
        if changed:
            self.rebuild()
        return True

    def _look(self, what: str) -> bool:
        self.preview.cycle(what)
        self.apply_look()
        return True

    def _help(self) -> bool:
        self.show_help = not self.show_help
        self.ctx.flow.redraw()
        return True

    def _read(self, read: Callable[[], bool]) -> bool:
        """Read the file (``read``: now, or if it was saved); show the same question again if anything changed."""
        loads = self.preview.loads
        if not read():
            return False
        if self.preview.loads != loads and self.renew_pictures is not None:
            self.renew_pictures()
        self.rebuild()
        return True

    def update(self, dt: float) -> None:
        if self._read(lambda: self.preview.poll(self.clock())):
            pass  # saved: the same question, read again (or the message why it could not be)
        elif self.play is not None and self.preview.phase == "question":
            self.play.update(dt)  # a typed answer's caret; the clock stands still, the game never moves on

    def layout(self, width: int, height: int) -> None:
        if self.play is not None:
            self.play.layout(width, height)

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        if self.play is not None:
            self.play.draw(surface)
        else:
            self.ctx.backdrop.draw(surface)
            self._draw_not_played(surface)
        if self.chrome:
            self._draw_chrome(surface)

    def _chrome_size(self) -> int:
        return max(12, self.ctx.metrics.px(15))  # the preview's own text: the same at every text scale

    def _box(self, surface, rect: pygame.Rect, colour, alpha: int = 225) -> None:
        shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        shade.fill((*colour[:3], alpha))
        surface.blit(shade, rect)

    def _lines(self, surface, lines: list[tuple[str, tuple]], rect: pygame.Rect, size: int, bold=False) -> int:
        """Each ``(text, colour)`` wrapped into ``rect`` from its top; returns the height used (stops at its end)."""
        text = self.ctx.text
        y, step = rect.top, text.line_height(size, bold)
        for words, colour in lines:
            for line in text.wrap(words, size, rect.width, bold) or [""]:
                if y + step > rect.bottom:
                    return y - rect.top
                if line:
                    surface.blit(text.render(line, size, colour, bold), (rect.left, y))
                y += step
        return y - rect.top

    def note_lines(self) -> list[tuple[str, tuple]]:
        """The messages shown beside the question on screen (the file's own first), with their colours."""
        pal = self.ctx.theme.palette
        entry = self.preview.current
        notes = [("file", n) for n in self.preview.file_notes] + [("", n) for n in (entry.notes if entry else [])]
        return [(f"{'✗' if not n.warning else '!'} {where + ' ' if where else ''}{n}", pal.bad if not n.warning
                 else pal.accent) for where, n in notes]

    def _draw_chrome(self, surface) -> None:
        ctx, m = self.ctx, self.ctx.metrics
        pal = ctx.theme.palette
        size = self._chrome_size()
        step = ctx.text.line_height(size)
        width, height = surface.get_size()
        pad = m.px(8)
        # One line along the top edge: where we are and how it is shown, and the keys (the game's own key
        # hints along the bottom stay in view).
        status = pygame.Rect(0, 0, width, step + pad)
        self._box(surface, status, pal.bg_top)
        status_w = width - 4 * pad - ctx.text.width(SHORT_KEYS[-1], size)
        line = first_fitting(ctx.text, [f"Preview · {self.preview.status()}", self.preview.status(),
                                        self.preview.status(short=True), ""], size, status_w, True)
        line_w = ctx.text.width(line, size, True) if line else 0
        if line:
            surface.blit(ctx.text.render(line, size, pal.focus, True), (pad, pad // 2))
        hint = first_fitting(ctx.text, list(SHORT_KEYS) + [""], size, width - line_w - 4 * pad)
        if hint:
            surface.blit(ctx.text.render(hint, size, pal.muted), (width - pad - ctx.text.width(hint, size), pad // 2))
        bottom = height
        top = status.bottom
        if self.preview.error:  # the last save could not be read: why, over the questions it had
            why = [(f"✗ The file as saved cannot be read; these are its last good questions. "
                    f"{self.preview.error}", pal.bad)]
            box = pygame.Rect(0, top, width, height)
            used = self._measure(why, box.inflate(-2 * pad, 0).width, size, True)
            box.height = min(used, height // 3) + pad
            self._box(surface, box, pal.bg_top, 240)
            self._lines(surface, why, box.inflate(-2 * pad, -pad), size, True)
            top = box.bottom
        notes = self.note_lines()
        if notes and self.play is not None:
            self._draw_notes(surface, notes, top, bottom)
        if self.show_help:
            self._draw_help(surface)

    def _measure(self, lines, width: int, size: int, bold: bool = False) -> int:
        """The height ``lines`` take wrapped to ``width``."""
        text = self.ctx.text
        count = 0
        for words, _ in lines:
            count += len(text.wrap(words, size, width, bold)) or 1
        return count * text.line_height(size, bold)

    def _draw_notes(self, surface, notes, top: int, bottom: int) -> None:
        """A badge with the count; the messages in a panel at the right (N hides them)."""
        ctx, m = self.ctx, self.ctx.metrics
        pal = ctx.theme.palette
        size = self._chrome_size()
        errors = sum(1 for _, colour in notes if colour == pal.bad)
        warned = len(notes) - errors
        words = " · ".join(w for w in (f"{errors} problem{'s' * (errors != 1)}" if errors else "",
                                       f"{warned} warning{'s' * (warned != 1)}" if warned else "") if w)
        badge = ctx.text.render(f"{words} (N)", size, pal.bg_top, True)
        pill = badge.get_rect().inflate(m.px(20), m.px(8))
        pill.topright = (surface.get_width() - m.px(8), top + m.px(6))
        pygame.draw.rect(surface, pal.bad if errors else pal.accent, pill, border_radius=pill.height // 2)
        surface.blit(badge, badge.get_rect(center=pill.center))
        if not self.show_notes:
            return
        width = max(surface.get_width() * 2 // 5, m.px(300))
        inner_w = width - 2 * m.px(10)
        height = min(self._measure(notes, inner_w, size) + 2 * m.px(8), bottom - pill.bottom - m.px(12))
        panel = pygame.Rect(0, 0, width, height)
        panel.topright = (surface.get_width() - m.px(8), pill.bottom + m.px(6))
        self._box(surface, panel, pal.bg_top, 235)
        pygame.draw.rect(surface, pal.bad if errors else pal.accent, panel, width=max(1, m.px(2)))
        self._lines(surface, notes, panel.inflate(-2 * m.px(10), -2 * m.px(8)), size)

    def _draw_not_played(self, surface) -> None:
        """An item with a problem (or a file with no questions): where it is and what is wrong, as a card."""
        m, t = self.ctx.metrics, self.ctx.theme
        pal = t.palette
        entry = self.preview.current
        width, height = surface.get_size()
        card = pygame.Rect(0, 0, width - 2 * m.px(t.margin), height - m.px(140))
        card.center = (width // 2, height // 2)
        pygame.draw.rect(surface, pal.panel, card, border_radius=m.px(t.radius))
        inner = card.inflate(-m.px(48), -m.px(40))
        if entry is None:
            head = "No questions in this file yet"
        else:
            head = f"Line {entry.line}: not played (the game skips it until this is fixed)"
        used = self._lines(surface, [(head, pal.text)], inner, m.px(t.label), True) + m.px(12)
        body = [(f"{'✗' if not n.warning else '!'} {n}", pal.bad if not n.warning else pal.accent)
                for n in (entry.notes if entry else self.preview.file_notes)]
        self._lines(surface, body, pygame.Rect(inner.left, inner.top + used, inner.width, inner.height - used),
                    m.px(t.small))

    def _draw_help(self, surface) -> None:
        ctx, m = self.ctx, self.ctx.metrics
        pal = ctx.theme.palette
        size = self._chrome_size()
        text = ctx.text
        step = text.line_height(size) + m.px(4)
        left_w = max(text.width(k, size, True) for k, _ in KEYS) + m.px(24)
        width = min(surface.get_width() - m.px(40), left_w + max(text.width(w, size) for _, w in KEYS) + m.px(40))
        box = pygame.Rect(0, 0, width, step * (len(KEYS) + 2) + m.px(24))
        box.center = surface.get_rect().center
        self._box(surface, box, pal.bg_top, 245)
        pygame.draw.rect(surface, pal.focus, box, width=max(2, m.px(2)), border_radius=m.px(8))
        y = box.top + m.px(12)
        surface.blit(text.render("Preview keys (Esc or F1 closes)", size, pal.focus, True), (box.left + m.px(20), y))
        y += step * 2
        for keys, what in KEYS:
            surface.blit(text.render(keys, size, pal.text, True), (box.left + m.px(20), y))
            surface.blit(text.render(first_fitting(text, [what, ""], size, box.width - left_w - m.px(40)), size,
                                     pal.muted), (box.left + m.px(20) + left_w, y))
            y += step

