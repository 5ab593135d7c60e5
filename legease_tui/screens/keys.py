"""Keys several screens share, defined once (each screen lists them where its footer shows them,
so the footers keep their order)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.screen import Screen

HELP_BINDING = Binding("question_mark", "app.help", "Help", key_display="?", id="help")
"""`?`: the keys of the screen underneath and the safety note (`App.action_help`)."""


def key_in_force(screen: Screen[Any], binding_id: str, usual: str) -> str:
    """The key that does `binding_id` on `screen` now (a `[keys]` line may have changed it),
    as the footer shows it; `usual` before the screen is mounted."""
    if not screen.is_mounted:
        return usual
    for active in screen.active_bindings.values():
        if active.binding.id == binding_id:
            return screen.app.get_key_display(active.binding)
    return usual
