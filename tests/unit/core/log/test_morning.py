"""When the morning check-in is offered: before noon, until a morning answer is given."""

from __future__ import annotations

from datetime import date, datetime, time

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.morning import has_morning_answers, morning_check_due
from legease_tui.core.night import night_slept

NIGHT = date(2026, 11, 24)


def test_offered_before_noon_when_nothing_or_only_evening_fields_are_logged() -> None:
    morning = datetime(2026, 11, 25, 7, 30)
    assert morning_check_due(morning, None)
    assert morning_check_due(morning, NightEntry(NIGHT, tension=4, water=6))


def test_not_offered_on_a_log_never_used() -> None:
    assert not morning_check_due(datetime(2026, 11, 25, 7, 30), None, used=False)


def test_the_night_slept_is_yesterday_evening_morning_and_afternoon() -> None:
    for hour in (5, 8, 15, 21):
        assert night_slept(datetime(2026, 12, 7, hour, 0)) == date(2026, 12, 6)


def test_not_offered_from_noon() -> None:
    assert not morning_check_due(datetime(2026, 11, 25, 12, 0), None)
    assert morning_check_due(datetime(2026, 11, 25, 11, 59), None)


def test_not_offered_once_any_morning_field_is_answered() -> None:
    morning = datetime(2026, 11, 25, 7, 30)
    for entry in (NightEntry(NIGHT, cramps=0), NightEntry(NIGHT, final_wake=time(6, 40))):
        assert has_morning_answers(entry)
        assert not morning_check_due(morning, entry)


def test_where_how_long_and_whether_it_woke_you_are_fields_checked_like_the_rest() -> None:
    from legease_tui.core.log.diary.entry import EntryInvalid, parse_entry

    entry = parse_entry(
        {
            "night": "2026-11-24",
            "cramps": "1",
            "cramp_leg": "Left",
            "cramp_muscle": "calf",
            "worst_minutes": "3",
            "cramp_woke": "yes",
        }
    )
    assert (entry.cramp_leg, entry.cramp_muscle, entry.worst_minutes, entry.cramp_woke) == (
        "left",
        "calf",
        3,
        True,
    )
    assert has_morning_answers(NightEntry(NIGHT, cramp_muscle="foot"))
    try:
        parse_entry({"night": "2026-11-24", "cramp_leg": "middle", "worst_minutes": "500"})
    except EntryInvalid as error:
        found = {problem.field: problem.message for problem in error.problems}
        assert "one of left, right, both" in found["cramp_leg"]
        assert "0 to 120" in found["worst_minutes"]
    else:
        raise AssertionError("refused values were accepted")
    try:
        parse_entry({"night": "2026-11-24", "cramps": "0", "cramp_leg": "left"})
    except EntryInvalid as error:
        assert [problem.field for problem in error.problems] == ["cramp_leg"]
    else:
        raise AssertionError("a cramp's leg on a night without cramps was accepted")
