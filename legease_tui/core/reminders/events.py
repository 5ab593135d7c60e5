"""The reminder's answers, kept in the `events` table: shown, snoozed, skipped (and why), started.

Each record carries `night`, `at` (ISO) and a one-line `summary`, so the log's night timeline can
show it without knowing reminders. `night_state` reads them back (plus whether a routine was
already completed that night, from `sessions`) for the rules in `schedule.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from tinydb import TinyDB

from legease_tui.core.night import night_of
from legease_tui.core.reminders.schedule import NightState
from legease_tui.core.storage.store import Store, StoreError

EVENTS = "events"
SESSIONS = "sessions"
SHOWN, SNOOZE, SKIP, START = "reminder_shown", "snooze", "skip", "reminder_start"
KINDS = (SHOWN, SNOOZE, SKIP, START)
SKIP_REASONS = ("too tired", "already did it", "not at home", "in pain", "other")


@dataclass(frozen=True)
class ReminderEvent:
    """One answer to (or showing of) the evening reminder, with its timeline line."""

    kind: str
    at: datetime
    routine: str
    summary: str
    reason: str | None = None
    due_at: datetime | None = None
    """The reminder moment this is about (shown), or the new moment (snooze)."""

    def to_record(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "night": night_of(self.at).isoformat(),
            "kind": self.kind,
            "reason": self.reason,
            "routine": self.routine,
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "summary": self.summary,
        }


def shown_event(at: datetime, due_at: datetime, routine: str) -> ReminderEvent:
    return ReminderEvent(
        SHOWN, at, routine, f"Evening reminder shown (due {due_at:%H:%M})", due_at=due_at
    )


def snooze_event(at: datetime, until: datetime, routine: str, minutes: int) -> ReminderEvent:
    summary = f"Reminder snoozed {minutes} min, until {until:%H:%M}"
    return ReminderEvent(SNOOZE, at, routine, summary, due_at=until)


def skip_event(at: datetime, reason: str, routine: str) -> ReminderEvent:
    return ReminderEvent(SKIP, at, routine, f"Routine skipped tonight — {reason}", reason=reason)


def start_event(at: datetime, routine: str, routine_name: str) -> ReminderEvent:
    return ReminderEvent(START, at, routine, f"Started {routine_name} from the reminder")


class ReminderLog:
    """Records reminder events and reads a night's state back, all through `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, event: ReminderEvent) -> None:
        """Append one event (a locked, atomic write)."""
        if event.kind not in KINDS:
            raise ValueError(f"unknown reminder event kind {event.kind!r} (known: {KINDS})")
        if event.kind == SKIP and event.reason not in SKIP_REASONS:
            raise ValueError(f"skip reason must be one of {', '.join(SKIP_REASONS)}")
        with self.store.transaction() as db:
            db.table(EVENTS, cache_size=0).insert(event.to_record())

    def events_of(self, night: date) -> list[dict[str, Any]]:
        """Tonight's reminder records, oldest first."""
        with self.store.read() as db:
            return _events_in(db, night)

    def routine_done(self, night: date) -> bool:
        """Whether a routine was completed on `night` (sessions are written when one ends)."""
        with self.store.read() as db:
            return _done_in(db, night)

    def night_state(self, night: date, unsaved: list[dict[str, Any]] | None = None) -> NightState:
        """What the rules need to know about `night` (one read of the file), plus `unsaved`
        records that could not be written."""
        with self.store.read() as db:
            rows, done = _events_in(db, night), _done_in(db, night)
        return state_from_records(rows + (unsaved or []), done)


def stored_night_state(store: Store | None, night: date) -> NightState:
    """`night`'s answers from the data file, for the commands; a blank state when there is no
    file or it cannot be read (the reminder then errs on the side of coming)."""
    if store is None:
        return NightState()
    try:
        return ReminderLog(store).night_state(night)
    except StoreError:
        return NightState()


def _events_in(db: TinyDB, night: date) -> list[dict[str, Any]]:
    key = night.isoformat()
    rows = [
        dict(row)
        for row in db.table(EVENTS, cache_size=0).all()
        if row.get("night") == key and row.get("kind") in KINDS
    ]
    return sorted(rows, key=lambda row: str(row.get("at", "")))


def _done_in(db: TinyDB, night: date) -> bool:
    key = night.isoformat()
    sessions = db.table(SESSIONS, cache_size=0).all()
    return any(row.get("night") == key and row.get("completed") is True for row in sessions)


def state_from_records(rows: list[dict[str, Any]], routine_done: bool) -> NightState:
    """A night's state from its reminder records (oldest first)."""
    snoozes, snoozed_until = 0, None
    skipped = started = False
    shown: set[datetime] = set()
    for row in rows:
        due = _moment(row.get("due_at"))
        kind = row.get("kind")
        if kind == SNOOZE:
            snoozes += 1
            snoozed_until = due
        elif kind == SKIP:
            skipped = True
        elif kind == START:
            started = True
        elif kind == SHOWN and due is not None:
            shown.add(due.astimezone(UTC))
    return NightState(
        snoozes=snoozes,
        snoozed_until=snoozed_until,
        skipped=skipped,
        started=started,
        routine_done=routine_done,
        shown=frozenset(shown),
    )


def _moment(value: Any) -> datetime | None:
    """An ISO timestamp from the file, or None if missing or unreadable (never a crash)."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
