"""What a new player tripped over (issue 15): names, points, review, pause, settings, boards, messages.

Scenes are driven by the events a player makes; the core without pygame.
"""

from contextlib import contextmanager

import pygame

from game.core import scoring
from game.core.scores import new_entry
from game.ui.outcomes import Play, ToTitle
from game.ui.scenes.results import ResultsScene
from tests.test_scenes import app, bank, draw, drawn_text, key, send, start  # noqa: F401  (the fixture)


def click(app, pos):
    send(app, pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))


def play_through(app, right=True):
    """Answer every question of the game (right, or all wrong) and land on the results."""
    scene = start(app)
    while isinstance(app.stack.top, type(scene)):
        current = scene.session.current
        pick = current.correct if right else (current.correct + 1) % len(current.choices)
        send(app, key(pygame.K_1 + pick))
        send(app, key(pygame.K_RETURN))
    return app.stack.top


# -- 3. the points line adds up ---------------------------------------------------------------------------
def test_feedback_review_and_results_say_what_the_score_rose_by(app):
    scene = start(app)
    session = scene.session
    send(app, key(pygame.K_1 + session.current.correct))
    send(app, key(pygame.K_RETURN))
    send(app, key(pygame.K_h))  # a 50:50 on the second question, answered right: a streak bonus and a cost
    before = session.score
    send(app, key(pygame.K_1 + session.current.correct))
    added = session.score - before
    result = scene.result
    assert result.bonus == 100 and result.lifelines == ("50:50",)
    head, _ = scene._headline(result)
    speed = scoring.speed_points(result.elapsed, result.limit)
    assert head == f"✓ Right in {result.elapsed:.1f} s! +{added} points: {speed:,} for speed, +100 streak bonus, " \
                   f"−200 for one lifeline"
    assert speed + 100 - 200 == added
    draw(app)
    send(app, key(pygame.K_RETURN))
    send(app, key(pygame.K_1 + session.current.correct))
    send(app, key(pygame.K_RETURN))
    results = app.stack.top
    assert isinstance(results, ResultsScene)
    from game.ui.scenes.review import ReviewScene

    review = ReviewScene(app.ctx, session)
    meta = [review._answer_lines(a)[1] for a in session.answers]
    assert f"+{added:,} points: {speed:,} for speed, +100 streak bonus, −200 for one lifeline" in meta[1]
    assert meta[1].count("points") == 1
    assert sum(a.total for a in session.answers) == session.score
    made = scoring.game_points_text(session.answers)
    assert " streak bonus, −200 for one lifeline" in made and made.endswith("lifeline")
    for _ in range(40):  # the score counts up first
        results.update(0.05)
    shown = "".join("".join(line.split()) for line in drawn_text(app))
    assert "".join(made.split()) in shown  # the results' line, as drawn
    draw(app)


# -- 2. names are names ------------------------------------------------------------------------------------
def type_text(app, text):
    send(app, *[pygame.event.Event(pygame.TEXTINPUT, text=ch) for ch in text])  # one event per key, as typed


def test_name_field_keeps_inner_spaces_and_replaces_an_offered_name():
    from game.core.scores import NameField

    field = NameField.offering("  ANNA ")
    assert field.value == "ANNA" and field.selected
    for ch in " Zoë Tester ":
        field.type(ch)
    assert field.value == "Zoë Tester " and field.name == "Zoë Tester"  # the ends are trimmed at save only
    field = NameField.offering("BOB")
    field.erase()
    assert field.value == "" and not field.selected
    field.type("x" * 40)
    assert len(field.value) == 16


def test_single_player_name_is_saved_with_its_spaces_and_typing_replaces_the_offer(app):
    app.ctx.scores.store.save(new_entry("x/1/0", "", "OLDNAME", 1, 1, 1, 1.0))  # the last name saved is offered
    results = play_through(app)
    send(app, key(pygame.K_RETURN))  # Save score
    names = app.stack.top
    assert names.name == "name_entry" and names.value == "OLDNAME" and names.field.selected
    draw(app)
    type_text(app, "Zoë Tester")
    assert names.value == "Zoë Tester"
    send(app, key(pygame.K_RETURN))
    table = app.stack.top
    assert [e.name for e in table.table.board(table.board)] == ["Zoë Tester"]
    assert results.entry is not None


def test_hotseat_seats_offer_last_names_selected(app):
    app.options.mode, app.options.players = "hotseat", 2
    app.options.player_names = ["Ann Lee", "Bo"]
    send(app, key(pygame.K_RETURN))
    seats = app.stack.top
    assert seats.name == "players" and seats.values == ["Ann Lee", "Bo"] and seats.names[0].selected
    draw(app)
    type_text(app, "Zoë Tester")
    send(app, key(pygame.K_TAB))
    assert seats.names[1].selected  # the focus came to the second seat: its name is selected
    type_text(app, "Al B")
    send(app, key(pygame.K_RETURN))
    assert app.options.player_names == ["Zoë Tester", "Al B"]


# -- 4. review is always reachable -----------------------------------------------------------------------
def test_back_from_the_table_after_saving_returns_to_the_results_and_the_review(app):
    results = play_through(app)
    send(app, key(pygame.K_RETURN))  # Save score
    send(app, key(pygame.K_RETURN))  # keep the offered name
    assert app.stack.top.name == "highscores"
    draw(app)
    send(app, key(pygame.K_ESCAPE))
    assert app.stack.top is results
    assert results.actions[0] == "scores" and results.menu.buttons[0].label == "High scores"  # no second save
    assert "Saved: #1" in results_note(app, results)
    send(app, key(pygame.K_RIGHT), key(pygame.K_RETURN))  # Review
    assert app.stack.top.name == "review"
    send(app, key(pygame.K_ESCAPE))
    assert app.stack.top is results


def test_leaving_the_results_with_an_unsaved_top_ten_score_asks_first(app):
    """The play-test: Esc on "A top-10 score: #1 ... Save it with your name" went to the title; the score was lost."""
    results = play_through(app)
    app.wait_for_saves()
    assert results.unsaved_place() == 1
    send(app, key(pygame.K_ESCAPE))
    assert app.stack.top.name == "confirm"
    send(app, key(pygame.K_ESCAPE))  # Stay
    assert app.stack.top is results
    send(app, key(pygame.K_RETURN))  # Save score
    send(app, key(pygame.K_RETURN))  # keep the offered name
    send(app, key(pygame.K_ESCAPE))  # back from the table
    assert app.stack.top is results and results.unsaved_place() is None
    send(app, key(pygame.K_ESCAPE))  # saved: nothing to ask
    assert app.stack.top.name == "title"


@contextmanager
def words(app, method="wrap"):
    """Every text the screen hands to ``app.ctx.text.<method>`` while the block runs (what it says)."""
    seen = []
    real = getattr(app.ctx.text, method)

    def spy(content, *args, **kwargs):
        seen.append(content)
        return real(content, *args, **kwargs)

    setattr(app.ctx.text, method, spy)
    try:
        yield seen
    finally:
        setattr(app.ctx.text, method, real)


def results_note(app, results):
    """The words the results screen draws (its note under the numbers)."""
    with words(app) as seen:
        draw(app)
    return " ".join(seen)


# -- 7. the right words at the end ----------------------------------------------------------------------------
def test_a_game_with_no_right_answers_is_not_offered_the_board(app):
    results = play_through(app, right=False)
    assert results.session.score == 0 and results.rank is None
    assert results.actions[0] == "scores"
    note = results_note(app, results)
    assert "no right answers does not go on the high-score board" in note and "top-10" not in note


def test_no_place_without_right_answers_or_points():
    from game.core.scores import Table, earns_a_place

    zero = new_entry("b", "", "Z", 0, 0, 3, 9.0)
    none_right = new_entry("b", "", "N", 120, 0, 3, 9.0)  # a close answer's points, no right answer
    assert not earns_a_place(zero) and not earns_a_place(none_right)
    assert Table().rank_of(zero) is None and Table().rank_of(none_right) is None
    assert Table().rank_of(new_entry("b", "", "R", 600, 1, 3, 9.0)) == 1


# -- 5. pause hides the question -------------------------------------------------------------------------------
def drawn_note(app):
    return " ".join(app.stack.top.note_lines)


def test_pause_hides_the_question_in_timed_modes(app):
    for mode in ("classic", "sudden-death"):
        app.flow.go(ToTitle())
        app.options.mode = mode
        scene = start(app)
        send(app, key(pygame.K_ESCAPE))
        pause = app.stack.top
        assert pause.name == "pause" and pause.opaque and "clock is stopped" in drawn_note(app)
        surface = draw(app)
        # Where the first choice and the prompt were, only the background shows.
        backdrop = pygame.Surface(surface.get_size())
        app.ctx.backdrop.draw(backdrop)
        for spot in (scene.panel.buttons[0].rect.midleft, scene.panel.buttons[-1].rect.midright,
                     scene.prompt_rect.midleft):
            if not pause.panel.collidepoint(spot):
                assert surface.get_at(spot) == backdrop.get_at(spot), (mode, spot)


def test_practice_pause_does_not_talk_of_a_clock(app):
    app.options.mode = "practice"
    start(app)
    send(app, key(pygame.K_ESCAPE))
    assert app.stack.top.name == "pause" and not app.stack.top.opaque
    assert "clock" not in drawn_note(app).lower()
    draw(app)


# -- 6. settings by mouse --------------------------------------------------------------------------------------
def test_settings_arrows_lower_and_raise_every_setting_and_a_click_on_the_row_steps_forward(app):
    from game.ui.scenes import settings as S

    def aim(where):
        """The pointer goes to ``where`` and clicks (a screen laid out anew on the way: the place looked up
        again when the pointer gets there)."""
        send(app, pygame.event.Event(pygame.MOUSEMOTION, pos=where(), rel=(1, 1), buttons=(0, 0, 0)))
        click(app, where())

    app.ctx.prefs.settings = app.ctx.prefs.saved = app.ctx.settings.changed(volume=80)
    app.stack.push(S.SettingsScene(app.ctx))
    scene = app.stack.top
    draw(app)
    for row, field in enumerate(S.FIELDS):
        values = S.CHOICES[field]
        start_value = getattr(app.ctx.settings, field)
        here = values.index(start_value)
        aim(lambda row=row: scene.arrows[row][1].center)
        assert getattr(app.ctx.settings, field) == values[min(here + 1, len(values) - 1) if field == "volume"
                                                      else (here + 1) % len(values)], field
        aim(lambda row=row: scene.arrows[row][0].center)
        assert getattr(app.ctx.settings, field) == start_value, field
        aim(lambda row=row: scene.arrows[row][0].center)
        assert getattr(app.ctx.settings, field) == values[max(here - 1, 0) if field == "volume"
                                                      else (here - 1) % len(values)], field
        aim(lambda row=row: scene.arrows[row][1].center)
        # A click on the row's name steps forward.
        aim(lambda row=row: (scene.menu.buttons[row].rect.left + app.ctx.metrics.px(30),
                             scene.menu.buttons[row].rect.centery))
        assert values.index(getattr(app.ctx.settings, field)) == min(here + 1, len(values) - 1) if field == "volume" \
            else (here + 1) % len(values)
        draw(app)
    assert app.ctx.settings.volume == 90
    aim(lambda: scene.arrows[S.VOLUME][0].center)
    assert app.ctx.settings.volume == 80  # ◀ lowers the volume (it raised it before)


# -- 8. toasts never cover controls ---------------------------------------------------------------------------------
def test_a_notice_never_covers_what_can_be_clicked(app):
    from game.ui.widgets import draw_toast

    checked = 0
    for size, scale in (((1280, 720), 1.0), ((800, 600), 1.0), ((1280, 720), 2.0), ((800, 600), 2.0)):
        app.ctx.prefs.settings = app.ctx.settings.changed(text_scale=scale)
        app.ctx.prefs.apply()
        pygame.display.set_mode(size)
        app.resized()
        app.flow.go(ToTitle())
        scene = start(app)  # a question with the 50:50 and +10 s buttons under the choices
        send(app, key(pygame.K_m))  # "Sound off (M turns it on)"
        for top in (scene,):
            controls = top.controls()
            assert any(r == top.lifelines[1].rect for r in controls) and len(controls) >= 6
            surface = draw(app)
            pill = draw_toast(surface, app.ctx, app.notice, controls)
            assert pill.collidelist(controls) == -1, (size, scale)
            assert surface.get_rect().contains(pill)
            checked += 1
        app.flow.go(ToTitle())
        pill = draw_toast(draw(app), app.ctx, "A controller was plugged in", app.stack.top.controls())
        assert pill.collidelist(app.stack.top.controls()) == -1
    assert checked == 4


# -- 9. F11 is not "focus lost" ---------------------------------------------------------------------------------------
def test_f11_during_a_question_does_not_pause_but_leaving_the_window_does(app):
    scene = start(app)
    send(app, key(pygame.K_F11))
    send(app, pygame.event.Event(pygame.WINDOWFOCUSLOST))  # the window was recreated by our own F11
    assert app.stack.top is scene and not scene.session.paused
    send(app, key(pygame.K_F11))
    app.own_window_change = 0  # the passes after F11 are over (the loop counts them down)
    send(app, pygame.event.Event(pygame.WINDOWFOCUSLOST))  # the player switched to another window
    assert app.stack.top.name == "pause" and scene.session.paused


def test_the_loop_counts_down_the_passes_after_f11(app):
    app.toggle_fullscreen()
    app.toggle_fullscreen()
    assert app.own_window_change == app.OWN_CHANGE_PASSES
    app.run(max_frames=app.OWN_CHANGE_PASSES + 1)
    assert app.own_window_change == 0


# -- 10. Esc does not end the game by accident ------------------------------------------------------------------------
def test_esc_on_the_title_asks_before_quitting(app):
    app.running = True
    send(app, key(pygame.K_ESCAPE))
    assert app.stack.top.name == "confirm" and app.running
    draw(app)
    send(app, key(pygame.K_ESCAPE))  # Esc cancels
    assert app.stack.top.name == "title" and app.running
    send(app, key(pygame.K_ESCAPE), key(pygame.K_RETURN))  # Enter confirms
    assert not app.running
    # The Quit button asks the same question; a click on Stay keeps the game open.
    app.running = True
    title = app.stack.top
    click(app, title.menu.buttons[-1].rect.center)
    confirm = app.stack.top
    assert confirm.name == "confirm"
    click(app, confirm.menu.buttons[1].rect.center)
    assert app.stack.top is title and app.running


def test_quit_to_title_during_a_game_asks_once(app):
    scene = start(app)
    send(app, key(pygame.K_ESCAPE))
    pause = app.stack.top
    send(app, key(pygame.K_UP), key(pygame.K_RETURN))  # Quit to title
    assert app.stack.top.name == "confirm"
    draw(app)
    send(app, key(pygame.K_ESCAPE))  # Esc cancels: back on the pause menu, the game still there
    assert app.stack.top is pause and scene.session.paused
    send(app, key(pygame.K_RETURN))  # (the focus stayed on Quit to title)
    send(app, key(pygame.K_RETURN))  # Enter confirms
    assert app.stack.top.name == "title"


# -- 12. messages that count right -----------------------------------------------------------------------------------
SIX = "questions:\n" + "".join(f"  - prompt: Question {i}?\n    choices: [a, b]\n    answer: a\n" for i in range(6))


def test_a_file_dropped_for_a_syntax_error_is_said_to_be_unread_not_zero_skipped(tmp_path):
    from game.core.questions import load_files

    broken = tmp_path / "broken.yaml"
    broken.write_text(SIX + "  - prompt: [unclosed\n")
    good = tmp_path / "good.yaml"
    good.write_text(SIX.replace("Question", "Other"))
    bank = load_files([broken, good])
    assert len(bank.questions) == 6 and bank.unread == [str(broken)]
    assert bank.summary() == "6 questions usable, 0 skipped; 1 file could not be read (nothing in it was loaded)"


def test_validate_and_start_up_count_right(tmp_path):
    from conftest import run_cli

    broken = tmp_path / "broken.yaml"
    broken.write_text(SIX + "  - prompt: [unclosed\n")
    result = run_cli("validate", broken, timeout=60)
    assert result.returncode == 1
    assert "0 questions usable, 0 skipped" not in result.stdout
    assert "1 file could not be read (nothing in it was loaded)" in result.stdout
    # Seven problems: the start-up notice lists five and says how many more.
    bad = tmp_path / "bad.yaml"
    bad.write_text("questions:\n" + "".join(f"  - prompt: Q{i}?\n    choices: [a]\n    answer: a\n" for i in range(7))
                   + "  - prompt: Fine?\n    choices: [a, b]\n    answer: a\n")
    result = run_cli("--autoplay", "--count", "1", "--questions", bad, "--scores", tmp_path / "s.json", timeout=120)
    assert result.returncode == 0, result.stderr
    listed = [line for line in result.stderr.splitlines() if line.startswith("  ") and "bad.yaml:" in line]
    assert "7 problems in the questions (1 question usable, 7 skipped)" in result.stderr
    assert len(listed) == 5 and "  … and 2 more" in result.stderr


def test_a_named_pipe_is_refused_and_never_opened(tmp_path):
    import os

    from conftest import run_cli

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)  # opening this for reading would wait for a writer forever
    result = run_cli("validate", pipe, timeout=60)
    assert result.returncode == 2 and "named pipe" in result.stderr and "Traceback" not in result.stderr
    folder = tmp_path / "questions"
    folder.mkdir()
    os.mkfifo(folder / "left.yml")
    (folder / "real.yaml").write_text(SIX)
    result = run_cli("validate", folder, timeout=60)
    assert result.returncode == 1 and "left.yml:1:1: a named pipe, not a question file; it was not opened" \
        in result.stdout
    assert "6 questions usable, 0 skipped; 1 file could not be read" in result.stdout
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    result = run_cli("--autoplay", "--count", "1", "--questions", folder, "--scores", tmp_path / "s.json",
                     timeout=120)
    assert result.returncode == 0 and "named pipe" in result.stderr


# -- 11. boards a player can find --------------------------------------------------------------------------------------
def sourced_bank(home=6, mine=0):
    from game.core.model import Question
    from game.core.questions import Bank

    def q(i, where):
        return Question(prompt=f"{where} question {i}?", choices=("a", "b", "c"), answer="a",
                        source=f"{where}.yaml:{i}")

    return Bank(questions=[q(i, "home") for i in range(home)] + [q(i, "mine") for i in range(mine)],
                files=["home.yaml"] + (["mine.yaml"] if mine else []))


def make_app(tmp_path, bank, **kw):
    from game.app import App, Options
    from game.core.scores import ScoreStore
    from game.ui.scenes.title import TitleScene

    a = App(Options(count=3, seed=1, size=(1280, 720)), bank, ScoreStore(tmp_path / "scores.json"), **kw)
    a.open_window()
    a.stack.push(TitleScene(a.ctx))
    return a


def test_the_questions_folder_does_not_take_the_default_bank_table_away(tmp_path):
    from game.core.boards import from_home_bank

    alone = make_app(tmp_path, sourced_bank())
    home_board, home_label = alone.ctx.games.current_board()
    both = make_app(tmp_path, sourced_bank(mine=6), bank_label="default bank + your questions", home_bank="home.yaml")
    assert both.ctx.games.current_board() == (home_board, home_label)  # before a game: the table the player knows
    boards = {}
    for seed in range(40):  # games drawn only from the default bank keep its board; the others get their own
        both.ctx.games.rng.seed(seed)
        both.flow.go(Play())
        drawn_home = all(from_home_bank(r.question, "home.yaml") for r in both.ctx.games.session.rounds)
        boards.setdefault(drawn_home, set()).add(both.ctx.games.game_board)
        both.flow.go(ToTitle())
    assert boards[True] == {(home_board, home_label)}
    (other_board, other_label), = boards[False]
    assert other_board != home_board and "default bank + your questions" in other_label


def test_the_high_score_screen_browses_every_board_with_the_current_one_first(app):
    from game.core.scores import new_entry
    from game.ui.scenes.highscores import HighScoresScene

    for board, label in (("classic/5/aaaa", "Classic · 5 questions · default bank"),
                         ("sudden-death/all/bbbb", "Sudden death · every question · default bank"),
                         ("classic/10/cccc/x2", "")):
        app.ctx.scores.store.save(new_entry(board, label, "ANNA", 900, 1, 5, 20.0))
    current = app.ctx.games.current_board()[0]
    app.stack.push(HighScoresScene(app.ctx, current))
    app.wait_for_saves()  # the table comes from the saver thread
    scene = app.stack.top
    assert scene.board_ids[0] == current and len(scene.board_ids) == 4
    with words(app, "render") as seen:
        for _ in range(4):
            draw(app)
            send(app, key(pygame.K_RIGHT))
        click(app, scene.menu.buttons[0].rect.center)  # ◀ Board
        assert scene.index == 3
    shown = " ".join(seen)
    assert "Sudden death · every question · default bank" in shown and "(2 of 4)" in shown
    assert "Classic · 10 questions · questions cccc · time ×2" in shown  # a board saved without a label


def test_an_unplayable_bank_does_not_invite_a_game(tmp_path):
    from game.ui.scenes.highscores import HighScoresScene

    a = make_app(tmp_path, sourced_bank(home=0))
    a.stack.push(HighScoresScene(a.ctx, a.ctx.games.current_board()[0]))
    a.wait_for_saves()
    with words(a) as seen:
        draw(a)
    assert "No scores yet on this board." in seen and not any("Play a game" in s for s in seen)


# -- 14. your own best -----------------------------------------------------------------------------------------
def test_the_results_show_the_players_best_on_this_board_and_whether_it_was_beaten(app):
    app.options.name = "Zoë Tester"
    board, label = app.ctx.games.current_board()
    app.ctx.scores.store.save(new_entry(board, label, "zoë tester", 999_999, 3, 3, 1.0))  # a best no game can beat
    app.ctx.scores.store.save(new_entry(board, label, "SOMEONE", 1_000_000, 3, 3, 1.0))  # not theirs
    results = play_through(app)
    assert results.best_line == "Zoë Tester's best here: 999,999. Not beaten this time."
    assert results.best_line in results_note_lines(app)
    app.flow.go(ToTitle())
    app.ctx.scores.store.save(new_entry(board, label, "Other Name", 1, 1, 3, 1.0))
    app.options.name = "Other Name"
    results = play_through(app)
    assert results.best_line == "New personal best for Other Name! Your best here was 1."
    app.flow.go(ToTitle())
    app.options.name = "Newcomer"
    assert play_through(app).best_line == "Your first score on this board as Newcomer."


def results_note_lines(app):
    with words(app, "render") as seen:
        draw(app)
    return seen


# -- 13. small things -------------------------------------------------------------------------------------------------
def test_the_titles_tagline_follows_the_bank(tmp_path):
    default = make_app(tmp_path, sourced_bank())
    assert "Dead Reckoning" in default.stack.top.subtitle()
    mine = make_app(tmp_path, sourced_bank(), bank_label="opentdb-film.yaml")
    tagline = " ".join(mine.stack.top.sub_lines)
    assert "Dead Reckoning" not in tagline and "opentdb-film.yaml" in tagline
    both = make_app(tmp_path, sourced_bank(mine=2), bank_label="default bank + your questions", home_bank="home.yaml")
    assert "your own questions" in both.stack.top.subtitle()
