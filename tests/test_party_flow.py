"""The party's flow on the big screen (game/core/party_flow.py) without pygame or sockets: question ->
reveal -> leaderboard -> next, the countdowns, everyone answered, the last five seconds."""

import ast
import inspect
import random

import pytest

import game.core.party_flow as module
from game.core.model import Question
from game.core.party import Room
from game.core.party_flow import BOARD_SECONDS, REVEAL_SECONDS, PartyFlow
from game.core.session import Session
from test_session import FakeClock


class FakeParty:
    """The moves of game.net.game.PartyGame the flow uses, over a real room, with no server."""

    def __init__(self, n=2, timed=True):
        self.clock = FakeClock()
        qs = [Question(prompt=f"Q{i}?", choices=tuple(f"{i}-{c}" for c in range(4)), answer=f"{i}-0")
              for i in range(n)]
        self.rounds = Session(qs, count=n, rng=random.Random(3)).rounds
        self.room = Room("1234", clock=self.clock)
        self.timed = timed
        self.index = -1

    @property
    def round(self):
        return self.rounds[self.index]

    @property
    def last(self):
        return self.index + 1 >= len(self.rounds)

    def ask_next(self):
        self.index += 1
        self.room.open_question(self.round, self.round.limit if self.timed else None)
        return True

    def reveal(self):
        return self.room.close_question()


def join(party, *names):
    return [party.room.join(name, party.room.pin) for name in names]


def answer(party, player, right=True):
    rnd = party.round
    choice = rnd.correct if right else (rnd.correct + 1) % len(rnd.choices)
    party.room.answer(player.id, player.secret, rnd.number, choice, party.clock())


def test_the_flow_imports_neither_pygame_nor_the_network():
    tree = ast.parse(inspect.getsource(module))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not any(name.startswith(("pygame", "game.net", "game.ui", "websockets")) for name in imported)


def test_question_reveal_leaderboard_next_then_over():
    party = FakeParty(2)
    ann, bo = join(party, "Ann", "Bo")
    flow = PartyFlow(party)
    assert flow.ask_next() == "question" and flow.phase == "question" and flow.step == 0
    assert flow.update(0.1) is None
    answer(party, ann)
    assert flow.update(0.1) is None  # Bo has not answered yet
    answer(party, bo, right=False)
    assert flow.update(0.1) == "reveal"  # everyone answered: no need to wait for the clock
    assert flow.phase == "reveal" and flow.step == 1 and flow.left == REVEAL_SECONDS and flow.right() == 1
    assert flow.update(REVEAL_SECONDS - 0.5) is None
    assert flow.update(0.5) == "leaderboard" and flow.left == BOARD_SECONDS and flow.step == 2
    assert flow.reveal is not None  # the leaderboard reads the last reveal's points
    assert flow.update(BOARD_SECONDS) == "question" and party.index == 1 and flow.reveal is None
    assert flow.show_answer() == "reveal" and flow.right() == 0  # the host's Enter
    assert flow.update(REVEAL_SECONDS) == "over"  # no leaderboard after the last question: the podium
    assert flow.go_on() == "over"


def test_the_clock_ends_a_question_with_a_tick_for_each_of_its_last_five_seconds():
    party = FakeParty(1)
    join(party, "Ann")
    flow = PartyFlow(party)
    flow.ask_next()
    party.clock.advance(party.round.limit - 5.5)
    assert flow.update(0.0) is None
    events = []
    for _ in range(30):
        party.clock.advance(0.25)
        event = flow.update(0.25)
        if event:
            events.append(event)
        if event == "reveal":
            break
    assert events == ["tick"] * 5 + ["reveal"]
    assert flow.reveal.answered == 0


def test_a_paused_or_untimed_question_waits():
    party = FakeParty(1)
    join(party, "Ann")
    flow = PartyFlow(party)
    flow.ask_next()
    party.room.pause()
    party.clock.advance(1000)
    assert flow.update(1.0) is None and flow.phase == "question"
    untimed = FakeParty(1, timed=False)
    join(untimed, "Ann")
    flow = PartyFlow(untimed)
    flow.ask_next()
    untimed.clock.advance(10_000)
    assert flow.update(1.0) is None and flow.phase == "question"


def test_nobody_in_the_room_waits_for_the_clock():
    party = FakeParty(1)
    flow = PartyFlow(party)
    flow.ask_next()
    assert flow.update(0.1) is None  # "everyone answered" needs someone
    party.clock.advance(party.round.limit)
    assert flow.update(0.1) == "reveal"


@pytest.mark.parametrize("reveal, board", [(0.25, 0.25), (2.0, 1.0)])
def test_the_countdowns_are_the_ones_given(reveal, board):
    party = FakeParty(2)
    flow = PartyFlow(party, reveal, board)
    flow.ask_next()
    flow.show_answer()
    assert flow.left == reveal
    assert flow.update(reveal) == "leaderboard" and flow.left == board
