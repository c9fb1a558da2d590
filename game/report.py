"""The end-of-run report: the line ``--autoplay`` (and ``--frames``) prints last, one JSON object.

It is made from the public state of the loop's numbers (:class:`Perf`), the games service (how the
last game ended), the settings, the sound, the gamepads and the party control; nothing here changes
anything.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field


@dataclass
class Perf:
    """What the loop measures as it runs."""

    frames: int = 0
    frame_ms: list[float] = field(default_factory=list)
    startup_ms: float = 0.0
    first_frame_at: float = 0.0  # time.time() when the first frame was on screen (the benchmark compares clocks)
    started: float = 0.0
    cpu_started: float = 0.0


def process_age_seconds() -> float | None:
    """Seconds since this process started (Linux), or ``None`` where unknown."""
    try:
        with open("/proc/self/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime", "rb") as handle:
            uptime = float(handle.read().split()[0])
        return max(uptime - start_ticks / os.sysconf("SC_CLK_TCK"), 0.0)
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def peak_rss_mb() -> float | None:
    """This process's peak resident memory in MB.

    Linux's VmHWM belongs to this program alone; ``ru_maxrss`` can carry the
    peak of a parent that forked us, so it is only the fallback elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
    except (ImportError, OSError):
        return None


def kinds_asked(rounds) -> dict[str, int]:
    """How many of ``rounds`` were of each kind (every kind listed, 0 if none)."""
    from game.core.kinds import names

    counts = dict.fromkeys(names(), 0)
    for rnd in rounds:
        counts[rnd.kind] = counts.get(rnd.kind, 0) + 1
    return counts


def frame_numbers(perf: Perf) -> dict:
    """The loop's numbers: frames, start-up, frame times, CPU and wall time."""
    wall = time.perf_counter() - perf.started
    cpu = time.process_time() - perf.cpu_started
    frames = sorted(perf.frame_ms) or [0.0]

    def pct(q: float) -> float:
        return round(frames[min(len(frames) - 1, int(round(q * (len(frames) - 1))))], 3)

    return {"frames": perf.frames, "startup_ms": round(perf.startup_ms, 1),
            "first_frame_at": round(perf.first_frame_at, 4), "frame_ms_p50": pct(0.5), "frame_ms_p99": pct(0.99),
            "frame_ms_max": round(frames[-1], 3), "cpu_percent": round(100 * cpu / wall, 1) if wall > 0 else 0.0,
            "wall_s": round(wall, 3)}


def report(app) -> dict:
    """The numbers ``--autoplay`` prints as its last line (``app``: the :class:`~game.app.App` that ran)."""
    options, games, prefs = app.options, app.ctx.games, app.ctx.prefs
    data = {
        **frame_numbers(app.perf),
        "mode": options.mode,
        "count": options.count,
        "reviewed": games.reviewed,
        "seed": options.seed,
        **games.outcome,
        "kinds": kinds_asked(games.asked_rounds()),
        "settings": {k: v for k, v in prefs.settings.to_json().items() if k not in ("format", "version")},
        "sound": prefs.sound.state,
        "sounds_played": dict(prefs.sound.played),
        "gamepads": len(app.pads),
    }
    if options.mode == "party":
        data.update(app.ctx.parties.report())
    peak = peak_rss_mb()
    if peak is not None:
        data["peak_rss_mb"] = peak
    return data


def report_line(app) -> str:
    return json.dumps(report(app), ensure_ascii=False)
