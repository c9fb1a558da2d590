"""The title screen: the game's name, its motif, the menu and what was loaded."""

from __future__ import annotations

import pygame

from game.core.model import DIFFICULTIES
from game.core.session import MODE_BLURBS, MODE_NAMES, PLAYERS_MAX, PLAYERS_MIN
from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.widgets import blit_lines, blit_text, draw_motif, fit_lines

PLAY, MODE, CATEGORY, DIFFICULTY, SCORES, QUIT = range(6)
CYCLING = (MODE, CATEGORY, DIFFICULTY)
# The mode selector's stops: hot-seat once for each number of players.
MODE_STOPS = [("classic", 0), ("sudden-death", 0), ("practice", 0)] + \
    [("hotseat", n) for n in range(PLAYERS_MIN, PLAYERS_MAX + 1)]


class TitleScene(Scene):
    name = "title"

    def __init__(self, app):
        super().__init__(app)
        self.menu = Menu(["Play", "Mode", "Category", "Difficulty", "High scores", "Quit"])
        self.categories = [None] + app.bank.categories()
        self.difficulties = [None] + list(DIFFICULTIES)
        self._motif: pygame.Surface | None = None
        self._refresh()

    # -- state --------------------------------------------------------------
    def _refresh(self) -> None:
        options = self.app.options
        mode = MODE_NAMES[options.mode]
        if options.mode == "hotseat":
            mode += f", {options.players} players"
        self.menu.set_label(MODE, f"Mode: {mode}")
        self.menu.set_label(CATEGORY, f"Category: {options.category or 'All'}")
        self.menu.set_label(DIFFICULTY, f"Difficulty: {(options.difficulty or 'any').title()}")
        self.playable = len(self.app.playable_questions())
        self.menu.buttons[PLAY].enabled = self.playable > 0
        if not self.menu.buttons[self.menu.focus].enabled:
            self.menu.focus = SCORES
            self.menu._sync()

    def _cycle(self, which: int, step: int) -> None:
        options = self.app.options
        if which == MODE:
            here = (options.mode, options.players if options.mode == "hotseat" else 0)
            index = MODE_STOPS.index(here) if here in MODE_STOPS else 0
            options.mode, players = MODE_STOPS[(index + step) % len(MODE_STOPS)]
            if players:
                options.players = players
            self._refresh()
            return
        if which == CATEGORY:
            values, current = self.categories, options.category
        else:
            values, current = self.difficulties, options.difficulty
        index = values.index(current) if current in values else 0
        value = values[(index + step) % len(values)]
        if which == CATEGORY:
            options.category = value
        else:
            options.difficulty = value
        self._refresh()

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self.app.quit()
            return True
        if intent.kind == I.MOVE and intent.dx and self.menu.focus in CYCLING:
            self._cycle(self.menu.focus, intent.dx)
            return True
        if intent.kind == I.SCROLL and self.menu.focus in CYCLING:
            self._cycle(self.menu.focus, -intent.dy)
            return True
        chosen = self.menu.handle(intent)
        if chosen is None:
            return False
        if chosen == PLAY:
            self.app.start_game()
        elif chosen in CYCLING:
            self._cycle(chosen, 1)
        elif chosen == SCORES:
            from game.ui.scenes.highscores import HighScoresScene

            self.app.stack.push(HighScoresScene(self.app, self.app.current_board()[0]))
        elif chosen == QUIT:
            self.app.quit()
        return True

    def resume(self) -> None:
        self._refresh()

    # -- layout and drawing -------------------------------------------------------
    def layout(self, width: int, height: int) -> None:
        m = self.app.metrics
        t = self.app.theme
        margin = m.px(t.margin)
        self.motif_rect = pygame.Rect(int(width * 0.42), int(height * 0.18), width - int(width * 0.42),
                                      int(height * 0.64))
        column = pygame.Rect(margin, int(height * 0.31), int(width * 0.36), 0)
        button_h = m.px(52)
        gap = m.px(10)
        self.menu.place_column(column, button_h, gap)
        self.info_rect = pygame.Rect(margin, height - m.px(110), width - 2 * margin, m.px(100))

    def draw(self, surface) -> None:
        app, m, t = self.app, self.app.metrics, self.app.theme
        pal = t.palette
        app.backdrop.draw(surface)
        if self._motif is None or self._motif.get_size() != self.motif_rect.size:
            # Drawn once per window size, then blitted: polygons and a rotation are not per-frame work.
            self._motif = pygame.Surface(self.motif_rect.size, pygame.SRCALPHA)
            draw_motif(self._motif, self._motif.get_rect(), t, m)
            try:
                self._motif = self._motif.convert_alpha()
            except pygame.error:
                pass
        surface.blit(self._motif, self.motif_rect)
        margin = m.px(t.margin)
        top = m.px(34)
        blit_text(surface, app.text, "MISSION BRIEFING: TRIVIA", m.px(t.small), pal.accent, (margin, top), bold=True)
        title_rect = blit_text(surface, app.text, "Off the Rails", m.px(t.display), pal.text,
                               (margin, top + m.px(30)), bold=True)
        sub_w = surface.get_width() - 2 * margin
        lines, size = fit_lines(app.text, "A quiz on the train stunt of Mission: Impossible – Dead Reckoning Part One",
                                [m.px(t.label)], sub_w, m.px(70))
        blit_lines(surface, app.text, lines, size, pal.muted,
                   pygame.Rect(margin, title_rect.bottom + m.px(6), sub_w, m.px(34) * len(lines)), align="left",
                   valign="top")
        # A lit fuse under the title, the franchise's best-known motif, drawn as a line.
        fuse_y = title_rect.bottom + m.px(8) + m.px(34) * len(lines) + m.px(6)
        pygame.draw.line(surface, pal.accent, (margin, fuse_y), (margin + int(sub_w * 0.34), fuse_y), m.px(3))
        pygame.draw.circle(surface, pal.focus, (margin + int(sub_w * 0.34), fuse_y), m.px(6))

        self.menu.draw(surface, app, m.px(t.body))
        column = self.menu.buttons[0].rect
        y = self.menu.buttons[-1].rect.bottom + m.px(12)
        blurb = app.text.wrap(MODE_BLURBS[self.app.options.mode], m.px(t.small), column.width, True)
        blit_lines(surface, app.text, blurb, m.px(t.small), pal.accent,
                   pygame.Rect(column.left, y, column.width, self.info_rect.top - y), bold=True, align="left",
                   valign="top")
        hint = "↑↓ choose · Enter selects · ←→ change mode, category or difficulty · Esc quits"
        info = [hint, self._loaded_line()] + app.notices
        lines = []
        for note in info:
            lines.extend(app.text.wrap(note, m.px(t.small), self.info_rect.width))
        limit = max(1, self.info_rect.height // app.text.line_height(m.px(t.small)))
        blit_lines(surface, app.text, lines[-limit:] if len(lines) > limit else lines, m.px(t.small), pal.muted,
                   self.info_rect, align="left", valign="bottom")

    def _loaded_line(self) -> str:
        bank = self.app.bank
        total = len(bank.questions)
        line = f"{total} question{'s' if total != 1 else ''} loaded from {len(bank.files)} file"
        line += "s" if len(bank.files) != 1 else ""
        if self.playable != total:
            line += f" · {self.playable} match the chosen category and difficulty"
        if bank.skipped or bank.problems:
            paths = " ".join(self.app.bank_paths_for_message())
            line += f" · {bank.skipped} skipped with problems: run `mi-trivia validate {paths}` for details"
        if total and not self.playable:
            line += " · nothing matches: change the category or difficulty"
        if not total:
            line = "No playable questions were found. Run `mi-trivia validate` on your question files."
        return line
