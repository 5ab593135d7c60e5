"""LogRepository: the one place that reads and writes the nightly log in the data file.

Nights live in the `nights` table with the night's date ordinal as document id, so there is
structurally one entry per night. Routine outcomes go to `sessions`; symptom checks (`checks`)
and other events (`events`) are written by other parts and only read here, for a night's
timeline. Every record carries "night", "at" (ISO timestamp) and a one-line "summary".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Document

from legease_tui.core.clock import Clock
from legease_tui.core.log.entry import EntryInvalid, NightEntry, parse_entry
from legease_tui.core.log.field_values import read_tags
from legease_tui.core.log.query import RANGES as RANGES
from legease_tui.core.log.query import NightQuery as NightQuery
from legease_tui.core.log.query import dates_query as dates_query
from legease_tui.core.log.query import range_query as range_query
from legease_tui.core.night import night_of
from legease_tui.core.storage.store import Store, StoreError

if TYPE_CHECKING:  # the routine engine is not needed to read or write the log
    from legease_tui.core.routine.outcome import SessionOutcome

TIMELINE_TABLES = ("sessions", "checks", "events")
TIMESTAMP_KEYS = ("at", "taken_at", "started_at", "time", "timestamp")
"""Where a record keeps its moment (events: "at", checks: "taken_at", sessions: both)."""


class NightExists(Exception):
    """A night is already logged for that date (the caller asks before replacing it)."""

    def __init__(self, night: date) -> None:
        super().__init__(f"a night is already logged for {night.isoformat()}")
        self.night = night


class NightChanged(Exception):
    """The stored night is not what the caller read before: another writer changed it. Nothing
    was written; `stored` is the night as it is now (None if it was deleted)."""

    def __init__(self, night: date, stored: NightEntry | None) -> None:
        super().__init__(f"the night of {night.isoformat()} was changed elsewhere")
        self.night = night
        self.stored = stored


class Change(StrEnum):
    """What saving a night did."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class LoggedNight:
    """A night as the log shows it: the entry plus what the sessions table says."""

    entry: NightEntry
    routine_done: bool

    @property
    def night(self) -> date:
        return self.entry.night


@dataclass(frozen=True)
class UnreadableNight:
    """A stored night that cannot be shown as it is (a field edited by hand out of range, say).
    It is never hidden: the log names it, and the JSON export keeps its record as stored."""

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


@dataclass(frozen=True)
class TimelineItem:
    """One thing that happened in a night: a routine, a symptom check, an event."""

    at: datetime | None
    kind: str
    summary: str


def tags_by_use(entries: Iterable[NightEntry]) -> list[str]:
    """The tags of `entries`, most used first (ties in alphabetical order)."""
    return _by_use(entry.tags for entry in entries)


def _by_use(tag_lists: Iterable[Iterable[str]]) -> list[str]:
    counts: dict[str, int] = {}
    for tags in tag_lists:
        for tag in tags:
            counts[tag] = counts.get(tag, 0) + 1
    return sorted(counts, key=lambda tag: (-counts[tag], tag))


def _stored_nights(document: Any) -> dict[str, Any]:
    """The raw `nights` table of the data file: {night ordinal as text: record}."""
    table = document.get("nights") if isinstance(document, dict) else None
    return table if isinstance(table, dict) else {}


def _stored_tags(document: dict[str, Any]) -> tuple[str, ...]:
    """The tags of one stored night, checked, without reading the rest of it."""
    try:
        return read_tags(document.get("tags", []))
    except Exception:  # a hand-edited record: its tags are left out, as the night itself is
        return ()


def _doc_id(night: date) -> int:
    return night.toordinal()


def _entry_from(document: dict[str, Any]) -> NightEntry | None:
    """A stored night, or None if the record was damaged by hand (it is skipped, not fatal)."""
    key = tuple(
        (name, tuple(value) if isinstance(value, list) else value)
        for name, value in document.items()
    )
    try:
        return _parse_stored(key)
    except TypeError:  # an unhashable value: only a hand-edited file has one
        return _parse_uncached(document)


@lru_cache(maxsize=50_000)
def _parse_stored(key: tuple[tuple[str, Any], ...]) -> NightEntry | None:
    """Stored records are read again on every screen; the same record always gives the same
    night, so the checked result is remembered (keyed by the record's whole content)."""
    return _parse_uncached({name: list(v) if isinstance(v, tuple) else v for name, v in key})


def _parse_uncached(document: dict[str, Any]) -> NightEntry | None:
    try:
        return parse_entry(document, stored=True)
    except EntryInvalid:
        return None


def _stored_entry(db: TinyDB, night: date) -> NightEntry | None:
    found = db.table("nights", cache_size=0).get(doc_id=_doc_id(night))
    return _entry_from(dict(found)) if isinstance(found, dict) else None


def session_summary(outcome: SessionOutcome) -> str:
    if outcome.completed:
        verb = "done"
    elif outcome.reached_end:
        verb = "skipped through"
    else:
        verb = "stopped"
    return f"{outcome.routine_name} {verb} ({outcome.steps_done} of {outcome.steps_total} steps)"


def _timestamp(record: dict[str, Any]) -> datetime | None:
    for key in TIMESTAMP_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                continue
    return None


class LogRepository:
    """Add, edit, delete and query nights; record routine sessions; read a night's timeline."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self._every_entry: tuple[object, list[NightEntry]] | None = None
        """Every night of the last document read in full (newest first), with that document:
        while the file is unchanged the store hands back the same document, and the log screen
        asks for every night on each open, filter and refresh."""

    def tonight(self) -> date:
        """The night a new entry is for by default (in the morning: the night just gone)."""
        return night_of(self.clock.now())

    # --- nights ------------------------------------------------------------------------------

    def _record(self, entry: NightEntry) -> Document:
        record = {
            **entry.as_values(),
            "at": self.clock.now().isoformat(timespec="seconds"),
            "summary": entry.summary(),
        }
        return Document(record, doc_id=_doc_id(entry.night))

    def get(self, night: date) -> NightEntry | None:
        with self.store.read() as db:
            return _stored_entry(db, night)

    def add(self, entry: NightEntry) -> None:
        """Save a new night; raises `NightExists` if that night is logged already."""
        with self.store.transaction() as db:
            table = db.table("nights", cache_size=0)
            if table.contains(doc_id=_doc_id(entry.night)):
                raise NightExists(entry.night)
            table.insert(self._record(entry))

    def put(
        self,
        entry: NightEntry,
        replaces: date | None = None,
        read_before: tuple[date, NightEntry | None] | None = None,
    ) -> Change:
        """Save `entry`, replacing the same night (and `replaces`, when the date was edited).
        With `read_before` (a night and what the caller read for it), raises `NightChanged`
        and writes nothing if that night is no longer stored as read: checked inside the
        write's own lock, so no other writer's change is overwritten unseen."""
        with self.store.transaction() as db:
            if read_before is not None:
                night, expected = read_before
                stored = _stored_entry(db, night)
                if stored != expected:
                    raise NightChanged(night, stored)
            return self._put(db, entry, replaces)

    def _put(self, db: TinyDB, entry: NightEntry, replaces: date | None = None) -> Change:
        table = db.table("nights", cache_size=0)
        if replaces is not None and replaces != entry.night:
            old_id = _doc_id(replaces)
            if table.contains(doc_id=old_id):
                table.remove(doc_ids=[old_id])
        found = table.get(doc_id=_doc_id(entry.night))
        old = _entry_from(dict(found)) if isinstance(found, dict) else None
        if old == entry:
            return Change.UNCHANGED
        if found is not None:
            # Replace the whole record: upsert would merge, keeping fields the edit cleared.
            table.remove(doc_ids=[_doc_id(entry.night)])
        table.insert(self._record(entry))
        return Change.ADDED if found is None else Change.UPDATED

    def update(self, night: date, changes: Mapping[str, object]) -> tuple[Change, NightEntry]:
        """Set `changes` on a night (creating it if needed), keeping its other fields. The read,
        the merge and the write are one locked transaction, so a writer in another process
        never loses a field to this one. Raises `EntryInvalid` if the merged night is not valid."""
        with self.store.transaction() as db:
            old = _stored_entry(db, night)
            base = old.as_values() if old else {}
            entry = parse_entry({**base, **changes, "night": night.isoformat()})
            return self._put(db, entry), entry

    def append_note(self, note: str, tags: Iterable[str] = ()) -> NightEntry:
        """Add `note` (a new line) and `tags` to tonight's night, creating it if needed; other
        fields stay as they are. Raises `EntryInvalid` if the note would pass its limit."""
        tonight = self.tonight()
        with self.store.transaction() as db:
            old = _stored_entry(db, tonight) or NightEntry(night=tonight)
            merged = {
                **old.as_values(),
                "note": f"{old.note}\n{note}" if old.note else note,
                "tags": [*old.tags, *tags],
            }
            entry = parse_entry(merged)
            self._put(db, entry)
        return entry

    def put_many(self, entries: Iterable[NightEntry]) -> dict[Change, int]:
        """Save many nights in one write (an import): all of them or, on an error, none. A
        night given twice counts once; the later one is kept.

        Each TinyDB remove or insert copies the whole table, so the nights are compared first
        and the table is then changed twice in all (one remove, one insert): `_put` per night
        made an import of n nights cost n whole-table copies, growing with n squared."""
        counts = dict.fromkeys(Change, 0)
        chosen = {_doc_id(entry.night): entry for entry in entries}
        with self.store.transaction() as db:
            table = db.table("nights", cache_size=0)
            replaced: list[int] = []
            records: list[Document] = []
            for doc_id, entry in chosen.items():
                found = table.get(doc_id=doc_id)
                if found is not None and _entry_from(dict(found)) == entry:
                    counts[Change.UNCHANGED] += 1
                    continue
                counts[Change.ADDED if found is None else Change.UPDATED] += 1
                if found is not None:
                    replaced.append(doc_id)
                records.append(self._record(entry))
            if replaced:
                table.remove(doc_ids=replaced)
            if records:
                table.insert_multiple(records)
        return counts

    def delete(self, night: date) -> bool:
        """Remove a night; False if it was not logged."""
        with self.store.transaction() as db:
            table = db.table("nights", cache_size=0)
            if not table.contains(doc_id=_doc_id(night)):
                return False
            table.remove(doc_ids=[_doc_id(night)])
            return True

    def entries(self, query: NightQuery | None = None) -> list[NightEntry]:
        """Nights matching `query`, newest first."""
        query = query or NightQuery()
        low = _doc_id(query.start) if query.start else 0
        high = _doc_id(query.end) if query.end else date.max.toordinal()
        with self.store.read() as db:
            document = db.storage.read()
            memo = self._every_entry
            if memo is not None and document is not None and memo[0] is document:
                return [entry for entry in memo[1] if query.matches(entry)]
        # Document ids are the nights' ordinals: the range is checked on the raw ids, before a
        # record is parsed or wrapped, so a week out of ten years costs a week.
        found = (
            _entry_from(record)
            for key, record in _stored_nights(document).items()
            if key.isdigit() and low <= int(key) <= high and isinstance(record, dict)
        )
        chosen = [entry for entry in found if entry is not None and query.matches(entry)]
        chosen.sort(key=lambda entry: entry.night, reverse=True)
        if query == NightQuery():
            self._every_entry = (document, chosen)
            return list(chosen)
        return chosen

    def unreadable(self, query: NightQuery | None = None) -> list[UnreadableNight]:
        """Stored nights `entries` cannot return (each named with its problem), oldest first;
        with `query`, those whose date falls in its range (or is itself unreadable)."""
        query = query or NightQuery()
        with self.store.read() as db:
            document = db.storage.read()
        found = []
        for key, record in _stored_nights(document).items():
            if not isinstance(record, dict) or _entry_from(record) is not None:
                continue
            try:
                parse_entry(record, stored=True)
                problem = "cannot be read"
            except EntryInvalid as error:
                problem = str(error)
            stored_label = record.get("night")
            label = stored_label if isinstance(stored_label, str) else f"id {key}"
            night = UnreadableNight(label, problem, record)
            when = night.night
            if when is None or (query.start or date.min) <= when <= (query.end or date.max):
                found.append(night)
        return sorted(found, key=lambda night: night.label)

    def nights(
        self, query: NightQuery | None = None, routine_nights: set[date] | None = None
    ) -> list[LoggedNight]:
        """Like `entries`, with whether a routine was done each night (`routine_nights` when
        the caller has read them already)."""
        done = self.routine_nights() if routine_nights is None else routine_nights
        return [LoggedNight(entry, entry.night in done) for entry in self.entries(query)]

    def tags(self) -> list[str]:
        """Every tag used so far, most used first. Reads only the tags of each stored night, so
        the log's tag filter does not cost a full read of ten years of nights."""
        with self.store.read() as db:
            document = db.storage.read()
            memo = self._every_entry
            if memo is not None and document is not None and memo[0] is document:
                return tags_by_use(memo[1])
        records = _stored_nights(document).values()
        return _by_use(_stored_tags(record) for record in records if isinstance(record, dict))

    # --- sessions and the night's timeline ---------------------------------------------------

    def record_session(self, outcome: SessionOutcome) -> dict[str, Any]:
        """Store a routine's outcome in `sessions`, under the night it belongs to."""
        record = {
            **outcome.as_record(),
            "night": night_of(outcome.started_at).isoformat(),
            "at": outcome.started_at.isoformat(timespec="seconds"),
            "summary": session_summary(outcome),
        }
        with self.store.transaction() as db:
            db.table("sessions", cache_size=0).insert(record)
        return record

    def routine_nights(self) -> set[date]:
        """Nights on which a routine was completed."""
        with self.store.read() as db:
            records = db.table("sessions", cache_size=0).all()
        nights: set[date] = set()
        for record in records:
            if record.get("completed") is True and isinstance(record.get("night"), str):
                try:
                    nights.add(date.fromisoformat(record["night"]))
                except ValueError:
                    continue
        return nights

    def timeline(self, night: date) -> list[TimelineItem]:
        """Routines done or stopped, symptom checks and events of one night, in time order."""
        wanted = night.isoformat()
        items: list[TimelineItem] = []
        with self.store.read() as db:
            for name in TIMELINE_TABLES:
                for record in db.table(name, cache_size=0).all():
                    if record.get("night") != wanted:
                        continue
                    summary = record.get("summary")
                    text = summary if isinstance(summary, str) else f"({name[:-1]} record)"
                    items.append(TimelineItem(_timestamp(record), name, text))
        return sorted(items, key=lambda item: item.at.timestamp() if item.at else float("inf"))


def open_repository(store: Store | None, clock: Clock) -> LogRepository:
    """The repository, or a clear error when the data file could not be opened."""
    if store is None:
        raise StoreError("The data file could not be opened, so the log is not available.")
    return LogRepository(store, clock)
