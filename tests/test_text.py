"""Any text renders without crashing: the naughty strings, control characters, emoji, RTL."""

import pygame
import pytest

from conftest import naughty_strings
from game import paths
from game.core.model import Question
from game.ui.outcomes import Play
from game.ui.text import Text, displayable
from game.ui.theme import Theme

ODD = ["", "\u200b", "\ufeff", "\x00", "a\x00b", "\ud800", "👩‍👩‍👧‍👦🚂", "עברית مرحبا", "Z̤͔ͧ̑̓ä͖̭̈̇lg̭", "\t\n\r",
       "x" * 5000, "\u202e reversed"]


def game_text() -> Text:
    """The faces the game uses, as the app loads them."""
    theme = Theme()
    return Text(paths.asset(theme.font_regular), paths.asset(theme.font_bold),
                emoji=(paths.asset(theme.font_emoji), paths.asset(theme.font_emoji_bold)))


@pytest.fixture(scope="module")
def text():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((320, 200))
    yield game_text()
    pygame.quit()


def test_displayable_drops_control_characters():
    assert displayable("a\x00b\x07c") == "abc"
    assert displayable("tab\there") == "tab here"
    assert displayable("\ud800") == "\ufffd"
    assert displayable("plain") == "plain"


@pytest.mark.parametrize("value", ODD)
def test_odd_strings_render_and_wrap(text, value):
    surface = text.render(value, 24, (255, 255, 255))
    assert surface.get_height() > 0
    for line in text.wrap(value, 24, 200):
        assert text.width(line, 24) <= 200 or len(line) == 1


def test_all_naughty_strings_render_wrap_and_draw_in_a_question(text):
    from game.ui.theme import metrics_for
    from game.ui.widgets import ChoiceButton

    strings = naughty_strings()
    assert len(strings) > 500
    screen = pygame.display.get_surface()
    m = metrics_for(1280, 720)
    for value in strings:
        text.render(value, 30, (255, 255, 255), bold=True)
        text.wrap(value, 30, 300)
        button = ChoiceButton(pygame.Rect(10, 10, 300, 80), 0, value)
        button.draw(screen, Theme(), text, m)


# -- a word that must break breaks with a hyphen (issue 19.7) ---------------------------------------------------------
def _fits(text, lines, width, size=24):
    return all(text.width(line, size) <= width for line in lines)


def test_a_hyphenated_word_breaks_after_its_own_hyphen(text):
    width = text.width("The artificial-", 24) + 2
    lines = text.wrap("The artificial-intelligence of the train", 24, width)
    assert lines[:2] == ["The artificial-", "intelligence"] and _fits(text, lines, width)
    # Alone on a line too narrow for the whole word: still at its hyphen, nowhere else.
    lines = text.wrap("artificial-intelligence", 24, text.width("intelligence", 24) + 2)
    assert lines == ["artificial-", "intelligence"]


def test_a_word_broken_mid_word_gets_a_hyphen_and_loses_no_letter(text):
    word = "Lauterbrunnenvalleyrailwaybridge"
    width = text.width(word[:12], 24)
    lines = text.wrap(f"{word} ends", 24, width)
    assert len(lines) > 2 and _fits(text, lines, width) and lines[-1].endswith("ends")
    pieces = " ".join(lines).split()[:-1]
    assert all(piece.endswith("-") and piece[-2].isalpha() for piece in pieces[:-1])
    assert "".join(piece[:-1] for piece in pieces[:-1]) + pieces[-1] == word  # every letter, in order
    assert all(len(piece.strip("-")) > 1 for piece in pieces)  # never one letter alone


def test_numbers_and_signs_break_without_a_made_up_hyphen(text):
    number = "1234567890" * 4
    lines = text.wrap(number, 24, text.width("1234567", 24))
    assert "".join(lines) == number and not any("-" in line for line in lines)


def test_a_line_narrower_than_one_letter_still_loses_nothing(text):
    assert "".join(text.wrap("a--b--c", 24, 3)) == "a--b--c"
    assert "" not in text.wrap("wide words here", 24, 3)


def test_the_cache_returns_the_same_surface(text):
    a = text.render("Hello", 24, (1, 2, 3))
    b = text.render("Hello", 24, (1, 2, 3))
    assert a is b


def test_missing_font_file_falls_back_to_pygames_own():
    pygame.font.init()
    fallback = Text(None, paths.asset("fonts", "missing.ttf"))
    assert fallback.render("ok", 20, (0, 0, 0), bold=True).get_width() > 0


def test_questions_with_naughty_text_play_through_the_scenes(tmp_path):
    from game.app import App, Options
    from game.core.questions import Bank
    from game.core.scores import ScoreStore
    from game.ui.scenes.title import TitleScene

    strings = [s for s in naughty_strings() if s.strip()][:120]
    qs = [Question(prompt=s, choices=(s, f"{s} (no)"), answer=s, explanation=s, category=s[:20] or None)
          for s in strings]
    pygame.display.init()
    pygame.font.init()
    app = App(Options(count=len(qs), seed=3, size=(800, 600)), Bank(questions=qs, files=["x"]),
              ScoreStore(tmp_path / "s.json"))
    app.open_window()
    app.stack.push(TitleScene(app.ctx))
    app.flow.go(Play())
    scene = app.stack.top
    for _ in range(len(qs)):
        app.stack.draw(app.surface)
        scene._answer(0)
        app.stack.draw(app.surface)
        scene._continue()
    assert app.stack.top.name == "results"
    app.stack.draw(app.surface)
    pygame.quit()


def ink(surface) -> bytes:
    """The rendered text's pixels (alpha only: where the ink is)."""
    return pygame.image.tobytes(surface, "RGBA")[3::4]


@pytest.mark.parametrize("bold", [False, True])
def test_emoji_in_a_name_are_drawn_and_tell_players_apart(bold):
    """The text face has no glyph for most emoji: they were all one empty box, so "Ana 🚂" and "Ana 🚋" looked
    the same on the big screen. The emoji face draws them, on the text's baseline, in the text's colour."""
    pygame.font.init()
    text = game_text()
    names = ["Ana 🚂", "Ana 🚋", "Ana 🎬", "Ana ❤️", "Ana 👨‍👩‍👧", "Ana 🇳🇴"]
    images = [text.render(name, 30, (250, 200, 90), bold) for name in names]
    assert len({ink(image) for image in images}) == len(names)  # every one different
    plain = text.render("Ana", 30, (250, 200, 90), bold)
    for name, image in zip(names, images, strict=True):
        assert image.get_height() == plain.get_height(), name  # the line keeps its height
        assert image.get_width() > plain.get_width() + 15, name  # the emoji takes room (not zero-width)
        emoji = image.subsurface((plain.get_width() + 4, 0, image.get_width() - plain.get_width() - 4,
                                  image.get_height()))
        colours = {emoji.get_at((x, y))[:3] for x in range(emoji.get_width()) for y in range(emoji.get_height())
                   if emoji.get_at((x, y))[3] == 255}
        assert colours == {(250, 200, 90)}, name  # drawn in the text's colour
    assert text.width("Ana 🚂", 30, bold) == images[0].get_width()  # layout measures what is drawn


def test_the_text_face_draws_what_it_has():
    """Accented letters and ticks stay in the text face; the emoji face only fills its gaps."""
    from game.ui.glyphs import codepoints, runs

    theme = Theme()
    main = codepoints(paths.asset(theme.font_bold))
    emoji = codepoints(paths.asset(theme.font_emoji_bold))
    assert ord("ë") in main and 0x1F682 not in main and 0x1F682 in emoji
    assert runs("Zoë ✓", main, emoji) == [("Zoë ✓", False)]
    assert runs("Zoë 🚂!", main, emoji) == [("Zoë ", False), ("🚂", True), ("!", False)]
    assert runs("❤️x", main, emoji) == [("❤️", True), ("x", False)]  # asked to be an emoji: the emoji face
    assert runs("👨‍👩‍👧", main, emoji) == [("👨‍👩‍👧", True)]  # joined: one run, one glyph
    assert runs("李", main, emoji) == [("李", False)]  # in neither: as before
    assert codepoints(paths.asset("fonts", "missing.ttf")) is None
    assert runs("🚂", None, emoji) == [("🚂", False)]
