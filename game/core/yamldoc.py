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
* documents nested absurdly deep (the tree is built with an explicit stack);
* alias explosions ("billion laughs"): every node knows how many nodes it
  stands for once aliases are expanded, and the total is capped;
* files over a size limit.

libyaml's C parser is used when PyYAML was built with it; otherwise the
pure-Python parser gives the same events, only slower.
"""

from __future__ import annotations

import yaml

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _FastLoader

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover
    _FastLoader = yaml.SafeLoader
    HAVE_LIBYAML = False

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

    def __init__(self, kind: str, value, line: int, column: int, quoted: bool = False):
        self.kind = kind
        self.value = value
        self.line = line
        self.column = column
        self.size = 1
        self.height = 0
        self.quoted = quoted

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Node({self.kind}, {self.value!r}, {self.line}:{self.column})"

    def to_plain(self):
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
        raise YamlProblem(line, column, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read)") from None


def _position(text: str, index: int | None) -> tuple[int, int]:
    head = text if index is None else text[:index]
    line = head.count("\n") + 1
    column = len(head) - (head.rfind("\n") + 1) + 1
    return line, column


def parse(text: str, *, fast: bool = True, max_depth: int = MAX_DEPTH,
          max_nodes: int = MAX_EXPANDED_NODES) -> Node | None:
    """Parse one YAML document into a :class:`Node` tree (``None`` if empty).

    Raises :class:`YamlProblem` for syntax errors, refused tags, more than one
    document, too deep nesting and alias explosions.
    """
    loader_cls = _FastLoader if fast else yaml.SafeLoader
    loader = None
    try:
        loader = loader_cls(text)
        return _compose(loader, max_depth, max_nodes)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        message = exc.problem or "YAML syntax error"
        if "nesting depth" in message:  # libyaml 0.2.5+ has a depth limit of its own, reached first
            raise YamlProblem(line, column, f"the document is nested more than {max_depth} levels deep") from None
        if exc.context:
            message = f"{exc.context}: {message}"
        raise YamlProblem(line, column, f"YAML syntax error: {message}") from None
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


def _compose(loader, max_depth: int, max_nodes: int) -> Node | None:
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
    stack: list[list] = []
    root: Node | None = None
    documents = 0
    total = 0

    def refuse_tag(event) -> YamlProblem:
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
            node = Node("scalar", event.value, mark.line + 1, mark.column + 1, event.style is not None)
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
            node = anchors.get(event.anchor)
            if node is None:
                raise YamlProblem(mark.line + 1, mark.column + 1, f"alias *{event.anchor} has no anchor before it")
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
        if parent_node.kind == "seq":
            parent_node.value.append(node)
        elif parent[2] is None:
            parent[2] = node
        else:
            parent_node.value.append((parent[2], node))
            parent[2] = None
    return root
