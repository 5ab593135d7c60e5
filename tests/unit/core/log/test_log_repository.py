"""LogRepository: one entry per night, edits, deletes, queries, sessions and the timeline."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry
from legease_tui.core.log.query import NightQuery, dates_query, range_query
from legease_tui.core.log.repository import Change, LogRepository, NightExists
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.services import Services

NIGHT = date(2026, 11, 24)


@pytest.fixture
def log(services: Services) -> LogRepository:
    assert services.log is not None
    return services.log


def outcome(started: datetime, completed: bool = True) -> SessionOutcome:
    return SessionOutcome("calf", "Calf & hamstring", started, 341.0, 341.0, 3, 3, completed)


def test_add_then_get_gives_the_same_night(log: LogRepository) -> None:
    entry = NightEntry(NIGHT, tension=6, cramps=1, tags=("heat",), note="woke at 3")
    log.add(entry)
    assert log.get(NIGHT) == entry
    assert log.get(NIGHT - timedelta(days=1)) is None


def test_a_second_add_for_the_same_night_is_refused(log: LogRepository) -> None:
    log.add(NightEntry(NIGHT, tension=6))
    with pytest.raises(NightExists, match="2026-11-24"):
        log.add(NightEntry(NIGHT, tension=2))
    assert log.get(NIGHT) == NightEntry(NIGHT, tension=6)


def test_put_reports_added_updated_unchanged_and_clears_removed_fields(
    log: LogRepository,
) -> None:
    assert log.put(NightEntry(NIGHT, tension=6, note="x")) is Change.ADDED
    assert log.put(NightEntry(NIGHT, tension=6, note="x")) is Change.UNCHANGED
    assert log.put(NightEntry(NIGHT, tension=3)) is Change.UPDATED
    assert log.get(NIGHT) == NightEntry(NIGHT, tension=3)


def test_moving_a_night_to_another_date_replaces_the_old_one(log: LogRepository) -> None:
    log.add(NightEntry(NIGHT, tension=6))
    log.put(NightEntry(NIGHT - timedelta(days=1), tension=6), replaces=NIGHT)
    assert [e.night for e in log.entries()] == [NIGHT - timedelta(days=1)]


def test_delete(log: LogRepository) -> None:
    log.add(NightEntry(NIGHT, tension=6))
    assert log.delete(NIGHT) is True
    assert log.delete(NIGHT) is False
    assert log.entries() == []


def test_query_by_range_tag_and_cramps_newest_first(log: LogRepository) -> None:
    for days, cramps, tags in [(0, 0, ("heat",)), (1, 2, ()), (2, 1, ("heat",)), (10, 3, ())]:
        log.add(NightEntry(NIGHT - timedelta(days=days), cramps=cramps, tags=tags))
    nights = [e.night.day for e in log.entries()]
    assert nights == [24, 23, 22, 14]
    assert [e.night.day for e in log.entries(NightQuery(tag="HEAT"))] == [24, 22]
    assert [e.night.day for e in log.entries(NightQuery(cramps_only=True))] == [23, 22, 14]
    week = range_query("7", NIGHT)
    assert [e.night.day for e in log.entries(week)] == [24, 23, 22]
    assert [e.night.day for e in log.entries(dates_query("2026-11-14", "2026-11-22"))] == [22, 14]
    assert log.tags() == ["heat"]


def test_every_night_read_once_still_sees_a_later_change(log: LogRepository) -> None:
    log.add(NightEntry(NIGHT, tension=6, tags=("heat",)))
    log.add(NightEntry(NIGHT - timedelta(days=3), cramps=2))
    assert [e.night for e in log.entries()] == [NIGHT, NIGHT - timedelta(days=3)]
    # Served from the nights already read: queries and a caller's changes do not leak.
    first = log.entries()
    first.clear()
    assert [e.night for e in log.entries(NightQuery(tag="heat"))] == [NIGHT]
    assert len(log.entries()) == 2
    # A change to the file (here or from another process) is read again.
    log.put(NightEntry(NIGHT, tension=1))
    log.delete(NIGHT - timedelta(days=3))
    assert log.entries() == [NightEntry(NIGHT, tension=1)]


def test_typed_dates_name_the_bad_one() -> None:
    with pytest.raises(ValueError, match="to: '24/11'"):
        dates_query("2026-11-01", "24/11")
    with pytest.raises(ValueError, match="comes before"):
        dates_query("2026-11-24", "2026-11-01")


def test_session_is_stored_under_its_night_with_a_summary(log: LogRepository) -> None:
    late = datetime(2026, 11, 25, 0, 20).astimezone()  # after midnight: still the 24th's night
    record = log.record_session(outcome(late))
    assert record["night"] == "2026-11-24"
    assert record["summary"] == "Calf & hamstring done (3 of 3 steps)"
    assert log.routine_nights() == {NIGHT}
    log.record_session(outcome(datetime(2026, 11, 25, 22, 0).astimezone(), completed=False))
    assert log.routine_nights() == {NIGHT}  # a stopped routine is not a routine done


def test_logged_nights_know_whether_the_routine_was_done(log: LogRepository) -> None:
    log.record_session(outcome(datetime(2026, 11, 24, 22, 0).astimezone()))
    log.add(NightEntry(NIGHT, tension=2))
    log.add(NightEntry(NIGHT - timedelta(days=1), tension=5))
    assert [(n.night.day, n.routine_done) for n in log.nights()] == [(24, True), (23, False)]


def test_timeline_reads_sessions_checks_and_events_in_time_order(
    log: LogRepository, services: Services
) -> None:
    log.record_session(outcome(datetime(2026, 11, 24, 22, 0).astimezone(), completed=False))
    assert services.store is not None
    with services.store.transaction() as db:
        db.table("checks", cache_size=0).insert(
            {
                "night": "2026-11-24",
                "taken_at": "2026-11-25T03:10:00+00:00",
                "summary": "cramp check",
            }
        )
        db.table("events", cache_size=0).insert(
            {"night": "2026-11-24", "at": "2026-11-24T21:30:00", "summary": "reminder shown"}
        )
        db.table("events", cache_size=0).insert({"night": "2026-11-23", "summary": "other"})
    items = log.timeline(NIGHT)
    assert [item.summary for item in items] == [
        "reminder shown",
        "Calf & hamstring stopped (3 of 3 steps)",
        "cramp check",
    ]
    assert [item.kind for item in items] == ["events", "sessions", "checks"]


def test_tonight_is_the_night_just_gone_in_the_morning(services: Services) -> None:
    clock = FakeClock(datetime(2026, 11, 25, 7, 30).astimezone())
    assert services.store is not None
    assert LogRepository(services.store, clock).current_night() == NIGHT


def test_a_hand_damaged_record_is_skipped_not_fatal(log: LogRepository, services: Services) -> None:
    log.add(NightEntry(NIGHT, tension=2))
    assert services.store is not None
    with services.store.transaction() as db:
        db.table("nights", cache_size=0).insert({"night": "2026-11-20", "tension": 99})
    assert [e.night for e in log.entries()] == [NIGHT]


def test_append_note_adds_a_line_and_tags_and_keeps_the_rest(log: LogRepository) -> None:
    tonight = log.current_night()
    log.add(NightEntry(night=tonight, tension=6, tags=("heat",), note="tight calves"))
    log.append_note("21:30 Symptom check: most likely water.", ["symptom-check", "heat"])
    entry = log.get(tonight)
    assert entry is not None and entry.tension == 6
    assert entry.note == "tight calves\n21:30 Symptom check: most likely water."
    assert entry.tags == ("heat", "symptom-check")


def test_append_note_creates_tonight_and_refuses_to_pass_the_note_limit(
    log: LogRepository,
) -> None:
    log.append_note("first")
    entry = log.get(log.current_night())
    assert entry is not None and entry.note == "first"
    with pytest.raises(EntryInvalid, match="note"):
        log.append_note("x" * 2000)
    after = log.get(log.current_night())
    assert after is not None and after.note == "first"  # nothing lost, nothing half-written


def test_tags_come_most_used_first_and_skip_a_broken_record(log: LogRepository) -> None:
    log.add(NightEntry(night=date(2026, 11, 20), tags=("heat", "massage")))
    log.add(NightEntry(night=date(2026, 11, 21), tags=("massage",)))
    with log.store.transaction() as db:
        db.table("nights", cache_size=0).insert({"night": "2026-11-22", "tags": 7})
    assert log.tags() == ["massage", "heat"]
    log.entries()  # with every night parsed once, the same answer comes from memory
    assert log.tags() == ["massage", "heat"]
