"""Which night a moment belongs to.

A night is named by the date of its evening: anything from noon until noon the next day belongs
to the same night, so a routine at 23:50 and a cramp at 03:10 are the same night.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

NIGHT_STARTS = time(12, 0)


def night_of(moment: datetime) -> date:
    """The night (its evening's date) that `moment` belongs to."""
    if moment.time() < NIGHT_STARTS:
        return moment.date() - timedelta(days=1)
    return moment.date()


def night_words(night: date, now: datetime) -> str:
    """A night named as a person says it at `now`: before noon the night just ended is "last
    night" and the coming one "this evening"; from noon on, the current night is "tonight".
    Any other night is its date ("Sat 5 Dec", with the year when it is not this year's)."""
    current = night_of(now)
    evening = now.time() < NIGHT_STARTS
    names = {
        current: "last night" if evening else "tonight",
        current - timedelta(days=1): "the night before last" if evening else "last night",
        current + timedelta(days=1): "this evening" if evening else "tomorrow night",
    }
    if evening:
        names[current + timedelta(days=2)] = "tomorrow night"
    return names.get(night) or night_date(night, now)


def night_date(night: date, now: datetime) -> str:
    """A night's date, short: "Sat 5 Dec", or "Sat 5 Dec 2025" in another year than `now`'s."""
    day = f"{night:%a} {night.day} {night:%b}"
    return day if night.year == now.year else f"{day} {night.year}"


def night_with_date(night: date, now: datetime) -> str:
    """A night's words with its date when they are relative: "last night (Sat 5 Dec)"."""
    words = night_words(night, now)
    date_words = night_date(night, now)
    return words if words == date_words else f"{words} ({date_words})"


def night_slept(now: datetime) -> date:
    """The night whose morning is today: what the morning check-in asks about. Before noon it
    is the current night; after noon it is still the night slept, not the evening to come."""
    return now.date() - timedelta(days=1)
