"""The one theme: palette, type scale and spacing, used by every screen."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.core.model import LETTERS  # noqa: F401 - a choice's letter, as the core words it (game.ui.theme.LETTERS)

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    bg_top: Color = (10, 16, 30)
    bg_bottom: Color = (24, 36, 62)
    panel: Color = (32, 45, 74)
    panel_hover: Color = (46, 63, 102)
    panel_edge: Color = (70, 90, 135)
    text: Color = (242, 245, 250)
    muted: Color = (168, 180, 204)
    accent: Color = (255, 183, 3)  # the lit fuse
    focus: Color = (255, 214, 102)
    good: Color = (0, 166, 122)
    bad: Color = (226, 88, 34)
    bar_back: Color = (18, 26, 46)
    # Okabe-Ito colours, safe for the common kinds of colour blindness; each
    # choice also has a letter and a shape, so colour is never the only cue.
    choices: tuple[Color, ...] = (
        (0, 114, 178), (230, 159, 0), (0, 158, 115), (213, 94, 0), (86, 180, 233), (204, 121, 167),
    )
    # True and False: blue with a ring, vermillion with a cross (shapes as well as colours).
    true_false: tuple[Color, Color] = ((0, 114, 178), (213, 94, 0))


# High contrast: black ground, white text and edges, a yellow focus; the
# brightest variants of the same hues, every text colour at least 7:1 on black.
HIGH_CONTRAST = Palette(
    bg_top=(0, 0, 0), bg_bottom=(0, 0, 0), panel=(0, 0, 0), panel_hover=(38, 38, 38),
    panel_edge=(255, 255, 255), text=(255, 255, 255), muted=(225, 225, 225), accent=(255, 221, 0),
    focus=(255, 255, 0), good=(64, 235, 150), bad=(255, 128, 102), bar_back=(60, 60, 60),
    choices=((86, 180, 233), (240, 228, 66), (0, 200, 140), (255, 140, 60), (160, 215, 255), (235, 160, 200)),
    true_false=((86, 180, 233), (255, 140, 60)),
)

# Hot-seat seats: a colour each, always shown with the player's name and seat number.
PLAYER_COLOURS: tuple[Color, ...] = ((86, 180, 233), (240, 228, 66), (204, 121, 167), (0, 158, 115))

SHAPES = ("triangle", "diamond", "circle", "square", "hexagon", "star")
TRUE_FALSE_SHAPES = ("ring", "cross")


@dataclass(frozen=True)
class Theme:
    palette: Palette = Palette()
    font_regular: str = "fonts/DejaVuSans.ttf"
    font_bold: str = "fonts/DejaVuSans-Bold.ttf"
    # What the text face cannot draw (emoji in a nickname) comes from Noto Emoji.
    font_emoji: str = "fonts/NotoEmoji-Regular.ttf"
    font_emoji_bold: str = "fonts/NotoEmoji-Bold.ttf"
    # Type scale in pixels at 1280x720; scaled with the window.
    display: int = 76
    title: int = 50
    heading: int = 40
    prompt: int = 38
    body: int = 30
    label: int = 26
    small: int = 22
    # Spacing at 1280x720.
    margin: int = 40
    gap: int = 18
    radius: int = 14
    edge: int = 1  # the outline of buttons and panels
    name: str = "default"
    text_scale: float = 1.0


def make_theme(name: str = "default", text_scale: float = 1.0) -> Theme:
    """The theme for a palette name and a text size (1, 1.25, 1.5, 2).

    Body text grows by the whole factor; headings less, since they are large
    already and the screen must still hold them.
    """
    base = Theme(palette=HIGH_CONTRAST if name == "high-contrast" else Palette(), name=name,
                 edge=2 if name == "high-contrast" else 1, text_scale=text_scale)
    if text_scale == 1.0:
        return base
    big = min(text_scale, 1.25)
    mid = min(text_scale, 1.5)
    return replace(base, display=round(base.display * big), title=round(base.title * big),
                   heading=round(base.heading * mid), prompt=round(base.prompt * text_scale),
                   body=round(base.body * text_scale), label=round(base.label * text_scale),
                   small=round(base.small * text_scale))


@dataclass(frozen=True)
class Metrics:
    """The theme's sizes for one window size."""

    width: int
    height: int
    scale: float

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))


# The smallest window: every screen's layout holds there at every text size (tests/test_layout.py), and the
# sizes below never shrink under 0.72 of 1280x720's, so a smaller window would cut text rather than shrink it.
MIN_WINDOW = (800, 600)


def metrics_for(width: int, height: int) -> Metrics:
    # Scale with the smaller of the two ratios to 1280x720, but never below
    # 0.72 so that text stays legible at 800x600.
    scale = max(0.72, min(width / 1280, height / 720))
    return Metrics(width, height, scale)


def readable_on(color: Color) -> Color:
    """Black or white, whichever reads better on ``color``."""
    r, g, b = (c / 255 for c in color)
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (16, 20, 30) if lum > 0.38 else (250, 250, 252)
