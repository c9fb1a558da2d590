"""The run's options: what the command line chose (the title screen changes some through
:meth:`game.games.Games.choose`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_SIZE = (1280, 720)


@dataclass
class Options:
    count: int = 10
    seed: int | None = None
    name: str | None = None
    category: str | None = None
    difficulty: str | None = None
    kinds: tuple[str, ...] | None = None  # --kinds and the title's Kinds button (None: every kind)
    mode: str = "classic"
    players: int = 2  # hot-seat only
    player_names: list[str] | None = None  # hot-seat names, once entered
    autoplay: bool = False
    fps: int = 60
    screenshots: Path | None = None
    size: tuple[int, int] = DEFAULT_SIZE
    fullscreen: bool = False
    # Party mode (--port, --bind, --max-players; --bots with --autoplay).
    port: int | None = None
    bind: str | None = None
    max_players: int = 60
    bots: int = 0
