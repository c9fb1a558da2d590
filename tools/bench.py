"""`make bench`: start-up, frame cost, CPU at the cap (also in a real X window), bank loading, memory, a party.

Every timing row is judged as a ratio to a reference measured in the same run, interleaved with what it
judges (so both see the same machine), with the milliseconds shown beside it:

- start-up: bare pygame (init, a window, one flip), spawned in turn with the game, median of 7;
- a screen's frame cost and its CPU at the 60 FPS cap: a bare loop that fills and flips a window of the
  same size, run in chunks between the screen's chunks;
- the party with phones answering: the same party screen with no players;
- loading a bank: PyYAML's own parse of the same file.

A frame's cost is the loop thread's CPU time from one pass to the next (``time.thread_time``), so time the
machine gave to another process is not counted as ours.  Run it beside a busy neighbour (another
``make bench`` in a second terminal) and the verdicts stay the same.

Writes ``bench-results/bench.md`` and ``bench-results/bench.json`` and prints PASS or FAIL per row.

    python tools/bench.py            # the full run (several minutes)
    python tools/bench.py --quick    # tiny sizes: a smoke test that the benchmark works
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_STARTUP = """\
import os, time
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
pygame.init()
screen = pygame.display.set_mode((1280, 720))
screen.fill((0, 0, 0))
pygame.display.flip()
first_frame_at = time.time()
pygame.quit()
print('{"first_frame_at": %.4f}' % first_frame_at)
"""
BARE_FILL = (10, 16, 30)

# What is measured, and the screen of game/ui/flow.py's registry that shows it.
SHOWN_AS = {"title": "title", "question": "play", "feedback": "play", "results": "results",
            "name_entry": "name_entry", "highscores": "highscores", "review": "review", "review_long": "review",
            "party_question": "party_play"}
SCREENS = tuple(SHOWN_AS)
STILL = ("title", "highscores", "results")
LABELS = {"review": "review of 10 answers, scrolling", "review_long": "review of 100 answers, scrolling",
          "party_question": "party question, no players"}

# The budgets: a screen's frame cost p99 over the bare fill-and-flip loop's p99 (frames drawn in full, uncapped).
FRAME_BUDGET = 10.0
STARTUP_BUDGET = 1.1     # the first frame: game / bare pygame
EXIT_BUDGET = 1.3        # process exit: game / bare pygame
CPU_STILL_BUDGET = 1.0   # a screen at rest at 60 FPS / the bare loop that fills and flips every frame
CPU_QUESTION_BUDGET = 2.5
X11_BUDGET = 0.8         # a question in a real X window (game + X server) / the bare flip loop (+ X server)
PARTY_FRAME_BUDGET = 1.2  # 200 phones answering / no players
PARTY_CPU_BUDGET = 3.0  # the server's thread reads and answers 200 phones
LATENCY_BUDGET_MS = 50.0
LOAD_BUDGET = 2.0        # load and validate / PyYAML's parse of the same file
STALL_BUDGET_MS = 50.0   # the longest frame of an autoplay game, over the bare loop's longest beside it


def percentile(values, q):
    values = sorted(values)
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def ratio(value: float, reference: float) -> float:
    """``value / reference``, rounded; ``inf`` when the reference measured nothing."""
    return round(value / reference, 3) if reference > 0 else float("inf")


def interleave(first: Callable[[], object], second: Callable[[], object], rounds: int) -> tuple[list, list]:
    """Run ``first`` and ``second`` by turns, ``rounds`` times each (the reference first): what each returned."""
    a, b = [], []
    for _ in range(rounds):
        a.append(first())
        b.append(second())
    return a, b


class PassMeter:
    """While installed, notes the time at each call of ``pygame.event.get`` (every pass of the loop, the game's
    and the bare one's, starts there): ``frames_ms()`` is this thread's CPU time from one pass to the next."""

    def __init__(self, pygame):
        self.pygame = pygame
        self.cpu: list[float] = []
        self.at: list[float] = []
        self._real = None

    def __enter__(self) -> PassMeter:
        self._real = real = self.pygame.event.get

        def get(*args, **kwargs):
            self.cpu.append(time.thread_time())
            self.at.append(time.perf_counter())
            return real(*args, **kwargs)

        self.pygame.event.get = get
        return self

    def __exit__(self, *exc) -> None:
        self.pygame.event.get = self._real

    def frames_ms(self) -> list[float]:
        return [(b - a) * 1000 for a, b in zip(self.cpu, self.cpu[1:], strict=False)]

    def ended_at(self) -> list[float]:
        """When each of :meth:`frames_ms` ended."""
        return self.at[1:]


def bare_frames(pygame, surface, frames: int) -> list[float]:
    """The reference loop: events, fill the whole window, flip; the CPU ms of each pass after the first."""
    with PassMeter(pygame) as meter:
        for _ in range(frames + 1):
            pygame.event.get()
            surface.fill(BARE_FILL)
            pygame.display.flip()
        pygame.event.get()
    return meter.frames_ms()[1:]


def bare_cpu(pygame, surface, seconds: float) -> float:
    """% of one core for the bare loop at the 60 FPS cap."""
    clock = pygame.time.Clock()
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        pygame.event.get()
        surface.fill(BARE_FILL)
        pygame.display.flip()
        clock.tick(60)
    return 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)


# -- 1. start-up --------------------------------------------------------------------------
def bench_startup(runs: int, tmp: Path) -> dict:
    """Bare pygame (init, a 1280x720 window, one flip, quit) against the game (its title's first frame,
    then quit) measured two ways from the spawn: to the first frame on screen (each child notes the
    wall clock right after its first flip) and to the process's exit."""
    env = dict(os.environ)
    env["MI_TRIVIA_HOME"] = str(tmp / "home")
    bare_cmd = [sys.executable, "-c", BARE_STARTUP]
    game_cmd = [sys.executable, "-m", "game", "--frames", "1", "--seed", "1", "--scores", str(tmp / "s.json")]

    def timed(cmd):
        spawned, start = time.time(), time.perf_counter()
        out = subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True,
                             text=True).stdout
        exited = (time.perf_counter() - start) * 1000
        first = json.loads(out.strip().splitlines()[-1])["first_frame_at"]
        return (first - spawned) * 1000, exited

    # Steady state, as on a player's machine: the game's bytecode is cached (an
    # installed wheel is compiled by pip; an editable checkout on its first run),
    # even where PYTHONDONTWRITEBYTECODE is set, as it is on these machines.
    import compileall

    compileall.compile_dir(str(ROOT / "game"), quiet=1)
    timed(bare_cmd), timed(game_cmd)  # warm the file cache
    bare, game = [], []
    for _ in range(runs):  # interleaved, so both see the same machine
        bare.append(timed(bare_cmd))
        game.append(timed(game_cmd))
    result = {"runs": runs}
    for i, way in enumerate(("first_frame", "exit")):
        b, g = statistics.median(t[i] for t in bare), statistics.median(t[i] for t in game)
        result[way] = {"bare_ms": round(b, 1), "game_ms": round(g, 1), "ratio": round(g / b, 3)}
    return result


# -- the game in this process -----------------------------------------------------------
def make_app(tmp: Path, size=(1280, 720), fps=0):
    import pygame

    from game import paths
    from game.app import App, Options
    from game.core.questions import load_files
    from game.core.scores import ScoreStore
    from game.memory import settle

    bank = load_files([paths.default_bank()], seed=1)
    settle()  # as the game does once its bank is read (game/bankload.py)
    app = App(Options(count=10, seed=1, fps=fps, size=size), bank, ScoreStore(tmp / "bench-scores.json"))
    app.open_window()
    return app, pygame


def prepare(app, screen: str, tmp: Path):
    """Put ``screen`` (one of :data:`SCREENS`) on top of the stack as a player would find it, shown by the
    game's own flow (``game/ui/flow.py``) under the registry's name in :data:`SHOWN_AS`."""
    from game.core.scores import new_entry
    from game.core.session import Session

    flow = app.flow
    flow.show("title")
    if screen == "title":
        return
    games = app.ctx.games
    games.game_board = games.current_board()
    questions = [q for q in app.ctx.bank.questions if q.kind == "choice"]  # the other kinds: bench_kinds()
    if screen == "review_long":
        from game.core.questions import load_files

        tmp.mkdir(parents=True, exist_ok=True)
        write_bank(tmp / "long.yaml", 100)
        questions = load_files([tmp / "long.yaml"], seed=1).questions
    mode = "sudden-death" if screen == "review_long" else "classic"
    session = Session(questions, count=10, rng=random.Random(1), mode=mode)
    games.session = session
    if screen in ("question", "feedback"):
        scene = flow.show(SHOWN_AS[screen], session)
        if screen == "feedback":
            scene._answer(0)
            scene.feedback_left = 1e9  # stay on this screen while measured
        return
    session.start()
    for _ in range(session.total):
        session.answer(session.current.correct)
        session.advance()
    if screen == "results":
        flow.show(SHOWN_AS[screen], session)
    elif screen == "name_entry":
        flow.show(SHOWN_AS[screen], games.entry_for(session, "BENCH"), 1)
    elif screen.startswith("review"):
        review = flow.show(SHOWN_AS[screen], session)
        # Scroll on every frame, as a drag or a held key does, wrapping at the end.
        review.update = lambda dt: review.scroll_to((review.offset + 37) % (review.max_offset + 1))
    elif screen == "highscores":
        board, label = games.game_board
        for i in range(10):
            app.ctx.scores.store.save(new_entry(board, label, f"Player {i}", 1000 * i, i, 10, 30.0 + i))
        flow.show(SHOWN_AS[screen], board)


def _prepare_party(app, tmp: Path):
    """The party question with nobody in the room (its clock held: it stays on the question)."""
    from game.core.session import Session
    from game.net.game import PartyGame

    choice = [q for q in app.ctx.bank.questions if getattr(q, "kind", "choice") == "choice"]
    rounds = Session(choice, count=3, rng=random.Random(1), mode="classic").rounds
    party = PartyGame(rounds, port=0, bind="127.0.0.1", max_players=1)
    party.start()
    app.ctx.parties.current = party
    scene = app.flow.show("party_play", party)
    scene.update = lambda dt: None
    return party


def _keep_open(app) -> Callable[[], None]:
    """Let ``app.run`` be called again and again (the benchmark runs it in chunks); returns what closes it all."""
    parties, saves = app.ctx.parties, app.saves
    close_parties, close_saves = parties.close, saves.close
    parties.close = lambda: None
    saves.close = saves.wait

    def close():
        close_parties()
        close_saves()
    return close


def frames_against_bare(app, pygame, frames: int, chunks: int = 6) -> dict:
    """The screen on top of ``app``'s stack drawn in full every pass, uncapped, against the bare loop on the same
    window, in ``chunks`` turns each: CPU ms per frame, p50 and p99 of each and their ratios."""
    per = max(frames // chunks, 5)
    own: list[float] = []
    ref: list[float] = []

    def screen():
        with PassMeter(pygame) as meter:
            app.run(max_frames=per + 1, always_draw=True)
        own.extend(meter.frames_ms()[1:])  # each chunk's first pass builds what it caches: start-up counts that

    def bare():
        ref.extend(bare_frames(pygame, app.surface, per))

    interleave(bare, screen, chunks)
    result = {"frames": len(own)}
    for name, values in (("p50", 0.5), ("p99", 0.99)):
        result[name] = round(percentile(own, values), 3)
        result[f"bare_{name}"] = round(percentile(ref, values), 3)
        result[f"{name}_ratio"] = ratio(result[name], result[f"bare_{name}"])
    return result


def bench_frames(screen: str, frames: int, tmp: Path) -> dict:
    app, pygame = make_app(tmp, fps=0)
    close = _keep_open(app)
    try:
        if screen == "party_question":
            _prepare_party(app, tmp)
        else:
            prepare(app, screen, tmp)
        app.wait_for_saves()  # a screen that reads the score table shows it
        return frames_against_bare(app, pygame, frames)
    finally:
        close()
        pygame.quit()


def bench_cpu(screen: str, seconds: float, tmp: Path, rounds: int = 2, warm: float = 1.5) -> dict:
    """% of one core at the 60 FPS cap: ``screen`` against the bare loop that fills and flips, by turns."""
    app, pygame = make_app(tmp, fps=60)
    close = _keep_open(app)
    try:
        prepare(app, screen, tmp)
        app.wait_for_saves()
        app.run(max_seconds=warm)  # past what moves as a screen comes in (the results' count-up)

        def own():
            cpu, wall = time.process_time(), time.perf_counter()
            app.run(max_seconds=seconds / rounds)
            return 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)

        ref, mine = interleave(lambda: bare_cpu(pygame, app.surface, seconds / rounds), own, rounds)
        result = {"cpu": round(statistics.mean(mine), 2), "bare": round(statistics.mean(ref), 2)}
        result["ratio"] = ratio(result["cpu"], result["bare"])
        return result
    finally:
        close()
        pygame.quit()


# -- a real X window (Xvfb) -------------------------------------------------------------------
def _proc_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def xvfb_missing() -> str | None:
    """Why the real-window row cannot run here (``None``: it can)."""
    if not sys.platform.startswith("linux"):
        return "Linux only (it reads the X server's CPU from /proc)"
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed (Debian: apt-get install xvfb)"
    return None


def start_xvfb(size=(1280, 720)):
    """An X server of our own on a free display: ``(process, ":N")``."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    with os.fdopen(read, "rb") as pipe:
        while not number.endswith(b"\n"):
            got = pipe.read(1)
            if not got:
                break
            number += got
    if not number.strip():
        proc.kill()
        raise RuntimeError("Xvfb did not start")
    return proc, f":{number.decode().strip()}"


def x11_child(screen: str, seconds: float, rounds: int, server_pid: int) -> dict:
    """In a process with ``SDL_VIDEODRIVER=x11``: ``screen`` at 60 FPS against the bare flip loop in the same
    window, by turns; each turn's CPU % of this process and of the X server (which does the presenting)."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        app, pygame = make_app(tmp, fps=60)
        close = _keep_open(app)
        try:
            prepare(app, screen, tmp)
            app.run(max_seconds=1.0)  # past the answers' entrance: a question at rest, its clock running

            def turn(run):
                cpu, server, wall = time.process_time(), _proc_cpu_s(server_pid), time.perf_counter()
                run()
                wall = time.perf_counter() - wall
                return (100 * (time.process_time() - cpu) / wall, 100 * (_proc_cpu_s(server_pid) - server) / wall)

            ref, mine = interleave(lambda: turn(lambda: bare_cpu(pygame, app.surface, seconds / rounds)),
                                   lambda: turn(lambda: app.run(max_seconds=seconds / rounds)), rounds)
            return {"game": [m[0] for m in mine], "game_x": [m[1] for m in mine],
                    "bare": [r[0] for r in ref], "bare_x": [r[1] for r in ref]}
        finally:
            close()
            pygame.quit()


def bench_x11(screen: str, seconds: float) -> dict:
    """The question screen in a real X window (Xvfb, software drawing) against the bare flip loop: CPU of the
    game and of the X server, as % of one core.  ``{"skipped": why}`` where Xvfb is missing."""
    why = xvfb_missing()
    if why:
        return {"skipped": why}
    server, display = start_xvfb()
    try:
        env = dict(os.environ, DISPLAY=display, SDL_VIDEODRIVER="x11")
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--x11-child", screen, str(seconds),
                              str(server.pid)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            return {"skipped": f"the window could not be measured: {out.stderr.strip().splitlines()[-1:]}"}
        found = json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        server.terminate()
        server.wait(10)
    result = {key: round(statistics.mean(values), 2) for key, values in found.items()}
    result["ratio"] = ratio(result["game"] + result["game_x"], result["bare"] + result["bare_x"])
    return result


# -- 4. bank loading ----------------------------------------------------------------------
def write_bank(path: Path, n: int) -> None:
    rng = random.Random(n)
    with path.open("w", encoding="utf-8") as out:
        out.write("questions:\n")
        for i in range(n):
            answer = rng.randrange(4)
            choices = ", ".join(f"A{i}-{c}" for c in range(4))
            out.write(f"  - prompt: Question {i}, which is right?\n    choices: [{choices}]\n"
                      f"    answer: A{i}-{answer}\n    category: Category {i % 7}\n"
                      f"    difficulty: {('easy', 'medium', 'hard')[i % 3]}\n")


def bench_loading(sizes, runs: int, tmp: Path) -> dict:
    """The median time to load and validate each bank, and (interleaved) PyYAML's own parse of the same file: this
    process's CPU seconds (both run on this thread alone), so time the machine gives a neighbour is not counted."""
    import yaml

    from game.core.questions import load_files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    results = {}
    for n in sizes:
        path = tmp / f"bank-{n}.yaml"
        write_bank(path, n)

        def parse(path=path):
            start = time.process_time()
            yaml.load(path.read_bytes(), Loader=loader)
            return time.process_time() - start

        def load(path=path, n=n):
            start = time.process_time()
            bank = load_files([path])
            took = time.process_time() - start
            assert len(bank.questions) == n and not bank.problems
            return took

        parsed, loaded = interleave(parse, load, runs if n <= 10_000 else max(1, runs // 2))
        results[n] = {"load_s": round(statistics.median(loaded), 4), "yaml_s": round(statistics.median(parsed), 4)}
        results[n]["ratio"] = ratio(results[n]["load_s"], results[n]["yaml_s"])
    return results


# -- 5 and 6. a whole autoplay game -------------------------------------------------------
def bench_autoplay(tmp: Path, count: int) -> dict:
    env = dict(os.environ, MI_TRIVIA_HOME=str(tmp / "home"))
    out = subprocess.run([sys.executable, "-m", "game", "--autoplay", "--count", str(count), "--seed", "1",
                          "--scores", str(tmp / "auto.json")], env=env, cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


BARE_LOOP = """\
import json, os, sys, time
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
pygame.display.init()
surface = pygame.display.set_mode((1280, 720))
clock, worst, end = pygame.time.Clock(), 0.0, time.perf_counter() + float(sys.argv[1])
while time.perf_counter() < end:
    start = time.perf_counter()
    pygame.event.get()
    surface.fill((10, 16, 30))
    pygame.display.flip()
    worst = max(worst, (time.perf_counter() - start) * 1000)
    clock.tick(60)
print(json.dumps({"frame_ms_max": round(worst, 3)}))
"""


def bare_longest_frame(seconds: float) -> float:
    """The bare loop's longest frame (wall clock) at 60 FPS over ``seconds``, in a process of its own."""
    out = subprocess.run([sys.executable, "-c", BARE_LOOP, str(seconds)], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])["frame_ms_max"]


# -- 7. party mode: phones answering within one second -----------------------------------------
PARTY_PHONES = 200  # the most a party takes (game/core/party.py's MAX_PLAYERS_LIMIT)


def _rss_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _party_question(app, phones: int, seconds: float, *, always_draw: bool):
    """The party question screen for ``seconds`` at 60 FPS while ``phones`` simulated phones (a child
    process, as phones are other devices) answer within one second of the question.

    A frame's cost is the loop thread's CPU time (:class:`PassMeter`); answer latency is the phones' own
    measure (send to "locked"), so it includes the wait for the game's next frame, which is when the loop
    takes what arrived."""
    from game.core.session import Session
    from game.net.game import PartyGame

    choice = [q for q in app.ctx.bank.questions if getattr(q, "kind", "choice") == "choice"]
    rounds = Session(choice, count=3, rng=random.Random(1), mode="classic").rounds
    party = PartyGame(rounds, port=0, bind="127.0.0.1", max_players=max(phones, 1))
    party.start()
    app.ctx.parties.current = party
    child, report = None, {}
    before = _rss_kb()
    if phones:
        child = subprocess.Popen([sys.executable, "-m", "game.net.bots", party.ws_url, party.pin, str(phones),
                                  "--delay", "0", "1"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while len(party.room.connected()) < phones and time.monotonic() < deadline:
            party.pump()
            time.sleep(0.01)
    joined = _rss_kb()
    counted_at = []
    pump = party.pump

    def timed_pump():
        before_count = party.host.stats.answers_counted
        changed = pump()
        if party.host.stats.answers_counted > before_count:
            counted_at.append(time.perf_counter())
        return changed

    scene = app.flow.show("party_play", party)
    scene.update = lambda dt: None  # stay on the question while it is measured (no reveal, no time-out)
    # Question 1 warms the caches as a game's lobby and first question do; question 2 is measured.
    deadline = time.monotonic() + 10
    while party.room.answered_count() < phones and time.monotonic() < deadline:
        party.pump()
        app.stack.draw(app.surface)
        time.sleep(1 / 60)
    app.stack.draw(app.surface)
    scene._reveal()
    scene._go_on()
    scene._go_on()
    party.pump = timed_pump
    with PassMeter(app.pygame) as meter:
        cpu, wall = time.process_time(), time.perf_counter()
        app.run(max_seconds=seconds, always_draw=always_draw)
        cpu_percent = 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)
    frames, ended = meter.frames_ms()[1:], meter.ended_at()[1:]
    if counted_at:
        window = [ms for ms, at in zip(frames, ended, strict=False) if counted_at[0] <= at <= counted_at[-1] + 0.02]
    else:
        window = list(frames)
    counted = party.host.stats.answers_counted
    in_room = sum(1 for p in party.room.players.values() for a in p.answers.values() if a.response is not None)
    party.close("The benchmark is over")
    party.wait_closed()
    if child is not None:
        try:
            out, _ = child.communicate(timeout=30)
            report = json.loads(out.strip().splitlines()[-1])
        except (subprocess.TimeoutExpired, ValueError, IndexError):
            child.kill()
    return {"window": window or list(frames), "frames": list(frames), "cpu": cpu_percent, "counted": counted,
            "in_room": in_room, "report": report, "rss_kb": joined - before, "answer_window_s":
                round(counted_at[-1] - counted_at[0], 3) if counted_at else 0.0}


PARTY_TURNS = 3  # the idle screen and the burst, by turns: each seen this many times, in a party of its own


def bench_party(tmp: Path, phones: int, seconds: float, turns: int = PARTY_TURNS) -> dict:
    """By turns, ``turns`` times each: the question screen with no players (the reference), then with ``phones``
    answering (every frame drawn in full, so the two differ only by the network); then the CPU at the cap of
    each.  Measured by turns, a neighbour that is busy now and quiet later weighs on both alike; pooled over
    the turns, the burst's p99 is not one frame's chance (one burst is about 60 frames)."""
    results: dict[str, list] = {}
    plan = [("empty", 0, True), ("busy", phones, True)] * turns + [("cpu_empty", 0, False), ("cpu", phones, False)]
    for number, (name, count, always) in enumerate(plan):
        app, pygame = make_app(tmp / f"party-{number}-{name}", fps=60)
        app.pygame = pygame
        try:
            results.setdefault(name, []).append(_party_question(app, count, seconds, always_draw=always))
        finally:
            pygame.quit()
    return results


def window_p99(frames: list[float], n: int) -> float:
    """The p99 of ``n`` frames in a row, as the reference for a window of ``n`` frames: the median of the p99s of
    the runs of ``n`` frames in ``frames`` (a p99 of 60 frames is near their longest; of 180, it is not)."""
    n = max(n, 1)
    runs = [frames[i:i + n] for i in range(0, len(frames) - n + 1, n)] or [frames]
    return statistics.median(percentile(run, 0.99) for run in runs)


def party_rows(row, tmp: Path, quick: bool) -> None:
    """Frame cost while the phones answer, answer latency, exact counting, CPU, memory (issues 13 and 23)."""
    phones = 10 if quick else PARTY_PHONES
    turns = 1 if quick else PARTY_TURNS
    p = bench_party(tmp, phones, 1.5 if quick else 3.0, turns)
    bursts, idles = p["busy"], p["empty"]
    window = [ms for burst in bursts for ms in burst["window"]]
    busy = round(percentile(window, 0.99), 3)
    # The idle screen's frames of each turn, as many in a row as the bursts gave (their p99 is of that many).
    empty = round(window_p99([ms for idle in idles for ms in idle["frames"]], len(window)), 3)
    r = ratio(busy, empty)
    seconds = ", ".join(str(burst["answer_window_s"]) for burst in bursts)
    row(f"party: frame cost p99 while {phones} phones answer within one second / no players "
        f"({len(window)} frames over {turns} bursts of {seconds} s, by turns with the idle screen; ms {busy} / "
        f"{empty}, the idle screen's p99 over as many frames)",
        r, f"≤ {PARTY_FRAME_BUDGET}×", r <= PARTY_FRAME_BUDGET, "×")
    reports = [burst["report"] for burst in bursts]
    p99s = [r.get("answer_latency_ms_p99") for r in reports]
    p99 = None if None in p99s else max(p99s)
    p50 = None if None in p99s else statistics.median(r.get("answer_latency_ms_p50") for r in reports)
    row(f"party: answer latency, phone send to accepted, {phones} phones, p99 (the worst of {turns} bursts; "
        f"p50 {p50} ms)", p99, f"≤ {LATENCY_BUDGET_MS:g} ms", p99 is not None and p99 <= LATENCY_BUDGET_MS, " ms")
    sent = sum(r.get("answers_sent") or 0 for r in reports)
    counted = sum(burst["counted"] for burst in bursts)
    in_room = sum(burst["in_room"] for burst in bursts)
    exact = all(r.get("answers_sent") == burst["counted"] == burst["in_room"] == 2 * phones
                for r, burst in zip(reports, bursts, strict=True))
    counts = f"{sent} sent / {counted} counted / {in_room} in the room"
    row(f"party: every answer of {phones} phones to two questions counted exactly once, in each of {turns} "
        f"parties ({counts})", counted, f"= {2 * phones * turns}", exact)
    cpu, idle = round(p["cpu"][0]["cpu"], 2), round(p["cpu_empty"][0]["cpu"], 2)
    r = ratio(cpu, idle)
    row(f"party: CPU at 60 FPS during a question with {phones} players / no players (% {cpu} / {idle})", r,
        f"≤ {PARTY_CPU_BUDGET}×", r <= PARTY_CPU_BUDGET, "×")
    per = round(bursts[0]["rss_kb"] / phones, 1) if phones else 0.0
    row(f"party: memory per connected player (RSS growth over {phones} connections)", per, "reported", True,
        " KB")


# -- 8. the play screen of each kind of question (issue 14) ---------------------------------
KINDS_BENCHED = ("truefalse", "estimate", "order", "type")


def prepare_kind(app, kind: str) -> None:
    """The question screen of ``kind`` (its answer panel) as a player finds it."""
    from game.core.session import Session

    app.flow.show("title")
    app.ctx.games.game_board = app.ctx.games.current_board()
    questions = [q for q in app.ctx.bank.questions if q.kind == kind]
    app.ctx.games.session = session = Session(questions, count=3, rng=random.Random(1))
    app.flow.show("play", session)


def frame_row(row, label: str, setup: Callable, frames: int, tmp: Path) -> dict:
    """One frame-cost row: ``setup(app, tmp)`` puts a screen on top; judged against the bare loop."""
    app, pygame = make_app(tmp, fps=0)
    close = _keep_open(app)
    try:
        setup(app, tmp)
        app.wait_for_saves()
        f = frames_against_bare(app, pygame, frames)
    finally:
        close()
        pygame.quit()
    row(f"frame cost, {label}, {f['frames']} uncapped frames at 1280x720: p99 / bare fill-and-flip p99 "
        f"(ms {f['p99']} / {f['bare_p99']}; p50 {f['p50']})", f["p99_ratio"], f"≤ {FRAME_BUDGET:g}×",
        f["p99_ratio"] <= FRAME_BUDGET, "×")
    return f


def kind_rows(row, frames: int, tmp: Path) -> None:
    """Frame cost p99 of the play screen of each kind other than multiple choice (the "question" row)."""
    for kind in KINDS_BENCHED:
        frame_row(row, f"question ({kind})", lambda app, tmp, kind=kind: prepare_kind(app, kind), frames,
                  tmp / f"kind-{kind}")


# -- extra rows --------------------------------------------------------------------------------
# Rows added by other work go here: each is ``function(row, frames, tmp)`` and adds its rows with ``row(...)``,
# usually through :func:`frame_row` (a screen's frame cost against the bare loop).  For example a question
# with a 4000x3000 JPEG: ``EXTRA_ROWS.append(lambda row, frames, tmp: frame_row(row, "question with a
# 4000x3000 JPEG", prepare_picture, frames, tmp / "picture"))``.
EXTRA_ROWS: list[Callable[..., None]] = []


def bench_picture(seconds: float, frames: int, tmp: Path) -> dict:
    """A question with a 4000x3000 JPEG (made here with pygame, never committed), uncapped from its first frame:
    the frames while the picture is decoded and scaled off the frame, the frame it arrives in, and after."""
    import pygame

    from game.app import App, Options
    from game.core.questions import load_files
    from game.core.scores import ScoreStore
    from game.core.session import Session

    tmp.mkdir(parents=True, exist_ok=True)
    pygame.display.init()
    photo = pygame.Surface((4000, 3000))
    for x in range(0, 4000, 40):  # stripes and a gradient: a JPEG of a few MB, as a camera's would be
        pygame.draw.rect(photo, ((x * 7) % 256, (x // 16) % 256, 255 - (x * 3) % 256), (x, 0, 40, 3000))
    for y in range(0, 3000, 60):
        pygame.draw.line(photo, (250, 250, 250), (0, y), (4000, y + 400), 3)
    pygame.image.save(photo, str(tmp / "photo.jpg"))
    del photo
    (tmp / "photo.yaml").write_text("questions:\n  - prompt: What does this photo show?\n    image: photo.jpg\n"
                                    "    alt: Stripes of colour crossed by thin white lines\n"
                                    "    choices: [Stripes, Dots, Waves, Squares]\n    answer: Stripes\n")
    bank = load_files([tmp / "photo.yaml"], seed=1)
    assert not bank.problems, bank.problems
    app = App(Options(count=1, seed=1, fps=0, size=(1280, 720)), bank, ScoreStore(tmp / "bench-scores.json"))
    app.open_window()
    try:
        app.flow.show("title")
        app.ctx.games.game_board = app.ctx.games.current_board()
        app.ctx.games.session = session = Session(bank.questions, count=1, rng=random.Random(1))
        app.flow.show("play", session)
        pump, arrived = app.ctx.pictures.pump, []

        def noted():
            got = pump()
            if got:
                arrived.append(len(app.perf.frame_ms))  # the index of the frame about to be drawn
            return got

        app.ctx.pictures.pump = noted
        app.run(max_seconds=seconds, always_draw=True)
        times = app.perf.frame_ms
        at = arrived[0] if arrived else None
        shown = frames_against_bare(app, pygame, frames)  # the picture on screen, against the bare loop
        return {"shown": shown, "first": round(times[0], 3), "p99": round(percentile(times[1:], 0.99), 3),
                "max": round(max(times[1:]), 3), "frames": len(times),
                "arrival": round(times[at], 3) if at is not None and at < len(times) else None,
                "after_ms": round(sum(times[:at]), 1) if at is not None else None,
                "bytes": (tmp / "photo.jpg").stat().st_size}
    finally:
        pygame.quit()


def picture_rows(row, seconds: float, frames: int, tmp: Path) -> None:
    """Issue 24: a question with a 4000x3000 JPEG: once shown it costs what a question costs (against the bare
    loop, measured by turns), and the frame that first shows it fits in one frame at 60 FPS."""
    p = bench_picture(seconds, frames, tmp / "picture")
    f = p["shown"]
    row(f"frame cost, question with a 4000x3000 JPEG ({p['bytes'] / 1e6:.1f} MB) on screen, {f['frames']} uncapped "
        f"frames at 1280x720: p99 / bare fill-and-flip p99 (ms {f['p99']} / {f['bare_p99']}; while it loaded: "
        f"p99 {p['p99']} ms, max {p['max']} ms over {p['frames']} frames)", f["p99_ratio"], f"≤ {FRAME_BUDGET:g}×",
        f["p99_ratio"] <= FRAME_BUDGET, "×")
    arrival = p["arrival"]
    row(f"frame time, the frame that first shows that picture (decoded and scaled off the frame, shown after "
        f"{p['after_ms']} ms of frames)", arrival, "≤ 16.7 ms (one frame at 60 FPS)",
        arrival is not None and arrival <= 16.7, " ms")


# -- the report -----------------------------------------------------------------------------
def machine_name() -> dict:
    """The machine the figures come from: its CPU model, cores, Python, pygame and SDL."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()  # as nproc says
    machine = {"cpu": model, "cpus": cpus, "python": platform.python_version(),
               "platform": platform.platform()}
    try:
        import pygame

        machine["pygame"] = pygame.version.ver
        machine["sdl"] = ".".join(map(str, pygame.get_sdl_version()))
    except Exception:  # pragma: no cover
        pass
    return machine


def table(rows: list[dict], machine: dict) -> str:
    lines = ["| check | value | budget | result |", "|---|---|---|---|"]
    for r in rows:
        result = "PASS" if r["pass"] else "FAIL"
        if r.get("skipped"):
            result = "SKIPPED"
        lines.append(f"| {r['check']} | {r['value']}{r['unit']} | {r['budget']} | {result} |")
    lines.append("")
    lines.append(f"Machine: {machine['cpu']}, {machine['cpus']} CPUs (nproc), {machine['platform']}, "
                 f"Python {machine['python']}, pygame {machine.get('pygame')} (SDL {machine.get('sdl')}); "
                 f"SDL_VIDEODRIVER=dummy except the real-window row (Xvfb).")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks that the benchmark runs")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results", help="where to write the results")
    parser.add_argument("--x11-child", nargs=3, metavar=("SCREEN", "SECONDS", "XPID"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.x11_child:
        screen, seconds, server = args.x11_child
        print(json.dumps(x11_child(screen, float(seconds), 2, int(server))))
        return 0
    from game.ui.flow import SCREENS as REGISTRY

    unknown = sorted(set(SHOWN_AS.values()) - set(REGISTRY))
    if unknown:  # a screen renamed or removed in the registry: say so before measuring anything
        parser.error(f"no screen called {', '.join(unknown)} in game/ui/flow.py")
    quick = args.quick
    runs = 2 if quick else 7
    frames = 30 if quick else 600
    seconds = 0.5 if quick else 4.0
    sizes = (100, 1000, 2000) if quick else (1000, 10_000, 100_000)
    rows = []

    def row(name, value, budget, ok, unit="", skipped=False):
        rows.append({"check": name, "value": value, "budget": budget, "unit": unit, "pass": bool(ok),
                     "skipped": skipped})
        verdict = "SKIP" if skipped else "PASS" if ok else "FAIL"
        print(f"{verdict}  {name}: {value}{unit} (budget {budget})", flush=True)

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        s = bench_startup(runs, tmp)
        for way, label, budget in (("first_frame", "to the first frame", STARTUP_BUDGET),
                                   ("exit", "to process exit", EXIT_BUDGET)):
            w = s[way]
            row(f"start-up {label}: game / bare pygame (median of {s['runs']}, interleaved; ms {w['game_ms']} / "
                f"{w['bare_ms']})", w["ratio"], f"≤ {budget}×", w["ratio"] <= budget, "×")
        measured = {}
        for screen in SCREENS:
            measured[screen] = frame_row(row, LABELS.get(screen, screen),
                                             lambda app, tmp, screen=screen: (_prepare_party(app, tmp)
                                                                              if screen == "party_question"
                                                                              else prepare(app, screen, tmp)),
                                             frames, tmp / screen)
        party, solo = measured["party_question"], measured["question"]
        row(f"frame cost p99, party question with no players / solo question, each over its bare loop "
            f"({party['p99_ratio']} / {solo['p99_ratio']}; ms {party['p99']} / {solo['p99']})",
            ratio(party["p99_ratio"], solo["p99_ratio"]), "≤ 1×", party["p99_ratio"] <= solo["p99_ratio"], "×")
        title, results = measured["title"], measured["results"]
        row(f"frame cost p50, title at rest / results, each over its bare loop "
            f"({title['p50_ratio']} / {results['p50_ratio']}; ms {title['p50']} / {results['p50']})",
            ratio(title["p50_ratio"], results["p50_ratio"]), "≤ 1×", title["p50_ratio"] <= results["p50_ratio"], "×")
        kind_rows(row, frames, tmp)
        for extra in EXTRA_ROWS:
            extra(row, frames, tmp)
        picture_rows(row, 1.5 if quick else 4.0, frames, tmp)
        for screen in (*STILL, "question"):
            c = bench_cpu(screen, seconds, tmp / f"cpu-{screen}", warm=0.2 if quick else 1.5)
            budget = CPU_QUESTION_BUDGET if screen == "question" else CPU_STILL_BUDGET
            row(f"CPU at 60 FPS, {screen}, {seconds:g} s / the bare fill-and-flip loop, by turns "
                f"(% {c['cpu']} / {c['bare']})", c["ratio"], f"≤ {budget:g}×", c["ratio"] <= budget, "×")
        x = bench_x11("question", 1.0 if quick else 6.0)
        label = "CPU at 60 FPS in a real X window (Xvfb), question, game + X server / bare flip loop + X server"
        if "skipped" in x:
            row(f"{label}: skipped, {x['skipped']}", "-", f"≤ {X11_BUDGET:g}×", True, skipped=True)
        else:
            row(f"{label} (% {x['game']} + {x['game_x']} / {x['bare']} + {x['bare_x']})", x["ratio"],
                f"≤ {X11_BUDGET:g}×", x["ratio"] <= X11_BUDGET, "×")
        loads = bench_loading(sizes, 3, tmp)
        small, mid, big = sizes
        m = loads[mid]
        row(f"load and validate {mid:,} questions / PyYAML's parse of the same file (median, interleaved; "
            f"CPU s {m['load_s']} / {m['yaml_s']}; {small:,}: {loads[small]['load_s']} s)", m["ratio"],
            f"≤ {LOAD_BUDGET:g}×", m["ratio"] <= LOAD_BUDGET, "×")
        growth = ratio(loads[big]["load_s"], loads[mid]["load_s"])
        row(f"load {big:,} / {mid:,} questions (CPU s {loads[big]['load_s']} / {m['load_s']})", growth,
            f"≤ {big // mid * 1.2:g}×", growth <= big / mid * 1.2, "×")
        auto = bench_autoplay(tmp, 2 if quick else 10)
        row(f"peak memory, whole autoplay game of {auto['count']}", auto.get("peak_rss_mb"), "≤ 100 MB",
            (auto.get("peak_rss_mb") or 0) <= 100, " MB")
        bare_worst = bare_longest_frame(min(auto.get("wall_s", 5.0), 5.0 if quick else 30.0))
        over = round(auto["frame_ms_max"] - bare_worst, 3)
        row(f"longest frame of that game, score save included, over the bare loop's longest beside it "
            f"(ms {auto['frame_ms_max']} - {bare_worst})", over, f"≤ {STALL_BUDGET_MS:g} ms",
            over <= STALL_BUDGET_MS, " ms")
        party_rows(row, tmp, quick)

    machine = machine_name()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps({"machine": machine, "quick": quick, "rows": rows}, indent=1))
    text = table(rows, machine)
    (args.out / "bench.md").write_text(text)
    print(text)
    failed = [r for r in rows if not r["pass"]]
    print(f"\n{len(rows) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed and not quick else 0


if __name__ == "__main__":
    sys.exit(main())
