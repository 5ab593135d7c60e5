"""The message under a form field, re-checked as the field changes: the entry form's and the
morning check-in's. A mended slip loses its message at once; a new slip in a field that showed
one says what is wrong now. Saving still checks the whole night."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Static

from legease_tui.core.log.diary.entry import field_problem
from legease_tui.widgets.user_text import plain


def field_name(widget_id: str | None) -> str | None:
    """The log field an input is for ("input-final_wake" -> "final_wake"; other tags: "tags")."""
    if not widget_id or not widget_id.startswith("input-"):
        return None
    name = widget_id.removeprefix("input-")
    return "tags" if name == "other-tags" else name


def recheck_field(screen: Screen[Any], name: str, text: str) -> None:
    """Update `name`'s message, if one is shown, to what is wrong with `text` now (or none)."""
    box = screen.query_one(f"#error-{name}", Static)
    if not box.has_class("shown"):
        return
    problem = field_problem(name, text)
    box.update(plain(problem or ""))  # a message quotes what was typed
    box.set_class(problem is not None, "shown")
