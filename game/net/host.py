"""The host's side of a party: messages from phones become room calls, and the room's news goes out.

:class:`PartyHost` ties a :class:`~game.core.party.Room` to a
:class:`~game.net.server.PartyServer` without pygame: the big screen calls
:meth:`PartyHost.pump` once a frame (it never blocks) and :meth:`ask`,
:meth:`reveal`, :meth:`pause`, :meth:`resume`, :meth:`end` and :meth:`kick`
as the game goes on.  The browser test drives a party with it too.
"""

from __future__ import annotations

import queue
from dataclasses import dataclass, field

from game.core import kinds
from game.core.party import PartyPlayer, Rejected, Reveal, Room, colour_hex
from game.net.server import Gone, Inbound, log

PUMP_LIMIT = 2000  # messages handled in one frame at most; the rest wait for the next


@dataclass
class HostStats:
    answers_counted: int = 0
    counted_by_kind: dict = field(default_factory=dict)  # answers counted, by the question's kind
    joins: int = 0
    rejoins: int = 0
    rejected: int = 0
    events: list = field(default_factory=list)


def right_answer(round_) -> str:
    return kinds.of(round_).answer_words(round_)


def question_message(round_, total: int, limit: float | None, show_prompt: bool = True) -> dict:
    """A question as the phones get it: the kind's payload names the input the page shows and what it needs."""
    question = round_.question
    message = {"type": "question", "q": round_.number, "of": total, "kind": round_.kind,
               "prompt": question.prompt if show_prompt else None, "choices": list(round_.choices),
               "limit": limit}
    message.update(kinds.of(round_).phone_payload(round_))
    return message


class PartyHost:
    def __init__(self, room: Room, server, *, total: int, show_prompt: bool = True):
        self.room = room
        self.server = server
        self.total = total
        self.show_prompt = show_prompt
        self.conn_of: dict[int, int] = {}    # player id -> the connection they use now
        self.player_of: dict[int, int] = {}  # connection -> player id
        self.stats = HostStats()
        self.question = None  # the message of the open question, for phones that come back
        self.results: dict[int, dict] = {}  # player id -> their result at the last reveal
        self.finals: dict[int, dict] | None = None  # player id -> their final place, once the game ended
        self.closed_reason: str | None = None  # why the host stopped early
        self.paused = False

    # -- each frame --------------------------------------------------------------------
    def pump(self) -> bool:
        """Handle what arrived since the last frame; ``True`` if anything changed."""
        changed = False
        for _ in range(PUMP_LIMIT):
            try:
                item = self.server.inbox.get_nowait()
            except queue.Empty:
                break
            try:
                changed |= self._take(item)
            except Exception as exc:  # noqa: BLE001 - one bad message never stops the game
                log(f"a message could not be handled: {type(exc).__name__}: {exc}")
        return changed

    def _take(self, item) -> bool:
        if isinstance(item, Gone):
            pid = self.player_of.pop(item.conn, None)
            if pid is not None and self.conn_of.get(pid) == item.conn:
                del self.conn_of[pid]
                self.room.disconnect(pid)
                return True
            return False
        if not isinstance(item, Inbound):
            return False
        message, conn = item.message, item.conn
        kind = message["type"]
        try:
            if kind == "join":
                if conn in self.player_of:
                    raise Rejected("Already in the game")
                try:
                    player = self.room.join(message["name"], message["pin"])
                except Rejected as exc:
                    if "PIN" in exc.reason:
                        self.server.wrong_pin(conn)
                    raise
                self.stats.joins += 1
                self._attach(player, conn)
                others = [c for c in self.conn_of.values() if c != conn]
                self.server.broadcast({"type": "lobby", "players": len(self.room.players)}, others)
                return True
            if kind == "rejoin":
                player = self.room.rejoin(message["secret"])
                self.stats.rejoins += 1
                self._attach(player, conn)
                return True
            if kind == "answer":
                pid = self.player_of.get(conn)
                if pid is None:
                    raise Rejected("Not in this game: join again")
                self.room.answer(pid, message["secret"], message["q"], message["response"], item.at)
                self.stats.answers_counted += 1
                kind = self.room.round.kind
                self.stats.counted_by_kind[kind] = self.stats.counted_by_kind.get(kind, 0) + 1
                self.server.send(conn, {"type": "locked", "q": message["q"]})
                return True
        except Rejected as exc:
            self.stats.rejected += 1
            self.server.note_rejected()
            self.server.send(conn, {"type": "error", "reason": exc.reason})
        return False

    def _attach(self, player: PartyPlayer, conn: int) -> None:
        old = self.conn_of.get(player.id)
        if old is not None and old != conn:  # the same phone came back on a new connection
            self.player_of.pop(old, None)
            self.server.close(old, "replaced")
        self.conn_of[player.id] = conn
        self.player_of[conn] = player.id
        hello = {"type": "joined", "id": player.id, "secret": player.secret, "name": player.name,
                 "colour": colour_hex(player.colour), "players": len(self.room.players),
                 "state": self.state_for(player), "paused": self.paused}
        if player.answers:
            hello.update(total=player.score, place=player.place)
        self.server.send(conn, hello)

    def state_for(self, player: PartyPlayer) -> dict:
        """What this player's phone shows now, as the message that shows it: one welcome message
        puts a phone that joins or comes back (a reload, a lost Wi-Fi) straight where the game is."""
        if self.closed_reason is not None:
            return {"type": "closed", "reason": self.closed_reason}
        if self.finals is not None:
            return self.finals.get(player.id) or {"type": "ended", "place": 0, "of": len(self.room.players),
                                                  "score": player.score}
        if self.question is not None and self.room.is_open:
            if self.room.number in player.answers:
                return {"type": "locked", "q": self.room.number}
            return {**self.question, "limit": self.room.remaining() if self.room.limit is not None else None}
        result = self.results.get(player.id)
        if result is not None and result["q"] == self.room.number:
            return result
        return {"type": "lobby", "players": len(self.room.players)}

    # -- the game's moves ----------------------------------------------------------------
    def ask(self, round_, limit: float | None) -> None:
        self.room.open_question(round_, limit)
        self.question = question_message(round_, self.total, limit, self.show_prompt)
        self.server.broadcast(self.question, list(self.conn_of.values()))

    def reveal(self) -> Reveal:
        # Why it closed, for the phones that had not answered: the clock, everyone else, or the host.
        room = self.room
        if room.expired():
            ended = "time"
        elif room.everyone_answered():
            ended = "everyone"
        else:
            ended = "host"
        reveal = self.room.close_question()
        self.question = None
        answer = right_answer(self.room.round)
        of = len(self.room.players)
        self.results = {}
        for pid, given in reveal.answers.items():
            player = self.room.players.get(pid)
            if player is None:
                continue
            self.results[pid] = {"type": "result", "q": reveal.number, "correct": given.correct,
                                 "close": given.close, "points": given.total, "total": player.score,
                                 "place": player.place, "of": of, "answer": answer,
                                 "answered": given.response is not None, "ended": ended}
        for pid, conn in self.conn_of.items():
            if pid in self.results:
                self.server.send(conn, self.results[pid])
        return reveal

    def pause(self) -> None:
        self.room.pause()
        self.paused = True
        self.server.broadcast({"type": "paused"}, list(self.conn_of.values()))

    def resume(self) -> None:
        self.room.resume()
        self.paused = False
        self.server.broadcast({"type": "resumed"}, list(self.conn_of.values()))

    def kick(self, player_id: int) -> None:
        conn = self.conn_of.pop(player_id, None)
        self.room.kick(player_id)
        if conn is not None:
            self.player_of.pop(conn, None)
            self.server.send(conn, {"type": "kicked"})
            self.server.close(conn, "removed by the host")
        self.server.broadcast({"type": "lobby", "players": len(self.room.players)}, list(self.conn_of.values()))

    def end(self, reason: str | None = None) -> None:
        """Tell every phone how it ended: its final place, or why the host stopped early."""
        of = len(self.room.players)
        self.paused = False
        if reason is not None:
            self.closed_reason = reason
        else:
            self.finals = {pid: {"type": "ended", "place": p.place, "of": of, "score": p.score}
                           for pid, p in self.room.players.items()}
        for pid, conn in self.conn_of.items():
            if pid in self.room.players:
                self.server.send(conn, self.state_for(self.room.players[pid]))
