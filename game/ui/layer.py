"""A picture drawn once and blitted while what it shows stays the same: the still part of a screen."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import pygame


class Layer:
    """:meth:`blit` paints through ``paint`` only when ``key`` (everything the picture shows: the words, the
    sizes, the colours, the focus) differs from the last one, or the window's size does; else one blit."""

    def __init__(self) -> None:
        self.key: Hashable | None = None
        self.image: pygame.Surface | None = None
        self.painted = 0  # how many times it was painted (tests)

    def blit(self, surface: pygame.Surface, key: Hashable, paint: Callable[[pygame.Surface], None]) -> None:
        if hasattr(surface, "note_box"):  # a recording surface (game/ui/record.py) is shown every line and box
            paint(surface)
            return
        size = surface.get_size()
        if self.image is None or self.image.get_size() != size or self.key != key:
            image = pygame.Surface(size, 0, surface)
            paint(image)
            self.image, self.key = image, key
            self.painted += 1
        surface.blit(self.image, (0, 0))

    def forget(self) -> None:
        self.key = self.image = None
