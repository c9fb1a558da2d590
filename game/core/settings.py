"""The player's settings: what they are, how they are checked, read and saved.

The file is JSON in the platformdirs config folder::

    {"format": "mi-trivia-settings", "version": 1, "theme": "high-contrast",
     "text_scale": 1.5, "reduced_motion": false, "time_factor": 2.0,
     "muted": false, "volume": 80, "describe_pictures": false}

``time_factor`` is ``null`` for "no timer".  It is written the way the score
file is (a temporary file, fsynced, then ``os.replace``), so a crash leaves
the old settings or the new ones.  A file that cannot be used is renamed
beside the original, never overwritten, and the game starts with defaults
(or with the values that could be used) and says so.  Keys this version does
not know are ignored, so a newer game's file still loads.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

FORMAT = "mi-trivia-settings"
VERSION = 1
MAX_FILE_BYTES = 64 * 1024

THEMES = ("default", "high-contrast")
THEME_NAMES = {"default": "Default", "high-contrast": "High contrast"}
TEXT_SCALES = (1.0, 1.25, 1.5, 2.0)
TIME_FACTORS: tuple[float | None, ...] = (1.0, 1.5, 2.0, None)  # None: no timer
VOLUMES = tuple(range(0, 101, 10))


@dataclass(frozen=True)
class Settings:
    theme: str = "default"
    text_scale: float = 1.0
    reduced_motion: bool = False
    time_factor: float | None = 1.0
    muted: bool = False
    volume: int = 80
    describe_pictures: bool = False  # a question's picture has its description ("alt") under it

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, **asdict(self)}

    def changed(self, **values: Any) -> Settings:
        return replace(self, **values)


def time_label(factor: float | None) -> str:
    if factor is None:
        return "No timer"
    if factor == 1.0:
        return "Normal"
    return f"×{factor:g}"


# -- checking one value (shared by the file and the command line) -----------------------
def parse_theme(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in THEMES:
        return value.strip().lower()
    raise ValueError(f"expected one of {', '.join(THEMES)}")


def parse_text_scale(value: object) -> float:
    """1, 1.25, 1.5 or 2; also written as a percentage (125, "150%")."""
    number = _number(value, "%")
    if number is not None and number > 10:
        number /= 100
    if number is not None:
        for scale in TEXT_SCALES:
            if abs(number - scale) < 1e-6:
                return scale
    raise ValueError("expected 100%, 125%, 150% or 200% (or 1, 1.25, 1.5, 2)")


def parse_time_factor(value: object) -> float | None:
    """1, 1.5 or 2 (also "x2"), or no timer: ``null``, "none", "off" or 0."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("none", "off", "no-timer")):
        return None
    number = _number(value, "x×")
    if number == 0:
        return None
    if number is not None:
        for factor in TIME_FACTORS:
            if factor is not None and abs(number - factor) < 1e-6:
                return factor
    raise ValueError("expected 1, 1.5, 2 or none (no timer)")


def parse_volume(value: object) -> int:
    number = _number(value, "%")
    if number is not None and 0 <= number <= 100:
        return int(round(number))
    raise ValueError("expected a whole number from 0 to 100")


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError("expected true or false")


def _number(value: object, strip: str) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip().lower().strip(strip).strip()
        try:
            return float(text)
        except ValueError:
            return None
    return None


PARSERS = {
    "theme": parse_theme, "text_scale": parse_text_scale, "reduced_motion": parse_bool,
    "time_factor": parse_time_factor, "muted": parse_bool, "volume": parse_volume,
    "describe_pictures": parse_bool,
}


# -- the file -----------------------------------------------------------------------------
@dataclass
class ReadResult:
    settings: Settings
    problems: list[str]
    kept_aside: Path | None = None

    @property
    def message(self) -> str | None:
        """One line for the player, or ``None`` when all was well."""
        if not self.problems:
            return None
        text = "; ".join(self.problems)
        if self.kept_aside is not None:
            return f"The settings file could not be used ({text}); it was kept as {self.kept_aside.name} " \
                   f"and the defaults were used for what could not be read."
        return f"The settings file could not be used ({text}); the defaults were used."


def parse_settings(data: bytes) -> tuple[Settings, list[str], bool]:
    """``(settings, problems, unusable)``: whatever could be used, and what could not."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Settings(), ["it is not UTF-8 text"], True
    except (json.JSONDecodeError, RecursionError) as exc:
        return Settings(), [f"not valid JSON: {getattr(exc, 'msg', exc)}"], True
    if not isinstance(raw, dict):
        return Settings(), ["expected a JSON object"], True
    if raw.get("format", FORMAT) != FORMAT:
        return Settings(), [f"format is {raw.get('format')!r}, not {FORMAT!r}"], True
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, parse in PARSERS.items():
        if key not in raw:
            continue
        try:
            values[key] = parse(raw[key])
        except ValueError as exc:
            shown = json.dumps(raw[key], ensure_ascii=False)
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            problems.append(f"{key} {shown}: {exc}")
    return Settings(**values), problems, False


def load(path: Path) -> ReadResult:
    """The saved settings; a file that cannot be used is moved aside (never lost)."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return ReadResult(Settings(), [])
    except OSError as exc:
        return ReadResult(Settings(), [f"cannot read {path}: {exc.strerror or exc}"])
    if len(data) > MAX_FILE_BYTES:
        settings, problems = Settings(), [f"the file is larger than {MAX_FILE_BYTES // 1024} KB"]
    else:
        settings, problems, _ = parse_settings(data)
    if not problems:
        return ReadResult(settings, [])
    from game.core.scores import _keep_aside

    try:
        kept = _keep_aside(Path(path))
    except OSError:
        kept = None
    return ReadResult(settings, problems, kept)


def save(path: Path, settings: Settings) -> str | None:
    """Write the settings in one step; returns a message if that failed (never raises for I/O)."""
    from game.core.scores import write_atomic

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(settings.to_json(), indent=1) + "\n")
    except OSError as exc:
        return f"cannot save the settings in {exc.filename or path}: {exc.strerror or exc}"
    return None
