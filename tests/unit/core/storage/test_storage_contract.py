"""The data file's storage keeps TinyDB's storage contract (in the spirit of TinyDB's own
tests/test_storages.py): a failed write changes nothing, neither the file nor what later reads
return; a returned document never aliases what the storage holds; a failed change inside a
transaction is all or nothing, in memory as on disk."""

from __future__ import annotations

import math
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import pytest

from legease_tui.core.storage.json_storage import AtomicJSONStorage
from legease_tui.core.storage.store import Store, StoreError, table_rows


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "legease.json")
    with store.transaction() as db:
        db.table("checks").insert({"answers": [1, 2], "night": "2026-11-24"})
        db.table("checks").insert({"answers": [3], "night": "2026-11-25"})
    return store


def _rows(store: Store) -> list[dict[str, Any]]:
    with store.read() as db:
        return table_rows(db, "checks")


BEFORE = [
    {"answers": [1, 2], "night": "2026-11-24", "id": 1},
    {"answers": [3], "night": "2026-11-25", "id": 2},
]


@pytest.mark.parametrize("bad", [{1, 2}, float("nan"), float("inf"), object()])
def test_a_value_json_cannot_hold_is_refused_and_changes_nothing(store: Store, bad: Any) -> None:
    before = store.path.read_bytes()
    with pytest.raises(StoreError, match="cannot be stored"), store.transaction() as db:
        db.table("checks").insert({"answers": bad})
    with pytest.raises(StoreError, match="cannot be stored"), store.transaction() as db:
        db.table("checks").update({"answers": bad}, doc_ids=[1])
    assert store.path.read_bytes() == before
    assert _rows(store) == BEFORE


def test_storage_write_that_fails_leaves_file_and_later_reads_unchanged(store: Store) -> None:
    storage = AtomicJSONStorage(store.path)
    before_bytes, before = store.path.read_bytes(), storage.read()
    assert before is not None
    with pytest.raises(StoreError, match="cannot be stored"):
        storage.write({**before, "checks": {"9": {"answers": {1}}}})
    assert storage.read() == before
    assert store.path.read_bytes() == before_bytes


def test_a_callable_update_making_an_unstorable_value_writes_nothing(store: Store) -> None:
    before = store.path.read_bytes()

    def to_set(doc: MutableMapping[str, Any]) -> None:
        doc["answers"] = set(doc["answers"])

    with pytest.raises(StoreError, match="cannot be stored"), store.transaction() as db:
        db.table("checks").update(to_set)
    assert store.path.read_bytes() == before
    assert _rows(store) == BEFORE


def test_a_returned_document_cannot_change_the_next_read(store: Store) -> None:
    with store.read() as db:
        table = db.table("checks", cache_size=0)
        found = table.get(doc_id=1)
        assert found is not None
        found["answers"].append(99)
        found["extra"] = True
        table.all()[1]["answers"].clear()
    table_rows_copy = _rows(store)
    table_rows_copy[0]["answers"].append(100)
    assert _rows(store) == BEFORE
    with store.transaction() as db:
        table = db.table("checks", cache_size=0)
        found = table.get(doc_id=1)
        assert found is not None
        found["answers"].append(99)
        assert table.get(doc_id=1) == {"answers": [1, 2], "night": "2026-11-24"}
    assert _rows(store) == BEFORE


def test_a_list_given_to_insert_is_copied(store: Store) -> None:
    answers = [7]
    with store.transaction() as db:
        db.table("checks").insert({"answers": answers})
        answers.append(8)  # before the transaction writes
    assert _rows(store)[-1]["answers"] == [7]


def test_a_read_view_refuses_a_change_without_touching_what_it_holds(store: Store) -> None:
    with store.read() as db:
        with pytest.raises(StoreError, match="read-only"):
            db.table("checks").update({"night": "1999-01-01"})
        assert db.table("checks").get(doc_id=1) == {"answers": [1, 2], "night": "2026-11-24"}
    assert _rows(store) == BEFORE


def test_a_failed_update_inside_a_transaction_is_all_or_nothing(store: Store) -> None:
    before = store.path.read_bytes()

    def fails_on_the_second(doc: MutableMapping[str, Any]) -> None:
        if doc["night"] == "2026-11-25":
            raise RuntimeError("boom")
        doc["answers"].append(5)
        doc["night"] = "changed"

    with pytest.raises(StoreError, match="nothing was written"), store.transaction() as db:
        table = db.table("checks", cache_size=0)
        table.insert({"answers": [], "night": "2026-11-26"})
        with pytest.raises(RuntimeError, match="boom"):
            table.update(fails_on_the_second)
        # in memory: back to what the file holds, the first document untouched
        assert table.get(doc_id=1) == {"answers": [1, 2], "night": "2026-11-24"}
        assert len(table.all()) == 2
    assert store.path.read_bytes() == before
    assert _rows(store) == BEFORE


def test_nan_already_in_the_file_is_kept_through_other_writes(store: Store) -> None:
    """A hand-edited NaN is the person's data: refusing new NaN must not block every write."""
    text = store.path.read_text().replace('"answers":[3]', '"answers":NaN')
    store.path.write_text(text)
    with store.transaction() as db:
        db.table("checks").insert({"answers": [4]})
    rows = _rows(store)
    assert math.isnan(rows[1]["answers"]) and rows[2]["answers"] == [4]
