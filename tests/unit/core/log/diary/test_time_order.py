"""The sleep diary's times in order: the field named is the one that is wrong."""

from __future__ import annotations

from datetime import date, time

import pytest

from legease_tui.core.log.diary.entry import EntryInvalid, parse_entry, sleep_from_text
from legease_tui.core.log.diary.time_order import out_of_order

NIGHT = date(2026, 11, 24)


def fields_named(**times: str) -> dict[str, str]:
    """The fields `parse_entry` refuses for these diary times, with their messages."""
    with pytest.raises(EntryInvalid) as refused:
        parse_entry({"night": NIGHT.isoformat(), **times}, tonight=NIGHT)
    return {problem.field: problem.message for problem in refused.value.problems}


def test_lights_out_before_into_bed_names_lights_out_not_the_morning() -> None:
    named = fields_named(
        into_bed="23:30", lights_out="23:00", final_wake="07:00", out_of_bed="07:30"
    )
    assert list(named) == ["lights_out"]
    assert named["lights_out"].startswith("must come after into bed (23:30;")


def test_lights_out_alone_before_into_bed_is_refused() -> None:
    named = fields_named(into_bed="23:30", lights_out="23:00")
    assert list(named) == ["lights_out"]


def test_an_early_into_bed_typo_is_named_when_it_makes_the_shorter_night() -> None:
    # Lights out 18:00 after into bed 23:30 would be a night of 19 h 30; without it, 7 h 30.
    named = fields_named(into_bed="23:30", lights_out="18:00", final_wake="07:00")
    assert list(named) == ["lights_out"]


def test_a_night_across_midnight_in_order_is_accepted() -> None:
    entry = parse_entry(
        {"night": "2026-11-24", "into_bed": "23:30", "lights_out": "00:10", "out_of_bed": "07:30"},
        tonight=NIGHT,
    )
    assert entry.lights_out == time(0, 10)


def test_a_stored_night_is_held_to_the_order_alone() -> None:
    # Stored before the longest-night rule: 23:30 then 23:00 the next evening stays readable.
    entry = parse_entry(
        {"night": "2026-11-24", "into_bed": "23:30", "lights_out": "23:00"}, stored=True
    )
    assert entry.lights_out == time(23, 0)


def test_out_of_order_names_the_first_time_when_dropping_it_makes_the_shortest_night() -> None:
    times = [("into_bed", time(8, 0)), ("lights_out", time(23, 0)), ("final_wake", time(7, 0))]
    assert out_of_order(times) == [("into_bed", "before", "lights_out")]


def test_sleep_figures_come_from_the_sleep_fields_alone() -> None:
    raw = {"tension": "11", "into_bed": "23:00", "lights_out": "23:15", "final_wake": "07:00"}
    raw |= {"out_of_bed": "07:15", "minutes_to_sleep": "20"}
    figures = sleep_from_text(raw)
    assert figures is not None
    assert (figures.minutes_in_bed, figures.minutes_asleep) == (495, 445)
    assert sleep_from_text({**raw, "lights_out": "25:00"}) is None
