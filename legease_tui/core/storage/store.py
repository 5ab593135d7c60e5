"""TinyDB over a crash-safe, locked JSON file with a schema version.

- Every write goes through `write_atomic` (temp file, fsync, rename, fsync folder), so a crash
  mid-write leaves the old file, never a broken one.
- `Store.transaction()` holds an exclusive lock file for a whole read-modify-write, so the app and
  `legease log add` in another terminal never lose each other's nights.
- A file that is not JSON, or not ours, is moved aside (`legease.json.corrupt-<timestamp>`) with a
  message naming both paths. A file from a newer LegEase is refused and never touched.

All reads and writes of the data file go through here (see `core/log/repository.py` for the nights).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legease_tui.core.quoting import quoted
from legease_tui.core.storage.atomic import (
    DANGLING_LINK,
    LINK_LOOP,
    USER_ONLY,
    NotARegularFile,
    create_user_only,
    read_regular_file,
    writable_target,
    write_atomic,
)
from legease_tui.core.storage.document import NewerSchemaError, StoreError, dump_document
from legease_tui.core.storage.json_storage import AtomicJSONStorage, LegEaseDB

__all__ = ["NewerSchemaError", "Store", "StoreError", "dump_document", "table_rows"]

if TYPE_CHECKING:  # TinyDB loads with the first read or write, not when the file is opened
    from tinydb import TinyDB

SCHEMA_VERSION = 1
APP_MARK = "legease"

# Migrations: version N -> N+1, applied in order to the whole document before the app uses it.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _fresh_document() -> dict[str, Any]:
    return {"meta": {"1": {"app": APP_MARK, "schema": SCHEMA_VERSION}}}


def _schema_of(document: Any) -> int | None:
    """The schema version if `document` is a LegEase file, else None."""
    if not isinstance(document, dict) or not all(isinstance(t, dict) for t in document.values()):
        return None
    meta = document.get("meta", {}).get("1")
    if not isinstance(meta, dict) or meta.get("app") != APP_MARK:
        return None
    schema = meta.get("schema")
    return schema if isinstance(schema, int) and not isinstance(schema, bool) else None


def drop_unusable_records(document: dict[str, Any]) -> list[str]:
    """Remove records TinyDB cannot handle (an id that is not a number, a record that is not
    an object) from every table; returns what was removed, as "table 'id' (why)"."""
    dropped = []
    for name, table in document.items():
        for key in list(table):
            if not (key.isascii() and key.isdigit()):
                why = "its id is not a number"
            elif not isinstance(table[key], dict):
                why = "not a record"
            else:
                continue
            del table[key]
            dropped.append(f"{name} {quoted(key)} ({why})")
    return dropped


class Store:
    """The LegEase data file: open it once, then use `transaction()` and `read()`."""

    def __init__(self, path: Path) -> None:
        self.link = path if path.is_symlink() else None
        """The symlink the person gave, if any: writes go to its target, the link stays."""
        self.path = path
        if self.link is not None:
            with contextlib.suppress(RuntimeError, OSError):  # a loop: `open` refuses it
                self.path = path.resolve()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.notices: list[str] = []
        """What happened on open that the person should be told (a file moved aside)."""
        self._last_read: tuple[bytes, dict[str, Any]] | None = None

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (or create) the data file, moving a broken or foreign one aside."""
        store = cls(path)
        store._prepare()
        return store

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            create_user_only(self.lock_path)
            fd = os.open(self.lock_path, os.O_RDWR)
        except OSError as error:
            raise StoreError(
                f"Cannot use the lock file {self.lock_path}: {error.strerror}."
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _refused(self, error: NotARegularFile) -> StoreError:
        """Why the log cannot be kept where the data file's path leads, and what to do."""
        if error.kind == DANGLING_LINK:
            return StoreError(
                f"{self.link} is a link to {self.path}, which does not exist (a synced or "
                "removable folder not mounted yet?). No new log was started there: mount it, "
                "or remove the link to start a new log."
            )
        if error.kind == LINK_LOOP:
            return StoreError(
                f"{self.link or self.path} is {LINK_LOOP}, so there is no log to open. Nothing "
                "was changed: remove the link (a new log is started), or point it at your log."
            )
        where = f"{self.link} (a link to {self.path})" if self.link else self.path
        return StoreError(
            f"{where} is {error.kind}, not a regular file: LegEase cannot keep its log "
            "there. Move it away, or use --home to keep the log elsewhere."
        )

    def _prepare(self) -> None:
        try:  # before the lock file is made beside it: never beside a device or a pipe
            writable_target(self.link or self.path)
        except NotARegularFile as error:
            raise self._refused(error) from None
        with self._locked():
            self._remove_stale_temp_files()
            try:
                raw = read_regular_file(self.path)
            except FileNotFoundError:
                self._write_document(_fresh_document())
                return
            except NotARegularFile as error:  # it changed since the check above
                raise self._refused(error) from None
            except OSError as error:
                raise StoreError(f"Cannot read {self.path}: {error.strerror}.") from None
            try:
                document = json.loads(raw)
            except ValueError:
                self._move_aside("is not valid JSON")
                return
            except RecursionError:
                self._move_aside("is nested too deeply to be a LegEase data file")
                return
            schema = _schema_of(document)
            if schema is None:
                self._move_aside("is not a LegEase data file")
                return
            if schema > SCHEMA_VERSION:
                raise NewerSchemaError(
                    f"{self.path} was written by a newer LegEase (data version {schema}; this one "
                    f"knows {SCHEMA_VERSION}). It was left untouched: update LegEase to use it."
                )
            if schema < 1 or any(v not in MIGRATIONS for v in range(schema, SCHEMA_VERSION)):
                self._move_aside(f"has data version {schema}, which no LegEase wrote")
                return
            unusable = drop_unusable_records(document)
            if unusable:
                self._keep_aside(raw, unusable)
            if schema < SCHEMA_VERSION:
                document = self._migrate(document, schema)
            if unusable or schema < SCHEMA_VERSION:
                self._write_document(document)

    def _remove_stale_temp_files(self) -> None:
        """Temp files left by a process killed mid-write (safe: every writer holds the lock)."""
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()

    def _migrate(self, document: dict[str, Any], schema: int) -> dict[str, Any]:
        for version in range(schema, SCHEMA_VERSION):
            document = MIGRATIONS[version](document)
        document["meta"]["1"]["schema"] = SCHEMA_VERSION
        return document

    def _write_document(self, document: dict[str, Any]) -> None:
        try:
            write_atomic(self.path, dump_document(document), USER_ONLY)
        except OSError as error:
            raise StoreError(
                f"Cannot write {self.path}: {error.strerror}. Nothing was changed."
            ) from None

    def _aside_path(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while aside.exists():
            counter += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        return aside

    def _move_aside(self, why: str) -> None:
        aside = self._aside_path()
        try:
            os.chmod(self.path, USER_ONLY)  # it keeps its mode when moved: make it private
            os.replace(self.path, aside)
        except OSError as error:
            raise StoreError(
                f"{self.path} {why}, and it could not be moved aside: {error.strerror}."
            ) from None
        self.notices.append(
            f"{self.path} {why}. It was kept as {aside} and a new, empty log was started."
        )
        self._write_document(_fresh_document())

    def _keep_aside(self, raw: bytes, unusable: list[str]) -> None:
        """Some records cannot be used: keep the file as it was, then carry on without them."""
        aside = self._aside_path()
        try:
            write_atomic(aside, raw, USER_ONLY)
        except OSError as error:
            raise StoreError(
                f"{self.path} has records LegEase cannot use, and a copy could not be kept: "
                f"{error.strerror}. It was left untouched."
            ) from None
        shown = ", ".join(unusable[:5]) + (f" and {len(unusable) - 5} more" if unusable[5:] else "")
        self.notices.append(
            f"{self.path}: {len(unusable)} record{'s' if len(unusable) != 1 else ''} could not "
            f"be used and {'were' if len(unusable) != 1 else 'was'} left out: {shown}. The file "
            f"as it was is kept as {aside}; everything else is in the log."
        )

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """An exclusive read-modify-write: the block sees one consistent file and its changes
        are written once, atomically, when it ends. If the block raises, nothing is written."""
        with self._locked():
            db = LegEaseDB(self.path, storage=AtomicJSONStorage, deferred=True)
            storage = db.storage
            assert isinstance(storage, AtomicJSONStorage)
            try:
                self._check_still_ours(db)
                yield db
                storage.commit()
            except OSError as error:
                raise StoreError(
                    f"Cannot write {self.path}: {error.strerror}. Nothing was changed."
                ) from None
            finally:
                db.close()

    def _known_document(self) -> dict[str, Any] | None:
        """The file's document, parsed again only when its bytes changed since the last read
        (reading bytes is cheap; parsing a large log is not, and a screen reads it often)."""
        try:
            raw = read_regular_file(self.path)
        except OSError:
            return None
        if self._last_read is not None and self._last_read[0] == raw:
            return self._last_read[1]
        try:
            document = json.loads(raw)
        except (ValueError, RecursionError):
            return None
        if not isinstance(document, dict):
            return None
        self._last_read = (raw, document)
        return document

    @contextmanager
    def read(self) -> Iterator[TinyDB]:
        """A consistent read-only view (atomic renames mean no lock is needed to read)."""
        db = LegEaseDB(
            self.path, storage=AtomicJSONStorage, read_only=True, document=self._known_document()
        )
        try:
            self._check_still_ours(db)
            yield db
        except OSError as error:
            raise StoreError(f"Cannot read {self.path}: {error.strerror}.") from None
        finally:
            db.close()

    def _check_still_ours(self, db: TinyDB) -> None:
        try:
            document = db.storage.read()
        except (ValueError, RecursionError):
            document = None
        schema = _schema_of(document)
        if schema != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} changed on disk and is no longer a LegEase data file this version "
                "can use; restart LegEase to check it."
            )


def table_rows(db: TinyDB, name: str) -> list[dict[str, Any]]:
    """All rows of a table as plain dicts, each with its document id under "id"."""
    return [{**doc, "id": doc.doc_id} for doc in db.table(name, cache_size=0).all()]
