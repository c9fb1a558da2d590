"""The player's settings while the game runs: what they chose, the look and the sound that follow
from it, and a change saved (over the saved settings) on the saver thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.core.settings import Settings
from game.saves import Saves, report_error
from game.ui.sound import Sound
from game.ui.theme import Theme, make_theme
from game.ui.widgets import Backdrop


class Prefs:
    """``settings``: what this run uses (the saved ones with any command-line flags on top); ``saved``:
    what the file holds, and what a change on the settings screen is saved over (``path`` None: never
    saved)."""

    def __init__(self, settings: Settings | None = None, saved: Settings | None = None, path: Path | None = None,
                 saves: Saves | None = None) -> None:
        self.settings = settings or Settings()
        self.saved = saved or self.settings
        self.path = path
        self.saves = saves or Saves()
        self.theme: Theme = make_theme(self.settings.theme, self.settings.text_scale)
        self.backdrop = Backdrop(self.theme)
        self._described = self.settings.describe_pictures
        self.sound = Sound(self.settings.volume, self.settings.muted)
        # Told by whoever shows the game: a notice to show, and "redraw" (True: lay out again, a new theme).
        self.toast: Callable[[str], None] = lambda text: None
        self.on_change: Callable[[bool], None] = lambda relayout: None

    @property
    def reduced_motion(self) -> bool:
        return self.settings.reduced_motion

    def change(self, **values) -> None:
        """A change made in the game: used at once, and saved (over the saved settings, so a
        command-line flag for this run is not written to the file)."""
        self.settings = self.settings.changed(**values)
        self.saved = self.saved.changed(**values)
        self.apply()
        if self.path is not None:
            from game.core import settings as S

            snapshot, where = self.saved, self.path
            self.saves.submit(lambda: S.save(where, snapshot), self._saved)

    def _saved(self, error: str | None) -> None:
        if error:
            report_error(error)
            self.toast("Settings not saved: see the message in the terminal")

    def apply(self) -> None:
        """Use :attr:`settings` now: the theme (the screens are laid out again) and the sound."""
        theme = make_theme(self.settings.theme, self.settings.text_scale)
        described = self.settings.describe_pictures  # a picture's description takes room under it
        relayout = theme != self.theme or described != self._described
        self._described = described
        if relayout:
            self.theme = theme
            self.backdrop = Backdrop(theme)
        self.sound.configure(self.settings.volume, self.settings.muted)
        self.on_change(relayout)

    def toggle_mute(self) -> None:
        """M, anywhere: sound off, or on again (at half volume if it was at 0)."""
        muted = not self.settings.muted
        if not muted and self.settings.volume == 0:
            self.change(muted=False, volume=50)
        else:
            self.change(muted=muted)
        if self.sound.failed and not muted:
            self.toast("No sound device: the game stays silent")
        else:
            self.toast("Sound off (M turns it on)" if muted else f"Sound on, volume {self.settings.volume}%")
