"""Each kind's answer panel fed intents and events on its own: state, rects and a few pixels."""

import itertools
from types import SimpleNamespace

import pygame
import pytest

from game.app import App, Options
from game.core import kinds
from game.core.scores import ScoreStore
from game.ui import intents as I
from game.ui.intents import Intent, translate
from game.ui.kinds import Lock, panel_for
from game.ui.kinds.choice import ChoicePanel
from test_scenes import bank, key

SIZES = [(1280, 720), (800, 600), (1920, 1080)]


class Scale:
    """A stand-in for the core's Scale: miles an hour from 20 to 100 in steps of 5."""

    low, high, step, tolerance = 20.0, 100.0, 5.0, 20.0

    def show(self, v):
        return f"{v:g} mph"

    def snap(self, v):
        v = self.low + round((v - self.low) / self.step) * self.step
        return min(max(v, self.low), self.high)


def rnd(kind, **fields):
    question = SimpleNamespace(kind=kind, prompt="A prompt?", answer=fields.pop("answer", "x"),
                               scale=fields.pop("scale", None), value=fields.pop("value", None),
                               also=fields.pop("also", ()), explanation="Because.")
    values = dict(kind=kind, question=question, choices=(), correct=-1, solution=(), number=1, limit=20.0)
    values.update(fields)
    return SimpleNamespace(**values)


def answer(round_, response, correct=False, close=False, player=0):
    chosen = response if round_.kind in ("choice", "truefalse") else None
    return SimpleNamespace(round=round_, response=response, chosen=chosen, correct=correct, close=close,
                           player=player)


@pytest.fixture(params=[(1280, 720, 1.0, "default"), (800, 600, 2.0, "high-contrast"), (1920, 1080, 1.0, "default")],
                ids=["1280x720", "800x600-200%-hc", "1920x1080"])
def app(request, tmp_path):
    from game.core.settings import Settings

    width, height, scale, theme = request.param
    pygame.display.init()
    pygame.font.init()
    a = App(Options(count=3, seed=1, size=(width, height)), bank(), ScoreStore(tmp_path / "s.json"),
            settings=Settings(text_scale=scale, theme=theme))
    a.open_window()
    yield a
    pygame.quit()


def placed(app, round_):
    panel = panel_for(app.ctx, round_)
    width, height = app.size
    area = pygame.Rect(40, height // 3, width - 80, height // 2)
    panel.layout(pygame.Rect(area.left, area.bottom - panel.height(area.width, area.height), area.width,
                             panel.height(area.width, area.height)))
    return panel, area


def within(panel, *rects):
    for r in rects:
        assert panel.rect.contains(r), (r, panel.rect)


def draw(app, panel):
    surface = app.surface
    surface.fill((0, 0, 0))
    panel.draw(surface)
    return surface


def given_text(round_, response) -> str:
    return kinds.of(round_).given_text(round_, response)


def right_text(round_) -> str:
    return kinds.of(round_).right_text(round_)


def test_multiple_choice_is_a_panel_like_the_others(app):
    panel = panel_for(app.ctx, rnd("choice", choices=("a", "b", "c"), correct=0))
    assert isinstance(panel, ChoicePanel) and [b.label for b in panel.buttons] == ["a", "b", "c"]
    assert panel.handle(Intent(I.CHOOSE, index=2)) == Lock(2) and panel.handle(Intent(I.CHOOSE, index=3)) is False
    panel.remove((1,))
    assert panel.handle(Intent(I.CHOOSE, index=1)) is False and panel.buttons[1].mark == "removed"
    assert given_text(panel.round, 2) == "C. c" and right_text(panel.round) == "A. a"


# -- true or false --------------------------------------------------------------------------------------
def tf():
    return rnd("truefalse", choices=("True", "False"), correct=1, answer="False")


def test_true_false_keys_and_clicks(app):
    panel, _ = placed(app, tf())
    true, false = panel.tiles
    within(panel, true, false)
    assert true.right < false.left and true.height == false.height  # True first, side by side
    assert panel.handle(Intent(I.CHOOSE, index=0)) == Lock(0)
    assert panel.handle(Intent(I.CHOOSE, index=1)) == Lock(1)
    assert panel.handle(Intent(I.CHOOSE, index=2)) is False
    assert panel.handle(Intent(I.CONFIRM)) is True and panel.focus == 0  # the first press shows the focus
    panel.handle(Intent(I.MOVE, dx=1))
    assert panel.handle(Intent(I.CONFIRM)) == Lock(1)
    assert panel.handle(Intent(I.CLICK, pos=true.center)) == Lock(0)
    # Their own colours, not two of the A-D badges.
    surface = draw(app, panel)
    pal = app.ctx.theme.palette
    for tile, colour in zip(panel.tiles, pal.true_false, strict=True):
        assert surface.get_at((tile.left + tile.width // 6, tile.bottom - tile.height // 6))[:3] == colour
    assert pal.true_false[0] != pal.true_false[1]


def test_true_false_reveal_marks_right_and_wrong(app):
    round_ = tf()
    panel, _ = placed(app, round_)
    panel.reveal([answer(round_, 0)])
    draw(app, panel)  # draws without error, marks in place
    assert given_text(round_, 0) == "True" and right_text(round_) == "False"


# -- estimate --------------------------------------------------------------------------------------------
def estimate():
    return rnd("estimate", scale=Scale(), value=60.0, answer="60 mph")


def test_slider_keys_shift_page_home_end_and_wheel(app):
    panel, _ = placed(app, estimate())
    assert panel.value == 60.0  # starts in the middle
    panel.handle(translate(key(pygame.K_RIGHT)))
    assert panel.value == 65.0
    panel.handle(translate(key(pygame.K_LEFT, pygame.KMOD_SHIFT)))
    assert panel.value == 20.0  # ten steps, stopped at the end
    panel.handle(Intent(I.MOVE, dy=-1))  # up is more (a pad's stick too)
    assert panel.value == 25.0
    panel.handle(Intent(I.PAGE, dy=2))
    assert panel.value == 100.0
    panel.handle(Intent(I.PAGE, dy=-2))
    assert panel.value == 20.0
    panel.handle(Intent(I.SCROLL, dy=3))
    assert panel.value == 35.0
    assert panel.handle(Intent(I.CONFIRM)) == Lock(35.0)


def test_slider_drags_clicks_the_track_and_locks_in_with_the_button(app):
    panel, _ = placed(app, estimate())
    track = panel.track
    within(panel, track, panel.lock.rect)
    assert panel.lock.rect.top > track.bottom
    assert panel.handle(Intent(I.CLICK, pos=(track.left, track.centery))) is True
    assert panel.value == 20.0 and panel.dragging
    panel.handle(Intent(I.DRAG, pos=(track.right + 50, track.centery)))
    assert panel.value == 100.0
    panel.handle(Intent(I.DRAG, pos=(track.left + track.width // 4, track.centery + 30)))
    assert panel.value == 40.0
    panel.handle(Intent(I.RELEASE, pos=(0, 0)))
    assert not panel.dragging
    panel.handle(Intent(I.DRAG, pos=(track.right, track.centery)))
    assert panel.value == 40.0  # released: moving the mouse does nothing
    assert panel.handle(Intent(I.CLICK, pos=panel.lock.rect.center)) == Lock(40.0)


def test_slider_knob_sits_on_its_track(app):
    panel, _ = placed(app, estimate())
    surface = draw(app, panel)
    x = panel.x_for(panel.value)
    assert panel.track.left <= x <= panel.track.right
    assert surface.get_at((x, panel.track.centery))[:3] != (0, 0, 0)


def test_slider_reveal_shows_both_values(app):
    round_ = estimate()
    panel, _ = placed(app, round_)
    panel.value = 50.0
    panel.reveal([answer(round_, 50.0, close=True)])
    draw(app, panel)
    assert given_text(round_, 50.0) == "50 mph" and right_text(round_) == "60 mph"


# -- order -------------------------------------------------------------------------------------------------
def order():
    # Shown as C, A, D, B; the right order is A, B, C, D.
    return rnd("order", choices=("C", "A", "D", "B"), solution=(1, 3, 0, 2), answer="A → B → C → D")


def test_order_keys_pick_up_carry_and_drop(app):
    panel, _ = placed(app, order())
    within(panel, *panel.rows, panel.lock.rect)
    for a, b in itertools.pairwise(panel.rows):
        assert a.bottom <= b.top
    send = panel.handle
    send(Intent(I.CONFIRM))            # shows the focus on the first item
    send(Intent(I.MOVE, dy=1))         # to "A"
    send(Intent(I.CONFIRM))            # pick it up
    assert panel.held == 1
    send(Intent(I.MOVE, dy=-1))        # carry it to the top
    send(Intent(I.CONFIRM))            # drop
    assert panel.held is None and panel.response == (1, 0, 2, 3)
    assert panel.lock.rect.collidepoint(panel.lock.rect.center)
    for _ in range(4):
        send(Intent(I.MOVE, dy=1))
    assert panel.focus == 4            # the Lock in button
    assert send(Intent(I.CONFIRM)) == Lock((1, 0, 2, 3))


def test_order_numbers_pick_and_place(app):
    panel, _ = placed(app, order())
    panel.handle(translate(key(pygame.K_4)))  # pick the fourth ("B")
    panel.handle(translate(key(pygame.K_2)))  # put it second
    assert [panel.round.choices[i] for i in panel.response] == ["C", "B", "A", "D"]


def test_order_mouse_drags_an_item_into_place(app):
    panel, _ = placed(app, order())
    rows = panel.rows
    assert panel.handle(Intent(I.CLICK, pos=rows[3].center)) is True  # grab "B"
    panel.handle(Intent(I.DRAG, pos=(rows[3].centerx, rows[1].centery)))
    draw(app, panel)  # mid-drag
    panel.handle(Intent(I.RELEASE, pos=rows[1].center))
    assert [panel.round.choices[i] for i in panel.response] == ["C", "B", "A", "D"]
    assert panel.handle(Intent(I.CLICK, pos=panel.lock.rect.center)) == Lock((0, 3, 1, 2))


def test_order_reveal_shows_both_orders_side_by_side(app):
    round_ = order()
    panel, _ = placed(app, round_)
    panel.reveal([answer(round_, (1, 3, 2, 0))])
    assert panel.order == [1, 3, 2, 0]
    within(panel, *panel.rows, *panel.right_rows)
    assert panel.rows[0].right < panel.right_rows[0].left
    draw(app, panel)
    assert right_text(round_) == "A → B → C → D"
    assert given_text(round_, (1, 3, 2, 0)) == "A → B → D → C"


# -- type --------------------------------------------------------------------------------------------------
def typed():
    return rnd("type", answer="Norway", also=("Noreg",))


def test_typing_erasing_and_submitting(app):
    panel, _ = placed(app, typed())
    assert panel.wants_text
    within(panel, panel.box, panel.lock.rect)
    assert panel.handle(Intent(I.CONFIRM)) is True  # nothing typed: nothing sent
    for ch in "Nörwäy!":
        panel.handle(translate(pygame.event.Event(pygame.TEXTINPUT, text=ch), text_mode=True))
    panel.handle(translate(key(pygame.K_BACKSPACE), text_mode=True))
    assert panel.value == "Nörwäy"
    panel.handle(Intent(I.TEXT, text="\x00\x1b"))  # control characters are dropped
    assert panel.value == "Nörwäy"
    draw(app, panel)
    assert panel.handle(translate(key(pygame.K_RETURN), text_mode=True)) == Lock("Nörwäy")
    assert panel.handle(Intent(I.CLICK, pos=panel.lock.rect.center)) == Lock("Nörwäy")


def test_typed_reveal_and_a_very_long_answer(app):
    round_ = typed()
    panel, _ = placed(app, round_)
    panel.handle(Intent(I.TEXT, text="x" * 500))
    assert len(panel.value) == 60
    draw(app, panel)
    panel.reveal([answer(round_, "norway", correct=True)])
    draw(app, panel)
    assert given_text(round_, "norway") == "“norway”" and right_text(round_) == "Norway"


def test_a_long_answer_scrolls_with_the_caret(app):
    """Issue 19.6: the box shows the end of what is typed (after a "…" once it is long), never its start
    cut with a "…" that the caret then sits after."""
    from game.ui.record import RecordingSurface

    panel, _ = placed(app, typed())
    text = "the locomotive fell off the cliff in Norway at Lauterbrunnen, twice over"
    scrolled = 0
    for ch in text:
        panel.handle(translate(pygame.event.Event(pygame.TEXTINPUT, text=ch), text_mode=True))
        surface = RecordingSurface(app.size, app.ctx.text)
        panel.draw(surface)
        surface.finish()
        inside = sorted((line for line in surface.lines if panel.box.contains(line.rect)),
                        key=lambda found: found.rect.x)
        assert inside, panel.value
        last = inside[-1]
        assert panel.value.rstrip().endswith(last.text.rstrip()) and "…" not in last.text, (panel.value, last.text)
        if len(inside) > 1:
            assert [line.text for line in inside[:-1]] == ["…"]
            scrolled += 1
        assert last.rect.right + panel.caret_room() <= panel.box.right - app.ctx.metrics.px(16)
    assert panel.value == text[:60]
    assert scrolled or app.ctx.theme.text_scale == 1.0  # 60 characters at 200 % text are wider than the box


def test_typed_answer_by_mouse_alone_and_by_pad(app):
    """The on-screen keys: clicks type, erase and answer; arrows (or a pad) and A do the same."""
    panel, _ = placed(app, typed())
    labels = [k[1] for k in panel.keys]
    for needed in [*"ABCXYZ0123456789", "Space", "⌫", "OK"]:
        assert needed in labels
    within(panel, *(k[0] for k in panel.keys))
    for a, b in itertools.pairwise(panel.keys):
        assert not a[0].colliderect(b[0])
    assert all(panel.ctx.text.width(k[1], panel.key_size, True) <= k[0].width for k in panel.keys)

    def click(label):
        rect = next(k[0] for k in panel.keys if k[1] == label)
        return panel.handle(translate(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1)))

    for label in ["N", "O", "R", "Space", "X", "⌫", "⌫"]:
        assert click(label) is True
    assert panel.value == "nor"
    draw(app, panel)
    assert click("OK") == Lock("nor")
    # A pad or the arrows: the first press moves from the top-left key, as an unseen focus would.
    panel, _ = placed(app, typed())
    panel.handle(translate(key(pygame.K_RIGHT), text_mode=True))
    assert panel.keys[panel.key_focus][1] == "2"
    panel.handle(translate(key(pygame.K_DOWN), text_mode=True))
    assert panel.keys[panel.key_focus][1] == "W"
    assert panel.handle(translate(key(pygame.K_RETURN), text_mode=True)) is True and panel.value == "w"
    panel.handle(Intent(I.MOVE, dy=1))
    panel.handle(Intent(I.MOVE, dy=1))  # down onto the row with Space: W sits above X
    assert panel.keys[panel.key_focus][1] == "X"
    panel.handle(Intent(I.MOVE, dx=-1))
    panel.handle(Intent(I.MOVE, dx=-1))  # round the row's end: to OK
    assert panel.keys[panel.key_focus][1] == "OK"
    draw(app, panel)
    assert panel.handle(Intent(I.CONFIRM)) == Lock("w")
    # Typing on a real keyboard again: Enter answers, not the focused key.
    panel.handle(Intent(I.MOVE, dx=-1))
    panel.handle(Intent(I.TEXT, text="x"))
    assert panel.handle(Intent(I.CONFIRM)) == Lock("wx")


def test_typed_feedback_says_the_answer_not_accepted_after_a_wrong_one(app):
    """A wrong typed answer: the line names the right answer in the wrong answer's colour, never "Accepted"."""
    from game.core.kinds import answer_lines

    round_ = typed()
    assert answer_lines(round_) == ["The answer: Norway (also accepted: Noreg)", "The answer: Norway"]
    assert not any("Accepted" in line for line in answer_lines(round_))
    pal = app.ctx.theme.palette
    for correct, shown, hidden in [(False, pal.bad, pal.good), (True, pal.good, pal.bad)]:
        panel, _ = placed(app, round_)
        panel.reveal([answer(round_, "sweden" if not correct else "norway", correct=correct)])
        panel.layout(panel.rect)
        surface = draw(app, panel)
        line = pygame.Rect(panel.rect.left, panel.note_y, panel.rect.width,
                           app.ctx.text.line_height(app.ctx.metrics.px(app.ctx.theme.small), True))
        colours = {tuple(surface.get_at((x, y))[:3]) for x in range(line.left, line.right, 2)
                   for y in range(line.top, min(line.bottom, surface.get_height()))}
        assert shown[:3] in colours and hidden[:3] not in colours


def test_order_first_arrow_moves_from_the_first_item(app):
    """As on the choices: an unseen focus starts on the first item, and the first ↓ moves to the second."""
    panel, _ = placed(app, order())
    panel.handle(Intent(I.MOVE, dy=1))
    assert panel.focus == 1


def test_a_kind_without_a_view_is_drawn_as_the_kind_whose_input_it_shares(app):
    """The test-only "odd one out" kind (tests/test_sixth_kind.py) names multiple choice's input: the play screen
    answers it with multiple choice's panel, and a party's big screen shows it as choices."""
    import random

    from game.core.questions import load_text
    from game.core.session import Session
    from game.ui.kinds import view_of
    from game.ui.kinds.choice import ChoiceParty
    from tests.test_sixth_kind import FILE, OddOneOut

    odd = kinds.register(OddOneOut())
    try:
        (question,) = load_text(FILE, "odd.yaml").questions
        (round_,) = Session([question], count=1, rng=random.Random(2)).rounds
        panel, _ = placed(app, round_)
        assert isinstance(panel, ChoicePanel) and view_of(round_).party is ChoiceParty
        assert panel.handle(Intent(I.CHOOSE, index=round_.correct)) == Lock(round_.correct)
        draw(app, panel)
    finally:
        kinds.unregister(odd.name)
