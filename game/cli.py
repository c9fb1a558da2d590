"""The command line: play (the default), validate, preview, scores, import-opentdb, paths."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

from game import __version__, paths

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
AUTOPLAY_BOTS = 6  # simulated phones in `--autoplay --mode party` without --bots


def _whole(minimum: int):
    """An argparse type: a whole number no smaller than ``minimum``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more")
        return value
    return parse


_positive, _non_negative = _whole(1), _whole(0)


def _players(text: str) -> int:
    value = _whole(2)(text)
    if value > 4:
        raise argparse.ArgumentTypeError("hot-seat takes 2 to 4 players")
    return value


def _port(text: str) -> int:
    value = _whole(1)(text)
    if value > 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return value


def _max_players(text: str) -> int:
    from game.core.party import MAX_PLAYERS_LIMIT

    value = _whole(1)(text)
    if value > MAX_PLAYERS_LIMIT:
        raise argparse.ArgumentTypeError(f"a party takes at most {MAX_PLAYERS_LIMIT} players")
    return value


def _address(text: str) -> str:
    import ipaddress

    if text == "localhost":
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an IP address of this computer such as 192.168.1.20 "
                                         f"or 127.0.0.1, not {text!r}") from None


def _kinds(text: str) -> tuple[str, ...]:
    from game.core.kinds import names

    kinds = tuple(dict.fromkeys(k.strip().lower() for k in text.split(",") if k.strip()))
    unknown = [k for k in kinds if k not in names()]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"{', '.join(unknown) or 'nothing'} is not a kind of question; "
                                         f"use a comma-separated list of {', '.join(names())}")
    return kinds


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x720, not {text!r}") from None
    from game.ui.theme import MIN_WINDOW

    if width < MIN_WINDOW[0] or height < MIN_WINDOW[1]:
        raise argparse.ArgumentTypeError(f"the window must be at least {MIN_WINDOW[0]}x{MIN_WINDOW[1]}")
    return width, height


def _setting(parse):
    """An argparse type from one of :mod:`game.core.settings`' checks."""
    def convert(text: str):
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None
    convert.__name__ = parse.__name__.replace("parse_", "")
    return convert


def _play_options(parser: argparse.ArgumentParser) -> None:
    game = parser.add_argument_group("playing")
    game.add_argument("--mode", choices=["classic", "sudden-death", "practice", "hotseat", "party"],
                      help="classic (the default), sudden-death, practice, hotseat or party")
    game.add_argument("--players", type=_players, metavar="2..4",
                      help="hot-seat players sharing the screen (implies --mode hotseat; default 2)")
    game.add_argument("--count", type=_positive, default=10, help="questions in a game (default 10)")
    game.add_argument("--seed", type=int, help="make the whole game reproducible")
    game.add_argument("--questions", type=Path, action="append", metavar="PATH",
                      help="play this YAML file or folder of *.yaml instead of the default bank (repeatable)")
    game.add_argument("--category", help="play only questions of this category")
    game.add_argument("--difficulty", choices=["easy", "medium", "hard"], help="play only questions of this difficulty")
    game.add_argument("--kinds", type=_kinds, metavar="KIND,...",
                      help="play only these kinds: choice, truefalse, estimate, order, type (default all)")
    game.add_argument("--scores", type=Path, metavar="PATH",
                      help="use this score file (default: see `mi-trivia paths`)")
    game.add_argument("--name", help="the name the autoplay bot enters (default AUTO)")
    game.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH", help="window size (default 1280x720)")
    game.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    party = parser.add_argument_group("party mode (--mode party: everyone answers on their own phone)")
    party.add_argument("--port", type=_port, metavar="N",
                       help="the port phones connect to (default 8765; the next free one when it is taken)")
    party.add_argument("--bind", type=_address, metavar="ADDRESS",
                       help="listen on this address only (default: this computer's local-network addresses; "
                            "127.0.0.1 keeps the party on this computer)")
    party.add_argument("--max-players", type=_max_players, metavar="N", help="at most this many players "
                       "(default 60, at most 200)")
    party.add_argument("--bots", type=_whole(1), metavar="N",
                       help="with --autoplay: N simulated phones join over 127.0.0.1 and play")
    from game.core import settings as S

    comfort = parser.add_argument_group("comfort (these win over the saved settings, for this run only)")
    comfort.add_argument("--theme", choices=S.THEMES, help="default or high-contrast")
    comfort.add_argument("--text-scale", type=_setting(S.parse_text_scale), metavar="SCALE",
                         help="text size: 1, 1.25, 1.5 or 2 (or 100%%, 125%%, 150%%, 200%%)")
    comfort.add_argument("--time-factor", type=_setting(S.parse_time_factor), metavar="FACTOR", default=False,
                         help="more time per question: 1, 1.5 or 2, or none for no timer "
                              "(extra time has its own high-score boards; no timer has none)")
    comfort.add_argument("--reduced-motion", action=argparse.BooleanOptionalAction, default=None,
                         help="no animations (the clock moves in whole seconds)")
    comfort.add_argument("--mute", action=argparse.BooleanOptionalAction, default=None,
                         help="no sound (M toggles it while playing)")
    comfort.add_argument("--volume", type=_setting(S.parse_volume), metavar="0..100", help="sound volume")
    test = parser.add_argument_group("testing and measuring")
    test.add_argument("--autoplay", action="store_true",
                      help="the game plays itself and prints a JSON line of measurements")
    test.add_argument("--fps", type=_non_negative, default=60, help="frame cap (default 60; 0 = uncapped)")
    test.add_argument("--screenshots", type=Path, metavar="DIR",
                      help="save a PNG of each screen the first time it shows")
    test.add_argument("--frames", type=_positive, help=argparse.SUPPRESS)  # the benchmark: stop after N passes


class _Formatter(argparse.HelpFormatter):
    """The usage line shows the sub-command as optional, ``[COMMAND ...]``: with none, the game plays."""

    def _format_args(self, action, default_metavar):
        if action.nargs == argparse.PARSER:
            return f"[{self._metavar_formatter(action, default_metavar)(1)[0]} ...]"
        return super()._format_args(action, default_metavar)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mi-trivia", formatter_class=_Formatter,
        description="Off the Rails: a timed trivia game about the train stunt in "
                    "Mission: Impossible – Dead Reckoning Part One.",
    )
    parser.add_argument("--version", action="version", version=f"mi-trivia {__version__}")
    _play_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play the game (the default)")
    _play_options(play)

    validate = sub.add_parser("validate", help="check question files and print every problem")
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="files or folders (default: the default bank and your questions folder)")
    validate.add_argument("--json", action="store_true", help="print the questions as the game will use them")
    validate.add_argument("--seed", type=int, default=0, help="seed for the generated wrong answers (default 0)")
    validate.add_argument("--pure", action="store_true", help=argparse.SUPPRESS)  # pure-Python parser, for tests

    preview = sub.add_parser("preview", help="show a question file's questions as the game draws them, "
                                             "read again on every save")
    preview.add_argument("file", type=Path, metavar="FILE", help="the question file (YAML)")
    preview.add_argument("--screenshots", type=Path, metavar="DIR",
                         help="no window: write every question, variant and feedback at every size, text size "
                              "and theme as PNGs in DIR, then exit")
    preview.add_argument("--seed", type=int, default=0, help="seed for the generated wrong answers (default 0)")
    preview.set_defaults(autoplay=False, frames=None)

    scores = sub.add_parser("scores", help="print the high-score boards")
    scores.add_argument("--json", action="store_true", help="print one JSON array of entries")
    scores.add_argument("--scores", type=Path, metavar="PATH", help="the score file to read")

    imp = sub.add_parser("import-opentdb", help="convert Open Trivia Database JSON to a question file")
    imp.add_argument("file", type=Path, metavar="FILE.json")
    imp.add_argument("-o", "--output", type=Path, metavar="OUT.yaml", help="write here instead of standard output")

    sub.add_parser("paths", help="print where the game keeps its files")
    return parser


def main(argv: list[str] | None = None, *, fast_exit: bool = False) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.fast_exit = fast_exit
    command = args.command or "play"
    try:
        handler = {"play": cmd_play, "validate": cmd_validate, "preview": cmd_preview, "scores": cmd_scores,
                   "import-opentdb": cmd_import, "paths": cmd_paths}[command]
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (`| head`); nothing more to say
        return EXIT_OK


def run() -> None:
    """The program's entry point (``mi-trivia``, ``python -m game``): :func:`main`, then a quick exit.

    When a game's main() returns, every score and setting is saved (the saving thread
    has been waited for), the window is closed and the report printed.  What is left,
    closing the audio device (SDL waits tens of milliseconds for its audio thread) and
    tearing down the interpreter, only keeps the player waiting, so the process ends
    at once.  Commands that never started pygame end the ordinary way.
    """
    _skip_pkg_resources()
    code = main(fast_exit=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    if "pygame" in sys.modules:
        os._exit(code)
    sys.exit(code)


def _skip_pkg_resources() -> None:
    """Let pygame start without setuptools' pkg_resources.

    pygame 2.x imports pkg_resources (deprecated, and 50-100 ms to import where setuptools
    is installed, as in every Python 3.10 or 3.11 venv) only to look for its own default
    font, which the game never uses (it ships DejaVu), and pygame carries on without it.
    Nothing else in the game uses pkg_resources, so the program hides it for the run.
    """
    sys.modules.setdefault("pkg_resources", None)  # type: ignore[arg-type]  # `import` raises ImportError


# -- banks ------------------------------------------------------------------------------
def default_sources() -> list[Path]:
    sources = [paths.default_bank()]
    folder = paths.user_paths().questions_dir
    if folder.is_dir():
        sources.append(folder)
    return sources


def bank_label(chosen: list[Path] | None, sources: list[Path], bank) -> str:
    """How the title and the boards name what is played: the files given on the command line, else the
    default bank, "+ your questions" only when the player's questions folder gave some (an empty
    folder, or one whose files were all refused, adds nothing)."""
    if chosen:
        return ", ".join(p.name for p in chosen)
    home = str(sources[0])
    if len(sources) > 1 and any(q.source.rsplit(":", 1)[0] != home for q in bank.questions):
        return "default bank + your questions"
    return "default bank"


def load_bank(sources: list[Path], seed, fast: bool = True, giveaways: bool = False):
    from game.core.questions import load_files

    return load_files(sources, seed, fast=fast, giveaways=giveaways)


SHOWN_PROBLEMS = 5  # the start-up notice lists this many problems, then says how many more

# -- play -------------------------------------------------------------------------------
def _display_problem(args, environ=os.environ, platform=sys.platform) -> str | None:
    """On Linux with no display to show a window on (and no SDL driver chosen), say so at once:
    SDL would otherwise try its other drivers and may wait with nothing on screen.  Autoplay
    needs no screen and gets SDL's dummy driver."""
    if not platform.startswith("linux") or environ.get("SDL_VIDEODRIVER") or \
            environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    if args.autoplay or args.frames:
        environ["SDL_VIDEODRIVER"] = "dummy"
        return None
    return ("there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set). "
            "Start the game from a desktop session, or set SDL_VIDEODRIVER=dummy to run it without a screen.")


def cmd_play(args) -> int:
    from game.core.scores import ScoreStore

    mode = args.mode or ("hotseat" if args.players else "classic")
    if args.players and mode != "hotseat":
        print(f"mi-trivia: --players is for hot-seat games; it cannot be used with --mode {mode}", file=sys.stderr)
        return EXIT_UNREADABLE
    problem = _party_problem(args, mode)
    if problem:
        print(f"mi-trivia: {problem}", file=sys.stderr)
        return EXIT_UNREADABLE
    problem = _display_problem(args)
    if problem:  # as when the window cannot be opened
        print(f"mi-trivia: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    sources = args.questions or default_sources()
    if not args.questions and not args.category and len(sources) == 1:
        # The default bank alone: nothing to check before the window opens, so it is read once the title
        # is on screen (game/bankload.py) and the title shows its counts when it is in.
        from game.bankload import LazyBank

        bank = LazyBank(lambda: load_bank(sources, seed), lambda loaded: _say_problems(loaded, sources))
        label = "default bank"
    else:
        from game.core.questions import UnreadablePath

        try:
            bank = load_bank(sources, seed)
        except UnreadablePath as exc:
            print(f"mi-trivia: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
        if args.category and bank.questions and not bank.filtered(category=args.category):
            known = ", ".join(bank.categories()) or "none"
            print(f"mi-trivia: no questions in the category {args.category!r} (categories: {known})",
                  file=sys.stderr)
            return EXIT_UNREADABLE
        _say_problems(bank, sources)
        label = bank_label(args.questions, sources, bank)
    notices: list[str] = []
    user = paths.user_paths()
    store = ScoreStore(args.scores or user.scores)
    saved = _saved_settings(user.settings, notices)
    settings = saved.changed(**_overrides(args))
    history = None if args.seed is not None else _history(user.history, notices)  # --seed: the same game always

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.app import App, Options
    from game.report import report_line
    party: dict[str, Any] = {}
    if mode == "party":
        from game.core.party import MAX_PLAYERS_DEFAULT

        party["max_players"] = args.max_players or max(MAX_PLAYERS_DEFAULT, args.bots or 0)
    options = Options(count=args.count, seed=args.seed if args.seed is not None else seed,
                      name=args.name or ("AUTO" if args.autoplay else None), category=args.category,
                      difficulty=args.difficulty, kinds=args.kinds, mode=mode, players=args.players or 2,
                      autoplay=args.autoplay, fps=args.fps,
                      screenshots=args.screenshots, size=args.size, fullscreen=args.fullscreen,
                      port=args.port, bind=args.bind, bots=args.bots or 0, **party)
    app = App(options, bank, store, bank_label=label,  # type: ignore[arg-type]  # a LazyBank stands in for a Bank bank_paths=[str(s) for s in sources], notices=notices,
              settings=settings, saved_settings=saved, settings_path=user.settings, history=history,
              history_path=user.history if history is not None else None,
              home_bank=str(sources[0]) if not args.questions and len(sources) > 1 else None)
    if not _open_window(app, args):
        return EXIT_PROBLEMS
    if args.autoplay:
        from game.ui.autoplay import Bot

        app.bot = Bot(seed, options.name or "AUTO")  # (--autoplay names it AUTO unless --name says)
    try:
        code = app.run(max_frames=args.frames)
    finally:
        if args.fast_exit:
            pygame.display.quit()  # the audio device is left to the process's end (see run())
        else:
            pygame.quit()
    if args.autoplay or args.frames:
        print(report_line(app), flush=True)
    if os.environ.get("MI_TRIVIA_TRACE"):
        _write_trace(app, Path(os.environ["MI_TRIVIA_TRACE"]))
    return code


def _say_problems(bank, sources: list[Path]) -> None:
    """The problems found in the questions, on standard error (the first few, and how many more)."""
    if not bank.problems:
        return
    shown = " ".join(str(s) for s in sources)
    count = len(bank.problems)
    print(f"mi-trivia: {count} problem{'s' if count != 1 else ''} in the questions ({bank.summary()}); "
          f"run `mi-trivia validate {shown}` for the details", file=sys.stderr)
    for problem in bank.problems[:SHOWN_PROBLEMS]:
        print(f"  {problem}", file=sys.stderr)
    if count > SHOWN_PROBLEMS:
        print(f"  … and {count - SHOWN_PROBLEMS} more", file=sys.stderr)


def _open_window(app, args) -> bool:
    """Open the game's window; ``False`` (said on standard error) when there is none to open.  Autoplay
    carries on without a screen."""
    import pygame

    try:
        app.open_window()
    except pygame.error as exc:
        if not args.autoplay or os.environ.get("SDL_VIDEODRIVER") == "dummy":
            print(f"mi-trivia: cannot open a window: {exc}. On a machine with no display, run with "
                  f"SDL_VIDEODRIVER=dummy.", file=sys.stderr)
            return False
        pygame.display.quit()
        os.environ["SDL_VIDEODRIVER"] = "dummy"  # autoplay needs no screen
        app.open_window()
    return True


def _write_trace(app, where: Path) -> None:
    """``MI_TRIVIA_TRACE=FILE``: the questions the run asked, their choices and the answers given, one JSON
    line each (a refactor is checked by comparing these for seeded autoplay runs before and after)."""
    import json

    session = app.ctx.games.session
    with where.open("a", encoding="utf-8") as out:
        for rnd in app.ctx.games.asked_rounds():
            q = rnd.question
            line = {"number": rnd.number, "kind": rnd.kind, "prompt": q.prompt, "choices": list(rnd.choices),
                    "correct": rnd.correct, "solution": list(rnd.solution), "answer": q.answer,
                    "scale": q.scale.to_json() if q.scale is not None else None}
            if session is not None:
                line["answers"] = [[a.player, a.response if not isinstance(a.response, tuple) else list(a.response),
                                    a.correct, a.close] for a in session.answers if a.round is rnd]
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _party_problem(args, mode: str) -> str | None:
    """What is wrong with the party flags, in words (``None``: nothing)."""
    given = [flag for flag, value in (("--port", args.port), ("--bind", args.bind),
                                      ("--max-players", args.max_players), ("--bots", args.bots)) if value]
    if given and mode != "party":
        return f"{given[0]} is for party games (--mode party); it cannot be used with --mode {mode}"
    if args.bots and not args.autoplay:
        return "--bots is for --autoplay: simulated phones play a whole party by themselves"
    if args.bots and args.bots > _party_limit():
        return f"--bots takes at most {_party_limit()} simulated phones (a party's most players)"
    if args.bots and args.max_players and args.bots > args.max_players:
        return f"--bots {args.bots} is more than --max-players {args.max_players}"
    if args.bots and args.bind and args.bind != "127.0.0.1":
        return "--bots plays on this computer only (127.0.0.1); leave out --bind"
    if mode == "party" and args.autoplay and not args.bots:
        args.bots = AUTOPLAY_BOTS
    return None


def _party_limit() -> int:
    from game.core.party import MAX_PLAYERS_LIMIT  # only when asked: the room's module is not needed to start

    return MAX_PLAYERS_LIMIT


def _read_noting(load, path: Path, notices: list[str]):
    """``load(path)``; its message (a file kept aside) goes to standard error and the title screen."""
    read = load(path)
    if read.message:
        print(f"mi-trivia: {read.message}", file=sys.stderr)
        notices.append(read.message)
    return read


def _saved_settings(path: Path, notices: list[str]):
    from game.core import settings as S

    return _read_noting(S.load, path, notices).settings


def _history(path: Path, notices: list[str]):
    from game.core import history as H

    return _read_noting(H.load, path, notices).history


def _overrides(args) -> dict:
    """The settings given on the command line (``--time-factor none`` is a value: no timer)."""
    given = {"theme": args.theme, "text_scale": args.text_scale, "reduced_motion": args.reduced_motion,
             "muted": args.mute, "volume": args.volume}
    values = {key: value for key, value in given.items() if value is not None}
    if args.time_factor is not False:
        values["time_factor"] = args.time_factor
    return values


# -- validate ---------------------------------------------------------------------------
def cmd_validate(args) -> int:
    from game.core.questions import UnreadablePath, expand_paths

    sources = args.paths or default_sources()
    # A path that cannot be read is named, and the others are still checked (exit status 2 at the end).
    readable: list[Path] = []
    unreadable = 0
    for source in sources:
        try:
            expand_paths([source])
        except UnreadablePath as exc:
            print(f"mi-trivia validate: {exc}", file=sys.stderr)
            unreadable += 1
        else:
            readable.append(source)
    if not readable:
        return EXIT_UNREADABLE
    try:
        bank = load_bank(readable, args.seed, fast=not args.pure, giveaways=True)
    except UnreadablePath as exc:
        print(f"mi-trivia validate: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    out = sys.stderr if args.json else sys.stdout
    for problem in bank.problems:
        print(problem, file=out)
    for warning in bank.warnings:
        print(f"{warning.path}:{warning.line}:{warning.column}: warning: {warning.message}", file=out)
    warned = f", {len(bank.warnings)} warning{'s' if len(bank.warnings) != 1 else ''}" if bank.warnings else ""
    if args.json:
        json.dump([q.to_json() for q in bank.questions], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    files = len(bank.files)
    where = f"{files} file{'s' if files != 1 else ''}"
    if bank.problems:
        print(f"{len(bank.problems)} problem{'s' if len(bank.problems) != 1 else ''} in {where}; "
              f"{bank.summary()}{warned}", file=out)
        return EXIT_UNREADABLE if unreadable else EXIT_PROBLEMS
    if unreadable:
        print(f"{unreadable} path{'s' if unreadable != 1 else ''} could not be read; "
              f"{len(bank.questions)} question{'s' if len(bank.questions) != 1 else ''} from {where}, "
              f"no problems{warned}", file=out)
        return EXIT_UNREADABLE
    if not args.json:
        print(f"OK: {len(bank.questions)} question{'s' if len(bank.questions) != 1 else ''} from {where}, "
              f"no problems{warned}")
    return EXIT_OK


# -- preview --------------------------------------------------------------------------
def cmd_preview(args) -> int:
    from game import preview

    if args.screenshots is None:
        problem = _display_problem(args)
        if problem:
            print(f"mi-trivia preview: {problem} (--screenshots DIR needs no display)", file=sys.stderr)
            return EXIT_PROBLEMS
    return preview.run(args.file, screenshots=args.screenshots, seed=args.seed)


# -- scores -----------------------------------------------------------------------------
def cmd_scores(args) -> int:
    from game.core.scores import ScoreStore

    store = ScoreStore(args.scores or paths.user_paths().scores)
    result = store.read(repair=False)  # never moves or changes the file
    if result.unreadable:  # not "no scores yet": say so, and why, and leave the file as it is
        why = result.unreadable.removeprefix(f"cannot read {store.path}: ")
        print(f"mi-trivia scores: cannot read the score file {store.path}: {why}.\n"
              f"Nothing was changed. The game keeps such a file aside (renamed {store.path.name}.unreadable-DATE) "
              f"and starts a new table the next time it saves a score.", file=sys.stderr)
        return EXIT_UNREADABLE
    for warning in result.warnings:
        print(f"mi-trivia scores: {store.path}: {warning}", file=sys.stderr)
    boards = result.table.boards()
    if args.json:
        rows = [{**e.to_json(), "rank": place} for items in boards.values()
                for place, e in enumerate(items, start=1)]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    if not boards:
        print(f"No scores yet ({store.path}).")
        return EXIT_OK
    for board, entries in boards.items():
        label = entries[0].board_label or board
        print(f"{label}  [{board}]")
        for place, e in enumerate(entries, start=1):
            name = e.name if e.name.isprintable() else repr(e.name)
            right = f"{e.correct:>2} in a row" if e.mode == "sudden-death" else f"{e.correct:>2}/{e.asked:<2}"
            print(f"  {place:>2}. {name:<16}  {e.score:>7,}  {right}  {e.time_s:7.1f} s  {e.date[:10]}")
        print()
    return EXIT_OK


# -- import -----------------------------------------------------------------------------
def cmd_import(args) -> int:
    from game.core import opentdb
    from game.core.scores import write_atomic

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"mi-trivia import-opentdb: {args.file}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        records = opentdb.records_from_json(data)
    except opentdb.ImportError_ as exc:
        print(f"mi-trivia import-opentdb: {args.file}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        converted = opentdb.convert(records)
    except opentdb.ImportError_ as exc:
        print(f"mi-trivia import-opentdb: {args.file}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for left_out in converted.skipped:  # each one, and why: the file written holds only what validate accepts
        print(f"mi-trivia import-opentdb: {args.file}: left out {left_out}", file=sys.stderr)
    text = opentdb.to_yaml(converted)
    if args.output:
        try:
            write_atomic(args.output, text)
        except OSError as exc:
            print(f"mi-trivia import-opentdb: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_UNREADABLE
        print(f"Wrote {converted.summary(f' to {args.output}')}", file=sys.stderr)
    else:
        sys.stdout.write(text)
        print(f"Converted {converted.summary()}", file=sys.stderr)
    return EXIT_OK


# -- paths ------------------------------------------------------------------------------
def cmd_paths(args) -> int:
    user = paths.user_paths()
    print(f"default bank:     {paths.default_bank()}")
    print(f"your questions:   {user.questions_dir}  (every *.yaml here is added to the default bank)")
    print(f"scores:           {user.scores}")
    print(f"settings:         {user.settings}  (theme, text size, motion, timer, sound: the Settings screen)")
    print(f"history:          {user.history}  (questions asked lately, asked last; delete it to forget them)")
    print(f"data folder:      {user.data_dir}")
    print(f"config folder:    {user.config_dir}")
    return EXIT_OK
