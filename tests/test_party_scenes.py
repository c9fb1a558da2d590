"""The party's big-screen scenes, fed events; the server is real but only on 127.0.0.1 and nobody connects.

Players join through the room (as the host does for a phone's message), so
these tests need no sockets of their own; the whole thing over real
WebSockets is the autoplay test below (and ``--autoplay --bots``).
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pygame
import pytest

from conftest import run_cli
from game.app import App, Options
from game.cli import main
from game.core.model import Question
from game.core.party import RECONNECT_GRACE, Reveal
from game.core.questions import Bank
from game.core.scores import ScoreStore
from game.ui import intents as I
from game.ui.intents import Intent, translate
from game.ui.outcomes import Play
from game.ui.scenes.party_lobby import PartyLobbyScene
from game.ui.scenes.party_play import PartyPlayScene
from game.ui.scenes.party_podium import PartyPodiumScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.title import TitleScene
from test_scenes import draw, key, send


def bank(n=4):
    qs = [Question(prompt=f"Party question {i}?", choices=tuple(f"Answer {i}.{c}" for c in range(4)),
                   answer=f"Answer {i}.0", explanation=f"Because {i}.") for i in range(n)]
    return Bank(questions=qs, files=["party.yaml"])


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def app(tmp_path):
    pygame.display.init()
    pygame.font.init()
    a = App(Options(count=2, seed=3, size=(1280, 720), mode="party", bind="127.0.0.1", port=0), bank(),
            ScoreStore(tmp_path / "scores.json"))
    a.open_window()
    a.stack.push(TitleScene(a.ctx))
    yield a
    a.ctx.parties.close()
    pygame.quit()


def click(app, pos):
    app.dispatch(Intent(I.CLICK, pos=tuple(pos)))
    app.wait_for_saves()


def lobby(app) -> PartyLobbyScene:
    app.flow.go(Play())
    scene = app.stack.top
    party = app.ctx.parties.current
    assert isinstance(scene, PartyLobbyScene) and party is not None and party.server.running
    return scene


def test_keys_for_the_party():
    assert translate(key(pygame.K_DELETE)) == Intent(I.REMOVE)
    assert translate(key(pygame.K_p)) == Intent(I.PAUSE, text="p")


def test_lobby_shows_how_to_join_and_the_players(app):
    scene = lobby(app)
    party = app.ctx.parties.current
    assert party.url.endswith(f"/?pin={party.pin}") and party.url.startswith("http://127.0.0.1:")
    assert len(party.pin) == 6 and party.local_only
    send(app, key(pygame.K_RETURN))  # nobody yet: Start does nothing
    assert app.stack.top is scene and not scene.menu.buttons[0].enabled
    draw(app)
    # The code on the screen is the join address: dark modules on white, with its quiet zone.
    qr = scene.qr_rect
    assert qr.width == qr.height and qr.width >= 120
    assert app.surface.get_at(qr.topleft)[:3] == (255, 255, 255)
    assert scene._qr_matrix and len(scene._qr_matrix) >= 21
    for name in ("Ann", "<b>Bob</b>", "Cleo"):
        party.room.join(name, party.pin)
    scene.update(0.016)
    draw(app)
    assert scene.menu.buttons[0].enabled and [p for p, _, _ in scene._chips] == [1, 2, 3]


def test_the_lobby_says_one_true_thing_about_who_can_join(app):
    """With --bind 127.0.0.1 the lobby said phones on the network cannot join, then told them to type the
    address on a phone on this network."""
    scene = lobby(app)
    party = app.ctx.parties.current
    assert party.local_only
    here = drawn_text(app, scene).replace(" | ", " ")
    assert "phones on the network cannot join" in here and "browser on this computer" in here
    assert "on a phone" not in here and "Scan" not in here, here
    party.local_only = False  # as when it listens on the local network
    scene.layout(*app.size)
    there = drawn_text(app, scene).replace(" | ", " ")
    assert "Scan to join" in there and "on a phone on this network" in there
    assert "cannot join" not in there and "on this computer" not in there


def test_lobby_removes_players_by_key_mouse_and_pad(app):
    scene = lobby(app)
    party = app.ctx.parties.current
    for name in ("Ann", "Bob", "Cleo", "Dee"):
        party.room.join(name, party.pin)
    draw(app)
    send(app, key(pygame.K_UP))  # from the buttons up to the last name
    assert scene.chip_focus == 4
    send(app, key(pygame.K_LEFT), key(pygame.K_DELETE))
    assert [p.name for p in party.room.players.values()] == ["Ann", "Bob", "Dee"]
    assert scene.chip_focus == 4  # the focus goes on to the next name
    draw(app)
    box = next(b for pid, _, b in scene._chips if pid == 1)
    click(app, box.center)  # the mouse: the chip's ×
    assert [p.name for p in party.room.players.values()] == ["Bob", "Dee"]
    draw(app)
    app.dispatch(Intent(I.LIFELINE, index=0))  # a pad's X removes the focused name
    assert [p.name for p in party.room.players.values()] == ["Bob"]
    send(app, key(pygame.K_DOWN))  # down from the names: back to the buttons
    assert scene.chip_focus is None or scene.chip_focus == 2
    scene._focus_chip(None)
    send(app, key(pygame.K_RIGHT), key(pygame.K_RETURN))  # the question text on the phones: off
    assert party.host.show_prompt is False and scene.menu.buttons[1].label.endswith("off")


def answer_all(party, room, right=True):
    rnd = party.round
    for player in list(room.players.values()):
        response = rnd.correct if right else (rnd.correct + 1) % len(rnd.choices)
        room.answer(player.id, player.secret, rnd.number, response, room.clock())


def test_a_whole_party_count_reveal_leaderboard_podium_and_the_board(app, tmp_path):
    lobby(app)
    party = app.ctx.parties.current
    clock = FakeClock()
    party.room.clock = clock
    ann = party.room.join("Ann", party.pin)
    bob = party.room.join("Bob", party.pin)
    send(app, key(pygame.K_RETURN))
    play = app.stack.top
    assert isinstance(play, PartyPlayScene) and play.name == "party_question" and party.room.is_open
    assert play.answered_line() == "0 of 2 answered"
    rnd = party.round
    clock.now += 2
    party.room.answer(ann.id, ann.secret, rnd.number, rnd.correct, clock())
    play.update(0.016)
    assert play.phase == "question" and play.answered_line() == "1 of 2 answered"
    draw(app)
    party.room.disconnect(bob.id)  # Bob's phone drops: away, and after a moment no longer waited for
    assert play.answered_line() == "1 of 2 answered · 1 away"
    play.update(0.016)
    assert play.phase == "question"  # it may be a reload: Bob gets the question back
    clock.now += RECONNECT_GRACE
    play.update(0.016)
    assert play.phase == "reveal" and play.reveal.counts[rnd.correct] == 1
    draw(app)
    send(app, key(pygame.K_RETURN))
    assert play.name == "party_leaderboard"
    assert [p.name for p in party.room.standings()] == ["Ann", "Bob"] and ann.place == 1
    draw(app)
    send(app, key(pygame.K_RETURN))  # the second (last) question
    assert play.name == "party_question" and party.number == 2
    party.room.rejoin(bob.secret)
    # Time runs out: the question ends by itself.
    clock.now += party.round.limit + 1
    play.update(0.016)
    assert play.phase == "reveal" and play.reveal.answered == 0
    draw(app)
    send(app, key(pygame.K_RETURN))  # after the last reveal: the podium
    podium = app.stack.top
    assert isinstance(podium, PartyPodiumScene)
    draw(app)
    app.wait_for_saves()
    draw(app)
    entries = json.loads((tmp_path / "scores.json").read_text())["entries"]
    assert [(e["name"], e["mode"]) for e in entries] == [("Ann", "party")]
    assert entries[0]["board"].startswith("party/2/")
    assert "saved to the party board" in podium.note and not podium.tie_split
    assert party.finished and party.closed and app.ctx.parties.current is None  # the server stops with the party
    party.wait_closed()
    assert not party.server.running
    click(app, podium.menu.buttons[1].rect.center)  # New party: a new lobby, a new PIN, a new server
    new = app.ctx.parties.current
    assert isinstance(app.stack.top, PartyLobbyScene) and new is not party and new.server.running
    app.ctx.parties.current.room.join("Cleo", app.ctx.parties.current.pin)
    send(app, key(pygame.K_ESCAPE))  # with players in, the first Esc only asks
    assert isinstance(app.stack.top, PartyLobbyScene) and "Esc again" in app.notice
    send(app, key(pygame.K_ESCAPE))
    assert isinstance(app.stack.top, TitleScene) and app.ctx.parties.current is None and party.closed


def tie_at_the_tenth(app, party, players) -> PartyPodiumScene:
    """Eleven players, P09 and P10 tied on the tenth score and P10 faster in total: the podium saves ten to
    the party board, P10 among them and not P09, and knows the rule chose."""
    party.ask_next()
    for k, player in enumerate(players):
        player.score = 2000 - 100 * min(k, 9)  # P09 and P10 both have 1,100 points
        player.correct = 1
        player.total_time = 10.0 if k != 9 else 14.0  # ... and P10 was faster
    party.room.close_question()
    podium = PartyPodiumScene(app.ctx, party)
    app.stack.push(podium)
    app.wait_for_saves()  # the table read, then the save
    app.wait_for_saves()
    board = app.ctx.scores.store.read().table.board(podium.board)
    assert len(board) == 10 and board[-1].name == "P10" and "P09" not in {e.name for e in board}
    assert podium.tie_split
    return podium


def test_equal_points_at_the_tenth_place_go_to_the_faster_total_time(app, tmp_path):
    """The party board keeps ten, ranked as every board is: points, then the faster total answer time (the
    rule in the README's party section). Two players tied on the tenth score: the faster goes on the board,
    and the podium says why the other did not."""
    lobby(app)
    party = app.ctx.parties.current
    players = [party.room.join(f"P{k:02d}", party.pin) for k in range(11)]
    podium = tie_at_the_tenth(app, party, players)
    assert players[9].place == players[10].place == 10  # the room: equal points share a place
    shown = drawn_text(app, podium).replace(" | ", " ")
    from game.ui.scenes.party_podium import TIE_RULE

    assert any(f"10 players saved to the party board. {rule}" in shown for rule in TIE_RULE), shown


def test_a_spent_pin_budget_is_said_in_the_lobby_and_the_host_shows_a_new_pin(app):
    """Too many wrong PINs (the server's gate tells the game): the lobby says nobody can join with this PIN
    and offers New PIN (with the focus); Enter shows another PIN and its code; players already in stay in."""
    from game.net.gate import PinBudgetSpent

    scene = lobby(app)
    party = app.ctx.parties.current
    ann = party.room.join("Ann", party.pin)
    old, url = party.pin, party.url
    assert "New PIN" not in [b.label for b in scene.menu.buttons]
    party.server.inbox.put(PinBudgetSpent(1000))
    app.ctx.parties.current.pump()
    scene.update(0.016)
    assert "Too many wrong PINs: choose New PIN" in drawn_text(app, scene)
    assert "Enter shows a new PIN" in drawn_text(app, scene)
    labels = [b.label for b in scene.menu.buttons]
    assert labels[scene.menu.focus] == "New PIN" and labels[-1] == "End party"
    send(app, key(pygame.K_RETURN))
    assert party.pin != old and party.url != url and party.url.endswith(party.pin) and ann.id in party.room.players
    assert app.notice == f"New PIN: {party.pin[:3]} {party.pin[3:]}"
    assert "New PIN" not in [b.label for b in scene.menu.buttons]
    assert "Too many wrong PINs" not in drawn_text(app, scene)
    assert not party.pin_budget_spent


def test_everyone_answered_ends_the_question_and_enter_shows_the_answer(app):
    lobby(app)
    party = app.ctx.parties.current
    party.room.join("Ann", party.pin)
    party.room.join("Bob", party.pin)
    send(app, key(pygame.K_RETURN))
    play = app.stack.top
    answer_all(party, party.room, right=False)
    play.update(0.016)
    assert play.phase == "reveal" and sum(play.reveal.counts) == 2
    send(app, key(pygame.K_RETURN), key(pygame.K_RETURN))
    assert play.phase == "question" and party.number == 2
    send(app, key(pygame.K_RETURN))  # the host shows the answer early
    assert play.phase == "reveal"


def test_pause_reaches_the_room_and_quitting_ends_the_party(app):
    lobby(app)
    party = app.ctx.parties.current
    party.room.join("Ann", party.pin)
    send(app, key(pygame.K_RETURN))
    send(app, key(pygame.K_p))
    assert isinstance(app.stack.top, PauseScene) and party.room.paused
    draw(app)
    send(app, key(pygame.K_ESCAPE))
    assert isinstance(app.stack.top, PartyPlayScene) and not party.room.paused
    send(app, key(pygame.K_ESCAPE))
    pause = app.stack.top
    assert pause.opaque == party.timed  # with a clock, the pause hides the question (issue 15)
    click(app, pause.menu.buttons[2].rect.center)  # Quit to title
    send(app, key(pygame.K_RETURN))  # it asks once: Enter confirms
    assert isinstance(app.stack.top, TitleScene) and party.closed
    party.wait_closed()
    assert not party.server.running


class Scale:
    low, high, step, tolerance = 0.0, 100.0, 1.0, 20.0
    value_kind, unit, currency, places = "number", "m", "", 0

    def show(self, value):
        return f"{value:g} m"


def other_kinds():
    """Rounds of every other kind, as the kinds core makes them (duck-typed: no core needed)."""
    est = SimpleNamespace(prompt="How long is the bridge?", answer="60 m", explanation=None, scale=Scale(),
                          value=60.0, also=())
    order = SimpleNamespace(prompt="Put them in order, first first.", answer="a → b → c", explanation="Dates.",
                            scale=None, value=None, also=())
    typed = SimpleNamespace(prompt="Which country?", answer="Norway", explanation=None, scale=None, value=None,
                            also=("Noreg",))
    tf = SimpleNamespace(prompt="The train was real.", answer="True", explanation=None, scale=None, value=None,
                         also=())
    return [SimpleNamespace(number=1, question=est, choices=(), correct=-1, limit=20.0, kind="estimate", solution=()),
            SimpleNamespace(number=1, question=order, choices=("b", "c", "a"), correct=-1, limit=20.0, kind="order",
                            solution=(2, 0, 1)),
            SimpleNamespace(number=1, question=typed, choices=(), correct=-1, limit=20.0, kind="type", solution=()),
            SimpleNamespace(number=1, question=tf, choices=("True", "False"), correct=0, limit=20.0,
                            kind="truefalse", solution=())]


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_every_kind_has_a_question_screen_and_a_reveal(app, size):
    lobby(app)
    party = app.ctx.parties.current
    ann = party.room.join("Ann", party.pin)
    app.options.size = size
    pygame.display.set_mode(size)
    app.resized()
    for rnd in other_kinds():
        party.rounds[0] = rnd
        party.index = -1
        play = PartyPlayScene(app.ctx, party)
        app.stack.push(play)
        assert play.shot_name == f"party_question_{rnd.kind}"
        draw(app)
        response = {"estimate": 58.0, "order": (2, 0, 1), "type": "norway", "truefalse": 0}[rnd.kind]
        from game.core.party import PartyAnswer

        play.reveal = Reveal(1, (1, 0) if rnd.kind == "truefalse" else (), {ann.id: PartyAnswer(
            ann.id, 1, response, None, 3.0, True, False, 900, 0, 1)}, 1, 1)
        play.phase = "reveal"
        play.layout(*size)
        assert play.shot_name == f"party_reveal_{rnd.kind}"
        draw(app)
        app.stack.pop()
        party.room.close_question()


def test_party_flags_are_checked(capsys):
    for args, words in [(["--max-players", "201"], "at most 200"), (["--max-players", "0"], "1 or more"),
                        (["--port", "70000"], "1 to 65535"), (["--bind", "the-moon"], "IP address")]:
        with pytest.raises(SystemExit):
            main(["--mode", "party", *args])
        assert words in capsys.readouterr().err
    for args, words in [(["--port", "9000"], "for party games"), (["--mode", "party", "--bots", "3"], "--autoplay"),
                        (["--mode", "party", "--autoplay", "--bots", "5", "--max-players", "4"], "more than"),
                        (["--mode", "party", "--autoplay", "--bots", "3", "--bind", "10.0.0.1"], "127.0.0.1")]:
        assert main(args) == 2
        assert words in capsys.readouterr().err


def test_autoplay_party_with_simulated_phones(tmp_path):
    scores = tmp_path / "party.json"
    shots = tmp_path / "shots"
    result = run_cli("--mode", "party", "--autoplay", "--bots", "6", "--count", "3", "--seed", "1", "--scores", scores,
                     "--screenshots", shots, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["mode"] == "party" and report["bots"] == 6 and report["bots_joined"] == 6
    assert report["answers_counted"] == report["answers_sent"] > 0
    by_kind = report["answers_by_kind"]
    assert set(by_kind) == {kind for kind, n in report["kinds"].items() if n}
    assert all(sent == counted for sent, counted in by_kind.values()), by_kind
    assert report["reconnects"] >= 1 and report["junk_sent"] == 4
    assert report["rejected_messages"] == report["junk_sent"] == report["junk_refused"]
    assert report["answer_latency_ms_p50"] is not None and report["questions"] == 3
    for screen in ("party_lobby", "party_leaderboard", "party_podium"):
        assert (shots / f"{screen}.png").stat().st_size > 1000, screen
    for screen in ("party_question", "party_reveal"):  # "party_question.png", or "_truefalse" and the like
        found = sorted(shots.glob(f"{screen}*.png"))  # after the kinds the seed's draw gives
        assert found and all(shot.stat().st_size > 1000 for shot in found), screen
    board = json.loads(run_cli("scores", "--json", "--scores", scores).stdout)
    names = {e["name"] for e in board if e["mode"] == "party"}
    top = {p["name"] for p in report["players"] if p["score"] > 0}
    assert names == top and names


def test_autoplay_party_of_estimates_counts_every_one_sent(tmp_path):
    """The sliders' answers (a release year, a date as a day number, money, an ordinal) as the page sends them:
    every one sent is counted (whole numbers of 100 or more were once refused as choices)."""
    result = run_cli("--mode", "party", "--autoplay", "--bots", "8", "--count", "4", "--seed", "2", "--kinds",
                     "estimate", "--scores", tmp_path / "party.json", timeout=240)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["kinds"]["estimate"] == 4
    sent, counted = report["answers_by_kind"]["estimate"]
    assert sent == counted > 0 and report["answers_counted"] == report["answers_sent"] == sent
    assert "not a choice" not in result.stderr


def test_phones_are_told_when_the_host_quits(app):
    """A real phone connection on 127.0.0.1: the pause and the end of the party reach it."""
    from websockets.sync.client import connect

    lobby(app)
    party = app.ctx.parties.current
    with connect(party.ws_url, open_timeout=5) as ws:
        ws.send(json.dumps({"type": "join", "pin": party.pin, "name": "Zoë"}))
        while not party.room.players:
            app.ctx.parties.current.pump()
        assert json.loads(ws.recv(timeout=5))["type"] == "joined"
        send(app, key(pygame.K_RETURN))  # Start: the question reaches the phone
        seen = []
        while "question" not in seen:
            seen.append(json.loads(ws.recv(timeout=5))["type"])
        send(app, key(pygame.K_p))
        while "paused" not in seen:
            seen.append(json.loads(ws.recv(timeout=5))["type"])
        click(app, app.stack.top.menu.buttons[2].rect.center)  # Quit to title
        send(app, key(pygame.K_RETURN))  # it asks once: Enter confirms
        while seen[-1] != "closed":
            message = json.loads(ws.recv(timeout=5))
            seen.append(message["type"])
        assert message["reason"] == "The host ended the game"
    party.wait_closed()
    assert not party.server.running


def test_simulated_phones_answer_every_kind_and_the_room_judges_them():
    """The autoplay phones' right and wrong responses, the bytes they send, through the message schema and the
    room's judge (a release year and a release date are estimates of 100 or more: once refused as choices)."""
    import random

    from game.core.model import Scale
    from game.core.party import Room
    from game.core.session import Session
    from game.net.bots import answer_message, any_response, responses
    from game.net.messages import parse

    questions = [
        Question(prompt="How fast?", choices=(), answer="60 mph", kind="estimate",
                 scale=Scale(20, 150, 10, 30, unit="mph"), value=60.0),
        Question(prompt="Put them in order.", choices=("a", "b", "c"), answer="a → b → c", kind="order"),
        Question(prompt="Which country?", choices=(), answer="Norway", kind="type", also=("Noreg",)),
        Question(prompt="It was real.", choices=("True", "False"), answer="True", kind="truefalse", ordered=True),
        Question(prompt="Which?", choices=("w", "x", "y", "z"), answer="x"),
        Question(prompt="Which year?", choices=(), answer="2023", kind="estimate", scale=Scale(2000, 2030, 1, 4),
                 value=2023.0, fact="year"),
        Question(prompt="Which day?", choices=(), answer="12 July 2023", kind="estimate",
                 scale=Scale(738700, 738783, 1, 14, value_kind="date"), value=738713.0, fact="day"),
    ]
    clock = FakeClock()
    room = Room("123456", clock=clock)
    ann, bob, cat = (room.join(n, "123456") for n in ("Ann", "Bob", "Cat"))
    rng = random.Random(1)
    rounds = Session(questions, count=7, rng=random.Random(2)).rounds
    assert len(rounds) == 7
    for rnd in rounds:
        room.open_question(rnd, 20.0)
        right, wrong = responses(rnd, rng)
        message = {"type": "question", "kind": rnd.kind, "choices": list(rnd.choices), "q": rnd.number}
        if rnd.question.scale:
            message["scale"] = {"low": rnd.question.scale.low}
        for player, response in ((ann, right), (bob, wrong), (cat, any_response(message, rng))):
            sent = parse(answer_message(player.secret, rnd.number, response))
            room.answer(player.id, player.secret, rnd.number, sent["response"], clock() + 1)
        reveal = room.close_question()
        assert reveal.answers[ann.id].correct and not reveal.answers[bob.id].correct, rnd.kind
        assert reveal.answered == 3


def drawn_text(app, scene) -> str:
    from game.ui.record import RecordingSurface

    surface = RecordingSurface(app.size, app.ctx.text)
    try:
        scene.draw(surface)
    finally:
        surface.finish()
    return " | ".join(line.text for line in surface.lines)


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
def test_every_screen_says_what_typed_answers_forgive_in_the_same_words(app, size):
    """The big screen once said "Spelling and capitals are forgiven" (spelling was not): the solo answer box,
    the party's big screen and the phone all say what game.core.spelling.FORGIVEN says."""
    from game.core.spelling import FORGIVEN
    from game.net.host import question_message

    pygame.display.set_mode(size)
    app.resized()
    lobby(app)
    party = app.ctx.parties.current
    party.room.join("Ann", party.pin)
    typed = next(r for r in other_kinds() if r.kind == "type")
    party.rounds[0] = typed
    party.index = -1
    play = PartyPlayScene(app.ctx, party)
    app.stack.push(play)
    big = drawn_text(app, play)
    assert any(words in big for words in FORGIVEN) and "Spelling" not in big, big
    assert question_message(typed, 3, 20.0)["forgiven"] == FORGIVEN[0]  # the phone shows it under its box
    app.stack.pop()
    party.room.close_question()
    app.ctx.parties.end("The test is over")

    app.ctx.games.choose(mode="classic")
    app.ctx.games.bank = Bank(questions=[Question("Which country?", (), "Norway", kind="type", fact="country")],
                              files=["typed.yaml"])
    app.flow.go(Play())
    solo = app.stack.top
    for _ in range(40):
        solo.update(0.05)
    mine = drawn_text(app, solo)
    assert any(words in mine for words in FORGIVEN), mine
