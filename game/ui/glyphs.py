"""Which characters a font file can draw, read from its character map (no pygame).

pygame's fonts cannot say whether they have a glyph (a missing one renders as
an empty box), so :class:`game.ui.text.Text` asks this module which of its
fonts covers each character: the text face, or the emoji face behind it.
Only the ``cmap`` table of a TrueType/OpenType file is read: its Unicode
subtables of format 4 (the Basic Multilingual Plane) and 12 (all of Unicode).
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path

# Characters that shape a neighbour rather than stand alone: they go with the character before them
# (a zero-width joiner, variation selectors, skin tones, a keycap, the tags of a subdivision flag).
JOINERS = frozenset([0x200D, 0xFE0E, 0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080)])
EMOJI_PRESENTATION = 0xFE0F  # "show the character before me as an emoji"
PICTOGRAPHS = 0x1F000  # from here on, characters the emoji face has are drawn by it (one style for emoji)


@lru_cache(maxsize=16)
def codepoints(path: str | Path | None) -> frozenset[int] | None:
    """Every character ``path``'s font maps to a glyph; ``None`` when it cannot be read (then nothing is
    assumed: the caller uses the font as it always did)."""
    if path is None:
        return None
    try:
        data = Path(path).read_bytes()
        return frozenset(_read_cmap(data))
    except (OSError, ValueError, struct.error, IndexError):
        return None


def _read_cmap(data: bytes) -> set[int]:
    tables = struct.unpack_from(">H", data, 4)[0]
    for k in range(tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * k)
        if tag == b"cmap":
            return _subtable(data, offset)
    raise ValueError("no cmap table")


def _subtable(data: bytes, cmap: int) -> set[int]:
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    found: dict[int, int] = {}  # format -> offset of the best Unicode subtable of that format
    for k in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * k)
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3)) or platform == 0:
            fmt = struct.unpack_from(">H", data, cmap + offset)[0]
            found.setdefault(fmt, cmap + offset)
    if 12 in found:
        return _format12(data, found[12])
    if 4 in found:
        return _format4(data, found[4])
    raise ValueError("no Unicode character map of format 4 or 12")


def _format12(data: bytes, at: int) -> set[int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    out: set[int] = set()
    for k in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * k)
        first = start if glyph else start + 1  # glyph 0 is "missing"
        out.update(range(first, end + 1))
    return out


def _format4(data: bytes, at: int) -> set[int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts_at = at + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, starts_at + 2 * segments)
    ranges_at = starts_at + 4 * segments
    offsets = struct.unpack_from(f">{segments}H", data, ranges_at)
    out: set[int] = set()
    for k in range(segments):
        start, end = starts[k], ends[k]
        if start == 0xFFFF:
            continue
        for code in range(start, end + 1):
            if offsets[k] == 0:
                glyph = (code + deltas[k]) & 0xFFFF
            else:
                where = ranges_at + 2 * k + offsets[k] + 2 * (code - start)
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
            if glyph:
                out.add(code)
    return out


def runs(text: str, main: frozenset[int] | None, extra: frozenset[int] | None) -> list[tuple[str, bool]]:
    """``text`` cut into ``(part, from_extra)``: each character from the main font when it has it (or when
    neither has it: the main font's empty box), else from the extra one; a joiner goes with the character
    before it, and the extra font draws what it has of the pictographs (U+1F000 on) and any character
    asked to show as an emoji (followed by U+FE0F)."""
    if extra is None or main is None:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    previous: bool | None = None
    for i, ch in enumerate(text):
        code = ord(ch)
        if code in JOINERS and previous is not None:
            use = previous
        elif code in extra and (code not in main or code >= PICTOGRAPHS or
                                (i + 1 < len(text) and ord(text[i + 1]) == EMOJI_PRESENTATION)):
            use = True
        else:
            use = False
        if out and out[-1][1] == use:
            out[-1] = (out[-1][0] + ch, use)
        else:
            out.append((ch, use))
        previous = use
    return out
