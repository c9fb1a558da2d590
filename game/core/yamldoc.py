"""Safe, position-keeping YAML reading for question files.

PyYAML's loaders build Python objects and apply YAML 1.1's implicit typing
(``No`` becomes ``False``, ``1e3`` a float, ``2023-07-12`` a date).  Question
authors expect what they type to be what the game shows, so this module reads
only the parser's *events* and builds a small tree of its own in which every
scalar keeps its exact text and every node keeps its line and column.

Building the tree ourselves, without recursion, also lets us refuse in bounded
time and memory what a hostile or broken file could do to a normal loader:

* tags that construct Python objects (``!!python/object``) or anything else
  beyond plain text, lists and mappings;
* documents nested absurdly deep: the flow brackets are counted on the text
  before any YAML library reads it, and the depth again over the events (the
  tree is built with an explicit stack), so the game's message and limit hold
  whatever limits the installed PyYAML or libyaml have of their own;
* alias explosions ("billion laughs"): every node knows how many nodes it
  stands for once aliases are expanded, and the total is capped;
* files over a size limit.

libyaml's C parser is used when PyYAML was built with it; otherwise the
pure-Python parser gives the same events, only slower.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.core.model import clip

if TYPE_CHECKING:  # pragma: no cover - at run time: _import_yaml()
    import yaml
    from yaml import CSafeLoader as _FastLoader


def _import_yaml() -> None:
    """PyYAML is imported when a text is first parsed, not with this module: the game's first frame (which
    imports the kinds, and they this module) never waits for it.  Sets ``yaml``, ``_FastLoader`` (libyaml's
    loader where PyYAML was built with it; a test may have set its own) and ``HAVE_LIBYAML``."""
    import yaml as module

    try:  # pragma: no cover - depends on how PyYAML was built
        from yaml import CSafeLoader as fast

        have = True
    except ImportError:  # pragma: no cover
        fast, have = module.SafeLoader, False  # type: ignore[misc, assignment]  # the same interface, in Python
    globals().setdefault("_FastLoader", fast)
    globals().update(yaml=module, HAVE_LIBYAML=have)


def __getattr__(name: str) -> Any:  # yamldoc.yaml, yamldoc.HAVE_LIBYAML, yamldoc._FastLoader from outside
    if name in ("yaml", "_FastLoader", "HAVE_LIBYAML"):
        _import_yaml()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_EXPANDED_NODES = 2_000_000

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {None, "!"} | {_CORE + t for t in ("str", "seq", "map", "int", "float", "bool", "null")}


class YamlProblem(Exception):
    """A problem that stops a whole file from being read, with a 1-based position."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


class Node:
    """One YAML node: ``kind`` is 'scalar', 'seq' or 'map'.

    ``value`` is the scalar's text, a list of nodes, or a list of (key, value)
    node pairs.  ``line`` and ``column`` are 1-based.  ``size`` counts the nodes
    this one stands for with aliases expanded; ``height`` its depth below.
    """

    __slots__ = ("kind", "value", "line", "column", "size", "height", "quoted")

    def __init__(self, kind: str, value: Any, line: int, column: int, quoted: bool = False):
        self.kind = kind
        self.value = value
        self.line = line
        self.column = column
        self.size = 1
        self.height = 0
        self.quoted = quoted

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Node({self.kind}, {self.value!r}, {self.line}:{self.column})"

    def to_plain(self) -> Any:
        """The node as plain Python data (str, list, dict) for tools and tests."""
        if self.kind == "scalar":
            return self.value
        if self.kind == "seq":
            return [item.to_plain() for item in self.value]
        return {k.to_plain() if k.kind == "scalar" else repr(k): v.to_plain() for k, v in self.value}


def describe(node: Node) -> str:
    """'text', 'a list' or 'a mapping', for messages about wrong types."""
    return {"scalar": "text", "seq": "a list", "map": "a mapping"}[node.kind]


def short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without a BOM) or UTF-16 with a BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise YamlProblem(1, 1, f"the file is not valid UTF-16 text ({exc.reason})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(data[: exc.start].decode("utf-8", "replace"), None)
        raise YamlProblem(line, column,
                          f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read)") from None


def _position(text: str, index: int | None) -> tuple[int, int]:
    head = text if index is None else text[:index]
    line = head.count("\n") + 1
    column = len(head) - (head.rfind("\n") + 1) + 1
    return line, column


def parse(text: str, *, fast: bool = True, max_depth: int = MAX_DEPTH,
          max_nodes: int = MAX_EXPANDED_NODES, stream: tuple[str, Callable[[Node], None]] | None = None) -> Node | None:
    """Parse one YAML document into a :class:`Node` tree (``None`` if empty).

    ``stream=(key, take)``: when the top level is a mapping, each item of the list
    under its first ``key`` is handed to ``take`` as soon as it is complete and is
    not kept in the tree (that list stays empty), so a long list is never held whole.
    Raises :class:`YamlProblem` for syntax errors, refused tags, more than one
    document, too deep nesting and alias explosions.
    """
    if len(text) > MAX_BYTES:  # read_text stops such files sooner; this holds for text from anywhere
        raise YamlProblem(1, 1, f"the text is {len(text):,} characters long; question files are limited to "
                                f"{MAX_BYTES // (1024 * 1024)} MB")
    deep = flow_too_deep(text, max_depth)
    if deep is not None:
        raise YamlProblem(*deep, f"the document is nested more than {max_depth} levels deep")
    if "yaml" not in globals():
        _import_yaml()
    loader_cls = _FastLoader if fast else yaml.SafeLoader
    loader = None
    try:
        loader = loader_cls(text)
        return _compose(loader, max_depth, max_nodes, stream)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        message = exc.problem or "YAML syntax error"
        if exc.context:
            message = f"{exc.context}: {message}"
        raise YamlProblem(line, column, f"YAML syntax error: {message}{colon_hint(text, line, column)}") from None
    except yaml.reader.ReaderError as exc:
        line, column = _position(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlProblem(line, column, f"character U+{char:04X} is not allowed in YAML text") from None
    except yaml.YAMLError as exc:  # any other parser complaint
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise YamlProblem(line, column, f"YAML error: {exc}") from None
    except RecursionError:  # pragma: no cover - the parsers are not recursive
        raise YamlProblem(1, 1, f"the document is nested more than {max_depth} levels deep") from None
    finally:
        if loader is not None:
            loader.dispose()


# `key: text` on one line, up to where the text starts: its indentation or "- ", and the key.
_KEY_AND_TEXT = re.compile(r"([ \t]*(?:-[ \t]+)?)([^\s'\"#\[\]{}&*!|>%@`-][^:#]*?):[ \t]+")


def colon_hint(text: str, line: int, column: int) -> str:
    """A hint for a syntax error found at ``line``, ``column`` (1-based) where that is a ': ' inside unquoted
    text (YAML takes it for a key's colon): put the text in quotes, with the line as it would be; else ""."""
    lines = text.split("\n")
    row = lines[line - 1] if 1 <= line <= len(lines) else ""
    at = column - 1
    if not (0 <= at < len(row) and row[at] == ":" and row[at + 1:at + 2] in ("", " ", "\t")):
        return ""
    if any(mark in row[:at] for mark in "[]{}\"'"):  # in brackets or after quotes: another mistake
        return ""
    found = _KEY_AND_TEXT.match(row)
    if found is None or found.end() > at:  # plain words before it, the text begun on a line above
        return " (if ': ' is part of the text, put the whole text in quotes)" if row[:at].strip()[:1].isalnum() \
            else ""
    value = re.split(r"[ \t]#", row[found.end():], maxsplit=1)[0].rstrip()
    if not value[:1].isalnum():  # an anchor, a tag, a block scalar...: not plain text
        return ""
    if '"' in value or "\\" in value:
        quoted = "'" + clip(value).replace("'", "''") + "'"
    else:
        quoted = '"' + clip(value) + '"'
    as_it_would_be = " ".join(part for part in (found.group(1).strip(), f"{found.group(2)}: {quoted}") if part)
    return f" (if ': ' is part of the text, put the whole text in quotes: {as_it_would_be})"


# The game's own depth check runs on the text before any YAML library sees it.  The
# parsers hand over events with no look-ahead across lines, so the depth counted over
# the events (in _compose) is reached first, except on one line with many flow
# brackets: libyaml reads up to 1024 characters ahead there, and since PyYAML 6.0.4
# stops at 1000 levels with its own message.  Such a line is found quickly by keeping
# only the line breaks and opening brackets of the text; only then is the text walked,
# bracket by bracket, to find the depth.
_NOT_NEWLINE_OR_OPENER = bytes(c for c in range(256) if c not in b"\n[{")
_FLOW_MARK = re.compile(r"[\[\]{}\"'#]")
_QUOTED = {'"': re.compile(r'"(?:[^"\\]|\\.)*"', re.S), "'": re.compile(r"'(?:[^']|'')*'")}
# Before a node on a block line: indentation, '- ', '? ', ': ', '--- ', anchors and tags.
_BLOCK_PREFIX = re.compile(r"(?:[ \t]+|(?:---|[-?:])(?=[ \t\n]|$)|[&!][^ \t\n]*)*")
_PLAIN_END = re.compile(r":(?=[ \t\n]|$)|[ \t]#|\n|$")


def flow_too_deep(text: str, max_depth: int = MAX_DEPTH) -> tuple[int, int] | None:
    """The 1-based (line, column) of a flow bracket that opens level ``max_depth + 1``.

    ``None`` when no line holds more than ``max_depth`` opening brackets (the depth
    counted over the parser's events then refuses deeper documents) or when the
    walk finds no flow collection that deep.  Brackets inside quoted text, block
    scalars, comments and plain text do not count.
    """
    if text.count("[") + text.count("{") <= max_depth:
        return None
    skeleton = text.encode("utf-8", "surrogatepass").translate(None, _NOT_NEWLINE_OR_OPENER)
    if re.search(rb"[^\n]{%d}" % (max_depth + 1), skeleton) is None:
        return None
    return _walk_flow_depth(text, max_depth)


def _drop(node: Node) -> None:
    """What ``_compose`` does with a streamed item when nothing streams (never called)."""


def _walk_flow_depth(text: str, max_depth: int) -> tuple[int, int] | None:
    n = len(text)
    i = 0
    line_start = 0
    while i < n:
        # Block context, at i (a line start or just after a flow collection).
        prefix = _BLOCK_PREFIX.match(text, i)
        assert prefix is not None  # it matches the empty string too
        i = prefix.end()
        if i >= n:
            return None
        c = text[i]
        if c == "\n" or c == "#":
            end = text.find("\n", i)
            i = line_start = n if end < 0 else end + 1
            continue
        if c in "|>":
            i = line_start = _skip_block_scalar(text, i, _block_owner(text, line_start, i))
            continue
        if c in "\"'":
            match = _QUOTED[c].match(text, i)
            if match is None:
                return None  # unterminated: the parser says where
            i = match.end()
            line_start = text.rfind("\n", 0, i) + 1
            continue
        if c not in "[{":  # plain text: up to ': ', a comment or the line's end
            stop = _PLAIN_END.search(text, i)
            assert stop is not None  # '$' is one of its ends
            if stop.group() == ":":
                i = stop.end()
            else:
                eol = text.find("\n", i)
                i = line_start = n if eol < 0 else eol + 1
            continue
        # Flow context: every bracket outside quotes and comments counts.
        depth = 0
        while True:
            if c in "[{":
                depth += 1
                if depth > max_depth:
                    return text.count("\n", 0, i) + 1, i - text.rfind("\n", 0, i)
                i += 1
            elif c in "]}":
                depth -= 1
                i += 1
                if depth == 0:
                    break
            elif c == "#":
                if text[i - 1] in " \t\n":
                    eol = text.find("\n", i)
                    i = n if eol < 0 else eol
                else:
                    i += 1
            else:  # a quote starts text only where a flow node starts
                j = i - 1
                while j >= 0 and text[j] in " \t\r\n":
                    j -= 1
                if j >= 0 and text[j] in "[{,:?":
                    match = _QUOTED[c].match(text, i)
                    if match is None:
                        return None
                    i = match.end()
                else:
                    i += 1
            mark = _FLOW_MARK.search(text, i)
            if mark is None:
                return None
            i = mark.start()
            c = text[i]
        line_start = text.rfind("\n", 0, i) + 1
    return None


def _block_owner(text: str, line_start: int, i: int) -> int:
    """The column a block scalar's lines must go beyond: its key's, or its '- ' entry's."""
    j, owner = line_start, -1
    while True:
        while j < i and text[j] in " \t":
            j += 1
        if j < i and text[j] in "-?" and text[j + 1] in " \t":
            owner, j = j - line_start, j + 1
        elif text.startswith("---", j) and j + 3 < i and text[j + 3] in " \t":
            owner, j = -1, j + 3
        else:
            return j - line_start if j < i else owner


def _skip_block_scalar(text: str, i: int, owner: int) -> int:
    """Where the lines of a '|' or '>' scalar that starts at i end (a line start)."""
    n = len(text)
    eol = text.find("\n", i)
    start = n if eol < 0 else eol + 1
    while start < n:
        eol = text.find("\n", start)
        end = n if eol < 0 else eol
        line = text[start:end]
        body = line.lstrip(" ")
        if body.strip() and len(line) - len(body) <= owner:
            return start
        start = end + 1
    return n


def _compose(loader: Any, max_depth: int, max_nodes: int,
             stream: tuple[str, Callable[[Node], None]] | None = None) -> Node | None:
    """Build the tree from parser events with an explicit stack (no recursion).

    This is the hot path of loading a bank, so the per-event work is inlined.
    """
    events = yaml.events
    scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
    seq_start, map_start = events.SequenceStartEvent, events.MappingStartEvent
    seq_end, map_end = events.SequenceEndEvent, events.MappingEndEvent
    doc_start = events.DocumentStartEvent
    allowed = ALLOWED_TAGS
    get_event = loader.get_event
    anchors: dict[str, Node] = {}
    open_anchors: set[str] = set()
    # Each stack entry: [node, anchor, pending_key]
    stack: list[list[Any]] = []
    root: Node | None = None
    documents = 0
    total = 0
    stream_key, take = stream if stream is not None else (None, _drop)
    target: Node | None = None  # the list whose items go to `take`

    def refuse_tag(event: Any) -> YamlProblem:
        mark = event.start_mark
        return YamlProblem(mark.line + 1, mark.column + 1,
                           f"tag {short_tag(event.tag)!r} is not allowed: question files hold only text, "
                           f"lists and mappings")

    while True:
        event = get_event()
        if event is None:
            break
        cls = type(event)
        if cls is scalar_event:
            if event.tag not in allowed:
                raise refuse_tag(event)
            mark = event.start_mark
            # A plain scalar's style is None from PyYAML's parser and "" from libyaml's.
            node = Node("scalar", event.value, mark.line + 1, mark.column + 1, bool(event.style))
            if event.anchor is not None:
                anchors[event.anchor] = node
            added = 1
        elif cls is seq_start or cls is map_start:
            if event.tag not in allowed:
                raise refuse_tag(event)
            mark = event.start_mark
            if len(stack) >= max_depth:
                raise YamlProblem(mark.line + 1, mark.column + 1,
                                  f"the document is nested more than {max_depth} levels deep")
            node = Node("seq" if cls is seq_start else "map", [], mark.line + 1, mark.column + 1)
            if stream_key is not None and cls is seq_start and len(stack) == 1:
                key = stack[0][2]
                if stack[0][0].kind == "map" and key is not None and key.kind == "scalar" and key.value == stream_key:
                    target, stream_key = node, None
            if event.anchor is not None:
                open_anchors.add(event.anchor)
            stack.append([node, event.anchor, None])
            continue
        elif cls is seq_end or cls is map_end:
            node, anchor, _ = stack.pop()
            if anchor is not None:
                open_anchors.discard(anchor)
                anchors[anchor] = node
            added = 1  # its children were counted as they came
        elif cls is alias_event:
            mark = event.start_mark
            if event.anchor in open_anchors:
                raise YamlProblem(mark.line + 1, mark.column + 1,
                                  f"alias *{event.anchor} refers to a collection that contains it")
            target_of = anchors.get(event.anchor)
            if target_of is None:
                raise YamlProblem(mark.line + 1, mark.column + 1, f"alias *{event.anchor} has no anchor before it")
            node = target_of
            if len(stack) + node.height >= max_depth:
                raise YamlProblem(mark.line + 1, mark.column + 1,
                                  f"the document is nested more than {max_depth} levels deep")
            added = node.size  # an alias stands for a whole copy of its target
        else:
            if cls is doc_start:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    raise YamlProblem(mark.line + 1, mark.column + 1,
                                      "the file holds more than one YAML document; put all questions in one")
                anchors.clear()
            continue

        # Attach the finished node to its parent.
        total += added
        if total > max_nodes:
            raise YamlProblem(node.line, node.column,
                              f"the document expands to more than {max_nodes:,} nodes (too many aliases?)")
        if not stack:
            root = node
            continue
        parent = stack[-1]
        parent_node = parent[0]
        parent_node.size += node.size
        if node.height >= parent_node.height:
            parent_node.height = node.height + 1
        if parent_node is target:
            take(node)
        elif parent_node.kind == "seq":
            parent_node.value.append(node)
        elif parent[2] is None:
            parent[2] = node
        else:
            parent_node.value.append((parent[2], node))
            parent[2] = None
    return root
