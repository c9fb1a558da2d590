"""Typed answers a person would accept, and those they would not (issue 22, point 4).

Each row is what a player typed, the answer and its other accepted spellings
as the default bank or a player's file gives them, and whether it counts.
The first rows are the inputs the issue found refused.
"""

import pytest

from game.core.spelling import FILLERS, SLIP_FROM, accepted_as, loose, matches

FIGHT = ("A knife fight", ("a fight with knives", "knives", "knife duel"))
BIKE = ("A motorcycle", ("motorbike", "dirt bike", "bike"))
ATWELL = ("Hayley Atwell", ("Atwell",))
DIRECTOR = ("Christopher McQuarrie", ("McQuarrie", "Chris McQuarrie"))
ROLE = ("Director", ("film director", "directing", "he directed it"))
ROME = ("Rome", ("Roma",))
SPEED = ("60 mph", ())
NORWAY = ("Norway", ("Norge",))
MONEY = ("$3.5 billion", ())

TABLE = [
    # refused before issue 22
    ("knife", FIGHT, True),
    ("motor cycle", BIKE, True),
    ("dirt bike", BIKE, True),
    ("Hailey Atwell", ATWELL, True),
    ("Christopher McQuarie", DIRECTOR, True),
    ("Rome, Italy", ROME, True),
    ("60mph", SPEED, True),
    ("he was the director", ROLE, True),
    # singular and plural
    ("knives", FIGHT, True),
    ("a knife fights", FIGHT, True),
    ("motorbikes", BIKE, True),
    # spaces and hyphens inside words
    ("motor-cycle", BIKE, True),
    ("MotorCycle", BIKE, True),
    ("dirtbike", BIKE, True),
    ("Mc Quarrie", DIRECTOR, True),
    # a number with or without its unit and space
    ("60", SPEED, True),
    ("60 MPH", SPEED, True),
    ("sixty mph", SPEED, True),
    ("61 mph", SPEED, False),
    ("6o mph", SPEED, False),  # no slip in a number
    ("600 mph", SPEED, False),
    ("3.5 billion", MONEY, True),
    ("3.6 billion", MONEY, False),
    ("60 km", SPEED, False),
    # words that do not change the answer
    ("it's Rome", ROME, True),
    ("I think Norway", NORWAY, True),
    ("it was a knife fight", FIGHT, True),
    ("the director", ROLE, True),
    ("he directed it", ROLE, True),
    # a qualifier after a comma or in brackets counts, a list of guesses does not
    ("Rome (Italy)", ROME, True),
    ("Paris, Rome", ROME, False),
    ("Rome Paris", ROME, False),
    # one slip in answers of five letters or more
    ("Norwya", NORWAY, True),  # two letters swapped
    ("Norwayy", NORWAY, True),  # one extra
    ("Norwey", NORWAY, True),  # one wrong
    ("Atwel", ATWELL, True),
    ("Hailey Atwel", ATWELL, False),  # two slips
    ("Norw", NORWAY, False),
    ("Rme", ROME, False),  # four letters: no slip forgiven
    ("Roam", ROME, False),
    # plainly wrong
    ("Sweden", NORWAY, False),
    ("Tom Cruise", DIRECTOR, False),
    ("a sword duel", FIGHT, False),
    ("fight", FIGHT, False),
    ("", NORWAY, False),
    ("the", NORWAY, False),
]


@pytest.mark.parametrize("given, accepted, counts", TABLE, ids=[f"{row[0]!r}" for row in TABLE])
def test_typed_answers_a_person_would_accept(given, accepted, counts):
    answer, also = accepted
    assert matches(given, answer, also) is counts


def test_the_feedback_can_name_the_spelling_the_game_expected():
    assert accepted_as("Hailey Atwell", *ATWELL) == "Hayley Atwell"
    assert accepted_as("atwel", *ATWELL) == "Atwell"
    assert accepted_as("knife", *FIGHT) == "knives"
    assert accepted_as("Sweden", *NORWAY) is None


def test_the_loose_form_is_what_the_rules_say():
    assert loose("He was the Director!") == ["director"]
    assert loose("60mph") == ["60", "mph"]
    assert loose("Knives") == loose("knife")
    assert loose("the") == ["the"]  # a filler alone is still the answer typed
    assert SLIP_FROM == 5 and {"he", "was", "the"} <= FILLERS
