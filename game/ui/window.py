"""The game's window: opening it, its size, resizing and full screen (the App's part that is the window).

:class:`Window` is a part of :class:`game.app.App` (``class App(Window)``): it reads the App's
``options``, ``ctx``, ``stack`` and ``pads`` and keeps the window's surface, its size out of full
screen, and the passes during which a lost focus is the game's own doing.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pygame

from game import paths
from game.ui.text import Text
from game.ui.theme import MIN_WINDOW, metrics_for
from game.ui.widgets import window_icon


class Window:
    """The window's half of the App (see the module's notes)."""

    # What it reads of the App (set by App.__init__).
    options: Any
    ctx: Any
    stack: Any
    pads: Any
    _surface: pygame.Surface | None

    @property
    def surface(self) -> pygame.Surface | None:
        """The window's surface (``None`` before it opens)."""
        return self._surface

    @property
    def size(self) -> tuple[int, int]:
        return self._surface.get_size() if self._surface is not None else self.options.size

    def open_window(self) -> None:
        """Start pygame's display and fonts (never the mixer: no sound card is no problem)."""
        if sys.platform.startswith("linux"):
            # Let pygame.display.update(rects) present just those rects: SDL's own X11 framebuffer copies only
            # them, where its default (a streaming texture, drawn by software GL on a machine without a GPU)
            # sends the whole window every time.  A player's own setting of it wins.
            os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Off the Rails — Dead Reckoning trivia")
        theme = self.ctx.theme
        try:
            pygame.display.set_icon(window_icon(theme))
        except pygame.error:
            pass
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.options.fullscreen else 0)
        size = (0, 0) if self.options.fullscreen else self.options.size
        self._surface = pygame.display.set_mode(size, flags)
        self._sized()
        self.ctx.text = Text(paths.asset(theme.font_regular), paths.asset(theme.font_bold),
                             emoji=(paths.asset(theme.font_emoji), paths.asset(theme.font_emoji_bold)))
        pygame.key.stop_text_input()
        self.pads.start()

    def _sized(self) -> None:
        """The scenes learn the window's size (and the type scale it gives)."""
        self.ctx.size = self.size
        self.ctx.metrics = metrics_for(*self.size)

    def resized(self) -> None:
        surface = pygame.display.get_surface()
        if surface is None:
            return
        (width, height), (least_w, least_h) = surface.get_size(), MIN_WINDOW
        if (width < least_w or height < least_h) and not self.options.fullscreen:
            surface = pygame.display.set_mode((max(width, least_w), max(height, least_h)), pygame.RESIZABLE)
        self._surface = surface
        if not self.options.fullscreen:
            self._windowed_size = surface.get_size()
        self._sized()
        self.stack.layout(*self.size)

    def set_window_size(self, size: tuple[int, int]) -> None:
        """Make the window ``size`` (the preview's size key; without a screen, SDL's dummy driver's surface)."""
        self.options.size = size
        self._surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.resized()

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

