"""How a message quotes a value a person gave: the one rule for every warning, toast and error.

Its own module, importing nothing, so the settings and the data file (read at start-up) can use
it without loading `text.py`'s patterns.
"""

from __future__ import annotations

QUOTED_LIMIT = 40
"""How many characters of a value a message quotes: enough to recognise it, one line long."""


def quoted(value: object, limit: int = QUOTED_LIMIT) -> str:
    """`value` as a message quotes it: `'21:3O'`, or its first `limit` characters, "…" and
    its length when longer (`'xxx…' (100,000 characters)`), so a huge value in a file is one
    short line in a warning or a toast. Written with `repr`, so a control character in it is
    shown as its escape."""
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    shown = repr(value)
    return shown if len(shown) <= limit else f"{shown[:limit]}… ({len(shown):,} characters)"
