"""The TinyDB storage behind `Store`: one read per transaction, atomic user-only writes.

Kept apart from `store.py` so that TinyDB is imported with the first read or write of the log,
not when the app opens the data file at start-up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from legease_tui.core.atomic import USER_ONLY, write_atomic
from legease_tui.core.store import StoreError, dump_document


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
        self._cache = data
        if self.deferred:
            self.dirty = True
            return
        write_atomic(self.path, dump_document(data), USER_ONLY)

    def commit(self) -> None:
        """Write the changes of a deferred block, if any, in one atomic replace."""
        if self.dirty and self._cache is not None:
            write_atomic(self.path, dump_document(self._cache), USER_ONLY)
        self.dirty = False

    def close(self) -> None:
        self._cache = None
        self.dirty = False
