"""The title screen: the game's name, its motif, the menu and what was loaded."""

from __future__ import annotations

import pygame

from game.core import kinds
from game.core.draw import most_questions
from game.core.model import DIFFICULTIES
from game.core.session import MODE_BLURBS, MODE_NAMES, PLAYERS_MAX, PLAYERS_MIN
from game.ui import intents as I
from game.ui.layer import Layer
from game.ui.layout import fit_lines
from game.ui.menu import Menu
from game.ui.outcomes import Confirm, Play, Quit, ShowScores
from game.ui.scene import Scene
from game.ui.widgets import blit_lines, blit_text, first_fitting, motif_image, one_line

PLAY, MODE, CATEGORY, DIFFICULTY, KINDS, SCORES, SETTINGS, QUIT = range(8)
CYCLING = (MODE, CATEGORY, DIFFICULTY, KINDS)


# The mode selector's stops: hot-seat once for each number of players.
MODE_STOPS = [("classic", 0), ("sudden-death", 0), ("practice", 0)] + \
    [("hotseat", n) for n in range(PLAYERS_MIN, PLAYERS_MAX + 1)] + [("party", 0)]


class TitleScene(Scene):
    screen = "title"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.menu = Menu(["Play", "Mode", "Category", "Difficulty", "Kinds", "High scores", "Settings", "Quit"])
        self.categories: list[str | None] = [None]  # and the bank's, once it is in (_count)
        self._counted = False
        self._count()
        self.difficulties = [None] + list(DIFFICULTIES)
        self.kind_stops = kinds.stops()
        self._motif: pygame.Surface | None = None
        self._motif_key = None
        self._picture = Layer()  # the whole title, drawn again only when something on it changes
        # The picture (a few ms to draw) joins the title after its first frame, once the bank is in.
        self._motif_due: bool | None = None  # None: no frame yet; True: the next picture has it
        self._refresh()

    # -- state --------------------------------------------------------------
    def _refresh(self) -> None:
        options = self.ctx.options
        mode = MODE_NAMES[options.mode]
        if options.mode == "hotseat":
            mode += f", {options.players} players"
        self.menu.set_label(MODE, f"Mode: {mode}")
        self.menu.set_label(CATEGORY, f"Category: {options.category or 'All'}")
        self.menu.set_label(DIFFICULTY, f"Difficulty: {(options.difficulty or 'any').title()}")
        self.menu.set_label(KINDS, f"Kinds: {kinds.label_of(options.kinds)}")
        if not self._counted:  # the bank is still being read: Play stays on (it waits for the bank)
            self.playable, self.most = 0, 0
            return
        playable = self.ctx.games.playable_questions()
        self.playable = len(playable)
        self.most = most_questions(playable)  # a game asks one question per fact
        self.menu.buttons[PLAY].enabled = self.playable > 0
        if not self.menu.buttons[self.menu.focus].enabled:
            self.menu.focus = SCORES
            self.menu._sync()

    def _cycle(self, which: int, step: int) -> None:
        options, games = self.ctx.options, self.ctx.games
        if which == MODE:
            here = (options.mode, options.players if options.mode == "hotseat" else 0)
            index = MODE_STOPS.index(here) if here in MODE_STOPS else 0
            mode, players = MODE_STOPS[(index + step) % len(MODE_STOPS)]
            games.choose(mode=mode, **({"players": players} if players else {}))
            self._refresh()
            return
        if which == KINDS:
            stops = self.kind_stops
            current = tuple(options.kinds) if options.kinds else None
            if current not in stops:  # a set given with --kinds stays one of the stops
                stops.insert(1, current)
            games.choose(kinds=stops[(stops.index(current) + step) % len(stops)])
            self._refresh()
            return
        if which == CATEGORY:
            values, current = self.categories, options.category
        else:
            values, current = self.difficulties, options.difficulty
        index = values.index(current) if current in values else 0
        value = values[(index + step) % len(values)]
        games.choose(**{"category" if which == CATEGORY else "difficulty": value})
        self._refresh()

    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self._ask_to_quit()  # Esc while backing out of menus must not end the game by accident
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
            self.ctx.flow.go(Play())
        elif chosen in CYCLING:
            self._cycle(chosen, 1)
        elif chosen == SCORES:
            self.ctx.flow.go(ShowScores(self.ctx.games.current_board()[0]))
        elif chosen == SETTINGS:
            self.ctx.flow.show("settings")
        elif chosen == QUIT:
            self._ask_to_quit()
        return True

    def _ask_to_quit(self) -> None:
        self.ctx.flow.go(Confirm("Quit Off the Rails?", "Your scores and settings are saved.", "Quit", "Stay",
                                 then=Quit()))

    def resume(self) -> None:
        self._refresh()

    def _count(self) -> bool:
        """Take the bank's categories once it is in (game/bankload.py reads it after the first frame); whether
        it just came in."""
        if self._counted or not getattr(self.ctx.bank, "ready", True):
            return False
        self._counted = True
        self.categories = [None] + self.ctx.bank.categories()
        return True

    def settled(self) -> bool:
        """Once its picture and its counts show (screenshots and the autoplay bot wait for both)."""
        return self._counted and (self._motif_due is True or not self._motif_fits())

    def _motif_fits(self) -> bool:
        m = self.ctx.metrics
        return self.motif_rect.width > m.px(120) and self.motif_rect.height > m.px(120)

    def update(self, dt: float) -> None:
        if not self._counted and self._count():  # the counts show as soon as the bank is in
            self._refresh()
            self.layout(*self.ctx.size)
            self.ctx.flow.redraw()
        elif self._motif_due is False and self._counted:  # a pass of its own: two short frames, not one long
            # After the bank is in: while it is read on its thread, a pass that draws much waits for the
            # interpreter's lock at every blit, and the title has nothing else to draw meanwhile.
            self._motif_due = True
            self.ctx.flow.redraw()

    # -- layout and drawing -------------------------------------------------------
    LOADING = "Reading the questions…"
    SUBTITLE = "A quiz on the train stunt of Mission: Impossible – Dead Reckoning Part One"
    HINTS = ["↑↓ choose · Enter selects · ←→ change mode, category, difficulty or kinds · M mutes · Esc quits",
             "↑↓ choose · Enter selects · ←→ change · Esc quits", "↑↓ · Enter · ←→ · Esc"]

    def subtitle(self) -> str:
        """The tagline follows the bank: the film for the default bank, the files' names for another."""
        label = self.ctx.bank_label
        if label == "default bank":
            return self.SUBTITLE
        if label.startswith("default bank"):
            return f"{self.SUBTITLE}, with your own questions"
        return f"A timed quiz: questions from {label}"

    def layout(self, width: int, height: int) -> None:
        """Top to bottom: the name, the subtitle, the menu beside the picture, what was loaded.

        Every height comes from the text's own line height, so larger text
        pushes things apart; when the menu no longer fits beside the picture,
        it takes the full width in two columns and the picture steps aside."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin = m.px(t.margin)
        full_w = width - 2 * margin
        self.tag_y = m.px(24)
        self.title_size = one_line(text, "Off the Rails", m.px(t.display), full_w, True)
        self.title_y = self.tag_y + text.line_height(m.px(t.small), True)
        y = self.title_y + text.line_height(self.title_size, True)
        all_sub = text.wrap(self.subtitle(), m.px(t.label), full_w)[:3]
        # The foot: the keys, what was loaded and the notices (two to five lines of small text).  It keeps room
        # for the longest the loaded line gets as the options change, the keys giving way to it (_foot_lines):
        # changing the category then moves nothing, and what was loaded always shows whole.
        small_h = text.line_height(m.px(t.small))
        hint, status, notices = self._foot_parts(full_w)
        longest = max(len(text.wrap(line, m.px(t.small), full_w)) for line in self._loaded_lines())
        foot_all = max(2, min(5, len(hint) + len(status) + len(notices)), min(5, longest + len(notices)), longest)
        foot_least = max(1, min(5, longest + len(notices)), longest)
        self.button_size = m.px(t.body)
        button_h = text.line_height(self.button_size, True) + m.px(14)
        gap = m.px(8)
        n = len(self.menu.buttons)
        # The menu is what the screen is for: where its buttons would have to shrink (large text in a short
        # window), the subtitle keeps one line and the foot drops the keys first.
        for sub_n, foot_lines in ((len(all_sub), foot_all), (min(1, len(all_sub)), foot_least)):
            self.sub_lines = all_sub if sub_n == len(all_sub) else \
                fit_lines(text, self.subtitle(), [m.px(t.label)], full_w, text.line_height(m.px(t.label)),
                          max_lines=sub_n)[0]
            self.sub_rect = pygame.Rect(margin, y, full_w, text.line_height(m.px(t.label)) * len(self.sub_lines))
            self.fuse_y = self.sub_rect.bottom + m.px(10)
            menu_top = self.fuse_y + m.px(16)
            self.info_rect = pygame.Rect(margin, height - m.px(8) - small_h * foot_lines, full_w,
                                         small_h * foot_lines)
            room = self.info_rect.top - m.px(10) - menu_top
            if -(-n // 2) * button_h + (-(-n // 2) - 1) * gap <= room:
                break
        widest = max(text.width(b.label, self.button_size, True) for b in self.menu.buttons) + m.px(40)
        beside = max(int(width * 0.36), min(widest, int(width * 0.5)))
        if n * button_h + (n - 1) * gap <= room and widest <= beside:
            columns, col_w = 1, beside
            self.motif_rect = pygame.Rect(margin + col_w + m.px(30), menu_top, width - margin - col_w - m.px(30),
                                          room)
        else:
            columns, col_w = 2, (full_w - gap) // 2
            self.motif_rect = pygame.Rect(0, 0, 0, 0)
        rows = -(-n // columns)
        if rows * button_h + (rows - 1) * gap > room:
            # Still too tall (large text in a window whose height limits it): smaller labels, never overlapping.
            button_h = max((room - (rows - 1) * gap) // rows, 1)
            while self.button_size > m.px(12) and text.line_height(self.button_size, True) > button_h:
                self.button_size -= 1
            button_h = max(button_h, text.line_height(self.button_size, True))
        for i, button in enumerate(self.menu.buttons):
            col, row = divmod(i, rows)
            button.rect = pygame.Rect(margin + col * (col_w + gap), menu_top + row * (button_h + gap), col_w, button_h)
        bottom = max(b.rect.bottom for b in self.menu.buttons)
        # The mode's blurb under the menu, where there is room for it.
        self.blurb_rect = pygame.Rect(margin, bottom + m.px(10), col_w if columns == 1 else full_w,
                                      self.info_rect.top - bottom - m.px(14))

    def _foot_parts(self, width: int) -> tuple[list[str], list[str], list[str]]:
        """The foot's lines: the keys, what was loaded, the notices."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        size = m.px(t.small)
        hint = ctx.text.wrap(first_fitting(ctx.text, self.HINTS, size, width), size, width)
        notices = [line for note in ctx.notices for line in ctx.text.wrap(note, size, width)]
        return hint, ctx.text.wrap(self._loaded_line(), size, width), notices

    def _foot_lines(self, width: int, limit: int | None = None) -> list[str]:
        """What the foot shows in ``limit`` lines: what was loaded always whole, then the notices, then the
        keys above them where there is room."""
        hint, status, notices = self._foot_parts(width)
        if limit is None or len(hint) + len(status) + len(notices) <= limit:
            return hint + status + notices
        return status + notices[:max(limit - len(status), 0)]

    def draw(self, surface) -> None:
        self._picture.blit(surface, self._picture_key(), self._paint)

    def _picture_key(self) -> tuple:
        """Everything the title shows: the theme and sizes, the menu's labels and focus, the mode, the foot."""
        ctx = self.ctx
        return (ctx.theme, ctx.metrics, id(ctx.text), ctx.options.mode, self._loaded_line(), tuple(ctx.notices),
                tuple((b.label, b.enabled, b.hover, b.focus, tuple(b.rect)) for b in self.menu.buttons),
                self.button_size, self.title_size, tuple(self.sub_lines), tuple(self.motif_rect),
                tuple(self.blurb_rect), tuple(self.info_rect), self.tag_y, self.title_y, self.fuse_y,
                self._motif_due is True)

    def _paint(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        if self._motif_due is None:
            self._motif_due = False  # the first frame goes without the picture; update() asks for it
        elif self._motif_due and self._motif_fits():
            key = (self.motif_rect.size, t.palette)
            if self._motif is None or self._motif_key != key:
                # Drawn once per window size and palette, then blitted.
                self._motif_key = key
                self._motif = motif_image(self.motif_rect.size, t, m)
                try:
                    self._motif = self._motif.convert_alpha()
                except pygame.error:
                    pass
            surface.blit(self._motif, self.motif_rect)
        margin = m.px(t.margin)
        blit_text(surface, ctx.text, "MISSION BRIEFING: TRIVIA", m.px(t.small), pal.accent, (margin, self.tag_y),
                  bold=True)
        blit_text(surface, ctx.text, "Off the Rails", self.title_size, pal.text, (margin, self.title_y), bold=True)
        blit_lines(surface, ctx.text, self.sub_lines, m.px(t.label), pal.muted, self.sub_rect, align="left",
                   valign="top")
        # A lit fuse under the title, the franchise's best-known motif, drawn as a line.
        fuse_end = margin + int(self.sub_rect.width * 0.34)
        pygame.draw.line(surface, pal.accent, (margin, self.fuse_y), (fuse_end, self.fuse_y), m.px(3))
        pygame.draw.circle(surface, pal.focus, (fuse_end, self.fuse_y), m.px(6))

        # One size for every label, the largest at which the longest fits (Kinds or Category can be long).
        self.menu.draw(surface, ctx, self.menu.fitting_size(ctx, self.button_size))
        blurb = ctx.text.wrap(MODE_BLURBS[self.ctx.options.mode], m.px(t.small), self.blurb_rect.width, True)
        fits = len(blurb) * ctx.text.line_height(m.px(t.small), True) <= self.blurb_rect.height
        if fits:
            blit_lines(surface, ctx.text, blurb, m.px(t.small), pal.accent, self.blurb_rect, bold=True, align="left",
                       valign="top")
        limit = max(1, self.info_rect.height // ctx.text.line_height(m.px(t.small)))
        blit_lines(surface, ctx.text, self._foot_lines(self.info_rect.width, limit), m.px(t.small), pal.muted,
                   self.info_rect, align="left", valign="bottom")

    def _loaded_lines(self) -> list[str]:
        """What the loaded line says now, and the longest it can say as the options change (fewer
        questions match, fewer facts than a game asks, or none match): the layout keeps room for it."""
        if not self._counted:
            return [self.LOADING]
        total, count = len(self.ctx.bank.questions), self.ctx.options.count
        fewer = max(total - 1, 0)
        return [self._loaded_line(), self._loaded_line(fewer, max(min(count, fewer) - 1, 0)), self._loaded_line(0, 0)]

    def _loaded_line(self, playable: int | None = None, most: int | None = None) -> str:
        """What was loaded and what the options leave of it (``playable`` questions, at most ``most`` a
        game; by default, what the chosen options leave)."""
        if not self._counted:
            return self.LOADING
        playable = self.playable if playable is None else playable
        most = self.most if most is None else most
        bank = self.ctx.bank
        total = len(bank.questions)
        line = f"{total} question{'s' if total != 1 else ''} loaded from {len(bank.files)} file"
        line += "s" if len(bank.files) != 1 else ""
        if playable != total:
            line += f" · {playable} match the chosen category, difficulty and kinds"
        if 0 < most < min(playable, self.ctx.options.count):
            line += f" · a game asks at most {most} of them (one per fact)"
        if bank.skipped or bank.problems:
            paths = " ".join(self.ctx.bank_paths_for_message())
            unread = len(bank.unread)
            files = f"{unread} file{'s' if unread != 1 else ''} could not be read" if unread else ""
            skipped = f"{bank.skipped} skipped with problems" if bank.skipped or not unread else ""
            line += f" · {', '.join(x for x in (skipped, files) if x)}: run `mi-trivia validate {paths}` for details"
        if total and not playable:
            line += " · nothing matches: change the category, difficulty or kinds"
        if not total:
            line = "No playable questions were found. Run `mi-trivia validate` on your question files."
        return line
