"""A list to choose from whose footer says how: `↑↓` moves, `enter` takes the highlighted
choice (Textual's `OptionList` does both but names neither)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class ChoiceList(OptionList):
    """An `OptionList` that shows its keys; a subclass names what `enter` does."""

    BINDINGS = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", "Choose", key_display="↑↓"),
        Binding("enter", "select", "Select"),
    ]
