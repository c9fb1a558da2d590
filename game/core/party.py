"""A party room: everyone in the room answers the same question on their own phone.

No pygame and no sockets here: the server (``game.net``) turns messages into
calls on a :class:`Room`, and the big screen reads the room to draw it.  Time
comes from an injected clock; an answer's time is the moment the game saw it
arrive (stamped by the server), measured from the moment the question was
opened on the big screen, never the phone's own idea of time.

Every call that a phone can cause checks everything and raises
:class:`Rejected` with a short reason a phone can show; nothing a phone sends
can change another player or a question that is not open.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.core import kinds
from game.core.names import display_name, look_alike_key, visible
from game.core.names import prepare as prepare_names
from game.core.scores import NAME_MAX, clean_name, whole_name
from game.core.session import judge

if TYPE_CHECKING:  # pragma: no cover
    import random

    from game.core.kinds import Round, Verdict

MAX_PLAYERS_DEFAULT = 60
# A phone that dropped this recently (a reload, a blip of Wi-Fi) is still waited for before a question
# closes early because "everyone answered": it comes back to the open question instead of missing it.
RECONNECT_GRACE = 4.0
MAX_PLAYERS_LIMIT = 200
PIN_DIGITS = 6
# Each player's colour, on the big screen and on their phone (cycled past eight players; the
# name always goes with it, so colour is never the only cue).
COLOURS = ("#56B4E9", "#F0E442", "#CC79A7", "#009E73", "#E69F00", "#0072B2", "#D55E00", "#B4A0FF")


def colour_hex(index: int) -> str:
    return COLOURS[index % len(COLOURS)]


class Rejected(Exception):
    """Something a phone asked for that the room will not do; ``reason`` can be shown to it, ``code``
    says what kind of refusal it is (see :data:`game.net.messages.Code`) so the phone can act on it."""

    def __init__(self, reason: str, code: str = "message"):
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass(frozen=True)
class PartyAnswer:
    """One player's answer to one question (``response`` ``None``: no answer in time)."""

    player_id: int
    number: int
    response: object
    chosen: int | None
    elapsed: float
    correct: bool
    close: bool
    points: int
    bonus: int
    streak: int

    @property
    def total(self) -> int:
        return self.points + self.bonus


@dataclass
class PartyPlayer:
    id: int
    secret: str
    name: str
    colour: int
    connected: bool = True
    score: int = 0
    streak: int = 0
    best_streak: int = 0
    correct: int = 0
    total_time: float = 0.0
    answers: dict[int, PartyAnswer] = field(default_factory=dict)
    place: int = 0  # 0 until the first ranking after they joined (no move is shown for it)
    move: int | None = None  # places gained since the previous question's ranking (None: not ranked then)
    joined_at: int = 0  # the question number open or last shown when they joined
    away_since: float | None = None  # the game-clock time the phone dropped (None while connected)


@dataclass(frozen=True)
class Judged:
    """An answer checked and scored ahead of the game's thread (see :meth:`Room.check`): taken as it is while
    the room is as it was then (:meth:`Room.take`), or judged again."""

    answer: PartyAnswer
    generation: int  # the room's :attr:`Room.generation` when it was checked
    streak: int  # the player's streak it was scored on


@dataclass(frozen=True)
class Reveal:
    """A closed question: how many picked each choice, and every player's answer."""

    number: int
    counts: tuple[int, ...]
    answers: dict[int, PartyAnswer]
    answered: int
    players: int


def _judge(round_: Round, response: Any, elapsed: float, limit: float | None,
           streak: int) -> tuple[Any, int | None, Verdict]:
    """``(response, chosen, verdict)`` for one response from a phone, read by the round's kind
    (:meth:`~game.core.kinds.Kind.parse_phone`) and scored exactly as a single player's.

    A response of the wrong shape for the question's kind raises ``ValueError``.
    """
    kind = kinds.of(round_)
    response = kind.parse_phone(round_, response)
    return response, kind.chosen(round_, response), judge(round_, response, elapsed, limit, streak)


class Room:
    """The players of one party game and the question that is open."""

    def __init__(self, pin: str, *, clock: Callable[[], float] = time.monotonic,
                 max_players: int = MAX_PLAYERS_DEFAULT):
        self.pin = pin
        self.clock = clock
        self.max_players = max(1, min(max_players, MAX_PLAYERS_LIMIT))
        self.players: dict[int, PartyPlayer] = {}
        self._by_secret: dict[str, int] = {}
        self._keys: dict[str, int] = {}  # each player's name as people read it (look_alike_key)
        prepare_names()  # the look-alike table, read now rather than during the first join's frame
        self._next_id = 1
        self.round: Round | None = None
        self.number = 0
        self.limit: float | None = None
        self.is_open = False
        self._opened_at = 0.0
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self.shown = 0  # questions opened so far
        # Kept as they change, so the big screen's live count costs the same with 200 players as with none:
        self._connected: set[int] = set()  # the players a live connection carries
        self._answered: set[int] = set()  # the players with an answer to question ``number``
        # Counts every change of the open question's state (opened, paused, resumed, closed), made last in each:
        # an answer checked on another thread is taken only if nothing changed since (see :meth:`check`).
        self.generation = 0

    @staticmethod
    def new_pin(rng: random.Random) -> str:
        return f"{rng.randrange(10 ** PIN_DIGITS):0{PIN_DIGITS}d}"

    # -- players ------------------------------------------------------------------
    def join(self, name: str, pin: str) -> PartyPlayer:
        if not isinstance(pin, str) or not secrets.compare_digest(pin.strip().encode("utf-8", "replace"),
                                                                  self.pin.encode()):
            raise Rejected("Wrong game PIN", "pin")
        if not isinstance(name, str):
            raise Rejected("Type a nickname", "name")
        whole = display_name(whole_name(name))
        if not visible(whole):  # empty, spaces, or only characters that are drawn as nothing
            raise Rejected(f"Type a nickname (1 to {NAME_MAX} characters you can see)", "name")
        if len(whole) > NAME_MAX:  # never cut short behind the player's back: they choose a shorter one
            raise Rejected(f"Nicknames are at most {NAME_MAX} characters: choose a shorter one", "name")
        cleaned = clean_name(whole)
        key = look_alike_key(cleaned)
        if key in self._keys:
            raise Rejected("That name, or one that looks like it, is taken in this game: choose another", "name")
        if len(self.players) >= self.max_players:
            raise Rejected("The game is full", "full")
        player = PartyPlayer(id=self._next_id, secret=secrets.token_urlsafe(16), name=cleaned,
                             colour=(self._next_id - 1), joined_at=self.shown)
        self._next_id += 1
        self.players[player.id] = player
        if player.connected:
            self._connected.add(player.id)
        self._by_secret[player.secret] = player.id
        self._keys[key] = player.id
        return player

    def rejoin(self, secret: str) -> PartyPlayer:
        player = self._player_for(secret)
        self.connect(player.id)
        return player

    def _player_for(self, secret: str) -> PartyPlayer:
        pid = self._by_secret.get(secret) if isinstance(secret, str) else None
        if pid is None:
            raise Rejected("Not in this game: join again", "unknown")
        return self.players[pid]

    def connect(self, player_id: int) -> None:
        """A live connection carries this player now."""
        player = self.players.get(player_id)
        if player is not None:
            player.connected = True
            player.away_since = None
            self._connected.add(player_id)

    def disconnect(self, player_id: int, dropped: bool = True) -> None:
        """No live connection carries this player any more: its phone ``dropped`` (a reload, a lost
        Wi-Fi: waited for a moment, see :meth:`everyone_answered`), or its connection was taken over
        by another player's rejoin (not waited for)."""
        player = self.players.get(player_id)
        if player is not None:
            player.connected = False
            player.away_since = self.clock() if dropped else None
            self._connected.discard(player_id)

    def kick(self, player_id: int) -> PartyPlayer | None:
        player = self.players.pop(player_id, None)
        if player is not None:
            self._connected.discard(player_id)
            self._answered.discard(player_id)
            self._by_secret.pop(player.secret, None)
            self._keys = {key: pid for key, pid in self._keys.items() if pid != player_id}
        return player

    def connected(self) -> list[PartyPlayer]:
        return [p for p in self.players.values() if p.connected]

    def connected_count(self) -> int:
        return len(self._connected)

    # -- the question ---------------------------------------------------------------
    def open_question(self, round_: Round, limit: float | None) -> None:
        self.round = round_
        self.number = round_.number
        self._answered = {pid for pid, p in self.players.items() if self.number in p.answers}
        self.limit = limit
        self.is_open = True
        self._opened_at = self.clock()
        self._paused_at = None
        self._paused_total = 0.0
        self.shown += 1
        self.generation += 1

    def pause(self) -> None:
        if self.is_open and self._paused_at is None:
            self._paused_at = self.clock()
            self.generation += 1

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self.clock() - self._paused_at
            self._paused_at = None
            self.generation += 1

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def elapsed(self, at: float | None = None) -> float:
        """Seconds the open question has run at game-clock time ``at`` (pauses not counted)."""
        if not self.round:
            return 0.0
        now = self.clock() if at is None else at
        if self._paused_at is not None:
            now = min(now, self._paused_at)
        return max(now - self._opened_at - self._paused_total, 0.0)

    def remaining(self) -> float:
        return float("inf") if self.limit is None else max(self.limit - self.elapsed(), 0.0)

    def expired(self) -> bool:
        return self.is_open and self.limit is not None and self.elapsed() >= self.limit

    def answer(self, player_id: int, secret: str, number: int, response: Any, at: float) -> PartyAnswer:
        """Check and score a player's answer (:class:`Rejected` if it is not one the game takes), and keep it."""
        answer = self._checked(player_id, secret, number, response, at)
        return self._record(self.players[player_id], answer)

    def check(self, player_id: int, secret: str, number: int, response: Any, at: float) -> Judged:
        """The answer :meth:`answer` would keep, changing nothing: the party's server checks and scores
        answers on its own thread as they arrive, and the game's thread only :meth:`take` s them.

        Read beside the game's thread, the room may change meanwhile: every change that bears on an answer
        ends by counting :attr:`generation` up, which is read first here, so an answer checked against a
        room caught halfway through a change is never taken as it is."""
        generation = self.generation
        player = self.players.get(player_id)
        streak = player.streak if player is not None else 0
        return Judged(self._checked(player_id, secret, number, response, at), generation, streak)

    def take(self, judged: Judged) -> bool:
        """Keep an answer :meth:`check` scored, if the room is as it was then (``False``: judge it again)."""
        answer = judged.answer
        player = self.players.get(answer.player_id)
        if judged.generation != self.generation or player is None or player.streak != judged.streak or \
                answer.number in player.answers:
            return False
        self._record(player, answer)
        return True

    def _checked(self, player_id: int, secret: str, number: int, response: Any, at: float) -> PartyAnswer:
        player = self.players.get(player_id)
        if player is None or not isinstance(secret, str) or \
                not secrets.compare_digest(secret.encode(), player.secret.encode()):
            raise Rejected("Not your answer to give", "answer")
        if not self.is_open or self.round is None or number != self.number:
            raise Rejected("That question is closed", "closed")
        if self.paused:
            raise Rejected("The game is paused", "closed")
        elapsed = self.elapsed(at)
        if self.limit is not None and elapsed >= self.limit:
            raise Rejected("Too late: time was up", "closed")
        if number in player.answers:
            raise Rejected("You have already answered", "answer")
        if response is None:
            raise Rejected("No answer given", "answer")
        try:
            response, chosen, v = _judge(self.round, response, elapsed, self.limit, player.streak)
        except (ValueError, TypeError):
            raise Rejected("Not a possible answer", "answer") from None
        return PartyAnswer(player.id, number, response, chosen, elapsed, v.correct, v.close, v.points, v.bonus,
                           v.streak)

    def _record(self, player: PartyPlayer, answer: PartyAnswer) -> PartyAnswer:
        player.answers[answer.number] = answer
        if answer.number == self.number:
            self._answered.add(player.id)
        player.streak = answer.streak
        player.best_streak = max(player.best_streak, answer.streak)
        player.score += answer.total
        player.correct += int(answer.correct)
        player.total_time += answer.elapsed
        return answer

    def shown_score(self, player: PartyPlayer) -> int:
        """The player's total as everyone may know it: while a question is open, without its answer
        (a phone that reloads after locking in must not learn from its total whether it was right)."""
        pending = player.answers.get(self.number) if self.is_open else None
        return player.score - (pending.total if pending is not None else 0)

    def answered_count(self) -> int:
        """Players with an answer to question ``number`` (the open one, or the one last closed)."""
        return len(self._answered)

    def everyone_answered(self) -> bool:
        """Every connected player has answered the open question (and there is someone).

        A player whose phone dropped while this question was open, less than :data:`RECONNECT_GRACE`
        seconds ago, is waited for too (a reload); one that was away before it opened is not."""
        if len(self._answered) < len(self._connected):
            return False  # some connected player has not answered (the usual case, found without a look at each)
        now = self.clock()
        here = [p for p in self.players.values()
                if p.connected or (p.away_since is not None and p.away_since >= self._opened_at
                                   and now - p.away_since < RECONNECT_GRACE)]
        return bool(here) and all(self.number in p.answers for p in here)

    def close_question(self) -> Reveal:
        """Close the open question: players with no answer get a timeout (their streak ends)."""
        self.is_open = False
        round_ = self.round
        n = len(round_.choices) if round_ is not None else 0
        counts = [0] * n
        answers: dict[int, PartyAnswer] = {}
        answered = 0
        for player in self.players.values():
            answer = player.answers.get(self.number)
            if answer is None:
                answer = self._record(player, PartyAnswer(player.id, self.number, None, None, self.limit or 0.0,
                                                          False, False, 0, 0, 0))
            else:
                answered += 1
            if answer.chosen is not None and 0 <= answer.chosen < n:
                counts[answer.chosen] += 1
            answers[player.id] = answer
        self._rank()
        self.generation += 1
        return Reveal(self.number, tuple(counts), answers, answered, len(self.players))

    # -- ranking --------------------------------------------------------------------
    def standings(self) -> list[PartyPlayer]:
        """Players best first: score, then less total time (``place`` as at the last reveal)."""
        return sorted(self.players.values(), key=lambda p: (-p.score, p.total_time, p.id))

    def _rank(self) -> None:
        """Give each player a ``place`` and a ``move`` against the previous question's ranking.

        Equal scores share a place (1, 1, 3: the next place counts everyone above). A player who was
        not ranked at the previous question (the first question, or one who joined since) gets no
        move, rather than one measured from nothing.
        """
        ordered = self.standings()
        place = 0
        for i, player in enumerate(ordered):
            if i == 0 or player.score != ordered[i - 1].score:
                place = i + 1
            player.move = player.place - place if player.place else None
            player.place = place
