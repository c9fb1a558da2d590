"""The party lobby on the big screen: how to join (QR code, address, PIN) and who has joined.

The host starts the game, turns the question text on the phones on or off,
and can remove a player (a rude name): the arrows (or a pad's D-pad) pick a
name chip and Delete (a pad's X) removes it, or a click on the chip's ×.
"""

from __future__ import annotations

import pygame

from game.ui import intents as I
from game.ui.drawing import mix, player_colour, spaced_pin
from game.ui.menu import Menu
from game.ui.outcomes import PartyStarts, ToTitle
from game.ui.qr import qr_matrix, qr_surface
from game.ui.scene import Scene
from game.ui.theme import readable_on
from game.ui.widgets import blit_lines, blit_text, first_fitting, fit_lines, one_line, whole_line

START, PROMPTS, BACK, NEW_PIN = range(4)  # New PIN is shown (before End party) once the PIN's guesses are spent
CHIP_NAME_MAX = 0.8  # of the chip area's width (a longer name shrinks in its chip)
LEAVE_SECONDS = 3.0  # a second Esc within this ends a party that has players


def draw_name_chip(surface, ctx, rect: pygame.Rect, player, size: int, *, focus=False,
                   close=False) -> pygame.Rect | None:
    """A player's name on their colour (dimmed and marked while away); returns the × box if ``close``."""
    m, t = ctx.metrics, ctx.theme
    pal = t.palette
    colour = player_colour(player)
    fill = colour if player.connected else mix(colour, pal.panel, 0.65)
    radius = rect.height // 2
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if focus:
        pygame.draw.rect(surface, pal.focus, rect.inflate(m.px(6), m.px(6)), width=m.px(3), border_radius=radius + 3)
    ink = readable_on(fill)
    box = None
    right = rect.right - m.px(12)
    if close:
        side = rect.height - m.px(8)
        box = pygame.Rect(0, 0, side, side)
        box.midright = (rect.right - m.px(4), rect.centery)
        pygame.draw.circle(surface, mix(fill, ink, 0.25), box.center, side // 2)
        blit_text(surface, ctx.text, "×", size, ink, box.center, bold=True, anchor="center")
        right = box.left - m.px(4)
    label = player.name if player.connected else f"{player.name} · away"
    room = right - rect.left - m.px(14)
    line, fitted = whole_line(ctx.text, label, size, room)  # shrunk before it is ever cut
    blit_text(surface, ctx.text, line, fitted, ink, (rect.left + m.px(14), rect.centery), bold=True,
              anchor="midleft")
    return box


class PartyLobbyScene(Scene):
    screen = "party_lobby"

    def __init__(self, ctx, party):
        super().__init__(ctx)
        self.party = party
        self.spent = party.pin_budget_spent
        self.menu, self._order = self._menu()
        self.chip_focus: int | None = None  # the player id whose chip has the keyboard focus
        self.page = 0
        self._qr_matrix = None
        self._qr: pygame.Surface | None = None
        self._qr_key = None
        self._chips: list[tuple[int, pygame.Rect, pygame.Rect]] = []  # (player id, chip, ×) on the shown page
        self._pages = 1
        self._chip_key = None
        self.age = 0.0
        self._leave_until = 0.0

    def _menu(self) -> tuple[Menu, list[int]]:
        """The buttons, and what each one does (New PIN only while the PIN's wrong guesses are spent)."""
        order = [START, PROMPTS, NEW_PIN, BACK] if self.spent else [START, PROMPTS, BACK]
        words = {START: "Start", PROMPTS: self._prompt_label(), NEW_PIN: "New PIN", BACK: "End party"}
        return Menu([words[k] for k in order], focus=order.index(NEW_PIN) if self.spent else 0), order

    def new_pin(self) -> None:
        """Show a new PIN (and its code): the old one took too many wrong guesses; players stay in."""
        pin = self.party.new_pin()
        self.spent = False
        self.menu, self._order = self._menu()
        self._qr_matrix = None
        self.layout(*self.ctx.size)
        self.ctx.toast(f"New PIN: {spaced_pin(pin)}")

    def _prompt_label(self) -> str:
        return f"Questions on phones: {'on' if self.party.host.show_prompt else 'off'}"

    @property
    def players(self):
        return list(self.party.room.players.values())

    # -- input -----------------------------------------------------------------------
    def handle(self, intent) -> bool:
        self.menu.buttons[START].enabled = bool(self.party.room.players)
        if intent.kind == I.BACK:
            self.leave()
            return True
        if intent.kind in (I.REMOVE, I.LIFELINE) and (intent.kind == I.REMOVE or intent.index == 0):
            if self.chip_focus is not None:
                self.remove(self.chip_focus)
                return True
            return False
        if intent.kind == I.PAGE:
            self._place_chips()
            self.page = max(0, min(self.page + (1 if intent.dy > 0 else -1), self._pages - 1))
            self._chip_key = None
            self._place_chips()
            return True
        if intent.kind == I.CLICK:
            self._place_chips()
            for pid, chip, box in self._chips:
                if box.inflate(self.ctx.metrics.px(8), self.ctx.metrics.px(8)).collidepoint(intent.pos):
                    self.remove(pid)
                    return True
                if chip.collidepoint(intent.pos):
                    self._focus_chip(pid)
                    return True
        if intent.kind == I.MOVE and (self.chip_focus is not None or intent.dy < 0):
            return self._move(intent.dx, intent.dy)
        if intent.kind == I.CONFIRM and self.chip_focus is not None:
            return True  # Enter on a name does nothing: removing takes Delete or the ×
        if intent.kind == I.POINT and self.chip_focus is not None:
            pass
        chosen = self.menu.handle(intent, horizontal=True)
        if chosen is None:
            return False
        if chosen == Menu.USED:
            self.chip_focus = None
            self._sync_menu()
            return True
        self.chip_focus = None
        self._sync_menu()
        chosen = self._order[chosen]
        if chosen == START:
            self.start()
        elif chosen == PROMPTS:
            self.party.host.show_prompt = not self.party.host.show_prompt
            self.menu.set_label(self._order.index(PROMPTS), self._prompt_label())
        elif chosen == NEW_PIN:
            self.new_pin()
        elif chosen == BACK:
            self.leave()
        return True

    def leave(self) -> None:
        """End the party; with players in, only on a second press (everyone's phone would be sent away)."""
        import time

        if self.party.room.players and time.monotonic() > self._leave_until:
            self._leave_until = time.monotonic() + LEAVE_SECONDS
            self.ctx.toast("Press Esc again to end the party (every phone will be told)")
            return
        self.ctx.flow.go(ToTitle())

    def _sync_menu(self) -> None:
        for i, button in enumerate(self.menu.buttons):
            button.focus = self.chip_focus is None and i == self.menu.focus

    def _focus_chip(self, pid: int | None) -> None:
        self.chip_focus = pid
        self._sync_menu()
        self._chip_key = None
        self._place_chips()

    def _move(self, dx: int, dy: int) -> bool:
        players = self.players
        if not players:
            return False
        self._place_chips()
        if self.chip_focus is None:  # up from the buttons: the last name on the page
            self._focus_chip(self._chips[-1][0] if self._chips else players[-1].id)
            return True
        ids = [p.id for p in players]
        here = ids.index(self.chip_focus) if self.chip_focus in ids else 0
        if dx:
            self._focus_chip(ids[(here + dx) % len(ids)])
            return True
        shown = {pid: chip for pid, chip, _ in self._chips}
        mine = shown.get(self.chip_focus)
        if mine is None:
            self._focus_chip(ids[here])
            return True
        rows = sorted({chip.top for chip in shown.values()})
        row = rows.index(mine.top) + (1 if dy > 0 else -1)
        if row >= len(rows):
            self._focus_chip(None)  # down from the last row: back to Start
            return True
        row = max(row, 0)
        same = [(abs(chip.centerx - mine.centerx), pid) for pid, chip in shown.items() if chip.top == rows[row]]
        self._focus_chip(min(same)[1])
        return True

    def remove(self, pid: int) -> None:
        player = self.party.room.players.get(pid)
        if player is None:
            return
        ids = [p.id for p in self.players]
        here = ids.index(pid)
        self.party.kick(pid)
        rest = [p.id for p in self.players]
        self._focus_chip(rest[min(here, len(rest) - 1)] if rest and self.chip_focus == pid else
                         (self.chip_focus if self.chip_focus in rest else None))
        self.ctx.toast(f"{player.name} was removed from the game")

    def start(self) -> None:
        if not self.party.room.players:
            self.ctx.toast("Nobody has joined yet: scan the code with a phone")
            return
        self.ctx.flow.go(PartyStarts(self.party))

    # -- each frame ------------------------------------------------------------------------
    def settled(self) -> bool:
        """With autoplay's simulated phones, once they have all joined (the screenshot shows them)."""
        return len(self.party.room.players) >= self.ctx.options.bots or self.age > 20

    def update(self, dt: float) -> None:
        self.age += dt
        self._place_chips()  # phones joined or left since the last frame (drawing changes nothing)
        enabled = bool(self.party.room.players)
        if self.menu.buttons[START].enabled != enabled:
            self.menu.buttons[START].enabled = enabled
            self.ctx.flow.redraw()
        if self.chip_focus is not None and self.chip_focus not in self.party.room.players:
            self._focus_chip(None)
            self.ctx.flow.redraw()
        if self.party.pin_budget_spent != self.spent:  # too many wrong PINs: say so, offer a new one
            self.spent = self.party.pin_budget_spent
            self.menu, self._order = self._menu()
            self.layout(*self.ctx.size)
            self.ctx.flow.redraw()

    # -- layout -----------------------------------------------------------------------------
    def layout(self, width: int, height: int) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin = m.px(t.margin)
        row = self.menu.place_bottom_row(ctx, width, height, 60)
        self.menu.buttons[START].enabled = bool(self.party.room.players)
        self._sync_menu()
        small_h = text.line_height(m.px(t.small))
        self.hint_rect = pygame.Rect(margin, row.top - m.px(8) - small_h, width - 2 * margin, small_h)
        top = m.px(20)
        bottom = self.hint_rect.top - m.px(10)
        # The left column: the code, the address and the PIN.
        col_w = max(min(int(width * 0.38), int((bottom - top) * 0.95)), m.px(220))
        self.left = pygame.Rect(margin, top, col_w, bottom - top)
        self.scan_h = text.line_height(m.px(t.label), True)
        self.address_h = text.line_height(m.px(t.label), True)
        self.pin_label_h = text.line_height(m.px(t.small))
        # The code first (a phone needs it large enough to read); the PIN shrinks before it does.
        want = min(col_w, m.px(220))
        self.pin_size = m.px(t.display)
        while self.pin_size > m.px(t.heading) and self._fixed_h() + want > self.left.height:
            self.pin_size = int(self.pin_size * 0.9)
        self.qr_side = max(min(col_w, self.left.height - self._fixed_h()), m.px(100))
        self._place_qr()
        # The right column: the count, a note on who can join, and the names.
        gap = m.px(36)
        self.right = pygame.Rect(self.left.right + gap, top, width - margin - self.left.right - gap, bottom - top)
        self.count_h = text.line_height(m.px(t.title), True)
        self.note_lines = self._note_lines(self.right.width)
        note_h = text.line_height(m.px(t.small), True) * len(self.note_lines)
        self.note_rect = pygame.Rect(self.right.left, self.right.top + self.count_h + m.px(4), self.right.width, note_h)
        chips_top = self.note_rect.bottom + m.px(12)
        self.chip_area = pygame.Rect(self.right.left, chips_top, self.right.width, self.right.bottom - chips_top)
        self._chip_key = None
        self._place_chips()

    def _place_qr(self) -> None:
        """The code's picture (made again only when the address or its side changes) and where it goes."""
        key = (self.party.url, self.qr_side)
        if self._qr is None or self._qr_key != key:
            self._qr_key = key
            self._qr_matrix = self._qr_matrix or qr_matrix(self.party.url)
            self._qr = qr_surface(self._qr_matrix, self.qr_side)
        top = self.left.top + self.scan_h + self.ctx.metrics.px(4)  # under "Scan to join"
        self.qr_rect = self._qr.get_rect(midtop=(self.left.centerx, top))

    def _fixed_h(self) -> int:
        """The left column less the code: the label above it, the address, "Game PIN" and the PIN."""
        m, text = self.ctx.metrics, self.ctx.text
        return self.scan_h + self.address_h + self.pin_label_h + text.line_height(self.pin_size, True) + m.px(20)

    def _note_lines(self, width: int) -> list[str]:
        party, ctx, m, t = self.party, self.ctx, self.ctx.metrics, self.ctx.theme
        if self.spent:
            note = "Too many wrong PINs: choose New PIN to let others join (players in stay in)."
        elif party.no_network:
            note = "No network found: only this computer can join. Open the address in a browser here."
        elif party.local_only and self.ctx.options.bots:
            note = f"{self.ctx.options.bots} simulated phones join on this computer (autoplay)."
        elif party.local_only:
            note = "This computer only: phones on the network cannot join."
        else:
            return []
        return ctx.text.wrap(note, m.px(t.small), width, True)

    def _how_to_join(self) -> str:
        """How to join, true for where the game listens: on this computer only, no phone can."""
        if self.party.local_only:
            return ("Open the address in a browser on this computer, then enter the PIN and a nickname. Names "
                    "appear here as people join.")
        return ("Scan the code or type the address on a phone on this network, then enter the PIN and a "
                "nickname. Names appear here as people join.")

    def _place_chips(self) -> None:
        """Name chips flowed in rows, in pages when they overflow; cached while nothing changes."""
        m, t = self.ctx.metrics, self.ctx.theme
        players = self.players
        key = (tuple((p.id, p.name, p.connected) for p in players), self.chip_area.size, self.chip_focus, self.page,
               t.text_scale)
        if key == self._chip_key:
            return
        self._chip_key = key
        # The largest of a few sizes at which every name fits on one page; pages below the smallest.
        for size in (m.px(t.label), m.px(t.small), max(10, m.px(t.small * 0.8))):
            self.chip_size = size
            pages = self._flow(players, size)
            if len(pages) == 1:
                break
        self._pages = len(pages)
        if self.chip_focus is not None:
            for k, page in enumerate(pages):
                if any(pid == self.chip_focus for pid, _, _ in page):
                    self.page = k
        self.page = min(self.page, len(pages) - 1)
        self._chips = pages[self.page]

    def _flow(self, players, size: int) -> list[list[tuple[int, pygame.Rect, pygame.Rect]]]:
        """Chips for ``players`` at ``size``, in rows and then pages (the last line of the area is kept
        for the page note)."""
        ctx, m = self.ctx, self.ctx.metrics
        area = self.chip_area.copy()
        area.height -= ctx.text.line_height(m.px(self.ctx.theme.small))
        chip_h = ctx.text.line_height(size, True) + m.px(14)
        gap = m.px(10)
        pages: list[list[tuple[int, pygame.Rect, pygame.Rect]]] = [[]]
        x, y = area.left, area.top
        for player in players:
            label = player.name if player.connected else f"{player.name} · away"
            w = min(ctx.text.width(label, size, True), int(area.width * CHIP_NAME_MAX)) + m.px(28) + chip_h
            if x + w > area.right and x > area.left:
                x, y = area.left, y + chip_h + gap
            if y + chip_h > area.bottom and pages[-1]:
                pages.append([])
                x, y = area.left, area.top
            chip = pygame.Rect(x, y, min(w, area.width), chip_h)
            side = chip_h - m.px(8)
            box = pygame.Rect(0, 0, side, side)
            box.midright = (chip.right - m.px(4), chip.centery)
            pages[-1].append((player.id, chip, box))
            x += chip.width + gap
        return pages

    # -- drawing -------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        text = ctx.text
        party = self.party
        ctx.backdrop.draw(surface)
        # How to join.
        y = self.left.top
        label = "Join on this computer" if party.local_only else "Scan to join"
        size = one_line(text, label, m.px(t.label), self.left.width, True)
        blit_text(surface, text, label, size, pal.muted, (self.left.centerx, y), bold=True,
                  anchor="midtop")
        surface.blit(self._qr, self.qr_rect)
        y = self.qr_rect.bottom + m.px(8)
        address = party.address_text.removeprefix("http://").rstrip("/")
        size = one_line(text, address, m.px(t.label), self.left.width, True, smallest=0.5)
        blit_text(surface, text, address, size, pal.text, (self.left.centerx, y), bold=True, anchor="midtop")
        y += self.address_h + m.px(4)
        blit_text(surface, text, "Game PIN", m.px(t.small), pal.muted, (self.left.centerx, y), anchor="midtop")
        y += self.pin_label_h
        pin = spaced_pin(party.pin)
        pin_size = one_line(text, pin, self.pin_size, self.left.width, True, smallest=0.5)
        blit_text(surface, text, pin, pin_size, pal.accent, (self.left.centerx, y), bold=True, anchor="midtop")

        # Who has joined.
        players = self.players
        n = len(players)
        away = sum(1 for p in players if not p.connected)
        count = "Waiting for players" if not n else f"{n} player{'s' if n != 1 else ''}"
        if away:
            count += f" · {away} away"
        most = party.room.max_players
        if n >= most:
            count += " · full"
        size = one_line(text, count, m.px(t.title), self.right.width, True)
        blit_text(surface, text, count, size, pal.text, self.right.topleft, bold=True)
        if self.note_lines:
            blit_lines(surface, text, self.note_lines, m.px(t.small), pal.accent, self.note_rect, bold=True,
                       align="left", valign="top")
        if not players:
            how = self._how_to_join()
            sizes = [m.px(t.body), m.px(t.label), m.px(t.small), max(10, m.px(t.small * 0.8))]
            lines, size = fit_lines(text, how, sizes, self.chip_area.width, self.chip_area.height)  # whole, smaller
            blit_lines(surface, text, lines, size, pal.muted, self.chip_area, align="left", valign="top")
        by_id = party.room.players
        for pid, chip, _ in self._chips:
            draw_name_chip(surface, ctx, chip, by_id[pid], self.chip_size, focus=pid == self.chip_focus, close=True)
        if self._pages > 1:
            page = f"Page {self.page + 1} of {self._pages}"  # within the names' column, at any text size
            note = first_fitting(text, [f"{page} · Page Up / Page Down", page], m.px(t.small), self.chip_area.width)
            blit_text(surface, text, note, m.px(t.small), pal.muted, self.chip_area.bottomright, anchor="bottomright")

        # Keys and buttons.
        if self.chip_focus is not None and self.chip_focus in by_id:
            name = by_id[self.chip_focus].name
            hints = [f"Delete (a pad's X) removes {name} · ↓ back to the buttons · Esc ends the party",
                     f"Delete removes {name} · Esc ends the party", "Delete removes"]
        else:
            enter = "Enter shows a new PIN" if self._order[self.menu.focus] == NEW_PIN else "Enter starts"
            hints = [f"{enter} · ↑ and the arrows pick a name, Delete (a pad's X) removes it, or click its ×"
                     " · Esc ends the party", f"{enter} · ↑ picks a name, Delete removes it · Esc ends",
                     f"{enter} · Delete removes"]
        hint = first_fitting(text, hints, m.px(t.small), self.hint_rect.width)
        blit_text(surface, text, hint, m.px(t.small), pal.muted, self.hint_rect.center, anchor="center")
        self.menu.draw(surface, ctx, self.menu.size)
