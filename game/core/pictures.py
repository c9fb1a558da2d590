"""Pictures in questions, checked before anything decodes them (no pygame here).

A question may name ``image: path`` (a PNG or a JPEG beside its question file) and must then
describe it in ``alt:``.  Everything a picture could do wrong is found here, from the path and
the first bytes of the file only:

* a URL, an absolute path, or a path that leaves the question file's folder (``..``, or a link
  whose target lies outside: the path is resolved and compared with the folder);
* no such file, or something that is not a regular file;
* a file that is not a PNG or a JPEG (by its first bytes, whatever its name says);
* a file over :data:`MAX_BYTES`, or a picture over :data:`MAX_SIDE` on a side or :data:`MAX_PIXELS`
  in all: the width and height are read from the PNG's ``IHDR`` chunk or the JPEG's start-of-frame
  segment, so a small file that would decode to a huge picture is refused before it is decoded.
"""

from __future__ import annotations

import os
import re
import stat
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 8 * 1024 * 1024
MAX_SIDE = 8192
MAX_PIXELS = 16_000_000
ALT_MAX = 150  # characters: a short description, shown under the picture

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
# JPEG markers that start a frame and carry its size (not DHT C4, JPG C8, DAC CC).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:(//|[^\\/])")  # http://…, file://…, data:…, but not C:\ or C:/


class PictureProblem(Exception):
    """Why a picture cannot be used (the message names the file as written)."""


@dataclass(frozen=True)
class Picture:
    """A picture that passed every check: its resolved path, format and size in pixels."""

    path: Path
    format: str  # "PNG" or "JPEG"
    width: int
    height: int


def mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def check_picture(written: str, folder: Path) -> Picture:
    """The picture ``written`` (as in the question file) relative to ``folder`` (the file's folder), or
    :class:`PictureProblem` saying what is wrong with it."""
    text = written.strip()
    if _URL.match(text) and not re.match(r"^[A-Za-z]:[\\/]", text):
        raise PictureProblem(f"'{text}' is a URL: a picture must be a file in the question file's folder "
                             "(the game never fetches from the network)")
    relative = Path(text.replace("\\", "/"))
    if relative.is_absolute() or text.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", text):
        raise PictureProblem(f"'{text}' is an absolute path: write it relative to the question file's folder")
    if ".." in relative.parts:
        raise PictureProblem(f"'{text}' leaves the question file's folder ('..'): keep pictures in that folder "
                             "or below it")
    try:
        home = folder.resolve()
        target = (home / relative).resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise PictureProblem(f"'{text}' cannot be followed: {exc}") from None
    if target != home and home not in target.parents:
        raise PictureProblem(f"'{text}' leads outside the question file's folder (through a link): keep "
                             "pictures in that folder or below it")
    try:
        info = target.stat()
    except FileNotFoundError:
        raise PictureProblem(f"no such picture: '{text}' (looked in the question file's folder, {home})") from None
    except OSError as exc:
        raise PictureProblem(f"'{text}' cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise PictureProblem(f"'{text}' is not a file")
    if info.st_size > MAX_BYTES:
        raise PictureProblem(f"'{text}' is {mb(info.st_size)}; a picture may be at most {mb(MAX_BYTES)}")
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            kind, width, height = read_size(handle, text)
    except OSError as exc:
        raise PictureProblem(f"'{text}' cannot be read: {exc.strerror or exc}") from None
    if width <= 0 or height <= 0:
        raise PictureProblem(f"'{text}' says it is {width}x{height} pixels: the file is broken")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise PictureProblem(f"'{text}' is {width}x{height} pixels; a picture may be at most {MAX_SIDE} on a side "
                             f"and {MAX_PIXELS // 1_000_000} million pixels in all (scale it down)")
    return Picture(target, kind, width, height)


def read_size(handle: BinaryIO, name: str = "the file") -> tuple[str, int, int]:
    """``(format, width, height)`` from a PNG's or a JPEG's header, read from the open binary ``handle``."""
    head = handle.read(32)
    if head.startswith(PNG_MAGIC):
        if len(head) < 24 or head[12:16] != b"IHDR":
            raise PictureProblem(f"'{name}' starts as a PNG but has no header (IHDR): the file is broken")
        width, height = struct.unpack(">II", head[16:24])
        return "PNG", width, height
    if head.startswith(JPEG_MAGIC):
        handle.seek(2)
        return ("JPEG", *_jpeg_size(handle, name))
    raise PictureProblem(f"'{name}' is not a PNG or JPEG picture (by its first bytes)")


def _jpeg_size(handle: BinaryIO, name: str) -> tuple[int, int]:
    """Walk the JPEG's segments (each says its length) to the start of frame, which holds the size."""
    for _ in range(10_000):  # far more segments than any real file has
        byte = handle.read(1)
        while byte and byte != b"\xff":  # stray bytes between segments: tolerated, as decoders do
            byte = handle.read(1)
        while byte == b"\xff":  # fill bytes
            byte = handle.read(1)
        if not byte:
            break
        marker = byte[0]
        if marker == 0xD8 or marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue  # markers with no length
        if marker in (0xD9, 0xDA):  # the end, or the picture data, before any size
            break
        raw = handle.read(2)
        if len(raw) < 2:
            break
        (length,) = struct.unpack(">H", raw)
        if length < 2:
            break
        if marker in _SOF:
            body = handle.read(5)
            if len(body) < 5:
                break
            height, width = struct.unpack(">HH", body[1:5])
            return width, height
        handle.seek(length - 2, os.SEEK_CUR)
    raise PictureProblem(f"'{name}' starts as a JPEG but its size cannot be found: the file is broken")
