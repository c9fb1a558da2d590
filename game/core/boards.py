"""Which high-score board a game plays for, and what the board is called.

A board is a competition: one mode, one length, one set of questions to draw from and one clock.
Its id is ``MODE/LENGTH/SET`` (``/xF`` added for extra time), where ``SET`` is

* ``default`` for the default bank (``default-1a2b3c4d`` when a category, difficulty or kinds filter
  narrows it): the same board on every machine and every version of the game, whatever the seed;
* ``q-1a2b3c4d`` for the player's own questions: a digest of what the set *can* ask (each question's
  kind and key, its fact or its prompt), never of the words a seed generated, so every game from the
  same files and options lands on the same board.

Score files written before these ids (``classic/10/1a2b3c4d``: a digest of one game's generated
prompts, so nearly every game had a board of its own) are read with :func:`migrated`: an entry
from the default bank joins the default bank's board for its options (its label says which);
any other joins the one board of all earlier games with the same label.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from game.core.draw import most_questions
from game.core.kinds import label_of
from game.core.model import Question
from game.core.session import MODE_NAMES

DEFAULT_BANK = "default bank"
_LEGACY_SET = re.compile(r"[0-9a-f]{8}")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def stable_key(key: str) -> str:
    """A question's key without the folders of its file (a fact with no ``id`` is keyed by where it
    is: ``@/home/ana/q/crew.yaml:12`` counts as ``@crew.yaml:12`` wherever the files are)."""
    if key.startswith("@"):
        where, _, line = key[1:].rpartition(":")
        return "@" + re.split(r"[\\/]", where)[-1] + ":" + line
    return key


def questions_digest(questions: Iterable[Question]) -> str:
    """What a set of questions can ask, in 8 hex digits: the same for every seed."""
    return _digest("\n".join(sorted({f"{q.kind}|{stable_key(q.key)}" for q in questions})))


def set_id(questions: Iterable[Question], *, default_bank: bool, filters: str = "") -> str:
    """The ``SET`` part of a board id (see the module's notes)."""
    if default_bank:
        return "default" + (f"-{_digest(filters.casefold())}" if filters else "")
    return "q-" + questions_digest(questions)


def board_for(mode: str, questions: Sequence[Question], count: int, bank_label: str, time_factor: float = 1.0, *,
              default_bank: bool = False, filters: str = "") -> tuple[str, str]:
    """``(id, label)`` of the board a game plays for.

    ``questions``: every question the game could draw from; ``bank_label``: what they are called
    ("default bank", file names); ``filters``: the chosen category, difficulty and kinds in words
    (part of the label, and of the id of a filtered default bank).  Sudden death plays the whole
    set, so its boards have no length ("all")."""
    length = "all" if mode == "sudden-death" else str(count)
    board = f"{mode}/{length}/{set_id(questions, default_bank=default_bank, filters=filters)}"
    size = "every question" if mode == "sudden-death" else f"{count} question{'s' if count != 1 else ''}"
    label = f"{MODE_NAMES.get(mode, mode)} · {size} · {bank_label}" + (f", {filters}" if filters else "")
    if time_factor != 1.0:
        board += f"/x{time_factor:g}"
        label += f" · time ×{time_factor:g}"
    return board, label


def filters_text(category: str | None, difficulty: str | None, kinds: Sequence[str] | None) -> str:
    """The chosen category, difficulty and kinds in words ("" when none narrows the questions)."""
    parts = [part for part in (category, difficulty) if part]
    if kinds and label_of(kinds) != "All":  # the words of the title's Kinds button
        parts.append(f"kinds: {label_of(kinds)}")
    return ", ".join(parts)


def from_home_bank(question: Question, home_bank: str | None) -> bool:
    """Whether ``question`` comes from the default bank (``home_bank``: its path, when the player's
    questions folder is added to it; ``None``: it is not)."""
    return home_bank is not None and question.source.rsplit(":", 1)[0] == home_bank


def chosen_board(pool: Sequence[Question], *, mode: str, count: int, bank_label: str, time_factor: float | None,
                 filters: str = "", home_bank: str | None = None,
                 drawn: Iterable[Question] | None = None) -> tuple[str, str]:
    """``(id, label)`` of the board the chosen mode plays for (practice has none: its title button
    shows Classic's); ``pool``: every question the chosen options leave.

    A board is its mode, its length, the questions it can draw from and the clock.  Questions the
    player adds to their folder make a larger set, so games that ask any of them go on a board of
    their own ("default bank + your questions"); a game whose questions (``drawn``; before a game:
    any) all come from the default bank stays on the default bank's board, the one a player with no
    folder plays for, so adding files never takes that table away."""
    home = [q for q in pool if from_home_bank(q, home_bank)]
    label = bank_label
    if home and (drawn is None or all(from_home_bank(q, home_bank) for q in drawn)):
        pool, label = home, DEFAULT_BANK
    count = min(count, most_questions(pool)) if pool else count  # one per fact
    mode = mode if mode != "practice" else "classic"
    return board_for(mode, pool, count, label, time_factor or 1.0, default_bank=label == DEFAULT_BANK,
                     filters=filters)


def migrated(board: str, label: str) -> str:
    """The board an entry saved under ``board`` (and ``label``) belongs on now (see the module's notes)."""
    parts = board.split("/")
    if len(parts) < 3 or not _LEGACY_SET.fullmatch(parts[2]) or not label:
        return board
    pieces = label.split(" · ")
    if len(pieces) < 3:
        return board
    extra = "/" + parts[3] if len(parts) > 3 else ""
    if extra and len(pieces) > 3 and pieces[-1].startswith("time ×"):
        pieces = pieces[:-1]
    bank = " · ".join(pieces[2:])
    if bank == DEFAULT_BANK:
        new = "default"
    elif bank.startswith(DEFAULT_BANK + ", "):
        new = f"default-{_digest(bank[len(DEFAULT_BANK) + 2:].casefold())}"
    else:
        new = f"v1-{_digest(bank)}"
    return f"{parts[0]}/{parts[1]}/{new}{extra}"


def describe_board(board: str) -> str:
    """A board's label from its id alone (for entries saved without one): "Classic · 10 questions ·
    default bank · time ×2"."""
    parts = board.split("/")
    if len(parts) < 3:
        return board
    mode, length, which = parts[:3]
    size = "every question" if length == "all" else f"{length} question{'s' if length != '1' else ''}"
    if which == "default":
        bank = DEFAULT_BANK
    elif which.startswith("default-"):
        bank = f"{DEFAULT_BANK}, filtered"
    elif which.startswith("v1-"):
        bank = "games saved by an earlier version"
    else:
        bank = f"questions {which.removeprefix('q-')}"
    label = f"{MODE_NAMES.get(mode, mode)} · {size} · {bank}"
    if len(parts) > 3 and parts[3].startswith("x"):
        label += f" · time ×{parts[3][1:]}"
    return label
