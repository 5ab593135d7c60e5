"""Sleep measured by a tracker (a phone app or a watch), kept apart from the person's own diary.

A tracker reader (adapters/trackers) yields `SleepPeriod`s: one stretch in bed as the device saw
it. Here they are checked, stored as plain values and gathered into nights (noon to noon, as
the diary's): per source, the main sleep period is the night's, the others are naps.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from legease_tui.core.night import night_of

SOURCES = {
    "sleep-as-android": "Sleep as Android",
    "fitbit": "Fitbit",
    "apple-health": "Apple Health",
}
"""Each tracker LegEase reads, by the name `import --from` takes, and how it is shown."""

LONGEST_PERIOD = timedelta(hours=24)


class PeriodInvalid(ValueError):
    """A tracker's record cannot be a sleep period; the message says which value and why."""


@dataclass(frozen=True)
class SleepPeriod:
    """One stretch in bed as a tracker recorded it. Times carry the offset the device used, so
    the night is found from the wall clock there and lengths are true across a clock change."""

    source: str
    record_id: str
    start: datetime
    end: datetime
    minutes_asleep: int | None = None
    minutes_awake: int | None = None
    minutes_to_sleep: int | None = None
    main: bool | None = None
    """The tracker's own mark of the main sleep (Fitbit's isMainSleep); None: it does not say."""
    tags: tuple[str, ...] = ()

    @property
    def minutes_in_bed(self) -> int:
        return round((self.end - self.start).total_seconds() / 60)

    @property
    def night(self) -> date:
        return night_of(self.start)

    @property
    def efficiency(self) -> float | None:
        """Percent of the time in bed spent asleep, as the diary's efficiency."""
        if self.minutes_asleep is None or self.minutes_in_bed == 0:
            return None
        return round(100 * self.minutes_asleep / self.minutes_in_bed, 1)

    def as_values(self) -> dict[str, Any]:
        """The stored and exported form (plain JSON values; unset ones left out)."""
        values: dict[str, Any] = {
            "source": self.source,
            "id": self.record_id,
            "start": self.start.isoformat(timespec="seconds"),
            "end": self.end.isoformat(timespec="seconds"),
            "asleep": self.minutes_asleep,
            "awake": self.minutes_awake,
            "to_sleep": self.minutes_to_sleep,
            "main": self.main,
            "tags": list(self.tags),
        }
        return {key: value for key, value in values.items() if value not in (None, [])}


def _minutes(value: Any, name: str, most: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise PeriodInvalid(f"{name} must be a number of minutes (got {value!r})")
    if not 0 <= value <= most:
        raise PeriodInvalid(f"{name} must be from 0 to {most} minutes (got {value:g})")
    return round(value)


def _fixed(moment: datetime) -> datetime:
    offset = moment.utcoffset()
    return moment if offset is None else moment.astimezone(timezone(offset))


def make_period(
    source: str,
    record_id: str,
    start: datetime,
    end: datetime,
    *,
    asleep: Any = None,
    awake: Any = None,
    to_sleep: Any = None,
    main: bool | None = None,
    tags: Iterable[str] = (),
) -> SleepPeriod:
    """A checked period; raises `PeriodInvalid` naming the value that cannot be right."""
    if source not in SOURCES:
        raise PeriodInvalid(f"unknown source {source!r}")
    if not record_id or len(record_id) > 200:
        raise PeriodInvalid("the record has no id")
    if (start.tzinfo is None) != (end.tzinfo is None):
        raise PeriodInvalid("start and end must both carry an offset, or neither")
    # Fixed offsets: Python subtracts two times of one ZoneInfo on the wall clock, which would
    # make a night when the clocks change an hour too long or short.
    start, end = _fixed(start), _fixed(end)
    if not start < end <= start + LONGEST_PERIOD:
        raise PeriodInvalid(f"it must end after it starts, within 24 h (from {start} to {end})")
    in_bed = round((end - start).total_seconds() / 60)
    period = SleepPeriod(
        source,
        record_id,
        start,
        end,
        _minutes(asleep, "asleep", in_bed),
        _minutes(awake, "awake", in_bed),
        _minutes(to_sleep, "to sleep", in_bed),
        main,
        tuple(dict.fromkeys(tags)),
    )
    return period


def period_from_values(values: Mapping[str, Any]) -> SleepPeriod:
    """A period from its stored or exported form; raises `PeriodInvalid`."""
    try:
        start = datetime.fromisoformat(str(values["start"]))
        end = datetime.fromisoformat(str(values["end"]))
    except KeyError as missing:
        raise PeriodInvalid(f"{missing.args[0]} is missing") from None
    except ValueError as error:
        raise PeriodInvalid(f"not a date and time ({error})") from None
    main = values.get("main")
    tags = values.get("tags", [])
    if main is not None and not isinstance(main, bool):
        raise PeriodInvalid(f"main must be true or false (got {main!r})")
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise PeriodInvalid("tags must be a list of text")
    return make_period(
        str(values.get("source")),
        str(values.get("id", "")),
        start,
        end,
        asleep=values.get("asleep"),
        awake=values.get("awake"),
        to_sleep=values.get("to_sleep"),
        main=main,
        tags=tags,
    )


@dataclass(frozen=True)
class DeviceNight:
    """One source's view of one night: its main sleep period and the naps beside it."""

    night: date
    source: str
    main: SleepPeriod
    naps: tuple[SleepPeriod, ...]

    @property
    def label(self) -> str:
        return SOURCES.get(self.source, self.source)

    @property
    def record_ids(self) -> tuple[str, ...]:
        return (self.main.record_id, *(nap.record_id for nap in self.naps))


def _main_first(periods: list[SleepPeriod]) -> list[SleepPeriod]:
    """The tracker's own main mark wins; otherwise the longest time in bed (then the earliest)."""
    return sorted(periods, key=lambda p: (p.main is not True, -p.minutes_in_bed, p.start))


def device_nights(periods: Iterable[SleepPeriod]) -> list[DeviceNight]:
    """Periods gathered into nights, one per night and source, oldest first."""
    grouped: dict[tuple[date, str], list[SleepPeriod]] = {}
    for period in periods:
        grouped.setdefault((period.night, period.source), []).append(period)
    nights = []
    for (night, source), found in sorted(grouped.items()):
        main, *naps = _main_first(found)
        nights.append(DeviceNight(night, source, main, tuple(sorted(naps, key=lambda p: p.start))))
    return nights
