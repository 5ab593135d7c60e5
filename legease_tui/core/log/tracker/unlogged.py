"""Nights only a sleep tracker saw, listed in the log's table among the diary's nights.

Such a night shows the tracker's figures and says whose they are: it is never made to look like
a night the person logged. A night the diary holds a record of (readable or not) is the diary's.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from legease_tui.core.log.tracker.nights import TrackerNight
from legease_tui.core.log.tracker.period import SleepPeriod


@dataclass(frozen=True)
class TrackedNight:
    """A night with a tracker's periods and no diary entry."""

    night: date
    trackers: tuple[TrackerNight, ...]
    """One per source, in source order (at least one)."""
    routine_done: bool

    @property
    def main(self) -> SleepPeriod:
        """The figures the table shows: the first source's main sleep, as the CSV export's
        `device_*` columns (every source is in the night's line below the table)."""
        return self.trackers[0].main

    @property
    def sources(self) -> str:
        """The trackers, by name ("Fitbit, Sleep as Android")."""
        return ", ".join(tracker.label for tracker in self.trackers)


def tracked_only(
    nights: Iterable[TrackerNight], logged: Collection[int], routine_nights: Collection[date]
) -> list[TrackedNight]:
    """The tracker's `nights` whose ordinal is not in `logged` (the diary's stored nights),
    newest first."""
    found: dict[date, list[TrackerNight]] = {}
    for night in nights:
        if night.night.toordinal() not in logged:
            found.setdefault(night.night, []).append(night)
    return [
        TrackedNight(night, tuple(found[night]), night in routine_nights)
        for night in sorted(found, reverse=True)
    ]


class _Dated(Protocol):
    @property
    def night(self) -> date: ...


Row = TypeVar("Row", bound=_Dated)


def newest_first(rows: Iterable[Row]) -> list[Row]:
    """The diary's nights and the tracker-only ones in one list, newest first."""
    return sorted(rows, key=lambda row: row.night, reverse=True)
