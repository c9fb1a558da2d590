"""Gamepads through pygame's joystick support, plugged in or out at any time.

A pad SDL knows as a game controller (Xbox, PlayStation, Switch Pro and most
others) is read through its standard layout, whatever its maker numbered the
buttons; any other joystick is read with the Xbox layout, the common one.

=====================  ==========================================
D-pad or left stick    move (choices, menus, settings)
A (south)              choose / confirm (on a question: the first
                       press shows the focus, the next one answers)
B (east)               back (on a question: pause)
Start                  pause / resume (elsewhere: confirm)
X / Y                  the 50:50 / +10 s lifelines
LB / RB                page up / down (the review)
=====================  ==========================================
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import intents as I

DEADZONE = 0.5  # of the stick's travel before it counts as a move

# Generic joysticks: the Xbox layout (SDL's XInput and Linux xpad numbering).
_JOY_BUTTONS = {0: I.Intent(I.CONFIRM), 1: I.Intent(I.BACK), 2: I.Intent(I.LIFELINE, index=0),
                3: I.Intent(I.LIFELINE, index=1), 4: I.Intent(I.PAGE, dy=-1), 5: I.Intent(I.PAGE, dy=1),
                7: I.Intent(I.PAUSE)}

_CONTROLLER_EVENTS = tuple(getattr(pygame, name) for name in (
    "CONTROLLERDEVICEADDED", "CONTROLLERDEVICEREMOVED", "CONTROLLERBUTTONDOWN", "CONTROLLERBUTTONUP",
    "CONTROLLERAXISMOTION", "CONTROLLERDEVICEREMAPPED") if hasattr(pygame, name))
EVENTS = frozenset((pygame.JOYDEVICEADDED, pygame.JOYDEVICEREMOVED, pygame.JOYBUTTONDOWN, pygame.JOYBUTTONUP,
                    pygame.JOYHATMOTION, pygame.JOYAXISMOTION, pygame.JOYBALLMOTION) + _CONTROLLER_EVENTS)


def _controller_buttons() -> dict[int, I.Intent]:
    names = {"CONTROLLER_BUTTON_A": I.Intent(I.CONFIRM), "CONTROLLER_BUTTON_B": I.Intent(I.BACK),
             "CONTROLLER_BUTTON_X": I.Intent(I.LIFELINE, index=0), "CONTROLLER_BUTTON_Y": I.Intent(I.LIFELINE, index=1),
             "CONTROLLER_BUTTON_START": I.Intent(I.PAUSE),
             "CONTROLLER_BUTTON_LEFTSHOULDER": I.Intent(I.PAGE, dy=-1),
             "CONTROLLER_BUTTON_RIGHTSHOULDER": I.Intent(I.PAGE, dy=1),
             "CONTROLLER_BUTTON_DPAD_UP": I.Intent(I.MOVE, dy=-1),
             "CONTROLLER_BUTTON_DPAD_DOWN": I.Intent(I.MOVE, dy=1),
             "CONTROLLER_BUTTON_DPAD_LEFT": I.Intent(I.MOVE, dx=-1),
             "CONTROLLER_BUTTON_DPAD_RIGHT": I.Intent(I.MOVE, dx=1)}
    return {getattr(pygame, name): intent for name, intent in names.items() if hasattr(pygame, name)}


class Pads:
    """The pads plugged in now, and the intents their events carry."""

    def __init__(self) -> None:
        self.sticks: dict[int, object] = {}       # instance id -> pygame Joystick (or a stand-in in tests)
        self.controllers: dict[int, Any] = {}  # instance id -> pygame._sdl2 Controller
        self.names: dict[int, str] = {}
        self._axes: dict[tuple[int, int], int] = {}
        self._controller: Any = None  # pygame._sdl2.controller, where this pygame has it
        self._buttons = _controller_buttons()
        self.note: str | None = None  # "Controller connected: …", for the game to show once

    def start(self) -> None:
        """Start the joystick subsystem; pads already plugged in arrive as JOYDEVICEADDED events."""
        try:
            pygame.joystick.init()
        except pygame.error:
            return
        try:
            from pygame._sdl2 import controller

            controller.init()
            self._controller = controller
        except (ImportError, pygame.error, AttributeError):
            self._controller = None

    def __len__(self) -> int:
        return len(self.sticks)

    # -- plugging in and out ----------------------------------------------------------
    def _added(self, index: int) -> None:
        try:
            stick = pygame.joystick.Joystick(index)
            instance = stick.get_instance_id()
        except pygame.error:
            return
        self.sticks[instance] = stick
        name = stick.get_name() or "gamepad"
        if self._controller is not None:
            try:
                if self._controller.is_controller(index):
                    pad = self._controller.Controller(index)
                    self.controllers[instance] = pad
                    name = pad.name or name
            except pygame.error:
                pass
        self.names[instance] = name
        self.note = f"Controller connected: {name}"

    def _removed(self, instance: int) -> bool:
        if instance not in self.sticks:
            return False
        self.sticks.pop(instance, None)
        pad = self.controllers.pop(instance, None)
        name = self.names.pop(instance, "gamepad")
        for key in [k for k in self._axes if k[0] == instance]:
            del self._axes[key]
        if pad is not None:
            try:
                pad.quit()
            except (pygame.error, AttributeError):
                pass
        self.note = f"Controller disconnected: {name}"
        return True

    # -- events -------------------------------------------------------------------------
    def translate(self, event) -> I.Intent | None:
        kind = event.type
        if kind == pygame.JOYDEVICEADDED:
            self._added(event.device_index)
            return None
        if kind == pygame.JOYDEVICEREMOVED:
            # Pulled out mid-question: pause, as when the window loses focus.
            return I.Intent(I.FOCUS_LOST) if self._removed(event.instance_id) else None
        instance = getattr(event, "instance_id", getattr(event, "joy", None))
        is_controller = instance in self.controllers
        if kind in _CONTROLLER_EVENTS:
            if not is_controller:
                return None
            if kind == pygame.CONTROLLERBUTTONDOWN:
                return self._buttons.get(event.button)
            if kind == pygame.CONTROLLERAXISMOTION and event.axis in (0, 1):  # left stick x, y
                return self._stick(instance, event.axis, event.value / 32767)
            return None
        if is_controller or instance not in self.sticks:
            return None  # a controller's joystick events repeat its controller events; unknown pads: nothing
        if kind == pygame.JOYBUTTONDOWN:
            return _JOY_BUTTONS.get(event.button)
        if kind == pygame.JOYHATMOTION:
            x, y = event.value
            if x or y:
                return I.Intent(I.MOVE, dx=x, dy=-y if not x else 0)
            return None
        if kind == pygame.JOYAXISMOTION and event.axis in (0, 1):
            return self._stick(instance, event.axis, event.value)
        return None

    def _stick(self, instance, axis: int, value: float) -> I.Intent | None:
        """A move when the stick crosses the dead zone; nothing while it is held or back in the middle."""
        direction = 1 if value > DEADZONE else -1 if value < -DEADZONE else 0
        key = (instance, axis)
        if direction == self._axes.get(key, 0):
            return None
        self._axes[key] = direction
        if not direction:
            return None
        return I.Intent(I.MOVE, dx=direction) if axis == 0 else I.Intent(I.MOVE, dy=direction)
