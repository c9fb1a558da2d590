"""Scenes on a stack: the top one gets input; drawing starts at the top-most opaque one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:  # pragma: no cover
    from game.context import Context
    from game.ui.intents import Intent


class Scene:
    """A screen.  ``draw`` must not change game state; ``update`` does that."""

    screen = "scene"    # its name in the registry of screens (game/ui/flow.py)
    phases: tuple[str, ...] = ()  # the names it shows itself by in turn, when more than one
    opaque = True       # False: the scene below shows through (overlays)

    @property
    def step_id(self) -> int:
        """A scene that shows several steps under one name (questions, turns) counts them."""
        return 0

    @property
    def wants_text(self) -> bool:
        """True: keys are typed text (name entry)."""
        return False

    @property
    def name(self) -> str:
        """What the screen showing now is called (screenshots, the autoplay bot): its phase, or its screen."""
        return self.screen

    def __init__(self, ctx: Context):
        self.ctx = ctx  # what a scene may use of the game (game/context.py), never the App

    # Life cycle hooks.
    def enter(self) -> None: ...
    def exit(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...

    def layout(self, width: int, height: int) -> None:
        """Place everything for this window size (called on enter and resize)."""

    def handle(self, intent: Intent) -> bool:
        """React to one intent; return ``True`` if it was used."""
        return False

    def update(self, dt: float) -> None: ...

    def animating(self) -> bool:
        """``True`` while something on screen moves; still screens are not redrawn."""
        return False

    def settled(self) -> bool:
        """``False`` while an entrance animation plays (screenshots and the bot wait for it)."""
        return True

    def animated_rect(self):
        """The one region that moves, when only it needs redrawing (``None``: redraw everything).

        The stack asks only while the scene still shows what it showed at its last full draw (the same
        :meth:`showing`): a scene that moves on by itself in ``update`` (a timer ran out) is drawn whole."""
        return None

    def showing(self) -> tuple:
        """What this scene shows, as far as a full redraw is concerned: its name and step."""
        return (id(self), self.name, self.step_id)

    def draw_animated(self, surface) -> None:
        """Redraw just :meth:`animated_rect` (only called when that is not ``None``)."""

    def draw(self, surface: pygame.Surface) -> None: ...

    def controls(self) -> list:
        """The rects a player can click or drag here: a notice (a toast) never covers them.

        Anything the scene holds that says it can be clicked, by a ``control_rects()`` method (a
        :class:`~game.ui.widgets.Button`, a :class:`~game.ui.widgets.ChoiceButton`, a
        :class:`~game.ui.menu.Menu`, an answer :class:`~game.ui.kinds.Panel`), directly or in a list,
        tuple or dict.  Nothing is guessed from an attribute's name or shape: a plain rect (a dialog's
        outline, a drawing area) is not a control.  A scene with other clickable places adds them."""
        return [pygame.Rect(rect) for rect in controls_in(vars(self), skip=("ctx",))
                if rect.width > 0 and rect.height > 0]


def controls_in(values, skip=()) -> list:
    """The rects of every control among ``values`` (a mapping's values, or any iterable), looking
    into lists, tuples and dicts (an object that is a control answers for what it holds)."""
    found: list = []
    items = values.items() if isinstance(values, dict) else enumerate(values)
    for key, value in items:
        if key in skip:
            continue
        rects = getattr(value, "control_rects", None)
        if callable(rects):
            found.extend(rects())
        elif isinstance(value, (list, tuple, dict)):
            found.extend(controls_in(value))
    return found


class SceneStack:
    def __init__(self) -> None:
        self._scenes: list[Scene] = []
        self.changed = True
        self._drawn: tuple | None = None  # the top scene's view at the last full draw

    def __len__(self) -> int:
        return len(self._scenes)

    @property
    def scenes(self) -> tuple[Scene, ...]:
        """Every scene on the stack, the bottom one first."""
        return tuple(self._scenes)

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    def push(self, scene: Scene) -> None:
        if self._scenes:
            self._scenes[-1].pause()
        self._scenes.append(scene)
        scene.layout(*scene.ctx.size)
        scene.enter()
        self.changed = True

    def pop(self) -> Scene | None:
        if not self._scenes:
            return None
        scene = self._scenes.pop()
        scene.exit()
        if self._scenes:
            self._scenes[-1].resume()
        self.changed = True
        return scene

    def replace(self, scene: Scene) -> None:
        if self._scenes:
            self._scenes.pop().exit()
        self._scenes.append(scene)
        scene.layout(*scene.ctx.size)
        scene.enter()
        self.changed = True

    def clear_to(self, scene: Scene) -> None:
        """Leave every scene and start again from ``scene`` (e.g. back to the title)."""
        while self._scenes:
            self._scenes.pop().exit()
        self.push(scene)

    def handle(self, intent: Intent) -> bool:
        """Offer the intent to the top scene, then down the stack until one uses it."""
        for scene in reversed(self._scenes):
            if scene.handle(intent):
                return True
            if scene.opaque:
                break
        return False

    def layout(self, width: int, height: int) -> None:
        for scene in self._scenes:
            scene.layout(width, height)
        self.changed = True

    def update(self, dt: float) -> None:
        if self._scenes:
            self._scenes[-1].update(dt)

    def animating(self) -> bool:
        return bool(self._scenes) and self._scenes[-1].animating()

    def animated_rect(self):
        """The region to repaint alone, or ``None`` when the whole picture must be drawn: also when the top
        scene is not the one last drawn whole, or has moved on since (a phase or a question changed in
        ``update`` without an input: only a full draw shows that)."""
        if not self._scenes or self._scenes[-1].showing() != self._drawn:
            return None
        return self._scenes[-1].animated_rect()

    def draw(self, surface) -> None:
        start = 0
        for i in range(len(self._scenes) - 1, -1, -1):
            if self._scenes[i].opaque:
                start = i
                break
        for scene in self._scenes[start:]:
            scene.draw(surface)

    def shown_whole(self) -> None:
        """The loop presented a full draw: from now on the top scene may repaint just its animated region."""
        self._drawn = self._scenes[-1].showing() if self._scenes else None
