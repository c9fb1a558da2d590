"""Every kind of question as one object: the registry.

Each kind (:class:`Kind`, in :mod:`game.core.kinds.base`) knows its YAML keys and their checks, how its
choices are arranged, which responses it takes and what they are worth, the words for them, and what a
phone needs.  ``REGISTRY`` holds them by name, in the order the game lists them; :func:`register` adds one
(a test's own kind, say), and every part of the game finds it there: the question files, the title's
Kinds button, the session, the party room, the phones.  The screen's side of each kind lives in
:mod:`game.ui.kinds`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from game.core.kinds.base import Kind, Round, Verdict
from game.core.kinds.choice import ChoiceKind
from game.core.kinds.estimate import EstimateKind
from game.core.kinds.order import OrderKind, in_place
from game.core.kinds.truefalse import TrueFalseKind
from game.core.kinds.typed import TypeKind, answer_lines

__all__ = ["CHOICE", "ESTIMATE", "ORDER", "REGISTRY", "TRUEFALSE", "TYPE", "Kind", "Round", "Verdict",
           "answer_lines", "get", "in_place", "label_of", "names", "no_typing", "of", "register", "stops",
           "unregister"]

CHOICE, TRUEFALSE, ESTIMATE, ORDER, TYPE = ChoiceKind(), TrueFalseKind(), EstimateKind(), OrderKind(), TypeKind()
REGISTRY: dict[str, Kind] = {kind.name: kind for kind in (CHOICE, TRUEFALSE, ESTIMATE, ORDER, TYPE)}


class HasKind(Protocol):
    @property
    def kind(self) -> str: ...


def register(kind: Kind) -> Kind:
    """Add a kind (a name not taken yet); every part of the game offers and plays it from now on."""
    if not kind.name or kind.name in REGISTRY:
        raise ValueError(f"a kind needs a name of its own, not {kind.name!r}")
    REGISTRY[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Take a kind added by :func:`register` away again (the five of the game stay)."""
    if name in (CHOICE.name, TRUEFALSE.name, ESTIMATE.name, ORDER.name, TYPE.name):
        raise ValueError(f"{name!r} is one of the game's own kinds")
    REGISTRY.pop(name, None)


def names() -> tuple[str, ...]:
    """Every kind's name, in the order the game lists them."""
    return tuple(REGISTRY)


def get(name: str) -> Kind:
    """The kind called ``name``; ``KeyError`` names it when there is none."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"no kind of question is called {name!r}") from None


def of(thing: HasKind) -> Kind:
    """The kind of a question or a round (anything with a ``kind`` name)."""
    return get(thing.kind)


def no_typing() -> tuple[str, ...]:
    """Every kind a pad or a mouse alone can answer (none that is typed)."""
    return tuple(name for name, kind in REGISTRY.items() if not kind.typed)


def stops() -> list[tuple[str, ...] | None]:
    """The title's Kinds selector's stops (what --kinds sets): all, each kind alone, and all but typing."""
    return [None, *((name,) for name in REGISTRY), no_typing()]


def label_of(chosen: Sequence[str] | None) -> str:
    """The chosen kinds in the words of the title's Kinds button: "All", one kind's short name, "No typing", or
    the names of a set."""
    if not chosen or set(chosen) >= set(REGISTRY):
        return "All"
    if tuple(chosen) == no_typing():
        return "No typing"
    return ", ".join(REGISTRY[name].short if name in REGISTRY else name for name in chosen)
