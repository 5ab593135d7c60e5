"""How the `nights` table of the data file is read back into checked nights.

A night is stored under its date's ordinal as document id, so there is structurally one entry
per night. A record damaged by hand reads as None: it is skipped (and named by `unreadable.py`),
never fatal.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from tinydb import TinyDB

from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry, parse_entry
from legease_tui.core.log.diary.field_values import read_tags

NIGHTS = "nights"


def doc_id(night: date) -> int:
    """The document id a night is stored under."""
    return night.toordinal()


def stored_nights(document: Any) -> dict[str, Any]:
    """The raw `nights` table of the data file: {night ordinal as text: record}."""
    table = document.get(NIGHTS) if isinstance(document, dict) else None
    return table if isinstance(table, dict) else {}


def stored_tags(record: dict[str, Any]) -> tuple[str, ...]:
    """The tags of one stored night, checked, without reading the rest of it."""
    try:
        return read_tags(record.get("tags", []))
    except Exception:  # a hand-edited record: its tags are left out, as the night itself is
        return ()


def entry_of(found: Mapping[str, Any] | None) -> NightEntry | None:
    """The night a table lookup found, or None when there is none or it cannot be read."""
    return entry_from(dict(found)) if isinstance(found, Mapping) else None


def stored_entry(db: TinyDB, night: date) -> NightEntry | None:
    """The night stored for `night` (None when there is none or it cannot be read)."""
    return entry_of(db.table(NIGHTS, cache_size=0).get(doc_id=doc_id(night)))


def entry_from(record: dict[str, Any]) -> NightEntry | None:
    """A stored night, or None if the record was damaged by hand (it is skipped, not fatal)."""
    key = tuple(
        (name, tuple(value) if isinstance(value, list) else value) for name, value in record.items()
    )
    try:
        return _parse_stored(key)
    except TypeError:  # an unhashable value: only a hand-edited file has one
        return _parse_uncached(record)


@lru_cache(maxsize=50_000)
def _parse_stored(key: tuple[tuple[str, Any], ...]) -> NightEntry | None:
    """Stored records are read again on every screen; the same record always gives the same
    night, so the checked result is remembered (keyed by the record's whole content)."""
    return _parse_uncached({name: list(v) if isinstance(v, tuple) else v for name, v in key})


def _parse_uncached(record: dict[str, Any]) -> NightEntry | None:
    try:
        return parse_entry(record, stored=True)
    except EntryInvalid:
        return None
