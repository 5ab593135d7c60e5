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
