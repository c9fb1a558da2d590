"""Every message between the game and a phone: the one schema of what a phone may send, and one typed
builder for each message the game sends.

``parse(text)`` returns a clean message or raises :class:`BadMessage` with a short reason for the log;
nothing a phone sends is trusted further than this.  Outgoing messages are built here and only here
(a test holds it), so the page (``game/web/app.js``) and the simulated phones read one vocabulary.
The limits a phone must respect (:func:`limits`) come from the game's own rules and reach the page
from the server, never copied into it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Literal, TypedDict

from game.core.party import PIN_DIGITS
from game.core.scores import NAME_MAX
from game.core.spelling import MAX_TYPED

MAX_MESSAGE_BYTES = 2048
MAX_NAME_TEXT = 64     # a nickname as sent; the room refuses one over NAME_MAX with its reason
MAX_PIN_TEXT = 12
MAX_SECRET = 64
MAX_ORDER_ITEMS = 6
MAX_NUMBER = 2 ** 53    # any number a slider sends is smaller (a float counts whole numbers exactly to here)
PING_SECONDS = 15       # the page says it is still there this often


class BadMessage(ValueError):
    """A message that does not fit the schema; ``kind`` is its type when that much was readable and
    ``field`` the key that was wrong (a join whose PIN is not text still counts as a guess)."""

    def __init__(self, reason: str, kind: str | None = None, field: str | None = None):
        super().__init__(reason)
        self.kind = kind
        self.field = field


# -- what a phone sends ----------------------------------------------------------------------
class Join(TypedDict):
    type: Literal["join"]
    pin: str
    name: str


class Rejoin(TypedDict):
    type: Literal["rejoin"]
    secret: str


Response = int | float | str | tuple[int, ...]


class Answer(TypedDict):
    type: Literal["answer"]
    secret: str
    q: int
    response: Response


class Ping(TypedDict):
    type: Literal["ping"]


Inbound = Join | Rejoin | Answer | Ping


def _text(value: object, what: str, limit: int, kind: str, field: str) -> str:
    if not isinstance(value, str):
        raise BadMessage(f"{what} must be text", kind, field)
    if len(value) > limit:
        raise BadMessage(f"{what} is longer than {limit} characters", kind, field)
    try:  # JSON may carry a lone surrogate ("\udc80"): not text, and it cannot be compared or shown
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadMessage(f"{what} is not valid text", kind, field) from None
    return value


def _question_number(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10_000:
        raise BadMessage("'q' must be a question number", "answer", "q")
    return value


def _response(value: object) -> Response:
    """An answer's shape, whatever the question: a number, a list of item numbers or a text.

    What a number means (a choice's index, an estimate, a day on a date slider) is not guessed here from
    its JSON type: the room reads the response by the open question's kind
    (:func:`game.core.session.check_response`) and refuses what does not fit it."""
    if isinstance(value, bool) or value is None:
        raise BadMessage("'response' is missing or of the wrong kind", "answer", "response")
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise BadMessage("'response' is not a finite number", "answer", "response")
        return value
    if isinstance(value, list):
        if not 1 < len(value) <= MAX_ORDER_ITEMS or \
                not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < MAX_ORDER_ITEMS for v in value):
            raise BadMessage("'response' is not an order of items", "answer", "response")
        return tuple(value)
    if isinstance(value, str):
        return _text(value, "'response'", MAX_TYPED, "answer", "response")
    raise BadMessage("'response' is of the wrong kind", "answer", "response")


_FIELDS = {
    "join": {"pin", "name"},
    "rejoin": {"secret"},
    "answer": {"secret", "q", "response"},
    "ping": set(),
}


def parse(data: str | bytes | bytearray | memoryview) -> Inbound:
    """Check one WebSocket message (text or bytes) and return it as a clean message."""
    if not isinstance(data, str):
        raise BadMessage("binary messages are not accepted")
    if len(data.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES:
        raise BadMessage("the message is too big")
    try:
        message = json.loads(data)
    except (ValueError, RecursionError):
        raise BadMessage("not JSON") from None
    if not isinstance(message, dict):
        raise BadMessage("not a JSON object")
    kind = message.get("type")
    if not isinstance(kind, str) or kind not in _FIELDS:
        raise BadMessage("unknown message type")
    extra = set(message) - _FIELDS[kind] - {"type"}
    if extra:
        raise BadMessage(f"unexpected keys in '{kind}'", kind)
    missing = _FIELDS[kind] - set(message)
    if missing:
        raise BadMessage(f"'{kind}' lacks {', '.join(sorted(missing))}", kind)
    if kind == "join":
        pin = _text(message["pin"], "'pin'", MAX_PIN_TEXT, kind, "pin")
        return Join(type="join", pin=pin, name=_text(message["name"], "'name'", MAX_NAME_TEXT, kind, "name"))
    if kind == "rejoin":
        return Rejoin(type="rejoin", secret=_text(message["secret"], "'secret'", MAX_SECRET, kind, "secret"))
    if kind == "answer":
        return Answer(type="answer", secret=_text(message["secret"], "'secret'", MAX_SECRET, kind, "secret"),
                      q=_question_number(message["q"]), response=_response(message["response"]))
    return Ping(type="ping")


# -- the limits a phone respects (the page reads them from the server) -----------------------------
class Limits(TypedDict):
    name: int       # characters in a nickname
    pin: int        # digits in the game PIN
    typed: int      # characters in a typed answer
    message_bytes: int
    ping_seconds: int


def limits() -> Limits:
    return Limits(name=NAME_MAX, pin=PIN_DIGITS, typed=MAX_TYPED, message_bytes=MAX_MESSAGE_BYTES,
                  ping_seconds=PING_SECONDS)


# -- what the game sends -----------------------------------------------------------------------
class Lobby(TypedDict):
    type: Literal["lobby"]
    players: int


class _QuestionBase(TypedDict):
    type: Literal["question"]
    q: int
    of: int
    kind: str
    prompt: str | None
    choices: list[str]
    limit: float | None


class Question(_QuestionBase, total=False):  # what the question's kind adds (its phone_payload)
    input: str  # what the page shows: choices, truefalse, slider, order or text
    scale: dict[str, object]
    forgiven: str


class Locked(TypedDict):
    type: Literal["locked"]
    q: int


Ended = Literal["time", "everyone", "host"]


class Result(TypedDict):
    type: Literal["result"]
    q: int
    correct: bool
    close: bool
    points: int
    total: int
    place: int
    of: int
    answer: str
    answered: bool
    ended: Ended


class Paused(TypedDict):
    type: Literal["paused"]


class Resumed(TypedDict):
    type: Literal["resumed"]


class Final(TypedDict):
    type: Literal["ended"]
    place: int
    of: int
    score: int


class Closed(TypedDict):
    type: Literal["closed"]
    reason: str


class Kicked(TypedDict):
    type: Literal["kicked"]


# Why a phone's message was refused, for the page to act on (the words are for the player):
# "pin" a wrong PIN, "budget" the game takes no more guesses until the host shows a new PIN,
# "name" the nickname, "full", "busy" one try at a time, "unknown" a secret the game does not know
# (the page forgets it and shows the join form), "closed" the question is closed, "answer" the answer,
# "message" a message that was not understood.
Code = Literal["pin", "budget", "name", "full", "busy", "unknown", "closed", "answer", "message", "joined"]


class Error(TypedDict):
    type: Literal["error"]
    reason: str
    code: Code


State = Lobby | Question | Locked | Result | Final | Closed


class _JoinedBase(TypedDict):
    type: Literal["joined"]
    id: int
    secret: str
    name: str
    colour: str
    players: int
    state: State
    paused: bool


class Joined(_JoinedBase, total=False):
    total: int
    place: int


Outbound = Lobby | Question | Locked | Result | Paused | Resumed | Final | Closed | Kicked | Error | Joined


def lobby(players: int) -> Lobby:
    return Lobby(type="lobby", players=players)


def question(number: int, of: int, kind: str, prompt: str | None, choices: Sequence[str], limit: float | None,
             extra: Mapping[str, object] | None = None) -> Question:
    """A question as a phone shows it; ``extra`` is what its kind adds (a slider's scale, the words under
    a typed answer's box)."""
    message = Question(type="question", q=number, of=of, kind=kind, prompt=prompt, choices=list(choices),
                       limit=limit)
    for key, value in (extra or {}).items():
        message[key] = value  # type: ignore[literal-required]
    return message


def reopened(message: Question, limit: float | None) -> Question:
    """The open question again, for a phone that comes back, with the time that is left."""
    again = message.copy()
    again["limit"] = limit
    return again


def locked(number: int) -> Locked:
    return Locked(type="locked", q=number)


def result(number: int, *, correct: bool, close: bool, points: int, total: int, place: int, of: int,
           answer: str, answered: bool, ended: Ended) -> Result:
    return Result(type="result", q=number, correct=correct, close=close, points=points, total=total, place=place,
                  of=of, answer=answer, answered=answered, ended=ended)


def paused() -> Paused:
    return Paused(type="paused")


def resumed() -> Resumed:
    return Resumed(type="resumed")


def final(place: int, of: int, score: int) -> Final:
    return Final(type="ended", place=place, of=of, score=score)


def closed(reason: str) -> Closed:
    return Closed(type="closed", reason=reason)


def kicked() -> Kicked:
    return Kicked(type="kicked")


def error(reason: str, code: Code = "message") -> Error:
    return Error(type="error", reason=reason, code=code)


NOT_UNDERSTOOD = "That message was not understood"


def joined(player_id: int, secret: str, name: str, colour: str, players: int, state: State, paused: bool,
           score: tuple[int, int] | None = None) -> Joined:
    """The welcome to a phone that joined or came back: who it is and, in ``state``, the message that shows
    where the game is; ``score`` (total, place) once the player has answered."""
    message = Joined(type="joined", id=player_id, secret=secret, name=name, colour=colour, players=players,
                     state=state, paused=paused)
    if score is not None:
        message["total"], message["place"] = score
    return message


def dumps(message: Outbound) -> str:
    """A message as text on the wire."""
    return json.dumps(message, ensure_ascii=False)
