"""The party server with real WebSocket clients on 127.0.0.1, no pygame."""

from __future__ import annotations

import json
import queue
import urllib.error
import urllib.request

import pytest

pytest.importorskip("websockets")
from websockets.sync.client import connect  # noqa: E402

from game.net import messages  # noqa: E402
from game.net.server import Gone, Inbound, PartyServer  # noqa: E402


@pytest.fixture
def server(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>phone</title>", encoding="utf-8")
    (tmp_path / "app.js").write_text("// js", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not served", encoding="utf-8")
    srv = PartyServer("127.0.0.1", 0, web_root=tmp_path)
    srv.start()
    yield srv
    srv.stop()
    assert not srv.running


def url(srv, path):
    return f"http://127.0.0.1:{srv.address[1]}{path}"


def ws_url(srv):
    return f"ws://127.0.0.1:{srv.address[1]}/ws"


def take(srv, kind=Inbound, timeout=3.0):
    while True:
        item = srv.inbox.get(timeout=timeout)
        if isinstance(item, kind):
            return item


def test_serves_only_its_own_files(server):
    with urllib.request.urlopen(url(server, "/")) as response:
        assert response.status == 200 and b"phone" in response.read()
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    with urllib.request.urlopen(url(server, "/app.js")) as response:
        assert response.headers["Content-Type"].startswith("text/javascript")
    for path in ("/secret.txt", "/../server.py", "/%2e%2e/server.py", "/etc/passwd", "/index.html/x"):
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(url(server, path))
        assert info.value.code == 404


def test_messages_arrive_checked_and_stamped(server):
    with connect(ws_url(server)) as ws:
        ws.send(json.dumps({"type": "join", "pin": "123456", "name": "Zoë"}))
        got = take(server)
        assert got.message == {"type": "join", "pin": "123456", "name": "Zoë"} and got.at > 0
        server.send(got.conn, {"type": "joined", "id": 1, "name": "<b>Zoë</b>"})
        assert json.loads(ws.recv(timeout=3)) == {"type": "joined", "id": 1, "name": "<b>Zoë</b>"}
        server.broadcast({"type": "lobby", "players": 1})
        assert json.loads(ws.recv(timeout=3))["type"] == "lobby"
    assert isinstance(take(server, Gone), Gone)


@pytest.mark.parametrize("junk", [
    "not json", "[]", "{}", '{"type": "hack"}', '{"type": "join", "pin": "1"}',
    '{"type": "join", "pin": "1", "name": "a", "extra": 1}', '{"type": "answer", "secret": "s", "q": 1}',
    '{"type": "answer", "secret": "s", "q": true, "response": 1}',
    '{"type": "answer", "secret": "s", "q": 1, "response": true}',
    '{"type": "answer", "secret": "s", "q": 1, "response": {"a": 1}}',
    '{"type": "answer", "secret": "s", "q": 1, "response": NaN}',
    '{"type": "answer", "secret": "s", "q": 1, "response": 1e400}',
    '{"type": "answer", "secret": "s", "q": 1, "response": 123456789012345678901234567890}',
    '{"type": "join", "pin": 123456, "name": "a"}', "[" * 1000,
])
def test_junk_is_refused_and_the_server_goes_on(server, junk):
    with connect(ws_url(server)) as ws:
        ws.send(junk)
        assert json.loads(ws.recv(timeout=3))["type"] == "error"
        ws.send(json.dumps({"type": "ping"}))
        ws.send(json.dumps({"type": "rejoin", "secret": "abc"}))
        assert take(server).message["type"] == "rejoin"
    assert server.stats["rejected_messages"] == 1


def test_a_huge_message_closes_the_connection(server):
    from websockets.exceptions import ConnectionClosed

    with connect(ws_url(server), max_size=None) as ws:
        ws.send("x" * (messages.MAX_MESSAGE_BYTES * 4))
        with pytest.raises(ConnectionClosed):
            ws.recv(timeout=3)
    take(server, Gone)
    assert server.stats["closed_for_size"] == 1
    with connect(ws_url(server)) as ws:  # others still get in
        ws.send(json.dumps({"type": "rejoin", "secret": "abc"}))
        take(server)


def test_a_fast_sender_is_throttled(server):
    with connect(ws_url(server)) as ws:
        for _ in range(30):
            ws.send(json.dumps({"type": "rejoin", "secret": "x"}))
        ws.send(json.dumps({"type": "ping"}))
    take(server, Gone)
    assert server.stats["throttled"] >= 30 - 12
    inbound = 0
    while True:
        try:
            item = server.inbox.get_nowait()
        except queue.Empty:
            break
        inbound += isinstance(item, Inbound)
    assert inbound <= 12


def test_a_foreign_page_cannot_connect(server):
    from websockets.exceptions import InvalidStatus

    with pytest.raises(InvalidStatus):
        connect(ws_url(server), origin="http://evil.example")


def test_connections_that_have_not_joined_have_a_budget_of_their_own(tmp_path):
    """With an address's budget full, a newcomer from it is told to try again while the others are just
    opening (phones behind one address joining at once), then takes the place of its oldest idle one:
    holding connections open keeps no one out (tests/test_party_attacks.py holds 240 from 200 addresses)."""
    import time

    from websockets.exceptions import ConnectionClosed

    from game.net.gate import Limits

    srv = PartyServer("127.0.0.1", 0, web_root=tmp_path,
                      limits=Limits(unjoined=2, unjoined_per_address=2, opening=0.3))
    srv.start()
    try:
        with connect(ws_url(srv)) as first, connect(ws_url(srv)):
            with connect(ws_url(srv)) as third:
                with pytest.raises(ConnectionClosed) as info:
                    third.recv(timeout=3)
                assert info.value.rcvd.code == 1013  # try again later
            time.sleep(0.4)
            with connect(ws_url(srv)) as fourth:
                with pytest.raises(ConnectionClosed) as info:
                    first.recv(timeout=3)
                assert info.value.rcvd.code == 1013
                fourth.send(json.dumps({"type": "rejoin", "secret": "abc"}))
                assert take(srv).message["type"] == "rejoin"
        assert srv.stats["evicted"] == 1 and srv.stats["refused_connections"] == 1
    finally:
        srv.stop()


def test_a_taken_port_falls_back_to_a_free_one(tmp_path):
    first = PartyServer("127.0.0.1", 0, web_root=tmp_path)
    port = first.start()[1]
    second = PartyServer("127.0.0.1", port, web_root=tmp_path)
    try:
        assert second.start()[1] not in (port, 0)
    finally:
        first.stop()
        second.stop()


def test_wrong_pins_are_counted_before_they_are_answered_and_slowed_for_the_whole_game():
    """The gate checks the PIN: a right one costs nothing, a wrong one a token from the whole game's
    budget; with none left, joins wait their turn (no sockets: a fake clock)."""
    from game.net.gate import Forward, Gate, Limits, Send

    gate = Gate("424242", limits=Limits(pin_burst=2, pin_rate=1.0))
    for conn in (1, 2, 3):
        gate.open(conn, f"10.0.0.{conn}", 0.0)

    def join(conn, pin, now):
        return gate.message(conn, json.dumps({"type": "join", "pin": pin, "name": "Ann"}), now)

    assert [type(a) for a in join(1, "000000", 0.0)] == [Send]
    assert [type(a) for a in join(2, "000001", 0.0)] == [Send]
    assert join(3, "000002", 0.0) == [] and gate.counts.guesses == 3  # counted, not answered yet
    assert [type(a) for a in join(1, "424242", 0.1)] == []  # waits behind the one that came first
    assert gate.tick(0.5) == []
    first = gate.tick(1.0)
    assert [a.message["code"] for a in first if isinstance(a, Send)] == ["pin"]
    second = gate.tick(2.0)
    assert [type(a) for a in second] == [Forward] and second[0].conn == 1
    assert gate.counts.wrong_pins == 3


# -- the host: messages in, room calls, news out (a fake server: no sockets) ------------------
class ArrivalInbox:
    """The server's inbox as the host sees it; an answer put in is checked on arrival by the host's check, as the
    real server does on its own thread (:meth:`game.net.server.PartyServer._apply`)."""

    def __init__(self, server):
        self.server = server
        self.items = queue.SimpleQueue()

    def put(self, item):
        from dataclasses import replace

        from game.net.server import Inbound

        check = self.server.check
        if isinstance(item, Inbound) and check is not None and item.judged is None:
            item = replace(item, judged=check(item.conn, item.message, item.at))
        self.items.put(item)

    def get_nowait(self):
        return self.items.get_nowait()

    def empty(self):
        return self.items.empty()


class FakeServer:
    def __init__(self):
        self.check = None
        self.inbox = ArrivalInbox(self)
        self.sent = []  # (conn, message)
        self.closed = []
        self.bad_pins = 0
        self.settled = []
        self.pins = []

    def send(self, conn, message):
        self.sent.append((conn, message))

    def broadcast(self, message, conns=None):
        for conn in list(conns or []):
            self.sent.append((conn, message))

    def close(self, conn, reason=""):
        self.closed.append(conn)

    def wrong_pin(self, conn):
        self.bad_pins += 1

    def settle(self, conn, joined):
        self.settled.append((conn, joined))

    def new_pin(self, pin):
        self.pins.append(pin)

    def judge_with(self, check):
        self.check = check

    def to(self, conn, kind):
        return [m for c, m in self.sent if c == conn and m["type"] == kind]


def _host():
    from game.core.model import Question
    from game.core.party import Room
    from game.core.session import Round
    from game.net.host import PartyHost

    clock = [10.0]
    room = Room("424242", clock=lambda: clock[0])
    server = FakeServer()
    host = PartyHost(room, server, total=3)
    q = Question(prompt="<b>How fast?</b>", choices=("50 mph", "60 mph", "70 mph"), answer="60 mph", ordered=True)
    return host, server, room, clock, Round(1, q, q.choices, 1, 20.0)


def test_the_host_keeps_answers_checked_on_arrival_and_judges_again_those_the_room_moved_past(monkeypatch):
    """The server's thread checks each answer as it arrives (PartyHost.check); the game's frame keeps it as it is,
    without judging it again, unless the room changed in between: then it is judged again and the phone is told
    the outcome of that."""
    from game.core.party import Room

    host, server, room, clock, round_ = _host()
    for conn, name in ((1, "Ann"), (2, "Bob")):
        server.inbox.put(Inbound(conn, {"type": "join", "pin": "424242", "name": name}, clock[0]))
    host.pump()
    secrets_ = {conn: server.to(conn, "joined")[0]["secret"] for conn in (1, 2)}
    host.ask(round_, 20.0)
    judged_again = []
    real = Room.answer
    monkeypatch.setattr(Room, "answer", lambda self, *args: judged_again.append(args) or real(self, *args))
    server.inbox.put(Inbound(1, {"type": "answer", "secret": secrets_[1], "q": 1, "response": 1}, clock[0] + 1))
    server.inbox.put(Inbound(2, {"type": "answer", "secret": secrets_[2], "q": 1, "response": 0}, clock[0] + 1))
    host.pump()
    assert judged_again == [] and host.stats.answers_counted == 2 and server.to(1, "locked") and server.to(2, "locked")
    assert room.players[1].answers[1].correct and not room.players[2].answers[1].correct

    host.reveal()
    round_2 = type(round_)(2, round_.question, round_.choices, 1, 20.0)
    host.ask(round_2, 20.0)
    server.inbox.put(Inbound(1, {"type": "answer", "secret": secrets_[1], "q": 2, "response": 1}, clock[0] + 2))
    host.pause()  # between the answer's arrival and the frame that takes it
    host.pump()
    assert len(judged_again) == 1 and host.stats.answers_counted == 2 and 2 not in room.players[1].answers
    assert "paused" in server.to(1, "error")[-1]["reason"]


def test_host_join_answer_reveal_and_rejoin():
    host, server, room, clock, round_ = _host()
    server.inbox.put(Inbound(1, {"type": "join", "pin": "000000", "name": "Ann"}, clock[0]))
    server.inbox.put(Inbound(1, {"type": "join", "pin": "424242", "name": "Ann"}, clock[0]))
    server.inbox.put(Inbound(2, {"type": "join", "pin": "424242", "name": "ann"}, clock[0]))
    host.pump()
    assert server.bad_pins == 1 and host.stats.rejected == 2
    joined = server.to(1, "joined")[0]
    assert joined["name"] == "Ann" and joined["secret"]
    assert "taken" in server.to(2, "error")[0]["reason"]
    host.ask(round_, 20.0)
    question = server.to(1, "question")[0]
    assert question["prompt"] == "<b>How fast?</b>" and question["choices"] == ["50 mph", "60 mph", "70 mph"]
    secret = joined["secret"]
    server.inbox.put(Inbound(1, {"type": "answer", "secret": "wrong", "q": 1, "response": 1}, clock[0] + 1))
    server.inbox.put(Inbound(1, {"type": "answer", "secret": secret, "q": 1, "response": 1}, clock[0] + 2))
    server.inbox.put(Inbound(1, {"type": "answer", "secret": secret, "q": 1, "response": 0}, clock[0] + 3))
    host.pump()
    assert host.stats.answers_counted == 1 and server.to(1, "locked")
    # The phone reloads: a new connection, the same secret, the same player.
    server.inbox.put(Gone(1, clock[0] + 4))
    server.inbox.put(Inbound(3, {"type": "rejoin", "secret": secret}, clock[0] + 5))
    host.pump()
    assert room.players[joined["id"]].connected and server.to(3, "joined")[0]["state"]["type"] == "locked"
    reveal = host.reveal()
    result = server.to(3, "result")[0]
    assert result["correct"] and result["points"] == 950 and result["place"] == 1 and result["answer"] == "60 mph"
    assert reveal.counts == (0, 1, 0)
    host.end()
    assert server.to(3, "ended")[0]["score"] == 950


def test_a_response_is_read_by_the_open_question_s_kind():
    """A whole number is a choice only when the question is one: a release year (2023) or a release date's day
    number (738713) from a phone's slider counts as an estimate; the same numbers for a choice are refused, and
    the phone is told why."""
    from game.core.model import Question, Scale
    from game.core.session import Round

    host, server, room, clock, choice = _host()
    for conn, name in ((1, "Ann"), (2, "Bob"), (3, "Cat")):
        server.inbox.put(Inbound(conn, {"type": "join", "pin": "424242", "name": name}, clock[0]))
    host.pump()
    secrets_ = {conn: server.to(conn, "joined")[0]["secret"] for conn in (1, 2, 3)}

    def answer(conn, number, raw):
        message = messages.parse(f'{{"type":"answer","secret":"{secrets_[conn]}","q":{number},"response":{raw}}}')
        server.inbox.put(Inbound(conn, message, clock[0] + 1))
        host.pump()

    year = Question("Which year?", (), "2023", kind="estimate", scale=Scale(2000, 2030, 1, 4), value=2023.0)
    day = Question("Which day?", (), "12 July 2023", kind="estimate",
                   scale=Scale(738700, 738783, 1, 14, value_kind="date"), value=738713.0)
    host.ask(Round(1, year, (), -1, 20.0, kind="estimate"), 20.0)
    answer(1, 1, "2023")
    answer(2, 1, "2021.0")
    answer(3, 1, "2019.5")
    assert host.stats.answers_counted == 3 and host.stats.counted_by_kind == {"estimate": 3}
    assert [room.players[p].answers[1].response for p in sorted(room.players)] == [2023.0, 2021.0, 2019.5]
    assert room.players[1].answers[1].correct
    host.reveal()
    host.ask(Round(2, day, (), -1, 20.0, kind="estimate"), 20.0)
    answer(1, 2, "738713")
    assert room.players[1].answers[2].correct
    host.reveal()
    host.ask(Round(3, choice.question, choice.choices, 1, 20.0), 20.0)
    for conn, raw in ((1, "2023"), (2, "3"), (3, '"60 mph"')):
        answer(conn, 3, raw)
        assert server.to(conn, "error")[-1]["reason"] == "Not a possible answer"
    answer(1, 3, "1")
    assert room.players[1].answers[3].correct and host.stats.counted_by_kind == {"estimate": 4, "choice": 1}


def test_a_phone_without_an_answer_is_told_what_closed_the_question():
    """A phone that had not answered was told "Time's up" even when the host showed the answer early."""
    from game.core.party import RECONNECT_GRACE
    from game.core.session import Round

    host, server, room, clock, round_ = _host()
    for conn, name in ((1, "Ann"), (2, "Bob"), (3, "Cat")):
        server.inbox.put(Inbound(conn, {"type": "join", "pin": "424242", "name": name}, clock[0]))
    host.pump()
    secrets_ = {conn: server.to(conn, "joined")[0]["secret"] for conn in (1, 2, 3)}

    def ask(number):
        host.ask(Round(number, round_.question, round_.choices, 1, 20.0), 20.0)

    def answer(conn, number):
        server.inbox.put(Inbound(conn, {"type": "answer", "secret": secrets_[conn], "q": number, "response": 1},
                                 clock[0]))
        host.pump()

    ask(1)
    answer(1, 1)
    clock[0] += 5
    host.reveal()  # the host's Enter, 15 s before time
    assert server.to(2, "result")[-1]["ended"] == "host" and not server.to(2, "result")[-1]["answered"]
    assert server.to(1, "result")[-1]["answered"]
    ask(2)
    answer(1, 2)
    clock[0] += 21
    host.reveal()  # the clock ran out
    assert server.to(2, "result")[-1]["ended"] == server.to(3, "result")[-1]["ended"] == "time"
    ask(3)
    server.inbox.put(Gone(2, clock[0]))  # Bob's phone drops and stays away
    host.pump()
    clock[0] += RECONNECT_GRACE + 1
    answer(1, 3)
    answer(3, 3)
    assert room.everyone_answered()
    host.reveal()
    server.inbox.put(Inbound(4, {"type": "rejoin", "secret": secrets_[2]}, clock[0]))
    host.pump()
    state = server.to(4, "joined")[-1]["state"]
    assert state["type"] == "result" and state["ended"] == "everyone" and not state["answered"]


def test_host_kick_and_late_answers():
    host, server, room, clock, round_ = _host()
    server.inbox.put(Inbound(1, {"type": "join", "pin": "424242", "name": "Rude"}, clock[0]))
    host.pump()
    pid = server.to(1, "joined")[0]["id"]
    secret = server.to(1, "joined")[0]["secret"]
    host.ask(round_, 20.0)
    server.inbox.put(Inbound(1, {"type": "answer", "secret": secret, "q": 1, "response": 1}, clock[0] + 25))
    host.pump()
    assert "late" in server.to(1, "error")[-1]["reason"].lower()
    host.kick(pid)
    assert server.to(1, "kicked") and 1 in server.closed and pid not in room.players


def test_a_phone_coming_back_is_told_where_the_game_is_in_its_welcome():
    """After a reload the phone shows the current state at once, never the lobby in between."""
    host, server, room, clock, round_ = _host()

    def welcome(conn, message):
        server.inbox.put(Inbound(conn, message, clock[0]))
        host.pump()
        got = server.to(conn, "joined")[-1]
        assert [m["type"] for c, m in server.sent if c == conn][-1] == "joined"  # one message says it all
        return got

    ann = welcome(1, {"type": "join", "pin": "424242", "name": "Ann"})
    assert ann["state"] == {"type": "lobby", "players": 1} and not ann["paused"]
    bob = welcome(2, {"type": "join", "pin": "424242", "name": "Bob"})
    assert server.to(1, "lobby")[-1]["players"] == 2 and not server.to(2, "lobby")
    host.ask(round_, 20.0)
    clock[0] += 5
    back = welcome(3, {"type": "rejoin", "secret": ann["secret"]})  # reloaded before answering
    assert back["state"]["type"] == "question" and back["state"]["q"] == 1 and back["state"]["limit"] == 15.0
    server.inbox.put(Inbound(3, {"type": "answer", "secret": ann["secret"], "q": 1, "response": 1}, clock[0]))
    host.pump()
    server.inbox.put(Gone(3, clock[0]))
    host.pump()
    assert not room.players[ann["id"]].connected and not room.everyone_answered()  # waited for a moment
    back = welcome(4, {"type": "rejoin", "secret": ann["secret"]})  # reloaded after locking in
    assert back["state"] == {"type": "locked", "q": 1} and room.players[ann["id"]].connected
    assert room.players[ann["id"]].score > 0 and "total" not in back  # the total does not tell it was right
    # The new page's rejoin can arrive before the old page's goodbye: the player stays here.
    back = welcome(5, {"type": "rejoin", "secret": ann["secret"]})
    server.inbox.put(Gone(4, clock[0]))
    host.pump()
    assert room.players[ann["id"]].connected and 4 in server.closed
    host.pause()
    assert welcome(6, {"type": "rejoin", "secret": bob["secret"]})["paused"]
    host.resume()
    host.reveal()
    sent = server.to(5, "result")[-1]
    back = welcome(7, {"type": "rejoin", "secret": ann["secret"]})  # reloaded on the reveal or leaderboard
    assert back["state"] == sent and back["state"]["correct"] and not back["paused"]
    assert back["total"] == sent["total"] > 0  # revealed: now the total counts it
    assert welcome(8, {"type": "rejoin", "secret": bob["secret"]})["state"]["answered"] is False
    host.end()
    back = welcome(9, {"type": "rejoin", "secret": ann["secret"]})
    assert back["state"] == {"type": "ended", "place": 1, "of": 2, "score": sent["total"]}
    host.end("The host ended the game")
    assert welcome(10, {"type": "rejoin", "secret": bob["secret"]})["state"]["type"] == "closed"


def test_several_addresses_listen_on_one_port(tmp_path):
    """The default binds the local-network addresses and 127.0.0.1 together; a port taken on one moves all."""
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.2", 0))
    taken.listen()
    port = taken.getsockname()[1]
    srv = PartyServer(["127.0.0.1", "127.0.0.2"], port, web_root=tmp_path)
    try:
        srv.start()
        got = srv.address[1]
        assert got != port
        for host in ("127.0.0.1", "127.0.0.2"):
            with pytest.raises(urllib.error.HTTPError) as info:  # nothing to serve in an empty folder, but it answers
                urllib.request.urlopen(f"http://{host}:{got}/")
            assert info.value.code == 404
    finally:
        srv.stop()
        taken.close()


def test_where_a_party_listens():
    from game.net.game import plan_addresses

    assert plan_addresses(None, ["192.168.1.20", "10.0.0.5"]) == (["192.168.1.20", "10.0.0.5", "127.0.0.1"],
                                                                   "192.168.1.20", False)
    assert plan_addresses(None, []) == (["127.0.0.1"], "127.0.0.1", True)  # no network: this computer only
    assert plan_addresses("127.0.0.1", ["192.168.1.20"]) == (["127.0.0.1"], "127.0.0.1", False)
    assert plan_addresses("0.0.0.0", ["192.168.1.20"]) == (["0.0.0.0"], "192.168.1.20", False)


def test_outgoing_messages_are_built_in_one_place():
    """Every message the game sends is built by a typed function in game/net/messages.py: no loose
    ``{"type": ...}`` elsewhere on the game's side (the simulated phones build what a phone sends)."""
    import re
    from pathlib import Path

    net = Path(messages.__file__).parent
    for path in sorted(net.glob("*.py")):
        if path.name in ("messages.py", "bots.py"):
            continue
        assert not re.search(r"""\{\s*["']type["']\s*:""", path.read_text(encoding="utf-8")), path.name


def test_the_page_gets_its_limits_from_the_game(tmp_path):
    """The name, PIN and typed-answer limits a phone respects are written into the page by the server, from
    the game's own rules; the page's files hold none of them."""
    from game.core.party import PIN_DIGITS
    from game.core.scores import NAME_MAX
    from game.core.spelling import MAX_TYPED
    from game.net.server import WEB_ROOT

    page = (WEB_ROOT / "index.html").read_text(encoding="utf-8")
    assert "maxlength" not in page.lower() and "<!--limits-->" in page
    srv = PartyServer("127.0.0.1", 0)
    srv.start()
    try:
        with urllib.request.urlopen(url(srv, "/")) as response:
            served = response.read().decode("utf-8")
    finally:
        srv.stop()
    opening = '<script id="limits" type="application/json">'
    start = served.index(opening) + len(opening)
    limits = json.loads(served[start:served.index("</script>", start)])
    assert limits["name"] == NAME_MAX and limits["pin"] == PIN_DIGITS and limits["typed"] == MAX_TYPED == 80
    assert messages.parse(json.dumps({"type": "answer", "secret": "s", "q": 1, "response": "x" * MAX_TYPED}))
    with pytest.raises(messages.BadMessage):
        messages.parse(json.dumps({"type": "answer", "secret": "s", "q": 1, "response": "x" * (MAX_TYPED + 1)}))


# -- the gate alone: no sockets, a fake clock -------------------------------------------------------
def _gate(**limits):
    from game.net.gate import Gate, Limits

    return Gate("424242", limits=Limits(**limits), hosts=["192.168.1.20"], port=8765)


def test_the_gate_serves_only_its_own_hosts():
    gate = _gate()
    for host in ("192.168.1.20:8765", "192.168.1.20", "localhost:8765", "127.0.0.1", "[::1]:8765", "LOCALHOST."):
        assert gate.handshake(host, None) is None, host
        assert gate.handshake(host, f"http://{host}") is None, host
    for host in ("evil.example", "evil.example:8765", "192.168.1.21:8765", "192.168.1.20:8766", "", None,
                 "192.168.1.20:", "192.168.1.20:99999999", "[::1", "a:b:c"):
        assert gate.handshake(host, None) is not None, host
    assert gate.handshake("192.168.1.20:8765", "http://evil.example:8765") is not None
    assert gate.handshake("192.168.1.20:8765", "null") is not None  # a sandboxed or local file page


def test_a_newcomer_takes_the_place_of_the_busiest_address_s_oldest_idle_connection():
    from game.net.gate import Close

    gate = _gate(unjoined=4, unjoined_per_address=10, opening=1.0)
    for conn, address in ((1, "10.0.0.1"), (2, "10.0.0.1"), (3, "10.0.0.1"), (4, "10.0.0.2")):
        assert gate.open(conn, address, 0.0) == []
    assert gate.open(5, "10.0.0.3", 0.1) == [Close(1, 1013, "Many phones are connecting at once: trying again")]
    assert [a.conn for a in gate.open(6, "10.0.0.1", 0.1)] == [6]  # the busiest address itself waits
    assert gate.unjoined == 4 and gate.counts.evicted == 1 and gate.counts.refused_connections == 1
    # One address at its own limit, the others from it just opened: this one tries again later ...
    gate = _gate(unjoined=100, unjoined_per_address=3, opening=1.0)
    for conn in (11, 12, 13):
        assert gate.open(conn, "10.0.0.9", 0.0) == []
    assert [a.conn for a in gate.open(14, "10.0.0.9", 0.2)] == [14]
    # ... and takes the place of its own oldest once that one had time to send its join.
    assert [a.conn for a in gate.open(15, "10.0.0.9", 2.0)] == [11]


def test_the_gate_closes_what_does_not_join_in_time_and_floods_of_frames():
    from game.net.gate import Close, Forward

    gate = _gate(join_within=5.0, control_frames=3, control_seconds=10.0)
    gate.open(1, "10.0.0.1", 0.0)
    gate.open(2, "10.0.0.2", 0.0)
    gate.open(3, "10.0.0.3", 0.0)
    joined = gate.message(2, json.dumps({"type": "join", "pin": "424242", "name": "Ann"}), 1.0)
    assert [type(a) for a in joined] == [Forward]
    gate.settled(2, True, 1.1)
    assert gate.tick(4.9) == []
    assert [a.conn for a in gate.tick(5.0) if isinstance(a, Close)] == [1, 3]  # the player's stays
    gate.gone(1, 5.1)
    gate.gone(3, 5.1)
    assert gate.unjoined == 0 and len(gate) == 1
    assert all(gate.frame(2, True, 6.0 + k / 10) == [] for k in range(3))
    assert [a.code for a in gate.frame(2, True, 6.5)] == [1008]


def test_a_spent_pin_budget_is_told_to_the_game_once_and_a_new_pin_starts_another():
    from game.net.gate import PinBudgetSpent, Send

    gate = _gate(pin_burst=100, pin_budget=3)
    told = []
    for k in range(5):
        gate.open(k, f"10.0.0.{k}", 0.0)
        actions = gate.message(k, json.dumps({"type": "join", "pin": "000000", "name": "Eve"}), 0.1 * k)
        told += [a for a in actions if isinstance(a, PinBudgetSpent)]
        codes = [a.message["code"] for a in actions if isinstance(a, Send)]
        assert codes == (["pin"] if k < 3 else ["budget"])
    assert told == [PinBudgetSpent(3)] and gate.spent
    gate.new_pin("135790", 1.0)
    assert not gate.spent
    actions = gate.message(4, json.dumps({"type": "join", "pin": "135790", "name": "Eve"}), 1.0)
    assert actions[0].message["pin"] == "135790"
