"""Sound effects: opened late, made in the background, never required.

The mixer is started after the first frame is on screen (so it never delays
start-up) and only if sound is on.  The effects are synthesised
(:mod:`game.core.synth`, some tens of milliseconds of Python) on a thread of
their own that first lets the opening frames go by, so the main thread never
waits for them and a key pressed at once is not held up; an effect asked for
before it is made is skipped.  Closing leaves the audio device to
``pygame.quit()`` or to the process's end (SDL waits tens of milliseconds for
its audio thread when the device closes).  With no sound card, or no audio
library, the game is silent: the error is kept for ``--autoplay``'s report,
and whatever the audio library prints while failing (ALSA does) is swallowed.
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager

import pygame

from game.core import synth

RATE = 22050
MAKE_AFTER = 0.25  # seconds after the first frame before the effects are synthesised


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
        self._maker: threading.Thread | None = None
        self._closed = threading.Event()

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
            opened = pygame.mixer.get_init()  # None when it did not open (pygame-ce says so in its types)
            if not opened:
                raise TypeError("the mixer did not open")
            rate, _size, channels = opened
        except (pygame.error, TypeError, ValueError, OSError) as exc:
            self._fail(exc)
            return
        self.ready = self.opened = True
        self._closed.clear()
        if self._maker is None or not self._maker.is_alive():
            self._maker = threading.Thread(target=self._make_effects, args=(rate, channels),
                                           name="sound-effects", daemon=True)
            self._maker.start()

    def _fail(self, exc: BaseException) -> None:
        self.failed = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self._effects.clear()

    def _make_effects(self, rate: int, channels: int) -> None:
        """On the effects thread: synthesise each effect once, after the opening frames."""
        if self._closed.wait(MAKE_AFTER):
            return
        from game.handover import beside_the_loop

        with beside_the_loop():  # the loop keeps drawing smoothly meanwhile (game/handover.py)
            self._make_all(rate, channels)

    def _make_all(self, rate: int, channels: int) -> None:
        for name in synth.EFFECTS:
            if name in self._effects:
                continue
            data = synth.pcm(name, rate, channels)
            if self._closed.is_set():
                return
            try:
                effect = pygame.mixer.Sound(buffer=data)
                effect.set_volume(self.volume / 100)
            except (pygame.error, TypeError, ValueError, OSError) as exc:
                self.ready = False
                self._fail(exc)
                return
            self._effects[name] = effect

    def wait_for_effects(self, timeout: float = 5.0) -> bool:
        """Block until every effect is made (tests and tools; the game never waits)."""
        if self._maker is not None:
            self._maker.join(timeout)
        return len(self._effects) == len(synth.EFFECTS)

    def configure(self, volume: int, muted: bool) -> None:
        self.volume, self.muted = volume, muted
        if self._wanted and not self.ready:
            self.start()
        self._apply_volume()
        if not self.audible and self.ready:
            pygame.mixer.stop()

    def _apply_volume(self) -> None:
        for effect in list(self._effects.values()):
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
        """Stop playing and stop making effects; the device itself closes with pygame or the process."""
        self._closed.set()
        if self.ready:
            try:
                pygame.mixer.stop()
            except pygame.error:
                pass
            self.ready = False
