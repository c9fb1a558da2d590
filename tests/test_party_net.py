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
