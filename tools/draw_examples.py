"""Draw the pictures of examples/pictures.yaml with pygame (simple diagrams, nothing from the film).

    python tools/draw_examples.py [FOLDER]     (default: examples/pictures)

Each picture is drawn at twice its size and scaled down, for smooth edges; the PNGs are small and are
committed, so running this again is only needed to change them.
"""

from __future__ import annotations

import itertools
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

W, H = 480, 300
S = 2  # supersampling
SKY = (164, 204, 232)
FAR = (104, 140, 120)
NEAR = (70, 112, 82)
ROCK = (120, 108, 96)
DARK = (40, 44, 52)
RAIL = (90, 80, 70)
ENGINE = (52, 70, 96)
CARRIAGE = (150, 60, 52)
YELLOW = (240, 200, 40)
WHITE = (250, 250, 250)
ROAD = (200, 196, 186)


def p(x: float, y: float) -> tuple[int, int]:
    return round(x * S), round(y * S)


def poly(surface, colour, points) -> None:
    pygame.draw.polygon(surface, colour, [p(x, y) for x, y in points])


def rect(surface, colour, x, y, w, h, radius=0) -> None:
    pygame.draw.rect(surface, colour, pygame.Rect(*p(x, y), round(w * S), round(h * S)), border_radius=radius * S)


def circle(surface, colour, x, y, r, width=0) -> None:
    pygame.draw.circle(surface, colour, p(x, y), round(r * S), width * S)


def dashed(surface, colour, points, width=3, dash=10) -> None:
    """A dashed line along ``points``."""
    drawn, on = 0.0, True
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        steps = max(int(length), 1)
        for k in range(steps):
            if on:
                a = (x1 + (x2 - x1) * k / steps, y1 + (y2 - y1) * k / steps)
                b = (x1 + (x2 - x1) * (k + 1) / steps, y1 + (y2 - y1) * (k + 1) / steps)
                pygame.draw.line(surface, colour, p(*a), p(*b), width * S)
            drawn += 1
            if drawn >= dash:
                drawn, on = 0.0, not on


def hills(surface) -> None:
    surface.fill(SKY)
    poly(surface, FAR, [(0, 170), (70, 90), (140, 150), (230, 70), (320, 140), (400, 80), (480, 130), (480, 300),
                        (0, 300)])
    poly(surface, NEAR, [(0, 230), (120, 190), (260, 215), (380, 185), (480, 210), (480, 300), (0, 300)])


def locomotive(surface, x, y, scale=1.0, angle=0.0) -> None:
    """A side view of a steam engine with its front at the right, its wheels' bottom at ``y``."""
    part = pygame.Surface((round(130 * S * scale), round(80 * S * scale)), pygame.SRCALPHA)

    def q(px, py):
        return px * scale, py * scale

    def box(colour, px, py, w, h, radius=0):
        pygame.draw.rect(part, colour, pygame.Rect(*p(*q(px, py)), round(w * S * scale), round(h * S * scale)),
                         border_radius=round(radius * S * scale))

    box(ENGINE, 10, 30, 90, 34, 6)            # boiler
    box(ENGINE, 4, 14, 34, 50, 4)             # cab
    box(WHITE, 10, 20, 14, 12, 2)             # cab window
    box(DARK, 78, 8, 12, 24, 2)               # chimney
    box(DARK, 98, 50, 18, 10, 2)              # buffer beam
    for wx in (24, 52, 80):
        pygame.draw.circle(part, DARK, p(*q(wx, 66)), round(12 * S * scale))
        pygame.draw.circle(part, ROCK, p(*q(wx, 66)), round(5 * S * scale))
    if angle:
        part = pygame.transform.rotate(part, angle)
    spot = part.get_rect(midbottom=p(x, y))
    surface.blit(part, spot)


def train(folder: Path) -> None:
    """The train crosses a valley on a bridge; two figures on its roof."""
    surface = pygame.Surface((W * S, H * S))
    hills(surface)
    rect(surface, ROCK, 0, 214, W, 8)
    for bx in range(30, 480, 60):
        poly(surface, ROCK, [(bx, 222), (bx + 8, 222), (bx + 16, 300), (bx - 8, 300)])
    rect(surface, RAIL, 0, 208, W, 6)
    for cx in (20, 130):
        rect(surface, CARRIAGE, cx, 158, 100, 44, 6)
        for wx in (cx + 20, cx + 80):
            circle(surface, DARK, wx, 204, 9)
        for k in range(4):
            rect(surface, WHITE, cx + 10 + k * 23, 168, 14, 12, 2)
    locomotive(surface, 300, 214)
    for fx, lean in ((60, -6), (150, 6)):  # two figures fighting on the roof
        circle(surface, DARK, fx + lean, 128, 6)
        pygame.draw.line(surface, DARK, p(fx, 136), p(fx, 150), 4 * S)
        pygame.draw.line(surface, DARK, p(fx, 150), p(fx - 7, 158), 4 * S)
        pygame.draw.line(surface, DARK, p(fx, 150), p(fx + 7, 158), 4 * S)
        pygame.draw.line(surface, DARK, p(fx, 140), p(fx + lean * 2.5, 136), 4 * S)
    dashed(surface, WHITE, [(380, 120), (450, 120)], 3, 8)
    poly(surface, WHITE, [(450, 112), (466, 120), (450, 128)])  # the way it goes
    save(surface, folder / "train.png")


def cliff(folder: Path) -> None:
    """The engine goes off the end of a broken bridge into the valley, cameras strapped to it."""
    surface = pygame.Surface((W * S, H * S))
    hills(surface)
    poly(surface, ROCK, [(0, 120), (250, 120), (262, 160), (240, 300), (0, 300)])  # the cliff
    rect(surface, RAIL, 0, 114, 250, 6)
    poly(surface, (60, 90, 140), [(262, 300), (262, 280), (480, 270), (480, 300)])  # a river far below
    dashed(surface, WHITE, [(250, 118), (300, 140), (335, 180), (360, 230), (372, 270)], 3, 8)
    locomotive(surface, 330, 210, 0.9, -38)
    for cx, cy in ((300, 150), (352, 180), (318, 196)):  # cameras
        rect(surface, DARK, cx - 7, cy - 5, 14, 10, 2)
        circle(surface, WHITE, cx, cy, 3)
    save(surface, folder / "cliff.png")


def ramp(folder: Path) -> None:
    """A ramp at the edge of a cliff and the arc a motorbike takes off it, a parachute at the end."""
    surface = pygame.Surface((W * S, H * S))
    hills(surface)
    poly(surface, ROCK, [(0, 150), (190, 150), (204, 200), (186, 300), (0, 300)])
    poly(surface, (176, 150, 110), [(120, 150), (190, 150), (190, 128)])  # the ramp
    arc = [(190 + t * 24, 128 - 40 * math.sin(t / 9 * math.pi) + t * t * 0.9) for t in range(0, 10)]
    dashed(surface, WHITE, arc, 3, 8)
    # the motorbike near the top of its arc
    bx, by = 250, 98
    circle(surface, DARK, bx - 12, by + 8, 7, 3)
    circle(surface, DARK, bx + 12, by + 8, 7, 3)
    pygame.draw.line(surface, DARK, p(bx - 12, by + 8), p(bx + 4, by - 2), 4 * S)
    pygame.draw.line(surface, DARK, p(bx + 4, by - 2), p(bx + 12, by + 8), 4 * S)
    circle(surface, DARK, bx - 2, by - 16, 5)
    pygame.draw.line(surface, DARK, p(bx - 2, by - 12), p(bx - 4, by - 2), 4 * S)
    # a parachute lower down, where the path ends
    pygame.draw.arc(surface, (230, 90, 60), pygame.Rect(*p(392, 186), 44 * S, 34 * S), 0, math.pi, 6 * S)
    for lx in (394, 414, 434):
        pygame.draw.line(surface, DARK, p(lx, 203), p(414, 232), 1 * S)
    circle(surface, DARK, 414, 236, 4)
    save(surface, folder / "ramp.png")


def car(folder: Path) -> None:
    """A small yellow car drifting round a corner of narrow streets, seen from above."""
    surface = pygame.Surface((W * S, H * S))
    surface.fill((196, 160, 120))  # roofs
    rect(surface, ROAD, 0, 170, W, 70)
    rect(surface, ROAD, 300, 0, 70, 240)
    for k in range(0, 480, 40):  # paving
        pygame.draw.line(surface, (180, 176, 166), p(k, 170), p(k, 240), 1 * S)
    for bx, by in ((20, 20), (120, 30), (200, 60), (400, 40), (30, 260), (200, 262), (400, 262)):
        rect(surface, (176, 100, 76), bx, by, 60, 30, 4)
    dashed(surface, (120, 116, 110), [(40, 212), (200, 212), (280, 200), (320, 150), (334, 40)], 4, 10)
    body = pygame.Surface((46 * S, 26 * S), pygame.SRCALPHA)
    pygame.draw.rect(body, YELLOW, body.get_rect(), border_radius=10 * S)
    pygame.draw.rect(body, (90, 110, 130), pygame.Rect(24 * S, 4 * S, 12 * S, 18 * S), border_radius=3 * S)
    pygame.draw.rect(body, (90, 110, 130), pygame.Rect(6 * S, 5 * S, 8 * S, 16 * S), border_radius=3 * S)
    body = pygame.transform.rotate(body, 35)
    surface.blit(body, body.get_rect(center=p(300, 188)))
    for sx in range(0, 5):  # skid marks behind it
        pygame.draw.line(surface, DARK, p(230 + sx * 10, 206 - sx), p(236 + sx * 10, 205 - sx), 2 * S)
    save(surface, folder / "car.png")


def save(surface, path: Path) -> None:
    small = pygame.transform.smoothscale(surface, (W, H))
    pygame.image.save(small, str(path))
    print(f"{path} ({path.stat().st_size // 1024} KB)")


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "examples" / "pictures"
    folder.mkdir(parents=True, exist_ok=True)
    pygame.display.init()
    try:
        for draw in (train, cliff, ramp, car):
            draw(folder)
    finally:
        pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
