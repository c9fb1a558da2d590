"""Issue 7: settings (file, flags, screen), theme, text size, motion, extra time, sound, gamepads."""

import json

import pygame
import pytest

from game.core import settings as S
from game.core import synth
from game.core.boards import board_for
from game.core.session import Session
from game.ui import intents as I
from game.ui.gamepad import Pads
from tests.test_scenes import app, bank, draw, key, send, start  # noqa: F401  (the fixture)


# -- the settings file (no pygame) ------------------------------------------------------
def test_settings_round_trip_and_missing_file(tmp_path):
    path = tmp_path / "config" / "settings.json"
    assert S.load(path).settings == S.Settings() and S.load(path).message is None
    wanted = S.Settings(theme="high-contrast", text_scale=1.5, reduced_motion=True, time_factor=None, muted=True,
                        volume=30)
    assert S.save(path, wanted) is None
    assert S.load(path).settings == wanted
    assert json.loads(path.read_text())["time_factor"] is None


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe", b'{"format": "other"}'])
def test_a_bad_settings_file_means_defaults_a_message_and_the_file_kept(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    read = S.load(path)
    assert read.settings == S.Settings() and read.message and "could not be used" in read.message
    assert not path.exists() and read.kept_aside.read_bytes() == content


def test_bad_values_fall_back_one_by_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "neon", "text_scale": "150%", "volume": 400, "muted": "yes",
                                "future_key": 1}))
    read = S.load(path)
    assert read.settings == S.Settings(text_scale=1.5)
    assert "theme" in read.message and "volume" in read.message and "muted" in read.message
    assert "future_key" not in read.message and read.kept_aside.exists()


def test_parsers_take_the_usual_spellings():
    assert [S.parse_text_scale(v) for v in ("1", "125", "150%", 2)] == [1.0, 1.25, 1.5, 2.0]
    assert [S.parse_time_factor(v) for v in ("1.5", "x2", "none", "0", None)] == [1.5, 2.0, None, None, None]
    for bad in ("3", "abc", True):
        with pytest.raises(ValueError):
            S.parse_text_scale(bad)
    with pytest.raises(ValueError):
        S.parse_time_factor("3")


# -- extra time and boards ------------------------------------------------------------------
def test_time_factor_stretches_the_clock_and_moves_the_board():
    questions = bank().questions
    slow = Session(questions, count=3, time_factor=2.0)
    normal = Session(questions, count=3)
    assert slow.limit == 2 * normal.limit and slow.ranked
    untimed = Session(questions, count=3, time_factor=None)
    assert not untimed.timed and not untimed.ranked and untimed.offered_lifelines == ("50:50",)
    result = untimed.answer(untimed.current.correct)
    assert result.points == 500  # no clock: a right answer earns what one at the buzzer would
    assert board_for("classic", questions, 3, "b", 1.5)[0].endswith("/x1.5")
    assert board_for("classic", questions, 3, "b")[0] != board_for("classic", questions, 3, "b", 2.0)[0]


# -- sound ----------------------------------------------------------------------------------
def test_effects_are_synthesised_short_and_not_silent():
    for name in synth.EFFECTS:
        samples = synth.samples(name, 22050)
        assert 0.03 < len(samples) / 22050 < 1.0 and 5000 < max(map(abs, samples)) <= 32767
    assert len(synth.pcm("tick", 22050, 2)) == 2 * len(synth.pcm("tick", 22050, 1))


def test_no_sound_device_is_silent_and_prints_nothing(monkeypatch, capfd):
    from game.ui.sound import Sound

    def fail(*args, **kwargs):
        import os

        os.write(2, b"ALSA lib: cannot find card '0'\n")  # what audio libraries print when they fail
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", fail)
    sound = Sound()
    sound.start()
    sound.play("right")
    assert sound.state == "no device" and not sound.ready
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_effects_are_made_off_the_main_thread(monkeypatch):
    import threading

    from game.ui import sound as sound_module

    made_on = []
    real_pcm = synth.pcm
    monkeypatch.setattr(sound_module, "MAKE_AFTER", 0.0)
    monkeypatch.setattr(sound_module.synth, "pcm", lambda *a: made_on.append(threading.current_thread().name)
                        or real_pcm(*a))
    sound = sound_module.Sound()
    sound.start()
    sound.play("right")  # asked for before it is made: skipped, never waited for
    assert sound.wait_for_effects() and sound.ready
    assert made_on and set(made_on) == {"sound-effects"}
    sound.play("right")
    assert sound.played["right"] == 2
    sound.close()
    assert not sound.ready
    pygame.mixer.quit()


def test_m_mutes_and_is_remembered(app, tmp_path):  # noqa: F811
    app.settings_path = tmp_path / "settings.json"
    app.sound.start()
    send(app, key(pygame.K_m))
    assert app.settings.muted and app._toast and "Sound off" in app._toast[0]
    app._executor().shutdown(wait=True)
    assert S.load(app.settings_path).settings.muted
    app._saver = None
    scene = start(app)
    send(app, key(pygame.K_1 + scene.session.current.correct))
    assert "right" not in app.sound.played  # muted: nothing played


def test_right_wrong_tick_and_high_score_sounds(app):  # noqa: F811
    app.sound.start()
    scene = start(app)
    session = scene.session
    session.timer._started -= session.limit - 4.5  # four and a half seconds left
    scene.update(0.01)
    assert app.sound.played.get("tick") == 1
    send(app, key(pygame.K_1 + session.current.correct))
    assert app.sound.played.get("right") == 1
    for _ in range(2):
        send(app, key(pygame.K_RETURN))
        scene.update(1.0)
        send(app, key(pygame.K_1 + (session.current.correct + 1) % 4))
    assert app.sound.played.get("wrong") == 2
    send(app, key(pygame.K_RETURN))
    assert app.stack.top.name == "results" and app.sound.played.get("highscore") == 1


# -- theme, text size, motion ------------------------------------------------------------------
def test_the_settings_screen_changes_what_the_player_sees(app, tmp_path):  # noqa: F811
    from game.ui.scenes.settings import DONE, SettingsScene

    app.settings_path = tmp_path / "settings.json"
    app.stack.push(SettingsScene(app))
    before = draw(app).get_at((5, 5))[:3]
    scene = app.stack.top
    assert scene._notes(0)[0].startswith("Default:")  # the note describes the theme in use, not another
    send(app, key(pygame.K_RIGHT))  # theme: high contrast
    assert app.theme.name == "high-contrast" and draw(app).get_at((5, 5))[:3] == (0, 0, 0) != before
    assert scene._notes(0)[0].startswith("High contrast:")
    send(app, key(pygame.K_DOWN), key(pygame.K_RIGHT), key(pygame.K_RIGHT), key(pygame.K_RIGHT))  # 200 %
    assert app.settings.text_scale == 2.0 and app.theme.body == 60
    send(app, key(pygame.K_DOWN), key(pygame.K_RETURN))  # reduced motion
    send(app, key(pygame.K_DOWN), key(pygame.K_LEFT))  # timer: no timer
    assert app.settings.reduced_motion and app.settings.time_factor is None
    app.stack.top.menu.focus = DONE
    send(app, key(pygame.K_RETURN))
    assert app.stack.top.name == "title"
    app._executor().shutdown(wait=True)
    saved = S.load(app.settings_path).settings
    assert saved == S.Settings(theme="high-contrast", text_scale=2.0, reduced_motion=True, time_factor=None)


def test_command_line_values_are_not_saved_over_the_file(app, tmp_path):  # noqa: F811
    app.settings_path = tmp_path / "settings.json"
    app.saved_settings = S.Settings()
    app.settings = S.Settings(theme="high-contrast")  # as if --theme high-contrast
    app.change_settings(volume=40)
    app._executor().shutdown(wait=True)
    assert S.load(app.settings_path).settings == S.Settings(volume=40)


@pytest.mark.parametrize("size", [(800, 600), (1280, 720)])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_large_text_fits_every_question_screen(app, size, scale):  # noqa: F811
    app.change_settings(text_scale=scale, theme="high-contrast")
    pygame.display.set_mode(size)
    app._resized()
    scene = start(app)
    screen = pygame.Rect(0, 0, *size)
    rects = [b.rect for b in scene.panel.buttons] + [b.rect for b in scene.lifelines] + [scene.prompt_rect]
    assert all(screen.contains(r) for r in rects)
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert scene.prompt_rect.height >= app.text.line_height(app.metrics.px(app.theme.small), True) * 2
    send(app, key(pygame.K_1 + scene.session.current.correct))
    grid_bottom = max(b.rect.bottom for b in scene.panel.buttons)
    assert screen.contains(scene.bottom_rect) and grid_bottom <= scene.bottom_rect.top
    draw(app)


def test_reduced_motion_stills_the_screen(app):  # noqa: F811
    scene = start(app)
    scene.intro = 0.0
    assert scene.animating() and not scene.settled()  # the answers rise into place
    app.change_settings(reduced_motion=True)
    send(app, key(pygame.K_ESCAPE), key(pygame.K_ESCAPE))
    scene = app.stack.top
    scene._build_buttons()
    assert scene.settled()
    scene.animating()
    assert not scene.animating()  # the clock only redraws when its whole second changes


# -- gamepads ---------------------------------------------------------------------------------
class FakeStick:
    def __init__(self, instance):
        self.instance = instance

    def get_instance_id(self):
        return self.instance

    def get_name(self):
        return "Test pad"


def test_gamepad_plugged_in_moves_chooses_pauses_and_unplugs(app, monkeypatch):  # noqa: F811
    pads = app.pads
    monkeypatch.setattr(pygame.joystick, "Joystick", lambda index: FakeStick(40 + index))
    pads._controller = None
    assert pads.translate(pygame.event.Event(pygame.JOYDEVICEADDED, device_index=0)) is None
    assert len(pads) == 1 and "Test pad" in pads.note
    scene = start(app)
    correct = scene.session.current.correct

    def pad(event_type, **fields):
        intent = pads.translate(pygame.event.Event(event_type, instance_id=40, **fields))
        if intent is not None:
            app.dispatch(intent)

    pad(pygame.JOYBUTTONDOWN, button=0)  # A with no focus: shows the focus
    assert scene.panel.focus == 0 and scene.phase == "question"
    pad(pygame.JOYAXISMOTION, axis=0, value=0.9)  # stick right
    pad(pygame.JOYAXISMOTION, axis=0, value=0.95)  # still held: no second move
    assert scene.panel.focus == 1
    pad(pygame.JOYAXISMOTION, axis=0, value=0.0)
    pad(pygame.JOYHATMOTION, value=(0, -1))  # D-pad down
    assert scene.panel.focus == 3
    pad(pygame.JOYBUTTONDOWN, button=7)  # Start pauses
    assert app.stack.top.name == "pause"
    pad(pygame.JOYBUTTONDOWN, button=7)  # and resumes
    assert app.stack.top is scene
    row, col = divmod(correct, 2)
    scene.panel.focus = None
    pad(pygame.JOYBUTTONDOWN, button=0)
    for _ in range(col):
        pad(pygame.JOYHATMOTION, value=(1, 0))
    for _ in range(row):
        pad(pygame.JOYHATMOTION, value=(0, -1))
    pad(pygame.JOYBUTTONDOWN, button=0)
    assert scene.phase == "feedback" and scene.result.correct
    intent = pads.translate(pygame.event.Event(pygame.JOYDEVICEREMOVED, instance_id=40))
    assert intent == I.Intent(I.FOCUS_LOST) and len(pads) == 0 and "disconnected" in pads.note
    assert pads.translate(pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=40, button=0)) is None


def test_controller_layout_and_standalone_pads():
    pads = Pads()
    pads.controllers[7] = object()
    pads.sticks[7] = object()
    a = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=7, button=pygame.CONTROLLER_BUTTON_A)
    b = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=7, button=pygame.CONTROLLER_BUTTON_B)
    start_ = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=7, button=pygame.CONTROLLER_BUTTON_START)
    assert [pads.translate(e).kind for e in (a, b, start_)] == [I.CONFIRM, I.BACK, I.PAUSE]
    # A controller's raw joystick events repeat its controller events: ignored.
    assert pads.translate(pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=7, button=0)) is None


def test_the_text_size_arrow_stays_under_a_clicking_pointer(app):  # noqa: F811
    """Three clicks in one spot on the text size's ▶ raise it three times (the arrow used to move away as
    the text grew: 100 → 150 %); once the pointer moves, the screen lays itself out for the new size."""
    from game.ui.scenes.settings import TEXT, SettingsScene

    app.stack.push(SettingsScene(app))
    scene = app.stack.top
    spot = scene.arrows[TEXT][1].center
    rows = [b.rect.copy() for b in scene.menu.buttons]
    steps = []
    for _ in range(3):
        send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=spot, button=1),
             pygame.event.Event(pygame.MOUSEBUTTONUP, pos=spot, button=1),
             pygame.event.Event(pygame.MOUSEMOTION, pos=spot, rel=(0, 0), buttons=(0, 0, 0)))
        steps.append(app.settings.text_scale)
        assert scene.arrows[TEXT][1].collidepoint(spot) and [b.rect for b in scene.menu.buttons] == rows
        draw(app)
    assert steps == [1.25, 1.5, 2.0]
    send(app, pygame.event.Event(pygame.MOUSEMOTION, pos=(spot[0] + 40, spot[1] + 30), rel=(40, 30),
                                 buttons=(0, 0, 0)))
    assert [b.rect for b in scene.menu.buttons] != rows  # laid out for 200 % text now
    assert scene.row_size > app.metrics.px(26)
    send(app, key(pygame.K_LEFT))  # keys change it at once, laid out at once
    assert app.settings.text_scale == 1.5
    draw(app)
