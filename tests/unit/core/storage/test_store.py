"""The data file: atomic, locked, user-only; broken, foreign and newer files handled; no loss."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from support.crash_harness import concurrent_adds, run_kill_trials

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.storage.store import SCHEMA_VERSION, NewerSchemaError, Store, StoreError


def data_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "legease.json"


def test_new_file_and_lock_are_user_only(tmp_path: Path) -> None:
    store = Store.open(data_file(tmp_path))
    LogRepository(store, FakeClock()).add(NightEntry(date(2026, 11, 24), tension=3))
    for path in (store.path, store.lock_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_not_json_is_moved_aside_with_both_paths_named(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    path.parent.mkdir()
    path.write_text('{"nights": {"1": {"night": "2026-')
    store = Store.open(path)
    aside = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_text() == '{"nights": {"1": {"night": "2026-'
    assert str(path) in store.notices[0] and str(aside[0]) in store.notices[0]
    assert "not valid JSON" in store.notices[0]
    assert LogRepository(store, FakeClock()).entries() == []


def test_foreign_json_is_moved_aside(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    path.parent.mkdir()
    path.write_text(json.dumps({"_default": {"1": {"name": "someone else's"}}}))
    store = Store.open(path)
    assert "not a LegEase data file" in store.notices[0]
    aside = next(p for p in path.parent.iterdir() if ".corrupt-" in p.name)
    assert "someone else's" in aside.read_text()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    path.parent.mkdir()
    text = json.dumps({"meta": {"1": {"app": "legease", "schema": SCHEMA_VERSION + 1}}})
    path.write_text(text)
    before = path.stat().st_mtime_ns
    with pytest.raises(NewerSchemaError, match="newer LegEase"):
        Store.open(path)
    assert path.read_text() == text
    assert path.stat().st_mtime_ns == before
    assert [p.name for p in path.parent.iterdir() if ".corrupt-" in p.name] == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_gives_a_message_and_keeps_the_nights(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    store = Store.open(path)
    repository = LogRepository(store, FakeClock())
    repository.add(NightEntry(date(2026, 11, 23), tension=4))
    store.lock_path.unlink()
    path.parent.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="lock file"):
            repository.add(NightEntry(date(2026, 11, 24), tension=5))
    finally:
        path.parent.chmod(0o700)
    assert [e.night for e in repository.entries()] == [date(2026, 11, 23)]


def test_read_only_data_file_write_fails_with_message_and_nothing_lost(tmp_path: Path) -> None:
    """Simulates a folder we cannot write into (works as root too): the temp file fails."""
    path = data_file(tmp_path)
    store = Store.open(path)
    repository = LogRepository(store, FakeClock())
    repository.add(NightEntry(date(2026, 11, 23), tension=4))
    blocker = path.parent / "not-a-folder"
    blocker.write_text("")
    moved = Store(blocker / "legease.json")
    with pytest.raises(StoreError, match="lock file"):
        LogRepository(moved, FakeClock()).add(NightEntry(date(2026, 11, 24)))
    assert [e.night for e in repository.entries()] == [date(2026, 11, 23)]


def test_a_failed_transaction_writes_nothing(tmp_path: Path) -> None:
    store = Store.open(data_file(tmp_path))
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as db:
        db.table("nights", cache_size=0).insert({"night": "2026-11-24"})
        raise RuntimeError("half-way")
    assert store.path.read_bytes() == before


def test_read_view_refuses_writes(tmp_path: Path) -> None:
    store = Store.open(data_file(tmp_path))
    with pytest.raises(StoreError, match="read-only"), store.read() as db:
        db.table("nights", cache_size=0).insert({"night": "2026-11-24"})


def test_stale_temp_files_are_cleared_on_open(tmp_path: Path) -> None:
    path = data_file(tmp_path)
    Store.open(path)
    stale = path.parent / ".legease.json.abc123.tmp"
    stale.write_text("half a write")
    Store.open(path)
    assert not stale.exists()


def test_file_replaced_by_garbage_while_open_gives_a_message(tmp_path: Path) -> None:
    store = Store.open(data_file(tmp_path))
    store.path.write_text("garbage")
    with pytest.raises(StoreError, match="restart LegEase"), store.read():
        pass


@pytest.mark.serial  # forks writers
def test_sigkill_during_saves_never_breaks_the_file_or_loses_a_saved_night(
    tmp_path: Path,
) -> None:
    trials, confirmed, mid_write = run_kill_trials(data_file(tmp_path), trials=100)
    assert trials == 100
    assert confirmed > 0
    assert mid_write > 0  # some kills did land inside a write (about a quarter usually do)


@pytest.mark.serial  # forks writers
def test_two_processes_adding_300_nights_each_keep_all_600(tmp_path: Path) -> None:
    numbers = concurrent_adds(data_file(tmp_path), processes=2, nights=300)
    assert len(numbers) == 600
    assert numbers == set(range(300)) | set(range(10_000, 10_300))


def test_unwritable_folder_write_says_why_and_keeps_the_nights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a read-only folder does to a write (simulated: root may write anywhere)."""
    store = Store.open(data_file(tmp_path))
    repository = LogRepository(store, FakeClock())
    repository.add(NightEntry(date(2026, 11, 23), tension=4))

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("legease_tui.core.storage.atomic.tempfile.mkstemp", refuse)
    with pytest.raises(StoreError, match=r"Cannot write .*Permission denied\. Nothing was"):
        repository.add(NightEntry(date(2026, 11, 24), tension=5))
    monkeypatch.undo()
    assert [e.night for e in repository.entries()] == [date(2026, 11, 23)]


def test_unusable_data_folder_becomes_a_notice_and_the_app_still_starts(
    tmp_path: Path,
) -> None:
    from legease_tui.core.clock import FakeClock as Clock
    from legease_tui.services import build_services
    from legease_tui.settings.paths import Paths

    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    services = build_services(Paths(blocker / "data", tmp_path / "config"), Clock())
    assert services.store is None and services.log is None
    assert any("data" in notice for notice in services.notices)
