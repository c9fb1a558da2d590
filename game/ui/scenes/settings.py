"""Settings: theme, text size, motion, timer, sound and volume, used as soon as they change."""

from __future__ import annotations

import pygame

from game.core import settings as S
from game.ui import intents as I
from game.ui.menu import Menu
from game.ui.scene import Scene
from game.ui.widgets import blit_lines, blit_text

THEME, TEXT, MOTION, TIMER, SOUND, VOLUME, PICTURES, DONE = range(8)
ROWS = ("Theme", "Text size", "Motion", "Timer", "Sound", "Volume", "Describe pictures")
FIELDS = ("theme", "text_scale", "reduced_motion", "time_factor", "muted", "volume", "describe_pictures")
CHOICES: dict[str, tuple] = {
    "theme": S.THEMES, "text_scale": S.TEXT_SCALES, "reduced_motion": (False, True),
    "time_factor": S.TIME_FACTORS, "muted": (False, True), "volume": S.VOLUMES, "describe_pictures": (False, True),
}
THEME_HELP = {  # the theme's note describes the theme in use
    "default": "Default: dark blue with a colour and a shape for each answer. ◀ ▶ for high contrast.",
    "high-contrast": "High contrast: black and white with a yellow focus, thicker outlines, the brightest colours.",
}
HELP = (
    THEME_HELP["high-contrast"],
    "Text size for every screen; the layout makes room for it.",
    "Reduced: nothing slides, counts up or blinks; the clock moves in whole seconds.",
    "More time per question. ×1.5 and ×2 have high-score boards of their own; "
    "games with no timer go on no board. A game already started keeps its clock.",
    "Sound effects: the last five seconds, right, wrong, a new high score. M mutes anywhere.",
    "How loud the effects are.",
    "On: a question's picture has its description in words under it. The review always shows it.",
    "Back to where you were. Changes are saved as you make them.",
)


def shown(field: str, value) -> str:
    if field == "theme":
        return S.THEME_NAMES[value]
    if field == "text_scale":
        return f"{round(value * 100)}%"
    if field == "reduced_motion":
        return "Reduced" if value else "Full"
    if field == "time_factor":
        return S.time_label(value)
    if field == "muted":
        return "Off" if value else "On"
    if field == "describe_pictures":
        return "On" if value else "Off"
    return f"{value}%"


class SettingsScene(Scene):
    screen = "settings"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.menu = Menu([""] * len(ROWS) + ["Done"])
        # Where a click changed a setting: until the pointer moves from there (or a key is pressed) the
        # screen keeps its layout, so a larger text size does not move the ▶ from under the pointer.
        self._held_at: tuple[int, int] | None = None
        self._laid_out: tuple[int, int] | None = None  # the window size the layout is for
        self._stale = False  # a new layout was asked for while held
        self._refresh()

    def _refresh(self) -> None:
        settings = self.ctx.settings
        for row, field in enumerate(FIELDS):
            self.menu.set_label(row, f"{ROWS[row]}:  ◀ {shown(field, getattr(settings, field))} ▶")

    def _change(self, row: int, step: int) -> None:
        field = FIELDS[row]
        values = CHOICES[field]
        current = getattr(self.ctx.settings, field)
        index = values.index(current) if current in values else 0
        if field == "volume":  # volume stops at the ends rather than wrapping round
            value = values[min(max(index + step, 0), len(values) - 1)]
        else:
            value = values[(index + step) % len(values)]
        self.ctx.prefs.change(**{field: value})
        if field in ("volume", "muted"):
            self.ctx.sound.play("tick")  # hear the new level at once
        self._refresh()

    def handle(self, intent) -> bool:
        if self._held_at is not None and not self._pointer_still(intent):
            self._let_go()  # the pointer moved, or a key: the layout follows the settings again
        if intent.kind == I.BACK:
            self.ctx.flow.back()
            return True
        focus = self.menu.focus
        if intent.kind == I.MOVE and intent.dx and focus < DONE:
            self._change(focus, intent.dx)
            return True
        if intent.kind == I.SCROLL and focus < DONE:
            self._change(focus, -intent.dy)
            return True
        if intent.kind == I.CLICK:
            # By mouse: ◀ lowers, ▶ raises, a click anywhere else on the row steps forward.
            for row, (lower, raise_) in enumerate(self.arrows):
                if lower.collidepoint(intent.pos) or raise_.collidepoint(intent.pos):
                    self.menu.focus = row
                    self.menu._sync()
                    self._held_at = intent.pos
                    self._change(row, -1 if lower.collidepoint(intent.pos) else 1)
                    return True
        chosen = self.menu.handle(intent)
        if chosen is None or chosen == Menu.USED:
            return chosen is not None
        if chosen == DONE:
            self.ctx.flow.back()
        else:
            if intent.kind == I.CLICK:
                self._held_at = intent.pos
            self._change(chosen, 1)
        return True

    def _pointer_still(self, intent) -> bool:
        """Whether ``intent`` leaves the pointer where the held click was (clicking on, the wheel)."""
        return intent.kind == I.SCROLL or (intent.kind in (I.CLICK, I.RELEASE, I.POINT) and
                                           intent.pos == self._held_at)

    def _let_go(self) -> None:
        self._held_at = None
        if self._stale:
            self._stale = False
            self.layout(*self.ctx.size)
            self.ctx.flow.redraw()

    # -- layout and drawing -------------------------------------------------------
    def _hint(self) -> str:
        hint = "↑↓ choose · ←→ or Enter change · Esc back"
        return hint + (f" · saved in {self.ctx.prefs.path}" if self.ctx.prefs.path else " · not saved (a test run)")

    def _notes(self, focus: int) -> list[str]:
        ctx = self.ctx
        notes = [THEME_HELP.get(ctx.settings.theme, HELP[THEME]) if focus == THEME else HELP[focus]]
        if focus < DONE:
            field = FIELDS[focus]
            now, saved = getattr(ctx.settings, field), getattr(ctx.prefs.saved, field)
            if now != saved:
                notes.append(f"Set on the command line for this run; saved: {shown(field, saved)}.")
        if focus == SOUND and ctx.sound.failed:
            notes.append("No sound device was found: the game stays silent.")
        return notes

    def layout(self, width: int, height: int) -> None:
        """The rows, then the help for the focused row (room for the longest) and the footer, every word of
        both.  When large text needs more room than the window has, the labels and the help shrink together
        (the labels never smaller than the help)."""
        if self._held_at is not None and self._laid_out == (width, height):
            self._stale = True  # laid out once the pointer moves (see __init__)
            return
        self._laid_out = (width, height)
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        text = ctx.text
        margin = m.px(t.margin)
        self.title_y = m.px(20)
        self.title_size = m.px(t.title)
        top = self.title_y + text.line_height(self.title_size, True) + m.px(8)
        help_w = width - 2 * margin
        gap = m.px(8)
        n = len(self.menu.buttons)
        scale = 1.0
        while True:
            self.label_size = max(8, int(m.px(t.label) * scale))
            self.small_size = small = max(8, int(m.px(t.small) * scale))
            small_h = text.line_height(small)
            self.foot_lines = text.wrap(self._hint(), small, help_w)
            longest = max(len(text.wrap(note, small, help_w)) for note in HELP + tuple(THEME_HELP.values()))
            self.help_h = (longest + 1) * small_h  # a line more for "set on the command line" and the like
            button_h = text.line_height(self.label_size, True) + m.px(14)
            used = top + n * button_h + (n - 1) * gap + m.px(10) + self.help_h + len(self.foot_lines) * small_h
            if used <= height - m.px(6) or small <= 8:
                break
            scale *= 0.94
        widest = max(text.width(f"{ROWS[i]}:  ◀ {shown(f, v)} ▶", self.label_size, True)
                     for i, f in enumerate(FIELDS) for v in CHOICES[f])
        col_w = min(max(m.px(640), widest + m.px(48)), width - 2 * margin)
        left = (width - col_w) // 2
        for i, button in enumerate(self.menu.buttons):
            button.rect = pygame.Rect(left, top + i * (button_h + gap), col_w, button_h)
        self.label_size = self.menu.fitting_size(ctx, self.label_size)
        self._place_arrows()
        bottom = self.menu.buttons[-1].rect.bottom
        self.help_rect = pygame.Rect(margin, bottom + m.px(10), help_w, height - bottom - m.px(10) - m.px(6))

    def _place_arrows(self) -> None:
        """Each row: its name on the left, then ◀ value ▶ on the right, the value in a slot as wide as the
        field's widest value (the arrows stay put).  One text size for every row, the largest that fits."""
        ctx, m = self.ctx, self.ctx.metrics
        text = ctx.text
        pad = m.px(16)

        def need(size: int, i: int) -> int:
            slot = max(text.width(shown(FIELDS[i], v), size, True) for v in CHOICES[FIELDS[i]])
            return text.width(f"{ROWS[i]}:", size, True) + m.px(24) + 2 * (text.width("◀", size, True) + 2 * pad) + slot

        size = self.label_size
        inner_w = self.menu.buttons[0].rect.width - 2 * m.px(12)
        while size > m.px(10) and max(need(size, i) for i in range(len(ROWS))) > inner_w:
            size -= 1
        self.row_size = size
        arrow_w = text.width("◀", size, True) + 2 * pad
        self.arrows, self.slots = [], []
        for i in range(len(ROWS)):
            rect = self.menu.buttons[i].rect
            slot_w = max(text.width(shown(FIELDS[i], v), size, True) for v in CHOICES[FIELDS[i]])
            raise_ = pygame.Rect(rect.right - m.px(12) - arrow_w, rect.top, arrow_w, rect.height)
            slot = pygame.Rect(raise_.left - slot_w, rect.top, slot_w, rect.height)
            lower = pygame.Rect(slot.left - arrow_w, rect.top, arrow_w, rect.height)
            self.arrows.append((lower, raise_))
            self.slots.append(slot)

    def draw(self, surface) -> None:
        ctx, m, t = self.ctx, self.ctx.metrics, self.ctx.theme
        pal = t.palette
        ctx.backdrop.draw(surface)
        blit_text(surface, ctx.text, "Settings", self.title_size, pal.text, (surface.get_width() // 2, self.title_y),
                  bold=True, anchor="midtop")
        size = self.row_size
        for i, button in enumerate(self.menu.buttons[:DONE]):
            button.draw_box(surface, t, m)
            rect = button.rect
            blit_text(surface, ctx.text, f"{ROWS[i]}:", size, pal.text, (rect.left + m.px(24), rect.centery),
                      bold=True, anchor="midleft")
            lower, raise_ = self.arrows[i]
            for arrow, glyph in ((lower, "◀"), (raise_, "▶")):
                blit_text(surface, ctx.text, glyph, size, pal.accent, arrow.center, bold=True, anchor="center")
            value = shown(FIELDS[i], getattr(ctx.settings, FIELDS[i]))
            blit_text(surface, ctx.text, value, size, pal.text, self.slots[i].center, bold=True, anchor="center")
        self.menu.buttons[DONE].draw(surface, t, ctx.text, m, self.label_size)
        small = self.small_size
        line_h = ctx.text.line_height(small)
        limit = max(1, (self.help_rect.height - len(self.foot_lines) * line_h) // line_h)
        lines = []
        for note in self._notes(self.menu.focus):
            lines.extend(ctx.text.wrap(note, small, self.help_rect.width))
        blit_lines(surface, ctx.text, lines[:limit], small, pal.text, self.help_rect, valign="top")
        blit_lines(surface, ctx.text, self.foot_lines, small, pal.muted, self.help_rect, valign="bottom")
