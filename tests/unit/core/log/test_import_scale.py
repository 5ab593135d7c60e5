"""An import grows linearly with its rows and stays all-or-nothing.

No wall clock here (the figures are in bench/bench_import.py): the shape is checked by counting
how often the whole `nights` table is rewritten in memory — once per night made an import of n
nights cost n copies of a table growing to n, i.e. n squared.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from support.sample_nights import plausible_night

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.export import export_csv
from legease_tui.core.log.importing import ImportInvalid, read_import
from legease_tui.core.log.repository import Change, LogRepository
from legease_tui.core.storage import json_storage
from legease_tui.services import Services

TONIGHT = date(2026, 11, 24)


@pytest.fixture
def log(services: Services) -> LogRepository:
    assert services.log is not None
    return services.log


def some_nights(count: int, seed: int = 1) -> list[NightEntry]:
    rng = random.Random(seed)
    return [plausible_night(TONIGHT - timedelta(days=back), rng) for back in range(count)]


@pytest.fixture
def table_rewrites(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows each whole-table rewrite carried."""
    sizes: list[int] = []
    original = json_storage.SafeTable._update_table

    def counting(table: json_storage.SafeTable, updater: Callable[[dict[int, Any]], None]) -> None:
        sizes.append(len(table))
        original(table, updater)

    monkeypatch.setattr(json_storage.SafeTable, "_update_table", counting)
    return sizes


@pytest.mark.parametrize("count", [10, 400])
def test_an_import_rewrites_the_table_a_fixed_number_of_times(
    log: LogRepository, table_rewrites: list[int], count: int
) -> None:
    log.put_many(some_nights(count // 2, seed=2))  # half of them logged already, differently
    table_rewrites.clear()
    counts = log.put_many(some_nights(count))
    assert counts == {Change.ADDED: count // 2, Change.UPDATED: count // 2, Change.UNCHANGED: 0}
    assert len(table_rewrites) <= 2  # one remove of the replaced nights, one insert of them all
    assert len(log.entries()) == count


def test_the_store_file_is_read_and_written_once_per_import(
    log: LogRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[int] = []
    original = json_storage.write_atomic

    def counted(*args: Any, **kwargs: Any) -> Any:
        writes.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(json_storage, "write_atomic", counted)
    log.put_many(some_nights(300))
    assert len(writes) == 1


def test_put_many_reports_unchanged_and_keeps_the_other_nights(log: LogRepository) -> None:
    first = some_nights(30)
    log.put_many(first)
    changed = [NightEntry(first[0].night, tension=9), *first[1:10]]
    extra = NightEntry(TONIGHT - timedelta(days=400), note="older")
    counts = log.put_many([*changed, extra])
    assert counts == {Change.ADDED: 1, Change.UPDATED: 1, Change.UNCHANGED: 9}
    stored = {entry.night: entry for entry in log.entries()}
    assert stored[first[0].night] == NightEntry(first[0].night, tension=9)  # replaced whole
    assert stored[first[20].night] == first[20] and stored[extra.night] == extra
    assert len(stored) == 31


def test_a_night_given_twice_counts_once_and_the_later_one_is_kept(log: LogRepository) -> None:
    night = TONIGHT
    counts = log.put_many([NightEntry(night, tension=1), NightEntry(night, tension=2)])
    assert counts[Change.ADDED] == 1 and log.get(night) == NightEntry(night, tension=2)


def test_a_bad_row_at_the_end_of_a_large_file_saves_nothing(log: LogRepository) -> None:
    text = export_csv(some_nights(2_000)) + "2026-11-25,3" + "," * 16 + "\n"
    with pytest.raises(ImportInvalid, match=r"line 2002: .*night"):
        read_import(text, tonight=TONIGHT)
    assert log.entries() == []


def test_a_failure_while_saving_writes_nothing(
    log: LogRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    log.put_many(some_nights(5))
    before = log.entries()
    original = json_storage.write_atomic

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json_storage, "write_atomic", broken)
    with pytest.raises(Exception, match="No space left"):
        log.put_many(some_nights(500, seed=9))
    monkeypatch.setattr(json_storage, "write_atomic", original)
    assert log.entries() == before
