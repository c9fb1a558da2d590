"""Issue 24: pictures in questions.

The checks (game/core/pictures.py, through the loader) run without pygame: the picture files here are
made byte by byte (a PNG's signature and IHDR, a JPEG's markers), so a header can claim any size.
The screen's side (game/ui/images.py) is tested with pygame further down: the loader never blocks a
frame, the setting, the review and the party's big screen.
"""

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from game.core import pictures as P
from game.core.questions import load_files, load_text

ROOT = Path(__file__).resolve().parent.parent


def png_bytes(width: int, height: int, extra: bytes = b"") -> bytes:
    """A PNG's signature and IHDR chunk saying ``width`` x ``height`` (no pixels: never decoded here)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return P.PNG_MAGIC + chunk + extra


def jpeg_bytes(width: int, height: int, exif: int = 0) -> bytes:
    """SOI, an APP1 segment of ``exif`` bytes (a camera's), a start of frame with the size, then EOI."""
    app1 = b"\xff\xe1" + struct.pack(">H", exif + 2) + b"\x00" * exif
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app1 + sof + b"\xff\xd9"


def bank_with(folder: Path, lines: str, name: str = "q.yaml"):
    path = folder / name
    path.write_text("questions:\n  - prompt: What is shown?\n    choices: [A train, A car]\n    answer: A train\n"
                    + lines)
    return load_files([path]), path


def only_problem(bank) -> str:
    assert len(bank.problems) == 1, [str(p) for p in bank.problems]
    assert not bank.questions
    return str(bank.problems[0])


# -- accepted ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name, data", [("train.png", png_bytes(640, 480)),
                                        ("train.jpg", jpeg_bytes(4000, 3000, 9000))])
def test_a_png_or_a_jpeg_beside_the_file_is_taken_with_its_description(tmp_path, name, data):
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / name).write_bytes(data)
    bank, _ = bank_with(tmp_path, f"    image: pics/{name}\n    alt: A train on a bridge\n")
    assert not bank.problems
    (question,) = bank.questions
    assert Path(question.image) == (tmp_path / "pics" / name).resolve()
    assert question.alt == "A train on a bridge"
    assert question.to_json()["image"] == question.image


def test_the_header_gives_the_size_without_decoding(tmp_path):
    (tmp_path / "a.png").write_bytes(png_bytes(321, 123))
    (tmp_path / "b.jpg").write_bytes(jpeg_bytes(4000, 3000, exif=20000))
    a, b = P.check_picture("a.png", tmp_path), P.check_picture("b.jpg", tmp_path)
    assert (a.format, a.width, a.height) == ("PNG", 321, 123)
    assert (b.format, b.width, b.height) == ("JPEG", 4000, 3000)


def test_the_default_bank_and_its_kinds_have_no_pictures_and_load_as_before():
    bank = load_files([ROOT / "questions.yaml"])
    assert not bank.problems and bank.questions
    assert all(q.image is None and q.alt is None for q in bank.questions)
    assert all("image" not in q.to_json() for q in bank.questions)


def test_the_example_file_loads_with_its_pictures():
    bank = load_files([ROOT / "examples" / "pictures.yaml"])
    assert not bank.problems and len(bank.questions) >= 3
    for question in bank.questions:
        assert Path(question.image).is_file() and question.alt
        assert Path(question.image).stat().st_size < 64 * 1024  # drawn diagrams: small


# -- refused, each at its line and column -------------------------------------------------------
def test_a_missing_picture(tmp_path):
    message = only_problem(bank_with(tmp_path, "    image: nowhere.png\n    alt: Nothing\n")[0])
    assert ":5:12: " in message and "no such picture" in message and "nowhere.png" in message


def test_a_file_that_is_not_a_png_or_jpeg_whatever_its_name(tmp_path):
    (tmp_path / "fake.png").write_text("<svg></svg>")
    message = only_problem(bank_with(tmp_path, "    image: fake.png\n    alt: A drawing\n")[0])
    assert ":5:12: " in message and "not a PNG or JPEG" in message


@pytest.mark.parametrize("data", [P.PNG_MAGIC + b"\x00" * 4, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 9])
def test_a_broken_header(tmp_path, data):
    (tmp_path / "broken.jpg").write_bytes(data)
    assert "broken" in only_problem(bank_with(tmp_path, "    image: broken.jpg\n    alt: A drawing\n")[0])


@pytest.mark.parametrize("written, says", [
    ("https://example.com/train.png", "URL"),
    ("file:///etc/passwd", "URL"),
    ("data:image/png;base64,AAAA", "URL"),
    ("/etc/hostname", "absolute"),
    ("C:/pictures/train.png", "absolute"),
    ("../train.png", "leaves the question file's folder"),
    ("pics/../../train.png", "leaves the question file's folder"),
])
def test_a_path_that_leaves_the_folder_or_a_url(tmp_path, written, says):
    (tmp_path / "train.png").write_bytes(png_bytes(10, 10))
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pics").mkdir()
    message = only_problem(bank_with(inner, f"    image: '{written}'\n    alt: A drawing\n")[0])
    assert ":5:12: " in message and says in message


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symbolic links")
def test_a_link_that_leads_outside_the_folder(tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(png_bytes(10, 10))
    inner = tmp_path / "bank"
    inner.mkdir()
    (inner / "innocent.png").symlink_to(outside)
    (inner / "pics").symlink_to(tmp_path)
    for written in ("innocent.png", "pics/secret.png"):
        message = only_problem(bank_with(inner, f"    image: {written}\n    alt: A drawing\n")[0])
        assert "outside the question file's folder" in message
    (inner / "real.png").write_bytes(png_bytes(10, 10))
    (inner / "inside.png").symlink_to(inner / "real.png")  # a link within the folder is fine
    assert not bank_with(inner, "    image: inside.png\n    alt: A drawing\n")[0].problems


def test_over_the_byte_limit(tmp_path):
    with open(tmp_path / "huge.png", "wb") as handle:
        handle.write(png_bytes(100, 100))
        handle.truncate(P.MAX_BYTES + 1)  # sparse: nothing much written
    message = only_problem(bank_with(tmp_path, "    image: huge.png\n    alt: A drawing\n")[0])
    assert "MB" in message and f"{P.MAX_BYTES / (1024 * 1024):.1f} MB" in message


@pytest.mark.parametrize("name, data", [
    ("bomb.png", png_bytes(30000, 30000)),       # a few dozen bytes that would decode to 2.7 GB
    ("wide.png", png_bytes(P.MAX_SIDE + 1, 10)),
    ("many.jpg", jpeg_bytes(5000, 4000)),        # 20 Mpx
])
def test_over_the_pixel_limit_before_any_decoding(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    assert len(data) < 200
    message = only_problem(bank_with(tmp_path, f"    image: {name}\n    alt: A drawing\n")[0])
    assert ":5:12: " in message and "pixels" in message


def test_a_picture_needs_a_short_alt_and_alt_needs_a_picture(tmp_path):
    (tmp_path / "a.png").write_bytes(png_bytes(10, 10))
    message = only_problem(bank_with(tmp_path, "    image: a.png\n")[0])
    assert ":5:5: " in message and "'alt'" in message
    message = only_problem(bank_with(tmp_path, "    image: a.png\n    alt: ''\n")[0])
    assert ":6:10: " in message and "empty" in message
    message = only_problem(bank_with(tmp_path, f"    image: a.png\n    alt: {'w' * (P.ALT_MAX + 1)}\n")[0])
    assert ":6:10: " in message and str(P.ALT_MAX) in message
    message = only_problem(bank_with(tmp_path, "    alt: A drawing\n")[0])
    assert ":5:5: " in message and "no 'image'" in message


def test_every_kind_may_have_a_picture(tmp_path):
    (tmp_path / "a.png").write_bytes(png_bytes(10, 10))
    path = tmp_path / "kinds.yaml"
    path.write_text("questions:\n"
                    "  - {prompt: 'Was it a train?', type: truefalse, answer: true, image: a.png, alt: A box}\n"
                    "  - {prompt: 'How fast?', type: estimate, answer: 60, min: 0, max: 100, image: a.png, alt: A}\n"
                    "  - {prompt: 'Which word?', type: type, answer: train, image: a.png, alt: A box}\n")
    bank = load_files([path])
    assert not bank.problems and [q.image for q in bank.questions] == [str((tmp_path / "a.png").resolve())] * 3


def test_text_from_nowhere_looks_beside_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "a.png").write_bytes(png_bytes(10, 10))
    monkeypatch.chdir(tmp_path)
    bank = load_text("questions:\n  - {prompt: 'Q?', choices: [a, b], answer: a, image: a.png, alt: A box}\n",
                     "<stdin>")
    assert not bank.problems


def test_validate_shows_the_messages(tmp_path, capsys):
    from game.cli import main

    (tmp_path / "fake.jpg").write_text("not a picture")
    _, path = bank_with(tmp_path, "    image: fake.jpg\n    alt: A drawing\n")
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"{path}:5:12: " in out + err and "not a PNG or JPEG" in out + err


def test_the_checks_need_no_pygame(tmp_path):
    (tmp_path / "a.png").write_bytes(png_bytes(10, 10))
    _, path = bank_with(tmp_path, "    image: a.png\n    alt: A box\n")
    code = ("import sys; from pathlib import Path; from game.core.questions import load_files; "
            f"b = load_files([Path({str(path)!r})]); assert not b.problems and b.questions[0].image; "
            "assert 'pygame' not in sys.modules, 'pygame was imported'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_the_schema_asks_for_alt_with_image_and_refuses_urls_and_dotdot():
    import json

    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "game" / "schema" / "questions.schema.json").read_text())
    base = {"prompt": "Q?", "choices": ["a", "b"], "answer": "a"}

    def ok(**extra):
        try:
            jsonschema.validate({"questions": [{**base, **extra}]}, schema)
            return True
        except jsonschema.ValidationError:
            return False

    assert ok(image="pics/a.png", alt="A box")
    assert not ok(image="pics/a.png") and not ok(alt="A box")
    assert not ok(image="../a.png", alt="A") and not ok(image="https://x/a.png", alt="A")
    assert not ok(image="/a.png", alt="A")


# -- on screen (pygame) -----------------------------------------------------------------------------
def real_png(folder: Path, name: str = "pic.png", size=(120, 80), colour=(200, 30, 30)) -> Path:
    import pygame

    surface = pygame.Surface(size)
    surface.fill(colour)
    path = folder / name
    pygame.image.save(surface, str(path))
    return path


@pytest.fixture
def window():
    import pygame

    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((320, 240))
    yield pygame
    pygame.quit()


def test_the_first_draw_never_waits_for_the_file_and_the_picture_comes_after_the_worker(tmp_path, window, monkeypatch):
    import threading

    from game.ui.images import Pictures

    pygame = window
    path = str(real_png(tmp_path))
    gate, real_load = threading.Event(), pygame.image.load

    def slow_load(*args):  # a file that takes its time (a slow disk, a huge JPEG)
        assert gate.wait(10)
        return real_load(*args)

    monkeypatch.setattr(pygame.image, "load", slow_load)
    pictures = Pictures()
    try:
        assert pictures.get(path, (60, 40)) is None  # returns at once: the worker has it
        assert pictures.stand_in(path, (60, 40)) is None  # nothing to stand in yet: the placeholder is drawn
        assert pictures.loading() and not pictures.pump()
        assert pictures.get(path, (60, 40)) is None  # asked once only
        gate.set()
        pictures.wait()
        image = pictures.get(path, (60, 40))
        assert image is not None and image.get_size() == (60, 40)
        assert tuple(image.get_at((30, 20)))[:3] == (200, 30, 30)
        assert pictures.get(path, (30, 20)) is None  # another size: scaled by the worker too...
        assert pictures.stand_in(path, (30, 20)).get_size() == (30, 20)  # (meanwhile the other size, stretched)
        pictures.wait()
        assert pictures.get(path, (30, 20)).get_size() == (30, 20)
        assert pictures.loads == 1  # ...from the picture decoded once
    finally:
        pictures.close()


def test_pump_says_when_a_picture_arrived(tmp_path, window):
    import time

    from game.ui.images import Pictures

    pictures = Pictures()
    try:
        path = str(real_png(tmp_path))
        assert pictures.get(path, (12, 8)) is None
        deadline = time.monotonic() + 10
        while not pictures.pump():
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert pictures.get(path, (12, 8)) is not None and not pictures.loading()
    finally:
        pictures.close()


def test_a_picture_that_went_bad_after_the_check_draws_its_placeholder(tmp_path, window):
    from game.ui.images import Pictures

    pictures = Pictures(sync=True)
    path = tmp_path / "gone.png"
    path.write_bytes(png_bytes(100, 100))  # a header, no pixels: cannot be decoded
    assert pictures.get(str(path), (10, 10)) is None
    assert str(path) in pictures.failed


def test_a_large_picture_is_kept_smaller_once_decoded(tmp_path, window):
    from game.ui.images import KEEP_SIDE, Pictures

    path = str(real_png(tmp_path, "big.png", (KEEP_SIDE * 2, 100)))
    pictures = Pictures(sync=True)
    assert pictures.get(path, (400, 10)).get_size() == (400, 10)
    assert max(pictures._decoded[path].get_size()) == KEEP_SIDE


def test_fitted_keeps_the_proportions():
    import pygame

    from game.ui.images import fitted

    for picture in ((4000, 3000), (300, 1000), (50, 20)):
        for box in (pygame.Rect(0, 0, 700, 200), pygame.Rect(10, 10, 200, 700)):
            rect = fitted(picture, box)
            assert box.contains(rect)
            assert abs(rect.width / rect.height - picture[0] / picture[1]) < 2 / min(rect.size)


def red(colour) -> bool:
    """The test picture's red (scaling may shift it by a few levels)."""
    return abs(colour[0] - 200) <= 8 and abs(colour[1] - 30) <= 8 and abs(colour[2] - 30) <= 8


def picture_app(tmp_path, describe=False, size=(1280, 720), scale=1.0, count=2, mode=None):
    """An app whose questions each have a picture (a real PNG)."""
    import pygame

    from game.app import App, Options
    from game.core.model import Question
    from game.core.questions import Bank
    from game.core.scores import ScoreStore
    from game.core.settings import Settings

    pygame.display.init()
    pygame.font.init()
    path = str(real_png(tmp_path, size=(300, 200)))
    questions = [Question(prompt=f"Which picture is number {i}?", choices=("This one", "That one"), answer="This one",
                          image=path, alt=f"A red box, number {i}") for i in range(4)]
    app = App(Options(count=count, seed=1, size=size), Bank(questions=questions, files=["p.yaml"]),
              ScoreStore(tmp_path / "s.json"), settings=Settings(describe_pictures=describe, text_scale=scale))
    app.ctx.pictures.sync = True  # the pictures are whole at the first draw (as in a screenshot run)
    app.open_window()
    return app


def recorded(app, scene):
    from game.ui.record import RecordingSurface

    scene.layout(*app.size)
    surface = RecordingSurface(app.size, app.ctx.text)
    try:
        scene.draw(surface)
    finally:
        surface.finish()
    return surface


def play_scene(app):
    import random

    from game.core.session import Session
    from game.ui.scenes.play import PlayScene

    session = Session(app.ctx.bank.questions, count=2, rng=random.Random(1))
    app.ctx.games.session = session
    play = PlayScene(app.ctx, session)
    app.stack.push(play)
    play.intro = 99
    return play


@pytest.mark.parametrize("describe", [False, True])
def test_the_play_scene_shows_the_picture_and_the_setting_its_description(tmp_path, describe):
    import pygame

    app = picture_app(tmp_path, describe)
    try:
        play = play_scene(app)
        surface = recorded(app, play)
        (box,) = [b for b in surface.boxes if b.kind == "picture"]
        assert box.rect.width / box.rect.height == pytest.approx(1.5, abs=0.02)
        prompt = next(b for b in surface.boxes if b.kind == "prompt")
        assert box.rect.bottom <= prompt.rect.top
        assert red(surface.get_at(box.rect.center))
        alt = play.session.current.question.alt
        assert any(line.text == alt for line in surface.lines) == describe
    finally:
        pygame.quit()


def test_the_describe_setting_is_saved_and_changed_on_the_settings_screen(tmp_path):
    import json

    import pygame

    from game.core import settings as S
    from game.ui import intents as I
    from game.ui.intents import Intent
    from game.ui.scenes.settings import PICTURES, SettingsScene

    assert S.parse_settings(b'{"describe_pictures": true}')[0].describe_pictures is True
    assert S.Settings().describe_pictures is False
    assert json.loads(json.dumps(S.Settings(describe_pictures=True).to_json()))["describe_pictures"] is True
    app = picture_app(tmp_path)
    try:
        play = play_scene(app)
        plain = play.picture.rect.copy()
        scene = SettingsScene(app.ctx)
        app.stack.push(scene)
        scene.menu.focus = PICTURES
        scene.handle(Intent(I.MOVE, dx=1))
        assert app.ctx.settings.describe_pictures is True
        assert "Describe pictures" in scene.menu.buttons[PICTURES].label
        app.stack.pop()
        # The play scene was laid out again: the description takes room under the picture.
        assert play.picture.describe and play.picture.rect.height < plain.height
    finally:
        pygame.quit()


def test_the_review_shows_the_picture_small_and_its_description_always(tmp_path):
    import pygame

    from game.ui.scenes.review import ReviewScene

    app = picture_app(tmp_path)
    try:
        play = play_scene(app)
        session = play.session
        for _ in range(2):
            session.start()
            session.answer(session.current.correct)
            session.advance()
        review = ReviewScene(app.ctx, session)
        surface = recorded(app, review)
        pictures = [step for step in review.steps if step[1] == "picture"]
        assert pictures and all(data[2] <= app.ctx.metrics.px(110) for _, _, data in pictures)
        assert any(line.text.startswith("Picture: A red box") for line in surface.lines)
        x, w, h, _, _ = pictures[0][2]
        top = review.view.top + pictures[0][0] - review.offset
        assert red(surface.get_at((review.view.left + x + w // 2, top + h // 2)))
    finally:
        pygame.quit()


def test_the_party_big_screen_shows_the_picture(tmp_path):
    import random

    import pygame

    from game.core.session import Session
    from game.net.game import PartyGame
    from game.ui.scenes.party_play import PartyPlayScene

    app = picture_app(tmp_path, size=(1920, 1080))
    try:
        rounds = Session(app.ctx.bank.questions, count=2, rng=random.Random(1)).rounds
        party = PartyGame(rounds, addresses=["192.168.1.2"], clock=lambda: 100.0)
        party.server.address = ("192.168.1.2", 8765)
        app.ctx.parties.current, app.options.mode = party, "party"
        party.room.join("Max", party.pin)
        play = PartyPlayScene(app.ctx, party)
        app.stack.push(play)
        surface = recorded(app, play)
        (box,) = [b for b in surface.boxes if b.kind == "picture"]
        assert box.rect.width / box.rect.height == pytest.approx(1.5, abs=0.02)
        assert box.rect.bottom <= next(b for b in surface.boxes if b.kind == "prompt").rect.top
        assert red(surface.get_at(box.rect.center))
        # The phones get the answers only: no picture in what is sent to them.
        from game.core import kinds

        payload = kinds.of(party.round).phone_payload(party.round)
        assert "image" not in str(payload) and ".png" not in str(payload)
    finally:
        app.ctx.parties.end()
        pygame.quit()
