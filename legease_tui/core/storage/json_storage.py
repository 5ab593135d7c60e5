"""The TinyDB storage behind `Store`: one read per transaction, atomic user-only writes.

Kept apart from `store.py` so that TinyDB is imported with the first read or write of the log,
not when the app opens the data file at start-up.

It keeps TinyDB's storage contract, which plain TinyDB over a cached document does not:
- a value JSON cannot hold (a set, NaN, an object) is refused before it reaches memory, so a
  failed write changes neither the file nor what later reads return;
- a returned document is a copy: changing it (or a list in it) never changes the next read;
- a change that fails part-way inside a transaction leaves memory as the file is, and the
  transaction writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.storages import Storage
from tinydb.table import Document, Table

from legease_tui.core.storage.atomic import USER_ONLY, write_atomic
from legease_tui.core.storage.document import StoreError, dump_document


def copy_json(value: Any) -> Any:
    """A deep copy of JSON-shaped data (much cheaper than `copy.deepcopy`)."""
    if isinstance(value, dict):
        return {key: copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_json(item) for item in value]
    return value


def check_storable(value: object) -> None:
    """Raise StoreError unless `value` is plain JSON (no NaN or infinity: other programs
    reading an export cannot hold them either)."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise StoreError(
            f"A value cannot be stored in the data file ({error}). Nothing was changed."
        ) from None


class CopiedDocument(Document):
    """A document that shares nothing with the storage's copy (nested lists included)."""

    def __init__(self, value: Mapping[str, Any], doc_id: int) -> None:
        super().__init__(copy_json(dict(value)), doc_id)


def _copied(document: Mapping[str, Any]) -> Mapping[str, Any]:
    check_storable(document)
    if isinstance(document, Document):
        return CopiedDocument(document, document.doc_id)
    return copy_json(dict(document))


class SafeTable(Table):
    """A TinyDB table that checks values on the way in and copies documents on the way out."""

    document_class = CopiedDocument

    def insert(self, document: Mapping[str, Any]) -> int:
        return super().insert(_copied(document))

    def insert_multiple(self, documents: Iterable[Mapping[str, Any]]) -> list[int]:
        return super().insert_multiple([_copied(document) for document in documents])

    def update(
        self,
        fields: Mapping[str, Any] | Callable[[MutableMapping[str, Any]], None],
        cond: QueryLike | None = None,
        doc_ids: Iterable[int] | None = None,
    ) -> list[int]:
        if not callable(fields):
            fields = _copied(fields)
        return super().update(fields, cond, doc_ids)

    def upsert(self, document: Mapping[str, Any], cond: QueryLike | None = None) -> list[int]:
        return super().upsert(_copied(document), cond)

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        storage = self.storage
        assert isinstance(storage, AtomicJSONStorage)
        if storage.read_only:  # refused before TinyDB changes documents in place
            raise StoreError("Store.read() is read-only: write inside Store.transaction().")
        try:
            super()._update_table(updater)
        except BaseException:
            storage.discard_changes()  # the updater may have changed documents half-way
            raise


class LegEaseDB(TinyDB):
    """TinyDB whose tables are `SafeTable`s."""

    table_class = SafeTable


class AtomicJSONStorage(Storage):
    """TinyDB storage that reads once per transaction and writes atomically, user-only.

    With `deferred=True` (inside `Store.transaction()`), writes only update the in-memory copy
    and `commit()` writes the file once at the end: a block that fails half-way writes nothing,
    and a block of many changes costs one fsync. With `read_only=True` (inside `Store.read()`),
    any write is a programming error.
    """

    def __init__(
        self,
        path: Path,
        deferred: bool = False,
        read_only: bool = False,
        document: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.deferred = deferred
        self.read_only = read_only
        self.dirty = False
        self.failed = False
        """A change failed part-way: memory went back to the file and nothing may be written."""
        self._cache: dict[str, Any] | None = document

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            try:
                with open(self.path, "rb") as handle:
                    self._cache = json.loads(handle.read())
            except FileNotFoundError:
                return None
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise StoreError("Store.read() is read-only: write inside Store.transaction().")
        if self.deferred:
            self._cache = data
            self.dirty = True
            return
        encoded = _encoded(data)  # before the cache changes: a refused write changes nothing
        write_atomic(self.path, encoded, USER_ONLY)
        self._cache = data

    def discard_changes(self) -> None:
        """Forget every change not yet written; the next read reads the file again."""
        self._cache = None
        self.dirty = False
        self.failed = True

    def commit(self) -> None:
        """Write the changes of a deferred block, if any, in one atomic replace."""
        if self.failed:
            raise StoreError("A change failed part-way through, so nothing was written.")
        if self.dirty and self._cache is not None:
            write_atomic(self.path, _encoded(self._cache), USER_ONLY)
        self.dirty = False

    def close(self) -> None:
        self._cache = None
        self.dirty = False


def _encoded(document: dict[str, Any]) -> bytes:
    try:
        return dump_document(document)
    except (TypeError, ValueError) as error:
        raise StoreError(
            f"A value cannot be stored in the data file ({error}). Nothing was changed."
        ) from None
