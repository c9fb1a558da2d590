"""Drawing helpers that several scenes share (no scene module imports another): a panel's ground,
the colours of party players, the PIN as it is read out, the hot-seat players' chips."""

from __future__ import annotations

import pygame

from game.core.party import colour_hex
from game.ui.theme import PLAYER_COLOURS
from game.ui.widgets import blit_text, whole_line

READING = "Reading the scores…"  # what a screen that waits for the score table says meanwhile


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """``"#1a2b3c"`` as an RGB triple."""
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def mix(a, b, t: float):
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def player_colour(player) -> tuple[int, int, int]:
    """A party player's colour (the one their phone shows)."""
    return hex_rgb(colour_hex(player.colour))


def draw_panel(surface, ctx, rect: pygame.Rect, radius: int, fill=None) -> None:
    """A panel's ground, outlined in high contrast (where the ground is as black as the screen)."""
    t = ctx.theme
    pygame.draw.rect(surface, fill or t.palette.panel, rect, border_radius=radius)
    if t.edge > 1:
        pygame.draw.rect(surface, t.palette.panel_edge, rect, width=ctx.metrics.px(t.edge), border_radius=radius)


def spaced_pin(pin: str) -> str:
    """A six-digit PIN as it is read out: "123 456"."""
    return f"{pin[:3]} {pin[3:]}" if len(pin) == 6 else pin


def draw_player_chips(surface, ctx, session, rect: pygame.Rect, current: int | None) -> None:
    """Each hot-seat player's seat, name and score in a row; the one whose turn it is stands out."""
    m, t = ctx.metrics, ctx.theme
    pal = t.palette
    n = len(session.players)
    gap = m.px(12)
    w = (rect.width - gap * (n - 1)) // n

    def shown_score(player) -> str:
        # While a question is open, points won on it stay hidden until everyone has answered.
        hidden = sum(a.total for a in player.answers if a.round is session.current) if current is not None else 0
        return f"{player.score - hidden:,}"

    # One size for every name: the largest at which each fits its chip whole (as if it had the turn).
    size = min(whole_line(ctx.text, f"▶ P{i + 1} {p.name}", m.px(t.small),
                          w - ctx.text.width(shown_score(p), m.px(t.small), True) - m.px(40))[1]
               for i, p in enumerate(session.players))
    for i, player in enumerate(session.players):
        chip = pygame.Rect(rect.left + i * (w + gap), rect.top, w, rect.height)
        colour = PLAYER_COLOURS[i % len(PLAYER_COLOURS)]
        active = i == current
        pygame.draw.rect(surface, pal.panel_hover if active else pal.panel, chip, border_radius=m.px(10))
        pygame.draw.rect(surface, colour, (chip.left, chip.top, m.px(10), chip.height),
                         border_top_left_radius=m.px(10), border_bottom_left_radius=m.px(10))
        if active:
            pygame.draw.rect(surface, pal.focus, chip, width=m.px(3), border_radius=m.px(10))
        score = shown_score(player)
        score_w = ctx.text.width(score, m.px(t.small), True)
        label = f"{'▶ ' if active else ''}P{i + 1} {player.name}"
        line = whole_line(ctx.text, label, size, chip.width - score_w - m.px(40), bold=active)[0]
        blit_text(surface, ctx.text, line, size, pal.text, (chip.left + m.px(18), chip.centery),
                  bold=active, anchor="midleft")
        blit_text(surface, ctx.text, score, m.px(t.small), pal.accent, (chip.right - m.px(10), chip.centery),
                  bold=True, anchor="midright")
