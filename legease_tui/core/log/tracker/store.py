"""TrackerLog: the tracker's sleep periods in the data file, apart from the diary's nights.

The `device_nights` table holds one record a night (document id: the night's ordinal, as the
diary's `nights`), with every period a tracker recorded that night. The diary's own table is
never touched here, so an import can never overwrite what the person wrote. A stored period that
no longer reads as one (edited by hand, say) is treated as an unreadable diary night is: named
with its problem, exported as stored, and kept as it is by every later import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from legease_tui.core.log.tracker.nights import TrackerNight, tracker_nights
from legease_tui.core.log.tracker.period import PeriodInvalid, SleepPeriod, period_from_values
from legease_tui.core.storage.store import Store

TRACKER_TABLE = "device_nights"
"""The table's name in the data file, from before LegEase called them trackers: a file format,
so it stays."""


@dataclass(frozen=True)
class MergeCounts:
    """What an import did: nights gaining periods (new or changed) and nights left as they were."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    periods: int = 0

    def summary(self) -> str:
        nights = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        return f"{self.periods} sleep period{'s' if self.periods != 1 else ''}; nights: {nights}"


def _key(period: SleepPeriod) -> tuple[str, str]:
    return period.source, period.record_id


@dataclass(frozen=True)
class UnreadablePeriod:
    """A stored tracker period that does not read as one, with what is wrong with it."""

    night: str
    """The stored night's date (or its record's id when even that is unreadable)."""
    problem: str
    stored: Any
    """The period exactly as stored (or the night's whole record when it holds no list)."""


def read_stored(
    record: dict[str, Any], key: str
) -> tuple[list[SleepPeriod], list[UnreadablePeriod]]:
    """The periods of the night stored under `key` (its ordinal), and those that do not read."""
    stored_night = record.get("night")
    label = stored_night if isinstance(stored_night, str) else f"id {key}"
    items = record.get("periods")
    if not isinstance(items, list):
        return [], [UnreadablePeriod(label, "its periods are not a list", record)]
    found: list[SleepPeriod] = []
    unreadable: list[UnreadablePeriod] = []
    for item in items:
        try:
            if not isinstance(item, dict):
                raise PeriodInvalid("not a record with fields")
            period = period_from_values(item)
        except (ValueError, TypeError, OverflowError) as error:  # PeriodInvalid, or a hand edit
            unreadable.append(UnreadablePeriod(label, str(error), item))
            continue
        if str(period.night.toordinal()) != key:
            problem = f"its start belongs to the night of {period.night}, not {label}"
            unreadable.append(UnreadablePeriod(label, problem, item))
        else:
            found.append(period)
    return found, unreadable


def _record(night: date, periods: Iterable[SleepPeriod], kept: list[Any]) -> dict[str, Any]:
    ordered = sorted(periods, key=lambda p: (p.source, p.start.isoformat(), p.record_id))
    return {"night": night.isoformat(), "periods": [p.as_values() for p in ordered] + kept}


def unreadable_periods_notice(unreadable: list[UnreadablePeriod]) -> str | None:
    """One line naming every stored tracker period that could not be read, or None."""
    if not unreadable:
        return None
    named = "; ".join(f"{item.night} ({item.problem})" for item in unreadable[:5])
    more = f"; and {len(unreadable) - 5} more" if len(unreadable) > 5 else ""
    one = len(unreadable) == 1
    count = f"{len(unreadable)} stored sleep tracker period{'' if one else 's'}"
    return (
        f"{count} could not be read and {'is' if one else 'are'} not counted: {named}{more}. "
        "Nothing was deleted: `legease export --format json` keeps "
        f"{'it' if one else 'them'} as stored, and importing a tracker's file again leaves "
        f"{'it' if one else 'them'} as {'it is' if one else 'they are'}."
    )


class TrackerLog:
    """Merge a tracker's periods into nights (one transaction) and read them back."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def merge(self, periods: Iterable[SleepPeriod]) -> MergeCounts:
        """`merge_into` in a transaction of its own."""
        with self.store.transaction() as db:
            return self.merge_into(db, periods)

    def merge_into(self, db: TinyDB, periods: Iterable[SleepPeriod]) -> MergeCounts:
        """Add `periods` to their nights, all in one write. A period already stored (same
        source and record id) is replaced by the new reading, so importing the same file again
        changes nothing. Raises nothing of its own: the caller checked every record first."""
        by_night: dict[date, dict[tuple[str, str], SleepPeriod]] = {}
        count = 0
        for period in periods:
            by_night.setdefault(period.night, {})[_key(period)] = period
            count += 1
        added = updated = unchanged = 0
        table = db.table(TRACKER_TABLE, cache_size=0)
        replaced: list[int] = []
        records: list[Document] = []
        for night, new in sorted(by_night.items()):
            found = table.get(doc_id=night.toordinal())
            key = str(night.toordinal())
            before, unreadable = read_stored(found, key) if found is not None else ([], [])
            merged = {_key(period): period for period in before} | new
            record = _record(night, merged.values(), [item.stored for item in unreadable])
            if found is not None and dict(found) == record:
                unchanged += 1
                continue
            if found is None:
                added += 1
            else:
                updated += 1
                replaced.append(night.toordinal())
            records.append(Document(record, doc_id=night.toordinal()))
        # One remove and one insert: each copies the whole table (see put_many).
        if replaced:
            table.remove(doc_ids=replaced)
        if records:
            table.insert_multiple(records)
        return MergeCounts(added, updated, unchanged, count)

    def _stored(
        self, start: date | None, end: date | None
    ) -> tuple[list[SleepPeriod], list[UnreadablePeriod]]:
        low = start.toordinal() if start else 0
        high = end.toordinal() if end else date.max.toordinal()
        with self.store.read() as db:
            document = db.storage.read()
        table = document.get(TRACKER_TABLE) if isinstance(document, dict) else None
        found: list[SleepPeriod] = []
        unreadable: list[UnreadablePeriod] = []
        for key, record in (table if isinstance(table, dict) else {}).items():
            if key.isdigit() and low <= int(key) <= high and isinstance(record, dict):
                periods, others = read_stored(record, key)
                found += periods
                unreadable += others
        return found, unreadable

    def periods(self, start: date | None = None, end: date | None = None) -> list[SleepPeriod]:
        """Every stored period of the nights from `start` to `end` (both included)."""
        return self._stored(start, end)[0]

    def unreadable(
        self, start: date | None = None, end: date | None = None
    ) -> list[UnreadablePeriod]:
        """The stored periods of those nights that no longer read as periods, oldest first."""
        return sorted(self._stored(start, end)[1], key=lambda item: item.night)

    def nights(self, start: date | None = None, end: date | None = None) -> list[TrackerNight]:
        """The nights from `start` to `end`, one per night and source, oldest first."""
        return tracker_nights(self.periods(start, end))

    def night(self, night: date) -> list[TrackerNight]:
        """What each tracker recorded for `night` (empty: nothing)."""
        return self.nights(night, night)
