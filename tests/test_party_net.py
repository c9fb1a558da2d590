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


def test_connections_are_capped(tmp_path):
    srv = PartyServer("127.0.0.1", 0, web_root=tmp_path, max_connections=2)
    srv.start()
    try:
        from websockets.exceptions import InvalidStatus

        with connect(ws_url(srv)), connect(ws_url(srv)):
            with pytest.raises(InvalidStatus):
                connect(ws_url(srv))
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


def test_wrong_pins_slow_down_that_address(server):
    for _ in range(6):
        server._bad_pins["127.0.0.1"] = server._bad_pins.get("127.0.0.1", 0) + 1
    assert server._pin_delay("127.0.0.1") > 0
    assert server._pin_delay("10.0.0.9") == 0


# -- the host: messages in, room calls, news out (a fake server: no sockets) ------------------
class FakeServer:
    def __init__(self):
        self.inbox = queue.SimpleQueue()
        self.sent = []  # (conn, message)
        self.closed = []
        self.bad_pins = 0
        self.rejected = 0

    def send(self, conn, message):
        self.sent.append((conn, message))

    def broadcast(self, message, conns=None):
        for conn in list(conns or []):
            self.sent.append((conn, message))

    def close(self, conn, reason=""):
        self.closed.append(conn)

    def wrong_pin(self, conn):
        self.bad_pins += 1

    def note_rejected(self):
        self.rejected += 1

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


def test_host_join_answer_reveal_and_rejoin():
    host, server, room, clock, round_ = _host()
    server.inbox.put(Inbound(1, {"type": "join", "pin": "000000", "name": "Ann"}, clock[0]))
    server.inbox.put(Inbound(1, {"type": "join", "pin": "424242", "name": "Ann"}, clock[0]))
    server.inbox.put(Inbound(2, {"type": "join", "pin": "424242", "name": "ann"}, clock[0]))
    host.pump()
    assert server.bad_pins == 1 and server.rejected == 2
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
    assert room.players[joined["id"]].connected and server.to(3, "locked")
    reveal = host.reveal()
    result = server.to(3, "result")[0]
    assert result["correct"] and result["points"] == 950 and result["place"] == 1 and result["answer"] == "60 mph"
    assert reveal.counts == (0, 1, 0)
    host.end()
    assert server.to(3, "ended")[0]["score"] == 950


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
