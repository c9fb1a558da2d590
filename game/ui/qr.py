"""A QR code drawn by the game: segno's module matrix becomes rectangles on a pygame surface.

No image files: the code is made from the join address when the lobby opens
and redrawn only when its size changes.  It is always dark on white with the
quiet zone the standard asks for, whatever the theme, so every phone reads it.
"""

from __future__ import annotations

import pygame

QUIET = 4  # modules of white border around the code
DARK = (0, 0, 0)
LIGHT = (255, 255, 255)


def qr_matrix(text: str) -> list[bytes]:
    """The code's rows of modules (1 dark, 0 light), medium error correction."""
    import segno

    code = segno.make(text, error="m", micro=False)
    return [bytes(row) for row in code.matrix]


def qr_surface(matrix: list[bytes], size: int) -> pygame.Surface:
    """The code scaled to whole pixels per module, at most ``size`` wide (quiet zone included)."""
    n = len(matrix)
    module = max(1, size // (n + 2 * QUIET))
    side = module * (n + 2 * QUIET)
    image = pygame.Surface((side, side))
    image.fill(LIGHT)
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                # A run of dark modules is one rectangle.
                image.fill(DARK, ((QUIET + start) * module, (QUIET + y) * module, (x - start) * module, module))
            else:
                x += 1
    return image
