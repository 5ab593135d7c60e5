"""A span of time in words, written one way everywhere: "8 h 15 min", "8 h", "45 min",
"5 min 41 s", "31 s".

Sleep figures (form, log, timeline, `log list`, the doctor's summary), the reminder's "in 2 h
10 min", a routine's length and the time a routine took (the summary screen and `--plain` alike)
all use it, so a person reads one style of duration in every place. A countdown is a clock
("4:05", `routine.model.format_clock`), not a duration.
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


def seconds_text(seconds: float) -> str:
    """ "45 s", "5 min 41 s", "13 min", "1 h 15 min" — a length a person reads at a glance
    (seconds only while they matter: under an hour)."""
    whole = round(seconds)
    if whole < 90:
        return f"{whole} s"
    if whole >= 3600:
        return minutes_text(round(whole / 60))
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
