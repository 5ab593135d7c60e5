"""Reminder answers are stored in the events table and read back as the night's state."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from legease_tui.core.reminders.events import (
    ReminderLog,
    shown_event,
    skip_event,
    snooze_event,
    start_event,
)
from legease_tui.core.storage.store import Store

LONDON = ZoneInfo("Europe/London")
NIGHT = date(2026, 11, 24)


def moment(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 24, hour, minute, tzinfo=LONDON)


@pytest.fixture
def log(tmp_path: Path) -> ReminderLog:
    return ReminderLog(Store.open(tmp_path / "data.json"))


def test_a_fresh_night_has_no_answers(log: ReminderLog) -> None:
    state = log.night_state(NIGHT)
    assert state.snoozes == 0 and not state.answered and state.shown == frozenset()


def test_snoozes_count_and_keep_the_latest_moment(log: ReminderLog) -> None:
    log.record(shown_event(moment(21, 30), moment(21, 30), "calf-hamstring"))
    log.record(snooze_event(moment(21, 30), moment(21, 40), "calf-hamstring", 10))
    log.record(snooze_event(moment(21, 40), moment(21, 50), "calf-hamstring", 10))
    state = log.night_state(NIGHT)
    assert state.snoozes == 2
    assert state.snoozed_until == moment(21, 50)
    assert datetime(2026, 11, 24, 21, 30, tzinfo=UTC) in state.shown


def test_records_carry_night_timestamp_and_summary(log: ReminderLog) -> None:
    log.record(skip_event(moment(23, 5), "too tired", "calf-hamstring"))
    [row] = log.events_of(NIGHT)
    assert row["night"] == "2026-11-24"
    assert row["kind"] == "skip" and row["reason"] == "too tired"
    assert row["summary"] == "Routine skipped tonight — too tired"
    assert datetime.fromisoformat(row["at"]) == moment(23, 5)
    assert log.night_state(NIGHT).skipped


def test_an_after_midnight_answer_belongs_to_the_evening_before(log: ReminderLog) -> None:
    log.record(start_event(datetime(2026, 11, 25, 0, 20, tzinfo=LONDON), "calf", "Calf"))
    assert log.night_state(NIGHT).started
    assert not log.night_state(date(2026, 11, 25)).started


def test_a_completed_session_counts_as_done(log: ReminderLog) -> None:
    with log.store.transaction() as db:
        db.table("sessions").insert({"night": "2026-11-24", "completed": True, "summary": "x"})
        db.table("sessions").insert({"night": "2026-11-23", "completed": False, "summary": "y"})
    assert log.night_state(NIGHT).routine_done
    assert not log.routine_done(date(2026, 11, 23))


def test_unknown_skip_reason_is_refused_and_nothing_written(log: ReminderLog) -> None:
    with pytest.raises(ValueError, match="too tired"):
        log.record(skip_event(moment(22, 0), "bored", "calf-hamstring"))
    assert log.events_of(NIGHT) == []
