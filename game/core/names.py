"""Nicknames compared as people read them (a party's names; no pygame here).

Two names are the same name when they look the same on the big screen: ``"Alice"``, ``"ALICE "``,
``"Аlice"`` (a Cyrillic А), ``"Al\\u200bice"`` (a zero-width space), ``"Ａlice"`` (full width) and
``"Amélie"`` in either of its Unicode spellings all have one :func:`look_alike_key`.  The key is
Unicode's recipe for spotting look-alikes (UTS #39, the "skeleton"), after the steps that make
spellings equal:

1. NFKC: compatibility forms (full-width, mathematical, ligatures) become plain letters;
2. invisible and formatting characters are dropped (zero-width spaces and joiners, direction marks,
   variation selectors, fillers), and runs of space become one;
3. case folding;
4. the skeleton: NFD, each character replaced by its prototype from Unicode's confusables table
   (``confusables.txt`` beside this file, a subset of Unicode's own: see its notice), NFD again;
5. case folding again (some prototypes are capitals: the digit 0 looks like O).

Python's ``unicodedata`` gives steps 1 to 3; the table gives step 4, and nothing else is needed.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "confusables.txt"

# Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt): drawn as nothing at all.
_IGNORABLE = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
              (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
              (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
              (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF))
_BLANK = frozenset({0x2800})  # drawn as an empty cell (Braille pattern blank)


def invisible(char: str) -> bool:
    """Drawn as nothing: a control or formatting character, a default-ignorable one, or a blank."""
    code = ord(char)
    if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") or code in _BLANK:
        return True
    return any(low <= code <= high for low, high in _IGNORABLE)


def visible(text: str) -> bool:
    """Something a person can see: a letter, a digit, a mark of punctuation or a symbol (a space, a
    zero-width character or an accent on nothing is not)."""
    return any(unicodedata.category(ch)[0] in "LNPS" and not invisible(ch) for ch in text)


def prepare() -> None:
    """Read the confusables table now (a party opening), not at the first join (a frame of the game)."""
    _prototypes()


@lru_cache(maxsize=1)
def _prototypes() -> dict[str, str]:
    table: dict[str, str] = {}
    try:
        lines = TABLE.read_text(encoding="utf-8").splitlines()
    except OSError:  # a broken install: names are still compared by steps 1 to 3 and 5
        return table
    for line in lines:
        if line and not line.startswith("#"):
            source, *target = line.split()
            table[chr(int(source, 16))] = "".join(chr(int(t, 16)) for t in target)
    return table


def skeleton(text: str) -> str:
    """UTS #39's skeleton of ``text``: NFD, each character's prototype, NFD."""
    table = _prototypes()
    mapped = "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


def readable(text: str) -> str:
    """``text`` as it reads: NFKC, invisible characters out, one space between words, ends trimmed."""
    kept = "".join(ch for ch in unicodedata.normalize("NFKC", text) if not invisible(ch))
    return " ".join(kept.split())


def look_alike_key(name: str) -> str:
    """Names that read the same, whatever their spelling in Unicode, have the same key."""
    return skeleton(readable(name).casefold()).casefold()


def display_name(name: str) -> str:
    """A name as it is kept and shown: in one Unicode spelling (NFC), so that "Amélie" is one name
    however a phone's keyboard spelled it.  Emoji sequences (joiners, skin tones) stay as typed."""
    return unicodedata.normalize("NFC", name)
