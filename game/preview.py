"""``mi-trivia preview FILE``: the window that shows a question file as the game draws it, or (``--screenshots
DIR``) every question, variant and phase at every size, text scale and theme written as PNGs without a window.

The run is the game's own :class:`~game.app.App` and loop with the preview screen (game/ui/scenes/preview.py)
as its only screen.  Nothing it does is saved: no history, no settings file (the look keys change this
run's settings), and a score file in a folder of its own that is removed at the end (the preview never ends
a game, so nothing would be written to it anyway).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from game.core.preview import PHASES, SIZES, TEXT_SCALES, THEMES, Preview, shot_name


def start(preview: Preview, *, fps: int = 60, clock: Callable[[], float] = time.monotonic, chrome: bool = True,
          scores_dir: Path, screenshots: Path | None = None):
    """The App, its window open at the preview's size, showing the preview screen: ``(app, scene)``
    (``screenshots``: a run that only writes pictures, so a question's picture is loaded on the spot)."""
    import pygame  # noqa: F401  (the window)

    from game.app import App, Options
    from game.core.questions import Bank
    from game.core.scores import ScoreStore
    from game.core.settings import Settings

    size, scale, theme = preview.look
    settings = Settings().changed(text_scale=scale, theme=theme, muted=True)
    options = Options(count=1, seed=preview.seed, size=size, fps=fps, mode="classic", screenshots=screenshots)
    bank = Bank(questions=[q for e in preview.entries for q in e.variants], files=[str(preview.path)])
    app = App(options, bank, ScoreStore(scores_dir / "scores.json"), bank_label=preview.path.name,
              bank_paths=[str(preview.path)], settings=settings, saved_settings=settings, settings_path=None,
              history=None, history_path=None)
    app.open_window()
    def renew_pictures() -> None:  # a picture saved again under its name is decoded again
        from game.ui.images import Pictures

        sync = app.ctx.pictures.sync
        app.ctx.pictures.close()
        app.ctx.pictures = Pictures(sync=sync)

    scene = app.flow.make("preview", preview, resize=app.set_window_size, clock=clock, chrome=chrome,
                          renew_pictures=renew_pictures)
    app.stack.push(scene)
    return app, scene


def run(path: Path, *, screenshots: Path | None = None, seed: int = 0, fps: int = 60) -> int:
    """The command: 0 when it ran (or wrote every picture); 1 for a file with no question to show or a
    picture that could not be written; 2 for a file that cannot be read at all."""
    preview = Preview(path, seed)
    preview.reload()
    if preview.error is not None:
        print(f"mi-trivia preview: {preview.error}", file=sys.stderr)
        return 2
    for note in preview.file_notes + [n for e in preview.entries for n in e.notes]:
        print(f"{path}:{note}", file=sys.stderr)
    if screenshots is not None:
        os.environ["SDL_VIDEODRIVER"] = "dummy"  # no window: the pictures only
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    with tempfile.TemporaryDirectory(prefix="mi-trivia-preview-") as scores_dir:
        try:
            app, scene = start(preview, fps=fps, chrome=screenshots is None, scores_dir=Path(scores_dir),
                               screenshots=screenshots)
        except pygame.error as exc:
            print(f"mi-trivia preview: cannot open a window: {exc}. On a machine with no display, use "
                  f"--screenshots DIR (or SDL_VIDEODRIVER=dummy).", file=sys.stderr)
            return 1
        try:
            if screenshots is not None:
                return write_screenshots(app, scene, screenshots)
            return app.run()
        finally:
            pygame.quit()


def write_screenshots(app, scene, folder: Path, out=sys.stdout) -> int:
    """Every question's every variant, question and feedback, at every size, text scale and theme."""
    import pygame

    preview = scene.preview
    playable = [(i, e) for i, e in enumerate(preview.entries) if e.playable]
    if not playable:
        print(f"mi-trivia preview: {preview.path}: no question to show", file=sys.stderr)
        return 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"mi-trivia preview: cannot make {folder}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    written = 0
    for size_at, size in enumerate(SIZES):
        for scale_at, scale in enumerate(TEXT_SCALES):
            for theme_at, theme in enumerate(THEMES):
                preview.size, preview.scale, preview.theme = size_at, scale_at, theme_at
                for index, entry in playable:
                    for variant, question in enumerate(entry.variants):
                        for phase in PHASES:
                            preview.index, preview.variant, preview.phase = index, variant, phase
                            scene.apply_look()
                            app.compose(app.surface)
                            name = shot_name(index + 1, variant + 1, question, phase, size, scale, theme)
                            try:
                                pygame.image.save(app.surface, str(folder / name))
                            except (OSError, pygame.error) as exc:
                                print(f"mi-trivia preview: cannot write {folder / name}: {exc}", file=sys.stderr)
                                return 1
                            written += 1
    print(f"Wrote {written} screenshots of {len(playable)} question{'s' * (len(playable) != 1)} "
          f"({sum(len(e.variants) for _, e in playable)} with their variants) to {folder}", file=out)
    return 0
