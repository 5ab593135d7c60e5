"""One reading of weekdays and HH:MM for settings, reminders and the form: ASCII digits only."""

from __future__ import annotations

from datetime import time

import pytest

from legease_tui.core.log.diary.entry import parse_entry
from legease_tui.core.time_of_day import WEEKDAYS, is_whole_number, parse_time_of_day
from legease_tui.settings.form import apply_form
from legease_tui.settings.settings import SettingError, Settings, parse_clock_time


def test_weekdays_run_monday_first_like_date_weekday() -> None:
    assert WEEKDAYS.index("mon") == 0 and WEEKDAYS.index("sun") == 6


@pytest.mark.parametrize("text, expected", [("21:30", time(21, 30)), (" 09:05 ", time(9, 5))])
def test_a_time_of_day_is_read(text: str, expected: time) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize("text", ["1５:30", "٢١:٣٠", "24:00", "21:60", "21.30", "", "21:3"])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time_of_day(text)


@pytest.mark.parametrize("text", ["1５:30", "2١:30", "21:3٠"])
def test_the_reminder_time_in_config_refuses_other_digits(text: str) -> None:
    with pytest.raises(SettingError):
        parse_clock_time(text)


def test_the_reminder_time_in_config_is_written_back_as_typed() -> None:
    assert parse_clock_time(" 21:30 ") == "21:30"


@pytest.mark.parametrize(
    "text, expected", [("12", True), (" -3 ", True), ("５", False), ("1.5", False)]
)
def test_whole_numbers_are_ascii(text: str, expected: bool) -> None:
    assert is_whole_number(text) is expected


@pytest.mark.parametrize("raw", ["５", "1٠"])
def test_the_settings_form_refuses_other_digits_in_numbers(raw: str) -> None:
    result = apply_form(Settings(), {"sound.volume": raw}, ("calf-hamstring",), ("legease",))
    assert result.settings is None and "sound.volume" in result.errors


TYPED = [
    ("2330", time(23, 30)),
    ("6:40", time(6, 40)),
    ("06:40", time(6, 40)),
    ("640", time(6, 40)),
]


@pytest.mark.parametrize(("text", "expected"), TYPED)
def test_a_time_typed_as_h_mm_or_hhmm_is_read_the_same_everywhere(
    text: str, expected: time
) -> None:
    """The log's fields, settings and `schedule --set` all read a time through one parser."""
    assert parse_time_of_day(text) == expected
    assert parse_entry({"night": "2026-11-24", "final_wake": text}).final_wake == expected
    assert parse_clock_time(text) == f"{expected:%H:%M}"


@pytest.mark.parametrize("text", ["2460", "2399", "12345", "21:", "9pm", "１２３０"])
def test_digits_that_are_not_a_time_are_still_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time_of_day(text)
    with pytest.raises(SettingError):
        parse_clock_time(text)
