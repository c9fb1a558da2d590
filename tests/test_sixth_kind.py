"""A sixth kind of question, written here and nowhere else, plays through a session and a party room.

"Odd one out": a question file lists ``items`` and names the ``odd`` one; the game shows the items in a
shuffled order and the player picks the odd one.  Its phones reuse multiple choice's input, so neither the
phone page nor the server needs a word about it.  Everything here is the core and the network side: no
pygame, no sockets.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from game.core import kinds
from game.core.checks import Checker
from game.core.kinds.base import Fields, Found, Round
from game.core.kinds.fields import check_choices, match_answer
from game.core.model import Question
from game.core.party import Rejected, Room
from game.core.questions import load_text
from game.core.session import Session
from game.core.yamldoc import Node
from game.net.bots import answer_message, any_response, responses
from game.net.host import question_message, right_answer
from game.net.messages import parse


class OddOneOut(kinds.Kind):
    name = "odd"
    label = "Odd one out"
    short = "Odd one"
    keys = ("items", "odd")
    picks = True
    phone_input = "choices"

    def read(self, check: Checker, node: Node, found: Found) -> Fields | None:
        items_node = check.require(found, "items", node, "an odd-one-out question")
        odd_node = check.require(found, "odd", node, "an odd-one-out question")
        listed = check.text_list(items_node, "items", "an item") if items_node is not None else None
        items = check_choices(check, items_node, listed) if items_node is not None and listed is not None else None
        odd = check.text(odd_node, "odd") if odd_node is not None else None
        if items is None or odd is None or odd_node is None:
            return None
        odd = match_answer(check, odd_node, odd, items)
        return None if odd is None else {"choices": tuple(items), "answer": odd}

    def arrange(self, question: Question, rng: random.Random, number: int, limit: float) -> Round:
        items = list(question.choices)
        rng.shuffle(items)
        return Round(number, question, tuple(items), items.index(question.answer), limit, self.name)

    def check_response(self, rnd: Round, response: object, removed: tuple[int, ...] = ()) -> int:
        if isinstance(response, bool) or not isinstance(response, int) or not 0 <= response < len(rnd.choices):
            raise ValueError(f"{response!r} is not one of the items")
        return response

    def chosen(self, rnd: Round, response: object) -> int | None:
        return response if isinstance(response, int) else None

    def right(self, rnd: Round, response: Any) -> tuple[bool, bool]:
        return response == rnd.correct, False

    def response_text(self, rnd: Round, response: Any) -> str:
        return rnd.choices[response]

    def right_text(self, rnd: Round) -> str:
        return f"{rnd.question.answer} (the odd one out)"

    def phone_answers(self, rnd: Round, rng: random.Random) -> tuple[Any, Any]:
        return rnd.correct, (rnd.correct + 1) % len(rnd.choices)


FILE = """\
questions:
  - type: odd
    prompt: Which of these is not a vehicle in the film's chase?
    items: [Train, Car, Motorbike, Parachute]
    odd: Parachute
  - type: even
    prompt: Which one is even?
    items: [1, 2]
  - prompt: A choice question may not say which one is odd.
    choices: [A, B]
    answer: A
    odd: B
"""


@pytest.fixture
def odd():
    kind = kinds.register(OddOneOut())
    try:
        yield kind
    finally:
        kinds.unregister(kind.name)
    assert "odd" not in kinds.names()


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_of_the_sixth_kind_is_read_by_its_own_checks(odd):
    bank = load_text(FILE, "odd.yaml")
    (question,) = bank.questions
    assert question.kind == "odd" and question.answer == "Parachute" and len(question.choices) == 4
    problems = [str(p) for p in bank.problems]
    assert problems[0].startswith("odd.yaml:6:11: 'type' must be ") and "odd" in problems[0] \
        and "not 'even'" in problems[0], problems  # an unknown kind is refused where it is written
    assert any(p.startswith("odd.yaml:12:5: 'odd' is not used by a choice question (it is for odd questions)")
               for p in problems), problems
    assert bank.filtered(kinds=("odd",)) == [question]
    # The title's Kinds button offers it alone and with the others that need no typing.
    assert ("odd",) in kinds.stops() and "odd" in kinds.no_typing() and kinds.label_of(("odd",)) == "Odd one"


def test_without_its_kind_the_file_is_refused_with_line_and_column():
    bank = load_text(FILE, "odd.yaml")
    assert not any(q.kind == "odd" for q in bank.questions)
    assert str(bank.problems[0]).startswith("odd.yaml:2:11: 'type' must be choice, truefalse, estimate, order or "
                                            "type, not 'odd'"), bank.problems


def test_the_sixth_kind_plays_through_a_session(odd):
    (question,) = load_text(FILE, "odd.yaml").questions
    for right in (True, False):
        clock = Clock()
        session = Session([question], count=1, rng=random.Random(3), clock=clock)
        session.start()
        rnd = session.current
        assert rnd.kind == "odd" and rnd.choices[rnd.correct] == "Parachute"
        assert not session.can_use("50:50")  # only a kind that says it can be halved is
        clock.now = 4.0
        pick = rnd.correct if right else (rnd.correct + 1) % 4
        answer = session.answer(pick)
        assert answer.correct is right and answer.chosen == pick and (answer.total > 0) is right
        assert odd.given_text(rnd, pick) == rnd.choices[pick]
        assert odd.right_text(rnd) == "Parachute (the odd one out)"
        with pytest.raises(ValueError):
            odd.check_response(rnd, "Parachute")


def test_the_sixth_kind_plays_through_a_party_room(odd):
    (question,) = load_text(FILE, "odd.yaml").questions
    (rnd,) = Session([question], count=1, rng=random.Random(5)).rounds
    clock = Clock()
    room = Room("123456", clock=clock)
    ann, bob, cat = (room.join(name, "123456") for name in ("Ann", "Bob", "Cat"))
    message = question_message(rnd, 1, 20.0)
    assert message["kind"] == "odd" and message["input"] == "choices" and message["choices"] == list(rnd.choices)
    room.open_question(rnd, 20.0)
    right, wrong = responses(rnd, random.Random(1))  # the simulated phones answer through the kind
    guess = any_response(message, random.Random(2))
    for player, response in ((ann, right), (bob, wrong), (cat, guess)):
        sent = parse(answer_message(player.secret, rnd.number, response))  # the bytes a phone sends
        clock.now += 1
        room.answer(player.id, player.secret, rnd.number, sent["response"], clock.now)
    with pytest.raises(Rejected):
        room.answer(ann.id, ann.secret, rnd.number, "Parachute", clock.now)
    reveal = room.close_question()
    assert reveal.answers[ann.id].correct and not reveal.answers[bob.id].correct
    assert reveal.counts[rnd.correct] >= 1 and sum(reveal.counts) == 3
    assert right_answer(rnd) == "Parachute"
