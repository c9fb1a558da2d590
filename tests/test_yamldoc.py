import time

import pytest

from game.core import yamldoc

BOTH = pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])


@BOTH
def test_plain_text_keeps_its_exact_characters(fast):
    words = ["Yes", "No", "True", "off", "5:12", "0x10c", "1e3", "007", "~", "null", "2023-07-12", "1_000", ".inf"]
    doc = "items: [" + ", ".join(words) + "]\nempty:\n"
    tree = yamldoc.parse(doc, fast=fast).to_plain()
    assert tree["items"] == words
    assert tree["empty"] == ""


@BOTH
def test_positions_are_one_based(fast):
    root = yamldoc.parse("a: 1\nb:\n  - x\n  - y\n", fast=fast)
    (ka, va), (kb, vb) = root.value
    assert (ka.line, ka.column) == (1, 1)
    assert (va.line, va.column) == (1, 4)
    assert (vb.value[1].line, vb.value[1].column) == (4, 5)


@BOTH
@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/name:os.system", "!!binary", "!custom",
                                 "!!set", "!!python/object/apply:os.system"])
def test_tags_that_make_objects_are_refused(fast, tag):
    with pytest.raises(yamldoc.YamlProblem, match="not allowed"):
        yamldoc.parse(f"a: {tag} x\n", fast=fast)


@BOTH
def test_core_tags_are_read_as_text(fast):
    assert yamldoc.parse("a: !!str 5\nb: !!int 7\n", fast=fast).to_plain() == {"a": "5", "b": "7"}


@BOTH
def test_deep_nesting_is_refused_quickly(fast):
    start = time.perf_counter()
    with pytest.raises(yamldoc.YamlProblem, match="nested more than"):
        yamldoc.parse("[" * 100_000 + "]" * 100_000, fast=fast)
    assert time.perf_counter() - start < 10  # generous: bounded, not a benchmark


@BOTH
@pytest.mark.parametrize("text", ["[\n" * 200 + "]\n" * 200, "".join(" " * i + "k:\n" for i in range(200)),
                                  "- " * 200 + "x\n", "{a: " * 100 + "}" * 100],
                         ids=["flow-lines", "block", "block-one-line", "flow-maps"])
def test_deep_nesting_of_every_shape_gets_the_games_message(fast, text):
    with pytest.raises(yamldoc.YamlProblem, match="nested more than 64 levels deep"):
        yamldoc.parse(text, fast=fast)


def test_the_depth_check_runs_before_any_yaml_library(monkeypatch):
    class NoLibrary:
        def __init__(self, text):
            raise AssertionError("the game's own check should have refused this text first")

    monkeypatch.setattr(yamldoc, "_FastLoader", NoLibrary)
    monkeypatch.setattr(yamldoc.yaml, "SafeLoader", NoLibrary)
    for fast in (True, False):
        with pytest.raises(yamldoc.YamlProblem, match="nested more than 64 levels deep") as info:
            yamldoc.parse("q: " + "[" * 100_000 + "]" * 100_000, fast=fast)
        assert (info.value.line, info.value.column) == (1, 68)


def test_flow_depth_is_found_on_the_text_alone():
    assert yamldoc.flow_too_deep("[" * 70 + "]" * 70) == (1, 65)
    assert yamldoc.flow_too_deep("a: [x]\nb: [" + "[" * 70, max_depth=10) == (2, 14)
    assert yamldoc.flow_too_deep("[" * 64 + "]" * 64) is None


@BOTH
@pytest.mark.parametrize("text", [
    'a: "' + "[" * 100 + '"\n', "a: '" + "{" * 100 + "'\n", "a: x" + "[" * 100 + "\n",
    "a: [x]  # " + "[" * 100 + "\n", "- prompt: |\n    " + "[" * 100 + "\n  choices: [a, b]\n",
    "- >\n  " + "{" * 100 + "\n- [x]\n", "a: [\"" + "[" * 100 + "\", it's, 'x']\n",
    "a: [x, # " + "[" * 100 + "\n  y]\n",
], ids=["double-quoted", "single-quoted", "plain", "comment", "block-scalar", "folded-in-list", "quoted-in-flow",
        "comment-in-flow"])
def test_brackets_in_text_are_not_nesting(fast, text):
    assert yamldoc.flow_too_deep(text) is None
    assert yamldoc.parse(text, fast=fast) is not None


@BOTH
def test_text_over_the_size_limit_is_refused_by_the_game(fast, monkeypatch):
    monkeypatch.setattr(yamldoc, "MAX_BYTES", 100)
    with pytest.raises(yamldoc.YamlProblem, match="limited to"):
        yamldoc.parse("a: " + "x" * 200 + "\n", fast=fast)


@BOTH
def test_billion_laughs_is_refused(fast):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(yamldoc.YamlProblem, match="expands to more than"):
        yamldoc.parse("\n".join(lines), fast=fast)


@BOTH
def test_recursive_alias_is_refused(fast):
    with pytest.raises(yamldoc.YamlProblem, match="contains it"):
        yamldoc.parse("&a [*a]", fast=fast)


@BOTH
def test_small_aliases_are_fine(fast):
    tree = yamldoc.parse("x: &c [a, b]\ny: *c\n", fast=fast).to_plain()
    assert tree == {"x": ["a", "b"], "y": ["a", "b"]}


@BOTH
def test_two_documents_are_refused(fast):
    with pytest.raises(yamldoc.YamlProblem, match="more than one YAML document"):
        yamldoc.parse("a: 1\n---\nb: 2\n", fast=fast)


@BOTH
def test_syntax_error_has_the_parsers_position(fast):
    with pytest.raises(yamldoc.YamlProblem) as info:
        yamldoc.parse("a: b\n  c: d\n", fast=fast)
    assert info.value.line == 2 and "YAML syntax error" in info.value.message


COLON_IN_TEXT = [
    # (the file, the line the hint shows it as, the text as it was meant)
    ("questions:\n  - prompt: The stunt: how high was the cliff?\n    answer: a\n",
     '- prompt: "The stunt: how high was the cliff?"', "The stunt: how high was the cliff?"),
    ("questions:\n  - prompt: Who?\n    explanation: Note: it said \"jump\" here.  # a comment\n",
     "explanation: 'Note: it said \"jump\" here.'", 'Note: it said "jump" here.'),
    ("a:\n  - b\n  - x: y: it's z\n", "- x: \"y: it's z\"", "y: it's z"),
]


@BOTH
@pytest.mark.parametrize("doc, shown, meant", COLON_IN_TEXT)
def test_an_unquoted_colon_in_text_gets_the_hint_to_quote_it(fast, doc, shown, meant):
    """A ': ' inside unquoted text stops the parser there: the message says to quote the text and shows the
    line quoted, and that line, put in the file, reads as the text meant."""
    with pytest.raises(yamldoc.YamlProblem) as info:
        yamldoc.parse(doc, fast=fast)
    problem = info.value
    row = doc.split("\n")[problem.line - 1]
    assert row[problem.column - 1] == ":"
    assert problem.message.startswith("YAML syntax error: ")
    assert problem.message.endswith(f" (if ': ' is part of the text, put the whole text in quotes: {shown})")
    fixed = doc.replace(row, row[:len(row) - len(row.lstrip())] + shown)
    assert meant in repr(yamldoc.parse(fixed, fast=fast).to_plain())


@BOTH
def test_the_quote_hint_is_only_for_a_colon_in_text(fast):
    """A colon on a line continuing text from above: the hint without a line; other syntax errors: none."""
    with pytest.raises(yamldoc.YamlProblem) as info:
        yamldoc.parse("a: The cliff was real\n  and so: was the jump\n", fast=fast)
    assert info.value.message.endswith(" (if ': ' is part of the text, put the whole text in quotes)")
    for doc in ("a: [b\n", "a: 'b\n", "a: b\n- c\n", "a: \"b\" c: d\n"):
        with pytest.raises(yamldoc.YamlProblem) as info:
            yamldoc.parse(doc, fast=fast)
        assert "quotes" not in info.value.message, doc


@BOTH
def test_control_character_is_reported_with_position(fast):
    with pytest.raises(yamldoc.YamlProblem) as info:
        yamldoc.parse("a: b\nc: d\x01\n", fast=fast)
    assert (info.value.line, info.value.column) == (2, 5)
    assert "U+0001" in info.value.message


def test_empty_document_is_none():
    assert yamldoc.parse("# nothing\n") is None


def test_decode_handles_boms_and_bad_bytes():
    assert yamldoc.decode("\ufeffa: b".encode("utf-8")) == "a: b"
    assert yamldoc.decode("a: b".encode("utf-16")) == "a: b"
    with pytest.raises(yamldoc.YamlProblem, match="not UTF-8") as info:
        yamldoc.decode(b"a: ok\nb: \xff\n")
    assert (info.value.line, info.value.column) == (2, 4)


def test_both_parsers_build_the_same_tree():
    text = (
        "questions:\n  - prompt: \"Quoted: yes\"\n    choices: [No, 'Yes', 1e3]\n    answer: No\n"
        "    explanation: |\n      block\n      text\n    extra: {a: b, c: [d, e]}\n"
    )
    assert yamldoc.parse(text, fast=True).to_plain() == yamldoc.parse(text, fast=False).to_plain()


@BOTH
def test_a_streamed_list_hands_over_each_item_and_keeps_none(fast):
    taken = []
    text = "title: x\nquestions:\n  - a: 1\n  - [b, c]\n  - d\nother: [e]\n"
    root = yamldoc.parse(text, fast=fast, stream=("questions", taken.append))
    assert [item.to_plain() for item in taken] == [{"a": "1"}, ["b", "c"], "d"]
    assert root.to_plain() == {"title": "x", "questions": [], "other": ["e"]}
    assert root.size == yamldoc.parse(text, fast=fast).size  # the limits still count what was handed over
