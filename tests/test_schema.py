"""The editor schema stays in step with what the loader accepts."""

import json
from pathlib import Path

import pytest

from game.core.facts import FACT_KEYS, KINDS
from game.core.model import DIFFICULTIES
from game.core.questions import TOP_KEYS, question_keys

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "game" / "schema" / "questions.schema.json").read_text())


def test_schema_knows_exactly_the_loaders_keys():
    assert set(SCHEMA["properties"]) == set(TOP_KEYS)
    assert set(SCHEMA["definitions"]["question"]["properties"]) == set(question_keys())
    assert set(SCHEMA["definitions"]["fact"]["properties"]) == set(FACT_KEYS)
    assert SCHEMA["definitions"]["fact"]["properties"]["kind"]["enum"] == list(KINDS)
    assert SCHEMA["definitions"]["difficulty"]["enum"] == list(DIFFICULTIES)


def test_default_bank_points_editors_at_the_schema():
    first = (ROOT / "questions.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=game/schema/questions.schema.json"


def test_default_bank_passes_the_schema():
    import jsonschema  # in the [test] extra: this test runs, never skips

    from game.core import yamldoc

    # Read as an editor does (plain text stays text), not with YAML 1.1's dates.
    jsonschema.validate(yamldoc.parse((ROOT / "questions.yaml").read_text(encoding="utf-8")).to_plain(), SCHEMA)


def test_schema_knows_each_kind_of_question():
    jsonschema = pytest.importorskip("jsonschema")
    from game.core import yamldoc
    from tests.test_kinds_files import HAND

    def errors(text):
        validator = jsonschema.Draft7Validator(SCHEMA)
        return list(validator.iter_errors(yamldoc.parse(text).to_plain()))

    assert errors(HAND) == []
    for bad in ("  - {type: truefalse, prompt: Q, answer: true, choices: [True, False]}",
                "  - {type: estimate, prompt: Q, answer: 5, max: 9}",
                "  - {type: order, prompt: Q, items: [a, b]}",
                "  - {type: type, prompt: Q, answer: a, items: [a, b, c]}",
                "  - {type: slider, prompt: Q, answer: a}",
                "  - {prompt: Q, answer: a}"):
        assert errors("questions:\n" + bad + "\n"), bad
