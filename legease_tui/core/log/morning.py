"""The morning check-in: cramps happen in the night, so the outcome is known in the morning.
Before noon, if the night just gone has no morning answers yet, Home offers a short form with
only these fields (the Consensus Sleep Diary asks within an hour of waking); the evening
fields stay in the evening form."""

from __future__ import annotations

from datetime import datetime

from legease_tui.core.log.diary.entry import NightEntry

MORNING_FIELDS = (
    "cramps",
    "worst_cramp",
    "cramp_leg",
    "cramp_muscle",
    "worst_minutes",
    "cramp_woke",
    "final_wake",
    "out_of_bed",
    "quality",
    "went_wrong",
)
"""What the check-in asks, in order (each one checked as everywhere else: `parse_entry`)."""
MORNING_ENDS_HOUR = 12
"""The check-in is offered until noon, when the night's day (noon to noon) ends."""


def has_morning_answers(entry: NightEntry | None) -> bool:
    """Whether any morning field of the night is filled in."""
    return entry is not None and any(getattr(entry, name) is not None for name in MORNING_FIELDS)


def morning_check_due(now: datetime, last_night: NightEntry | None, *, used: bool = True) -> bool:
    """Offer the check-in: before noon, and the night just gone has no morning answers. Not
    on a log never `used` (no night logged, no routine done): a new install has no night yet."""
    return used and now.hour < MORNING_ENDS_HOUR and not has_morning_answers(last_night)
