"""The one loop: events -> intents -> scene.update(dt) -> scene.draw(surface) -> flip.

:class:`App` is the context every scene is given (no globals): the theme, the
text cache, the question bank, the score store and the scene stack.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game import paths
from game.core.draw import most_questions
from game.core.history import History, bank_id
from game.core.questions import Bank
from game.core.boards import DEFAULT_BANK, board_for, describe_board
from game.core.scores import Entry, ScoreStore, Table, new_entry
from game.core.session import Session
from game.core.settings import Settings
from game.ui import intents as I
from game.ui.gamepad import EVENTS as PAD_EVENTS
from game.ui.gamepad import Pads
from game.ui.scene import SceneStack
from game.ui.sound import Sound
from game.ui.text import Text
from game.ui.theme import MIN_WINDOW, Theme, make_theme, metrics_for
from game.ui.widgets import Backdrop, draw_toast

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = MIN_WINDOW
TOAST_SECONDS = 2.5


@dataclass
class Options:
    count: int = 10
    seed: int | None = None
    name: str | None = None
    category: str | None = None
    difficulty: str | None = None
    kinds: tuple[str, ...] | None = None  # --kinds and the title's Kinds button (None: every kind)
    mode: str = "classic"
    players: int = 2  # hot-seat only
    player_names: list[str] | None = None  # hot-seat names, once entered
    autoplay: bool = False
    fps: int = 60
    screenshots: Path | None = None
    size: tuple[int, int] = DEFAULT_SIZE
    fullscreen: bool = False
    # Party mode (--port, --bind, --max-players; --bots with --autoplay).
    port: int | None = None
    bind: str | None = None
    max_players: int = 60
    bots: int = 0


@dataclass
class Metrics:
    frames: int = 0
    frame_ms: list[float] = field(default_factory=list)
    startup_ms: float = 0.0
    first_frame_at: float = 0.0  # time.time() when the first frame was on screen (the benchmark compares clocks)
    started: float = 0.0
    cpu_started: float = 0.0


def process_age_seconds() -> float | None:
    """Seconds since this process started (Linux), or ``None`` where unknown."""
    try:
        with open("/proc/self/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime", "rb") as handle:
            uptime = float(handle.read().split()[0])
        return max(uptime - start_ticks / os.sysconf("SC_CLK_TCK"), 0.0)
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def peak_rss_mb() -> float | None:
    """This process's peak resident memory in MB.

    Linux's VmHWM belongs to this program alone; ``ru_maxrss`` can carry the
    peak of a parent that forked us, so it is only the fallback elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
    except (ImportError, OSError):
        return None


class App:
    def __init__(self, options: Options, bank: Bank, store: ScoreStore, *, bank_label: str = "default bank",
                 bank_paths: list[str] | None = None, notices: list[str] | None = None,
                 settings: Settings | None = None, saved_settings: Settings | None = None,
                 settings_path: Path | None = None, history: History | None = None,
                 history_path: Path | None = None, home_bank: str | None = None, clock=time.monotonic):
        """``settings``: what this run uses (the saved ones with any command-line
        flags on top); ``saved_settings``: what the file holds, and what a change
        on the settings screen is saved over (``settings_path`` None: never saved).
        ``history``: the questions met lately, asked last (``None``: not used, as
        with ``--seed``); what a game asks is added and saved to ``history_path``.
        ``home_bank``: the default bank's path when the player's questions folder is added to it
        (games drawn only from the default bank keep the default bank's boards).
        ``clock``: the seconds every game's timer reads (a test steps it)."""
        self.options = options
        self.clock = clock
        self.bank = bank
        self.store = store
        self.bank_label = bank_label
        self.bank_paths = bank_paths or []
        self.home_bank = home_bank
        self.notices = list(notices or [])
        self.score_notices: list[str] = []
        self.settings = settings or Settings()
        self.saved_settings = saved_settings or self.settings
        self.settings_path = settings_path
        self.theme: Theme = make_theme(self.settings.theme, self.settings.text_scale)
        self.sound = Sound(self.settings.volume, self.settings.muted)
        self.pads = Pads()
        self._toast: tuple[str, float] | None = None
        self.stack = SceneStack()
        self.running = False
        self.exit_code = 0
        self.rng = random.Random(options.seed)
        self.session: Session | None = None
        self.history = history
        self.history_path = history_path
        self.history_bank = bank_id(bank.files)
        self._remembered = True  # the current session's questions are in the history
        self.game_board: tuple[str, str] | None = None
        self.outcome: dict = {"answered": 0, "correct": 0, "score": 0, "saved": False}
        self.reviewed = False
        self.perf = Metrics()
        self._saver = None  # a one-thread executor, made on the first save
        self._surface: pygame.Surface | None = None
        self.text: Text | None = None
        self.backdrop = Backdrop(self.theme)
        self.metrics = metrics_for(*options.size)
        self.bot = None
        self.party = None       # the party game (game.net.game.PartyGame) while one runs
        self.party_bots = None  # autoplay's simulated phones (game.net.bots.BotRunner)
        self._parties: list = []  # every party this run, stopped at the end
        self._shots_taken: set[str] = set()
        self._windowed_size = options.size
        # Loop passes during which a lost focus is our own doing (F11 recreates the window): no pause.
        self._own_window_change = 0
        self.pointer: tuple[int, int] | None = None  # where the mouse was last seen (None: not yet)

    # -- window ---------------------------------------------------------------
    @property
    def size(self) -> tuple[int, int]:
        return self._surface.get_size() if self._surface is not None else self.options.size

    def open_window(self) -> None:
        """Start pygame's display and fonts (never the mixer: no sound card is no problem)."""
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Off the Rails — Dead Reckoning trivia")
        try:
            pygame.display.set_icon(_icon(self.theme))
        except pygame.error:
            pass
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.options.fullscreen else 0)
        size = (0, 0) if self.options.fullscreen else self.options.size
        self._surface = pygame.display.set_mode(size, flags)
        self.metrics = metrics_for(*self.size)
        theme = self.theme
        self.text = Text(paths.asset(theme.font_regular), paths.asset(theme.font_bold),
                         emoji=(paths.asset(theme.font_emoji), paths.asset(theme.font_emoji_bold)))
        pygame.key.stop_text_input()
        self.pads.start()

    def _resized(self) -> None:
        surface = pygame.display.get_surface()
        if surface is None:
            return
        width, height = surface.get_size()
        if (width < MIN_SIZE[0] or height < MIN_SIZE[1]) and not self.options.fullscreen:
            surface = pygame.display.set_mode((max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])), pygame.RESIZABLE)
        self._surface = surface
        if not self.options.fullscreen:
            self._windowed_size = surface.get_size()
        self.metrics = metrics_for(*self.size)
        self.stack.layout(*self.size)

    OWN_CHANGE_PASSES = 30  # about half a second at 60 FPS: the window manager's focus events arrive by then

    def toggle_fullscreen(self) -> None:
        self._own_window_change = self.OWN_CHANGE_PASSES
        self.options.fullscreen = not self.options.fullscreen
        try:
            if self.options.fullscreen:
                self._surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                self._surface = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
        except pygame.error:
            self.options.fullscreen = not self.options.fullscreen
            return
        self._resized()

    # -- settings, sound and notices -----------------------------------------------
    def change_settings(self, **values) -> None:
        """A change made in the game: used at once, and saved (over the saved settings,
        so a command-line flag for this run is not written to the file)."""
        self.settings = self.settings.changed(**values)
        self.saved_settings = self.saved_settings.changed(**values)
        self.apply_settings()
        if self.settings_path is not None:
            snapshot, where = self.saved_settings, self.settings_path

            def work():
                from game.core import settings as S

                error = S.save(where, snapshot)
                if error:
                    print(f"mi-trivia: {error}", file=sys.stderr)
                    self.toast("Settings not saved: see the message in the terminal")

            self._executor().submit(work)

    def apply_settings(self) -> None:
        theme = make_theme(self.settings.theme, self.settings.text_scale)
        if theme != self.theme:
            self.theme = theme
            self.backdrop = Backdrop(theme)
            self.stack.layout(*self.size)
        self.sound.configure(self.settings.volume, self.settings.muted)
        self.stack.changed = True

    @property
    def reduced_motion(self) -> bool:
        return self.settings.reduced_motion

    def toggle_mute(self) -> None:
        muted = not self.settings.muted
        if not muted and self.settings.volume == 0:
            self.change_settings(muted=False, volume=50)
        else:
            self.change_settings(muted=muted)
        if self.sound.failed and not muted:
            self.toast("No sound device: the game stays silent")
        else:
            self.toast("Sound off (M turns it on)" if muted else f"Sound on, volume {self.settings.volume}%")

    def toast(self, text: str) -> None:
        """A short notice over whatever screen is showing (mute, a controller plugged in)."""
        self._toast = (text, time.monotonic() + TOAST_SECONDS)
        self.stack.changed = True

    @property
    def notice(self) -> str | None:
        """The notice (toast) showing now, if any."""
        return self._toast[0] if self._toast is not None else None

    def _executor(self):
        # One worker, so saves happen in the order they were asked for.
        if self._saver is None:
            from concurrent.futures import ThreadPoolExecutor

            self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="save")
        return self._saver

    # -- what scenes ask of the app ---------------------------------------------
    def playable_questions(self):
        return self.bank.filtered(self.options.category, self.options.difficulty, self.options.kinds)

    def from_home_bank(self, question) -> bool:
        """Whether ``question`` comes from the default bank (with the player's folder added to it)."""
        return self.home_bank is not None and question.source.rsplit(":", 1)[0] == self.home_bank

    def current_board(self, drawn=None) -> tuple[str, str]:
        """The board the chosen mode plays for (practice has none: its title button shows Classic's).

        A board is its mode, its length, the questions it can draw from and the clock.  Questions the
        player adds to their folder make a larger set, so games that ask any of them go on a board of
        their own ("default bank + your questions"); a game whose questions (``drawn``; before a game:
        any) all come from the default bank stays on the default bank's board, the one a player with no
        folder plays for, so adding files never takes that table away."""
        pool = self.playable_questions() or self.bank.questions
        home = [q for q in pool if self.from_home_bank(q)]
        label = self.bank_label
        if home and (drawn is None or all(self.from_home_bank(r) for r in drawn)):
            pool, label = home, DEFAULT_BANK
        count = min(self.options.count, most_questions(pool)) if pool else self.options.count  # one per fact
        mode = self.options.mode if self.options.mode != "practice" else "classic"
        return board_for(mode, pool, count, label, self.settings.time_factor or 1.0,
                         default_bank=label == DEFAULT_BANK, filters=self._filters())

    def _filters(self) -> str:
        """The chosen category, difficulty and kinds in words ("" when none narrows the questions)."""
        parts = []
        if self.options.category:
            parts.append(self.options.category)
        if self.options.difficulty:
            parts.append(self.options.difficulty)
        if self.options.kinds:
            from game.ui.scenes.title import kinds_label

            if kinds_label(self.options.kinds) != "All":
                parts.append(f"kinds: {kinds_label(self.options.kinds)}")
        return ", ".join(parts)

    def board_label(self, board: str) -> str:
        if self.game_board and board == self.game_board[0]:
            return self.game_board[1]
        current = self.current_board()
        if board == current[0]:
            return current[1]
        return describe_board(board)

    def start_game(self, replace: bool = False, ask_names: bool = True) -> None:
        """Play with the chosen options; hot-seat asks for the players' names first
        (offering the last ones again), except on "Play again" with the same players."""
        if not self.playable_questions():
            return
        if self.options.mode == "party":
            self.begin_party(replace)
            return
        names = self.options.player_names
        if self.options.mode == "hotseat" and (ask_names or not names or len(names) != self.options.players):
            from game.ui.scenes.players import PlayersScene

            scene = PlayersScene(self)
            self.stack.replace(scene) if replace else self.stack.push(scene)
            return
        self.begin_game(replace)

    def begin_game(self, replace: bool = False) -> None:
        from game.ui.scenes.play import PlayScene

        pool = self.playable_questions()
        if not pool:
            return
        mode = self.options.mode
        names = self.options.player_names if mode == "hotseat" else [self.options.name or "PLAYER"]
        factor = self.settings.time_factor
        self.remember_asked()  # a game left unfinished still counts
        recent = self.history.recent(self.history_bank) if self.history is not None else ()
        self.session = Session(pool, count=self.options.count, rng=self.rng, mode=mode, players=names,
                               time_factor=factor, recent=recent, clock=self.clock)
        self._remembered = False
        drawn = [rnd.question for rnd in self.session.rounds]
        self.game_board = self.current_board(drawn) if self.session.ranked else None
        self.reviewed = False
        scene = PlayScene(self, self.session)
        if replace:
            self.stack.replace(scene)
        else:
            self.stack.push(scene)
        scene.hand_over()

    def finish_game(self, session: Session) -> None:
        self.remember_asked()
        best = session.standings()[0][1]
        self.outcome.update(answered=len(best.answers), correct=best.correct_count, score=best.score,
                            saved=False)
        self.outcome["players"] = [
            {"name": p.name, "score": p.score, "correct": p.correct_count, "answered": len(p.answers),
             "best_streak": p.best_streak, "lifelines_used": sum(len(a.lifelines) for a in p.answers),
             "saved": False}
            for p in session.players
        ]

    def back_to_title(self) -> None:
        from game.ui.scenes.title import TitleScene

        self.remember_asked()
        self.end_party("The host ended the game")
        self.stack.clear_to(TitleScene(self))

    # -- party mode ----------------------------------------------------------------------
    def begin_party(self, replace: bool = False) -> None:
        """Start the server and open the lobby (a party already running ends first)."""
        from game.core.session import Session
        from game.net.game import PartyGame
        from game.net.server import DEFAULT_PORT
        from game.ui.scenes.party_lobby import PartyLobbyScene

        pool = self.playable_questions()
        if not pool:
            return
        if self.party is not None:
            self.end_party("The host started a new party")
        if self._parties:
            self._parties[-1].wait_closed()  # its port is free again for the new one
        options, factor = self.options, self.settings.time_factor
        # The same draw as any game (every kind, no repeats, no question giving another away).
        self.remember_asked()
        recent = self.history.recent(self.history_bank) if self.history is not None else ()
        rounds = Session(pool, count=options.count, rng=self.rng, mode="classic", time_factor=factor,
                         recent=recent).rounds
        bind = "127.0.0.1" if options.bots else options.bind
        port = options.port if options.port is not None else (0 if options.bots else DEFAULT_PORT)
        party = PartyGame(rounds, timed=factor is not None, port=port, bind=bind, max_players=options.max_players,
                          clock=self.clock)
        try:
            party.start()
        except OSError as exc:
            message = f"The party could not start: {exc}"
            print(f"mi-trivia: {message}", file=sys.stderr)
            self.toast(message)
            if options.autoplay:
                self.exit_code = 1
                self.quit()
            return
        self.party = party
        self._parties.append(party)
        self.session = None
        self._remembered = False
        self.game_board = self.current_board() if party.timed else None
        self.outcome.update(answered=0, correct=0, score=0, saved=False, players=[])
        scene = PartyLobbyScene(self, party)
        self.stack.replace(scene) if replace else self.stack.push(scene)
        if options.bots:
            from game.net.bots import BotRunner

            self.party_bots = BotRunner(party.ws_url, party.pin, options.bots, seed=options.seed,
                                        truth=lambda number: party.rounds[number - 1])
            self.party_bots.start()

    def end_party(self, reason: str | None = None) -> None:
        """Tell the phones the party is over (``reason``: why, when it ended early) and stop its server."""
        if self.party is not None:
            self.party.close(reason)
            self.party = None

    def party_entries(self, party) -> list:
        """``(seat, Entry)`` for each player who scored, on the party board (none without a clock)."""
        standings = party.room.standings()
        self.outcome["players"] = [
            {"name": p.name, "score": p.score, "correct": p.correct, "answered": sum(
                1 for a in p.answers.values() if a.response is not None), "best_streak": p.best_streak,
             "place": p.place, "saved": False}
            for p in standings]
        if standings:
            best = standings[0]
            self.outcome.update(answered=self.outcome["players"][0]["answered"], correct=best.correct,
                                score=best.score)
        if not party.timed:
            return []
        board, label = self.game_board or self.current_board()
        return [(seat, new_entry(board, label, p.name, p.score, p.correct, party.total, p.total_time, mode="party"))
                for seat, p in enumerate(standings) if p.score > 0]

    def quit(self) -> None:
        self.remember_asked()
        self.running = False

    def remember_asked(self) -> None:
        """Add the questions the current game has asked so far to the history, once, and save it
        (in the worker thread, like the scores).  Nothing happens without a history (``--seed``)."""
        if self._remembered or self.history is None:
            return
        self._remembered = True
        # What it showed counts too (an order question shows the facts it orders): noted before the
        # keys asked, which stay the newest entries.
        from game.core.draw import shown

        asked = self.asked_rounds()
        self.history.remember(self.history_bank, [shown(k) for r in asked for k in r.question.reveals] +
                              [r.question.key for r in asked])
        if self.history_path is None:
            return
        snapshot, where = self.history.copy(), self.history_path

        def work():
            from game.core import history as H

            error = H.save(where, snapshot)
            if error:
                print(f"mi-trivia: {error}", file=sys.stderr)

        self._executor().submit(work)

    def entry_for(self, session: Session, name: str | None = None, player: int = 0) -> Entry | None:
        """The high-score entry for one player of a finished game (``None`` in practice or with no timer)."""
        if not session.ranked:
            return None
        board, label = self.game_board or self.current_board()
        who = session.players[player]
        # Sudden death counts the right answers in a row; the others, all the right answers.
        correct = who.run if session.mode == "sudden-death" else who.correct_count
        return new_entry(board, label, name or who.name, who.score, correct, len(who.answers), who.total_time,
                         mode=session.mode)

    def read_scores(self) -> Table:
        result = self.store.read(repair=True)
        self._note_score_read(result)
        return result.table

    def _note_score_read(self, result) -> None:
        notes = []
        if result.kept_aside is not None:
            notes.append(f"The score file could not be read ({result.unreadable}); it was kept as "
                         f"{result.kept_aside} and a fresh table started.")
        elif result.unreadable:
            notes.append(f"The score file could not be read: {result.unreadable}.")
        notes.extend(f"Score file: {w}." for w in result.warnings)
        for note in notes:
            if note not in self.score_notices:
                self.score_notices.append(note)
                print(f"mi-trivia: {note}", file=sys.stderr)

    def rank_for(self, entry: Entry | None) -> int | None:
        return self.ranks_for([entry])[0]

    def ranks_for(self, entries: list[Entry | None]) -> list[int | None]:
        """Where each entry would land, counting the others in ``entries`` too (hot-seat players compete)."""
        table = self.read_scores()
        real = [e for e in entries if e is not None]
        merged = Table(table.entries + real)
        return [merged.rank_of(e) if e is not None else None for e in entries]

    def last_name(self) -> str:
        return self.store.read().table.last_name

    def save_scores(self, entries: list[Entry], seats: list[int], remember_name: bool = False):
        """Save entries (the players in ``seats``) one after another in a worker thread.

        Returns a :class:`concurrent.futures.Future` of their :class:`SaveResult` list.
        ``remember_name``: offer the name again next time (one-player games).
        """
        # A slow disk or a lock held by another game must never stall a frame.
        def work():
            results = []
            rows = self.outcome.get("players", [])
            for entry, seat in zip(entries, seats):
                result = self.store.save(entry, remember_name=remember_name)
                self._note_score_read(result)
                if result.saved:
                    self.outcome["saved"] = True
                    if seat < len(rows):
                        rows[seat]["saved"] = True
                else:
                    print(f"mi-trivia: the score of {entry.name} could not be saved: {result.error}",
                          file=sys.stderr)
                results.append(result)
            return results

        return self._executor().submit(work)

    def bank_paths_for_message(self) -> list[str]:
        return self.bank_paths or ["questions.yaml"]

    # -- the loop -----------------------------------------------------------------
    def dispatch(self, intent) -> bool:
        if intent.kind == I.QUIT:
            self.quit()
            return True
        if intent.kind == I.FULLSCREEN:
            self.toggle_fullscreen()
            return True
        if intent.kind == I.RESIZE:
            self._resized()
            return True
        if intent.kind == I.FOCUS_LOST and self._own_window_change > 0:
            return True  # F11 recreated the window: the player did not leave
        if intent.kind == I.MUTE:
            self.toggle_mute()
            return True
        if intent.kind in (I.POINT, I.CLICK, I.DRAG, I.RELEASE):
            moved, self.pointer = intent.pos != self.pointer, intent.pos
            if intent.kind == I.POINT and not moved:
                # A pointer that did not move (the window system reports it when a window or a panel appears
                # under it, or the focus changes) never moves a selection.
                return False
        if intent.kind == I.PAUSE:
            # Start pauses a question; on other screens it does what Enter does (P only pauses).
            return self.stack.handle(intent) or (not intent.text and self.stack.handle(I.Intent(I.CONFIRM)))
        return self.stack.handle(intent)

    def run(self, first_scene=None, *, max_frames: int | None = None, max_seconds: float | None = None,
            always_draw: bool = False) -> int:
        """The loop.  The keyword arguments serve the benchmark: stop after so many
        passes or seconds, and draw every pass even when nothing changed."""
        from game.ui.scenes.title import TitleScene

        perf = self.perf
        perf.started = time.perf_counter()
        perf.cpu_started = time.process_time()
        if first_scene is not None:
            self.stack.push(first_scene)
        elif not len(self.stack):
            self.stack.push(TitleScene(self))
        clock = pygame.time.Clock()
        fps = max(self.options.fps, 0)
        self.running = True
        first = True
        last = time.perf_counter()
        passes = 0
        while self.running:
            passes += 1
            if (max_frames is not None and passes > max_frames) or \
                    (max_seconds is not None and time.perf_counter() - perf.started >= max_seconds):
                break
            frame_start = time.perf_counter()
            dt = min(frame_start - last, 0.25)
            last = frame_start
            top = self.stack.top
            text_mode = bool(top and top.wants_text)
            used = False
            for event in pygame.event.get():
                if event.type in PAD_EVENTS:
                    intent = self.pads.translate(event)
                    if self.pads.note:
                        self.toast(self.pads.note)
                        self.pads.note = None
                else:
                    intent = I.translate(event, text_mode)
                if intent is not None:
                    used |= self.dispatch(intent)
                    top = self.stack.top
                    text_mode = bool(top and top.wants_text)
            if not self.running:
                break
            self._own_window_change = max(self._own_window_change - 1, 0)
            if self.party is not None and self.party.pump():
                self.stack.changed = True  # phones joined or answered: the count and the names change
            if self.bot is not None:
                self.bot.step(self, frame_start)
            self.stack.update(dt)
            if self._toast is not None and time.monotonic() >= self._toast[1]:
                self._toast = None
                self.stack.changed = True
            full = used or self.stack.changed or first or always_draw
            if full or self.stack.animating():
                region = None if full else self.stack.animated_rect()
                if region is not None:
                    # Only the countdown moved: repaint and show just that strip.
                    self.stack.top.draw_animated(self._surface)
                    pygame.display.update(region)
                else:
                    self.stack.changed = False
                    self.compose(self._surface)
                    pygame.display.flip()
                    self.stack.shown_whole()
                perf.frames += 1
                perf.frame_ms.append((time.perf_counter() - frame_start) * 1000)
                self._screenshot()
                if first:
                    first = False
                    perf.first_frame_at = time.time()
                    age = process_age_seconds()
                    perf.startup_ms = (age * 1000) if age is not None else (time.perf_counter() - perf.started) * 1000
                    self.sound.start()  # after the first frame: opening audio never delays it
            clock.tick(fps)
        self.end_party("The game was closed")
        for party in self._parties:
            party.wait_closed()
        if self.party_bots is not None:
            self.party_bots.stop()
        if self._saver is not None:
            self._saver.shutdown(wait=True)
        self.sound.close()
        return self.exit_code

    def compose(self, surface) -> None:
        """Draw the whole picture on ``surface``: the scenes and any notice over them."""
        self.stack.draw(surface)
        if self._toast is not None:
            draw_toast(surface, self, self._toast[0], self.stack.top.controls())

    def _screenshot(self) -> None:
        folder = self.options.screenshots
        top = self.stack.top
        name = getattr(top, "shot_name", None) or (top.name if top is not None else None)
        if folder is None or top is None or name in self._shots_taken or not top.settled():
            return
        self._shots_taken.add(name)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            pygame.image.save(self._surface, str(folder / f"{name}.png"))
        except (OSError, pygame.error) as exc:
            print(f"mi-trivia: cannot save a screenshot in {folder}: {exc}", file=sys.stderr)

    def asked_rounds(self) -> list:
        """The rounds the current game (or the last party) has shown so far."""
        if self.options.mode == "party" and self._parties:
            party = self._parties[-1]
            return party.rounds[:party.number]
        session = self.session
        return session.rounds[:session.asked] if session is not None else []

    def kinds_asked(self) -> dict[str, int]:
        """How many questions of each kind the game asked (every kind listed, 0 if none)."""
        from game.core.kinds import names

        counts = dict.fromkeys(names(), 0)
        for rnd in self.asked_rounds():
            counts[rnd.kind] = counts.get(rnd.kind, 0) + 1
        return counts

    def report(self) -> dict:
        """The numbers ``--autoplay`` prints as its last line."""
        perf = self.perf
        wall = time.perf_counter() - perf.started
        cpu = time.process_time() - perf.cpu_started
        frames = sorted(perf.frame_ms) or [0.0]

        def pct(q: float) -> float:
            return round(frames[min(len(frames) - 1, int(round(q * (len(frames) - 1))))], 3)

        data = {
            "frames": perf.frames,
            "startup_ms": round(perf.startup_ms, 1),
            "first_frame_at": round(perf.first_frame_at, 4),
            "frame_ms_p50": pct(0.5),
            "frame_ms_p99": pct(0.99),
            "frame_ms_max": round(frames[-1], 3),
            "cpu_percent": round(100 * cpu / wall, 1) if wall > 0 else 0.0,
            "wall_s": round(wall, 3),
            "mode": self.options.mode,
            "count": self.options.count,
            "reviewed": self.reviewed,
            "seed": self.options.seed,
            **self.outcome,
            "kinds": self.kinds_asked(),
            "settings": {k: v for k, v in self.settings.to_json().items() if k not in ("format", "version")},
            "sound": self.sound.state,
            "sounds_played": dict(self.sound.played),
            "gamepads": len(self.pads),
        }
        if self.options.mode == "party":
            data.update(self.party_report())
        peak = peak_rss_mb()
        if peak is not None:
            data["peak_rss_mb"] = peak
        return data

    def party_report(self) -> dict:
        """Party mode's numbers: the room, the server and (autoplay) the simulated phones."""
        data: dict = {}
        if self._parties:
            party = self._parties[-1]
            data.update(questions=party.number, players_joined=len(party.room.players),
                        answers_counted=party.host.stats.answers_counted,
                        rejected_messages=party.rejected_messages,
                        rejoins=party.host.stats.rejoins)
        if self.party_bots is not None:
            data.update(self.party_bots.report())
            if self._parties:
                # What the simulated phones sent of each kind asked, and what the game counted of it.
                counted = self._parties[-1].host.stats.counted_by_kind
                data["answers_by_kind"] = {kind: [self.party_bots.sent_of(kind), counted.get(kind, 0)]
                                           for kind, asked in self.kinds_asked().items() if asked}
        return data


def _icon(theme: Theme) -> pygame.Surface:
    icon = pygame.Surface((32, 32))
    icon.fill(theme.palette.bg_top)
    pygame.draw.line(icon, theme.palette.accent, (4, 24), (24, 24), 3)
    pygame.draw.circle(icon, theme.palette.focus, (26, 24), 4)
    pygame.draw.rect(icon, theme.palette.accent, (6, 8, 16, 10), border_radius=3)
    return icon


def report_line(app: App) -> str:
    return json.dumps(app.report(), ensure_ascii=False)
