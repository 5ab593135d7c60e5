"""A tracker's periods read back from LegEase's own export: JSON's `device_nights` list and the
CSV's `device_periods` cells, each period checked and named by its place in the file."""

from __future__ import annotations

import json

from legease_tui.core.log.tracker.period import PeriodInvalid, SleepPeriod, period_from_values


def read_periods(items: object, where: str) -> list[SleepPeriod]:
    """Periods from their exported values; raises PeriodInvalid naming the item."""
    if not isinstance(items, list):
        raise PeriodInvalid(f"{where} must be a list of sleep periods")
    found = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise PeriodInvalid(f"{where} {number}: must be an object with fields")
        try:
            period = period_from_values(item)
        except PeriodInvalid as error:
            raise PeriodInvalid(f"{where} {number}: {error}") from None
        named = item.get("night")
        if named is not None and named != period.night.isoformat():
            raise PeriodInvalid(
                f"{where} {number}: night {named!r} is not the night its start belongs to "
                f"({period.night})"
            )
        found.append(period)
    return found


def csv_periods(cell: str, line: int) -> list[SleepPeriod]:
    """The periods in a CSV row's `device_periods` cell; raises PeriodInvalid naming the line."""
    try:
        items = json.loads(cell)
    except ValueError as error:
        raise PeriodInvalid(f"line {line}: device_periods: not valid JSON ({error})") from None
    return read_periods(items, f"line {line}: device_periods: sleep period")
