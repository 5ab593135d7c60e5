"""When the morning check-in is offered: before noon, until a morning answer is given."""

from __future__ import annotations

from datetime import date, datetime, time

from legease_tui.core.log.entry import NightEntry
from legease_tui.core.log.morning import has_morning_answers, morning_check_due

NIGHT = date(2026, 11, 24)


def test_offered_before_noon_when_nothing_or_only_evening_fields_are_logged() -> None:
    morning = datetime(2026, 11, 25, 7, 30)
    assert morning_check_due(morning, None)
    assert morning_check_due(morning, NightEntry(NIGHT, tension=4, water=6))


def test_not_offered_from_noon() -> None:
    assert not morning_check_due(datetime(2026, 11, 25, 12, 0), None)
    assert morning_check_due(datetime(2026, 11, 25, 11, 59), None)


def test_not_offered_once_any_morning_field_is_answered() -> None:
    morning = datetime(2026, 11, 25, 7, 30)
    for entry in (NightEntry(NIGHT, cramps=0), NightEntry(NIGHT, final_wake=time(6, 40))):
        assert has_morning_answers(entry)
        assert not morning_check_due(morning, entry)
