"""A night's timeline: the routines done or stopped, the symptom checks and the other events,
in time order. Those tables are written by other parts; every record carries "night", a moment
and a one-line "summary"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tinydb import TinyDB

TIMELINE_TABLES = ("sessions", "checks", "events")
TIMESTAMP_KEYS = ("at", "taken_at", "started_at", "time", "timestamp")
"""Where a record keeps its moment (events: "at", checks: "taken_at", sessions: both)."""


@dataclass(frozen=True)
class TimelineItem:
    """One thing that happened in a night: a routine, a symptom check, an event."""

    at: datetime | None
    kind: str
    summary: str


def night_timeline(db: TinyDB, night: date) -> list[TimelineItem]:
    """Everything the timeline tables hold for `night`, in time order (no moment: last)."""
    wanted = night.isoformat()
    items: list[TimelineItem] = []
    for name in TIMELINE_TABLES:
        for record in db.table(name, cache_size=0).all():
            if record.get("night") != wanted:
                continue
            summary = record.get("summary")
            text = summary if isinstance(summary, str) else f"({name[:-1]} record)"
            items.append(TimelineItem(_timestamp(record), name, text))
    return sorted(items, key=lambda item: item.at.timestamp() if item.at else float("inf"))


def _timestamp(record: dict[str, Any]) -> datetime | None:
    for key in TIMESTAMP_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                continue
    return None
