"""The README's pictures of `mi-trivia preview`'s window (its own lines and messages shown), drawn without a
window: ``python tools/preview_shots.py [DIR]`` (``make screenshots``; DIR: docs/screenshots).

* preview.png: a hand-written question whose right answer stands out (validate's warnings beside it);
* preview-feedback.png: the same file's fact, its true/false statement after its answer, at 800x600 with
  200 % text in high contrast;
* preview-pictures.png: examples/pictures.yaml, a question with its picture, after its answer.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A small file an author might be writing: one answer stands out, one fact makes several questions.
MINE = """\
questions:
  - prompt: How many carriages were built for the stunt's train?
    choices: [Seven, Five, 9 carriages, Four]
    answer: 9 carriages
    explanation: The crew built every carriage, ready to be lost in a single take.
facts:
  - id: train-speed
    kind: number
    answer: 60
    unit: mph
    step: 10
    min: 20
    max: 150
    say: "While the fight on its roof was filmed, the train was doing {}."
    explanation: The train was doing 60 mph while the fight on its roof was filmed.
    ask:
      - How fast was the train moving while the fight on its roof was filmed?
"""


def shoot(path: Path, out: Path, index: int = 0, variant: int = 0, phase: str = "question", size: int = 1,
          scale: int = 0, theme: int = 0) -> None:
    import pygame

    from game.core.preview import Preview
    from game.preview import start

    preview = Preview(path)
    preview.reload()
    with tempfile.TemporaryDirectory() as scores:
        app, scene = start(preview, fps=0, scores_dir=Path(scores))
        try:
            preview.index, preview.variant, preview.phase = index, variant, phase
            preview.size, preview.scale, preview.theme = size, scale, theme
            scene.apply_look()
            app.compose(app.surface)
            app.ctx.pictures.wait()  # the picture, decoded on its thread
            app.compose(app.surface)
            pygame.image.save(app.surface, str(out))
        finally:
            pygame.quit()


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        mine = Path(work) / "mine.yaml"
        mine.write_text(MINE, encoding="utf-8")
        shoot(mine, folder / "preview.png")
        shoot(mine, folder / "preview-feedback.png", index=1, variant=2, phase="feedback", size=0, scale=2, theme=1)
    shoot(ROOT / "examples" / "pictures.yaml", folder / "preview-pictures.png", index=1, phase="feedback")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
