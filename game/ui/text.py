"""Fonts loaded once, text rendered once and reused, any string drawn safely.

``Font.render`` raises on some strings (NUL, a lone zero-width space or
byte-order mark, lone surrogates); :func:`displayable` cleans text first and
:meth:`Text.render` falls back to an empty surface rather than crash.
Layout uses the rendered surfaces' sizes.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from pathlib import Path

import pygame

_CACHE_LIMIT = 1500
HYPHENS = "-\u2010"  # where a word may break without adding a hyphen of its own


def displayable(text: str) -> str:
    """Text with control characters and lone surrogates removed (tabs become spaces)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\t\n\r\v\f":
            out.append(" ")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        elif unicodedata.category(ch) == "Cc":
            continue
        else:
            out.append(ch)
    return "".join(out)


class Text:
    """A cache of fonts by (size, bold) and of rendered text by its content.

    ``emoji`` (regular, bold): the face that draws what the text face has no glyph for (emoji in a
    nickname); each string is drawn in runs, each run by the face that has its characters."""

    def __init__(self, regular: Path | None, bold: Path | None,
                 emoji: tuple[Path | None, Path | None] = (None, None)):
        self._paths = {False: regular, True: bold}
        self._emoji_paths = {False: emoji[0], True: emoji[1]}
        self._fonts: dict[tuple, pygame.font.Font] = {}
        self._surfaces: OrderedDict = OrderedDict()
        self._wraps: OrderedDict = OrderedDict()
        self._widths: OrderedDict = OrderedDict()
        self.renders = 0  # how many times text was actually rendered (for tests and the benchmark)
        # While a layout test records a screen (game.ui.record): id of each surface handed out -> its text.
        self.origins: dict | None = None

    def font(self, size: int, bold: bool = False, emoji: bool = False) -> pygame.font.Font:
        key = (size, bold, emoji)
        font = self._fonts.get(key)
        if font is None:
            path = (self._emoji_paths if emoji else self._paths)[bold]
            try:
                font = pygame.font.Font(str(path) if path else None, size)
            except (OSError, pygame.error, FileNotFoundError):
                font = pygame.font.Font(None, size)  # pygame's own font
            self._fonts[key] = font
        return font

    def line_height(self, size: int, bold: bool = False) -> int:
        return self.font(size, bold).get_linesize()

    def render(self, text: str, size: int, color, bold: bool = False) -> pygame.Surface:
        key = (text, size, tuple(color), bold)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
        else:
            surface = self._render(displayable(text), size, color, bold)
            self._surfaces[key] = surface
            if len(self._surfaces) > _CACHE_LIMIT:
                self._surfaces.popitem(last=False)
        if self.origins is not None:
            self.origins[id(surface)] = (text, size, bold, surface)
        return surface

    def _render(self, text: str, size: int, color, bold: bool) -> pygame.Surface:
        font = self.font(size, bold)
        self.renders += 1
        parts = self._runs(text, bold)
        if len(parts) > 1 or (parts and parts[0][1]):
            return self._render_runs(parts, size, color, bold)
        if text:
            try:
                return font.render(text, True, color)
            except (pygame.error, ValueError, UnicodeError):
                pass  # e.g. "Text has zero width": nothing visible to draw
        return pygame.Surface((0, font.get_height()), pygame.SRCALPHA)

    def _runs(self, text: str, bold: bool) -> list[tuple[str, bool]]:
        """``text`` in runs of ``(part, by the emoji face)``; one run by the text face when it draws it all."""
        if text.isascii() or self._emoji_paths[bold] is None:
            return [(text, False)]
        from game.ui.glyphs import codepoints, runs

        main = codepoints(str(self._paths[bold])) if self._paths[bold] else None
        return runs(text, main, codepoints(str(self._emoji_paths[bold])))

    def _render_runs(self, parts: list[tuple[str, bool]], size: int, color, bold: bool) -> pygame.Surface:
        """Each run by its face, side by side on one baseline."""
        pieces = []
        for part, emoji in parts:
            font = self.font(size, bold, emoji)
            try:
                pieces.append((font, font.render(part, True, color)))
            except (pygame.error, ValueError, UnicodeError):
                continue
        main = self.font(size, bold)
        ascent = max([main.get_ascent()] + [f.get_ascent() for f, _ in pieces])
        descent = max([-main.get_descent()] + [-f.get_descent() for f, _ in pieces])
        out = pygame.Surface((sum(s.get_width() for _, s in pieces), max(ascent + descent, main.get_height())),
                             pygame.SRCALPHA)
        x = 0
        for font, piece in pieces:
            out.blit(piece, (x, ascent - font.get_ascent()), special_flags=pygame.BLEND_RGBA_MAX)
            x += piece.get_width()
        return out

    def width(self, text: str, size: int, bold: bool = False) -> int:
        """The rendered width of ``text`` (measured once, then remembered: layouts ask every frame)."""
        key = (text, size, bold)
        width = self._widths.get(key)
        if width is None:
            width = self._render(displayable(text), size, (255, 255, 255), bold).get_width()
            self._widths[key] = width
            if len(self._widths) > _CACHE_LIMIT * 4:
                self._widths.popitem(last=False)
        return width

    def wrap(self, text: str, size: int, max_width: int, bold: bool = False) -> list[str]:
        """Break ``text`` into lines no wider than ``max_width`` (a word too long for the line breaks
        after a hyphen of its own, else with a hyphen added)."""
        key = (text, size, max_width, bold)
        lines = self._wraps.get(key)
        if lines is not None:
            return lines
        lines = []
        for paragraph in _paragraphs(text):
            lines.extend(self._wrap_paragraph(paragraph, size, max_width, bold))
        self._wraps[key] = lines
        if len(self._wraps) > _CACHE_LIMIT:
            self._wraps.popitem(last=False)
        return lines

    def _wrap_paragraph(self, paragraph: str, size: int, max_width: int, bold: bool) -> list[str]:
        """Whole words where they fit; a word that does not is broken after one of its own hyphens
        (as much of it as fits on the line), else, on a line of its own, with a hyphen added
        (:meth:`_break_word`)."""
        words = paragraph.split()
        if not words:
            return [""]
        lines: list[str] = []
        line = ""
        for word in words:
            while word:
                candidate = f"{line} {word}" if line else word
                if self.width(candidate, size, bold) <= max_width:
                    line, word = candidate, ""
                    break
                head = self._hyphen_head(word, line, size, max_width, bold)
                if head:  # "artificial-" ends this line, "intelligence" starts the next
                    lines.append(f"{line} {head}" if line else head)
                    line, word = "", word[len(head):]
                elif line:
                    lines.append(line)
                    line = ""
                else:
                    head, word = self._break_word(word, size, max_width, bold)
                    if word:
                        lines.append(head)
                    else:
                        line = head  # wider than the line even alone (one character): it stands alone
        lines.append(line)
        return lines

    def _hyphen_head(self, word: str, line: str, size: int, max_width: int, bold: bool) -> str:
        """The longest start of ``word`` ending in one of its hyphens that fits after ``line``."""
        for k in range(len(word) - 1, 0, -1):
            if word[k - 1] in HYPHENS and word[k - 1] != word[k]:
                head = word[:k]
                if self.width(f"{line} {head}" if line else head, size, bold) <= max_width:
                    return head
        return ""

    def _break_word(self, word: str, size: int, max_width: int, bold: bool) -> tuple[str, str]:
        """A word too long for a line of its own: the line's part (with a hyphen where it breaks
        between two letters, never leaving one letter alone) and the rest."""
        if len(word) < 2:
            return word, ""
        most = len(word) - 1
        cut = self._fit(lambda k: word[:k] + "-", size, max_width, bold, most)
        if cut == most and cut > 2:
            cut -= 1
        if cut >= 2 and word[cut - 1].isalpha() and word[cut].isalpha():
            return word[:cut] + "-", word[cut:]
        cut = self._fit(lambda k: word[:k], size, max_width, bold, most)
        return word[:cut], word[cut:]  # digits, signs or a very narrow line: broken without a hyphen

    def _fit(self, part, size: int, max_width: int, bold: bool, most: int) -> int:
        """The largest ``k`` from 1 to ``most`` whose text ``part(k)`` fits ``max_width`` (1 if none does)."""
        low, high = 1, max(most, 1)
        while low < high:
            mid = (low + high + 1) // 2
            if self.width(part(mid), size, bold) <= max_width:
                low = mid
            else:
                high = mid - 1
        return low


def _paragraphs(text: str) -> list[str]:
    return [displayable(part) for part in text.replace("\r\n", "\n").split("\n")]
