"""The autoplay bot: it plays through the real loop by posting the events a player makes.

It looks at which screen is on top, waits a varied, human-ish moment, then
posts key presses, typed text or mouse clicks into pygame's event queue,
exactly where a player's input arrives.  It answers some questions right and
some wrong, using every input path in turn (digits, letters, arrows with
Enter, the mouse; for the other kinds: 1/2, the arrows and clicks on True or
False; a slider's arrow keys, Shift, the wheel and a drag of its knob; an
order's numbers, its pick-up-carry-drop keys and mouse drags; typed text one
character at a time, with a slip erased by Backspace), pauses once, uses both lifelines where the mode has them,
plays every seat in hot-seat, reads the review (scrolling with the wheel, the
keys and a drag), enters its name when the score makes the table, looks at
the high scores and quits.  It opens the settings once, and changes nothing.

In a party it is the host: it starts once the simulated phones
(``game.net.bots``) have joined, pauses once, shows each answer once every
phone is done with the question, and moves through the reveals and
leaderboards to the podium.
"""

from __future__ import annotations

import random

import pygame

from game.ui.flow import names
from game.ui.outcomes import Quit

RIGHT_RATE = 0.7
DELAYS = {
    "title": (0.1, 0.2), "question": (0.2, 1.3), "feedback": (0.15, 0.35), "pause": (0.2, 0.3),
    "results": (0.2, 0.4), "name_entry": (0.2, 0.4), "highscores": (0.3, 0.5), "players": (0.2, 0.4),
    "handover": (0.1, 0.25), "review": (0.3, 0.5), "podium": (0.2, 0.4), "settings": (0.2, 0.4),
    "party_lobby": (0.2, 0.4), "party_question": (0.05, 0.1), "party_reveal": (0.3, 0.6),
    "party_leaderboard": (0.3, 0.6), "party_podium": (0.5, 0.8),
}
PARTY_WAIT = 30.0  # seconds the host waits for the phones before going on anyway


def _key(key: int, mod: int = 0) -> list[pygame.event.Event]:
    return [pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)]


def _type(text: str) -> list[pygame.event.Event]:
    """Text as a keyboard sends it: one TEXTINPUT event per character (a space is a character too)."""
    return [pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text]


def _click(pos) -> list[pygame.event.Event]:
    return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)]


class Bot:
    def __init__(self, seed: int | None, name: str = "AUTO", time_limit: float = 300.0):
        self.rng = random.Random(f"bot|{seed}")
        self.name = name
        self.time_limit = time_limit
        self._seen: tuple[int, str, object] | None = None  # the screen and step last acted on
        self._due = 0.0
        self._acted = False
        self._paused_once = False
        self._answers = 0
        self._lifelines_tried = 0
        self._reviewed = False
        self._looked_at_settings = False
        self._waiting_since: float | None = None
        self.started: float | None = None
        self._checked = False  # whether every screen of the registry has a handler

    def cannot_drive(self, screens: list[str]) -> list[str]:
        """The names among ``screens`` the bot has no way through."""
        return [name for name in screens if name not in self.HANDLERS]

    def _stop(self, app, message: str) -> None:
        print(f"mi-trivia: {message}", flush=True)
        app.flow.go(Quit(1))

    def step(self, app, now: float) -> None:
        if self.started is None:
            self.started = now
        if not self._checked and app.perf.frames:  # once the first frame is up (start-up is not slowed)
            self._checked = True
            missing = self.cannot_drive(names())  # every screen the registry lists
            if missing:
                self._stop(app, f"autoplay cannot drive the screen {', '.join(map(repr, missing))}")
                return
        if now - self.started > self.time_limit:
            self._stop(app, f"autoplay did not finish within {self.time_limit:.0f} s")
            return
        scene = app.stack.top
        if scene is None:
            return
        if self.cannot_drive([scene.name]):  # a screen the registry does not list: at once, not after the limit
            self._stop(app, f"autoplay cannot drive the screen {scene.name!r}")
            return
        key = (id(scene), scene.name, getattr(scene, "step_id", 0))
        if key != self._seen:
            self._seen = key
            low, high = DELAYS.get(scene.name, (0.3, 0.6))
            self._due = now + self.rng.uniform(low, high)
            self._acted = False
            return
        if self._acted or now < self._due or not scene.settled():
            return
        self._acted = True
        events = self._lifeline(scene) if scene.name == "question" else None
        if events:
            # A lifeline first; the answer follows a moment later, once its effect shows.
            self._acted = False
            self._due = now + self.rng.uniform(0.2, 0.5)
        else:
            events = self._events_for(scene)
        if events is None:  # not yet (a party waits for its phones): look again in a moment
            self._acted = False
            self._due = now + 0.05
            return
        for event in events:
            pygame.event.post(event)

    def _lifeline(self, scene) -> list[pygame.event.Event] | None:
        """50:50 by its key, then +10 s by a click, on the first question after the pause."""
        from game.core.session import LIFELINES

        if not self._paused_once or self._lifelines_tried >= len(LIFELINES) or not scene.lifelines:
            return None
        name = LIFELINES[self._lifelines_tried]
        if not scene.session.can_use(name):
            return None
        self._lifelines_tried += 1
        if self._lifelines_tried == 1:
            return _key(pygame.K_h)
        return _click(scene.lifelines[1].rect.center)

    def _waited(self, long: float) -> bool:
        import time

        now = time.monotonic()
        if self._waiting_since is None:
            self._waiting_since = now
        if now - self._waiting_since >= long:
            self._waiting_since = None
            return True
        return False

    def _party(self, scene) -> list[pygame.event.Event] | None:
        """The host of a party: start when the phones are in, pause once, show each answer when all are done."""
        name, runner = scene.name, scene.ctx.parties.bots
        if name == "party_lobby":
            if runner is not None and not runner.all_joined and not self._waited(PARTY_WAIT):
                return None
            self._waiting_since = None
            return _key(pygame.K_RETURN)
        if name == "party_question":
            if runner is not None and not runner.settled(scene.party.number) and not self._waited(PARTY_WAIT):
                return None
            self._waiting_since = None
            if not self._paused_once:
                self._paused_once = True
                return _key(pygame.K_p)
            return _key(pygame.K_RETURN)
        if name == "party_podium":
            if scene.saving:
                return None
            return _click(scene.menu.buttons[0].rect.center)  # the high scores, then quit
        return _key(pygame.K_SPACE)  # the reveal and the leaderboard: on at once

    def _events_for(self, scene) -> list[pygame.event.Event] | None:
        return getattr(self, self.HANDLERS[scene.name])(scene)

    # What the bot does on each screen, by the names in game/ui/flow.py (a test checks it has them all).
    HANDLERS = {"title": "_title", "settings": "_escape", "confirm": "_escape", "question": "_question",
                "pause": "_escape", "feedback": "_space", "players": "_players", "handover": "_handover",
                "results": "_after_game", "podium": "_after_game", "review": "_review", "name_entry": "_name",
                "highscores": "_close", "party_lobby": "_party", "party_question": "_party",
                "party_reveal": "_party", "party_leaderboard": "_party", "party_podium": "_party",
                "preview": "_escape"}

    def _title(self, scene) -> list[pygame.event.Event]:
        if scene.ctx.games.session is not None:
            return self._close(scene)
        if not self._looked_at_settings:
            # Open the settings and leave them as they are (the bot never changes a player's settings).
            from game.ui.scenes.title import SETTINGS

            self._looked_at_settings = True
            return _click(scene.menu.buttons[SETTINGS].rect.center)
        return _key(pygame.K_UP) * scene.menu.focus + _key(pygame.K_RETURN)

    def _escape(self, scene) -> list[pygame.event.Event]:
        return _key(pygame.K_ESCAPE)

    def _space(self, scene) -> list[pygame.event.Event]:
        return _key(pygame.K_SPACE)

    def _close(self, scene) -> list[pygame.event.Event]:
        return [pygame.event.Event(pygame.QUIT)]

    def _question(self, scene) -> list[pygame.event.Event]:
        if not self._paused_once:
            self._paused_once = True
            return _key(pygame.K_ESCAPE)
        return self._answer(scene)

    def _players(self, scene) -> list[pygame.event.Event]:
        events = []
        for i in range(len(scene.names)):
            # A name offered from the last game is selected when its seat gets the focus: typing replaces it.
            events += _type(f"{self.name}{i + 1}") + _key(pygame.K_TAB)
        return events + _key(pygame.K_RETURN)  # the focus is on Start

    def _handover(self, scene) -> list[pygame.event.Event]:
        if scene.session.index % 2:
            return _click(scene.menu.buttons[0].rect.center)
        return _key(pygame.K_RETURN)

    def _after_game(self, scene) -> list[pygame.event.Event]:
        """The results and the podium: the review once, then save (or the table); practice quits."""
        podium = scene.name == "podium"
        if not self._reviewed:
            self._reviewed = True
            review = scene.actions.index("review")
            if podium:
                return _click(scene.menu.buttons[review].rect.center)
            return _key(pygame.K_RIGHT) * review + _key(pygame.K_RETURN)
        if scene.actions[0] in ("save", "scores"):
            if podium:
                return _click(scene.menu.buttons[0].rect.center)
            return self._first(scene)
        return self._close(scene)  # practice: nothing to save

    def _name(self, scene) -> list[pygame.event.Event]:
        # The offered name is selected, so the first letter typed replaces it.
        events = [] if scene.field.selected else _key(pygame.K_BACKSPACE) * (len(scene.value) + 1)
        return events + _type(self.name) + _key(pygame.K_RETURN)

    def _first(self, scene) -> list[pygame.event.Event]:
        """Focus the results' first button (Save or High scores) and press Enter."""
        steps = (len(scene.actions) - scene.menu.focus) % len(scene.actions)
        return _key(pygame.K_RIGHT) * steps + _key(pygame.K_RETURN)

    def _review(self, scene) -> list[pygame.event.Event]:
        view = scene.view
        start = (view.centerx, view.centery + view.height // 4)
        events = [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2, flipped=False)]
        events += _key(pygame.K_PAGEDOWN) + _key(pygame.K_DOWN)
        events += [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1)]
        events += [pygame.event.Event(pygame.MOUSEMOTION, pos=(start[0], start[1] - 40 * k), rel=(0, -40),
                                      buttons=(1, 0, 0)) for k in range(1, 4)]
        events += [pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(start[0], start[1] - 120), button=1)]
        return events + _key(pygame.K_END) + _key(pygame.K_ESCAPE)

    def _answer(self, scene) -> list[pygame.event.Event]:
        """The question's kind answered through its own panel (game.ui.kinds), right or wrong."""
        right = self.rng.random() < RIGHT_RATE
        return getattr(self, f"_answer_{scene.session.current.kind}")(scene, scene.panel, right)

    def _answer_choice(self, scene, panel, right: bool) -> list[pygame.event.Event]:
        current = panel.round
        n = len(current.choices)
        removed = panel.removed
        if right:
            index = current.correct
        else:
            index = self.rng.choice([i for i in range(n) if i != current.correct and i not in removed])
        method = self._answers % 4
        self._answers += 1
        if removed and method == 3:
            method = 0  # the arrows step over removed choices; keep the bot's path simple
        if method == 0:
            return _key(pygame.K_1 + index)
        if method == 1:
            return _key(pygame.K_a + index)
        if method == 2:
            return _click(panel.buttons[index].rect.center)
        # Arrows: an unseen focus starts on A; move along the grid from there, then Enter (a first Enter with
        # nothing moved only shows the focus).
        row, col = divmod(index, panel.columns)
        events = _key(pygame.K_RIGHT) * col + _key(pygame.K_DOWN) * row
        if not events:
            events = _key(pygame.K_RETURN)
        return events + _key(pygame.K_RETURN)

    def _method(self) -> int:
        """The way the next answer is given (keys, arrows, mouse...), in turn."""
        method = self._answers % 3
        self._answers += 1
        return method

    # -- the other kinds, each through its own panel (game.ui.kinds) ----------------------------------
    def _answer_truefalse(self, scene, panel, right: bool) -> list[pygame.event.Event]:
        method = self._method()
        index = panel.round.correct if right else 1 - panel.round.correct
        if method == 0:
            return _key(pygame.K_1 + index)
        if method == 1:  # the first arrow focuses a tile (left: True, right: False), Enter answers
            return _key(pygame.K_LEFT if index == 0 else pygame.K_RIGHT) + _key(pygame.K_RETURN)
        return _click(panel.tiles[index].center)

    def _answer_estimate(self, scene, panel, right: bool) -> list[pygame.event.Event]:
        method = self._method()
        scale = panel.scale
        target = panel.round.question.value
        if not right:
            target = scale.snap(target + self.rng.choice((-1, 1)) * self.rng.randint(1, 6) * scale.step)
        value, events = panel.value, []
        if method == 1:  # grab the knob and drag it; the keys fix what the pixels could not
            start = (panel.x_for(value), panel.track.centery)
            end = (panel.x_for(target), panel.track.centery + 7)
            events += [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1)]
            for k in (1, 2, 3):
                x = start[0] + (end[0] - start[0]) * k // 3
                events.append(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, end[1]), rel=(0, 0), buttons=(1, 0, 0)))
            events.append(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=1))
            value = panel.value_at(end[0])
        steps = round((target - value) / scale.step) if scale.step else 0
        if method == 2 and steps:  # the wheel
            events.append(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=steps, flipped=False))
            steps = 0
        arrow = pygame.K_RIGHT if steps > 0 else pygame.K_LEFT
        tens, ones = divmod(abs(steps), 10)
        events += _key(arrow, pygame.KMOD_SHIFT) * tens + _key(arrow) * ones
        if method == 1:
            return events + _click(panel.lock.rect.center)
        return events + _key(pygame.K_RETURN)

    def _answer_order(self, scene, panel, right: bool) -> list[pygame.event.Event]:
        method = self._method()
        target = list(panel.round.solution)
        if not right:
            i = self.rng.randrange(len(target) - 1)
            target[i], target[i + 1] = target[i + 1], target[i]
        order, events = list(panel.order), []
        focus = panel.focus
        for place, item in enumerate(target):
            source = order.index(item)
            if source == place:
                continue
            order.insert(place, order.pop(source))
            if method == 0:  # a number picks the item up, a second one puts it down
                events += _key(pygame.K_1 + source) + _key(pygame.K_1 + place)
                focus = place
            elif method == 1:  # the focus to it, Enter picks it up, up carries it, Enter drops it
                if focus is None:  # the first arrow moves from the first item
                    events += _key(pygame.K_DOWN)
                    focus = 1
                events += _key(pygame.K_DOWN if source > focus else pygame.K_UP) * abs(source - focus)
                events += _key(pygame.K_RETURN) + _key(pygame.K_UP) * (source - place) + _key(pygame.K_RETURN)
                focus = place
            else:  # drag it with the mouse
                start, end = panel.rows[source].center, panel.rows[place].center
                events.append(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1))
                events += [pygame.event.Event(pygame.MOUSEMOTION,
                                              pos=(start[0], start[1] + (end[1] - start[1]) * k // 4),
                                              rel=(0, 0), buttons=(1, 0, 0)) for k in (1, 2, 3, 4)]
                events.append(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=1))
        if method == 2 or (method == 1 and self.rng.random() < 0.5):
            return events + _click(panel.lock.rect.center)
        if focus is None:  # the first arrow moves from the first item
            events += _key(pygame.K_DOWN)
            focus = 1
        return events + _key(pygame.K_DOWN) * (panel.n - focus) + _key(pygame.K_RETURN)

    def _answer_type(self, scene, panel, right: bool) -> list[pygame.event.Event]:
        method = self._method()
        question = panel.round.question
        if right:
            spellings = [question.answer, *getattr(question, "also", ())]
            text = self.rng.choice(spellings)
            if method == 1:
                text = text.lower()  # capitals don't matter
        else:
            text = self.rng.choice(["I have no idea", "Paris", "forty-two", "Ethan"])
        events = []
        for k, ch in enumerate(text):
            if k == 2 and method == 2:  # a slip, erased
                events += _type("q") + _key(pygame.K_BACKSPACE)
            events += _type(ch)
        if method == 2:
            return events + _click(panel.lock.rect.center)
        return events + _key(pygame.K_RETURN)
