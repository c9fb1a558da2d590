"""Keys (and a mouse) pressed in the orders a person might, fed as real pygame events through the
loop itself (``App.run``): a notice showing then Esc, M then Esc on the title and in a question,
Esc twice quickly, F11 then a key, typing while a notice shows, a pointer left resting on a menu.

Each test is a script: one step per pass of the loop, either events posted into pygame's queue
(where a player's keyboard and mouse put them) or a check of the screen that resulted.  The loop
draws every pass that changed something, the notice over it, so a frame that raises fails the test.
"""

import pygame
import pytest

from game.app import App, Options
from game.core.model import Question
from game.core.questions import Bank
from game.core.scores import ScoreStore
from game.ui.outcomes import ToTitle
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.title import TitleScene
from tests.test_scenes import bank


class Script:
    """Stands in for the autoplay bot: each pass of the loop, the next step."""

    def __init__(self, steps):
        self.steps = list(steps)

    def step(self, app, now) -> None:
        if not self.steps:
            app.running = False  # the script is over (not app.quit(): that is a player's choice)
            return
        step = self.steps.pop(0)
        if callable(step):
            step(app)
        else:
            for event in step:
                pygame.event.post(event)


def play(app, *steps) -> None:
    """Run the loop through ``steps``; what a frame raises, the test raises."""
    pygame.event.clear()
    app.bot = Script(steps)
    app.run(max_frames=len(steps) * 3 + 20)
    assert not app.bot.steps, "the loop stopped before the script ended"


def make_app(tmp_path, questions=None, **options) -> App:
    pygame.display.init()
    pygame.font.init()
    app = App(Options(count=3, seed=1, size=(1280, 720), fps=0, **options), questions or bank(),
              ScoreStore(tmp_path / "scores.json"))
    app.open_window()
    app.stack.push(TitleScene(app.ctx))
    return app


@pytest.fixture
def app(tmp_path):
    yield make_app(tmp_path)
    pygame.quit()


# -- what a player does ------------------------------------------------------------------------------------------------
def press(*keys, mod=0):
    events = []
    for k in keys:
        events += [pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0),
                   pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0)]
    return events


def typing(text):
    """Letters as a keyboard sends them: a key press, the text it types, the key let go."""
    events = []
    for ch in text:
        code = ord(ch.lower()) if ch.isascii() and ch.isalnum() else 0
        events += [pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=ch, scancode=0),
                   pygame.event.Event(pygame.TEXTINPUT, text=ch),
                   pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode=ch, scancode=0)]
    return events


def move_to(where):
    """The pointer moves (``where``: a position, or a function of the app giving one)."""
    def step(app):
        pos = where(app) if callable(where) else where
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0)))
    return step


def rests_at(where):
    """What a window system sends for a pointer that did not move (a window appearing under it, a
    focus change): a motion event at the same place, moved by nothing."""
    def step(app):
        pos = where(app) if callable(where) else where
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    return step


def click_at(where):
    def step(app):
        pos = where(app) if callable(where) else where
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    return step


def button(index):
    """The centre of the top screen's menu button ``index``."""
    return lambda app: app.stack.top.menu.buttons[index].rect.center


def on(name, **checks):
    """A check: the screen on top is ``name`` (and, with ``notice=True``, a notice is showing)."""
    def step(app):
        top = app.stack.top
        assert top is not None and top.name == name, f"expected {name}, on {top.name if top else None}"
        if "notice" in checks:
            assert (app.notice is not None) == checks["notice"], app.notice
        if "paused" in checks:
            assert app.ctx.games.session.paused == checks["paused"]
        assert app.running
    return step


def table_read(app):
    """What the loop does within a few frames, long before a person presses a key: the score table the
    screen asked the saver thread for comes back."""
    app.wait_for_saves()


def holds(predicate, what=""):
    """A check: ``predicate(app)`` is true."""
    def step(app):
        assert predicate(app), what
    return step


# -- a notice showing, then Esc ----------------------------------------------------------------------------------------
def test_m_then_esc_on_the_title_asks_to_quit_with_the_notice_showing(app):
    play(app, press(pygame.K_m), on("title", notice=True), press(pygame.K_ESCAPE), on("confirm", notice=True),
         press(pygame.K_ESCAPE), on("title", notice=True), press(pygame.K_m), press(pygame.K_ESCAPE),
         press(pygame.K_ESCAPE), on("title"))


def test_m_then_esc_during_a_question_pauses_with_the_notice_showing(app):
    play(app, press(pygame.K_RETURN), on("question"), press(pygame.K_m), press(pygame.K_ESCAPE),
         on("pause", notice=True, paused=True), press(pygame.K_m), on("pause", notice=True),
         press(pygame.K_ESCAPE), on("question", notice=True, paused=False))


def test_a_notice_then_esc_on_every_screen_of_a_game(app):
    """Title, settings, high scores, a question, its pause and the dialog to leave, the feedback,
    the results and the review: M (a notice) then Esc on each, nothing raises, Esc does what it does."""
    def answer(app):
        current = app.ctx.games.session.current
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_1 + current.correct, mod=0, unicode="",
                                             scancode=0))

    steps = [click_at(button(6)), on("settings"), press(pygame.K_m), press(pygame.K_ESCAPE), on("title", notice=True),
             click_at(button(5)), on("highscores"), press(pygame.K_m), press(pygame.K_ESCAPE), on("title", notice=True),
             click_at(button(0)), on("question"), press(pygame.K_m), press(pygame.K_ESCAPE), on("pause", notice=True),
             press(pygame.K_DOWN, pygame.K_DOWN, pygame.K_RETURN), on("confirm"), press(pygame.K_m),
             press(pygame.K_ESCAPE), on("pause", notice=True), press(pygame.K_ESCAPE), on("question")]
    for _ in range(3):
        steps += [answer, on("feedback"), press(pygame.K_m), on("feedback", notice=True), press(pygame.K_ESCAPE),
                  on("pause", notice=True), press(pygame.K_ESCAPE), on("feedback"), press(pygame.K_RETURN)]
    steps += [on("results"), table_read, press(pygame.K_m), press(pygame.K_RETURN), on("name_entry", notice=True),
              typing("Zoë M"), holds(lambda app: app.stack.top.value == "Zoë M", "typed with a notice showing"),
              press(pygame.K_ESCAPE),
              on("results", notice=True), press(pygame.K_RIGHT, pygame.K_RETURN), on("review"), press(pygame.K_m),
              press(pygame.K_ESCAPE), on("results", notice=True), press(pygame.K_ESCAPE), on("confirm"),
              press(pygame.K_RETURN), on("title", notice=True)]  # the top-10 score was not saved: asked first
    play(app, *steps)


def test_controls_are_what_says_it_can_be_clicked_whatever_it_is_called(app):
    """A scene's clickable places come from the widgets that say so; a dialog's outline named ``panel``,
    pairs of rects, texts and numbers are not controls, and never break the search."""
    from game.ui.menu import Menu
    from game.ui.scene import Scene
    from game.ui.widgets import Button, ChoiceButton

    scene = Scene(app.ctx)
    scene.panel = pygame.Rect(10, 10, 300, 200)  # what the pause and confirm dialogs hold
    scene.arrows = [(pygame.Rect(0, 0, 5, 5), pygame.Rect(5, 0, 5, 5))]
    scene.menu = Menu(["A", "B"])
    scene.menu.place_column(pygame.Rect(20, 20, 100, 0), 30, 5)
    scene.by_name = {"go": Button(pygame.Rect(1, 2, 3, 4), "Go"), "off": Button(pygame.Rect(5, 6, 7, 8), "", False)}
    scene.choices = (ChoiceButton(pygame.Rect(0, 300, 50, 50), 0, "x"), None, "text", 3)
    scene.unplaced = Button(pygame.Rect(0, 0, 0, 0), "not laid out")
    assert sorted(map(tuple, scene.controls())) == sorted(
        [tuple(b.rect) for b in scene.menu.buttons] + [(1, 2, 3, 4), (0, 300, 50, 50)])


def test_every_screen_of_a_game_lists_its_controls_as_rects(app):
    from game.ui.scenes.confirm import ConfirmScene
    from game.ui.scenes.settings import SettingsScene

    screens = [app.stack.top, SettingsScene(app.ctx), ConfirmScene(app.ctx, "Sure?", "Really.", "Yes", "No", ToTitle())]
    play(app, press(pygame.K_RETURN), on("question"))
    screens += [app.stack.top, PauseScene(app.ctx)]
    for scene in screens:
        scene.layout(*app.size)
        controls = scene.controls()
        assert controls and all(isinstance(rect, pygame.Rect) for rect in controls), scene.name
        assert all(pygame.Rect((0, 0), app.size).contains(rect) for rect in controls), scene.name


# -- Esc twice, quickly ------------------------------------------------------------------------------------------------
def test_esc_twice_quickly_goes_back_to_where_it_was(app):
    play(app, press(pygame.K_ESCAPE, pygame.K_ESCAPE), on("title"),
         press(pygame.K_RETURN), on("question"), press(pygame.K_ESCAPE, pygame.K_ESCAPE), on("question", paused=False),
         press(pygame.K_ESCAPE), on("pause"), press(pygame.K_DOWN, pygame.K_RETURN), on("settings"),
         press(pygame.K_ESCAPE, pygame.K_ESCAPE), on("question", paused=False))


# -- F11 then a key ----------------------------------------------------------------------------------------------------
def test_f11_then_a_key_does_what_the_key_does(app):
    play(app, press(pygame.K_F11, pygame.K_RETURN), on("question"), press(pygame.K_F11, pygame.K_1), on("feedback"),
         press(pygame.K_F11, pygame.K_ESCAPE), on("pause"), press(pygame.K_F11, pygame.K_RETURN), on("feedback"),
         press(pygame.K_F11), press(pygame.K_m), press(pygame.K_RETURN), on("question", notice=True))


# -- typing while a notice shows ---------------------------------------------------------------------------------------
def typed_bank():
    questions = [Question(f"What is the word number {i}?", (), f"word{i}", kind="type", fact=f"typed {i}",
                          explanation="Because.") for i in range(3)]
    return Bank(questions=questions, files=["typed.yaml"])


def test_typing_while_a_notice_shows_types_every_letter(tmp_path):
    app = make_app(tmp_path, typed_bank())
    try:
        def typed(expected):
            def step(app):
                assert app.stack.top.panel.value == expected
                assert app.ctx.settings.muted  # the m typed did not turn the sound back on
            return step

        play(app, press(pygame.K_m), press(pygame.K_RETURN), on("question", notice=True),
             typing("mammoth"), typed("mammoth"), on("question", notice=True),
             press(pygame.K_BACKSPACE), typing(" M"), typed("mammot M"), press(pygame.K_ESCAPE), on("pause"),
             press(pygame.K_ESCAPE), typing("x"), typed("mammot Mx"))
    finally:
        pygame.quit()


# -- a pointer resting on a menu, and the pause ------------------------------------------------------------------------
def test_pause_then_a_mouse_move_then_enter_goes_on(app):
    quit_button = button(2)
    play(app, press(pygame.K_RETURN), on("question"), press(pygame.K_ESCAPE), on("pause"),
         move_to(quit_button), press(pygame.K_RETURN), on("question", paused=False),
         press(pygame.K_ESCAPE), on("pause"), rests_at(quit_button), press(pygame.K_RETURN), on("question"),
         # only a click picks a button
         press(pygame.K_ESCAPE), on("pause"), move_to(quit_button), click_at(quit_button), on("confirm"))


def test_a_pointer_resting_where_the_pause_panel_opens_changes_nothing(app):
    spot = {}

    def remember(app):
        pause_scene = PauseScene(app.ctx)
        pause_scene.layout(*app.size)
        spot["quit"] = pause_scene.menu.buttons[2].rect.center  # where Quit to title will be

    play(app, press(pygame.K_RETURN), on("question"), remember, move_to(lambda app: spot["quit"]),
         press(pygame.K_ESCAPE), on("pause"), rests_at(lambda app: spot["quit"]),
         holds(lambda app: app.stack.top.menu.focus == 0, "Resume keeps the focus"), press(pygame.K_RETURN),
         on("question", paused=False))


def test_a_pointer_that_did_not_move_never_moves_a_menus_focus(app):
    """The title: the pointer on Quit, the keys move the focus up to Settings, the window system then
    reports the pointer where it was; Enter opens the settings (not the quit dialog)."""
    def focus(index):
        def step(app):
            assert app.stack.top.menu.focus == index
        return step

    quit_spot = app.stack.top.menu.buttons[7].rect.center
    play(app, move_to(quit_spot), focus(7), press(pygame.K_UP), focus(6), rests_at(quit_spot), focus(6),
         press(pygame.K_RETURN), on("settings"), rests_at(quit_spot), press(pygame.K_ESCAPE), on("title"),
         rests_at(quit_spot), focus(6))


# -- hot-seat: names typed while a notice shows, then the turns --------------------------------------------------------
def test_hotseat_names_with_a_notice_showing_then_esc_on_a_hand_over(app):
    def names(expected):
        def step(app):
            assert app.stack.top.values == expected
        return step

    play(app, press(pygame.K_DOWN, pygame.K_RIGHT, pygame.K_RIGHT, pygame.K_RIGHT),
         holds(lambda app: app.options.mode == "hotseat"),
         press(pygame.K_m), press(pygame.K_UP, pygame.K_RETURN), on("players", notice=True),
         typing("Mo"), press(pygame.K_TAB), typing("Max M"), names(["Mo", "Max M"]), on("players", notice=True),
         holds(lambda app: app.ctx.settings.muted, "an m typed into a name does not turn the sound on"),
         press(pygame.K_RETURN), on("handover"), press(pygame.K_m),
         press(pygame.K_ESCAPE), on("pause", notice=True), press(pygame.K_ESCAPE), on("handover"),
         press(pygame.K_RETURN), on("question"), press(pygame.K_m), press(pygame.K_1), on("handover", notice=True))
