"""The party room without pygame or sockets: many phones, one question, the game's clock."""

from __future__ import annotations

import random

import pytest

from game.core.model import Question
from game.core.party import RECONNECT_GRACE, Rejected, Room
from game.core.session import Round


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def make_round(number=1, n=4, correct=2, close=()):
    choices = tuple(f"choice {i}" for i in range(n))
    question = Question(prompt=f"Question {number}?", choices=choices, answer=choices[correct], close=close)
    return Round(number, question, choices, correct, 20.0)


@pytest.fixture
def room():
    return Room("123456", clock=Clock(), max_players=60)


def test_join_rules(room):
    zoe = room.join("  Zoë Tester ", "123456")
    assert zoe.name == "Zoë Tester" and zoe.secret and zoe.id == 1
    with pytest.raises(Rejected, match="PIN"):
        room.join("Ann", "654321")
    with pytest.raises(Rejected, match="taken"):
        room.join("zoë tester", "123456")
    with pytest.raises(Rejected, match="taken"):  # as people read names: the spacing inside does not count either
        room.join("ZOË  Tester", "123456")
    with pytest.raises(Rejected):
        room.join(" \x00\t ", "123456")
    with pytest.raises(Rejected):
        room.join(["not", "text"], "123456")
    # A name over the limit is refused with the reason, never cut short behind the player's back.
    for long in ("A" * 17, "Bartholomew Smith", "A" * 40):
        with pytest.raises(Rejected, match="at most 16 characters"):
            room.join(long, "123456")
    assert room.join("  " + "A" * 16 + "\x00 ", "123456").name == "A" * 16
    assert room.join("Zoë 🚂 Tester", "123456").name == "Zoë 🚂 Tester"


def test_names_are_compared_as_people_read_them():
    """NFKC, case folding, invisible characters out, then Unicode's confusable skeletons (UTS #39)."""
    from game.core.names import look_alike_key, visible

    same = ["Alice", "ALICE", " alice ", "\u0410lice", "Al\u200bice", "\uff21lice", "\U0001d400lice", "A\u00adlice"]
    assert len({look_alike_key(n) for n in same}) == 1
    assert look_alike_key("Am\u00e9lie") == look_alike_key("Ame\u0301lie") != look_alike_key("Amelie")
    assert look_alike_key("B0b") == look_alike_key("Bob") and look_alike_key("Sam") != look_alike_key("Pam")
    assert look_alike_key("Ava 🚂") == look_alike_key("AVA 🚂") != look_alike_key("Ava 🎬")
    assert look_alike_key("Jo  Ann") == look_alike_key("Jo Ann")
    for empty in ("", "   ", "\u200b", "\u200b\u200c\u200d\u2060\ufeff", "\u3164", "\u2800", "\u0301", "\ufe0f"):
        assert not visible(empty), repr(empty)
    for seen in ("a", "7", "!", "🚂", "\u00e9", "ж"):
        assert visible(seen)


def test_a_name_with_nothing_to_see_or_one_that_looks_taken_is_refused_with_the_reason(room):
    room.join("Alice", "123456")
    with pytest.raises(Rejected, match="looks like") as info:
        room.join("\u0410lice", "123456")
    assert info.value.code == "name"
    with pytest.raises(Rejected, match="you can see"):
        room.join("\u200b\u200b", "123456")
    amelie = room.join("Ame\u0301lie", "123456")
    assert amelie.name == "Am\u00e9lie"  # kept in one spelling
    with pytest.raises(Rejected, match="looks like"):
        room.join("Am\u00e9lie", "123456")
    room.kick(amelie.id)
    assert room.join("AM\u00c9LIE", "123456").name == "AM\u00c9LIE"  # a removed player's name is free again


def test_full_room():
    room = Room("000001", clock=Clock(), max_players=2)
    room.join("a", "000001")
    room.join("b", "000001")
    with pytest.raises(Rejected, match="full"):
        room.join("c", "000001")


def test_many_players_answer_the_same_question_once(room):
    clock = room.clock
    players = [room.join(f"P{i}", "123456") for i in range(150 if room.max_players > 150 else 60)]
    room.open_question(make_round(), 20.0)
    rng = random.Random(1)
    counted = 0
    for player in players:
        clock.now += 0.01
        choice = rng.randrange(4)
        answer = room.answer(player.id, player.secret, 1, choice, clock.now)
        counted += 1
        assert answer.correct == (choice == 2)
        with pytest.raises(Rejected, match="already"):
            room.answer(player.id, player.secret, 1, choice, clock.now)
    assert room.answered_count() == counted == len(players)
    assert room.everyone_answered()
    reveal = room.close_question()
    assert sum(reveal.counts) == len(players)
    assert reveal.answered == len(players)


def test_time_comes_from_the_game_clock(room):
    clock = room.clock
    ann = room.join("Ann", "123456")
    room.open_question(make_round(), 20.0)
    opened = clock.now
    fast = room.answer(ann.id, ann.secret, 1, 2, opened + 5.0)
    assert fast.elapsed == pytest.approx(5.0)
    assert fast.points == 875  # the single-player rule: 1000 * (1 - (5/20)/2)


def test_only_valid_moves(room):
    clock = room.clock
    ann = room.join("Ann", "123456")
    bob = room.join("Bob", "123456")
    with pytest.raises(Rejected):  # nothing open yet
        room.answer(ann.id, ann.secret, 1, 0, clock.now)
    room.open_question(make_round(), 20.0)
    with pytest.raises(Rejected, match="Not your"):
        room.answer(ann.id, bob.secret, 1, 0, clock.now)
    with pytest.raises(Rejected, match="closed"):
        room.answer(ann.id, ann.secret, 2, 0, clock.now)
    for bad in (4, -1, True, "1", 1.5, None, [0, 1]):
        with pytest.raises(Rejected):
            room.answer(ann.id, ann.secret, 1, bad, clock.now)
    with pytest.raises(Rejected, match="late"):
        room.answer(ann.id, ann.secret, 1, 0, clock.now + 20.0)
    room.pause()
    with pytest.raises(Rejected, match="paused"):
        room.answer(ann.id, ann.secret, 1, 0, clock.now)
    room.resume()
    room.answer(ann.id, ann.secret, 1, 0, clock.now)
    room.close_question()
    with pytest.raises(Rejected, match="closed"):
        room.answer(bob.id, bob.secret, 1, 0, clock.now)


def test_pause_does_not_count(room):
    clock = room.clock
    ann = room.join("Ann", "123456")
    room.open_question(make_round(), 20.0)
    clock.now += 4
    room.pause()
    clock.now += 100
    room.resume()
    clock.now += 1
    assert room.answer(ann.id, ann.secret, 1, 2, clock.now).elapsed == pytest.approx(5.0)


def test_rejoin_keeps_name_score_and_streak(room):
    clock = room.clock
    ann = room.join("Ann", "123456")
    for number in (1, 2):
        room.open_question(make_round(number), 20.0)
        room.answer(ann.id, ann.secret, number, 2, clock.now)
        room.close_question()
    room.disconnect(ann.id)
    assert not ann.connected and ann.id in room.players  # away, not dropped
    back = room.rejoin(ann.secret)
    assert back is ann and back.connected and back.streak == 2 and back.score > 0
    with pytest.raises(Rejected):
        room.rejoin("no such secret")


def test_the_shown_score_leaves_out_an_answer_not_yet_revealed(room):
    clock = room.clock
    ann = room.join("Ann", "123456")
    room.open_question(make_round(1), 20.0)
    room.answer(ann.id, ann.secret, 1, 2, clock.now)
    room.close_question()
    after_one = ann.score
    assert after_one > 0 and room.shown_score(ann) == after_one
    room.open_question(make_round(2), 20.0)
    room.answer(ann.id, ann.secret, 2, 2, clock.now)
    assert ann.score > after_one and room.shown_score(ann) == after_one  # still open: not told
    room.close_question()
    assert room.shown_score(ann) == ann.score


def test_everyone_answered_counts_connected_players(room):
    clock = room.clock
    ann, bob = room.join("Ann", "123456"), room.join("Bob", "123456")
    room.open_question(make_round(), 20.0)
    room.answer(ann.id, ann.secret, 1, 0, clock.now)
    assert not room.everyone_answered()
    room.disconnect(bob.id)
    assert not room.everyone_answered()  # a moment's grace: it may be a reload
    clock.now += RECONNECT_GRACE
    assert room.everyone_answered()


def test_kick_forgets_the_secret(room):
    ann = room.join("Ann", "123456")
    room.kick(ann.id)
    with pytest.raises(Rejected):
        room.rejoin(ann.secret)
    assert room.join("Ann", "123456").name == "Ann"  # the name is free again


def test_late_joiner_starts_at_zero_and_timeouts_end_streaks(room):
    clock = room.clock
    ann = room.join("Ann", "123456")
    room.open_question(make_round(1), 20.0)
    room.answer(ann.id, ann.secret, 1, 2, clock.now)
    room.close_question()
    bob = room.join("Bob", "123456")
    assert bob.score == 0
    room.open_question(make_round(2), 20.0)
    reveal = room.close_question()
    assert reveal.answers[ann.id].response is None and ann.streak == 0
    assert reveal.answered == 0


def test_standings_places_and_moves(room):
    clock = room.clock
    ann, bob, cat = (room.join(n, "123456") for n in ("Ann", "Bob", "Cat"))
    room.open_question(make_round(1), 20.0)
    room.answer(ann.id, ann.secret, 1, 2, clock.now + 1)
    room.answer(bob.id, bob.secret, 1, 2, clock.now + 10)
    room.close_question()
    assert [p.name for p in room.standings()] == ["Ann", "Bob", "Cat"]
    assert [p.move for p in room.standings()] == [None, None, None]  # the first ranking: no move shown yet
    room.open_question(make_round(2), 20.0)
    room.answer(cat.id, cat.secret, 2, 2, clock.now + 0.5)
    room.answer(bob.id, bob.secret, 2, 2, clock.now + 0.5)
    room.close_question()
    order = room.standings()
    assert order[0] is bob and bob.move == 1 and ann.move < 0
    assert [p.place for p in order] == sorted(p.place for p in order)


def test_close_answers_earn_half(room):
    clock = room.clock
    ann = room.join("Ann", "123456")
    room.open_question(make_round(close=("choice 1",)), 20.0)
    answer = room.answer(ann.id, ann.secret, 1, 1, clock.now)
    assert answer.close and not answer.correct and answer.points == 500 and ann.streak == 0


def test_pins_are_six_digits():
    rng = random.Random(3)
    pins = {Room.new_pin(rng) for _ in range(50)}
    assert all(len(p) == 6 and p.isdigit() for p in pins)


def test_moves_count_only_from_the_previous_question_and_ties_share_a_place(room):
    """The play-test's first leaderboard showed ▲1 and ▼1 for players tied at 0 points."""
    clock = room.clock
    ann, bob, cat = (room.join(n, "123456") for n in ("Ann", "Bob", "Cat"))
    assert [p.place for p in (ann, bob, cat)] == [0, 0, 0]  # not ranked before the first question
    room.open_question(make_round(1), 20.0)
    room.answer(cat.id, cat.secret, 1, 2, clock.now + 1)
    room.close_question()
    assert [(p.name, p.place, p.move) for p in room.standings()] == \
        [("Cat", 1, None), ("Ann", 2, None), ("Bob", 2, None)]  # a tie shares a place; no move yet
    dan = room.join("Dan", "123456")  # between questions: a newcomer
    room.open_question(make_round(2), 20.0)
    room.answer(ann.id, ann.secret, 2, 2, clock.now + 1)
    room.answer(dan.id, dan.secret, 2, 2, clock.now + 2)
    room.close_question()
    got = {p.name: (p.place, p.move) for p in room.standings()}
    assert got["Cat"] == (1, 0) and got["Bob"] == (4, -2)
    assert got["Ann"][1] == 2 - got["Ann"][0] and got["Dan"][1] is None  # the newcomer shows no move
    places = [p.place for p in room.standings()]
    assert places == sorted(places) and places[0] == 1
    # Equal scores always share the place of the first of them, and the next place skips them.
    room.open_question(make_round(3), 20.0)
    room.close_question()
    by_score = {}
    for p in room.standings():
        by_score.setdefault(p.score, set()).add(p.place)
    assert all(len(places) == 1 for places in by_score.values())
    assert all(p.move == 0 for p in room.standings())  # nobody scored: nobody moved


def test_a_phone_that_just_dropped_is_waited_for(room):
    """A reload mid-question must not close the question under the reloading player."""
    clock = room.clock
    ann, bob = room.join("Ann", "123456"), room.join("Bob", "123456")
    room.open_question(make_round(1), 20.0)
    room.answer(ann.id, ann.secret, 1, 2, clock.now)
    room.disconnect(bob.id)  # Bob's phone reloads
    assert not bob.connected and not room.everyone_answered()
    room.rejoin(bob.secret)
    assert bob.connected and not room.everyone_answered()
    room.answer(bob.id, bob.secret, 1, 2, clock.now + 1)
    assert room.everyone_answered()
    room.close_question()
    room.open_question(make_round(2), 20.0)
    room.answer(ann.id, ann.secret, 2, 2, clock.now)
    room.disconnect(bob.id)  # gone for good: waited for only a moment
    clock.now += RECONNECT_GRACE
    assert room.everyone_answered()


def test_the_counts_kept_as_they_change_match_a_look_at_every_player():
    """The live count ("12 of 15 answered · 2 away") is kept as players join, drop, come back, are removed
    and answer, rather than counted each frame: after any order of those moves it says what a look at every
    player says."""
    rng = random.Random(7)
    for game in range(40):
        clock = Clock()
        room = Room("123456", clock=clock, max_players=12)
        number = 0
        for _ in range(120):
            move = rng.random()
            players = list(room.players.values())
            if move < 0.2 and len(players) < 12:
                player = room.join(f"P{game}x{room._next_id}", "123456")
                if rng.random() < 0.8:
                    room.connect(player.id)
            elif move < 0.3 and players:
                room.disconnect(rng.choice(players).id, dropped=rng.random() < 0.5)
            elif move < 0.4 and players:
                room.rejoin(rng.choice(players).secret)
            elif move < 0.45 and players:
                room.kick(rng.choice(players).id)
            elif move < 0.75 and players and room.is_open:
                player = rng.choice(players)
                try:
                    room.answer(player.id, player.secret, number, rng.randrange(4), clock.now)
                except Rejected:
                    pass
            elif move < 0.85 and room.is_open:
                room.close_question()
            elif move < 0.92 and not room.is_open and number < 9:
                number += 1
                room.open_question(make_round(number), 20.0)
            clock.now += rng.random() * 3
            everyone = list(room.players.values())
            assert room.answered_count() == sum(1 for p in everyone if room.number in p.answers)
            assert room.connected_count() == len(room.connected()) == sum(1 for p in everyone if p.connected)
            here = [p for p in everyone if p.connected or (p.away_since is not None and p.away_since >= room._opened_at
                                                             and clock.now - p.away_since < RECONNECT_GRACE)]
            assert room.everyone_answered() == (bool(here) and all(room.number in p.answers for p in here))


def test_an_answer_checked_ahead_is_kept_only_if_the_room_is_as_it_was(room):
    """The server checks and scores answers on its own thread (Room.check, changing nothing); the game's thread
    keeps one as it is (Room.take) only while nothing that bears on it changed, and otherwise judges it again."""
    ann, bob = room.join("Ann", "123456"), room.join("Bob", "123456")
    room.open_question(make_round(1), 20.0)
    room.clock.now += 2
    judged = room.check(ann.id, ann.secret, 1, 2, room.clock.now)
    assert ann.answers == {} and room.answered_count() == 0  # checking changed nothing
    assert room.take(judged) and ann.answers[1] == judged.answer and judged.answer.correct
    assert room.answered_count() == 1 and ann.score == judged.answer.total > 0
    assert not room.take(judged)  # once only
    with pytest.raises(Rejected, match="already"):
        room.check(ann.id, ann.secret, 1, 2, room.clock.now)

    # Checked before a pause, a resume, a close or the next question: judged again by whoever keeps it.
    stale = room.check(bob.id, bob.secret, 1, 1, room.clock.now)
    room.pause()
    assert not room.take(stale) and 1 not in bob.answers
    with pytest.raises(Rejected, match="paused"):
        room.answer(bob.id, bob.secret, 1, 1, room.clock.now)  # as the game's thread judges it again
    room.resume()
    stale = room.check(bob.id, bob.secret, 1, 1, room.clock.now)
    room.close_question()
    assert not room.take(stale) and bob.answers[1].response is None  # his time ran out: the answer came too late
    room.open_question(make_round(2), 20.0)
    early = room.check(bob.id, bob.secret, 2, 2, room.clock.now)
    room.kick(bob.id)
    assert not room.take(early)
    with pytest.raises(Rejected):
        room.check(bob.id, bob.secret, 2, 2, room.clock.now)


def test_answers_checked_on_another_thread_while_the_game_changes_the_room_are_kept_as_judged_now():
    """A thread checks answers as fast as it can while this one opens, pauses, resumes and closes questions; every
    answer the room keeps as checked is the one it would judge now (the same points, time and streak)."""
    import sys
    import threading

    clock = Clock()
    room = Room("123456", clock=clock, max_players=40)
    players = [room.join(f"P{i}", "123456") for i in range(30)]
    checked: list = []
    stop = threading.Event()

    def server():
        rng = random.Random(3)
        while not stop.is_set():
            player = rng.choice(players)
            at = clock.now
            try:
                checked.append((room.check(player.id, player.secret, room.number, rng.randrange(4), at), at))
            except Rejected:
                pass

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    thread = threading.Thread(target=server, daemon=True)
    kept = 0
    try:
        thread.start()
        rng = random.Random(5)
        for number in range(1, 40):
            room.open_question(make_round(number, correct=number % 4), 20.0)
            for _ in range(60):
                clock.now += 0.05
                move = rng.random()
                if move < 0.05:
                    room.pause()
                elif move < 0.1:
                    room.resume()
                while checked:
                    judged, at = checked.pop(0)
                    answer = judged.answer
                    player = room.players[answer.player_id]
                    try:
                        now = room._checked(player.id, player.secret, answer.number, answer.response, at)
                    except Rejected:
                        now = None
                    if room.take(judged):
                        kept += 1
                        assert now == answer  # as the room judges it now: the same time, points and streak
            room.resume()
            room.close_question()
    finally:
        stop.set()
        thread.join(5)
        sys.setswitchinterval(old)
    assert kept > 0
    for player in players:  # every kept answer counted once, in the totals the room shows
        assert player.score == sum(a.total for a in player.answers.values())
