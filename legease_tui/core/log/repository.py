"""LogRepository: the one place that reads and writes the nightly log in the data file.

Nights live in the `nights` table, one record a night (see `stored.py`). Routine outcomes go to
`sessions` (`sessions.py`); symptom checks (`checks`) and other events (`events`) are written by
other parts and only read here, for a night's timeline (`timeline.py`). Every record carries
"night", "at" (ISO timestamp) and a one-line "summary".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Document

from legease_tui.core.clock import Clock
from legease_tui.core.log.diary.entry import NightEntry, parse_entry
from legease_tui.core.log.query import NightQuery, most_used, tags_by_use
from legease_tui.core.log.sessions import SESSIONS, completed_nights, session_record
from legease_tui.core.log.stored import (
    NIGHTS,
    doc_id,
    entry_from,
    entry_of,
    stored_entry,
    stored_nights,
    stored_tags,
)
from legease_tui.core.log.timeline import TimelineItem, night_timeline
from legease_tui.core.log.tracker.period import SleepPeriod
from legease_tui.core.log.tracker.store import TrackerLog
from legease_tui.core.log.tracker.unlogged import TrackedNight, tracked_only
from legease_tui.core.log.unreadable import UnreadableNight as UnreadableNight  # `log list`'s
from legease_tui.core.log.unreadable import unreadable_nights
from legease_tui.core.log.unreadable import unreadable_notice as unreadable_notice  # `log list`'s
from legease_tui.core.night import night_of
from legease_tui.core.storage.store import Store

if TYPE_CHECKING:  # the routine engine is not needed to read or write the log
    from legease_tui.core.routine.outcome import SessionOutcome


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


class LogRepository:
    """Add, edit, delete and query nights; record routine sessions; read a night's timeline."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.devices = TrackerLog(store)
        """What sleep trackers recorded, kept apart from the diary's nights."""
        self._every_entry: tuple[object, list[NightEntry]] | None = None
        """Every night of the last document read in full (newest first), with that document:
        while the file is unchanged the store hands back the same document, and the log screen
        asks for every night on each open, filter and refresh."""

    def current_night(self) -> date:
        """The night a new entry is for by default (in the morning: the night just gone)."""
        return night_of(self.clock.now())

    # --- nights ------------------------------------------------------------------------------

    def _record(self, entry: NightEntry) -> Document:
        record = {
            **entry.as_values(),
            "at": self.clock.now().isoformat(timespec="seconds"),
            "summary": entry.summary(),
        }
        return Document(record, doc_id=doc_id(entry.night))

    def _document(self) -> tuple[Any, list[NightEntry] | None]:
        """The data file's document, and every night in it when that is remembered already
        (the same document as the last full read)."""
        with self.store.read() as db:
            document = db.storage.read()
        memo = self._every_entry
        if memo is not None and document is not None and memo[0] is document:
            return document, memo[1]
        return document, None

    def get(self, night: date) -> NightEntry | None:
        with self.store.read() as db:
            return stored_entry(db, night)

    def add(self, entry: NightEntry) -> None:
        """Save a new night; raises `NightExists` if that night is logged already."""
        with self.store.transaction() as db:
            table = db.table(NIGHTS, cache_size=0)
            if table.contains(doc_id=doc_id(entry.night)):
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
                stored = stored_entry(db, night)
                if stored != expected:
                    raise NightChanged(night, stored)
            return self._put(db, entry, replaces)

    def _put(self, db: TinyDB, entry: NightEntry, replaces: date | None = None) -> Change:
        table = db.table(NIGHTS, cache_size=0)
        if replaces is not None and replaces != entry.night:
            old_id = doc_id(replaces)
            if table.contains(doc_id=old_id):
                table.remove(doc_ids=[old_id])
        found = table.get(doc_id=doc_id(entry.night))
        if entry_of(found) == entry:
            return Change.UNCHANGED
        if found is not None:
            # Replace the whole record: upsert would merge, keeping fields the edit cleared.
            table.remove(doc_ids=[doc_id(entry.night)])
        table.insert(self._record(entry))
        return Change.ADDED if found is None else Change.UPDATED

    def update(
        self, night: date, changes: Mapping[str, object], *, add_tags: Iterable[str] = ()
    ) -> tuple[Change, NightEntry]:
        """Set `changes` on a night (creating it if needed), keeping its other fields; `add_tags`
        go after its tags (a "tags" change replaces them). The read, the merge and the write are
        one locked transaction, so a writer in another process never loses a field to this one.
        Raises `EntryInvalid` if the merged night is not valid."""
        with self.store.transaction() as db:
            old = stored_entry(db, night)
            base = old.as_values() if old else {}
            merged = {**base, **changes, "night": night.isoformat()}
            added = list(add_tags)
            if added:
                kept = merged.get("tags") or []
                merged["tags"] = [*(kept.split(",") if isinstance(kept, str) else kept), *added]
            entry = parse_entry(merged)
            return self._put(db, entry), entry

    def append_note(self, note: str, tags: Iterable[str] = ()) -> NightEntry:
        """Add `note` (a new line) and `tags` to tonight's night, creating it if needed; other
        fields stay as they are. Raises `EntryInvalid` if the note would pass its limit."""
        tonight = self.current_night()
        with self.store.transaction() as db:
            old = stored_entry(db, tonight) or NightEntry(night=tonight)
            merged = {
                **old.as_values(),
                "note": f"{old.note}\n{note}" if old.note else note,
                "tags": [*old.tags, *tags],
            }
            entry = parse_entry(merged)
            self._put(db, entry)
        return entry

    def put_many(
        self, entries: Iterable[NightEntry], periods: Iterable[SleepPeriod] = ()
    ) -> dict[Change, int]:
        """Save many nights in one write (an import), with a tracker's `periods` beside them:
        all of them or, on an error, none. A night given twice counts once; the later one is
        kept.

        Each TinyDB remove or insert copies the whole table, so the nights are compared first
        and the table is then changed twice in all (one remove, one insert): `_put` per night
        made an import of n nights cost n whole-table copies, growing with n squared."""
        counts = dict.fromkeys(Change, 0)
        chosen = {doc_id(entry.night): entry for entry in entries}
        with self.store.transaction() as db:
            table = db.table(NIGHTS, cache_size=0)
            replaced: list[int] = []
            records: list[Document] = []
            for night_id, entry in chosen.items():
                found = table.get(doc_id=night_id)
                if found is not None and entry_of(found) == entry:
                    counts[Change.UNCHANGED] += 1
                    continue
                counts[Change.ADDED if found is None else Change.UPDATED] += 1
                if found is not None:
                    replaced.append(night_id)
                records.append(self._record(entry))
            if replaced:
                table.remove(doc_ids=replaced)
            if records:
                table.insert_multiple(records)
            self.devices.merge_into(db, periods)
        return counts

    def delete(self, night: date) -> bool:
        """Remove a night; False if it was not logged."""
        with self.store.transaction() as db:
            table = db.table(NIGHTS, cache_size=0)
            if not table.contains(doc_id=doc_id(night)):
                return False
            table.remove(doc_ids=[doc_id(night)])
            return True

    def entries(self, query: NightQuery | None = None) -> list[NightEntry]:
        """Nights matching `query`, newest first."""
        query = query or NightQuery()
        document, every = self._document()
        if every is not None:
            return [entry for entry in every if query.matches(entry)]
        # Document ids are the nights' ordinals: the range is checked on the raw ids, before a
        # record is parsed or wrapped, so a week out of ten years costs a week.
        low = doc_id(query.start) if query.start else 0
        high = doc_id(query.end) if query.end else date.max.toordinal()
        found = (
            entry_from(record)
            for key, record in stored_nights(document).items()
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
        document, _ = self._document()
        return unreadable_nights(stored_nights(document), query or NightQuery())

    def nights(
        self, query: NightQuery | None = None, routine_nights: set[date] | None = None
    ) -> list[LoggedNight]:
        """Like `entries`, with whether a routine was done each night (`routine_nights` when
        the caller has read them already)."""
        done = self.routine_nights() if routine_nights is None else routine_nights
        return [LoggedNight(entry, entry.night in done) for entry in self.entries(query)]

    def tracker_only(
        self, query: NightQuery | None = None, routine_nights: set[date] | None = None
    ) -> list[TrackedNight]:
        """Nights in `query`'s range that a sleep tracker saw and the diary holds no record of,
        newest first; none under a tag or cramps filter (such a night has neither)."""
        query = query or NightQuery()
        if query.tag or query.cramps_only:
            return []
        document, _ = self._document()
        logged = {int(key) for key in stored_nights(document) if key.isdigit()}
        done = self.routine_nights() if routine_nights is None else routine_nights
        return tracked_only(self.devices.nights(query.start, query.end), logged, done)

    def tags(self) -> list[str]:
        """Every tag used so far, most used first. Reads only the tags of each stored night, so
        the log's tag filter does not cost a full read of ten years of nights."""
        document, every = self._document()
        if every is not None:
            return tags_by_use(every)
        records = stored_nights(document).values()
        return most_used(stored_tags(record) for record in records if isinstance(record, dict))

    # --- sessions and the night's timeline ---------------------------------------------------

    def record_session(self, outcome: SessionOutcome) -> dict[str, Any]:
        """Store a routine's outcome in `sessions`, under the night it belongs to."""
        record = session_record(outcome)
        with self.store.transaction() as db:
            db.table(SESSIONS, cache_size=0).insert(record)
        return record

    def routine_nights(self) -> set[date]:
        """Nights on which a routine was completed."""
        with self.store.read() as db:
            return completed_nights(db.table(SESSIONS, cache_size=0).all())

    def timeline(self, night: date) -> list[TimelineItem]:
        """Routines done or stopped, symptom checks and events of one night, in time order."""
        with self.store.read() as db:
            return night_timeline(db, night)
