"""Rebuild game/core/confusables.txt from Unicode's confusables.txt (UTS #39's data file).

    python tools/confusables.py PATH/TO/confusables.txt

Keeps the mappings the game's name comparison can meet: those whose source character is left as it
is by the steps before the skeleton (NFKC, case folding and NFD; full-width letters, mathematical
letters and capitals are folded away by those already). Each line of the result is the source and
its prototype, in hexadecimal. The file keeps Unicode's copyright and permission notice and says that
it was modified, as that licence asks.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "game" / "core" / "confusables.txt"

NOTICE = """\
# Confusable characters for comparing nicknames (game/core/names.py), one per line:
#   SOURCE TARGET...   (code points in hexadecimal; SOURCE looks like the sequence TARGET)
#
# MODIFIED from Unicode's data file confusables.txt ({version}, {date}) by tools/confusables.py:
# only the mappings whose source survives NFKC, case folding and NFD (under the Unicode {unidata}
# data of the Python that built it) are kept, in this shorter form.
#
# COPYRIGHT AND PERMISSION NOTICE
#
# {copyright}
# Distributed under the Terms of Use in https://www.unicode.org/copyright.html.
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of the Unicode data
# files and any associated documentation (the "Data Files") or Unicode software and any associated
# documentation (the "Software") to deal in the Data Files or Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish, distribute, and/or sell copies
# of the Data Files or Software, and to permit persons to whom the Data Files or Software are
# furnished to do so, provided that either (a) this copyright and permission notice appear with all
# copies of the Data Files or Software, or (b) this copyright and permission notice appear in
# associated Documentation.
#
# THE DATA FILES AND SOFTWARE ARE PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
# INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT OF THIRD PARTY RIGHTS. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR HOLDERS INCLUDED IN
# THIS NOTICE BE LIABLE FOR ANY CLAIM, OR ANY SPECIAL INDIRECT OR CONSEQUENTIAL DAMAGES, OR ANY DAMAGES
# WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE
# OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THE DATA
# FILES OR SOFTWARE.
#
# Except as contained in this notice, the name of a copyright holder shall not be used in advertising
# or otherwise to promote the sale, use or other dealings in these Data Files or Software without
# prior written authorization of the copyright holder.
"""


def reached(char: str) -> bool:
    """The name comparison can meet ``char`` at the skeleton step."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFKC", char).casefold()) == char


def build(source: Path) -> str:
    version = date = copyright_ = ""
    rows = []
    for raw in source.read_text(encoding="utf-8-sig").splitlines():
        if raw.startswith("#"):
            text = raw[1:].strip()
            if text.startswith("Version:"):
                version = "version " + text.split(":", 1)[1].strip()
            elif text.startswith("Date:"):
                date = text.split(":", 1)[1].strip().split(",")[0]
            elif text.startswith("©") or text.startswith("Copyright"):
                copyright_ = text
            continue
        data = raw.split("#", 1)[0].strip()
        if not data:
            continue
        fields = [f.strip() for f in data.split(";")]
        if len(fields) < 2 or not reached(chr(int(fields[0], 16))):
            continue
        rows.append(f"{fields[0]} {fields[1]}")
    if not rows or not copyright_:
        raise SystemExit(f"{source} does not look like Unicode's confusables.txt")
    head = NOTICE.format(version=version, date=date, unidata=unicodedata.unidata_version,
                         copyright=copyright_)
    return head + "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    OUT.write_text(build(Path(argv[0])), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
