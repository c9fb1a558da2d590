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
@pytest.mark.parametrize("name, data", [("train.png", png_bytes(640, 480)), ("train.jpg", jpeg_bytes(4000, 3000, 9000))])
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
