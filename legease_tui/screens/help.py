"""Help: every warning sign first, the keys of the screen underneath, and how to use the routine
safely."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from legease_tui.core import safety
from legease_tui.screens.keys import with_keys
from legease_tui.widgets.user_text import plain


def _listed(signs: safety.SignList) -> list[str]:
    """The heading in the error colour, then one sign a line."""
    return [f"[b $error]{signs.title}[/]{signs.lead}", *(f"• {s}" for s in signs.signs.values())]


def _run_on(signs: safety.SignList) -> str:
    """The heading in bold, then the signs in one sentence."""
    return f"[b]{signs.title}[/b]{signs.lead} " + "; ".join(signs.signs.values()) + "."


SAFETY = "\n".join([*_listed(safety.EMERGENCY_SIGNS), "", *_listed(safety.SAME_DAY_SIGNS)])
"""Every emergency and same-day warning sign, first in Help (Home's "press ? for warning
signs"); its words are in `core/safety.py`."""
SAFETY_MORE = "\n".join(
    [
        _run_on(safety.URGENT_APPOINTMENT_SIGNS),
        "",
        _run_on(safety.SEE_A_GP_SIGNS),
        "",
        f"[b]{safety.STRETCH_SAFELY_TITLE}[/b]",
        *(f"• {line}" for line in safety.STRETCH_SAFELY),
    ]
)
"""The other warning signs and how to stretch safely, after the keys."""


MORE_BELOW = "↓ more below: ↓ / PgDn to scroll · esc closes"
ALL_SHOWN = "esc closes"


class HelpScreen(ModalScreen[None]):
    """Keys of `for_screen` plus the safety note; it scrolls, and says so, when the terminal is
    too short for all of it. Its footer shows its own keys, not those of the screen under it."""

    BINDINGS = [
        Binding(
            "escape,question_mark,q", "app.pop_screen", "Close", key_display="esc", id="help.close"
        ),
    ]

    def __init__(self, for_screen: Screen[object], problems: list[str] | None = None) -> None:
        super().__init__()
        self.for_screen = for_screen
        self.problems = problems or []
        """Problems found since the start (files, keys, sound), in full: the notices that
        announced them were kept short."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            with VerticalScroll(id="help-body"):
                # The emergency and same-day signs first (Home's "press ? for warning signs"):
                # on a short terminal the rest, and the keys the footer also shows, wait below.
                yield Static(SAFETY, id="help-safety")
                if self.problems:  # after the urgent signs, before everything else
                    yield Static("[b]Problems found[/b]", classes="help-title")
                    listed = "\n".join(f"• {problem}" for problem in self.problems)
                    yield Static(plain(listed), id="help-problems")
                yield Static(SAFETY_MORE, id="help-safety-more")
                yield Static("[b]Keys[/b]", classes="help-title")
                yield Static(self._keys_text(), id="help-keys")
                about = str(getattr(self.for_screen, "HELP", ""))
                if about:
                    about = with_keys(self.app, about, self.for_screen.BINDINGS)
                    yield Static(about, classes="dim")
                yield Static(safety.NOT_A_CLINICIAN)
            yield Static(ALL_SHOWN, id="help-hint", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.app.clear_notifications()  # what they announced is here; nothing covers the dialog
        body = self.query_one("#help-body", VerticalScroll)
        self.watch(body, "scroll_y", self._show_hint, init=False)
        self.watch(body, "virtual_size", self._show_hint, init=False)
        self.call_after_refresh(self._show_hint)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_hint)

    def _show_hint(self) -> None:
        """'more below' while some of the help is under the dialog's edge."""
        body = self.query_one("#help-body", VerticalScroll)
        hidden = body.max_scroll_y > 0 and body.scroll_y < body.max_scroll_y
        self.query_one("#help-hint", Static).update(MORE_BELOW if hidden else ALL_SHOWN)

    def _keys_text(self) -> str:
        rows = []
        seen: set[str] = set()
        for active in self.for_screen.active_bindings.values():
            binding = active.binding
            # Every action of the screen, those its footer has no room for too (Home's `n`).
            shown = binding.show or binding.id
            if not shown or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)  # one row per action, even when several keys map to it
            label = binding.key_display or self.app.get_key_display(binding)
            rows.append((label, binding.description))  # the footer's name, and the palette's
        lines = two_columns(rows)
        lines.append(f"  [b]{'ctrl+p':>9}[/b]  Command palette (every action, choose a routine)")
        return "\n".join(lines)


KEY_COLUMN = 36
"""Cells for one key and its words; two side by side fit an 80-column dialog."""


def two_columns(rows: list[tuple[str, str]]) -> list[str]:
    """Keys in two columns, so the safety note under them starts higher on a short terminal;
    a key whose words are too long for a column gets a line of its own."""
    cells = [(f"  [b]{label:>9}[/b]  {words}", 13 + len(words)) for label, words in rows]
    lines: list[str] = []
    while cells:
        (left, width), cells = cells[0], cells[1:]
        if cells and width < KEY_COLUMN and cells[0][1] <= KEY_COLUMN:
            lines.append(left + " " * (KEY_COLUMN - width) + cells[0][0])
            cells = cells[1:]
        else:
            lines.append(left)
    return lines
