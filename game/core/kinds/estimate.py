"""Estimate: a number on a slider from ``min`` to ``max`` in ``step``s; points down to nothing at
``tolerance`` away (see :func:`game.core.scoring.award_estimate`)."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from decimal import Decimal
from typing import Any

from game.core import scoring
from game.core.checks import Checker
from game.core.kinds.base import (
    Fields,
    Found,
    Kind,
    Payload,
    Round,
    Verdict,
    number_text,
)
from game.core.model import Question, Scale
from game.core.yamldoc import Node

ESTIMATE_MAX_STEPS = 10_000  # places on a hand-written slider


def scale_of(rnd: Round) -> Scale:
    scale = rnd.question.scale
    if scale is None:
        raise ValueError("an estimate question without a scale")
    return scale


def value_of(rnd: Round) -> float:
    value = rnd.question.value
    if value is None:
        raise ValueError("an estimate question without a value")
    return value


def place_slider(scale: Scale, value: float, rng: random.Random, floor: float | None) -> Scale:
    """A slider as wide as ``scale`` (in its steps) with ``value`` at a uniformly random place on it.

    It goes no lower than ``floor``: when the floor is nearer below the value
    than the slider is wide, the slider is only as wide as the room below, so
    that every place stays as likely.  A value at the floor keeps ``scale``.
    """
    positions = round((scale.high - scale.low) / scale.step)
    if floor is not None:
        room = int((value - floor) / scale.step + 1e-9)
        if room < 1:
            return scale
        positions = min(positions, room)
    low = value - scale.step * rng.randint(0, positions)
    digits = max(scale.places, 0) + 6
    return replace(scale, low=round(low, digits), high=round(low + scale.step * positions, digits))


class EstimateKind(Kind):
    name = "estimate"
    label = "Estimate"
    short = "Estimate"
    keys = ("answer", "min", "max", "step", "tolerance", "unit")
    phone_input = "slider"
    seeded = True

    def read(self, check: Checker, node: Node, found: Found) -> Fields | None:
        """A number on a slider from ``min`` to ``max`` in ``step``s; points down to nothing at ``tolerance`` away."""
        what = "an estimate question"
        nodes = {name: check.require(found, name, node, what) for name in ("answer", "min", "max")}
        numbers = {name: check.number(n, name) if n is not None else None for name, n in nodes.items()}
        for name in ("step", "tolerance"):
            if name in found:
                given = found[name][1]
                nodes[name] = given
                numbers[name] = check.number(given, name)
                number = numbers[name]
                if number is not None and number <= 0:
                    check.report(given, f"'{name}' must be more than 0, not {given.value.strip()}")
                    numbers[name] = None
        unit = check.text(found["unit"][1], "unit") if "unit" in found else ""
        value, low, high = numbers["answer"], numbers["min"], numbers["max"]
        if value is None or low is None or high is None or unit is None:
            return None

        def said(name: str) -> str:
            given = nodes[name]
            return given.value.strip() if given is not None else ""

        if low >= high:
            check.report(nodes["max"], f"'max' ({said('max')}) must be more than 'min' ({said('min')})")
            return None
        if not low <= value <= high:
            check.report(nodes["answer"], f"the answer {said('answer')} is outside 'min'/'max' "
                                          f"({said('min')} to {said('max')})")
            return None
        places = max(-_exponent(e) for e in (value, low, Decimal(1)))
        step = numbers.get("step") if "step" in found else Decimal(1).scaleb(-places)
        if step is None:
            return None
        if (high - low) / step > ESTIMATE_MAX_STEPS:
            check.report(nodes.get("step", nodes["max"]), f"the slider would have {int((high - low) / step):,} "
                                                          f"places; use a 'step' that leaves at most "
                                                          f"{ESTIMATE_MAX_STEPS:,}")
            return None
        if (value - low) % step:
            check.report(nodes["answer"], f"the answer {said('answer')} is not a whole number of "
                                          f"steps ({step}) from 'min' ({said('min')}): the slider "
                                          f"could not reach it")
            return None
        tolerance = numbers.get("tolerance") if "tolerance" in found else (high - low) / 10
        if tolerance is None:
            return None
        places = max(places, -_exponent(step.normalize()), 0)
        # The slider as written; each game places one as wide with the answer anywhere on it (for_seed).
        scale = Scale(low=float(low), high=float(low + ((high - low) // step) * step), step=float(step),
                      tolerance=float(tolerance), unit=unit.strip(), places=places)
        return {"choices": (), "answer": scale.show(float(value)), "scale": scale, "value": float(value)}

    def answer_number(self, question: Question) -> str | None:
        return number_text(f"{question.value:g}") if question.value is not None else None

    def for_seed(self, question: Question, seed: object) -> Question:
        """The slider as wide as written with the answer at a place drawn for the game ``seed`` (never below 0
        where the slider starts at 0 or more: a count or a year)."""
        scale = question.scale
        if scale is None or question.value is None:
            return question
        floor = 0.0 if scale.low >= 0 else None
        rng = random.Random(f"{seed}|{question.prompt}|estimate")
        return replace(question, scale=place_slider(scale, question.value, rng, floor))

    def check_response(self, rnd: Round, response: object, removed: tuple[int, ...] = ()) -> float:
        if isinstance(response, bool) or not isinstance(response, (int, float)) or not math.isfinite(response):
            raise ValueError(f"{response!r} is not a number")
        return float(response)

    def right(self, rnd: Round, response: Any) -> tuple[bool, bool]:
        """Right within half a step of the value; close inside the tolerance."""
        scale, value = scale_of(rnd), value_of(rnd)
        correct = abs(response - value) <= scale.step / 2 + 1e-9
        return correct, not correct and scoring.estimate_share(response, value, scale.tolerance) > 0

    def judge(self, rnd: Round, response: Any, elapsed: float, limit: float | None, streak_before: int, *,
              lifelines: int = 0, scored: bool = True) -> Verdict:
        if response is None or not scored:
            return super().judge(rnd, response, elapsed, limit, streak_before, lifelines=lifelines, scored=scored)
        scale = scale_of(rnd)
        correct, close, points, bonus, streak = scoring.award_estimate(
            response, value_of(rnd), scale.tolerance, scale.step, elapsed, limit, streak_before, lifelines=lifelines)
        return Verdict(correct, close, points, bonus, streak)

    def response_text(self, rnd: Round, response: Any) -> str:
        return scale_of(rnd).show(response)

    def phone_payload(self, rnd: Round) -> Payload:
        payload = super().phone_payload(rnd)
        scale = rnd.question.scale
        if scale is not None:
            payload["scale"] = {"low": scale.low, "high": scale.high, "step": scale.step,
                                "value_kind": scale.value_kind, "unit": scale.unit, "currency": scale.currency,
                                "places": scale.places}
        return payload

    def phone_answers(self, rnd: Round, rng: random.Random) -> tuple[Any, Any]:
        """The slider's numbers (a year as 2023, a date as its day number): right, and a few steps off."""
        value = float(value_of(rnd))
        scale = scale_of(rnd)
        off = scale.snap(value + rng.choice((-1, 1)) * rng.randint(2, 6) * scale.step)
        if off == value:
            off = scale.snap(value - (off - value or scale.step) * 3)
        return value, float(off)

    def phone_guess(self, message: Payload, rng: random.Random) -> Any:
        return float((message.get("scale") or {}).get("low", 0))


def _exponent(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0
