"""Every screen laid out at three window sizes and four text sizes with the longest text the
validator accepts: nothing overlaps, no text leaves its box or the window, no choice is cut.

Scenes draw onto a :class:`game.ui.record.RecordingSurface`, which records each line of text and
each box the widgets report; no pixels are compared.
"""

import random

import pygame
import pytest

from game.app import App, Options
from game.core.model import CHOICE_MAX, EXPLANATION_MAX, MAX_CHOICES, PROMPT_MAX, Question
from game.core.questions import Bank
from game.core.scores import NAME_MAX, ScoreStore
from game.core.session import Session
from game.core.settings import Settings
from game.ui import intents as I
from game.ui.intents import Intent
from game.ui.record import RecordingSurface, problems

SIZES = [(800, 600), (1280, 720), (1920, 1080)]
SCALES = [1.0, 1.25, 1.5, 2.0]
WORDS = ("Mountainside", "Wagon", "locomotive", "Norway", "cliff", "Dead", "Reckoning", "whom", "MW", "stunt")


def every_window(test):
    """Run ``test`` at every window size and text size."""
    test = pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{round(s * 100)}%")(test)
    return pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")(test)


def none_found(found: list[str]) -> None:
    assert not found, "\n".join(found[:40]) + (f"\n… and {len(found) - 40} more" if len(found) > 40 else "")


def longest(limit: int, seed: int, end: str = "") -> str:
    """Text of exactly ``limit`` characters made of wide, ordinary words."""
    rng = random.Random(seed)
    words: list[str] = []
    while len(" ".join(words)) < limit:
        words.append(rng.choice(WORDS))
    return (" ".join(words))[: limit - len(end)].rstrip() + end


def long_bank(choices: int = MAX_CHOICES) -> Bank:
    questions = []
    for i in range(4):
        labels = tuple(longest(CHOICE_MAX, 100 * i + c) for c in range(choices))
        questions.append(Question(prompt=longest(PROMPT_MAX, i, "?"), choices=labels, answer=labels[0],
                                  category=longest(40, 50 + i), difficulty="hard",
                                  explanation=longest(EXPLANATION_MAX, 70 + i, ".")))
    return Bank(questions=questions, files=["long.yaml"])


def open_app(tmp_path, size, scale, bank, theme="default") -> App:
    pygame.display.init()
    pygame.font.init()
    app = App(Options(count=2, seed=3, size=size, name="W" * NAME_MAX), bank, ScoreStore(tmp_path / "s.json"),
              settings=Settings(text_scale=scale, theme=theme))
    app.open_window()
    return app


def timer_alone(play, surface) -> list[str]:
    """The clock's area (redrawn on its own every frame) holds the clock and nothing else."""
    area = play.animated_rect()
    if area is None:
        return []
    found = [f"the clock's area {area} covers {line.text!r}" for line in surface.lines
             if line.rect.colliderect(area) and not line.text.endswith((" s", "Paused"))]
    return found + [f"the clock's area {area} covers the {box.kind}" for box in surface.boxes
                    if box.rect.colliderect(area)]


def record(app, scene, label: str, whole: list[str] = (), check=None, lay_out: bool = True) -> list[str]:
    """Lay ``scene`` out (unless ``lay_out`` is False: as it is), draw it alone onto a recording surface;
    what is wrong with it (``whole``: texts that must be drawn in full, in lines of their own)."""
    if lay_out:
        scene.layout(*app.size)
    surface = RecordingSurface(app.size, app.ctx.text)
    try:
        scene.draw(surface)
    finally:
        surface.finish()
    assert surface.lines, f"{label}: nothing was drawn"
    drawn = "".join("".join(line.text.split()) for line in surface.lines)
    missing = [f"{text!r} is not drawn whole" for text in whole if "".join(text.split()) not in drawn]
    extra = check(scene, surface) if check else []
    return [f"{label}: {p}" for p in problems(surface) + missing + extra]


def read(app, scene, label: str, **checks) -> list[str]:
    """A screen that asks for the score table: laid out while "Reading the scores…", then with the table."""
    found = record(app, scene, f"{label}, reading the scores")
    app.wait_for_saves()
    return found + record(app, scene, label, **checks)


def prompt_of(play) -> str:
    """The prompt of the question on the play scene (drawn whole on the question and its feedback)."""
    return play.session.current.question.prompt


def settle(scene) -> None:
    for _ in range(40):  # past the entrance animations
        scene.update(0.05)


def one_player_screens(app) -> list[str]:
    from game.ui.scenes.names import NameEntryScene
    from game.ui.scenes.pause import PauseScene
    from game.ui.scenes.play import PlayScene
    from game.ui.scenes.results import ResultsScene
    from game.ui.scenes.review import ReviewScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import TitleScene

    found = []
    title = TitleScene(app.ctx)
    app.stack.push(title)
    found += record(app, title, "title")
    app.ctx.prefs.path = app.ctx.scores.store.path.parent / "a folder with a long name" / "mi-trivia" / "settings.json"
    settings = SettingsScene(app.ctx)
    for row in range(len(settings.menu.buttons)):  # the help of every row, and the footer, whole
        settings.menu.focus = row
        found += record(app, settings, f"settings, row {row + 1}", whole=[settings._notes(row)[0], settings._hint()])
    app.ctx.games.session = session = Session(app.ctx.bank.questions, count=2, rng=random.Random(1),
                                              players=["W" * NAME_MAX])
    app.ctx.games.game_board = app.ctx.games.current_board()
    play = PlayScene(app.ctx, session)
    app.stack.push(play)
    play.intro = 99
    found += record(app, play, "question", whole=[prompt_of(play)], check=timer_alone)
    shapes = {}
    shapes["question"] = sorted((b.rect.x, b.rect.y) for b in play.panel.buttons)
    play.handle(Intent(I.LIFELINE, index=0))  # 50:50: two choices struck through
    found += record(app, play, "question after 50:50", whole=[prompt_of(play)])
    wrong = next(b.index for b in play.panel.buttons if b.index != session.current.correct and b.mark != "removed")
    play.handle(Intent(I.CHOOSE, index=wrong))
    assert play.phase == "feedback"
    found += record(app, play, "feedback", whole=[prompt_of(play)])
    columns_q = len({x for x, _ in shapes["question"]})
    columns_f = len({b.rect.x for b in play.panel.buttons})
    if columns_q != columns_f:
        found.append(f"feedback: the choices change from {columns_q} to {columns_f} columns")
    found += record(app, PauseScene(app.ctx), "pause")
    while app.stack.top is play:
        play.handle(Intent(I.CONFIRM))
        if play.phase == "question":
            play.intro = 99
            play.handle(Intent(I.CHOOSE, index=session.current.correct))
    results = app.stack.top
    assert isinstance(results, ResultsScene)
    settle(results)
    found += read(app, results, "results")
    found += record(app, ReviewScene(app.ctx, session), "review", whole=[r.question.prompt for r in session.rounds[:1]])
    entry = app.ctx.games.entry_for(session, "W" * NAME_MAX)
    found += read(app, NameEntryScene(app.ctx, entry, 1), "name entry", whole=[entry.name])
    return found


def high_score_screen(app) -> list[str]:
    from game.ui.scenes.highscores import HighScoresScene

    session = Session(app.ctx.bank.questions, count=2, rng=random.Random(2), players=["W" * NAME_MAX])
    app.ctx.games.game_board = app.ctx.games.current_board()
    for _ in range(2):
        session.start()
        session.answer(session.current.correct)
        session.advance()
    results = []
    for k in range(10):  # ten names as wide as a name can be
        entry = app.ctx.games.entry_for(session, ("W" * NAME_MAX)[: NAME_MAX - k] + "M" * k)
        results.append(app.ctx.scores.store.save(entry))
    names = [("W" * NAME_MAX)[: NAME_MAX - k] + "M" * k for k in range(10)]
    return read(app, HighScoresScene(app.ctx, app.ctx.games.game_board[0], results[0]), "high scores", whole=names,
                check=within_margins)


def within_margins(scene, surface) -> list[str]:
    """The table's rows (the highlight too) stay inside the window's margins."""
    margin = scene.ctx.metrics.px(scene.ctx.theme.margin)
    inside = surface.get_rect().inflate(-2 * margin, 0)
    return [f"a row at {box.rect} overhangs the margins {inside}" for box in surface.boxes
            if box.kind == "row" and not inside.contains(box.rect)]


def hotseat_screens(app) -> list[str]:
    from game.ui.scenes.handover import HandoverScene
    from game.ui.scenes.play import PlayScene
    from game.ui.scenes.players import PlayersScene
    from game.ui.scenes.podium import PodiumScene

    found = []
    app.options.mode, app.options.players = "hotseat", 4
    # Names as long as a name may be (16 characters), of ordinary letters: the screens show them whole.
    names = ["Maximilian Kowal", "Anna-Lena Müller", "Zoë Tester-Smith", "Jean-Baptiste Ro"]
    assert all(len(name) == NAME_MAX for name in names)
    app.options.player_names = names
    found += record(app, PlayersScene(app.ctx), "players", whole=names)
    app.options.player_names = [names[0], names[0].upper()] + names[2:]  # a name taken twice: said under Start
    found += record(app, PlayersScene(app.ctx), "players, a name taken",
                    whole=[f"P1 is already {names[0]}: choose another name for P2"])
    app.options.player_names = names
    app.ctx.games.session = session = Session(app.ctx.bank.questions, count=2, rng=random.Random(1), mode="hotseat",
                                    players=names)
    app.ctx.games.game_board = app.ctx.games.current_board()
    play = PlayScene(app.ctx, session)
    app.stack.push(play)
    play.intro = 99
    found += record(app, HandoverScene(app.ctx, session, f"{names[0]} locked in an answer."), "handover",
                    whole=[names[0]])
    found += record(app, play, "hot-seat question", check=timer_alone,  # the chips may shorten names
                    whole=[f"P1 {names[0]}'s turn", prompt_of(play)])
    for turn in range(4):
        while app.stack.top is not play:  # the hand-over the answer brought
            app.stack.pop()
        play.handle(Intent(I.CHOOSE, index=turn % 2))
    assert play.phase == "feedback"
    play.intro = 99  # past the answers' rise
    found += record(app, play, "hot-seat feedback", whole=["Everyone has answered", prompt_of(play)])
    session.advance()
    for turn in range(4):
        session.start()
        session.answer(session.current.correct if turn else None)
        session.next_turn()
    while session.advance():
        pass
    app.ctx.games.finish_game(session)
    podium = PodiumScene(app.ctx, session)
    settle(podium)
    found += read(app, podium, "podium", whole=names)
    return found


@every_window
def test_every_screen_holds_the_longest_text(tmp_path, size, scale):
    every_screen(tmp_path, size, scale, "default")


@pytest.mark.parametrize("size, scale", [((800, 600), 2.0), ((1280, 720), 1.5)])
def test_every_screen_holds_the_longest_text_in_high_contrast(tmp_path, size, scale):
    every_screen(tmp_path, size, scale, "high-contrast")


def every_screen(tmp_path, size, scale, theme):
    found = []
    app = open_app(tmp_path, size, scale, long_bank(), theme)
    try:
        found += one_player_screens(app)
        found += high_score_screen(app)
        found += hotseat_screens(app)
    finally:
        pygame.quit()
    none_found(found)


@pytest.mark.parametrize("players", [2, 3, 4])
def test_the_podium_puts_first_place_where_a_podium_does(tmp_path, players):
    """1st in the middle (2nd to its left, 3rd to its right); with two players, 1st on the left."""
    from game.ui.scenes.podium import PodiumScene

    app = open_app(tmp_path, (1280, 720), 1.0, long_bank(4))
    try:
        names = [f"P{k}" for k in range(players)]
        session = Session(app.ctx.bank.questions, count=3, rng=random.Random(1), mode="hotseat", players=names)
        for question in range(3):
            for turn in range(players):  # seat k answers right on the first 3 - k questions: no ties
                session.start()
                session.answer(session.current.correct if question < 3 - turn else None)
                session.next_turn()
            session.advance()
        app.ctx.games.finish_game(session)
        scene = PodiumScene(app.ctx, session)
        scene.layout(*app.size)
        surface = RecordingSurface(app.size, app.ctx.text)
        scene.draw(surface)
        surface.finish()
        left = {int(box.kind.split()[1]): box.rect.left for box in surface.boxes if box.kind.startswith("place")}
    finally:
        pygame.quit()
    assert sorted(left) == list(range(1, len(left) + 1)) and len(left) == players
    if players == 2:
        assert left[1] < left[2]
    else:
        assert left[2] < left[1] < left[3]


def test_the_score_keeps_its_size_when_a_streak_starts(tmp_path):
    from game.ui.scenes.play import PlayScene

    app = open_app(tmp_path, (1280, 720), 2.0, long_bank(4))
    try:
        app.ctx.games.session = session = Session(app.ctx.bank.questions * 3, count=5, rng=random.Random(1))
        play = PlayScene(app.ctx, session)
        app.stack.push(play)
        sizes = []
        for _ in range(3):
            play.intro = 99
            surface = RecordingSurface(app.size, app.ctx.text)
            play.draw(surface)
            surface.finish()
            sizes += [line.size for line in surface.lines if line.text.startswith("Score")]
            play.handle(Intent(I.CHOOSE, index=session.current.correct))
            play.handle(Intent(I.CONFIRM))
        assert session.streak >= 2
    finally:
        pygame.quit()
    assert len(sizes) == 3 and len(set(sizes)) == 1, sizes


@every_window
def test_the_titles_loaded_line_stays_whole_and_the_menu_still_as_the_options_change(tmp_path, size, scale):
    """Issue 19.8: at 200 % text, choosing a category lengthened the loaded line ("… 3 match the chosen
    category …") past the room kept for it, and its first line went missing."""
    from game.ui.scenes.title import CATEGORY, DIFFICULTY, TitleScene

    questions = [Question(prompt=f"Question {i}?", choices=("Yes", "No"), answer="Yes", fact=f"fact {i % 3}",
                          category="Cat A" if i % 2 else "Cat B", difficulty="easy") for i in range(8)]
    app = open_app(tmp_path, size, scale, Bank(questions=questions, files=["a.yaml", "b.yaml"]))
    app.ctx.notices.append("Settings file: unreadable, the defaults are used.")
    found = []
    try:
        app.options.count = 10
        title = TitleScene(app.ctx)
        app.stack.push(title)
        menu = [b.rect.copy() for b in title.menu.buttons]
        for row, steps in ((CATEGORY, 1), (DIFFICULTY, 1), (DIFFICULTY, 2)):  # 4 match; then 0 match
            title.menu.focus = row
            for _ in range(steps):
                title.handle(Intent(I.MOVE, dx=1))
            assert [b.rect for b in title.menu.buttons] == menu, "the menu moved"
            found += record(app, title, f"title, {title._loaded_line()!r}", whole=[title._loaded_line()],
                            lay_out=False)  # as the player sees it: changing an option lays nothing out
    finally:
        pygame.quit()
    none_found(found)


def test_no_window_is_smaller_than_the_smallest_laid_out(tmp_path, capsys):
    """Issue 19.12: at 640x480 the pause panel's buttons spilled out of it.  The smallest window is the
    smallest size tested above; a window made smaller is enlarged to it, and --size refuses less."""
    from game.cli import main
    from game.ui.theme import MIN_WINDOW

    assert MIN_WINDOW == min(SIZES)
    app = open_app(tmp_path, (1280, 720), 1.0, long_bank())
    try:
        pygame.display.set_mode((640, 480), pygame.RESIZABLE)
        app.dispatch(Intent(I.RESIZE))
        assert app.size == MIN_WINDOW
    finally:
        pygame.quit()
    with pytest.raises(SystemExit):
        main(["--size", "640x480"])
    assert f"at least {MIN_WINDOW[0]}x{MIN_WINDOW[1]}" in capsys.readouterr().err


def kinds_bank() -> Bank:
    """One question of each kind other than multiple choice, with the longest text each may hold."""
    from game.core.model import ORDER_MAX, Scale
    from game.core.spelling import MAX_TYPED

    prompt = longest(PROMPT_MAX, 1, "?")
    why = longest(EXPLANATION_MAX, 2, ".")
    money = Scale(0, 900, 5, 50, value_kind="money", unit="million", currency="$", places=0)
    items = tuple(longest(CHOICE_MAX, 10 + k) for k in range(ORDER_MAX))
    typed = longest(MAX_TYPED, 20)
    return Bank(questions=[
        Question(prompt, ("True", "False"), "True", ordered=True, kind="truefalse", explanation=why, fact="tf"),
        Question(prompt, (), money.show(875), kind="estimate", scale=money, value=875,
                 explanation=why, fact="estimate"),
        Question(prompt, items, " → ".join(items), kind="order", explanation=why, fact="order"),
        Question(prompt, (), typed, kind="type", also=(longest(MAX_TYPED, 21),), explanation=why, fact="type"),
    ], files=["kinds.yaml"])


@every_window
def test_every_kind_of_question_holds_the_longest_text(tmp_path, size, scale):
    """True/false, estimate, order and typed answers (game/ui/kinds) on the question and its feedback."""
    from game.ui.scenes.play import PlayScene

    found = []
    app = open_app(tmp_path, size, scale, kinds_bank())
    try:
        for question in app.ctx.bank.questions:
            session = Session([question], count=1, rng=random.Random(1))
            app.ctx.games.session = session
            play = PlayScene(app.ctx, session)
            app.stack.clear_to(play)
            play.intro = 99
            found += record(app, play, f"{question.kind} question", whole=[question.prompt])
            if question.kind == "type":
                play.handle(Intent(I.TEXT, text="W" * 80))
            for _ in range(8):  # a panel locks in with a second press, or (order) on its Lock in row
                if play.phase != "question":
                    break
                if question.kind == "order" and play.panel.focus is not None:
                    play.panel.focus = play.panel.n
                play.handle(Intent(I.CONFIRM))
            assert play.phase == "feedback", question.kind
            found += record(app, play, f"{question.kind} feedback", whole=[question.prompt])
    finally:
        pygame.quit()
    none_found(found)


def test_the_title_picture_is_smooth_and_fades_in_at_its_left_edge():
    """The train and the mountains are drawn supersampled (edges blend: many in-between colours, where
    polygons drawn straight have only the palette's few); the left edge fades in rather than cutting off."""
    from game.ui.theme import make_theme, metrics_for
    from game.ui.widgets import draw_motif, motif_image

    pygame.init()
    try:
        theme, metrics = make_theme(), metrics_for(1280, 720)
        image = motif_image((600, 420), theme, metrics)
        plain = pygame.Surface((600, 420), pygame.SRCALPHA)
        draw_motif(plain, plain.get_rect(), theme, metrics)

        def colours(surface):
            return {tuple(surface.get_at((x, y))) for x in range(200, 600, 2) for y in range(0, 360, 2)}

        assert len(colours(image)) > 4 * len(colours(plain))
        assert max(image.get_at((0, y)).a for y in range(420)) == 0  # no hard vertical edge
        assert max(image.get_at((300, y)).a for y in range(420)) > 250
    finally:
        pygame.quit()


def test_a_struck_choice_is_struck_line_by_line(tmp_path, monkeypatch):
    """50:50 on a choice that wraps: one stroke through each line, as long as that line's own text."""
    from game.ui.widgets import ChoiceButton

    app = open_app(tmp_path, (1280, 720), 1.0, long_bank(4))
    try:
        strokes = []
        real = pygame.draw.line
        monkeypatch.setattr(pygame.draw, "line", lambda surface, colour, a, b, width=1: strokes.append((a, b)) or
                            real(surface, colour, a, b, width))
        button = ChoiceButton(pygame.Rect(40, 100, 600, 160), 1, "A long answer that wraps " * 2 + "end",
                              mark="removed")
        surface = RecordingSurface(app.size, app.ctx.text)
        button.draw(surface, app.ctx.theme, app.ctx.text, app.ctx.metrics)
        surface.finish()
    finally:
        pygame.quit()
    lines = [line for line in surface.lines if not line.bold]
    assert len(lines) >= 2 and len(strokes) == len(lines)
    for line, (a, b) in zip(lines, strokes, strict=True):
        assert line.rect.top < a[1] == b[1] < line.rect.bottom
        assert abs(a[0] - line.rect.left) <= 3 and abs(b[0] - line.rect.right) <= 3, (line.text, a, b, line.rect)


def party_screens(app) -> list[str]:
    """The party's big screen: the lobby, a question, its reveal, the leaderboard and the podium, with
    names as long as a name may be (no network: the server is never started)."""
    from game.net.game import PartyGame
    from game.ui.scenes.party_lobby import PartyLobbyScene
    from game.ui.scenes.party_play import PartyPlayScene
    from game.ui.scenes.party_podium import PartyPodiumScene

    found = []
    clock = [100.0]
    rounds = Session(app.ctx.bank.questions, count=2, rng=random.Random(1)).rounds
    party = PartyGame(rounds, addresses=["192.168.100.200"], clock=lambda: clock[0])
    party.server.address = ("192.168.100.200", 8765)  # as if listening: the address a phone types
    app.ctx.parties.current = party
    app.options.mode = "party"
    lobby = PartyLobbyScene(app.ctx, party)
    app.stack.push(lobby)
    found += record(app, lobby, "party lobby, nobody yet", check=qr_large)
    party.local_only = True  # --bind 127.0.0.1: its own words, in the same room
    found += record(app, lobby, "party lobby on this computer only", check=qr_large)
    party.local_only = False
    # Names as long as a name may be, of ordinary letters (as the hot-seat screens), and short ones.
    names = ["Max Power", "Maximilian Kowal", "Anna-Lena Müller", "Zoë Tester-Smith", "Jo", "Jean-Baptiste Ro",
             "Li Wei 🚂", "Ava 🎬 Kowalski"]
    players = [party.room.join(name, party.pin) for name in names]
    lobby.update(0.016)
    found += record(app, lobby, "party lobby", whole=names, check=qr_large)
    party.host.pin_budget_spent = True  # too many wrong PINs: the lobby says so and offers a new PIN
    lobby.update(0.016)
    found += record(app, lobby, "party lobby, wrong PINs spent", whole=["New PIN"], check=qr_large)  # names may page
    lobby.new_pin()
    play = PartyPlayScene(app.ctx, party)
    app.stack.replace(play)  # asks the first question
    found += record(app, play, "party question", whole=[party.round.question.prompt], check=timer_alone)
    for k, player in enumerate(players[:5]):
        party.room.answer(player.id, player.secret, party.round.number, party.round.correct, clock[0] + k)
    play._reveal()  # (the reveal of choices as long as the validator allows is not checked here yet)
    found += record(app, play, "party reveal", whole=[party.round.question.prompt], check=no_clock)
    play._go_on()
    found += record(app, play, "party leaderboard", whole=[p.name for p in party.room.standings()[:5]],
                    check=no_clock)
    play._go_on()
    party.room.answer(players[-1].id, players[-1].secret, party.round.number, party.round.correct, clock[0])
    play._reveal()
    podium = PartyPodiumScene(app.ctx, party)
    app.stack.replace(podium)
    settle(podium)
    ranked = party.room.standings()
    found += read(app, podium, "party podium",
                  whole=[p.name for p in ranked[:3]] + [p.name for p in ranked[:podium.visible_rows]])
    return found


@every_window
def test_every_kind_on_the_party_screen_holds_the_longest_prompt(tmp_path, size, scale):
    """The big screen shows each kind's question and its reveal with the prompt whole (smaller when long)."""
    from game.net.game import PartyGame
    from game.ui.scenes.party_play import PartyPlayScene

    app = open_app(tmp_path, size, scale, kinds_bank())
    found = []
    try:
        rounds = Session(app.ctx.bank.questions, count=4, rng=random.Random(1)).rounds
        party = PartyGame(rounds, addresses=["192.168.100.200"], clock=lambda: 100.0)
        party.server.address = ("192.168.100.200", 8765)
        app.ctx.parties.current, app.options.mode = party, "party"
        party.room.join("Max Power", party.pin)
        play = PartyPlayScene(app.ctx, party)
        app.stack.push(play)
        for _ in rounds:
            kind = party.round.kind
            items = list(party.round.choices) if kind == "order" else []  # the items to order, each whole
            found += record(app, play, f"party {kind} question", whole=[party.round.question.prompt] + items,
                            check=timer_alone)
            play._reveal()
            found += record(app, play, f"party {kind} reveal", whole=[party.round.question.prompt], check=no_clock)
            play._go_on()  # the leaderboard
            play._go_on()  # the next question
        assert {r.kind for r in rounds} == {"truefalse", "estimate", "order", "type"}
    finally:
        app.ctx.parties.end()
        pygame.quit()
    none_found(found)


def qr_large(scene, surface) -> list[str]:
    """The join code stays large enough for a phone to read across a room (~200 px at 1280x720)."""
    width, height = surface.get_size()
    least = 200 * min(width / 1280, height / 720)
    return [] if scene.qr_side >= least else [f"the QR code is {scene.qr_side} px (at least {least:.0f})"]


def no_clock(scene, surface) -> list[str]:
    """Between questions nothing runs: no clock's bar or its area redrawn on its own."""
    return ["a clock's area is redrawn on the leaderboard"] if scene.animated_rect() is not None else []


@every_window
def test_every_party_screen_holds_long_names(tmp_path, size, scale):
    app = open_app(tmp_path, size, scale, long_bank())
    try:
        none_found(party_screens(app))
    finally:
        app.ctx.parties.end()
        pygame.quit()


def test_the_party_screens_in_high_contrast(tmp_path):
    app = open_app(tmp_path, (800, 600), 2.0, long_bank(), "high-contrast")
    try:
        none_found(party_screens(app))
    finally:
        app.ctx.parties.end()
        pygame.quit()


def picture_bank(folder) -> Bank:
    """The longest questions of every kind (and the longest choices), each with a picture, wide or tall, and
    the longest description a picture may have."""
    from dataclasses import replace

    from game.core.pictures import ALT_MAX

    pygame.display.init()
    paths = []
    for name, size in (("wide.png", (400, 300)), ("tall.png", (200, 400))):
        surface = pygame.Surface(size)
        surface.fill((200, 30, 30))
        pygame.image.save(surface, str(folder / name))
        paths.append(str(folder / name))
    questions = long_bank().questions[:1] + kinds_bank().questions
    return Bank(questions=[replace(q, image=paths[k % 2], alt=longest(ALT_MAX, 80 + k, "."))
                           for k, q in enumerate(questions)], files=["pictures.yaml"])


def told(scene, question) -> list[str]:
    """The description, drawn whole under the picture when the setting asks for it."""
    return [question.alt] if scene.picture.shown and scene.picture.describe else []


def picture_whole(question):
    """The picture is drawn once, in its own proportions, inside the window and above the prompt."""
    def check(scene, surface) -> list[str]:
        found = []
        boxes = [box for box in surface.boxes if box.kind == "picture"]
        if not boxes and scene.ctx.settings.text_scale >= 1.5:
            return []  # the longest texts at large text: no room for a picture (counted by the test)
        if len(boxes) != 1:
            return [f"{len(boxes)} pictures drawn"]
        rect = boxes[0].rect
        width, height = pygame.image.load(question.image).get_size()
        if abs(rect.width * height - rect.height * width) > max(width, height):  # within a pixel
            found.append(f"the picture is distorted: {rect.size} for {width}x{height}")
        if not surface.get_rect().contains(rect):
            found.append(f"the picture {rect} leaves the window")
        prompt = next((box.rect for box in surface.boxes if box.kind == "prompt"), None)
        if prompt is not None and rect.bottom > prompt.top:
            found.append(f"the picture {rect} runs into the prompt {prompt}")
        return found
    return check


@every_window
def test_questions_with_pictures_hold_the_longest_text(tmp_path, size, scale):
    """Issue 24: every kind with a picture (and its description shown), on the question, its feedback and the
    party's big screen: the prompt and the answers whole, the picture undistorted above them."""
    from game.net.game import PartyGame
    from game.ui.scenes.party_play import PartyPlayScene
    from game.ui.scenes.play import PlayScene

    found, shown = [], 0
    app = open_app(tmp_path, size, scale, picture_bank(tmp_path))
    app.ctx.prefs.change(describe_pictures=True)
    app.ctx.pictures.sync = True
    try:
        for question in app.ctx.bank.questions:
            session = Session([question], count=1, rng=random.Random(1))
            app.ctx.games.session = session
            play = PlayScene(app.ctx, session)
            app.stack.clear_to(play)
            play.intro = 99
            found += record(app, play, f"{question.kind} question with a picture",
                            whole=[question.prompt] + told(play, question), check=picture_whole(question))
            shown += play.picture.rect.height > 0
            if question.kind == "type":
                play.handle(Intent(I.TEXT, text="W" * 80))
            for _ in range(8):
                if play.phase != "question":
                    break
                if question.kind == "order" and play.panel.focus is not None:
                    play.panel.focus = play.panel.n
                if question.kind == "choice":
                    play.handle(Intent(I.CHOOSE, index=0))
                play.handle(Intent(I.CONFIRM))
            assert play.phase == "feedback", question.kind
            found += record(app, play, f"{question.kind} feedback with a picture", whole=[question.prompt])
        rounds = Session(app.ctx.bank.questions, count=5, rng=random.Random(1)).rounds
        party = PartyGame(rounds, addresses=["192.168.100.200"], clock=lambda: 100.0)
        party.server.address = ("192.168.100.200", 8765)
        app.ctx.parties.current, app.options.mode = party, "party"
        party.room.join("Max Power", party.pin)
        play = PartyPlayScene(app.ctx, party)
        app.stack.clear_to(play)
        for _ in rounds:
            question = party.round.question
            found += record(app, play, f"party {party.round.kind} question with a picture",
                            whole=[question.prompt] + told(play, question), check=picture_whole(question))
            shown += play.picture.rect.height > 0
            play._reveal()
            play._go_on()
            if play.phase == "leaderboard":
                play._go_on()
    finally:
        app.ctx.parties.end()
        pygame.quit()
    none_found(found)
    assert shown == 10 or scale >= 1.5, f"{10 - shown} of 10 pictures left out"  # only large text gives way


@every_window
@pytest.mark.parametrize("describe", [False, True], ids=["plain", "described"])
def test_the_example_pictures_show_at_every_size(tmp_path, size, scale, describe):
    """examples/pictures.yaml: every picture shown whole, undistorted, above its prompt, the texts whole."""
    from pathlib import Path

    from game.core.questions import load_files
    from game.ui.scenes.play import PlayScene

    bank = load_files([Path(__file__).resolve().parent.parent / "examples" / "pictures.yaml"])
    app = open_app(tmp_path, size, scale, bank)
    app.ctx.prefs.change(describe_pictures=describe)
    app.ctx.pictures.sync = True
    found = []
    try:
        for question in bank.questions:
            session = Session([question], count=1, rng=random.Random(1))
            app.ctx.games.session = session
            play = PlayScene(app.ctx, session)
            app.stack.clear_to(play)
            play.intro = 99
            found += record(app, play, f"{Path(question.image).name}", whole=[question.prompt] + told(play, question),
                            check=picture_whole(question))
            if not play.picture.rect.height:
                found.append(f"{Path(question.image).name}: no picture")
    finally:
        pygame.quit()
    none_found(found)


@pytest.mark.parametrize("theme", ["default", "high-contrast"])
def test_a_choice_drawn_from_its_image_has_the_pixels_of_one_drawn_in_place(tmp_path, theme):
    """A choice is drawn once per look onto an image of its own and blitted (its corners a colour key): on the
    backdrop, every state of it (hover, focus, right, wrong, close, dimmed, struck by 50:50) gives the same
    pixels as drawing it there, and a change of state is drawn anew."""
    from game.ui.widgets import ChoiceButton

    app = open_app(tmp_path, (1280, 720), 1.0, long_bank(4), theme)
    try:
        ctx = app.ctx
        backdrop = pygame.Surface(app.size).convert(app.surface)
        ctx.backdrop.draw(backdrop)
        for label, rect in (("60 mph", pygame.Rect(40, 100, 560, 96)),
                            ("A long answer that wraps " * 3 + "end", pygame.Rect(333, 401, 611, 170))):
            for index in range(4):
                button = ChoiceButton(rect.copy(), index, label)
                for mark, hover, focus in (("", False, False), ("", True, False), ("", False, True),
                                           ("correct", False, False), ("wrong", False, True), ("close", False, False),
                                           ("dim", False, False), ("removed", False, False), ("", False, False)):
                    button.mark, button.hover, button.focus = mark, hover, focus
                    for _ in range(2):  # drawn anew, then from the image kept
                        direct, blitted = backdrop.copy(), backdrop.copy()
                        button._paint(direct, button.rect, ctx.theme, ctx.text, ctx.metrics)
                        button.draw(blitted, ctx.theme, ctx.text, ctx.metrics)
                        assert pygame.image.tobytes(direct, "RGB") == pygame.image.tobytes(blitted, "RGB"), \
                            (theme, label[:10], index, mark, hover, focus)
    finally:
        pygame.quit()


@pytest.mark.parametrize("theme", ["default", "high-contrast"])
def test_the_typed_questions_keys_drawn_from_their_image_have_the_pixels_of_keys_drawn_in_place(tmp_path, theme):
    """The on-screen keys are painted once onto an image (the gaps between them a colour key) and blitted: with no
    focus, a focus, a hover, the pixels are those of painting the keys in place."""
    from pathlib import Path

    from game.core.questions import load_files

    bank = load_files([Path(__file__).resolve().parent.parent / "questions.yaml"], seed=2)
    app = open_app(tmp_path, (1280, 720), 1.0, bank, theme)
    try:
        typed = [q for q in bank.questions if q.kind == "type"]
        app.flow.show("play", Session(typed, count=2, rng=random.Random(2)))
        panel = app.stack.top.panel
        assert panel.keys
        backdrop = pygame.Surface(app.size).convert(app.surface)
        app.ctx.backdrop.draw(backdrop)
        for focus, hover in ((None, None), (0, None), (5, 7), (len(panel.keys) - 1, None), (None, 3)):
            panel.key_focus, panel.key_hover = focus, hover
            for _ in range(2):  # painted anew, then from the image kept
                direct, blitted = backdrop.copy(), backdrop.copy()
                panel._paint_keys(direct, (0, 0))
                panel._draw_keys(blitted)
                same = pygame.image.tobytes(direct, "RGB") == pygame.image.tobytes(blitted, "RGB")
                assert same, (theme, focus, hover)
    finally:
        pygame.quit()
