"""Input translated once: pygame events become intents that scenes handle.

The player, the autoplay bot and the tests all post ordinary pygame events;
only this module knows which key means what (and :mod:`game.ui.gamepad`,
which button).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

CHOOSE = "choose"      # index: a choice picked directly (1-6, A-F)
MOVE = "move"          # dx, dy: arrows (fast: with Shift held)
CONFIRM = "confirm"    # Enter, Space, keypad Enter
BACK = "back"          # Esc
POINT = "point"        # pos: the mouse moved
CLICK = "click"        # pos: left button pressed
SCROLL = "scroll"      # dy: the wheel
DRAG = "drag"          # pos, dy: the mouse moved with the left button held
RELEASE = "release"    # pos: left button let go
PAGE = "page"          # dy: Page Up (-1) / Page Down (1); Home (-2) / End (2)
LIFELINE = "lifeline"  # index: 0 = 50:50 (H), 1 = +10 s (T)
TEXT = "text"          # text: typed characters
ERASE = "erase"        # Backspace
PAUSE = "pause"        # a gamepad's Start (where nothing pauses, it confirms); P (text "p": never confirms)
REMOVE = "remove"      # Delete: take away what has the focus (a player in the party lobby)
MUTE = "mute"          # M: sound off / on
FULLSCREEN = "fullscreen"  # F11
QUIT = "quit"          # the window's close button
RESIZE = "resize"      # the window changed size
FOCUS_LOST = "focus_lost"
KEY = "key"            # index: any other key's code, text: what it types (the preview's own keys: S, K, V, F1, ?)


@dataclass(frozen=True)
class Intent:
    kind: str
    index: int = -1
    pos: tuple[int, int] = (0, 0)
    dx: int = 0
    dy: int = 0
    text: str = ""
    fast: bool = False  # a MOVE with Shift held (a slider moves ten steps)


_DIGITS = {getattr(pygame, f"K_{n}"): n - 1 for n in range(1, 7)}
_DIGITS.update({getattr(pygame, f"K_KP{n}"): n - 1 for n in range(1, 7)})
_LETTERS = {getattr(pygame, f"K_{c}"): i for i, c in enumerate("abcdef")}
_ARROWS = {
    pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0),
    pygame.K_TAB: (0, 1),
}
_CONFIRM = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
_PAGES = {pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1, pygame.K_HOME: -2, pygame.K_END: 2}
_LIFELINES = {pygame.K_h: 0, pygame.K_t: 1}


def translate(event, text_mode: bool = False) -> Intent | None:
    """The intent an event carries, or ``None``.

    In ``text_mode`` (name entry) letters and digits are text, not choices:
    they arrive as TEXTINPUT events, which carry accents and input methods.
    """
    kind = event.type
    if kind == pygame.QUIT:
        return Intent(QUIT)
    if kind == pygame.KEYDOWN:
        key = event.key
        if key == pygame.K_F11:
            return Intent(FULLSCREEN)
        if key == pygame.K_ESCAPE:
            return Intent(BACK)
        if text_mode:
            if key == pygame.K_BACKSPACE:
                return Intent(ERASE)
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return Intent(CONFIRM)
            if key in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
                # Between fields (hot-seat names); letters and digits stay text.
                up = key == pygame.K_UP or (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
                return Intent(MOVE, dy=-1 if up else 1)
            if key in (pygame.K_LEFT, pygame.K_RIGHT):  # along an on-screen keyboard (typed answers)
                return Intent(MOVE, dx=-1 if key == pygame.K_LEFT else 1)
            return None
        if key in _CONFIRM:
            return Intent(CONFIRM)
        if key in _DIGITS:
            return Intent(CHOOSE, index=_DIGITS[key])
        if key in _LETTERS:
            return Intent(CHOOSE, index=_LETTERS[key])
        if key == pygame.K_m:
            return Intent(MUTE)
        if key == pygame.K_p:
            return Intent(PAUSE, text="p")
        if key == pygame.K_DELETE:
            return Intent(REMOVE)
        if key in _LIFELINES:
            return Intent(LIFELINE, index=_LIFELINES[key])
        if key in _PAGES:
            return Intent(PAGE, dy=_PAGES[key])
        if key in _ARROWS:
            dx, dy = _ARROWS[key]
            shift = bool(event.mod & pygame.KMOD_SHIFT)
            if key == pygame.K_TAB:
                return Intent(MOVE, dy=-1 if shift else 1)
            return Intent(MOVE, dx=dx, dy=dy, fast=shift)
        return Intent(KEY, index=key, text=getattr(event, "unicode", "") or "")
    if kind == pygame.TEXTINPUT:
        return Intent(TEXT, text=event.text) if text_mode else None
    if kind == pygame.MOUSEMOTION:
        buttons = getattr(event, "buttons", (0, 0, 0))
        if buttons and buttons[0]:
            return Intent(DRAG, pos=tuple(event.pos), dy=int(getattr(event, "rel", (0, 0))[1]))
        return Intent(POINT, pos=tuple(event.pos))
    if kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return Intent(CLICK, pos=tuple(event.pos))
    if kind == pygame.MOUSEBUTTONUP and event.button == 1:
        return Intent(RELEASE, pos=tuple(event.pos))
    if kind == pygame.MOUSEWHEEL:
        return Intent(SCROLL, dy=event.y)
    if kind in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
        return Intent(RESIZE)
    if kind == pygame.WINDOWFOCUSLOST:
        return Intent(FOCUS_LOST)
    return None
