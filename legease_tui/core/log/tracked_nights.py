"""Nights only a sleep tracker saw, listed in the log's table among the diary's nights.

Such a night shows the tracker's figures and says whose they are: it is never made to look like
a night the person logged. A night the diary holds a record of (readable or not) is the diary's.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from legease_tui.core.log.device import DeviceNight, SleepPeriod


@dataclass(frozen=True)
class TrackedNight:
    """A night with a tracker's periods and no diary entry."""

    night: date
    devices: tuple[DeviceNight, ...]
    """One per source, in source order (at least one)."""
    routine_done: bool

    @property
    def main(self) -> SleepPeriod:
        """The figures the table shows: the first source's main sleep, as the CSV export's
        `device_*` columns (every source is in the night's line below the table)."""
        return self.devices[0].main

    @property
    def sources(self) -> str:
        """The trackers, by name ("Fitbit, Sleep as Android")."""
        return ", ".join(device.label for device in self.devices)


def tracked_only(
    devices: Iterable[DeviceNight], logged: Collection[int], routine_nights: Collection[date]
) -> list[TrackedNight]:
    """The nights of `devices` whose ordinal is not in `logged` (the diary's stored nights),
    newest first."""
    found: dict[date, list[DeviceNight]] = {}
    for device in devices:
        if device.night.toordinal() not in logged:
            found.setdefault(device.night, []).append(device)
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
