"""`mi-trivia preview FILE` (issue 24): the file's questions drawn by the play screen, read again on every save
(the clock and the polling are stepped by hand), the validate messages beside their question, the look keys,
and --screenshots."""

import os
from pathlib import Path

import pygame
import pytest

from conftest import run_cli
from game.core.preview import POLL_SECONDS, SIZES, Preview, arrange_entries, shot_name
from game.core.questions import load_files
from game.ui import intents as I
from game.ui.intents import Intent, translate

GOOD = """\
questions:
  - prompt: Which country's railway carried the train for the stunt?
    choices: [Norway, Sweden, Austria, Finland]
    answer: Norway
    explanation: A line in the mountains was used for weeks.
  - prompt: Put these in the order they were filmed.
    type: order
    items: [The build, The test runs, The jump]
    explanation: First they built it, then they tested, then it went over.
  - prompt: This one has one choice
    choices: [A]
    answer: A
facts:
  - id: train-speed
    kind: number
    answer: 60
    unit: mph
    step: 10
    min: 20
    max: 150
    say: "The train was doing {} on the day."
    explanation: It was doing 60 mph.
    ask:
      - How fast was the train moving?
      - What speed was the train doing?
"""
# The second question's prompt reworded, as an author saves it.
REWORDED = GOOD.replace("Put these in the order they were filmed.", "In which order were these filmed?")
# A choice that stands out (validate warns, the question still plays).
WARNED = GOOD.replace("choices: [Norway, Sweden, Austria, Finland]",
                      "choices: [The mountains of southern Norway and its long valleys, Sweden, Austria, Finland]"
                      ).replace("answer: Norway", "answer: The mountains of southern Norway and its long valleys")


def save(path: Path, text: str) -> None:
    """Write ``text`` as an editor saves it, with a modification time that surely differs from the last one."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


# -- without pygame ----------------------------------------------------------------------------------
def test_entries_follow_the_file_with_every_variant_of_a_fact(tmp_path):
    path = tmp_path / "q.yaml"
    save(path, GOOD)
    preview = Preview(path)
    assert preview.reload()
    lines = [e.line for e in preview.entries]
    assert lines == sorted(lines) and len(lines) == 4  # two questions, the broken one, the fact
    first, order, broken, fact = preview.entries
    assert [q.kind for q in first.variants] == ["choice"] and [q.kind for q in order.variants] == ["order"]
    assert not broken.playable and broken.errors and broken.errors[0].line == 11
    assert [q.kind for q in fact.variants] == ["choice", "choice", "estimate", "truefalse"]
    assert {q.fact for q in fact.variants} == {"train-speed"}
    preview.index = 3
    seen = [preview.shown.prompt]
    while preview.next_variant():
        if preview.variant == 0:
            break
        seen.append(preview.shown.prompt)
    assert len(seen) == 4 and "How fast was the train moving?" in seen


def test_every_validate_message_is_beside_the_question_it_concerns(tmp_path):
    path = tmp_path / "q.yaml"
    save(path, WARNED)
    bank = load_files([path], 0, giveaways=True)  # what `mi-trivia validate` prints
    assert bank.problems and bank.warnings
    preview = Preview(path)
    preview.reload()
    shown = [(n.line, n.column, n.message) for e in preview.entries for n in e.notes]
    shown += [(n.line, n.column, n.message) for n in preview.file_notes]
    assert sorted(shown) == sorted((p.line, p.column, p.message) for p in bank.problems + bank.warnings)
    first, _, broken, _ = preview.entries
    assert first.playable and first.warnings and not first.errors  # warned, still played
    assert all(2 <= n.line < 6 for n in first.notes)
    assert "2 to 6 choices" in broken.errors[0].message and str(broken.errors[0]).startswith("11:14:")


def test_messages_outside_every_question_are_the_files_own():
    from game.core.model import Problem, Question

    q = Question(prompt="P?", choices=("a", "b"), answer="a", source="f.yaml:2")
    loaded = arrange_entries("questions:\n  - prompt: P?\n    choices: [a, b]\n    answer: a\n", [q],
                             [Problem("f.yaml", 1, 1, "top level")], [Problem("f.yaml", 3, 5, "near")])
    assert [n.message for n in loaded.file_notes] == ["top level"]
    assert [(n.message, n.warning) for n in loaded.entries[0].notes] == [("near", True)]


def test_polling_reads_a_save_at_most_every_interval_and_keeps_the_place(tmp_path):
    path = tmp_path / "q.yaml"
    save(path, GOOD)
    preview = Preview(path)
    preview.reload()
    preview.step(1)
    assert preview.shown.kind == "order"
    assert not preview.poll(0.0)  # unchanged
    save(path, "# a line above moves everything down\n" + REWORDED)
    assert not preview.poll(POLL_SECONDS / 2)  # too soon: not even looked at
    assert preview.poll(POLL_SECONDS * 1.5)
    assert preview.index == 1 and preview.shown.prompt == "In which order were these filmed?"  # its place
    preview.index, preview.variant = 3, 2
    save(path, GOOD.replace("It was doing 60 mph.", "It ran at 60 mph."))
    assert preview.poll(POLL_SECONDS * 3)
    assert preview.current.key == "train-speed" and preview.variant == 2  # by its key and its prompt


def test_shot_names_say_which_question_and_which_look():
    from game.core.model import Question

    q = Question(prompt="The train: was it real?", choices=("True", "False"), answer="True", kind="truefalse")
    name = shot_name(3, 2, q, "feedback", (800, 600), 2.0, "high-contrast")
    assert name == "q03-v2-truefalse-feedback-800x600-text200-high-contrast-the-train-was-it-real.png"


# -- the window (SDL's dummy driver) -------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def shown(tmp_path):
    """The preview screen on the game's App, its file's clock stepped by hand: ``(app, scene, path, clock)``."""
    from game.preview import start

    path = tmp_path / "q.yaml"
    save(path, GOOD)
    preview = Preview(path)
    preview.reload()
    clock = Clock()
    app, scene = start(preview, fps=0, clock=clock, scores_dir=tmp_path / "scores")
    yield app, scene, path, clock
    pygame.quit()


def frame(app, clock, seconds: float = POLL_SECONDS + 0.05) -> None:
    """One pass of the loop's work: the clock moves on, the screen updates and is drawn."""
    clock.now += seconds
    app.stack.update(seconds)
    app.compose(app.surface)


def press(app, key: int, text: str = "") -> None:
    intent = translate(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text))
    app.dispatch(intent)


def test_a_save_shows_within_a_second_on_the_same_question(shown):
    app, scene, path, clock = shown
    press(app, pygame.K_RIGHT)
    assert scene.play.session.current.question.prompt == "Put these in the order they were filmed."
    frame(app, clock)
    save(path, REWORDED)
    frame(app, clock)  # the next poll, well within a second
    assert scene.play.session.current.question.prompt == "In which order were these filmed?"
    assert scene.preview.index == 1 and scene.play.name == "question"
    assert scene.play.session.current.number == 2  # "Question 2 of 4", as in the file


def test_a_broken_save_keeps_the_last_good_questions_and_says_why(shown):
    app, scene, path, clock = shown
    press(app, pygame.K_SPACE)  # the feedback: it stays so
    assert scene.play.name == "feedback"
    save(path, GOOD + "  - prompt: [unclosed\n")
    frame(app, clock)
    assert scene.preview.error and ":" in scene.preview.error  # line:col and what is wrong
    assert len(scene.preview.entries) == 4 and scene.play is not None and scene.play.name == "feedback"
    assert scene.play.session.current.question.prompt.startswith("Which country")
    save(path, REWORDED)
    frame(app, clock)
    assert scene.preview.error is None and scene.preview.loads == 2


def test_a_missing_file_keeps_the_questions_until_it_is_saved_again(shown):
    app, scene, path, clock = shown
    path.unlink()
    frame(app, clock)
    assert "no such file" in scene.preview.error and scene.play is not None
    save(path, REWORDED)
    frame(app, clock)
    assert scene.preview.error is None


def test_the_messages_are_drawn_beside_their_question(shown):
    app, scene, path, clock = shown
    save(path, WARNED)
    frame(app, clock)
    lines = scene.note_lines()
    assert lines and all(text.startswith("! 4:") for text, _ in lines)  # the warned choices, line:col
    press(app, pygame.K_RIGHT)
    frame(app, clock)
    assert scene.note_lines() == []  # the order question has none
    press(app, pygame.K_RIGHT)  # the broken one: not played, its problem shown in its place
    frame(app, clock)
    assert scene.play is None and any("11:14:" in text for text, _ in scene.note_lines())


def test_keys_change_the_size_the_text_the_theme_and_the_variant(shown):
    app, scene, path, clock = shown
    assert app.ctx.size == SIZES[1]
    press(app, pygame.K_s, "s")
    assert app.ctx.size == SIZES[2] and app.surface.get_size() == SIZES[2]
    press(app, pygame.K_s, "s")
    assert app.ctx.size == SIZES[0]
    press(app, pygame.K_t, "t")
    assert app.ctx.settings.text_scale == 1.5 and app.ctx.theme.text_scale == 1.5
    press(app, pygame.K_t, "t")
    assert app.ctx.settings.text_scale == 2.0
    press(app, pygame.K_k, "k")
    assert app.ctx.settings.theme == "high-contrast"
    press(app, pygame.K_END)
    kinds = [scene.play.session.current.kind]
    for _ in range(3):
        press(app, pygame.K_v, "v")
        kinds.append(scene.play.session.current.kind)
    assert kinds == ["choice", "choice", "estimate", "truefalse"]
    press(app, pygame.K_RETURN)
    assert scene.play.name == "feedback"
    press(app, pygame.K_F1)
    assert scene.show_help
    frame(app, clock)
    press(app, pygame.K_ESCAPE)  # closes the keys first
    assert not scene.show_help and app.exit_code == 0
    assert not (app.ctx.prefs.path or Path("/nonexistent")).exists()  # the look keys save nothing


def test_nothing_is_saved(shown, tmp_path):
    app, scene, path, clock = shown
    for key in (pygame.K_SPACE, pygame.K_RIGHT, pygame.K_SPACE):
        press(app, key)
        frame(app, clock, 30.0)  # long past the question's time and the feedback's: the game never moves on
    assert scene.play.name == "feedback" and scene.preview.index == 1
    app.wait_for_saves()
    assert app.ctx.games.history is None and app.ctx.prefs.path is None
    assert not (tmp_path / "scores").exists() and not (tmp_path / "home").exists()


def test_unknown_keys_reach_the_scenes_as_key_intents():
    intent = translate(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=0, unicode="v"))
    assert intent == Intent(I.KEY, index=pygame.K_v, text="v")
    assert translate(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=0, unicode="v"), text_mode=True) is None


# -- the command ---------------------------------------------------------------------------------------
def test_screenshots_writes_every_question_variant_and_look(tmp_path):
    path = tmp_path / "small.yaml"
    save(path, GOOD)
    out = tmp_path / "shots"
    done = run_cli("preview", path, "--screenshots", out, env={"MI_TRIVIA_HOME": str(tmp_path / "home")},
                   timeout=300)
    assert done.returncode == 0, done.stderr
    variants = 1 + 1 + 4  # the broken question has no picture: its message goes to standard error
    expected = variants * 2 * 3 * 3 * 2
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == expected and str(expected) in done.stdout
    assert "11:14:" in done.stderr and "2 to 6 choices" in done.stderr
    assert "q01-v1-choice-question-800x600-text100-default-which-country-s-railway-carried.png" in names
    assert any(n.startswith("q04-v3-estimate-feedback-1920x1080-text200-high-contrast-") for n in names)
    sizes = {pygame.image.load(str(out / n)).get_size() for n in names if "-text100-default-" in n and "q01-v1" in n}
    assert sizes == set(SIZES)
    assert not (tmp_path / "home").exists()  # no scores, no history, no settings


def test_screenshots_of_a_bad_file_fail_with_its_message(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("questions: [\n", encoding="utf-8")
    done = run_cli("preview", path, "--screenshots", tmp_path / "shots")
    assert done.returncode != 0 and "bad.yaml" not in done.stdout
    assert "mi-trivia preview:" in done.stderr and "Traceback" not in done.stderr
    missing = run_cli("preview", tmp_path / "nothing.yaml", "--screenshots", tmp_path / "shots")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_the_preview_runs_in_the_games_own_loop_and_esc_quits(shown):
    app, scene, path, clock = shown
    assert app.stack.top is scene and scene.name == "preview"
    for key, text in ((pygame.K_RIGHT, ""), (pygame.K_SPACE, " "), (pygame.K_ESCAPE, "")):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text))
    assert app.run(max_frames=50) == 0 and not app.running
    assert scene.preview.index == 1 and scene.preview.phase == "feedback"


def test_the_pictures_example_shows_each_picture_at_every_look(tmp_path):
    """`mi-trivia preview examples/pictures.yaml --screenshots DIR`: every question shows its picture, whole, at
    every look (its feedback too, where the play screen's layout keeps it: at 200 % text it gives way)."""
    from game.preview import start

    example = Path(__file__).resolve().parent.parent / "examples" / "pictures.yaml"
    preview = Preview(example)
    preview.reload()
    assert preview.entries and all(e.playable and not e.errors for e in preview.entries)
    app, scene = start(preview, fps=0, scores_dir=tmp_path / "scores", screenshots=tmp_path / "shots",
                       chrome=False)
    try:
        for size in range(3):
            for scale in range(3):
                preview.size, preview.scale, preview.theme = size, scale, (size + scale) % 2
                for index in range(len(preview.entries)):
                    for phase in ("question", "feedback"):
                        preview.index, preview.phase = index, phase
                        scene.apply_look()
                        app.compose(app.surface)
                        picture = scene.play.picture
                        if phase == "question":  # the feedback keeps it where the game's layout has room
                            assert picture.shown and picture.rect.width > 0, (index, app.ctx.size, scale)
                        if picture.shown:
                            assert app.surface.get_rect().contains(picture.rect)
        assert not app.ctx.pictures.failed
    finally:
        pygame.quit()


def test_a_picture_saved_again_shows_on_the_next_poll(tmp_path):
    """The pictures are watched with the file: a new drawing under the same name is read and decoded again."""
    from game.preview import start

    pygame.display.init()
    folder = tmp_path / "quiz"
    folder.mkdir()
    wide = pygame.Surface((400, 200))
    wide.fill((200, 40, 40))
    pygame.image.save(wide, str(folder / "map.png"))
    path = folder / "q.yaml"
    save(path, "questions:\n  - prompt: Which country is shaded on this map?\n    image: map.png\n"
               "    alt: A map with one country shaded.\n    choices: [Norway, Sweden]\n    answer: Norway\n")
    preview = Preview(path)
    preview.reload()
    assert [Path(p).name for p in preview.pictures] == ["map.png"]
    clock = Clock()
    app, scene = start(preview, fps=0, clock=clock, scores_dir=tmp_path / "scores", screenshots=tmp_path / "s")
    try:
        frame(app, clock)
        before = scene.play.picture.rect.size
        assert before[0] > before[1]  # wide
        tall = pygame.Surface((200, 400))
        tall.fill((40, 40, 200))
        pygame.image.save(tall, str(folder / "map.png"))
        stat = (folder / "map.png").stat()
        os.utime(folder / "map.png", ns=(stat.st_mtime_ns + 10**9, stat.st_mtime_ns + 10**9))
        frame(app, clock)
        after = scene.play.picture.rect.size
        assert after[0] < after[1] and preview.loads == 2  # the new drawing, in its own proportions
    finally:
        pygame.quit()


def test_a_missing_picture_drawn_afterwards_is_picked_up(tmp_path):
    """The author test: `image:` written first, the drawing made after; the preview read the file again only on R."""
    pygame.display.init()
    try:
        path = tmp_path / "q.yaml"
        save(path, "questions:\n  - prompt: Which country is shaded on this map?\n    image: 'map.png'  # soon\n"
                   "    alt: A map with one country shaded.\n    choices: [Norway, Sweden]\n    answer: Norway\n")
        preview = Preview(path)
        preview.reload()
        assert preview.shown is None  # refused: no such picture
        assert preview.poll(1.0) is False  # nothing changed yet
        pygame.image.save(pygame.Surface((40, 20)), str(tmp_path / "map.png"))
        assert preview.poll(2.0) is True and preview.shown is not None and preview.shown.image
    finally:
        pygame.quit()
