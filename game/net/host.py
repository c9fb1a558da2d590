"""The host's side of a party: messages from phones become room calls, and the room's news goes out.

:class:`PartyHost` ties a :class:`~game.core.party.Room` to a
:class:`~game.net.server.PartyServer` without pygame: the big screen calls
:meth:`PartyHost.pump` once a frame (it never blocks) and :meth:`ask`,
:meth:`reveal`, :meth:`pause`, :meth:`resume`, :meth:`end` and :meth:`kick`
as the game goes on.  The browser test drives a party with it too.

Everything here runs on the game's thread but :meth:`PartyHost.check`, which the
server calls on its own thread for each answer as it arrives: it checks and
scores the answer without changing anything, and the game's thread keeps it as
it is if the room has not changed since (otherwise it judges it again).  So a
burst of answers costs the game's frames little.  The server is only asked to
do things (each call hands the work to its own thread).  A player is connected
exactly when a live connection carries it: :meth:`_carry` keeps the two
tables (player -> connection, connection -> player) one-to-one.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from game.core import kinds
from game.core.party import Judged, PartyPlayer, Rejected, Reveal, Room, colour_hex
from game.net import messages
from game.net.gate import PinBudgetSpent, RateLog
from game.net.server import Gone, Inbound, Item

PUMP_LIMIT = 2000  # messages handled in one frame at most; the rest wait for the next
# A burst (twenty phones' answers landing in one frame) is spread over a few frames: past PUMP_LEAST messages,
# a frame stops taking more once it has spent PUMP_SECONDS on them.  An answer is timed when it arrived
# (the server stamps it), so one taken a frame later scores the same.
PUMP_LEAST = 6
PUMP_SECONDS = 0.0003


class Server(Protocol):
    """What the host asks of the server (:class:`~game.net.server.PartyServer`, or a test's fake)."""

    inbox: queue.SimpleQueue[Item]

    def send(self, conn: int, message: messages.Outbound) -> None: ...
    def broadcast(self, message: messages.Outbound, conns: list[int] | None = None) -> None: ...
    def judge_with(self, check: Check) -> None: ...
    def close(self, conn: int, reason: str = "") -> None: ...
    def settle(self, conn: int, joined: bool) -> None: ...
    def wrong_pin(self, conn: int) -> None: ...
    def new_pin(self, pin: str) -> None: ...


Check = Callable[[int, messages.Inbound, float], "Judged | None"]


@dataclass
class HostStats:
    """Kept by the game's thread (the server keeps its own; a report adds them up)."""

    answers_counted: int = 0
    counted_by_kind: dict[str, int] = field(default_factory=dict)  # answers counted, by the question's kind
    joins: int = 0
    rejoins: int = 0
    rejected: int = 0


def right_answer(round_: Any) -> str:
    return str(kinds.of(round_).answer_words(round_))


def question_message(round_: Any, total: int, limit: float | None, show_prompt: bool = True) -> messages.Question:
    """A question as the phones get it: the kind's payload names the input the page shows and what it needs."""
    question = round_.question
    return messages.question(round_.number, total, round_.kind, question.prompt if show_prompt else None,
                             round_.choices, limit, kinds.of(round_).phone_payload(round_))


class PartyHost:
    def __init__(self, room: Room, server: Server, *, total: int, show_prompt: bool = True):
        self.room = room
        self.server = server
        self.total = total
        self.show_prompt = show_prompt
        self.conn_of: dict[int, int] = {}    # player id -> the connection that carries them
        self.player_of: dict[int, int] = {}  # connection -> the player it carries
        self.stats = HostStats()
        self.question: messages.Question | None = None  # the open question's message, for phones that come back
        self.results: dict[int, messages.Result] = {}  # player id -> their result at the last reveal
        self.finals: dict[int, messages.Final] | None = None  # player id -> their final place, once it ended
        self.closed_reason: str | None = None  # why the host stopped early
        self.paused = False
        self.pin_budget_spent = False  # too many wrong PINs: nobody joins until the host shows a new PIN
        self.log = RateLog()
        server.judge_with(self.check)

    # -- each frame --------------------------------------------------------------------
    def pump(self) -> bool:
        """Handle what arrived since the last frame; ``True`` if anything changed."""
        changed = False
        start = time.perf_counter()  # (the thread clock is a system call: dear per message)
        for taken in range(PUMP_LIMIT):
            if taken >= PUMP_LEAST and time.perf_counter() - start > PUMP_SECONDS:
                break
            try:
                item = self.server.inbox.get_nowait()
            except queue.Empty:
                break
            try:
                changed |= self._take(item)
            except Exception as exc:  # noqa: BLE001 - one bad message never stops the game
                self.log.note("handling", f"a message could not be handled: {type(exc).__name__}: {exc}",
                              time.monotonic())
        return changed

    def check(self, conn: int, message: messages.Inbound, at: float) -> Judged | None:
        """(The server's thread, as an answer arrives.)  The answer checked and scored against the room as it is
        now, changing nothing; ``None`` for anything else, or one the room refuses (judged again on the game's
        thread, which says why).  The game's thread reads no more than this table and the room meanwhile."""
        if message["type"] != "answer":
            return None
        pid = self.player_of.get(conn)
        if pid is None:
            return None
        try:
            return self.room.check(pid, message["secret"], message["q"], message["response"], at)
        except Exception:  # noqa: BLE001 - refused, or caught halfway through a change: judged again, in turn
            return None

    def _take(self, item: object) -> bool:
        if isinstance(item, Gone):
            pid = self.player_of.pop(item.conn, None)
            if pid is not None and self.conn_of.get(pid) == item.conn:
                del self.conn_of[pid]
                self.room.disconnect(pid)
                return True
            return False
        if isinstance(item, PinBudgetSpent):
            self.pin_budget_spent = True
            return True
        if not isinstance(item, Inbound):
            return False
        message, conn = item.message, item.conn
        try:
            if message["type"] == "join":
                return self._join(conn, message)
            if message["type"] == "rejoin":
                try:
                    player = self.room.rejoin(message["secret"])
                except Rejected:
                    self.server.settle(conn, conn in self.player_of)
                    raise
                self.stats.rejoins += 1
                self._attach(player, conn)
                return True
            if message["type"] == "answer":
                pid = self.player_of.get(conn)
                if pid is None:
                    raise Rejected("Not in this game: join again", "unknown")
                answered: Any = self.room.round  # open: the room checked it
                judged = item.judged
                if not (isinstance(judged, Judged) and judged.answer.player_id == pid and self.room.take(judged)):
                    self.room.answer(pid, message["secret"], message["q"], message["response"], item.at)
                self.stats.answers_counted += 1
                kind = str(answered.kind)
                self.stats.counted_by_kind[kind] = self.stats.counted_by_kind.get(kind, 0) + 1
                self.server.send(conn, messages.locked(message["q"]))
                return True
        except Rejected as exc:
            self.stats.rejected += 1
            self.server.send(conn, messages.error(exc.reason, cast(messages.Code, exc.code)))
        return False

    def _join(self, conn: int, message: messages.Join) -> bool:
        if conn in self.player_of:
            raise Rejected("Already in the game", "joined")
        try:
            player = self.room.join(message["name"], message["pin"])
        except Rejected as exc:
            if exc.code == "pin":  # the PIN changed after the gate let it through: a guess all the same
                self.server.wrong_pin(conn)
            self.server.settle(conn, False)
            raise
        self.stats.joins += 1
        self._attach(player, conn)
        others = [c for c in self.conn_of.values() if c != conn]
        self.server.broadcast(messages.lobby(len(self.room.players)), others)
        return True

    def _attach(self, player: PartyPlayer, conn: int) -> None:
        self._carry(conn, player.id)
        self.server.settle(conn, True)
        # A total that counts an answer not yet revealed would tell a reloaded phone whether it was right.
        shown = self.room.shown_score(player)
        score = (shown, player.place) if player.answers and (shown or player.place) else None
        self.server.send(conn, messages.joined(player.id, player.secret, player.name, colour_hex(player.colour),
                                               len(self.room.players), self.state_for(player), self.paused, score))

    def _carry(self, conn: int, pid: int) -> None:
        """``conn`` carries player ``pid`` from now on, and nothing else does.

        The player's old connection (the same phone after a reload) is closed; a player the connection
        carried until now (a phone that sent another player's secret) is carried by nothing, so it is not
        connected: a question never waits for it."""
        old_conn = self.conn_of.get(pid)
        if old_conn is not None and old_conn != conn:
            self.player_of.pop(old_conn, None)
            self.server.close(old_conn, "replaced")
        old_pid = self.player_of.get(conn)
        if old_pid is not None and old_pid != pid:
            self.conn_of.pop(old_pid, None)
            self.room.disconnect(old_pid, dropped=False)
        self.conn_of[pid] = conn
        self.player_of[conn] = pid
        self.room.connect(pid)

    def state_for(self, player: PartyPlayer) -> messages.State:
        """What this player's phone shows now, as the message that shows it: one welcome message
        puts a phone that joins or comes back (a reload, a lost Wi-Fi) straight where the game is."""
        if self.closed_reason is not None:
            return messages.closed(self.closed_reason)
        if self.finals is not None:
            return self.finals.get(player.id) or messages.final(0, len(self.room.players), player.score)
        if self.question is not None and self.room.is_open:
            if self.room.number in player.answers:
                return messages.locked(self.room.number)
            return messages.reopened(self.question, self.room.remaining() if self.room.limit is not None else None)
        result = self.results.get(player.id)
        if result is not None and result["q"] == self.room.number:
            return result
        return messages.lobby(len(self.room.players))

    # -- the game's moves ----------------------------------------------------------------
    def new_pin(self, pin: str) -> None:
        """Show a new PIN (the wrong-PIN budget was spent): players already in stay in."""
        self.room.pin = pin
        self.pin_budget_spent = False
        self.server.new_pin(pin)

    def ask(self, round_: Any, limit: float | None) -> None:
        self.room.open_question(round_, limit)
        self.question = question_message(round_, self.total, limit, self.show_prompt)
        self.server.broadcast(self.question, list(self.conn_of.values()))

    def reveal(self) -> Reveal:
        # Why it closed, for the phones that had not answered: the clock, everyone else, or the host.
        room = self.room
        ended: messages.Ended
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
            self.results[pid] = messages.result(reveal.number, correct=given.correct, close=given.close,
                                                points=given.total, total=player.score, place=player.place, of=of,
                                                answer=answer, answered=given.response is not None, ended=ended)
        for pid, conn in self.conn_of.items():
            if pid in self.results:
                self.server.send(conn, self.results[pid])
        return reveal

    def pause(self) -> None:
        self.room.pause()
        self.paused = True
        self.server.broadcast(messages.paused(), list(self.conn_of.values()))

    def resume(self) -> None:
        self.room.resume()
        self.paused = False
        self.server.broadcast(messages.resumed(), list(self.conn_of.values()))

    def kick(self, player_id: int) -> None:
        conn = self.conn_of.pop(player_id, None)
        self.room.kick(player_id)
        if conn is not None:
            self.player_of.pop(conn, None)
            self.server.send(conn, messages.kicked())
            self.server.close(conn, "removed by the host")
        self.server.broadcast(messages.lobby(len(self.room.players)), list(self.conn_of.values()))

    def end(self, reason: str | None = None) -> None:
        """Tell every phone how it ended: its final place, or why the host stopped early."""
        of = len(self.room.players)
        self.paused = False
        if reason is not None:
            self.closed_reason = reason
        else:
            self.finals = {pid: messages.final(p.place, of, p.score) for pid, p in self.room.players.items()}
        for pid, conn in self.conn_of.items():
            if pid in self.room.players:
                self.server.send(conn, self.state_for(self.room.players[pid]))
