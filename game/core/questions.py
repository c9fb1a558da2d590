"""Loading question banks: files, folders, checks with positions, and the result.

A bank file is a YAML mapping with any of three keys:

``questions``
    hand-written questions in the fixed format (prompt, choices, answer and
    the optional category, difficulty, time_limit, explanation);
``facts``
    facts from which questions are generated (see :mod:`game.core.facts`);
``pools``
    named lists of answers of one class, for the facts' wrong answers.

Every problem is reported, not just the first, as ``PATH:LINE:COLUMN: message``.
A question with a problem is skipped; the good ones still play.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.core import kinds, yamldoc
from game.core.checks import Checker
from game.core.draw import same_numbers_apart
from game.core.facts import Fact, order_questions, read_fact, read_groups, read_pools, read_reveals
from game.core.fairness import bank_warnings
from game.core.kinds.fields import within
from game.core.model import (
    DIFFICULTIES,
    EXPLANATION_MAX,
    PROMPT_MAX,
    TIME_LIMIT_MAX,
    TIME_LIMIT_MIN,
    Problem,
    Question,
    clip,
    one_line,
)
from game.core.pictures import ALT_MAX, PictureProblem, check_picture
from game.core.yamldoc import Node

# A question that depends on the seed: how to make it for another seed, and what it made for this one.
Remake = tuple[Callable[[int], list[Question]], list[Question]]
# Reads one item of a list: a question, the questions a fact makes, or None when it could not be read.
Reader = Callable[[Node], "Question | list[Question] | None"]


def question_keys() -> tuple[str, ...]:
    """Every key a hand-written question may have: the common ones and each kind's."""
    return tuple(dict.fromkeys(COMMON_KEYS + tuple(key for kind in kinds.REGISTRY.values() for key in kind.keys)))

TOP_KEYS = ("questions", "facts", "pools", "groups")
# The keys every hand-written question may have; each kind adds its own (game.core.kinds: Kind.keys).
COMMON_KEYS = ("prompt", "category", "difficulty", "time_limit", "explanation", "type", "id", "reveals", "image",
               "alt")
YAML_SUFFIXES = (".yaml", ".yml")
GIVEAWAYS_LISTED = 5  # warnings for one answer's words, then one line saying how many more


@dataclass(frozen=True)
class Sighting:
    """A text a player is shown (a prompt, an explanation, an answer), where it is in its file."""

    path: str
    line: int
    column: int
    what: str
    text: str
    key: str  # the question's key


class UnreadablePath(Exception):
    """A path given by the user that cannot be read at all (exit status 2)."""


@dataclass
class Bank:
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    skipped: int = 0
    unread: list[str] = field(default_factory=list)  # files dropped whole: unreadable, not YAML, not a file
    warnings: list[Problem] = field(default_factory=list)  # the questions still play
    sightings: list[Sighting] | None = None  # where each text is, while looking for giveaways

    def extend(self, other: Bank) -> None:
        self.questions.extend(other.questions)
        self.problems.extend(other.problems)
        self.warnings.extend(other.warnings)
        if self.sightings is not None and other.sightings is not None:
            self.sightings.extend(other.sightings)
        self.files.extend(other.files)
        self.skipped += other.skipped
        self.unread.extend(other.unread)

    def summary(self) -> str:
        """"12 questions usable, 2 skipped; 1 file could not be read (nothing in it was loaded)"."""
        usable, parts = len(self.questions), []
        if usable or self.skipped or not self.unread:
            parts.append(f"{usable} question{'s' if usable != 1 else ''} usable, {self.skipped} skipped")
        if self.unread:
            n = len(self.unread)
            parts.append(f"{n} file{'s' if n != 1 else ''} could not be read (nothing in "
                         f"{'it' if n == 1 else 'them'} was loaded)")
        return "; ".join(parts)

    def categories(self) -> list[str]:
        return sorted({q.category for q in self.questions if q.category})

    def filtered(self, category: str | None = None, difficulty: str | None = None,
                 kinds: Iterable[str] | None = None) -> list[Question]:
        """The questions of ``category``, ``difficulty`` and ``kinds`` (``None``: any)."""
        out = self.questions
        if kinds:
            wanted = set(kinds)
            out = [q for q in out if q.kind in wanted]
        if category:
            out = [q for q in out if q.category and q.category.casefold() == category.casefold()]
        if difficulty:
            out = [q for q in out if q.difficulty == difficulty.lower()]
        return out


def not_a_file(path: Path, mode: int) -> str | None:
    """Why ``path`` (its ``st_mode``) is not a question file or folder, or ``None`` if it is one."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    what = ("a named pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    return f"{path}: {what}, not a question file; it was not opened"


def expand_paths(paths: list[Path]) -> tuple[list[Path], Bank]:
    """Files as given; folders become their ``*.yaml``/``*.yml`` files, sorted.

    Only regular files are ever opened: a named pipe or a device given by name is refused
    (:class:`UnreadablePath`); one found in a folder is reported in the returned bank and left alone."""
    files: list[Path] = []
    refused = Bank()
    for path in paths:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise UnreadablePath(f"{path}: no such file or folder") from None
        except OSError as exc:
            raise UnreadablePath(f"{path}: cannot read: {exc.strerror or exc}") from None
        why = not_a_file(path, mode)
        if why:
            raise UnreadablePath(why)
        if not stat.S_ISDIR(mode):
            files.append(path)
            continue
        try:
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in YAML_SUFFIXES)
        except OSError as exc:
            raise UnreadablePath(f"{path}: cannot list the folder: {exc.strerror or exc}") from None
        for entry in found:
            try:
                mode = entry.stat().st_mode
            except OSError:
                continue  # a dangling link: nothing to read
            why = not_a_file(entry, mode)
            if why:
                refused.extend(Bank(problems=[Problem(str(entry), 1, 1, why.split(": ", 1)[1])], unread=[str(entry)]))
            elif stat.S_ISREG(mode):
                files.append(entry)
    return files, refused


def read_text(path: Path) -> str:
    """The file's text, or :class:`UnreadablePath` / :class:`yamldoc.YamlProblem`."""
    try:
        info = path.stat()
        why = not_a_file(path, info.st_mode)
        if why or stat.S_ISDIR(info.st_mode):
            raise UnreadablePath(why or f"{path}: a folder, not a question file")
        size = info.st_size
        if size > yamldoc.MAX_BYTES:
            raise yamldoc.YamlProblem(1, 1, f"the file is {size / 1e6:.1f} MB; question files are limited to "
                                            f"{yamldoc.MAX_BYTES // (1024 * 1024)} MB")
        # Opened without waiting (were it swapped for a pipe meanwhile) and checked again once open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise UnreadablePath(f"{path}: not a regular file; it was not read")
            data = handle.read(yamldoc.MAX_BYTES + 1)
    except OSError as exc:
        raise UnreadablePath(f"{path}: cannot read: {exc.strerror or exc}") from None
    return yamldoc.decode(data)


def load_files(paths: list[Path], seed: int = 0, *, fast: bool = True,
               seen: dict[str, str] | None = None, giveaways: bool = False,
               remakes: list[Remake] | None = None) -> Bank:
    """Load files and folders; raises :class:`UnreadablePath` for a missing path.

    ``giveaways``: also warn where a question's answer appears in another's
    prompt, explanation or answer (the validator does; a game need not).
    ``remakes``: see :func:`load_text`.
    """
    files, refused = expand_paths(paths)
    # Loading makes many small objects that all live on: pausing the cyclic
    # garbage collector meanwhile keeps the cost linear in the bank's size.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        bank = _load_files(files, seed, fast, {} if seen is None else seen, giveaways, remakes)
        bank.extend(refused)
    finally:
        if was_enabled:
            gc.enable()
    bank.questions = same_numbers_apart(bank.questions)
    if giveaways:
        bank.warnings.extend(giveaway_warnings(bank.questions, bank.sightings or []))
        bank.warnings.sort(key=lambda p: (p.path, p.line, p.column))
        bank.sightings = None
    return bank


def _load_files(files: list[Path], seed: int, fast: bool, seen: dict[str, str], giveaways: bool,
                remakes: list[Remake] | None = None) -> Bank:
    bank = Bank(sightings=[] if giveaways else None)
    for path in files:
        try:
            text = read_text(path)
        except yamldoc.YamlProblem as exc:
            bank.extend(Bank(problems=[Problem(str(path), exc.line, exc.column, exc.message)], files=[str(path)],
                             unread=[str(path)]))
            continue
        bank.extend(load_text(text, str(path), seed, fast=fast, seen=seen, giveaways=giveaways, remakes=remakes))
    return bank


def seeded(paths: list[Path]) -> Callable[[int], list[Question]]:
    """A function of the seed giving the questions ``load_files(paths, seed)`` would, reading the files once.

    Only some questions depend on the seed (a fact's wrong answers, which
    statements are true, where a slider sits); each seed makes those again from
    what was read the first time.  For the tests and tools that play thousands
    of seeded games.
    """
    remakes: list[Remake] = []
    bank = load_files(paths, 0, remakes=remakes)
    where = {id(q): (i, j) for i, (_, questions) in enumerate(remakes) for j, q in enumerate(questions)}
    read = _as_read(bank.questions, remakes)

    def questions_for(seed: int) -> list[Question]:
        fresh: dict[int, list[Question]] = {}
        out = []
        for q in read:
            at = where.get(id(q))
            if at is None:
                out.append(q)
                continue
            i, j = at
            if i not in fresh:
                fresh[i] = remakes[i][0](seed)
            out.append(fresh[i][j])
        return same_numbers_apart(out)

    return questions_for


def _as_read(questions: list[Question], remakes: list[Remake]) -> list[Question]:
    """``questions`` as read, before :func:`same_numbers_apart` (which makes new objects of some)."""
    made = [q for _, group in remakes for q in group]
    by_place = {(q.source, q.kind, q.prompt): q for q in made}
    return [by_place.get((q.source, q.kind, q.prompt), q) for q in questions]


def load_text(text: str, path: str, seed: int = 0, *, fast: bool = True, seen: dict[str, str] | None = None,
              giveaways: bool = False, remakes: list[Remake] | None = None) -> Bank:
    """Check and load one file's text; ``seen`` maps prompts across files.

    ``giveaways``: note where each shown text is (:attr:`Bank.sightings`) for
    :func:`giveaway_warnings`.  ``remakes``: a list to which each question
    that depends on the seed is added as ``(make, questions)``, ``make(seed)``
    giving them for another seed (see :func:`seeded`).
    """
    bank = Bank(files=[path], sightings=[] if giveaways else None)
    seen = {} if seen is None else seen
    check = Checker(path)
    check.authoring = giveaways
    added: list[str] = []  # prompts this file put in `seen`, taken back if the file cannot be read

    def take(item: Node) -> None:
        # Each question is read as soon as the parser has finished it and then let go, so the
        # file's tree is never held whole: the time stays in step with the bank's size.
        _read_item(check, item, bank, lambda node: _read_question(check, node, seed, remakes), seen, added)

    try:
        root = yamldoc.parse(text, fast=fast, stream=("questions", take))
    except yamldoc.YamlProblem as exc:
        for key in added:
            del seen[key]
        bank = Bank(files=[path], sightings=[] if giveaways else None)
        check = Checker(path)
        check.report((exc.line, exc.column), exc.message)
        bank.problems = check.problems
        bank.unread = [path]  # nothing in it could be read, however many questions it held
        return bank
    if root is None:
        check.report((1, 1), "the file is empty; expected a mapping with a 'questions' list")
    elif root.kind != "map":
        check.report(root, f"the top level must be a mapping with a 'questions' list, not {yamldoc.describe(root)}")
        bank.unread = [path]
    else:
        found = check.fields(root, TOP_KEYS, "the top level") or {}
        if not found.get("questions") and not found.get("facts") and len(check.problems) == 0:
            check.report(root, "no 'questions' list (and no 'facts') at the top level")
        pools = read_pools(check, found["pools"][1]) if "pools" in found else {}
        groups = read_groups(check, found["groups"][1]) if "groups" in found else {}
        if "questions" in found:
            _read_list(check, found["questions"][1], "questions", bank,
                       lambda item: _read_question(check, item, seed, remakes), seen)
        facts_read: list[Fact] = []
        if "facts" in found:
            def from_fact(item: Node) -> list[Question] | None:
                fact = read_fact(check, item, pools)
                if fact is None:
                    return None
                made = fact.questions(seed)
                facts_read.append(fact)
                if remakes is not None:
                    remakes.append((fact.questions, made))
                return made
            _read_list(check, found["facts"][1], "facts", bank, from_fact, seen)
        if facts_read or groups:
            orders = order_questions(check, facts_read, groups)
            _add_unique(check, orders, bank, seen)
            if bank.sightings is not None:  # the labels are shown: they must not give other answers away
                for q in orders:
                    line, column = (int(q.source.rsplit(":", 1)[1]), 1)
                    bank.sightings.extend(Sighting(check.path, line, column, what, text, q.key) for what, text in
                                          (("prompt", q.prompt), ("answer", q.answer), ("explanation", q.explanation))
                                          if text is not None)
        if "questions" in found:
            for warning in bank_warnings(check.written):
                check.warn(found["questions"][0], warning)
    bank.problems = sorted(check.problems, key=lambda p: (p.line, p.column))
    bank.warnings = sorted(check.warnings, key=lambda p: (p.line, p.column))
    return bank


def _read_list(check: Checker, node: Node, name: str, bank: Bank, read: Reader, seen: dict[str, str]) -> None:
    """The items of a list (those of 'questions' were already taken one by one while parsing)."""
    if node.kind != "seq":
        check.report(node, f"'{name}' must be a list, not {yamldoc.describe(node)}")
        return
    for item in node.value:
        _read_item(check, item, bank, read, seen)


def _read_item(check: Checker, item: Node, bank: Bank, read: Reader, seen: dict[str, str],
               added: list[str] | None = None) -> None:
    made = read(item)
    if made is None:
        bank.skipped += 1
        return
    _add_unique(check, made if isinstance(made, list) else [made], bank, seen, item, added)


def same_question_key(question: Question) -> str:
    """Questions with equal keys are the same question: the prompt, per kind (and an order's items)."""
    return kinds.of(question).same_key(question)


def _add_unique(check: Checker, questions: list[Question], bank: Bank, seen: dict[str, str], item: Node | None = None,
                added: list[str] | None = None) -> None:
    for question in questions:
        key = same_question_key(question)
        first = seen.get(key)
        if first is not None:
            line = question.source.rsplit(":", 1)[-1]
            what = kinds.of(question).duplicate
            check.report((int(line), 1), f"{what} appears at {first}: '{clip(question.prompt)}'")
            bank.skipped += 1
            continue
        seen[key] = question.source
        if added is not None:
            added.append(key)
        bank.questions.append(question)
        if bank.sightings is not None and item is not None:
            bank.sightings.extend(_sightings(check.path, item, question))


def _read_question(check: Checker, node: Node, seed: int = 0, remakes: list[Remake] | None = None) -> Question | None:
    before = len(check.problems)
    found = check.fields(node, question_keys(), "a question")
    if found is None:
        return None
    kind: kinds.Kind = kinds.CHOICE
    if "type" in found:  # a kind the game does not know is refused here, where it is written
        name = check.one_of(found["type"][1], "type", kinds.names())
        if name is None:
            return None
        kind = kinds.get(name)
    allowed = COMMON_KEYS + kind.keys
    for name, (key, _) in found.items():
        if name not in allowed:
            users = [k.name for k in kinds.REGISTRY.values() if name in k.keys]
            article = "an" if kind.name[0] in "aeio" else "a"
            check.report(key, f"'{name}' is not used by {article} {kind.name} question (it is for "
                              f"{', '.join(users[:-1]) + ' or ' * (len(users) > 1) + users[-1]} questions)")
    prompt = None
    prompt_node = check.require(found, "prompt", node, "a question")
    if prompt_node is not None:
        prompt = within(check, prompt_node, check.text(prompt_node, "prompt"), "the prompt", PROMPT_MAX)
    made = kind.read(check, node, found)

    optional: dict[str, Any] = {}
    if "category" in found:
        optional["category"] = check.text(found["category"][1], "category")
    if "explanation" in found:
        node_ = found["explanation"][1]
        optional["explanation"] = within(check, node_, check.text(node_, "explanation"), "the explanation",
                                         EXPLANATION_MAX)
    if "difficulty" in found:
        optional["difficulty"] = check.one_of(found["difficulty"][1], "difficulty", DIFFICULTIES)
    if "time_limit" in found:
        value = check.number_in(found["time_limit"][1], "time_limit", TIME_LIMIT_MIN, TIME_LIMIT_MAX)
        if value is not None:
            optional["time_limit"] = int(value) if value == value.to_integral_value() else float(value)
    if "id" in found:  # a game asks one question per id: the same id as a fact makes it one of the fact's
        given = check.text(found["id"][1], "id")
        optional["fact"] = given.strip() if given else None
    if "reveals" in found:
        optional["reveals"] = read_reveals(check, found["reveals"][1])
    if "image" in found or "alt" in found:
        optional.update(read_picture(check, found))

    if len(check.problems) > before or made is None:
        return None
    made.setdefault("kind", kind.name)  # True and False written as multiple choice make a true/false question
    if prompt is None:  # a problem was reported for it
        return None
    question = Question(prompt=prompt, source=f"{check.path}:{node.line}", **made, **optional)
    made_kind = kinds.of(question)
    if not made_kind.seeded:
        return question

    def remake(game_seed: int) -> list[Question]:  # what each game makes of it (an estimate: where its slider sits)
        return [made_kind.for_seed(question, game_seed)]

    (placed,) = remake(seed)
    if remakes is not None:
        remakes.append((remake, [placed]))
    return placed


def read_picture(check: Checker, found: dict[str, tuple[yamldoc.Node, yamldoc.Node]]) -> dict[str, str | None]:
    """``image`` and ``alt`` checked (see :mod:`game.core.pictures`): the picture's resolved path and its
    description, or problems reported where they are written."""
    if "image" not in found:
        check.report(found["alt"][0], "'alt' describes a picture, but this question has no 'image'")
        return {}
    image_node = found["image"][1]
    written = check.text(image_node, "image")
    alt = None
    if "alt" not in found:
        check.report(found["image"][0], "a picture needs 'alt': a short description of it (shown under the "
                                        "picture when 'Describe pictures' is on, and in the review)")
    else:
        alt_node = found["alt"][1]
        alt = within(check, alt_node, check.text(alt_node, "alt"), "the description ('alt')", ALT_MAX)
    if written is None:
        return {}
    try:
        picture = check_picture(written, Path(check.path).parent)
    except PictureProblem as exc:
        check.report(image_node, str(exc))
        return {}
    return {"image": str(picture.path), "alt": " ".join(alt.split()) if alt else None}


# -- giveaways ------------------------------------------------------------------------------
def _sightings(path: str, item: Node, question: Question) -> list[Sighting]:
    """Where ``question``'s prompt, explanation and answer are written in its ``item``."""
    fields = {key.value: value for key, value in item.value if key.kind == "scalar"} if item.kind == "map" else {}

    def where(name: str, text: str) -> tuple[int, int]:
        node = fields.get(name)
        if node is not None and node.kind == "seq":
            node = next((n for n in node.value if n.kind == "scalar" and n.value == text), None)
        return (node.line, node.column) if node is not None and node.kind == "scalar" else (item.line, item.column)

    out = [Sighting(path, *where("prompt" if "prompt" in fields else "ask", question.prompt), "prompt",
                    question.prompt, question.key),
           Sighting(path, *where("answer", question.answer), "answer", question.answer, question.key)]
    if question.explanation:
        out.append(Sighting(path, *where("explanation", question.explanation), "explanation",
                            question.explanation, question.key))
    return out


def giveaway_warnings(questions: list[Question], sightings: list[Sighting]) -> list[Problem]:
    """A warning wherever one question's answer appears in another's prompt, explanation or answer
    and the two may share a game (different facts, not kept apart by ``reveals``)."""
    from game.core.draw import apart, asked_for
    from game.core.spelling import normalise

    kept_apart = apart(questions)
    wanted: dict[str, dict[str, Question]] = {}  # answer words -> key -> a question asking for them
    for question in questions:
        words = asked_for(question)
        if words:
            wanted.setdefault(words, {}).setdefault(question.key, question)
    by_word: dict[str, list[tuple[Sighting, str]]] = {}
    for sighting in dict.fromkeys(sightings):
        text = f" {normalise(sighting.text)} "
        for word in set(text.split()):
            by_word.setdefault(word, []).append((sighting, text))
    out, told = [], set()
    for words, askers in wanted.items():
        listed, more, first_more = 0, 0, None
        for sighting, text in by_word.get(words.split()[0], ()):
            if f" {words} " not in text:
                continue
            for key, question in askers.items():
                if key == sighting.key or key in kept_apart.get(sighting.key, ()) or (sighting, key) in told:
                    continue
                told.add((sighting, key))
                if listed == GIVEAWAYS_LISTED:  # an answer too common to list everywhere it shows
                    more += 1
                    first_more = first_more or sighting
                    continue
                listed += 1
                told_what = f"the answer '{clip(question.answer)}' is also the answer of" if sighting.what == "answer" \
                    else f"the {sighting.what} gives away '{clip(question.answer)}', the answer of"
                out.append(Problem(sighting.path, sighting.line, sighting.column, one_line(
                    f"{told_what} {_describe(question, sighting.path)}: keep the two apart "
                    f"(an 'id' they share, or 'reveals') or reword")))
        if more and first_more is not None:
            out.append(Problem(first_more.path, first_more.line, first_more.column, one_line(
                f"'{clip(next(iter(askers.values())).answer)}' shows here and in {more - 1} more "
                f"place{'s' if more != 2 else ''} beyond the {GIVEAWAYS_LISTED} "
                f"listed, where it gives away an answer")))
    return out


def _describe(question: Question, path: str) -> str:
    source = question.source
    where = f" (line {source[len(path) + 1:]})" if source.startswith(path + ":") else f" ({source})" if source else ""
    if question.fact is not None and not question.fact.startswith("@"):
        return f"'{question.fact}'{where}"
    return f"'{clip(question.prompt, 40)}'{where}"
