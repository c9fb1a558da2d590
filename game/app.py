"""The window and the one loop: events -> intents -> scene.update(dt) -> scene.draw(surface) -> flip.

The scenes are given a :class:`~game.context.Context` (no globals, not the App): the services of a run
are made there; the screens and what leads where are in ``game/ui/flow.py``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.context import Context
from game.options import Options  # App(Options(...)): imported from here too
from game.report import Perf, process_age_seconds
from game.ui import intents as I
from game.ui.gamepad import EVENTS as PAD_EVENTS
from game.ui.gamepad import Pads
from game.ui.outcomes import Quit
from game.ui.widgets import draw_toast
from game.ui.window import Window

if TYPE_CHECKING:  # pragma: no cover
    from game.ui.autoplay import Bot

if TYPE_CHECKING:  # pragma: no cover
    from game.core.questions import Bank
    from game.core.scores import ScoreStore


class App(Window):
    """The window (its part in game/ui/window.py) and the loop.  Scenes get :attr:`ctx` (game/context.py),
    never the App."""

    def __init__(self, options: Options, bank: Bank, store: ScoreStore, **services):
        """``services``: what :meth:`game.context.Context.build` takes besides the bank and the score store
        (the bank's label and paths, notices, the settings, the history, the home bank)."""
        self.options = options
        self.ctx = Context.build(options, bank, store, **services)
        self.ctx.prefs.on_change = self._prefs_changed
        self.flow = self.ctx.flow
        self.flow.stop = self.stop
        self.stack = self.flow.stack
        self.saves = self.ctx.saves
        self.pads = Pads()
        self.running = False
        self.exit_code = 0
        self.perf = Perf()
        self.bot: Bot | None = None
        self._surface: pygame.Surface | None = None
        self._shots_taken: set[str] = set()
        self._windowed_size = options.size
        # Loop passes during which a lost focus is our own doing (F11 recreates the window): no pause.
        self.own_window_change = 0
        self.pointer: tuple[int, int] | None = None  # where the mouse was last seen (None: not yet)

    def _prefs_changed(self, relayout: bool) -> None:
        if relayout:  # a new theme or text size: every screen is laid out again
            self.stack.layout(*self.size)
        self.stack.changed = True

    @property
    def notice(self) -> str | None:
        """The notice (toast) showing now, if any."""
        return self.ctx.notice.text

    @property
    def clock(self) -> Callable[[], float]:
        """The seconds every game's and party's timer reads (``App(clock=...)``; a test steps it)."""
        return self.ctx.games.clock

    @clock.setter
    def clock(self, clock: Callable[[], float]) -> None:
        self.ctx.games.clock = self.ctx.parties.clock = clock

    def wait_for_saves(self) -> None:
        """Wait until every save asked for so far is done and applied (tests)."""
        self.saves.wait()

    def stop(self, code: int = 0) -> None:
        """End the run with ``code`` as the exit status (the loop stops after this pass)."""
        self.exit_code = code
        self.running = False

    # -- the loop -----------------------------------------------------------------
    def dispatch(self, intent) -> bool:
        if intent.kind == I.QUIT:
            self.flow.go(Quit(self.exit_code))
            return True
        if intent.kind == I.FULLSCREEN:
            self.toggle_fullscreen()
            return True
        if intent.kind == I.RESIZE:
            self.resized()
            return True
        if intent.kind == I.FOCUS_LOST and self.own_window_change > 0:
            return True  # F11 recreated the window: the player did not leave
        if intent.kind == I.MUTE:
            self.ctx.prefs.toggle_mute()
            return True
        if intent.kind in (I.POINT, I.CLICK, I.DRAG, I.RELEASE):
            moved, self.pointer = intent.pos != self.pointer, intent.pos
            if intent.kind == I.POINT and not moved:
                # A pointer that did not move (the window system reports it when a window or a panel appears
                # under it, or the focus changes) never moves a selection.
                return False
        if intent.kind == I.PAUSE:
            # Start pauses a question; on other screens it does what Enter does (P only pauses).
            return self.stack.handle(intent) or (not intent.text and self.stack.handle(I.Intent(I.CONFIRM)))
        return self.stack.handle(intent)

    def run(self, first_scene=None, *, max_frames: int | None = None, max_seconds: float | None = None,
            always_draw: bool = False) -> int:
        """The loop.  The keyword arguments serve the benchmark: stop after so many
        passes or seconds, and draw every pass even when nothing changed."""
        perf = self.perf
        perf.started = time.perf_counter()
        perf.cpu_started = time.process_time()
        if first_scene is not None:
            self.stack.push(first_scene)
        elif not len(self.stack):
            self.flow.show("title")
        clock = pygame.time.Clock()
        fps = max(self.options.fps, 0)
        self.running = True
        first = True
        last = time.perf_counter()
        passes = 0
        while self.running:
            passes += 1
            if (max_frames is not None and passes > max_frames) or \
                    (max_seconds is not None and time.perf_counter() - perf.started >= max_seconds):
                break
            frame_start = time.perf_counter()
            dt = min(frame_start - last, 0.25)
            last = frame_start
            used = self._take_events()
            if not self.running:
                break
            self.own_window_change = max(self.own_window_change - 1, 0)
            if self.saves.drain():
                self.stack.changed = True  # a table read or a save came back
            if self.ctx.pictures.pump():
                self.stack.changed = True  # a question's picture is decoded and scaled
            if self.ctx.parties.pump():
                self.stack.changed = True  # phones joined or answered: the count and the names change
            if self.bot is not None:
                self.bot.step(self, frame_start)
            self.stack.update(dt)
            if self.ctx.notice.expire(time.monotonic()):
                self.stack.changed = True
            full = used or self.stack.changed or first or always_draw
            if full or self.stack.animating():
                region = None if full else self.stack.animated_rect()
                top = self.stack.top
                if region is not None and top is not None:  # (a strip is animated only on a scene)
                    # Only the countdown moved: repaint and show just that strip.
                    top.draw_animated(self._surface)
                    pygame.display.update(region)
                else:
                    self.stack.changed = False
                    self.compose(self._surface)
                    pygame.display.flip()
                    self.stack.shown_whole()
                perf.frames += 1
                perf.frame_ms.append((time.perf_counter() - frame_start) * 1000)
                self._screenshot()
                if first:
                    first = False
                    self._after_first_frame()
            clock.tick(fps)
        self.ctx.parties.close()
        self.saves.close()
        self.ctx.pictures.close()
        self.ctx.sound.close()
        return self.exit_code

    def _take_events(self) -> bool:
        """The pass's events, as intents, to the screens; ``True`` if any was used."""
        top = self.stack.top
        text_mode = bool(top and top.wants_text)
        used = False
        for event in pygame.event.get():
            if event.type in PAD_EVENTS:
                intent = self.pads.translate(event)
                if self.pads.note:
                    self.ctx.toast(self.pads.note)
                    self.pads.note = None
            else:
                intent = I.translate(event, text_mode)
            if intent is not None:
                used |= self.dispatch(intent)
                top = self.stack.top
                text_mode = bool(top and top.wants_text)
        return used

    def _after_first_frame(self) -> None:
        """The first frame is on screen: note when, then start what it did not need (sound, the bank)."""
        perf = self.perf
        perf.first_frame_at = time.time()
        age = process_age_seconds()
        perf.startup_ms = (age * 1000) if age is not None else (time.perf_counter() - perf.started) * 1000
        self.ctx.sound.start()  # after the first frame: opening audio never delays it
        start_bank = getattr(self.ctx.bank, "start", None)  # game/bankload.py: read it now
        if start_bank is not None:
            start_bank()

    def compose(self, surface) -> None:
        """Draw the whole picture on ``surface``: the scenes and any notice over them."""
        self.stack.draw(surface)
        if self.notice is not None:
            top = self.stack.top
            draw_toast(surface, self.ctx, self.notice, top.controls() if top is not None else ())

    def _screenshot(self) -> None:
        folder = self.options.screenshots
        top = self.stack.top
        if folder is None or top is None or self._surface is None:
            return
        name: str = getattr(top, "shot_name", None) or top.name
        if name in self._shots_taken or not top.settled():
            return
        self._shots_taken.add(name)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            pygame.image.save(self._surface, str(folder / f"{name}.png"))
        except (OSError, pygame.error) as exc:
            print(f"mi-trivia: cannot save a screenshot in {folder}: {exc}", file=sys.stderr)
