"""The bank read after the first frame (game/bankload.py): what waits for it, what the title shows meanwhile,
and that nothing the first frame does not need is imported before it."""

import subprocess
import sys
import threading
from pathlib import Path

import pygame
import pytest

from game.app import App, Options
from game.bankload import LazyBank
from game.core.model import Question
from game.core.questions import Bank
from game.core.scores import ScoreStore
from game.ui.record import RecordingSurface
from game.ui.scenes.title import PLAY, TitleScene

ROOT = Path(__file__).resolve().parent.parent


def small_bank() -> Bank:
    qs = [Question(prompt=f"Question number {i}?", choices=tuple(f"Answer {i}.{c}" for c in range(4)),
                   answer=f"Answer {i}.0", category="Cat A" if i % 2 else "Cat B", difficulty="easy")
          for i in range(6)]
    return Bank(questions=qs, files=["test.yaml"])


def test_the_bank_is_read_once_on_its_thread_and_waited_for():
    gate, calls, loaded = threading.Event(), [], []

    def load():
        gate.wait(5)
        calls.append(1)
        return small_bank()

    lazy = LazyBank(load, loaded.append)
    assert not lazy.ready
    lazy.start()
    lazy.start()  # once only
    assert not lazy.ready
    gate.set()
    assert len(lazy.questions) == 6  # waits for the thread
    assert lazy.ready and calls == [1] and len(loaded) == 1


def test_the_bank_is_read_there_and_then_when_nothing_started_it():
    lazy = LazyBank(small_bank)
    assert lazy.categories() == ["Cat A", "Cat B"] and lazy.ready


def test_a_bank_that_cannot_be_read_says_why_to_whoever_asks():
    def load():
        raise OSError("gone")

    lazy = LazyBank(load)
    lazy.start()
    with pytest.raises(OSError, match="gone"):
        lazy.get()


@pytest.fixture
def window():
    yield
    pygame.quit()


def foot(app, title) -> str:
    recording = RecordingSurface(app.size, app.ctx.text)
    title.draw(recording)
    return " ".join(line.text for line in recording.lines if line.rect.top >= title.info_rect.top)


def test_the_title_shows_its_counts_once_the_bank_is_in(tmp_path, window):
    lazy = LazyBank(small_bank)
    app = App(Options(count=3, seed=1, size=(1280, 720)), lazy, ScoreStore(tmp_path / "scores.json"))
    app.open_window()
    title = TitleScene(app.ctx)
    app.stack.push(title)
    assert not lazy.ready  # the title was built and laid out without the bank
    assert "Reading the questions" in foot(app, title)
    assert title.menu.buttons[PLAY].enabled and title.menu.focus == PLAY
    assert not lazy.ready
    lazy.start()
    lazy.get()
    title.update(0.016)
    assert "6 questions loaded" in foot(app, title)
    assert title.categories == [None, "Cat A", "Cat B"]


def test_nothing_the_first_frame_does_not_need_is_imported_to_show_it():
    """The window, the loop and the title: not the bank's reader, PyYAML, the schema, the party or the network."""
    script = ("import sys; import game.cli, game.app, game.ui.scenes.title; "
              "heavy = sorted(m for m in ('yaml', 'game.core.questions', 'game.core.schema', 'game.core.party', "
              "'game.net', 'jsonschema', 'websockets') if m in sys.modules); print(heavy)")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
