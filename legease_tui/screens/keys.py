"""Keys several screens share, defined once (each screen lists them where its footer shows them,
so the footers keep their order)."""

from __future__ import annotations

from textual.binding import Binding

HELP_BINDING = Binding("question_mark", "app.help", "Help", key_display="?", id="help")
"""`?`: the keys of the screen underneath and the safety note (`App.action_help`)."""
