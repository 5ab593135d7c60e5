"""Help: the keys of the screen underneath, and how to use the routine safely."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

SAFETY = "\n".join(
    [
        "[b]Stretch safely[/b]",
        "• Move slowly into each stretch and hold where you feel a gentle pull — never into pain.",
        "• Breathe normally while you hold; do not hold your breath.",
        "• In breathing exercises, if you feel light-headed, stop and breathe normally.",
        "",
        "[b]See a doctor[/b] if cramps last more than 10 minutes, come with numbness, weakness "
        "or swelling, started after a new medicine, follow heavy fluid loss, happen in "
        "pregnancy, or break your sleep so you are tired by day.",
        "",
        "[b $error]Get urgent advice the same day[/] if one leg is painful, swollen, warm, red "
        "or darkened — it may be a blood clot. With breathlessness or chest pain, call "
        "emergency services now.",
        "",
        "LegEase is a self-care companion; it does not replace a clinician.",
    ]
)


class HelpScreen(ModalScreen[None]):
    """Keys of `for_screen` plus the safety note."""

    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close")]

    def __init__(self, for_screen: Screen[object]) -> None:
        super().__init__()
        self.for_screen = for_screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static("[b]Keys[/b]", classes="help-title")
            yield Static(self._keys_text(), id="help-keys")
            about = getattr(self.for_screen, "HELP", "")
            if about:
                yield Static(str(about), classes="dim")
            yield Static(SAFETY, id="help-safety")
            yield Static("[dim]escape to close[/dim]")

    def _keys_text(self) -> str:
        rows = []
        seen: set[str] = set()
        for active in self.for_screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)  # one row per action, even when several keys map to it
            label = binding.key_display or self.app.get_key_display(binding)
            rows.append(f"  [b]{label:>9}[/b]  {binding.description}")
        rows.append(f"  [b]{'ctrl+p':>9}[/b]  Command palette (every action, choose a routine)")
        return "\n".join(rows)
