""" "Did you mean ...?" for a mistyped name: one rule for a `[keys]` id, a routine and a command."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(wanted: str, known: Iterable[str]) -> str:
    """ " Did you mean 'routine'?" when one of `known` is close to `wanted` (case ignored),
    else ""; to put after the sentence that says `wanted` is not known."""
    by_lower = {name.lower(): name for name in known}
    close = difflib.get_close_matches(wanted.strip().lower(), list(by_lower), n=1)
    return f" Did you mean '{by_lower[close[0]]}'?" if close else ""
