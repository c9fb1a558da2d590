"""The one schema of what a phone may send, checked on every message.

``parse(text)`` returns a clean ``dict`` or raises :class:`BadMessage` with a
short reason for the log; nothing a phone sends is trusted further than this.
"""

from __future__ import annotations

import json
import math

MAX_MESSAGE_BYTES = 2048
MAX_TEXT = 64          # names, PINs, typed answers
MAX_SECRET = 64
MAX_ORDER_ITEMS = 6
MAX_NUMBER = 2 ** 53    # any number a slider sends is smaller (a float counts whole numbers exactly to here)


class BadMessage(ValueError):
    """A message that does not fit the schema."""


def _text(value, what: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise BadMessage(f"{what} must be text")
    if len(value) > limit:
        raise BadMessage(f"{what} is longer than {limit} characters")
    return value


def _question_number(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10_000:
        raise BadMessage("'q' must be a question number")
    return value


def _response(value):
    """An answer's shape, whatever the question: a number, a list of item numbers or a text.

    What a number means (a choice's index, an estimate, a day on a date slider) is not guessed here from
    its JSON type: the room reads the response by the open question's kind
    (:func:`game.core.session.check_response`) and refuses what does not fit it."""
    if isinstance(value, bool) or value is None:
        raise BadMessage("'response' is missing or of the wrong kind")
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise BadMessage("'response' is not a finite number")
        return value
    if isinstance(value, list):
        if not 1 < len(value) <= MAX_ORDER_ITEMS or \
                not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < MAX_ORDER_ITEMS for v in value):
            raise BadMessage("'response' is not an order of items")
        return tuple(value)
    if isinstance(value, str):
        return _text(value, "'response'")
    raise BadMessage("'response' is of the wrong kind")


_FIELDS = {
    "join": {"pin", "name"},
    "rejoin": {"secret"},
    "answer": {"secret", "q", "response"},
    "ping": set(),
}


def parse(data) -> dict:
    """Check one WebSocket message (text or bytes) and return it as a clean dict."""
    if isinstance(data, (bytes, bytearray)):
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
        raise BadMessage(f"unexpected keys in '{kind}'")
    missing = _FIELDS[kind] - set(message)
    if missing:
        raise BadMessage(f"'{kind}' lacks {', '.join(sorted(missing))}")
    out: dict = {"type": kind}
    if kind == "join":
        out["pin"] = _text(message["pin"], "'pin'", 12)
        out["name"] = _text(message["name"], "'name'")
    elif kind == "rejoin":
        out["secret"] = _text(message["secret"], "'secret'", MAX_SECRET)
    elif kind == "answer":
        out["secret"] = _text(message["secret"], "'secret'", MAX_SECRET)
        out["q"] = _question_number(message["q"])
        out["response"] = _response(message["response"])
    return out
