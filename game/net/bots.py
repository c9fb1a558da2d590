"""Simulated phones for ``--autoplay --mode party --bots N`` and the benchmark.

Each bot is a real WebSocket client (the ``websockets`` library) talking to the
game's own server on 127.0.0.1, in a thread and asyncio loop of their own, the
way the phone page does: join with the PIN and a nickname, answer each
question after a while (some right, some wrong, some never), see the result.
One bot drops its connection mid-game and comes back with its secret; one
sends junk: a message that is not JSON, an answer with a wrong secret, an
answer after the buzzer and a message over the size limit (which closes its
connection, so it comes back too).

No pygame here.  The runner counts what it sent and how long each answer took
from the moment it was sent to the moment the game confirmed it ("locked").
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.core import kinds

# Accents and an emoji among them, as real nicknames have: every screen that shows a name draws them.
NAMES = ("Ava 🚂", "Ben", "Chloé", "Dev", "Eun-ji", "Farid", "Grace", "Hiro", "Inès", "Jonas", "Kemi", "Lars",
         "Mina", "Noor", "Olu", "Pia", "Quinn", "Rafa", "Sana", "Tomás", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zoë")
JUNK_NAME = "<b>Junk</b>"  # markup in a name stays text on every screen
RECONNECT_DELAY = 0.3
JUNK_KINDS = ("not JSON", "wrong secret", "after the buzzer", "too big")


def bot_name(index: int) -> str:
    base = NAMES[index % len(NAMES)]
    return base if index < len(NAMES) else f"{base} {index // len(NAMES) + 1}"


def js_number(value: Any) -> Any:
    """A number as the phone page's ``JSON.stringify`` writes it: a whole number without ``.0``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return int(value)
    return value


def phone_json(message: dict[str, Any]) -> str:
    """A message exactly as the phone page (``game/web/app.js``) sends it: ``JSON.stringify`` of the same object,
    keys in the same order, no spaces, text not escaped beyond what JSON needs, whole numbers without ``.0``."""
    def plain(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return js_number(value)

    return json.dumps({key: plain(value) for key, value in message.items()}, separators=(",", ":"),
                      ensure_ascii=False)


def answer_message(secret: str, number: int, response: Any) -> str:
    """The page's answer to question ``number``, for any kind (its ``answer()``: type, secret, q, response)."""
    return phone_json({"type": "answer", "secret": secret, "q": number, "response": response})


def join_message(pin: str, name: str) -> str:
    return phone_json({"type": "join", "pin": pin, "name": name})


def rejoin_message(secret: str) -> str:
    return phone_json({"type": "rejoin", "secret": secret})


def responses(rnd: Any, rng: random.Random) -> tuple[object, object]:
    """``(right, wrong)`` responses to a round, as the phone page sends them, built by the round's kind
    (:meth:`~game.core.kinds.Kind.phone_answers`): a choice's index (True/False too), an estimate as the
    slider's number (a year as 2023, a date as its day number), an order as the item numbers tapped first
    to last, typed text as typed."""
    right, wrong = kinds.of(rnd).phone_answers(rnd, rng)
    return js_number(right), js_number(wrong)


def any_response(message: dict[str, Any], rng: random.Random) -> Any:
    """A response of the right shape for a question message, with no idea of the answer (its kind's
    :meth:`~game.core.kinds.Kind.phone_guess`)."""
    return js_number(kinds.get(message.get("kind") or kinds.CHOICE.name).phone_guess(message, rng))


@dataclass
class Tally:
    """What the simulated phones did: written on their thread, read by the game's, always under a lock."""

    answers_sent: int = 0
    sent_by_kind: dict[str, int] = field(default_factory=dict)  # answers sent, by the question's kind
    latencies: list[float] = field(default_factory=list)  # ms from an answer sent to "locked"
    reconnects: int = 0
    junk_sent: int = 0
    junk_refused: int = 0
    joined: set[int] = field(default_factory=set)
    gone: set[int] = field(default_factory=set)  # removed by the host, or the party closed
    done: dict[int, set[int]] = field(default_factory=dict)  # question -> phones finished with it
    errors: list[str] = field(default_factory=list)


@dataclass
class _Phone:
    index: int
    name: str
    role: str = "player"  # "player", "junk" or "dropper"
    secret: str | None = None
    ws: Any = None  # its websockets connection while it has one
    question: int | None = None
    paused: bool = False
    finished: bool = False
    drop: bool = False  # leave the connection now and come back
    dropped: bool = False
    closing: bool = False  # sent a message over the size limit: the game closes the connection
    junk_done: set[str] = field(default_factory=set)
    sent_at: dict[int, float] = field(default_factory=dict)  # question -> perf_counter when the answer went out


class BotRunner:
    """``count`` simulated phones; ``truth(number)`` gives the game's round for a question number
    (``None``: the phones answer anything, as the benchmark's do)."""

    def __init__(self, ws_url: str, pin: str, count: int, *, truth: Callable[[int], object] | None,
                 seed: object = None,
                 junk: bool = True, dropper: bool = True, never: float = 0.12, right: float = 0.6,
                 delay: tuple[float, float] = (0.2, 2.5), join_spread: float = 1.0):
        self.url = ws_url
        self.pin = pin
        self.count = count
        self.truth = truth
        self.seed = seed
        self.never = never
        self.right = right
        self.delay = delay
        self.join_spread = join_spread
        roles = ["player"] * count
        if junk and count >= 2:
            roles[1] = "junk"
        if dropper and count >= 3:
            roles[2] = "dropper"
        self.phones = [_Phone(k, JUNK_NAME if roles[k] == "junk" else bot_name(k), roles[k]) for k in range(count)]
        # What the phones did, written by their thread and read by the game's: only under the lock.
        self._tally = Tally()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None

    # -- from the game's thread -----------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="party-bots", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:
                pass
        if self._thread is not None:
            self._thread.join(timeout)

    def tally(self) -> Tally:
        """A copy of what the phones have done so far (safe from any thread)."""
        with self._lock:
            t = self._tally
            return Tally(t.answers_sent, dict(t.sent_by_kind), list(t.latencies), t.reconnects, t.junk_sent,
                         t.junk_refused, set(t.joined), set(t.gone), {q: set(d) for q, d in t.done.items()},
                         list(t.errors))

    def _count(self, change: Callable[[Tally], object]) -> None:
        """Change the tally (the phones' thread)."""
        with self._lock:
            change(self._tally)

    def wait(self, timeout: float) -> None:
        """Until the party ends for every phone, or ``timeout`` seconds."""
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def all_joined(self) -> bool:
        with self._lock:
            return len(self._tally.joined) >= self.count

    @property
    def answers_sent(self) -> int:
        with self._lock:
            return self._tally.answers_sent

    @property
    def errors(self) -> list[str]:
        with self._lock:
            return list(self._tally.errors)

    def settled(self, number: int) -> bool:
        """Every phone still in the game is done with question ``number`` (answered and confirmed, or chose not to)."""
        with self._lock:
            done = self._tally.done.get(number, set())
            return all(p.index in done for p in self.phones if p.index not in self._tally.gone)

    def report(self) -> dict[str, Any]:
        t = self.tally()

        def pct(q: float) -> float | None:
            values = sorted(t.latencies)
            if not values:
                return None
            return round(values[min(len(values) - 1, int(round(q * (len(values) - 1))))], 2)

        return {"bots": self.count, "answers_sent": t.answers_sent, "answer_latency_ms_p50": pct(0.5),
                "answer_latency_ms_p99": pct(0.99), "reconnects": t.reconnects, "junk_sent": t.junk_sent,
                "junk_refused": t.junk_refused, "bots_joined": len(t.joined)}

    def sent_of(self, kind: str) -> int:
        with self._lock:
            return self._tally.sent_by_kind.get(kind, 0)

    # -- the bots' own thread ---------------------------------------------------------------------
    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except Exception as exc:  # noqa: BLE001 - reported, never raised into the game
            error = f"{type(exc).__name__}: {exc}"
            self._count(lambda t: t.errors.append(error))
        finally:
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        rng = random.Random(f"bots|{self.seed}")
        tasks = [asyncio.ensure_future(self._phone(p, rng.uniform(0, self.join_spread))) for p in self.phones]
        stopper = asyncio.ensure_future(self._stop.wait())
        everyone: asyncio.Future[Any] = asyncio.gather(*tasks, return_exceptions=True)
        await asyncio.wait([stopper, everyone], return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        stopper.cancel()

    def _mark_done(self, phone: _Phone, number: int) -> None:
        self._count(lambda t: t.done.setdefault(number, set()).add(phone.index))

    async def _phone(self, phone: _Phone, wait: float) -> None:
        from websockets.asyncio.client import connect
        from websockets.exceptions import WebSocketException

        await asyncio.sleep(wait)
        while not phone.finished:
            try:
                async with connect(self.url, open_timeout=5, close_timeout=1, ping_interval=None,
                                   max_size=2 ** 20) as ws:
                    phone.ws = ws
                    if phone.secret:
                        await self._send(phone, rejoin_message(phone.secret))
                    else:
                        await self._send(phone, join_message(self.pin, phone.name))
                    async for raw in ws:
                        await self._take(phone, json.loads(raw))
                        if phone.finished or phone.drop:
                            break
            except (OSError, asyncio.TimeoutError, WebSocketException, ValueError):
                pass
            if phone.closing:  # the game hung up on the message that was too big: refused, as it should be
                phone.closing = False
                self._count(lambda t: setattr(t, "junk_refused", t.junk_refused + 1))
            phone.ws = None
            if phone.finished:
                break
            phone.drop = False
            await asyncio.sleep(RECONNECT_DELAY)
        self._count(lambda t: t.gone.add(phone.index))

    async def _send(self, phone: _Phone, message: str | dict[str, Any]) -> bool:
        from websockets.exceptions import ConnectionClosed

        ws = phone.ws
        if ws is None:
            return False
        try:
            await ws.send(message if isinstance(message, str) else phone_json(message))
            return True
        except ConnectionClosed:
            return False

    async def _junk(self, phone: _Phone, what: str, message: str | dict[str, Any]) -> None:
        if phone.role != "junk" or what in phone.junk_done:
            return
        phone.junk_done.add(what)
        if await self._send(phone, message):
            self._count(lambda t: setattr(t, "junk_sent", t.junk_sent + 1))

    async def _take(self, phone: _Phone, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "joined":
            back = phone.secret is not None

            def joined(t: Tally) -> None:
                t.reconnects += back
                t.joined.add(phone.index)

            phone.secret = message["secret"]
            self._count(joined)
            await self._junk(phone, "not JSON", "{this is not json")
            state = message.get("state")  # where the game is: a phone shows it at once
            if isinstance(state, dict) and state.get("type") != "lobby":
                await self._take(phone, state)
            phone.paused = bool(message.get("paused"))
        elif kind == "question":
            number = message["q"]
            phone.question = number
            phone.paused = False
            await self._junk(phone, "wrong secret", {"type": "answer", "secret": "not-the-secret-" + "x" * 8,
                                                     "q": number, "response": 0})
            rng = random.Random(f"bots|{self.seed}|{phone.index}|{number}")
            roll = rng.random()
            if roll < self.never and phone.role == "player":
                self._mark_done(phone, number)
                return
            if self.truth is not None:
                right, wrong = responses(self.truth(number), rng)
            else:  # nothing known but what the phone sees
                right = wrong = any_response(message, rng)
            response = right if rng.random() < self.right else wrong
            limit = message.get("limit")
            low, high = self.delay
            if isinstance(limit, (int, float)):
                high = min(high, max(limit * 0.5, low))
            kind = message.get("kind") or kinds.CHOICE.name
            asyncio.ensure_future(self._answer_later(phone, number, kind, response, rng.uniform(low, high)))
        elif kind == "locked":
            number = int(message.get("q") or 0)
            sent = phone.sent_at.pop(number, None)
            if sent is not None:
                latency = (time.perf_counter() - sent) * 1000
                self._count(lambda t: t.latencies.append(latency))
            self._mark_done(phone, number)
            if phone.role == "dropper" and not phone.dropped:
                phone.dropped = True
                phone.drop = True  # gone for a moment; back with the secret
        elif kind == "error":
            if phone.role == "junk":
                self._count(lambda t: setattr(t, "junk_refused", t.junk_refused + 1))
                if "after the buzzer" in phone.junk_done and "too big" not in phone.junk_done:
                    # Last, once the late answer was refused: this one closes the connection.
                    phone.closing = True
                    await self._junk(phone, "too big", json.dumps({"type": "ping", "pad": "x" * 5000}))
        elif kind == "result":
            number = int(message.get("q") or 0)
            phone.question = None
            self._mark_done(phone, number)
            await self._junk(phone, "after the buzzer", {"type": "answer", "secret": phone.secret, "q": number,
                                                         "response": 0})
        elif kind == "paused":
            phone.paused = True
        elif kind == "resumed":
            phone.paused = False
        elif kind in ("ended", "closed", "kicked"):
            phone.finished = True

    async def _answer_later(self, phone: _Phone, number: int, kind: str, response: Any, delay: float) -> None:
        await asyncio.sleep(delay)
        while phone.paused and not phone.finished:
            await asyncio.sleep(0.05)
        if phone.question != number or phone.finished:
            self._mark_done(phone, number)
            return
        phone.sent_at[number] = time.perf_counter()
        if await self._send(phone, answer_message(phone.secret or "", number, response)):
            def sent(t: Tally) -> None:
                t.answers_sent += 1
                t.sent_by_kind[kind] = t.sent_by_kind.get(kind, 0) + 1

            self._count(sent)
        else:
            phone.sent_at.pop(number, None)
            self._mark_done(phone, number)


def main(argv: list[str] | None = None) -> int:
    """``python -m game.net.bots WS_URL PIN N``: phones in a process of their own (the benchmark's), until the
    game ends the party; prints the runner's report as one JSON line."""
    import argparse

    parser = argparse.ArgumentParser(description=(main.__doc__ or "").splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("pin")
    parser.add_argument("count", type=int)
    parser.add_argument("--delay", type=float, nargs=2, default=(0.0, 1.0), metavar=("LOW", "HIGH"),
                        help="seconds from the question to the answer")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    runner = BotRunner(args.url, args.pin, args.count, truth=None, seed=args.seed, junk=False, dropper=False,
                       never=0.0, delay=tuple(args.delay), join_spread=1.0)
    runner.start()
    runner.wait(args.timeout)
    print(json.dumps(runner.report()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
