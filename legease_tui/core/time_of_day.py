"""Days of the week and times of day as LegEase writes them: one definition for settings,
the reminder rules and the log.

Only ASCII digits count: Python's `int()` and `\\d` also take "５" or "٣", which a person did not
mean to type and which other programs reading config.toml would not understand.
"""

from __future__ import annotations

import re
from datetime import time

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Day keys in config.toml and on screen, Monday first (index = `date.weekday()`)."""

_TIME_OF_DAY = re.compile(r"\s*(\d{1,2}):(\d{2})\s*", re.ASCII)
_WHOLE_NUMBER = re.compile(r"\s*-?\d+\s*", re.ASCII)


def parse_time_of_day(text: str) -> time:
    """'21:30' (or ' 9:05 ') -> time; ValueError for anything else, including non-ASCII digits."""
    found = _TIME_OF_DAY.fullmatch(text)
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise ValueError(f"not a time of day (HH:MM): {text!r}")
    return time(int(found[1]), int(found[2]))


def is_whole_number(text: str) -> bool:
    """True for '12', ' -3 ': ASCII digits with an optional minus sign."""
    return _WHOLE_NUMBER.fullmatch(text) is not None
