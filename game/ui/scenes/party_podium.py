"""The end of a party: the podium, the full ranking, and the top-ten scores saved to the party board.

Every player whose score makes the board's top ten is saved under their
nickname, by the same atomic, locked save as any game, in the background.
"""

from __future__ import annotations

import pygame

from game.core.scores import TOP
from game.ui import intents as I
from game.ui.drawing import READING, draw_panel, player_colour
from game.ui.menu import Menu
from game.ui.outcomes import Play, ShowScores, ToTitle
from game.ui.scene import Scene
from game.ui.theme import readable_on
from game.ui.widgets import blit_text, first_fitting, one_line, whole_line

SCORES, AGAIN, TITLE = "scores", "again", "title"
# The party board keeps ten, ranked as every board is: points, then the faster total answer time.
TIE_RULE = ("Equal points at the tenth place: the faster total time went on the board.",
            "Equal points: the faster time went on.")
PODIUM_HEIGHTS = {1: 1.0, 2: 0.72, 3: 0.5}


def tie_at_the_cut(table, entries, ranks) -> bool:
    """Whether a player left off the board (no rank) has as many points as the last one on it."""
    if not entries:
        return False
    board = table.merged([e for e, rank in zip(entries, ranks, strict=True) if rank]).board(entries[0].board)
    if len(board) < TOP:
        return False
    return any(rank is None and entry.score == board[-1].score for entry, rank in zip(entries, ranks, strict=True))


class PartyPodiumScene(Scene):
    screen = "party_podium"

    def __init__(self, ctx, party):
        super().__init__(ctx)
        self.party = party
        self.actions = [SCORES, AGAIN, TITLE]
        self.menu = Menu(["High scores", "New party", "Title"])
        self.offset = 0  # the first row of the ranking shown
        self.saving = False  # True while the table is read and the top scores saved, on the worker
        self.saved: list = []
        self.note = ""
        self.tie_split = False  # equal scores at the tenth place: the rule chose who went on the board

    def enter(self) -> None:
        self.party.finish()
        ctx = self.ctx
        ctx.parties.end()  # every phone has its final place: the server stops
        self.entries = ctx.games.party_entries(self.party)
        if not self.entries:
            self.note = "No timer: party games without a clock are not ranked." if not self.party.timed else \
                "Nobody scored: nothing for the party board."
            return
        self.saving = True
        self.note = READING
        ctx.scores.read(self._ranked)

    def _ranked(self, table) -> None:
        """The table has come back: save the players who made the top ten."""
        ranks = table.ranks_of([e for _, e in self.entries])
        qualified = [(seat, entry) for (seat, entry), rank in zip(self.entries, ranks, strict=True) if rank]
        self.tie_split = tie_at_the_cut(table, [e for _, e in self.entries], ranks)
        if not qualified:
            self.saving = False
            self.note = "No score made the party board's top ten this time."
            return
        self.ctx.games.save_scores([e for _, e in qualified], [seat for seat, _ in qualified], self._saved)
        self.note = "Saving the top scores…"
        self.ctx.sound.play("highscore")

    def _saved(self, results) -> None:
        self.saving = False
        self.saved = results
        kept = [r for r in results if r.saved]
        if kept:
            self.note = f"{len(kept)} player{'s' if len(kept) != 1 else ''} saved to the party board."
        else:
            self.note = "The scores could not be saved: see the message in the terminal."

    @property
    def board(self) -> str:
        return self.ctx.games.game_board[0] if self.ctx.games.game_board else self.ctx.games.current_board()[0]

    def settled(self) -> bool:
        return not self.saving  # the screenshot says how the save went

    # -- input ------------------------------------------------------------------------------
    def handle(self, intent) -> bool:
        if intent.kind == I.BACK:
            self.ctx.flow.go(ToTitle())
            return True
        if intent.kind in (I.SCROLL, I.PAGE):
            step = -intent.dy * 3 if intent.kind == I.SCROLL else intent.dy * max(self.visible_rows - 1, 1)
            self.offset = max(0, min(self.offset + step, max(len(self.party.room.players) - self.visible_rows, 0)))
            return True
        chosen = self.menu.handle(intent, horizontal=True)
        if chosen is None or chosen == Menu.USED:
            return chosen is not None
        action = self.actions[chosen]
        if action == SCORES:
            self.ctx.flow.go(ShowScores(self.board, highlight=self.saved or None))
        elif action == AGAIN:
            self.ctx.flow.go(Play(again=True))
        else:
            self.ctx.flow.go(ToTitle())
        return True

    # -- layout and drawing -------------------------------------------------------------------
    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin = m.px(t.margin)
        row = self.menu.place_bottom_row(ctx, width, height, 60)
        self.title_h = text.line_height(m.px(t.title), True)
        small_h = text.line_height(m.px(t.small), True)
        self.note_rect = pygame.Rect(margin, row.top - m.px(8) - small_h, width - 2 * margin, small_h)
        top = m.px(20) + self.title_h + m.px(8)
        bottom = self.note_rect.top - m.px(10)
        inner = width - 2 * margin
        # The ranking needs room for a place, a name of ten letters, a score and the right answers.
        small = m.px(t.small)
        list_need = text.width("00. WWWWWWWWWW 00,000 10/10", small, True) + m.px(60)
        podium_w = max(min(int(inner * 0.55), inner - m.px(30) - list_need), int(inner * 0.4))
        self.stage = pygame.Rect(margin, top, podium_w, bottom - top)
        self.list_rect = pygame.Rect(margin + podium_w + m.px(30), top, inner - podium_w - m.px(30), bottom - top)
        self.row_h = text.line_height(m.px(t.small), True) + m.px(10)
        self.visible_rows = max((self.list_rect.height - text.line_height(m.px(t.label), True) - m.px(8)
                                 - text.line_height(m.px(t.small))) // self.row_h, 1)

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        ctx.backdrop.draw(surface)
        blit_text(surface, text, "The podium", m.px(t.title), pal.text, (surface.get_width() // 2, m.px(20)),
                  bold=True, anchor="midtop")
        standings = self.party.room.standings()
        self._draw_stage(surface, standings)
        self._draw_ranking(surface, standings)
        colour = pal.good if self.saved and any(r.saved for r in self.saved) else pal.muted
        notes = [self.note, self.note[:60]]
        if self.tie_split and not self.saving:
            notes[:0] = [f"{self.note} {rule}" for rule in TIE_RULE]
        note = first_fitting(text, notes, m.px(t.small), self.note_rect.width, True)
        blit_text(surface, text, note, m.px(t.small), colour, self.note_rect.center, bold=True, anchor="center")
        self.menu.draw(surface, ctx, self.menu.size)

    def _draw_stage(self, surface, standings) -> None:
        """Blocks for the first three, 2nd-1st-3rd from left to right, each in the player's colour."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        stage = self.stage
        slots = [k for k in (1, 0, 2) if k < len(standings)]
        if not slots:
            blit_text(surface, text, "Nobody played", m.px(t.body), pal.muted, stage.center, anchor="center")
            return
        gap = m.px(14)
        w = min((stage.width - gap * 2) // 3, m.px(260))
        left = stage.centerx - (w * len(slots) + gap * (len(slots) - 1)) // 2
        name_h = text.line_height(m.px(t.body), True)
        score_h = text.line_height(m.px(t.label), True)
        above = name_h + score_h + m.px(8)
        tallest = stage.height - above
        number = min(m.px(t.display), max(int(tallest * 0.3), m.px(t.small)))
        for slot, k in enumerate(slots):
            player = standings[k]
            colour = player_colour(player)
            block_h = max(int(tallest * PODIUM_HEIGHTS.get(player.place, 0.4)), m.px(24))
            block = pygame.Rect(left + slot * (w + gap), stage.bottom - block_h, w, block_h)
            pygame.draw.rect(surface, colour, block, border_top_left_radius=m.px(12),
                             border_top_right_radius=m.px(12))
            if block_h > text.line_height(number, True):
                blit_text(surface, text, f"{player.place}", number, readable_on(colour),
                          (block.centerx, block.top + m.px(4)), bold=True, anchor="midtop")
            score_size = one_line(text, f"{player.score:,}", m.px(t.label), w + gap, True)
            score = blit_text(surface, text, f"{player.score:,}", score_size, pal.accent,
                              (block.centerx, block.top - m.px(4)), bold=True, anchor="midbottom")
            line, size = whole_line(text, player.name, m.px(t.body), w + gap)  # shrunk before it is ever cut
            blit_text(surface, text, line, size, pal.text, (block.centerx, score.top), bold=True,
                      anchor="midbottom")

    def _draw_ranking(self, surface, standings) -> None:
        """Every player, best first, scrolled with the wheel or Page Up / Page Down when long."""
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        area = self.list_rect
        head = f"Full ranking · {len(standings)} player{'s' if len(standings) != 1 else ''}"
        size = one_line(text, head, m.px(t.label), area.width, True)
        y = blit_text(surface, text, head, size, pal.text, area.topleft, bold=True).bottom + m.px(8)
        small = m.px(t.small)
        total = self.party.total
        shown = standings[self.offset:self.offset + self.visible_rows]
        place_w = text.width("0" * len(str(len(standings))) + ".", small, True)  # as wide as the places get
        score_w = text.width("00,000", small, True)
        right_w = text.width(f"{total}/{total}", small)
        for k, player in enumerate(shown):
            row = pygame.Rect(area.left, y + k * self.row_h, area.width, self.row_h - m.px(4))
            draw_panel(surface, ctx, row, m.px(8))
            pygame.draw.rect(surface, player_colour(player), (row.left, row.top, m.px(8), row.height),
                             border_top_left_radius=m.px(8), border_bottom_left_radius=m.px(8))
            x = row.left + m.px(16)
            blit_text(surface, text, f"{player.place}.", small, pal.accent, (x + place_w, row.centery), bold=True,
                      anchor="midright")
            right = row.right - m.px(10)
            blit_text(surface, text, f"{player.correct}/{total}", small, pal.muted, (right, row.centery),
                      anchor="midright")
            right -= right_w + m.px(14)
            blit_text(surface, text, f"{player.score:,}", small, pal.text, (right, row.centery), bold=True,
                      anchor="midright")
            right -= score_w + m.px(14)
            name_left = x + place_w + m.px(10)
            line, fitted = whole_line(text, player.name, small, right - name_left)
            blit_text(surface, text, line, fitted, pal.text, (name_left, row.centery), bold=True, anchor="midleft")
        if len(standings) > self.visible_rows:
            last = min(self.offset + self.visible_rows, len(standings))
            shown_rows = f"{self.offset + 1}–{last} of {len(standings)}"
            note = first_fitting(text, [f"{shown_rows} · wheel or Page Up / Down", f"{shown_rows} · Page Down",
                                        shown_rows], m.px(t.small), area.width)
            blit_text(surface, text, note, m.px(t.small), pal.muted, area.bottomright, anchor="bottomright")
