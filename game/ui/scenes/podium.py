"""Hot-seat results: a podium, every player's numbers, and one button to save all who made the top 10."""

from __future__ import annotations

import pygame

from game.core.scores import earns_a_place
from game.core.session import Session
from game.ui.after_game import SAVE, SCORES, AfterGameScene
from game.ui.drawing import READING
from game.ui.outcomes import ShowScores
from game.ui.record import note_box
from game.ui.theme import PLAYER_COLOURS, readable_on
from game.ui.widgets import blit_text, first_fitting, one_line, whole_line


class PodiumScene(AfterGameScene):
    screen = "podium"

    def __init__(self, ctx, session: Session):
        self.entries = [ctx.games.entry_for(session, player=i) for i in range(len(session.players))]
        self.ranks: list[int | None] = [None] * len(self.entries)
        self.qualified: list[int] = []
        self.saving = False
        super().__init__(ctx, session, ranked=self.entries[0] is not None)  # not without a timer

    def likely_top_ten(self) -> bool:
        return any(earns_a_place(e) for e in self.entries)

    def ranked_on(self, table) -> bool:
        """The places, the players who made the top 10."""
        self.ranks = table.ranks_of(self.entries)
        self.qualified = [i for i, rank in enumerate(self.ranks) if rank]
        return bool(self.qualified)

    def label(self, action: str) -> str:
        """One button saves every player who made the top 10."""
        if action != SAVE:
            return super().label(action)
        count = len(self.qualified) if not self.reading else sum(earns_a_place(e) for e in self.entries)
        return f"Save {count} score{'s' if count != 1 else ''}"

    def settled(self) -> bool:
        return not self.reading

    def handle(self, intent) -> bool:
        return True if self.saving else super().handle(intent)

    def act(self, action: str) -> None:
        if action == SAVE:
            self.saving = True
            self.ctx.games.save_scores([self.entries[i] for i in self.qualified], self.qualified, self._saved)
        elif action == SCORES:
            self.ctx.flow.go(ShowScores(self.entries[0].board))
        else:
            super().act(action)

    def _saved(self, results) -> None:
        self.saving = False
        self.ctx.flow.go(ShowScores(self.entries[0].board, highlight=results))
        self.actions[0] = SCORES
        self.menu.set_label(0, "High scores")

    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin = m.px(t.margin)
        row = self.menu.place_bottom_row(self.ctx, width, height, 60)
        self.title_h = text.line_height(m.px(t.title), True)
        # Above each block: the name and the score; under it: right answers and the board place.
        self.name_h = text.line_height(m.px(t.body), True)
        self.score_h = text.line_height(m.px(t.label), True)
        self.under_h = text.line_height(m.px(t.small)) * 2 + m.px(12)
        top = m.px(24) + self.title_h + m.px(8) + self.name_h + self.score_h + m.px(8)
        self.stage = pygame.Rect(margin, top, width - 2 * margin, row.top - self.under_h - top)

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        cx = surface.get_width() // 2
        blit_text(surface, ctx.text, "The podium", m.px(t.title), pal.text, (cx, m.px(24)), bold=True,
                  anchor="midtop")
        standings = self.session.standings()
        # Blocks: 2nd, 1st, 3rd, 4th from left to right (1st in the middle); two players: 1st on the left.
        order = [0, 1] if len(standings) == 2 else [k for k in (1, 0, 2, 3) if k < len(standings)]
        n = len(order)
        gap = m.px(18)
        w = min(max(m.px(260), self.stage.width // 4), (self.stage.width - gap * (n - 1)) // n)
        left = cx - (w * n + gap * (n - 1)) // 2
        heights = {1: 1.0, 2: 0.72, 3: 0.5, 4: 0.34}
        above = self.name_h + self.score_h + m.px(8)
        number = min(m.px(t.display), max(int(self.stage.height * 0.3), m.px(t.small)))
        for slot, k in enumerate(order):
            place, player = standings[k]
            seat = self.session.players.index(player)
            colour = PLAYER_COLOURS[seat % len(PLAYER_COLOURS)]
            block_h = max(int((self.stage.height - above + self.name_h + self.score_h) * heights[place]) - above,
                          m.px(24))
            block_h = min(block_h, self.stage.height)
            block = pygame.Rect(left + slot * (w + gap), self.stage.bottom - block_h, w, block_h)
            pygame.draw.rect(surface, colour, block, border_top_left_radius=m.px(12), border_top_right_radius=m.px(12))
            note_box(surface, block, f"place {place}")
            if block_h > ctx.text.line_height(number, True):
                blit_text(surface, ctx.text, f"{place}", number, readable_on(colour),
                          (block.centerx, block.top + m.px(4)), bold=True, anchor="midtop")
            score_rect = blit_text(surface, ctx.text, f"{player.score:,}", m.px(t.label), pal.accent,
                                   (block.centerx, block.top - m.px(4)), bold=True, anchor="midbottom")
            line, size = whole_line(ctx.text, f"P{seat + 1} {player.name}", m.px(t.body), w)
            blit_text(surface, ctx.text, line, size, pal.text, (block.centerx, score_rect.top), bold=True,
                      anchor="midbottom")
            detail = f"{player.correct_count}/{len(player.answers)} right"
            rank = self.ranks[seat]
            y = blit_text(surface, ctx.text, detail, one_line(ctx.text, detail, m.px(t.small), w), pal.text,
                          (block.centerx, self.stage.bottom + m.px(6)), anchor="midtop").bottom
            note = f"top 10: #{rank}" if rank else "not in the top 10" if self.entries[seat] else "no timer: not ranked"
            if self.reading:  # the places come with the table
                note = first_fitting(ctx.text, [READING, "Reading…", "…"], m.px(t.small), w)
            blit_text(surface, ctx.text, note, one_line(ctx.text, note, m.px(t.small), w),
                      pal.good if rank else pal.muted, (block.centerx, y + m.px(2)), anchor="midtop")
        if self.saving:
            blit_text(surface, ctx.text, "Saving…", m.px(t.label), pal.muted,
                      (cx, self.menu.buttons[0].rect.top - m.px(8)), anchor="midbottom")
        self.menu.draw(surface, ctx, self.menu.size)
