"""A night's fields: checks that name the field and range, sleep figures across midnight."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legease_tui.core.clock import FakeClock
from legease_tui.core.durations import minutes_text
from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry, parse_entry
from legease_tui.core.log.diary.fields import SPECS, Activity
from legease_tui.core.log.diary.figures import sleep_figures
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.storage.store import Store


def problems_of(raw: dict[str, object]) -> dict[str, str]:
    with pytest.raises(EntryInvalid) as caught:
        parse_entry(raw)
    return {problem.field: problem.message for problem in caught.value.problems}


def test_only_the_date_is_required() -> None:
    assert parse_entry({"night": "2026-11-24"}) == NightEntry(date(2026, 11, 24))
    assert "night" in problems_of({"tension": "3"})


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("tension", "11", "from 0 to 10"),
        ("tension", "-1", "from 0 to 10"),
        ("tension", "six", "from 0 to 10"),
        ("worst_cramp", 12, "from 0 to 10"),
        ("quality", "0", "from 1 to 5"),
        ("water", "31", "from 0 to 30"),
        ("restless", "maybe", "yes or no"),
        ("into_bed", "24:00", "HH:MM"),
        ("activity", "running", "sitting, normal, exercise"),
        ("night", "2026-02-30", "YYYY-MM-DD"),
        ("tags", "heat; massage", "letters, digits"),
        ("note", "x" * 2001, "at most 2000 characters"),
    ],
)
def test_a_bad_value_names_the_field_and_the_allowed_range(
    field: str, value: object, allowed: str
) -> None:
    found = problems_of({"night": "2026-11-24", field: value})
    assert set(found) == {field}
    assert allowed in found[field]


def test_every_bad_field_is_reported_at_once() -> None:
    found = problems_of({"night": "2026-11-24", "tension": "12", "quality": "9"})
    assert set(found) == {"tension", "quality"}


def test_text_and_json_values_give_the_same_night() -> None:
    text = parse_entry(
        {"night": "2026-11-24", "tension": "6", "restless": "yes", "tags": "Heat, massage ,heat"}
    )
    native = parse_entry(
        {"night": "2026-11-24", "tension": 6, "restless": True, "tags": ["heat", "massage"]}
    )
    assert text == native
    assert text.tags == ("heat", "massage")


def test_sleep_figures_across_midnight() -> None:
    entry = parse_entry(
        {
            "night": "2026-11-24",
            "into_bed": "23:40",
            "lights_out": "23:50",
            "minutes_to_sleep": "20",
            "minutes_awake": "30",
            "final_wake": "06:50",
            "out_of_bed": "07:10",
        }
    )
    figures = sleep_figures(entry)
    assert figures.minutes_in_bed == 7 * 60 + 30
    assert figures.minutes_asleep == 7 * 60 - 20 - 30
    assert figures.efficiency == round(100 * 370 / 450, 1)
    assert minutes_text(figures.minutes_asleep) == "6 h 10 min"


def test_sleep_figures_missing_times_stay_unknown() -> None:
    figures = NightEntry(date(2026, 11, 24), into_bed=time(23, 0)).sleep
    assert (figures.minutes_in_bed, figures.minutes_asleep, figures.efficiency) == (
        None,
        None,
        None,
    )


def test_times_out_of_order_are_refused_naming_the_later_field() -> None:
    found = problems_of(
        {"night": "2026-11-24", "into_bed": "23:40", "lights_out": "23:30", "final_wake": "07:00"}
    )
    assert "final_wake" in found or "lights_out" in found
    found = problems_of(
        {"night": "2026-11-24", "lights_out": "23:00", "final_wake": "01:00", "out_of_bed": "00:30"}
    )
    assert "out_of_bed" in found and "after final wake time" in found["out_of_bed"]


def test_more_minutes_awake_than_the_night_is_refused() -> None:
    found = problems_of(
        {"night": "2026-11-24", "lights_out": "23:00", "final_wake": "01:00", "minutes_awake": 200}
    )
    assert "at most the 120 minutes" in found["minutes_awake"]


def test_worst_cramp_without_cramps_is_refused() -> None:
    assert "worst_cramp" in problems_of({"night": "2026-11-24", "cramps": 0, "worst_cramp": 5})


# --- property: any input is saved and read back equal, or refused with a message -------------

clock_text = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 25), st.integers(0, 61))
values = st.one_of(
    st.none(),
    st.integers(-5, 800),
    st.booleans(),
    st.text(max_size=12),
    clock_text,
    st.sampled_from([a.value for a in Activity] + ["yes", "no", "2026-11-24", "heat, massage"]),
    st.lists(st.text(max_size=8), max_size=3),
)
raw_nights = st.fixed_dictionaries(
    {"night": st.one_of(st.dates().map(date.isoformat), st.text(max_size=10))},
    optional={name: values for name in SPECS if name != "night"},
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=raw_nights)
def test_any_input_is_saved_and_read_back_or_refused_with_a_message(
    raw: dict[str, object], tmp_path: Path
) -> None:
    try:
        entry = parse_entry(raw)
    except EntryInvalid as error:
        assert error.problems
        for problem in error.problems:
            assert problem.field in SPECS and problem.message
        return
    repository = LogRepository(Store.open(tmp_path / "prop" / "legease.json"), FakeClock())
    repository.put(entry)
    assert repository.get(entry.night) == entry
    assert parse_entry(entry.as_text()) == entry
