"""A picture drawn once and blitted while what it shows stays the same: the still part of a screen."""

from __future__ import annotations

from collections.abc import Callable, Hashable

import pygame

CLEAR = (255, 0, 254)  # the colour key of an image of opaque parts: no theme draws with it


def keyed(size: tuple[int, int], like: pygame.Surface, paint: Callable[[pygame.Surface], None]) -> pygame.Surface:
    """An image of ``size`` in ``like``'s format, painted by ``paint`` with opaque parts only, the rest a colour
    key: blitted, it copies just what was painted (run-length coded), as fast as an opaque copy."""
    image = pygame.Surface(size, 0, like)
    image.fill(CLEAR)
    paint(image)
    image.set_colorkey(CLEAR, pygame.RLEACCEL)
    return image


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

    def blit_area(self, surface: pygame.Surface, area: pygame.Rect, key: Hashable,
                  paint: Callable[[pygame.Surface, tuple[int, int]], None]) -> None:
        """The same for a part of the window over what is drawn under it: ``paint(image, origin)`` draws at window
        coordinates less ``origin`` on an image the size of ``area``, which is then blitted there.

        What ``paint`` draws must be opaque (keys, buttons: filled shapes and text on them): the image is
        opaque, the rest of it a colour key (:data:`CLEAR`), run-length coded, so the blit copies just what was
        painted, at the speed of an opaque copy, and gives the same pixels as painting in place."""
        if hasattr(surface, "note_box"):
            paint(surface, (0, 0))
            return
        if self.image is None or self.image.get_size() != area.size or self.key != (key, tuple(area)):
            self.image = keyed(area.size, surface, lambda image: paint(image, area.topleft))
            self.key = (key, tuple(area))
            self.painted += 1
        surface.blit(self.image, area.topleft)

    def forget(self) -> None:
        self.key = self.image = None
