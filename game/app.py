"""The one loop: events -> intents -> scene.update(dt) -> scene.draw(surface) -> flip.

:class:`App` is the context every scene is given (no globals): the theme, the
text cache, the question bank, the score store and the scene stack.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pygame

from game import paths
from game.core.history import History
from game.core.questions import Bank
from game.core.scores import ScoreStore
from game.core.settings import Settings
from game.games import Games
from game.party_control import PartyControl
from game.prefs import Prefs
from game.report import Perf, process_age_seconds
from game.saves import Saves, Scores
from game.ui import intents as I
from game.ui.flow import Flow
from game.ui.gamepad import EVENTS as PAD_EVENTS
from game.ui.gamepad import Pads
from game.ui.outcomes import Quit
from game.ui.scene import SceneStack
from game.ui.sound import Sound
from game.ui.text import Text
from game.ui.theme import MIN_WINDOW, Theme, metrics_for
from game.ui.widgets import Backdrop, draw_toast

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = MIN_WINDOW
TOAST_SECONDS = 2.5


@dataclass
class Options:
    count: int = 10
    seed: int | None = None
    name: str | None = None
    category: str | None = None
    difficulty: str | None = None
    kinds: tuple[str, ...] | None = None  # --kinds and the title's Kinds button (None: every kind)
    mode: str = "classic"
    players: int = 2  # hot-seat only
    player_names: list[str] | None = None  # hot-seat names, once entered
    autoplay: bool = False
    fps: int = 60
    screenshots: Path | None = None
    size: tuple[int, int] = DEFAULT_SIZE
    fullscreen: bool = False
    # Party mode (--port, --bind, --max-players; --bots with --autoplay).
    port: int | None = None
    bind: str | None = None
    max_players: int = 60
    bots: int = 0


class App:
    def __init__(self, options: Options, bank: Bank, store: ScoreStore, *, bank_label: str = "default bank",
                 bank_paths: list[str] | None = None, notices: list[str] | None = None,
                 settings: Settings | None = None, saved_settings: Settings | None = None,
                 settings_path: Path | None = None, history: History | None = None,
                 history_path: Path | None = None, home_bank: str | None = None):
        """``settings``: what this run uses (the saved ones with any command-line
        flags on top); ``saved_settings``: what the file holds, and what a change
        on the settings screen is saved over (``settings_path`` None: never saved).
        ``history``: the questions met lately, asked last (``None``: not used, as
        with ``--seed``); what a game asks is added and saved to ``history_path``.
        ``home_bank``: the default bank's path when the player's questions folder is added to it
        (games drawn only from the default bank keep the default bank's boards)."""
        self.options = options
        self.bank = bank
        self.store = store
        self.saves = Saves()  # the one worker for scores, settings and history
        self.scores = Scores(store, self.saves)
        self.bank_label = bank_label
        self.bank_paths = bank_paths or []
        self.notices = list(notices or [])
        self.prefs = Prefs(settings, saved_settings, settings_path, self.saves)
        self.prefs.toast = self.toast
        self.prefs.on_change = self._prefs_changed
        self.pads = Pads()
        self._toast: tuple[str, float] | None = None
        self.stack = SceneStack()
        self.flow = Flow(self.stack)
        self.flow.context = self
        self.flow.stop = self.stop
        self.running = False
        self.exit_code = 0
        self.perf = Perf()
        self._surface: pygame.Surface | None = None
        self.text: Text | None = None
        self.metrics = metrics_for(*options.size)
        self.bot = None
        self.parties = PartyControl(options)
        self.games = Games(options, bank, prefs=self.prefs, scores=self.scores, parties=self.parties,
                           bank_label=bank_label, home_bank=home_bank, history=history, history_path=history_path)
        self._shots_taken: set[str] = set()
        self._windowed_size = options.size
        # Loop passes during which a lost focus is our own doing (F11 recreates the window): no pause.
        self.own_window_change = 0
        self.pointer: tuple[int, int] | None = None  # where the mouse was last seen (None: not yet)

    # -- window ---------------------------------------------------------------
    @property
    def surface(self) -> pygame.Surface | None:
        """The window's surface (``None`` before it opens)."""
        return self._surface

    @property
    def size(self) -> tuple[int, int]:
        return self._surface.get_size() if self._surface is not None else self.options.size

    def open_window(self) -> None:
        """Start pygame's display and fonts (never the mixer: no sound card is no problem)."""
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Off the Rails — Dead Reckoning trivia")
        try:
            pygame.display.set_icon(_icon(self.theme))
        except pygame.error:
            pass
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.options.fullscreen else 0)
        size = (0, 0) if self.options.fullscreen else self.options.size
        self._surface = pygame.display.set_mode(size, flags)
        self.metrics = metrics_for(*self.size)
        self.text = Text(paths.asset(self.theme.font_regular), paths.asset(self.theme.font_bold))
        pygame.key.stop_text_input()
        self.pads.start()

    def resized(self) -> None:
        surface = pygame.display.get_surface()
        if surface is None:
            return
        width, height = surface.get_size()
        if (width < MIN_SIZE[0] or height < MIN_SIZE[1]) and not self.options.fullscreen:
            surface = pygame.display.set_mode((max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])), pygame.RESIZABLE)
        self._surface = surface
        if not self.options.fullscreen:
            self._windowed_size = surface.get_size()
        self.metrics = metrics_for(*self.size)
        self.stack.layout(*self.size)

    OWN_CHANGE_PASSES = 30  # about half a second at 60 FPS: the window manager's focus events arrive by then

    def toggle_fullscreen(self) -> None:
        self.own_window_change = self.OWN_CHANGE_PASSES
        self.options.fullscreen = not self.options.fullscreen
        try:
            if self.options.fullscreen:
                self._surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                self._surface = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
        except pygame.error:
            self.options.fullscreen = not self.options.fullscreen
            return
        self.resized()

    # -- settings, sound and notices -----------------------------------------------
    def _prefs_changed(self, relayout: bool) -> None:
        if relayout:
            self.stack.layout(*self.size)
        self.stack.changed = True

    @property
    def settings(self) -> Settings:
        return self.prefs.settings

    @property
    def theme(self) -> Theme:
        return self.prefs.theme

    @property
    def backdrop(self) -> Backdrop:
        return self.prefs.backdrop

    @property
    def sound(self) -> Sound:
        return self.prefs.sound

    @property
    def reduced_motion(self) -> bool:
        return self.prefs.reduced_motion

    def toast(self, text: str) -> None:
        """A short notice over whatever screen is showing (mute, a controller plugged in)."""
        self._toast = (text, time.monotonic() + TOAST_SECONDS)
        self.stack.changed = True

    @property
    def notice(self) -> str | None:
        """The notice (toast) showing now, if any."""
        return self._toast[0] if self._toast is not None else None

    def wait_for_saves(self) -> None:
        """Wait until every save asked for so far is done and applied (tests)."""
        self.saves.wait()

    # -- what scenes ask of the app ---------------------------------------------
    def stop(self, code: int = 0) -> None:
        """End the run with ``code`` as the exit status (the loop stops after this pass)."""
        self.exit_code = code
        self.running = False

    def bank_paths_for_message(self) -> list[str]:
        return self.bank_paths or ["questions.yaml"]

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
            self.prefs.toggle_mute()
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
            top = self.stack.top
            text_mode = bool(top and top.wants_text)
            used = False
            for event in pygame.event.get():
                if event.type in PAD_EVENTS:
                    intent = self.pads.translate(event)
                    if self.pads.note:
                        self.toast(self.pads.note)
                        self.pads.note = None
                else:
                    intent = I.translate(event, text_mode)
                if intent is not None:
                    used |= self.dispatch(intent)
                    top = self.stack.top
                    text_mode = bool(top and top.wants_text)
            if not self.running:
                break
            self.own_window_change = max(self.own_window_change - 1, 0)
            if self.saves.drain():
                self.stack.changed = True  # a table read or a save came back
            if self.parties.pump():
                self.stack.changed = True  # phones joined or answered: the count and the names change
            if self.bot is not None:
                self.bot.step(self, frame_start)
            self.stack.update(dt)
            if self._toast is not None and time.monotonic() >= self._toast[1]:
                self._toast = None
                self.stack.changed = True
            full = used or self.stack.changed or first or always_draw
            if full or self.stack.animating():
                region = None if full else self.stack.animated_rect()
                if region is not None:
                    # Only the countdown moved: repaint and show just that strip.
                    self.stack.top.draw_animated(self._surface)
                    pygame.display.update(region)
                else:
                    self.stack.changed = False
                    self.stack.draw(self._surface)
                    if self._toast is not None:
                        draw_toast(self._surface, self, self._toast[0], self.stack.top.controls())
                    pygame.display.flip()
                perf.frames += 1
                perf.frame_ms.append((time.perf_counter() - frame_start) * 1000)
                self._screenshot()
                if first:
                    first = False
                    perf.first_frame_at = time.time()
                    age = process_age_seconds()
                    perf.startup_ms = (age * 1000) if age is not None else (time.perf_counter() - perf.started) * 1000
                    self.sound.start()  # after the first frame: opening audio never delays it
            clock.tick(fps)
        self.parties.close()
        self.saves.close()
        self.sound.close()
        return self.exit_code

    def _screenshot(self) -> None:
        folder = self.options.screenshots
        top = self.stack.top
        name = getattr(top, "shot_name", None) or (top.name if top is not None else None)
        if folder is None or top is None or name in self._shots_taken or not top.settled():
            return
        self._shots_taken.add(name)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            pygame.image.save(self._surface, str(folder / f"{name}.png"))
        except (OSError, pygame.error) as exc:
            print(f"mi-trivia: cannot save a screenshot in {folder}: {exc}", file=sys.stderr)


def _icon(theme: Theme) -> pygame.Surface:
    icon = pygame.Surface((32, 32))
    icon.fill(theme.palette.bg_top)
    pygame.draw.line(icon, theme.palette.accent, (4, 24), (24, 24), 3)
    pygame.draw.circle(icon, theme.palette.focus, (26, 24), 4)
    pygame.draw.rect(icon, theme.palette.accent, (6, 8, 16, 10), border_radius=3)
    return icon
