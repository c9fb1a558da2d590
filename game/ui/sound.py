"""Sound effects: opened late, never required.

The mixer is started after the first frame is on screen (so it never delays
start-up) and only if sound is on; effects are synthesised then
(:mod:`game.core.synth`).  With no sound card, or no audio library, the game
is silent: the error is kept for ``--autoplay``'s report, and whatever the
audio library prints while failing (ALSA does) is swallowed.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import pygame

from game.core import synth

RATE = 22050


@contextmanager
def _quiet_stderr():
    """Silence the C libraries' own messages on file descriptor 2 for a moment (POSIX)."""
    if os.name != "posix":
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 2)
        finally:
            os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class Sound:
    """The four effects, the volume and the mute switch."""

    def __init__(self, volume: int = 80, muted: bool = False):
        self.volume = volume
        self.muted = muted
        self.ready = False          # the mixer is open and the effects are made
        self.opened = False         # it was, at some point of this run (for the report)
        self.failed: str | None = None  # why there is no sound (no device...)
        self.played: dict[str, int] = {}  # how often each effect was asked for while audible (tests, the report)
        self._effects: dict[str, pygame.mixer.Sound] = {}
        self._wanted = False  # start() was called: the first frame is up

    @property
    def audible(self) -> bool:
        return not self.muted and self.volume > 0

    @property
    def state(self) -> str:
        if self.failed:
            return "no device"
        if not self.audible:
            return "muted"
        return "on" if self.opened else "off"

    def start(self) -> None:
        """Open the mixer if sound is wanted (called once the first frame is shown)."""
        self._wanted = True
        if self.ready or self.failed or not self.audible:
            return
        try:
            with _quiet_stderr():
                if not pygame.mixer.get_init():
                    pygame.mixer.init(RATE, -16, 1, 512, allowedchanges=0)
            rate, _size, channels = pygame.mixer.get_init()
            for name in synth.EFFECTS:
                self._effects[name] = pygame.mixer.Sound(buffer=synth.pcm(name, rate, channels))
        except (pygame.error, TypeError, ValueError, OSError) as exc:
            self.failed = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self._effects.clear()
            return
        self.ready = self.opened = True
        self._apply_volume()

    def configure(self, volume: int, muted: bool) -> None:
        self.volume, self.muted = volume, muted
        if self._wanted and not self.ready:
            self.start()
        self._apply_volume()
        if not self.audible and self.ready:
            pygame.mixer.stop()

    def _apply_volume(self) -> None:
        for effect in self._effects.values():
            effect.set_volume(self.volume / 100)

    def play(self, name: str) -> None:
        if not self.audible:
            return
        self.played[name] = self.played.get(name, 0) + 1
        effect = self._effects.get(name)
        if effect is not None:
            try:
                effect.play()
            except pygame.error:
                pass

    def close(self) -> None:
        if self.ready:
            try:
                pygame.mixer.quit()
            except pygame.error:
                pass
            self.ready = False
