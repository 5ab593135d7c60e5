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

# "21:30", "9:05", or the digits alone: "2130", "905" (hours, then two digits of minutes).
_TIME_OF_DAY = re.compile(r"\s*(\d{1,2}):?(\d{2})\s*", re.ASCII)
TIME_FORMS = "HH:MM, H:MM or HHMM"
"""The ways a time of day may be typed, in words (every form, config.toml and the CLI)."""
_WHOLE_NUMBER = re.compile(r"\s*-?\d+\s*", re.ASCII)


def parse_time_of_day(text: str) -> time:
    """'21:30', ' 9:05 ', '2130' or '905' -> time; ValueError for anything else, including
    non-ASCII digits. The one reader of a typed time: the log's forms, settings and the CLI."""
    found = _TIME_OF_DAY.fullmatch(text)
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise ValueError(f"not a time of day ({TIME_FORMS}): {text!r}")
    return time(int(found[1]), int(found[2]))


def is_whole_number(text: str) -> bool:
    """True for '12', ' -3 ': ASCII digits with an optional minus sign."""
    return _WHOLE_NUMBER.fullmatch(text) is not None
