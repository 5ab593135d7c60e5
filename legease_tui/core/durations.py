"""A span of minutes in words, written one way everywhere: "8 h 15 min", "8 h", "45 min".

Sleep figures (form, log, timeline, `log list`, the doctor's summary) and the reminder's "in 2 h
10 min" all use it, so a person reads one style of duration in every place.
"""

from __future__ import annotations

UNKNOWN = "–"


def minutes_text(minutes: int | None) -> str:
    """ "8 h 15 min", "8 h", "45 min", "0 min"; "–" when unknown."""
    if minutes is None:
        return UNKNOWN
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"
