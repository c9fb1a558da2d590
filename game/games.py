"""The games of a run, outside App and the screens: the player's choices (mode, category, difficulty,
kinds, players), the game or party being played, the board it plays for, the history of what was
asked, and how the run's last game ended (the ``--autoplay`` report's numbers).

No pygame here: the screen flow (``game/ui/flow.py``) asks this for a game and shows it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

from game.core.boards import chosen_board, describe_board, filters_text
from game.core.history import History, bank_id
from game.core.scores import Entry, new_entry
from game.core.session import Session
from game.party_control import PartyControl
from game.prefs import Prefs
from game.saves import Scores, report_error

CHOICES = ("mode", "players", "category", "difficulty", "kinds")  # what the title screen changes


class Games:
    """``history``: the questions met lately, asked last (``None``: not used, as with ``--seed``); what a
    game asks is added and saved to ``history_path``.  ``home_bank``: the default bank's path when the
    player's questions folder is added to it (games drawn only from it keep the default bank's boards)."""

    def __init__(self, options, bank, *, prefs: Prefs, scores: Scores, parties: PartyControl,
                 bank_label: str = "default bank", home_bank: str | None = None, history: History | None = None,
                 history_path=None, clock=time.monotonic) -> None:
        self.options = options
        self.clock = clock  # the seconds every game's timer reads (a test steps it)
        self.bank = bank
        self.bank_label = bank_label
        self.home_bank = home_bank
        self.prefs = prefs
        self.scores = scores
        self.parties = parties
        self.rng = random.Random(options.seed)
        self.session: Session | None = None
        self.history = history
        self.history_path = history_path
        self._history_bank: str | None = None  # worked out when first needed: the bank may still be loading
        self._remembered = True  # the current game's questions are in the history
        self.game_board: tuple[str, str] | None = None
        self.outcome: dict = {"answered": 0, "correct": 0, "score": 0, "saved": False}
        self.reviewed = False

    @property
    def history_bank(self) -> str:
        """The key of this bank's files in the history."""
        if self._history_bank is None:
            self._history_bank = bank_id(self.bank.files)
        return self._history_bank

    # -- the player's choices ---------------------------------------------------------------------
    def choose(self, **choices) -> None:
        """Change what the next game plays (the title's Mode, Category, Difficulty and Kinds)."""
        for name, value in choices.items():
            if name not in CHOICES:
                raise TypeError(f"not a choice: {name}")
            setattr(self.options, name, value)

    def set_player_names(self, names: list[str]) -> None:
        """The hot-seat players' names (offered again next time)."""
        self.options.player_names = list(names)

    def needs_names(self, again: bool) -> bool:
        """Whether hot-seat asks for the players' names first (``again``: "Play again" with the same players)."""
        names, options = self.options.player_names, self.options
        return options.mode == "hotseat" and (not again or not names or len(names) != options.players)

    def mark_reviewed(self) -> None:
        self.reviewed = True

    # -- the questions and the board ---------------------------------------------------------------
    def playable_questions(self):
        return self.bank.filtered(self.options.category, self.options.difficulty, self.options.kinds)

    def current_board(self, drawn=None) -> tuple[str, str]:
        """The board the chosen options play for (``drawn``: the questions a game drew; see core.boards)."""
        options = self.options
        return chosen_board(self.playable_questions() or self.bank.questions, mode=options.mode,
                            count=options.count, bank_label=self.bank_label,
                            time_factor=self.prefs.settings.time_factor,
                            filters=filters_text(options.category, options.difficulty, options.kinds),
                            home_bank=self.home_bank, drawn=drawn)

    def board_label(self, board: str) -> str:
        if self.game_board and board == self.game_board[0]:
            return self.game_board[1]
        current = self.current_board()
        if board == current[0]:
            return current[1]
        return describe_board(board)

    # -- a game ---------------------------------------------------------------------------------
    def _recent(self) -> Sequence[str]:
        return self.history.recent(self.history_bank) if self.history is not None else ()

    def begin_game(self) -> Session | None:
        """A new game with the chosen options (``None``: no question matches them)."""
        pool = self.playable_questions()
        if not pool:
            return None
        options = self.options
        names = options.player_names if options.mode == "hotseat" else [options.name or "PLAYER"]
        self.remember_asked()  # a game left unfinished still counts
        self.session = Session(pool, count=options.count, rng=self.rng, mode=options.mode, players=names,
                               time_factor=self.prefs.settings.time_factor, recent=self._recent(), clock=self.clock)
        self._remembered = False
        drawn = [rnd.question for rnd in self.session.rounds]
        self.game_board = self.current_board(drawn) if self.session.ranked else None
        self.reviewed = False
        return self.session

    def begin_party(self) -> tuple[object | None, str]:
        """A new party (its server started): ``(party, "")``, or ``(None, why not)``."""
        pool = self.playable_questions()
        if not pool:
            return None, "No question matches the chosen options"
        factor = self.prefs.settings.time_factor
        # The same draw as any game (every kind, no repeats, no question giving another away).
        self.remember_asked()
        rounds = Session(pool, count=self.options.count, rng=self.rng, mode="classic", time_factor=factor,
                         recent=self._recent()).rounds
        party, problem = self.parties.begin(rounds, timed=factor is not None)
        if party is None:
            return None, problem
        self.session = None
        self._remembered = False
        self.game_board = self.current_board() if party.timed else None
        self.outcome.update(answered=0, correct=0, score=0, saved=False, players=[])
        return party, ""

    def finish_game(self, session: Session) -> None:
        """A game is over: its questions go into the history, its numbers into the outcome."""
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

    def end(self, reason: str = "The host ended the game") -> None:
        """Leave the game or party being played (back to the title, or the run ends)."""
        self.remember_asked()
        self.parties.end(reason)

    def asked_rounds(self) -> list:
        """The rounds the current game (or the last party) has shown so far."""
        if self.options.mode == "party" and self.parties.last is not None:
            return self.parties.asked_rounds()
        session = self.session
        return session.rounds[:session.asked] if session is not None else []

    def remember_asked(self) -> None:
        """Add the questions the current game has asked so far to the history, once, and save it (on the
        saver thread).  Nothing happens without a history (``--seed``)."""
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
        from game.core import history as H

        snapshot, where = self.history.copy(), self.history_path
        self.scores.saves.submit(lambda: H.save(where, snapshot), report_error)

    # -- scores -------------------------------------------------------------------------------------
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

    def party_entries(self, party) -> list[tuple[int, Entry]]:
        """``(seat, Entry)`` for each player who scored, on the party board (none without a clock)."""
        return self.parties.entries(party, self.game_board or self.current_board(), self.outcome)

    def save_scores(self, entries: list[Entry], seats: list[int], then, remember_name: bool = False) -> None:
        """Save entries (the players in ``seats``) on the worker; ``then(their SaveResults)`` on the game
        thread, once the outcome notes who was saved.  ``remember_name``: offer the name next time."""
        def done(results) -> None:
            rows = self.outcome.get("players", [])
            for seat, result in zip(seats, results, strict=True):
                if result.saved:
                    self.outcome["saved"] = True
                    if seat < len(rows):
                        rows[seat]["saved"] = True
            then(results)

        self.scores.save(entries, done, remember_name=remember_name)
