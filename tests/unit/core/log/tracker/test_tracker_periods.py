"""Tracker periods: checked, gathered into nights (main sleep and naps), merged apart from the
diary, and imported again without change."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.log.tracker.period import (
    PeriodInvalid,
    SleepPeriod,
    make_period,
    period_from_values,
)
from legease_tui.services import Services

ZONE = timezone(timedelta(hours=1))


def _period(record_id: str, start: str, end: str, **extra: Any) -> SleepPeriod:
    return make_period(
        "fitbit",
        record_id,
        datetime.fromisoformat(start),  # Fitbit's times carry no offset
        datetime.fromisoformat(end),
        **extra,
    )


def _log(services: Services) -> LogRepository:
    assert services.log is not None
    return services.log


def test_a_period_after_midnight_belongs_to_the_evening_before() -> None:
    period = make_period(
        "fitbit", "1", datetime(2026, 3, 3, 1, 0), datetime(2026, 3, 3, 7, 0), asleep=300
    )
    assert period.night == date(2026, 3, 2)
    assert period.minutes_in_bed == 360
    assert period.efficiency == 83.3


@pytest.mark.parametrize(
    ("start", "end", "extra", "message"),
    [
        ("2026-03-02T23:00", "2026-03-02T22:00", {}, "end after it starts"),
        ("2026-03-02T23:00", "2026-03-04T23:00", {}, "within 24 h"),
        ("2026-03-02T23:00", "2026-03-03T07:00", {"asleep": 900}, "asleep must be from 0 to 480"),
        ("2026-03-02T23:00", "2026-03-03T07:00", {"awake": -3}, "awake must be from 0"),
        ("2026-03-02T23:00", "2026-03-03T07:00", {"asleep": "lots"}, "number of minutes"),
    ],
)
def test_a_period_that_cannot_be_is_refused_naming_the_value(
    start: str, end: str, extra: dict[str, Any], message: str
) -> None:
    with pytest.raises(PeriodInvalid, match=message):
        _period("9", start, end, **extra)


def test_a_period_reads_back_from_its_stored_values() -> None:
    period = _period("7", "2026-03-02T23:00", "2026-03-03T07:00", asleep=400, main=True)
    assert period_from_values(period.as_values()) == period


def test_the_main_sleep_is_the_nights_and_naps_are_listed(services: Services) -> None:
    nap = _period("nap", "2026-03-02T15:00", "2026-03-02T15:40", asleep=30)
    main = _period("main", "2026-03-02T23:00", "2026-03-03T07:00", asleep=420)
    late_nap = _period("late", "2026-03-03T10:00", "2026-03-03T11:00", asleep=50)
    _log(services).devices.merge([nap, main, late_nap])
    (night,) = _log(services).devices.night(date(2026, 3, 2))
    assert night.main == main
    assert night.naps == (nap, late_nap)
    assert night.record_ids == ("main", "nap", "late")


def test_the_trackers_own_main_mark_wins_over_length(services: Services) -> None:
    long_one = _period("a", "2026-03-02T13:00", "2026-03-02T22:00", main=False)
    marked = _period("b", "2026-03-02T23:00", "2026-03-03T03:00", main=True)
    _log(services).devices.merge([long_one, marked])
    (night,) = _log(services).devices.night(date(2026, 3, 2))
    assert night.main == marked


def test_merging_never_touches_the_diary_and_again_changes_nothing(services: Services) -> None:
    log = _log(services)
    diary = NightEntry(date(2026, 3, 2), tension=6, note="my own words")
    log.add(diary)
    periods = [_period("main", "2026-03-02T23:00", "2026-03-03T07:00", asleep=420)]
    first = log.devices.merge(periods)
    before = services.paths.database_file.read_bytes()
    again = log.devices.merge(periods)
    assert (first.added, first.unchanged) == (1, 0)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    assert services.paths.database_file.read_bytes() == before
    assert log.get(date(2026, 3, 2)) == diary


def test_a_new_reading_of_a_record_replaces_the_old_one(services: Services) -> None:
    log = _log(services)
    log.devices.merge([_period("main", "2026-03-02T23:00", "2026-03-03T07:00", asleep=400)])
    counts = log.devices.merge(
        [_period("main", "2026-03-02T23:00", "2026-03-03T07:00", asleep=410)]
    )
    (night,) = log.devices.night(date(2026, 3, 2))
    assert counts.updated == 1
    assert night.main.minutes_asleep == 410
    assert night.naps == ()


def test_a_period_with_sleep_is_the_nights_over_a_longer_one_without(services: Services) -> None:
    # What an older LegEase stored for an iPhone + Watch night: the phone's in-bed period
    # (asleep 0) and the Watch's, as rivals; the longer in-bed one was the night's.
    phone = _period("phone", "2026-03-02T22:30", "2026-03-03T06:45", asleep=0, awake=0)
    watch = _period("watch", "2026-03-02T22:50", "2026-03-03T06:35", asleep=450)
    _log(services).devices.merge([phone, watch])
    (night,) = _log(services).devices.night(date(2026, 3, 2))
    assert night.main == watch
    assert night.naps == ()  # it overlaps the main sleep: never a nap
    assert night.overlapping == (phone,)


def test_the_trackers_own_time_in_bed_is_kept_and_read_back() -> None:
    # Fitbit, spring forward: 23:00 to 07:00 on the wall clock, 420 minutes in bed.
    period = _period("s", "2026-03-28T23:00", "2026-03-29T07:00", asleep=380, in_bed=420)
    assert (period.minutes_in_bed, period.efficiency) == (420, 90.5)
    assert period.as_values()["in_bed"] == 420
    assert period_from_values(period.as_values()) == period
    same = _period("s", "2026-03-28T23:00", "2026-03-29T07:00", in_bed=480)
    assert "in_bed" not in same.as_values()  # kept only when the wall clock is wrong


@pytest.mark.parametrize(
    ("start", "end", "extra", "message"),
    [
        ("9999-12-31T23:00", "9999-12-31T23:30", {}, "start is in year 9999, not a date"),
        ("0001-01-01T00:00", "0001-01-01T01:00", {}, "start is in year 1, not a date"),
        ("2026-03-02T23:00", "2026-03-03T07:00", {"asleep": 10**400}, "a 401-digit number"),
        ("2026-03-02T23:00", "2026-03-03T07:00", {"in_bed": 0}, "time in bed must be more"),
        ("2026-03-02T23:00", "2026-03-03T07:00", {"tags": ["a\x1bb"]}, "U\\+001B"),
    ],
)
def test_dates_far_off_and_huge_numbers_are_refused_by_name(
    start: str, end: str, extra: dict[str, Any], message: str
) -> None:
    with pytest.raises(PeriodInvalid, match=message):
        _period("9", start, end, **extra)


def test_a_long_id_is_named_as_long_not_missing() -> None:
    with pytest.raises(PeriodInvalid, match="its id is 300 characters long"):
        _period("x" * 300, "2026-03-02T23:00", "2026-03-03T07:00")
