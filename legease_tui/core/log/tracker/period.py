"""One period of sleep as a tracker (a phone app or a watch) recorded it, checked.

A tracker reader (adapters/trackers) yields `SleepPeriod`s: one stretch in bed as the tracker
saw it. Here each is checked and turned to and from plain values (stored and exported);
`nights.py` gathers them into nights.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from legease_tui.core.night import night_of
from legease_tui.core.text import TextRefused, check_text

SOURCES = {
    "sleep-as-android": "Sleep as Android",
    "fitbit": "Fitbit",
    "apple-health": "Apple Health",
}
"""Each tracker LegEase reads, by the name `import --from` takes, and how it is shown."""
WALL_CLOCK_SOURCES = {"fitbit"}
"""Trackers whose times carry no offset (the others' always do), so one night's periods can
always be compared."""

LONGEST_PERIOD = timedelta(hours=24)
YEARS = range(1970, 2200)
"""Years a tracker's record may fall in: wide enough for any real one, and far from the ends of
Python's dates (year 1 or 9999 would overflow the arithmetic on them)."""
LONGEST_ID = 200


class PeriodInvalid(ValueError):
    """A tracker's record cannot be a sleep period; the message says which value and why."""


@dataclass(frozen=True)
class SleepPeriod:
    """One stretch in bed as a tracker recorded it. Times carry the offset the tracker used, so
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
    in_bed: int | None = None
    """The tracker's own time in bed, kept only when it differs from end - start: times without
    an offset (Fitbit's) read on the wall clock, an hour off on a night the clocks change."""

    @property
    def minutes_in_bed(self) -> int:
        if self.in_bed is not None:
            return self.in_bed
        return _span_minutes(self.start, self.end)

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
            "in_bed": self.in_bed,
        }
        return {key: value for key, value in values.items() if value not in (None, [])}


def _span_minutes(start: datetime, end: datetime) -> int:
    return round((end - start).total_seconds() / 60)


def _shown(value: int | float) -> str:
    """A number as a message shows it: a huge integer by its length, not 401 digits."""
    if isinstance(value, int) and abs(value) >= 10**12:
        return f"a {len(str(abs(value)))}-digit number"
    return f"{value:g}"


def _minutes(value: Any, name: str, most: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PeriodInvalid(f"{name} must be a number of minutes (got {value!r})")
    if isinstance(value, float) and not math.isfinite(value):
        raise PeriodInvalid(f"{name} must be a number of minutes (got {value!r})")
    if not 0 <= value <= most:  # an int of any size compares; float() of one might overflow
        raise PeriodInvalid(f"{name} must be from 0 to {most} minutes (got {_shown(value)})")
    return round(value)


def check_year(moment: datetime, name: str) -> None:
    """Refuse a moment outside `YEARS` (raises PeriodInvalid naming it) before any arithmetic:
    one day past a time in year 9999, or UTC of a time in year 1, is out of Python's range."""
    if moment.year not in YEARS:
        raise PeriodInvalid(
            f"{name} is in year {moment.year}, not a date a tracker recorded "
            f"(years {YEARS.start} to {YEARS.stop - 1})"
        )


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
    in_bed: Any = None,
) -> SleepPeriod:
    """A checked period; raises `PeriodInvalid` naming the value that cannot be right. `in_bed`:
    the tracker's own minutes in bed, for times that carry no offset (then a clock change in
    the night makes end - start an hour off)."""
    if source not in SOURCES:
        raise PeriodInvalid(f"unknown source {source!r}")
    if not record_id:
        raise PeriodInvalid("the record has no id")
    if len(record_id) > LONGEST_ID:
        raise PeriodInvalid(f"its id is {len(record_id):,} characters long (at most {LONGEST_ID})")
    tags = tuple(dict.fromkeys(tags))
    try:  # shown on a terminal and in exports: never a control character
        check_text(record_id, "its id", one_line=True)
        for tag in tags:
            check_text(tag, "a tag", one_line=True)
    except TextRefused as error:
        raise PeriodInvalid(str(error)) from None
    wall_clock = source in WALL_CLOCK_SOURCES
    if (start.tzinfo is None, end.tzinfo is None) != (wall_clock, wall_clock):
        refused = "carry no offset" if wall_clock else "both carry an offset"
        raise PeriodInvalid(f"{SOURCES[source]}'s start and end must {refused}")
    check_year(start, "start")
    check_year(end, "end")
    # Fixed offsets: Python subtracts two times of one ZoneInfo on the wall clock, which would
    # make a night when the clocks change an hour too long or short.
    start, end = _fixed(start), _fixed(end)
    if not start < end <= start + LONGEST_PERIOD:
        raise PeriodInvalid(f"it must end after it starts, within 24 h (from {start} to {end})")
    on_clock = _span_minutes(start, end)
    own = _minutes(in_bed, "time in bed", LONGEST_PERIOD // timedelta(minutes=1))
    if own == 0:
        raise PeriodInvalid("time in bed must be more than 0 minutes")
    most = on_clock if own is None else own
    period = SleepPeriod(
        source,
        record_id,
        start,
        end,
        _minutes(asleep, "asleep", most),
        _minutes(awake, "awake", most),
        _minutes(to_sleep, "to sleep", most),
        main,
        tags,
        None if own == on_clock else own,
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
        in_bed=values.get("in_bed"),
    )
