"""Scenes driven by events and intents; checks on state, rects and a few pixels."""

import pygame
import pytest

from game.app import App, Options
from game.core.model import Question
from game.core.questions import Bank
from game.core.scores import ScoreStore
from game.ui import intents as I
from game.ui.intents import Intent, translate
from game.ui.outcomes import GameOver
from game.ui.scenes.highscores import HighScoresScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.title import TitleScene


def bank(n=6, choices=4):
    qs = [Question(prompt=f"Question number {i}?", choices=tuple(f"Answer {i}.{c}" for c in range(choices)),
                   answer=f"Answer {i}.0", category="Cat A" if i % 2 else "Cat B",
                   difficulty="easy", explanation=f"Because {i}.") for i in range(n)]
    return Bank(questions=qs, files=["test.yaml"])


@pytest.fixture
def app(tmp_path):
    pygame.display.init()
    pygame.font.init()
    a = App(Options(count=3, seed=1, size=(1280, 720)), bank(), ScoreStore(tmp_path / "scores.json"))
    a.open_window()
    a.stack.push(TitleScene(a.ctx))
    yield a
    pygame.quit()


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def send(app, *events):
    """Each event as the loop takes it; then what the saver thread brings back (a table read, a save) is
    applied, as the loop does within a few frames."""
    for event in events:
        intent = translate(event, bool(app.stack.top and app.stack.top.wants_text))
        if intent is not None:
            app.dispatch(intent)
    app.wait_for_saves()


def draw(app):
    app.stack.draw(app.surface)
    return app.surface


def test_translation_of_keys_mouse_and_text():
    assert translate(key(pygame.K_3)) == Intent(I.CHOOSE, index=2)
    assert translate(key(pygame.K_c)) == Intent(I.CHOOSE, index=2)
    assert translate(key(pygame.K_RETURN)).kind == I.CONFIRM
    assert translate(key(pygame.K_SPACE)).kind == I.CONFIRM
    assert translate(key(pygame.K_ESCAPE)).kind == I.BACK
    assert translate(key(pygame.K_UP)) == Intent(I.MOVE, dy=-1)
    assert translate(key(pygame.K_F11)).kind == I.FULLSCREEN
    assert translate(key(pygame.K_c), text_mode=True) is None
    assert translate(pygame.event.Event(pygame.TEXTINPUT, text="é"), text_mode=True) == Intent(I.TEXT, text="é")
    assert translate(pygame.event.Event(pygame.TEXTINPUT, text="é")) is None
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 6), button=1)
    assert translate(click) == Intent(I.CLICK, pos=(5, 6))


def test_title_shows_menu_and_count_and_starts_a_game(app):
    title = app.stack.top
    assert isinstance(title, TitleScene)
    assert "6 questions loaded" in title._loaded_line()
    labels = [b.label for b in title.menu.buttons]
    assert labels[0] == "Play" and labels[1] == "Mode: Classic" and labels[4] == "Kinds: All"
    assert labels[5] == "High scores" and labels[6] == "Settings" and labels[7] == "Quit"
    draw(app)
    send(app, key(pygame.K_RETURN))
    assert isinstance(app.stack.top, PlayScene)


def test_title_works_with_the_mouse_alone(app):
    title = app.stack.top
    rect = title.menu.buttons[5].rect
    send(app, pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
    assert title.menu.focus == 5 and title.menu.buttons[5].hover
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1))
    assert isinstance(app.stack.top, HighScoresScene)
    back = app.stack.top.menu.buttons[1].rect
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=back.center, button=1))
    assert isinstance(app.stack.top, TitleScene)


def test_category_and_difficulty_filter(app):
    title = app.stack.top
    send(app, key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_RIGHT))
    assert app.options.category == "Cat A" and title.playable == 3
    send(app, key(pygame.K_DOWN), key(pygame.K_RIGHT), key(pygame.K_RIGHT))
    assert app.options.difficulty == "medium" and title.playable == 0
    assert not title.menu.buttons[0].enabled


def start(app):
    send(app, key(pygame.K_RETURN))
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    scene.update(1.0)  # past the answers' entrance (the clock is the session's, not this)
    return scene


def test_question_layout_fits_the_window(app):
    scene = start(app)
    width, height = app.size
    rects = [b.rect for b in scene.panel.buttons]
    assert len(rects) == 4
    for r in rects:
        assert pygame.Rect(0, 0, width, height).contains(r)
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.colliderect(b)
    assert scene.prompt_rect.bottom <= min(r.top for r in rects)


@pytest.mark.parametrize("how", ["digit", "letter", "arrows", "click"])
def test_every_way_of_answering(app, how):
    scene = start(app)
    target = scene.session.current.correct
    if how == "digit":
        send(app, key(pygame.K_1 + target))
    elif how == "letter":
        send(app, key(pygame.K_a + target))
    elif how == "arrows":
        row, col = divmod(target, scene.panel.columns)  # an unseen focus starts on A: the first arrow moves from it
        send(app, *[key(pygame.K_RIGHT)] * col, *[key(pygame.K_DOWN)] * row)
        if not target:
            send(app, key(pygame.K_RETURN))  # nothing moved: the first Enter shows the focus on A
        assert scene.panel.focus == target
        send(app, key(pygame.K_RETURN))
    else:
        pos = scene.panel.buttons[target].rect.center
        send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    assert scene.phase == "feedback" and scene.result.correct


def test_feedback_marks_chosen_and_correct_and_shows_explanation(app):
    scene = start(app)
    correct = scene.session.current.correct
    wrong = (correct + 1) % 4
    send(app, key(pygame.K_1 + wrong))
    assert scene.panel.buttons[correct].mark == "correct" and scene.panel.buttons[wrong].mark == "wrong"
    surface = draw(app)
    # The right answer's border is drawn in the "good" colour, the wrong pick's in "bad".
    good, bad = app.ctx.theme.palette.good, app.ctx.theme.palette.bad
    r = scene.panel.buttons[correct].rect
    assert surface.get_at((r.centerx, r.top + 1))[:3] == good
    r = scene.panel.buttons[wrong].rect
    assert surface.get_at((r.centerx, r.top + 1))[:3] == bad
    send(app, key(pygame.K_SPACE))
    assert scene.phase == "question" and scene.session.index == 1


def test_feedback_continues_by_itself(app):
    scene = start(app)
    send(app, key(pygame.K_1))
    app.stack.update(30.0)
    assert scene.phase == "question" and scene.session.index == 1


def test_escape_pauses_and_the_clock_stops(app):
    scene = start(app)
    send(app, key(pygame.K_ESCAPE))
    assert app.stack.top.name == "pause" and scene.session.paused
    before = scene.session.remaining()
    send(app, key(pygame.K_1))  # the pause overlay is modal
    assert scene.phase == "question"
    draw(app)
    send(app, key(pygame.K_ESCAPE))
    assert app.stack.top is scene and not scene.session.paused
    assert scene.session.remaining() <= before


def test_timeout_moves_to_feedback(app, monkeypatch):
    scene = start(app)
    scene.session.timer._started -= 100
    app.stack.update(0.016)
    assert scene.phase == "feedback" and scene.result.chosen is None


def test_results_count_up_repaints_only_the_number_and_ends_as_a_full_draw(app):
    scene = start(app)
    for _ in range(3):
        send(app, key(pygame.K_1 + scene.session.current.correct))
        send(app, key(pygame.K_RETURN))
    results = app.stack.top
    assert isinstance(results, ResultsScene) and results.animating()
    draw(app)
    area = results.animated_rect()
    assert area is not None and app.surface.get_rect().contains(area)
    assert area.height < app.surface.get_height() // 4  # one line, not the screen
    while results.animating():  # what the loop does while the number counts up
        results.update(0.1)
        results.draw_animated(app.surface)
    assert results.animated_rect() is None
    counted = app.surface.copy()
    whole = draw(app)
    assert pygame.image.tobytes(counted, "RGB") == pygame.image.tobytes(whole, "RGB")


def test_whole_game_to_results_and_name_entry_and_table(app):
    scene = start(app)
    for _ in range(3):
        send(app, key(pygame.K_1 + scene.session.current.correct))
        draw(app)
        send(app, key(pygame.K_RETURN))
    results = app.stack.top
    assert isinstance(results, ResultsScene) and results.rank == 1
    draw(app)
    send(app, key(pygame.K_RETURN))
    names = app.stack.top
    assert names.name == "name_entry" and names.wants_text
    send(app, *[key(pygame.K_BACKSPACE)] * 20)
    send(app, pygame.event.Event(pygame.TEXTINPUT, text="Zoë\x00 🚂"))
    assert names.value == "Zoë 🚂"
    draw(app)
    send(app, key(pygame.K_RETURN))
    table = app.stack.top
    assert isinstance(table, HighScoresScene)
    assert [e.name for e in table.table.board(table.board)] == ["Zoë 🚂"]
    assert table.highlight_ids() == {table.table.board(table.board)[0].id}
    draw(app)
    send(app, key(pygame.K_ESCAPE))
    assert isinstance(app.stack.top, ResultsScene)  # Back returns to the results (and the review)


def test_resize_reflows_at_800x600(app):
    scene = start(app)
    pygame.display.set_mode((800, 600), pygame.RESIZABLE)
    app.dispatch(Intent(I.RESIZE))
    for b in scene.panel.buttons:
        assert pygame.Rect(0, 0, 800, 600).contains(b.rect)
    assert app.ctx.metrics.scale >= 0.72
    draw(app)


def test_text_is_rendered_once_and_reused(app):
    start(app)
    draw(app)
    renders = app.ctx.text.renders
    draw(app)
    draw(app)
    # Only the countdown may change between frames.
    assert app.ctx.text.renders - renders <= 2


def test_a_bank_with_nothing_playable_gets_a_clear_title(tmp_path):
    pygame.display.init()
    pygame.font.init()
    a = App(Options(size=(1280, 720)), Bank(), ScoreStore(tmp_path / "s.json"))
    a.open_window()
    a.stack.push(TitleScene(a.ctx))
    title = a.stack.top
    assert not title.menu.buttons[0].enabled
    assert "No playable questions" in title._loaded_line()
    send(a, key(pygame.K_RETURN))  # focus moved off Play: nothing crashes
    draw(a)
    pygame.quit()


def test_naughty_names_draw_on_the_high_score_table(app):
    from conftest import naughty_strings
    from game.core.scores import clean_name, new_entry

    board = app.ctx.games.current_board()[0]
    names = [n for n in (clean_name(s) for s in naughty_strings()) if n]
    for i in range(0, len(names), 10):
        for j, name in enumerate(names[i:i + 10]):
            app.ctx.scores.store.save(new_entry(board, "naughty", name, 10_000 - i - j, 1, 3, 1.0))
        scene = HighScoresScene(app.ctx, board)
        app.stack.push(scene)
        draw(app)
        app.stack.pop()
    assert len(app.ctx.scores.store.read().table.board(board)) == 10


# -- modes, lifelines, hot-seat, review ------------------------------------------------------
def test_title_cycles_through_the_modes_and_player_counts(app):
    title = app.stack.top
    send(app, key(pygame.K_DOWN))
    seen = []
    for _ in range(8):
        seen.append((app.options.mode, app.options.players if app.options.mode == "hotseat" else 0))
        send(app, key(pygame.K_RIGHT))
    assert seen == [("classic", 0), ("sudden-death", 0), ("practice", 0), ("hotseat", 2), ("hotseat", 3),
                    ("hotseat", 4), ("party", 0)] + [("classic", 0)]
    send(app, key(pygame.K_LEFT), key(pygame.K_LEFT))  # back past Classic to the end of the list
    assert app.options.mode == "party" and title.menu.buttons[1].label == "Mode: Party"
    send(app, key(pygame.K_LEFT))
    assert app.options.mode == "hotseat" and title.menu.buttons[1].label == "Mode: Hot-seat, 4 players"


def test_lifelines_by_key_and_by_click(app):
    scene = start(app)
    session = scene.session
    send(app, key(pygame.K_h))
    removed = session.removed
    assert len(removed) == 2 and all(scene.panel.buttons[i].mark == "removed" for i in removed)
    assert scene.lifelines[0].label == "50:50 used" and not scene.lifelines[0].enabled
    # A removed choice can be neither chosen nor clicked.
    send(app, key(pygame.K_1 + removed[0]))
    rect = scene.panel.buttons[removed[1]].rect
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1))
    assert scene.phase == "question"
    # The arrows step over the removed choices.
    for _ in range(4):
        send(app, key(pygame.K_RIGHT))
        assert scene.panel.focus not in removed
    assert "−200 pts" in scene.lifelines[1].label
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=scene.lifelines[1].rect.center, button=1))
    assert session.limit == 30 and not scene.lifelines[1].enabled
    send(app, key(pygame.K_1 + session.current.correct))
    assert scene.result.lifelines == ("50:50", "+10 s") and scene.result.points <= 1000 - 400
    draw(app)


def test_a_focus_struck_out_by_50_50_moves_to_a_choice_left(app):
    """The play-test: after 50:50 took the focused choice, nothing looked focused and Enter only showed B."""
    scene = start(app)
    session = scene.session
    wrong = [i for i in range(len(scene.panel.buttons)) if i != session.current.correct]
    scene.panel.move_focus(0, 0)  # the focus shows (on A), then moves to a wrong choice as arrows would
    for step in [(1, 0), (0, 1), (-1, 0), (0, -1)] * 2:
        if scene.panel.focus in wrong:
            break
        send(app, key({(1, 0): pygame.K_RIGHT, (0, 1): pygame.K_DOWN, (-1, 0): pygame.K_LEFT,
                       (0, -1): pygame.K_UP}[step]))
    assert scene.panel.focus in wrong
    was = scene.panel.focus
    other = next(i for i in wrong if i != was)
    scene.panel.remove((was, other))  # what 50:50 does to the panel when it takes the focused choice
    focus = scene.panel.focus
    assert focus is not None and focus not in (was, other) and scene.panel.buttons[focus].focus
    send(app, key(pygame.K_RETURN))  # Enter answers the choice now in focus
    assert scene.phase == "feedback" and scene.result is not None


def test_practice_waits_for_the_player_and_saves_nothing(app):
    app.options.mode = "practice"
    scene = start(app)
    assert not scene.lifelines and not scene.animating()
    send(app, key(pygame.K_1 + scene.session.current.correct))
    scene.update(60.0)
    assert scene.phase == "feedback"  # no automatic next question in practice
    for _ in range(3):
        if scene.phase == "question":
            send(app, key(pygame.K_1))
        send(app, key(pygame.K_RETURN))
    results = app.stack.top
    assert isinstance(results, ResultsScene) and results.entry is None and "save" not in results.actions
    draw(app)


def play_hotseat(app, players=3):
    from game.ui.scenes.handover import HandoverScene
    from game.ui.scenes.players import PlayersScene

    app.options.mode, app.options.players = "hotseat", players
    send(app, key(pygame.K_RETURN))
    setup = app.stack.top
    assert isinstance(setup, PlayersScene) and setup.wants_text and len(setup.values) == players
    assert setup.values == [""] * players  # defaults are placeholders: typing replaces them
    send(app, pygame.event.Event(pygame.TEXTINPUT, text="Zoë"), key(pygame.K_TAB))
    for field in range(1, players):  # Enter moves to the next name, then starts from the last one
        assert setup.focus == field
        send(app, key(pygame.K_RETURN))
    assert isinstance(app.stack.top, HandoverScene)
    return setup


def test_hotseat_names_turns_handover_and_reveal(app):
    from game.ui.scenes.handover import HandoverScene

    play_hotseat(app, 3)
    assert app.options.player_names == ["Zoë", "PLAYER 2", "PLAYER 3"]
    session = app.ctx.games.session
    handover = app.stack.top
    assert handover.turn == 0 and session.paused  # the clock waits for the player
    draw(app)
    send(app, key(pygame.K_RETURN))
    play = app.stack.top
    assert isinstance(play, PlayScene) and not session.paused
    correct = session.current.correct
    send(app, key(pygame.K_1 + correct))
    # The next player gets the same question, and no hint of the first one's pick.
    assert isinstance(app.stack.top, HandoverScene) and app.stack.top.turn == 1
    assert "Zoë locked in an answer." == app.stack.top.note
    assert all(b.mark == "" for b in play.panel.buttons)
    send(app, key(pygame.K_RETURN), key(pygame.K_1 + (correct + 1) % 4))
    send(app, key(pygame.K_RETURN), key(pygame.K_1 + correct))
    assert play.phase == "feedback" and play.panel.buttons[correct].mark == "correct"
    assert play.panel.buttons[(correct + 1) % 4].mark == "wrong"
    picks = play.hotseat_picks()  # each player's pick set apart, never "Zoë: A ✓ +970PLAYER 2: …"
    assert picks.count(" · ") == 2 and picks.split(" · ")[1].startswith("PLAYER 2: ")
    draw(app)
    send(app, key(pygame.K_RETURN))
    assert isinstance(app.stack.top, HandoverScene) and app.stack.top.turn == 0


def drawn_text(app) -> list[str]:
    """The lines of text the screen shows, as drawn."""
    from game.ui.record import RecordingSurface

    surface = RecordingSurface(app.size, app.ctx.text)
    app.stack.draw(surface)
    surface.finish()
    return [line.text for line in surface.lines]


def test_hotseat_refuses_a_name_another_seat_has(app):
    """Two players called Ana (whatever the case and spacing) could not be told apart on the reveal: the
    players screen says which seat has the name and does not start, by Enter or by a click on Start."""
    from game.ui.scenes.handover import HandoverScene
    from game.ui.scenes.players import PlayersScene

    app.options.mode, app.options.players = "hotseat", 3
    send(app, key(pygame.K_RETURN))
    setup = app.stack.top
    assert isinstance(setup, PlayersScene)
    send(app, pygame.event.Event(pygame.TEXTINPUT, text="Ana"), key(pygame.K_TAB))
    for ch in " ANA  ":  # a space first (dropped), capitals, spaces after
        send(app, pygame.event.Event(pygame.TEXTINPUT, text=ch))
    refusal = "P1 is already Ana: choose another name for P2"
    assert refusal in " ".join(drawn_text(app))  # said as soon as it is typed
    send(app, key(pygame.K_RETURN), key(pygame.K_RETURN))  # to P3, then Start from the last seat
    assert app.stack.top is setup and setup.focus == 1 and setup.names[1].selected
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=setup.start.rect.center, button=1))
    assert app.stack.top is setup and refusal in " ".join(drawn_text(app))
    # Seat 3 left empty is "PLAYER 3": seat 2 may not take that name either.
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=setup.fields[1].center, button=1))
    send(app, pygame.event.Event(pygame.TEXTINPUT, text="player 3"))
    assert "P2 is already player 3: choose another name for P3" in " ".join(drawn_text(app))
    send(app, key(pygame.K_RETURN), key(pygame.K_RETURN))
    assert app.stack.top is setup and setup.focus == 2
    send(app, pygame.event.Event(pygame.TEXTINPUT, text="Bo"))
    assert "already" not in " ".join(drawn_text(app))
    send(app, key(pygame.K_RETURN))
    assert isinstance(app.stack.top, HandoverScene)
    assert [p.name for p in app.ctx.games.session.players] == ["Ana", "player 3", "Bo"]


@pytest.mark.parametrize("in_time, said", [((True, True, True), "Everyone has answered"),
                                           ((True, False, True), "2 of 3 answered in time"),
                                           ((False, False, False), "Time ran out for everyone")])
def test_hotseat_reveal_says_who_answered_in_time(app, in_time, said):
    """The reveal's banner is true when a player ran out of time (not "Everyone has answered")."""
    import random

    from game.core.session import Session
    from game.ui.scenes.handover import HandoverScene

    now = [0.0]
    app.ctx.games.session = session = Session(app.ctx.bank.questions, count=2, rng=random.Random(3), mode="hotseat",
                                    players=["Ana", "Bo", "Cy"], clock=lambda: now[0])
    play = PlayScene(app.ctx, session)
    app.stack.push(play)
    for seat, answers in enumerate(in_time):
        if isinstance(app.stack.top, HandoverScene):
            send(app, key(pygame.K_RETURN))  # I'm ready
        assert app.stack.top is play and session.turn == seat
        play.update(1.0)  # past the answers' entrance
        if answers:
            send(app, key(pygame.K_1 + session.current.correct))
        else:
            now[0] += session.limit + 1  # the clock runs out on this player
            play.update(0.1)
    assert play.phase == "feedback"
    shown = drawn_text(app)
    assert said in shown and ("Everyone has answered" in shown) == all(in_time)
    assert play.hotseat_picks().count("out of time") == in_time.count(False)


def finish_hotseat(app):
    play_hotseat(app, 2)
    for _ in range(app.ctx.games.session.total):
        for _ in range(2):
            send(app, key(pygame.K_RETURN), key(pygame.K_1 + app.ctx.games.session.current.correct))
        send(app, key(pygame.K_RETURN))
    return app.stack.top


def test_hotseat_play_again_keeps_the_players_and_the_title_offers_their_names(app):
    from game.ui.scenes.handover import HandoverScene
    from game.ui.scenes.players import PlayersScene

    podium = finish_hotseat(app)
    again = podium.actions.index("again")
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=podium.menu.buttons[again].rect.center, button=1))
    assert isinstance(app.stack.top, HandoverScene) and app.ctx.games.session.players[0].name == "Zoë"
    send(app, key(pygame.K_ESCAPE))  # the pause menu, over the hand-over screen
    send(app, key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_RETURN))  # Quit to title
    send(app, key(pygame.K_RETURN))  # yes, leave the game
    assert isinstance(app.stack.top, TitleScene)
    send(app, key(pygame.K_RETURN))
    assert isinstance(app.stack.top, PlayersScene) and app.stack.top.values == ["Zoë", ""]


def test_hotseat_ends_on_a_podium_that_saves_every_qualifying_player(app):
    from game.ui.scenes.podium import PodiumScene

    podium = finish_hotseat(app)
    assert isinstance(podium, PodiumScene) and podium.qualified == [0, 1]
    assert podium.menu.buttons[0].label == "Save 2 scores"
    draw(app)
    send(app, key(pygame.K_RETURN))
    table = app.stack.top
    assert isinstance(table, HighScoresScene) and len(table.highlight_ids()) == 2
    assert {e.name for e in table.table.board(table.board)} == {"Zoë", "PLAYER 2"}
    assert table.board.startswith("hotseat/")
    assert [row["saved"] for row in app.ctx.games.outcome["players"]] == [True, True]


def test_review_scrolls_with_keys_wheel_and_drag_and_fits_800x600(app):
    from game.ui.scenes.review import ReviewScene

    pygame.display.set_mode((800, 600), pygame.RESIZABLE)
    app.resized()
    app.options.count = 6
    start(app)
    for _ in range(6):
        send(app, key(pygame.K_1), key(pygame.K_RETURN))
    results = app.stack.top
    send(app, key(pygame.K_RIGHT), key(pygame.K_RETURN))
    review = app.stack.top
    assert isinstance(review, ReviewScene) and app.ctx.games.reviewed
    assert len(review.tops) == 6 and review.max_offset > 0
    screen = pygame.Rect(0, 0, 800, 600)
    assert screen.contains(review.view) and screen.contains(review.menu.buttons[0].rect)
    send(app, key(pygame.K_DOWN))
    assert review.offset > 0
    send(app, key(pygame.K_END))
    assert review.offset == review.max_offset
    send(app, key(pygame.K_HOME))
    assert review.offset == 0
    send(app, pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    wheel = review.offset
    assert wheel > 0
    start_pos = review.view.center
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start_pos, button=1),
         pygame.event.Event(pygame.MOUSEMOTION, pos=(start_pos[0], start_pos[1] - 50), rel=(0, -50), buttons=(1, 0, 0)),
         pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(start_pos[0], start_pos[1] - 50), button=1))
    assert review.offset == min(wheel + 50, review.max_offset)
    send(app, pygame.event.Event(pygame.MOUSEMOTION, pos=start_pos, rel=(0, 80), buttons=(0, 0, 0)))
    assert review.offset == min(wheel + 50, review.max_offset)  # no drag once the button is up
    send(app, key(pygame.K_PAGEUP), key(pygame.K_PAGEUP))
    assert review.offset == 0
    surface = draw(app)
    card = (review.view.left + 20, review.view.top + 4)  # the first card's panel, not the backdrop
    assert surface.get_at(card)[:3] == app.ctx.theme.palette.panel
    send(app, key(pygame.K_ESCAPE))
    assert app.stack.top is results


def test_title_kinds_button_cycles_what_kinds_are_played(app):
    title = app.stack.top
    kinds = title.menu.buttons[4]
    send(app, *[key(pygame.K_DOWN)] * 4)
    assert title.menu.focus == 4
    send(app, key(pygame.K_RIGHT))
    assert app.options.kinds == ("choice",) and kinds.label == "Kinds: Choice"
    send(app, key(pygame.K_RIGHT))
    assert app.options.kinds == ("truefalse",) and kinds.label == "Kinds: True/false"
    send(app, key(pygame.K_LEFT), key(pygame.K_LEFT))
    assert app.options.kinds is None and kinds.label == "Kinds: All"
    send(app, key(pygame.K_LEFT))
    assert kinds.label == "Kinds: No typing" and "type" not in app.options.kinds
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=kinds.rect.center, button=1))
    assert app.options.kinds is None  # a click moves on, wrapping round
    app.options.kinds = ("estimate", "order")  # as --kinds estimate,order sets it
    title._refresh()
    assert kinds.label == "Kinds: Estimate, Order"
    send(app, key(pygame.K_RIGHT), key(pygame.K_LEFT))
    assert app.options.kinds == ("estimate", "order")


@pytest.mark.parametrize("size,scale", [((800, 600), 2.0), ((800, 600), 1.0), ((1920, 1080), 2.0)])
def test_title_menu_with_kinds_fits(tmp_path, size, scale):
    from game.core.settings import Settings

    pygame.display.init()
    pygame.font.init()
    try:
        a = App(Options(count=3, seed=1, size=size), bank(), ScoreStore(tmp_path / "s.json"),
                settings=Settings(text_scale=scale))
        a.open_window()
        title = TitleScene(a.ctx)
        a.stack.push(title)
        a.options.kinds = ("choice", "truefalse", "estimate", "order")
        title._refresh()
        screen = pygame.Rect(0, 0, *size)
        rects = [b.rect for b in title.menu.buttons]
        size_px = title.menu.fitting_size(a.ctx, title.button_size)
        assert size_px >= title.button_size * 0.8
        for button in title.menu.buttons:
            assert screen.contains(button.rect)
            assert a.ctx.text.width(button.label, size_px, True) <= button.rect.width, button.label
        for i, r in enumerate(rects):
            assert not any(r.colliderect(o) for o in rects[i + 1:])
        assert max(r.bottom for r in rects) <= title.info_rect.top
    finally:
        pygame.quit()


def test_kinds_choose_what_is_played(app):
    title = app.stack.top
    app.options.kinds = ("truefalse",)
    title._refresh()
    assert title.playable == 0 and not title.menu.buttons[0].enabled  # the test bank is all multiple choice
    assert "change the category, difficulty or kinds" in title._loaded_line()
    app.options.kinds = ("choice",)
    title._refresh()
    assert title.playable == 6
    assert "kinds: Choice" in app.ctx.games.current_board()[1]


def test_key_hints_name_the_choices_that_are_there(tmp_path):
    """Four choices say 1–4 or A–D (not 1–6 or A–F); after a 50:50 only the two left; a typed question says
    that keys go into the box and how its lifelines are used."""
    pygame.display.init()
    pygame.font.init()
    try:
        a = App(Options(count=3, seed=1, size=(1920, 1080)), bank(), ScoreStore(tmp_path / "s.json"))
        a.open_window()
        a.stack.push(TitleScene(a.ctx))
        scene = start(a)
        draw(a)
        assert scene.shown_hints[0].startswith("1–4 or A–D") and "A–F" not in scene.shown_hints[0]
        send(a, key(pygame.K_h))
        left = [i for i in range(4) if i not in scene.session.removed]
        draw(a)
        digits, letters = ", ".join(str(i + 1) for i in left), ", ".join("ABCD"[i] for i in left)
        assert scene.shown_hints[0].startswith(f"{digits} or {letters},") and "1–4" not in scene.shown_hints[0]
        six = App(Options(count=3, seed=1, size=(1920, 1080)), bank(choices=6), ScoreStore(tmp_path / "t.json"))
        six.open_window()
        six.stack.push(TitleScene(six.ctx))
        assert start(six).panel.hints()[0].startswith("1–6 or A–F")
        typed = Question("Which country?", (), "Norway", kind="type", also=("Noreg",))
        t = App(Options(count=1, seed=1, size=(1280, 720)), Bank(questions=[typed], files=["t.yaml"]),
                ScoreStore(tmp_path / "u.json"))
        t.open_window()
        t.stack.push(TitleScene(t.ctx))
        scene = start(t)
        draw(t)
        assert "1–" not in " ".join(scene.shown_hints)
        assert "type into the box" in scene.shown_hints[1] and "click" in scene.shown_hints[1]
        assert not any("(T)" in b.label or "(H)" in b.label for b in scene.lifelines)  # T and H are letters here
    finally:
        pygame.quit()


@pytest.mark.parametrize("size", [(800, 600), (1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_large_text_keeps_how_to_answer_in_the_key_hints(tmp_path, size):
    """At 200 % text an order question's hints said only "T +10 s · Esc pauses": the lifelines' keys and
    "Esc pauses" give way first; how to answer each kind stays."""
    import random

    from game.core.session import Session
    from game.core.settings import Settings
    from game.ui.scenes.play import PlayScene
    from tests.test_layout import kinds_bank

    pygame.display.init()
    pygame.font.init()
    try:
        a = App(Options(count=1, seed=1, size=size), kinds_bank(), ScoreStore(tmp_path / "s.json"),
                settings=Settings(text_scale=2.0))
        a.open_window()
        for question in a.ctx.bank.questions + bank().questions[:1]:
            a.ctx.games.session = Session([question], count=1, rng=random.Random(1))
            scene = PlayScene(a.ctx, a.ctx.games.session)
            a.stack.clear_to(scene)
            scene.update(1.0)
            draw(a)
            ways = scene.panel.hints()
            assert any(way in scene.shown_hints[0] for way in ways), (question.kind, scene.shown_hints)
    finally:
        pygame.quit()


def test_the_first_arrow_moves_from_where_an_unseen_focus_starts(app):
    """→ then ↓ on a 2×2 grid lands on D (the first press moves from A, it does not only show the focus)."""
    scene = start(app)
    assert scene.panel.columns == 2 and scene.panel.focus is None
    send(app, key(pygame.K_RIGHT))
    assert scene.panel.focus == 1 and scene.panel.buttons[1].focus
    send(app, key(pygame.K_DOWN))
    assert scene.panel.focus == 3
    send(app, key(pygame.K_RETURN))
    assert scene.phase == "feedback" and scene.result.chosen == 3


def test_saved_at_shows_only_on_the_board_it_was_saved_on(app):
    """Browsing other boards after saving: "Saved at #1." stays with its own board."""
    from game.core.scores import new_entry

    board = app.ctx.games.current_board()[0]
    other = "practice/other-board"
    app.ctx.scores.store.save(new_entry(other, "other", "Ann", 500, 1, 3, 1.0))
    result = app.ctx.scores.store.save(new_entry(board, "mine", "Zoë", 900, 2, 3, 1.0))
    scene = HighScoresScene(app.ctx, board, result)
    app.stack.push(scene)
    app.wait_for_saves()
    assert scene.board == board and scene.notes()[0] == "Saved at #1."
    draw(app)
    send(app, key(pygame.K_RIGHT))
    assert scene.board != board and not any(n.startswith("Saved") for n in scene.notes())
    draw(app)
    send(app, key(pygame.K_LEFT))
    assert scene.board == board and scene.notes()[0] == "Saved at #1."


def test_the_score_file_is_read_and_written_only_by_the_saver_thread(app, monkeypatch):
    """No file lock and no score-file read on the game thread: the results' rank and personal best, the
    name entry's offered name, the table and the save all go through the one worker (game/saves.py)."""
    import threading

    from game.core.scores import ScoreStore

    threads = []
    for method in ("read", "save"):
        real = getattr(ScoreStore, method)

        def spy(self, *args, _real=real, **kwargs):
            threads.append(threading.current_thread())
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(ScoreStore, method, spy)
    scene = start(app)
    for _ in range(3):
        send(app, key(pygame.K_1 + scene.session.current.correct), key(pygame.K_RETURN))
    assert isinstance(app.stack.top, ResultsScene) and app.stack.top.rank == 1
    send(app, key(pygame.K_RETURN))  # Save score: the name entry offers the last name
    send(app, key(pygame.K_RETURN))  # keep it
    assert isinstance(app.stack.top, HighScoresScene) and app.stack.top.highlight_ids()
    assert len(threads) >= 4 and threading.main_thread() not in threads


def test_a_screen_says_it_is_reading_the_scores_until_the_table_comes(app, monkeypatch):
    """A slow or locked score file never stalls a frame: the table shows "Reading the scores…" (and
    screenshots and the bot wait, as settled() is False) until the worker brings the table back."""
    import threading

    from game.core.scores import ScoreStore, new_entry

    board = app.ctx.games.current_board()[0]
    app.ctx.scores.store.save(new_entry(board, "mine", "Zoë", 900, 2, 3, 1.0))
    go = threading.Event()
    real = ScoreStore.read
    monkeypatch.setattr(ScoreStore, "read", lambda self, *a, **k: go.wait(10) and real(self, *a, **k))
    scene = HighScoresScene(app.ctx, board)
    app.stack.push(scene)
    assert not scene.settled() and "Reading the scores…" in drawn_text(app)
    assert not app.saves.drain() and not scene.settled()  # nothing back yet: the frame goes on
    go.set()
    app.wait_for_saves()
    assert scene.settled() and "Zoë" in drawn_text(app) and "Reading the scores…" not in drawn_text(app)


def test_enter_on_the_results_before_the_table_comes_saves_once_it_does(app, monkeypatch):
    """A player quick on Enter is not sent to the review: the first button (likely "Save score") waits
    for the table, then does what it says."""
    import threading

    from game.core.scores import ScoreStore

    scene = start(app)
    for _ in range(3):
        send(app, key(pygame.K_1 + scene.session.current.correct), key(pygame.K_RETURN))
    results = app.stack.top
    assert isinstance(results, ResultsScene) and not results.reading
    go = threading.Event()
    real = ScoreStore.read
    monkeypatch.setattr(ScoreStore, "read", lambda self, *a, **k: go.wait(10) and real(self, *a, **k))
    app.ctx.flow.go(GameOver(scene.session))  # the same results again, the table slow to come
    results = app.stack.top
    assert results.reading and results.menu.buttons[0].label == "Save score"
    assert "Reading the scores…" in drawn_text(app)
    app.dispatch(Intent(I.CONFIRM))
    assert app.stack.top is results  # waiting for the table
    go.set()
    app.wait_for_saves()
    assert app.stack.top.name == "name_entry"
