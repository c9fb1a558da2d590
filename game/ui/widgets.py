"""Drawing pieces shared by the scenes: backdrop, buttons, choice badges, text blocks."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from game.ui.layer import Layer
from game.ui.layout import (  # noqa: F401
    first_fitting,
    fit_lines,
    largest_fitting,
    lines_height,
    one_line,
    size_ladder,  # fitting text: game.ui.layout
    whole_line,
    whole_lines,
)
from game.ui.record import note_box
from game.ui.text import Text
from game.ui.theme import LETTERS, SHAPES, Metrics, Theme, readable_on


def blit_text(surface, text: Text, content: str, size: int, color, pos, *, bold=False, anchor="topleft"):
    """Draw one line of text placed by ``anchor`` of its rendered rect; returns that rect."""
    image = text.render(content, size, color, bold)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def blit_lines(surface, text: Text, lines: list[str], size: int, color, rect: pygame.Rect, *,
               bold=False, align="center", valign="center", line_gap: int = 0) -> int:
    """Draw wrapped lines inside ``rect``; returns the height they take."""
    height_each = text.line_height(size, bold) + line_gap
    total = height_each * len(lines)
    if valign == "center":
        y = rect.top + (rect.height - total) // 2
    elif valign == "bottom":
        y = rect.bottom - total
    else:
        y = rect.top
    for line in lines:
        image = text.render(line, size, color, bold)
        if align == "center":
            x = rect.centerx - image.get_width() // 2
        elif align == "right":
            x = rect.right - image.get_width()
        else:
            x = rect.left
        surface.blit(image, (x, y))
        y += height_each
    return total


class Caret:
    """A text caret's blink: on for 0.55 s of each second; :meth:`changed` says when to redraw.

    ``steady`` (reduced motion): always on, never blinking."""

    def __init__(self, steady: bool = False) -> None:
        self.phase = 0.0
        self.steady = steady
        self._shown: bool | None = None

    def tick(self, dt: float) -> None:
        self.phase = (self.phase + dt) % 1.0

    @property
    def visible(self) -> bool:
        return self.steady or self.phase < 0.55

    def changed(self) -> bool:
        """``True`` once each time the caret turns on or off."""
        changed = self.visible != self._shown
        self._shown = self.visible
        return changed


class Backdrop:
    """The background gradient, drawn once per window size and blitted each frame."""

    def __init__(self, theme: Theme):
        self.theme = theme
        self._surface: pygame.Surface | None = None

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        if self._surface is None or self._surface.get_size() != size:
            self._surface = self._build(size)
        surface.blit(self._surface, (0, 0))

    def draw_area(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Repaint the background under ``rect`` only."""
        if self._surface is None or self._surface.get_size() != surface.get_size():
            self.draw(surface)
            return
        surface.blit(self._surface, rect, area=rect)

    def _build(self, size) -> pygame.Surface:
        width, height = size
        image = pygame.Surface(size)
        top, bottom = self.theme.palette.bg_top, self.theme.palette.bg_bottom
        bands = max(1, height // 4)
        for i in range(bands):
            t = i / max(bands - 1, 1)
            color = [round(a + (b - a) * t) for a, b in zip(top, bottom, strict=False)]
            y0 = i * height // bands
            y1 = (i + 1) * height // bands
            image.fill(color, (0, y0, width, y1 - y0))
        try:
            return image.convert()
        except pygame.error:
            return image


def countdown_look(bar: pygame.Rect, remaining: float, limit: float | None, label: str, hurry: bool) -> tuple:
    """What :func:`draw_countdown` shows for these values: two equal looks are the same pixels, so a scene
    presents its clock again only when the look changes (the bar's end moves a pixel, the number changes)."""
    fraction = min(remaining / limit, 1.0) if limit else 0
    band = 0 if fraction > 0.5 else 1 if fraction > 0.25 else 2
    return tuple(bar), int(bar.width * fraction), band, label, hurry


def draw_countdown(surface, ctx, bar: pygame.Rect, remaining: float, limit: float | None, label: str,
                   hurry: bool) -> None:
    """A question's clock: a bar that empties (green, then amber, then red) and its label beside it."""
    m, t = ctx.metrics, ctx.theme
    pal = t.palette
    fraction = min(remaining / limit, 1.0) if limit else 0
    radius = bar.height // 2
    pygame.draw.rect(surface, pal.bar_back, bar, border_radius=radius)
    colour = pal.good if fraction > 0.5 else pal.accent if fraction > 0.25 else pal.bad
    filled = bar.copy()
    filled.width = int(bar.width * fraction)
    if filled.width > 0:
        pygame.draw.rect(surface, colour, filled, border_radius=radius)
    blit_text(surface, ctx.text, label, m.px(t.label), pal.bad if hurry else pal.text,
              (bar.right + m.px(14), bar.centery), bold=True, anchor="midleft")


def draw_shape(surface, shape: str, center, radius: int, color) -> None:
    """One of the six choice shapes, so answers never rely on colour alone."""
    cx, cy = center
    r = radius
    if shape == "circle":
        pygame.draw.circle(surface, color, (cx, cy), r)
        return
    if shape == "ring":
        pygame.draw.circle(surface, color, (cx, cy), r, max(2, r // 3))
        return
    if shape == "cross":
        w = max(2, r // 3)
        for a, b in (((cx - r * 0.8, cy - r * 0.8), (cx + r * 0.8, cy + r * 0.8)),
                     ((cx - r * 0.8, cy + r * 0.8), (cx + r * 0.8, cy - r * 0.8))):
            pygame.draw.line(surface, color, a, b, w)
        return
    if shape == "square":
        side = int(r * 1.6)
        pygame.draw.rect(surface, color, (cx - side // 2, cy - side // 2, side, side))
        return
    if shape == "triangle":
        points = [(cx, cy - r), (cx + r, cy + int(r * 0.8)), (cx - r, cy + int(r * 0.8))]
    elif shape == "diamond":
        points = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    elif shape == "hexagon":
        points = [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in (math.pi / 3 * k for k in range(6))]
    else:  # star
        points = []
        for k in range(10):
            angle = -math.pi / 2 + k * math.pi / 5
            rr = r if k % 2 == 0 else r * 0.45
            points.append((cx + rr * math.cos(angle), cy + rr * math.sin(angle)))
    pygame.draw.polygon(surface, color, points)


@dataclass
class Button:
    """A clickable box with a label; the scene owns its state."""

    rect: pygame.Rect
    label: str
    enabled: bool = True
    hover: bool = False
    focus: bool = False
    hint: str = ""

    def contains(self, pos) -> bool:
        return self.enabled and self.rect.collidepoint(pos)

    def control_rects(self) -> list:
        """Where it can be clicked (nothing while disabled): see :meth:`game.ui.scene.Scene.controls`."""
        return [self.rect] if self.enabled else []

    def draw_box(self, surface, theme: Theme, m: Metrics) -> None:
        """The button without its label (for rows that place their own text)."""
        pal = theme.palette
        fill = pal.panel_hover if (self.hover or self.focus) and self.enabled else pal.panel
        radius = m.px(theme.radius)
        pygame.draw.rect(surface, fill, self.rect, border_radius=radius)
        note_box(surface, self.rect, "button")
        edge = pal.focus if self.focus and self.enabled else pal.panel_edge
        width = m.px(3 * theme.edge) if self.focus else max(1, m.px(theme.edge))
        pygame.draw.rect(surface, edge, self.rect, width=width, border_radius=radius)

    def draw(self, surface, theme: Theme, text: Text, m: Metrics, size: int | None = None) -> None:
        pal = theme.palette
        self.draw_box(surface, theme, m)
        color = pal.text if self.enabled else pal.muted
        size = size or m.px(theme.body)
        lines, size = fit_lines(text, self.label, [size, int(size * 0.85)], self.rect.width - m.px(24),
                                self.rect.height - m.px(8), bold=True, max_lines=2)
        blit_lines(surface, text, lines, size, color, self.rect, bold=True)


MARKS = {"correct": "✓", "wrong": "✗", "close": "≈"}


def choice_badge_width(m: Metrics) -> int:
    """The coloured badge (letter and shape) at the left of every choice."""
    return m.px(96)


def choice_text_width(width: int, theme: Theme, text: Text, m: Metrics) -> int:
    """How wide a choice ``width`` wide may set its answer's lines (room kept for the ✓, ✗ or ≈ it may get)."""
    mark = max(text.width(sign, m.px(theme.heading), True) for sign in MARKS.values())
    return max(width - choice_badge_width(m) - m.px(44) - mark - m.px(12), 1)


def fit_choice_size(buttons, theme: Theme, text: Text, m: Metrics, largest: int | None = None) -> int:
    """For choices already placed: the largest size (``largest`` or the body size, down to 18 px at 1280x720)
    at which every one's text, wrapped, fits its button; set on all of them (one size on the screen)."""
    size = largest or m.px(theme.body)
    smallest = min(size, max(10, m.px(18)))

    def fits(size: int) -> bool:
        return all(choice_height(len(text.wrap(b.label, size, choice_text_width(b.rect.width, theme, text, m))), size,
                                 text, m) <= b.rect.height for b in buttons)

    size = largest_fitting(size_ladder(size, smallest), fits)
    for button in buttons:
        button.size = size
    return size


def choice_height(lines: int, size: int, text: Text, m: Metrics) -> int:
    """The height a choice needs for ``lines`` lines of its answer at ``size``."""
    return lines * text.line_height(size) + m.px(16)


@dataclass
class ChoiceButton:
    """An answer: a coloured badge with its letter and shape, and the answer's text.

    The scene sets :attr:`size` for every choice on the screen alike (the layout picks the largest
    at which all of them fit, wrapped onto as many lines as they need); the text is never cut."""

    rect: pygame.Rect
    index: int
    label: str
    hover: bool = False
    focus: bool = False
    mark: str = ""  # "", "correct", "wrong" (the player's wrong pick), "close" (a near miss), "dim", "removed"
    size: int = 0  # the answer's text size (0: the theme's body size)
    _drawn: Layer = field(default_factory=Layer, init=False, repr=False, compare=False)  # its look, drawn once

    def contains(self, pos) -> bool:
        return self.mark != "removed" and self.rect.collidepoint(pos)

    def control_rects(self) -> list:
        return [] if self.mark == "removed" else [self.rect]

    def draw(self, surface, theme: Theme, text: Text, m: Metrics) -> None:
        """Drawn once for each look (its size, text, state, theme) onto an image of its own, then blitted: a
        screen drawn in full costs a blit per choice, not four rounded rectangles, a shape and its text.  The
        image's corners are a colour key (:meth:`Layer.blit_area`): the same pixels as drawing it here, since
        every pixel of a choice is opaque."""
        look = (self.index, self.label, self.hover, self.focus, self.mark, self.size, theme, m, id(text))
        self._drawn.blit_area(surface, self.rect, look, lambda image, origin: self._paint(
            image, self.rect.move(-origin[0], -origin[1]), theme, text, m))

    def _paint(self, surface, rect: pygame.Rect, theme: Theme, text: Text, m: Metrics) -> None:
        """The choice drawn on ``surface`` at ``rect``."""
        pal = theme.palette
        faded = self.mark in ("dim", "removed")
        radius = m.px(theme.radius)
        colour = pal.choices[self.index % len(pal.choices)]
        fill = pal.panel_hover if (self.hover or self.focus) and not self.mark else pal.panel
        if self.mark == "correct":
            fill = _mix(pal.panel, pal.good, 0.35)
        elif self.mark == "wrong":
            fill = _mix(pal.panel, pal.bad, 0.35)
        elif self.mark == "close":
            fill = _mix(pal.panel, pal.accent, 0.3)
        elif self.mark == "removed":
            fill = _mix(pal.panel, pal.bg_top, 0.6)
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        note_box(surface, rect, "choice", self.label)

        badge = pygame.Rect(rect.left, rect.top, choice_badge_width(m), rect.height)
        badge_colour = _mix(colour, pal.panel, 0.75 if self.mark == "removed" else 0.6) if faded else colour
        pygame.draw.rect(surface, badge_colour, badge, border_top_left_radius=radius,
                         border_bottom_left_radius=radius)
        ink = readable_on(badge_colour)
        # The letter (and the ✓ ✗ ≈ mark) as large as the heading, smaller in a short button.
        letter_size = m.px(theme.heading)
        while letter_size > 8 and text.line_height(letter_size, True) > rect.height - m.px(4):
            letter_size -= 1
        letter = text.render(LETTERS[self.index], letter_size, ink, True)
        # The shape is the cue that is not colour: it grows with the letter (so with the text size), as far
        # as the badge has room for it beside the letter.
        room = (badge.width - letter.get_width() - m.px(8) - m.px(8)) // 2
        shape_r = max(4, min(letter_size // 3, room, (rect.height - m.px(6)) // 2))
        block = letter.get_width() + m.px(8) + 2 * shape_r
        x = badge.centerx - block // 2
        surface.blit(letter, letter.get_rect(midleft=(x, badge.centery)))
        draw_shape(surface, SHAPES[self.index], (x + letter.get_width() + m.px(8) + shape_r, badge.centery),
                   shape_r, ink)

        if self.mark in ("correct", "wrong", "close"):
            edge = {"correct": pal.good, "wrong": pal.bad, "close": pal.accent}[self.mark]
            width = m.px(4)
        elif self.focus:
            edge, width = pal.focus, m.px(3 * theme.edge)
        else:
            edge, width = pal.panel_edge, max(1, m.px(theme.edge))
        pygame.draw.rect(surface, edge, rect, width=width, border_radius=radius)

        inner = pygame.Rect(badge.right + m.px(16), rect.top + m.px(4),
                            choice_text_width(rect.width, theme, text, m), rect.height - m.px(8))
        size = self.size or m.px(theme.body)
        lines = text.wrap(self.label, size, inner.width)
        colour_text = pal.muted if faded else pal.text
        height = blit_lines(surface, text, lines, size, colour_text, inner, align="left")
        widths = [text.width(line, size) for line in lines]
        right = rect.right - m.px(14)
        if self.mark in MARKS:
            tag = text.render(MARKS[self.mark], letter_size, edge, True)
            surface.blit(tag, tag.get_rect(midright=(right, rect.centery)))
        elif self.mark == "removed":
            # Struck through line by line, each line only as far as its own text goes.
            line_h = text.line_height(size)
            top = inner.centery - height // 2
            for k, line_w in enumerate(widths):
                y = top + int(line_h * (k + 0.55))
                pygame.draw.line(surface, pal.muted, (inner.left, y), (inner.left + line_w, y), m.px(2))
            tag = text.render("50:50", m.px(theme.small), pal.muted, True)
            spot = tag.get_rect(midright=(right, rect.centery))
            if spot.left > inner.left + max(widths, default=0) + m.px(12) and spot.height <= rect.height:
                surface.blit(tag, spot)  # why it is struck through, where there is room to say so


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def motif_image(size, theme: Theme, m: Metrics) -> pygame.Surface:
    """The title's picture at ``size``: drawn larger and scaled down smoothly (no jagged edges), its left
    and bottom edges faded into the background rather than cut off."""
    width, height = size
    factor = 3 if width * height < 600_000 else 2
    big = pygame.Surface((width * factor, height * factor), pygame.SRCALPHA)
    draw_motif(big, big.get_rect(), theme, Metrics(m.width * factor, m.height * factor, m.scale * factor))
    image = pygame.transform.smoothscale(big, (width, height))
    fade = pygame.Surface((width, height), pygame.SRCALPHA)
    fade.fill((255, 255, 255, 255))
    left, bottom = max(1, int(width * 0.22)), max(1, int(height * 0.12))
    for x in range(left):
        fade.fill((255, 255, 255, round(255 * (x / left) ** 1.5)), (x, 0, 1, height))
    for y in range(bottom):
        row = pygame.Rect(0, height - 1 - y, width, 1)
        strip = fade.subsurface(row)
        strip.fill((255, 255, 255, round(255 * (y / bottom))), special_flags=pygame.BLEND_RGBA_MULT)
    image.blit(fade, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    return image


def draw_motif(surface, rect: pygame.Rect, theme: Theme, m: Metrics) -> None:
    """The title screen's picture, drawn by the game: a valley, a cliff, a locomotive at the edge."""
    pal = theme.palette
    w, h = rect.width, rect.height
    x0, y0 = rect.left, rect.top
    # Far and near mountains (a Norwegian valley).
    far = [(x0, y0 + h * 0.55), (x0 + w * 0.12, y0 + h * 0.28), (x0 + w * 0.25, y0 + h * 0.5),
           (x0 + w * 0.4, y0 + h * 0.18), (x0 + w * 0.58, y0 + h * 0.46), (x0 + w * 0.75, y0 + h * 0.22),
           (x0 + w * 0.9, y0 + h * 0.42), (x0 + w, y0 + h * 0.3), (x0 + w, y0 + h), (x0, y0 + h)]
    pygame.draw.polygon(surface, _mix(pal.bg_bottom, pal.panel_edge, 0.35), far)
    snow = _mix(pal.panel_edge, pal.text, 0.45)
    for px, py in ((0.12, 0.28), (0.4, 0.18), (0.75, 0.22)):
        cx, cy = x0 + w * px, y0 + h * py
        pygame.draw.polygon(surface, snow, [(cx, cy), (cx + w * 0.035, cy + h * 0.09), (cx - w * 0.035, cy + h * 0.09)])
    near = [(x0, y0 + h * 0.8), (x0 + w * 0.2, y0 + h * 0.6), (x0 + w * 0.35, y0 + h * 0.75),
            (x0 + w * 0.5, y0 + h * 0.66), (x0 + w * 0.55, y0 + h), (x0, y0 + h)]
    pygame.draw.polygon(surface, _mix(pal.bg_top, pal.panel, 0.6), near)
    # The cliff on the right and the track running to its edge.
    cliff_x = x0 + w * 0.74
    track_y = y0 + h * 0.62
    pygame.draw.polygon(surface, pal.panel, [(x0 + w * 0.5, track_y), (cliff_x, track_y),
                                             (cliff_x + w * 0.01, track_y + h * 0.2),
                                             (cliff_x - w * 0.03, y0 + h), (x0 + w * 0.55, y0 + h)])
    pygame.draw.line(surface, pal.muted, (x0 + w * 0.5, track_y), (cliff_x, track_y), m.px(3))
    # The locomotive, tipping over the edge.
    loco = pygame.Surface((int(w * 0.16), int(h * 0.16)), pygame.SRCALPHA)
    lw, lh = loco.get_size()
    body = pal.accent
    pygame.draw.rect(loco, body, (0, lh * 0.3, lw * 0.78, lh * 0.5), border_radius=m.px(4))
    pygame.draw.rect(loco, body, (lw * 0.05, lh * 0.05, lw * 0.3, lh * 0.3))
    pygame.draw.rect(loco, _mix(body, pal.bg_top, 0.4), (lw * 0.09, lh * 0.1, lw * 0.2, lh * 0.15))
    pygame.draw.rect(loco, body, (lw * 0.6, lh * 0.12, lw * 0.08, lh * 0.2))
    pygame.draw.polygon(loco, body, [(lw * 0.78, lh * 0.3), (lw, lh * 0.8), (lw * 0.78, lh * 0.8)])
    for k in range(3):
        pygame.draw.circle(loco, pal.text, (int(lw * (0.14 + k * 0.24)), int(lh * 0.84)), max(2, int(lh * 0.12)))
    # Cameras strapped along its side: dark boxes with bright lenses.
    for k in range(4):
        box = pygame.Rect(int(lw * (0.08 + k * 0.17)), int(lh * 0.42), max(4, int(lw * 0.1)), max(4, int(lh * 0.16)))
        pygame.draw.rect(loco, pal.bg_top, box, border_radius=2)
        pygame.draw.circle(loco, pal.text, box.center, max(1, box.height // 3))
    tilted = pygame.transform.rotate(loco, -14)
    surface.blit(tilted, tilted.get_rect(midbottom=(int(cliff_x - w * 0.03), int(track_y + h * 0.04))))


def draw_toast(surface, ctx, message: str, avoid=()) -> pygame.Rect:
    """A short notice in a pill over any screen: near the bottom of the window, or the nearest place
    above that covers none of the rects in ``avoid`` (what can be clicked).  Returns the pill."""
    m, t = ctx.metrics, ctx.theme
    pal = t.palette
    size = m.px(t.small)
    width = surface.get_width() - 2 * m.px(t.margin)
    lines, size = fit_lines(ctx.text, message, [size], width - m.px(32), ctx.text.line_height(size) * 2,
                            bold=True)
    line_h = ctx.text.line_height(size, True)
    text_w = max(ctx.text.width(line, size, True) for line in lines)
    pill = pygame.Rect(0, 0, text_w + m.px(32), line_h * len(lines) + m.px(16))
    pill.midbottom = (surface.get_width() // 2, surface.get_height() - m.px(70))
    keep_clear = [pygame.Rect(r).inflate(m.px(8), m.px(8)) for r in avoid]
    if pill.collidelist(keep_clear) != -1:
        # Nearest free place: under the bottom-most control, else up the window from the bottom.
        step = max(2, m.px(6))
        spots = [surface.get_height() - m.px(6) - k * step for k in range(surface.get_height() // step)]
        free = next((y for y in spots if y - pill.height >= 0 and
                     pill.move(0, y - pill.bottom).collidelist(keep_clear) == -1), None)
        if free is not None:
            pill.bottom = free
        else:
            pill.top = m.px(6)  # nowhere is free (a screen full of controls): the top edge
    pygame.draw.rect(surface, pal.bg_top, pill, border_radius=m.px(12))
    pygame.draw.rect(surface, pal.focus, pill, width=max(2, m.px(t.edge * 2)), border_radius=m.px(12))
    blit_lines(surface, ctx.text, lines, size, pal.text, pill, bold=True)
    return pill


def window_icon(theme: Theme) -> pygame.Surface:
    """The window's icon: the fuse under a train car, in the theme's colours."""
    icon = pygame.Surface((32, 32))
    icon.fill(theme.palette.bg_top)
    pygame.draw.line(icon, theme.palette.accent, (4, 24), (24, 24), 3)
    pygame.draw.circle(icon, theme.palette.focus, (26, 24), 4)
    pygame.draw.rect(icon, theme.palette.accent, (6, 8, 16, 10), border_radius=3)
    return icon
