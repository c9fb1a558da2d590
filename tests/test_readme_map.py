"""The README's "How it is built" map is true to the tree (issue 20, point 7).

The map is the code block under that heading.  A line that starts (after its indentation) with one or
more names ending in ``.py`` or ``/``, separated by commas, lists those entries; the description follows
after two spaces or more.  An entry belongs to the nearest folder above it that is indented less.
Every module under game/ and tools/ must be named there, and every name there must exist.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NAME = r"[\w.]+(?:\.py|/)"
ENTRY = re.compile(rf"^(?P<indent> *)(?P<names>{NAME}(?:, *{NAME})*),?(?: {{2,}}\S.*)? *$")
COVERED = ("game", "tools")  # every module under these is named in the map


def map_block(readme: str) -> list[str]:
    """The lines of the code block under "## How it is built"."""
    section = readme.split("\n## How it is built\n", 1)[1]
    block = section.split("```", 2)[1]
    return block.split("\n")[1:]  # the first line is the block's language (none)


def named_paths(lines: list[str]) -> list[tuple[int, Path]]:
    """``(line number in the block, path from the repository's root)`` for each entry of the map."""
    folders: list[tuple[int, Path]] = []  # (indent, path) of the folders the current line sits in
    found = []
    for number, line in enumerate(lines, start=1):
        match = ENTRY.match(line)
        if match is None:
            continue  # a description carried on to another line
        indent = len(match["indent"])
        while folders and folders[-1][0] >= indent:
            folders.pop()
        parent = folders[-1][1] if folders else Path()
        for name in (n.strip() for n in match["names"].split(",") if n.strip()):
            path = parent / name.rstrip("/")
            found.append((number, path))
            if name.endswith("/"):
                folders.append((indent, path))
    return found


def needs_a_line(path: Path) -> bool:
    """Every module does, except a package's ``__init__.py`` that only names the package (a docstring,
    a version): nothing defined or imported in it."""
    if path.name != "__init__.py":
        return True
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom))
               for node in tree.body)


@pytest.fixture(scope="module")
def entries() -> list[tuple[int, Path]]:
    return named_paths(map_block((ROOT / "README.md").read_text(encoding="utf-8")))


def test_the_map_is_found_and_reads_as_a_tree(entries):
    paths = {path for _, path in entries}
    assert Path("game") in paths and Path("game/core/kinds/base.py") in paths and Path("tools/lock.py") in paths


def test_every_name_in_the_map_exists(entries):
    missing = [f"line {number}: {path}" for number, path in entries if not (ROOT / path).exists()]
    assert not missing, "the README's map names what is not in the tree:\n" + "\n".join(missing)


def test_every_module_is_in_the_map(entries):
    named = {path for _, path in entries}
    modules = sorted(path.relative_to(ROOT) for folder in COVERED for path in (ROOT / folder).rglob("*.py")
                     if "__pycache__" not in path.parts and needs_a_line(path))
    left_out = [str(module) for module in modules if module not in named]
    assert not left_out, "modules the README's map does not name:\n" + "\n".join(left_out)


def test_a_module_is_named_once(entries):
    seen: dict[Path, int] = {}
    twice = []
    for number, path in entries:
        if path in seen:
            twice.append(f"{path}: lines {seen[path]} and {number}")
        seen.setdefault(path, number)
    assert not twice, "named more than once in the README's map:\n" + "\n".join(twice)


def test_the_reader_follows_the_indentation():
    lines = ["game/", "  core/          rules", "    a.py, b.py   two", "                   more words",
             "      e.py, f.py,", "      g.py", "  c.py           top", "tools/", "  d.py  a tool"]
    assert [str(p) for _, p in named_paths(lines)] == ["game", "game/core", "game/core/a.py", "game/core/b.py",
                                                       "game/core/e.py", "game/core/f.py", "game/core/g.py",
                                                       "game/c.py", "tools", "tools/d.py"]
