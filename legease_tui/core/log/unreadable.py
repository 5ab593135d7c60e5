"""Stored nights that cannot be shown as they are (a field edited by hand out of range, say).

They are never hidden: the log and `legease log list` name them, and the JSON export keeps each
record as stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from legease_tui.core.log.diary.entry import EntryInvalid, parse_entry
from legease_tui.core.log.query import NightQuery
from legease_tui.core.log.stored import entry_from


@dataclass(frozen=True)
class UnreadableNight:
    """A stored night that cannot be shown as it is, with what is wrong with it."""

    label: str
    """The night's date as stored (or the record's id when even that is unreadable)."""
    problem: str
    record: dict[str, Any]

    @property
    def night(self) -> date | None:
        try:
            return date.fromisoformat(self.label)
        except ValueError:
            return None


def unreadable_nights(nights: dict[str, Any], query: NightQuery) -> list[UnreadableNight]:
    """The records of the `nights` table that do not read as a night, each named with its
    problem, oldest first: those whose date `query` covers (or is itself unreadable)."""
    found = []
    for key, record in nights.items():
        if not isinstance(record, dict) or entry_from(record) is not None:
            continue
        try:
            parse_entry(record, stored=True)
            problem = "cannot be read"
        except EntryInvalid as error:
            problem = str(error)
        stored_label = record.get("night")
        label = stored_label if isinstance(stored_label, str) else f"id {key}"
        night = UnreadableNight(label, problem, record)
        if night.night is None or query.covers(night.night):
            found.append(night)
    return sorted(found, key=lambda night: night.label)


def unreadable_notice(nights: list[UnreadableNight]) -> str | None:
    """One line naming every night that could not be shown, or None when there is none."""
    if not nights:
        return None
    named = "; ".join(f"{night.label} ({night.problem})" for night in nights[:5])
    more = f"; and {len(nights) - 5} more" if len(nights) > 5 else ""
    count = f"{len(nights)} stored night{'s' if len(nights) != 1 else ''}"
    return (
        f"{count} could not be read and {'are' if len(nights) != 1 else 'is'} not shown: "
        f"{named}{more}. Nothing was deleted: `legease export --format json` keeps "
        "them as stored, and `legease log add --date DATE --update ...` can mend a field."
    )
