"""The game's sound effects, synthesised from sine waves at start-up (no sound files, no licences).

Each effect is mono 16-bit PCM at a given rate, returned as bytes that
``pygame.mixer.Sound(buffer=...)`` plays.  This module has no pygame import:
tests check the samples directly.
"""

from __future__ import annotations

import math
from array import array

EFFECTS = ("tick", "right", "wrong", "highscore")

# (frequency in Hz, start in s, length in s, loudness 0..1) for each note.
_NOTES: dict[str, list[tuple[float, float, float, float]]] = {
    # A short wooden click for each of the last five seconds.
    "tick": [(1320.0, 0.0, 0.045, 0.45)],
    # A rising major third: right.
    "right": [(880.0, 0.0, 0.11, 0.5), (1108.7, 0.09, 0.2, 0.5)],
    # Two low falling notes: wrong (or out of time).
    "wrong": [(311.1, 0.0, 0.14, 0.5), (233.1, 0.12, 0.26, 0.5)],
    # An arpeggio up to the octave: a new high score.
    "highscore": [(523.3, 0.0, 0.12, 0.45), (659.3, 0.1, 0.12, 0.45), (784.0, 0.2, 0.12, 0.45),
                  (1046.5, 0.3, 0.36, 0.5)],
}


def samples(name: str, rate: int = 22050) -> array[int]:
    """The effect as signed 16-bit samples (one channel)."""
    notes = _NOTES[name]
    length = max(start + dur for _, start, dur, _ in notes)
    out = [0.0] * (int(length * rate) + 1)
    for freq, start, dur, loud in notes:
        first = int(start * rate)
        count = int(dur * rate)
        attack = max(1, int(0.004 * rate))  # 4 ms fade in: no click at the start
        step = 2 * math.pi * freq / rate
        for i in range(count):
            envelope = min(1.0, i / attack) * math.exp(-5.0 * i / count) * (1 - i / count)
            # A touch of the second harmonic makes the tone rounder than a bare sine.
            out[first + i] += loud * envelope * (math.sin(step * i) + 0.25 * math.sin(2 * step * i))
    peak = max(1e-9, max(abs(v) for v in out))
    gain = min(1.0, 0.9 / peak) * 32767
    return array("h", (int(v * gain) for v in out))


def pcm(name: str, rate: int = 22050, channels: int = 1) -> bytes:
    """The effect as raw bytes for the mixer (``channels`` interleaved copies of the one channel)."""
    mono = samples(name, rate)
    if channels == 1:
        return mono.tobytes()
    wide = array("h", bytes(len(mono) * 2 * channels))
    for c in range(channels):
        wide[c::channels] = mono
    return wide.tobytes()
