"""Issue 22: over 2,000 seeded games, no blind surface rule beats chance on any kind of question.

A blind player reads the choices but not the question (see game/core/blind.py
for every rule: the longest, the shortest, the length that stands out, the
only one with a digit, the roundest number, a cascade of such rules, the
alphabet, orders by length, the slider's ends and middle, an earlier answer
...).  Each seed plays a game of every kind together and one of each kind
alone, built from the core as the command line builds them (the bank made
for the seed, a session with a random generator of that seed); no pygame.
"""

import math
from pathlib import Path

import pytest

from game.core import blind
from game.core.questions import load_text, seeded

ROOT = Path(__file__).resolve().parent.parent
GAMES = 2000
NOISE = 4.5  # standard deviations: a rule further above chance than this is a tell, not luck


@pytest.fixture(scope="module")
def tallies():
    return blind.play(seeded([ROOT / "questions.yaml"]), GAMES)


def beyond_noise(rules: dict) -> list[str]:
    return [f"{rule}: {t.rate:.1%} right where chance gives {t.chance:.1%} (z = {t.z:+.1f})"
            for rule, t in rules.items() if t.variance and t.hits - t.expected > NOISE * t.sd]


@pytest.mark.parametrize("kind", ["choice", blind.NUMBERS, "truefalse", "estimate", "order"])
def test_no_blind_rule_beats_chance(tallies, kind):
    rules = tallies[kind]
    assert set(rules) == set(blind.rules_for(kind))
    assert min(t.rounds for t in rules.values()) > 1000, kind  # enough questions for chance to mean something
    assert not beyond_noise(rules)


def test_the_complements_of_the_surface_rules_do_not_beat_chance_either(tallies):
    """A rule that is right less often than chance gives a tell too, "anything but that one": the rules'
    complements are among the rules, and none of them beats chance."""
    names = set(tallies["choice"])
    assert {"not the longest", "not the shortest", "not the length that stands out", "not the odd one out",
            "the least round number", "the fewest digits", "the only one without a digit"} <= names


def test_typing_an_earlier_answer_or_the_most_named_thing_never_wins(tallies):
    rules = tallies["type"]
    assert min(t.rounds for t in rules.values()) > 1000
    assert all(t.hits <= 0.005 * t.rounds for t in rules.values()), {r: t.rate for r, t in rules.items()}


def test_true_and_false_are_as_often_right(tallies):
    always = tallies["truefalse"]["always True"]
    assert abs(always.hits - always.expected) <= NOISE * always.sd


SLANTED = """\
facts:
""" + "".join(f"""\
  - id: f{i}
    answer: The very much longest right answer {i}
    wrong: [Short {i}a, Short {i}b, Short {i}c, Short {i}d]
    explanation: Because.
    ask: Which one {i}?
""" for i in range(12))


def test_the_blind_players_catch_a_bank_that_gives_its_answers_away(tmp_path):
    """The rules are no formality: on a bank whose answer is always the longest choice, they win."""
    path = tmp_path / "slanted.yaml"
    path.write_text(SLANTED)
    assert load_text(SLANTED, str(path), giveaways=True).warnings  # and the validator says so
    rules = blind.play(seeded([path]), 100, alone=False)["choice"]
    assert rules["the longest"].rate == 1.0 and rules["the length that stands out"].rate > 0.9
    assert {"the longest", "the length that stands out", "the cascade of surface rules"} <= {
        line.split(":")[0] for line in beyond_noise(rules)}
    assert math.isclose(rules["the longest"].chance, 0.25)
