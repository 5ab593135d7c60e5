"""Keys several screens share, defined once (each screen lists them where its footer shows them,
so the footers keep their order), and the words that name a key: a text names a key by its
binding id (`{home.routine}`), filled in with the key in force, so a `[keys]` line changes the
footer, Help and every hint at once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType

from legease_tui.widgets.user_text import markup_escaped

HELP_BINDING = Binding("question_mark", "app.help", "Help", key_display="?", id="help")
"""`?`: the keys of the screen underneath and the safety note (`App.action_help`)."""

KEY_PLACE = re.compile(r"\{([a-z_]+(?:\.[a-z_0-9]+)?)\}")
"""`{home.routine}` in a text: the key of the binding with that id."""


def key_of(app: App[Any], binding: Binding) -> str:
    """The key that does `binding` now, as the footer names it: the person's `[keys]` choice
    (the first of several) or the binding's own first key; "ctrl+s" where the footer's
    narrow cells say "^s" (words in a sentence have the room)."""
    # Textual keeps the keymap `set_keymap` was given here; its own screens read it the same way.
    chosen = app._keymap.get(binding.id) if binding.id else None
    if chosen:
        shown = app.get_key_display(binding.with_key(chosen.split(",")[0].strip()))
    else:
        first = binding.key.split(",")[0].strip()
        shown = app.get_key_display(binding.with_key(first, binding.key_display))
    return f"ctrl+{shown[1:]}" if shown.startswith("^") and len(shown) > 1 else shown


def help_key(app: App[Any]) -> str:
    """The key in force that opens Help (where the problems found at start are listed)."""
    return key_of(app, HELP_BINDING)


def with_keys(
    app: App[Any], text: str, bindings: Iterable[BindingType], markup: bool = True
) -> str:
    """`text` with each `{binding id}` of `bindings` (and `{help}`) replaced by the key that
    does it now, escaped when `text` is markup (`[` is a key too); anything else in braces is
    left as it is."""
    by_id = {b.id: b for b in bindings if isinstance(b, Binding) and b.id}
    by_id.setdefault(str(HELP_BINDING.id), HELP_BINDING)

    def key(found: re.Match[str]) -> str:
        binding = by_id.get(found.group(1))
        if binding is None:
            return found.group(0)
        named = key_of(app, binding)
        return markup_escaped(named) if markup else named

    return KEY_PLACE.sub(key, text)


def binding_named(bindings: Iterable[BindingType], binding_id: str) -> Binding:
    """The binding with `binding_id` among `bindings` (a screen's own, by its id)."""
    return next(b for b in bindings if isinstance(b, Binding) and b.id == binding_id)


def with_key(app: App[Any], words: str, bindings: Iterable[BindingType], binding_id: str) -> str:
    """A button's label (markup) with its key in force: "Skip tonight (x)"."""
    return f"{words} ({markup_escaped(key_of(app, binding_named(bindings, binding_id)))})"
