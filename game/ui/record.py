"""What a screen put where, for the layout tests: every line of text and every box, without pixels.

A scene draws onto a :class:`RecordingSurface` exactly as it draws onto the
window.  Every blit of a surface made by :class:`game.ui.text.Text` becomes a
:class:`Line` (its string, size and rect); the widgets report their boxes
(buttons, choices, panels, the prompt) through :func:`note_box`, which does
nothing on an ordinary surface.  :func:`problems` then lists what a player
would see as broken: text off the window, text running out of a box it
touches, boxes or lines overlapping each other, and a choice cut short.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

ELLIPSIS = "…"


@dataclass
class Line:
    text: str
    size: int
    bold: bool
    rect: pygame.Rect  # where its ink landed


@dataclass
class Box:
    kind: str           # "button", "choice", "prompt", "panel", ...
    rect: pygame.Rect
    label: str = ""     # a choice's full text, to check none of it was cut
    lines: list[Line] = field(default_factory=list)  # the text drawn inside it


def note_box(surface, rect, kind: str, label: str = "") -> None:
    """Tell a recording surface that a box of ``kind`` is drawn at ``rect`` (no-op otherwise)."""
    hook = getattr(surface, "note_box", None)
    if hook is not None:
        hook(pygame.Rect(rect), kind, label)


class RecordingSurface(pygame.Surface):
    """A surface that remembers what was drawn on it; ``text`` is the app's :class:`Text` cache."""

    def __init__(self, size, text):
        super().__init__(size)
        self.text = text
        self.lines: list[Line] = []
        self.boxes: list[Box] = []
        self.off_window: list[Line] = []  # text drawn (partly) past the window's edge, where it was cut off
        text.origins = {}

    def blit(self, source, dest, area=None, special_flags=0):
        rect = super().blit(source, dest, area, special_flags)
        origin = self.text.origins.get(id(source)) if self.text.origins is not None else None
        if origin is not None and origin[3] is source and rect.width > 0:
            # The ink, not the line box: what a player sees touching or overlapping.
            x, y = (dest.x, dest.y) if isinstance(dest, pygame.Rect) else (int(dest[0]), int(dest[1]))
            ink = source.get_bounding_rect().move(x - (area[0] if area else 0), y - (area[1] if area else 0))
            if self.get_clip() == self.get_rect() and not self.get_rect().contains(ink):
                self.off_window.append(Line(origin[0], origin[1], origin[2], ink))
            ink = ink.clip(rect)  # what a clip or the window's edge left of it
            if ink.width and ink.height:
                self.lines.append(Line(origin[0], origin[1], origin[2], ink))
        return rect

    def note_box(self, rect: pygame.Rect, kind: str, label: str = "") -> None:
        self.boxes.append(Box(kind, rect, label))

    def finish(self) -> None:
        """Stop recording text origins (the cache goes back to normal)."""
        self.text.origins = None
        for box in self.boxes:
            box.lines = [line for line in self.lines if box.rect.contains(line.rect)]


def _overlap(a: pygame.Rect, b: pygame.Rect) -> bool:
    return a.clip(b).width > 0 and a.clip(b).height > 0


def problems(surface: RecordingSurface) -> list[str]:
    """Everything wrong with what was drawn (empty: the layout holds)."""
    found: list[str] = []
    window = surface.get_rect()
    lines = [line for line in surface.lines if line.text.strip()]
    for line in lines:
        if not window.contains(line.rect):
            found.append(f"text off the window: {line.text!r} at {line.rect}")
    for line in surface.off_window:
        if line.text.strip():
            found.append(f"text runs off the window: {line.text!r} at {line.rect}")
    for line in lines:
        for box in surface.boxes:
            if _overlap(line.rect, box.rect) and not box.rect.contains(line.rect):
                found.append(f"text {line.text!r} at {line.rect} runs out of the {box.kind} at {box.rect}")
    for i, a in enumerate(surface.boxes):
        for b in surface.boxes[i + 1:]:
            if _overlap(a.rect, b.rect) and not (a.rect.contains(b.rect) or b.rect.contains(a.rect)):
                found.append(f"the {a.kind} at {a.rect} overlaps the {b.kind} at {b.rect}")
    for i, one in enumerate(lines):
        for other in lines[i + 1:]:
            if _overlap(one.rect, other.rect):
                found.append(f"text {one.text!r} at {one.rect} overlaps {other.text!r} at {other.rect}")
    choices = [box for box in surface.boxes if box.kind == "choice"]
    sizes = set()
    for box in choices:
        words = [line for line in box.lines if not line.bold]
        shown = "".join("".join(line.text.split()) for line in words)
        if ELLIPSIS in shown and ELLIPSIS not in box.label:
            found.append(f"a choice is cut short: {shown!r}")
        elif "".join(box.label.split()) not in shown:
            found.append(f"a choice is not shown whole: {box.label!r} drawn as {shown!r}")
        sizes.add(box_text_size(box))
    if len(sizes) > 1:
        found.append(f"choices on one screen drawn in different sizes: {sorted(sizes)}")
    by_height: dict[int, set[int]] = {}
    for box in surface.boxes:
        if box.kind == "button" and box.lines:
            by_height.setdefault(box.rect.height, set()).update(line.size for line in box.lines)
    for height, found_sizes in by_height.items():
        if len(found_sizes) > 1:
            found.append(f"buttons {height} px tall drawn with labels of different sizes: {sorted(found_sizes)}")
    prompt = [line.size for box in surface.boxes if box.kind == "prompt" for line in box.lines]
    if prompt and sizes and min(prompt) < max(sizes):
        found.append(f"the prompt ({min(prompt)} px) is smaller than the choices ({max(sizes)} px)")
    return found


def box_text_size(box: Box) -> int:
    """The size most of a box's text is drawn in (the answer's words, not its letter or mark)."""
    counts: dict[int, int] = {}
    for line in box.lines:
        if not line.bold:
            counts[line.size] = counts.get(line.size, 0) + len(line.text)
    return max(counts, key=lambda size: counts[size]) if counts else 0
