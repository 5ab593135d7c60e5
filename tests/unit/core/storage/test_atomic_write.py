"""The durable half of the atomic write: every new byte is on disk before the rename, and the
rename is on disk after it. A recording `os.fsync` notes what each call made durable (a file and
how many bytes the disk had of it, or a folder), in order with `os.replace`."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.storage.atomic import write_atomic
from legease_tui.core.storage.store import Store

# Small enough to sit in Python's write buffer: only a flush puts it in the file before fsync.
DATA = b'{"nights": {}}\n'

Identity = tuple[int, int]
Event = tuple[str, Identity, object]


def identity(status: os.stat_result) -> Identity:
    return status.st_dev, status.st_ino


@pytest.fixture
def durability(monkeypatch: pytest.MonkeyPatch) -> list[Event]:
    """What the atomic write asks of the disk, in order: ("fsync file", file, bytes the file
    held), ("replace", file, destination) and ("fsync folder", folder, None)."""
    events: list[Event] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            events.append(("fsync folder", identity(status), None))
        else:
            events.append(("fsync file", identity(status), status.st_size))
        real_fsync(fd)

    def replace(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        events.append(("replace", identity(os.stat(source)), Path(destination)))
        real_replace(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return events


def made_durable(path: Path, size: int) -> list[Event]:
    """The three steps that make `path`'s new content survive a power cut, in their order."""
    written, folder = identity(path.stat()), identity(path.parent.stat())
    return [
        ("fsync file", written, size),  # flushed first: the disk has every byte
        ("replace", written, path),  # then the new file takes the name
        ("fsync folder", folder, None),  # and the folder records the new name
    ]


@pytest.mark.parametrize("existing", [None, b"the old content, longer than the new one\n"])
def test_the_new_file_is_flushed_and_synced_before_the_rename_and_its_folder_after(
    tmp_path: Path, durability: list[Event], existing: bytes | None
) -> None:
    path = tmp_path / "legease.json"
    if existing is not None:
        path.write_bytes(existing)
    write_atomic(path, DATA)
    assert path.read_bytes() == DATA
    assert durability == made_durable(path, len(DATA))


def test_through_a_link_the_folder_synced_is_the_one_the_file_is_renamed_in(
    tmp_path: Path, durability: list[Event]
) -> None:
    target = tmp_path / "elsewhere" / "legease.json"
    target.parent.mkdir()
    target.write_bytes(b"old\n")
    link = tmp_path / "home" / "legease.json"
    link.parent.mkdir()
    link.symlink_to(target)
    write_atomic(link, DATA)
    assert link.is_symlink() and target.read_bytes() == DATA
    assert durability == made_durable(target, len(DATA))


def test_a_saved_night_is_on_disk_when_the_save_returns(
    tmp_path: Path, durability: list[Event]
) -> None:
    store = Store.open(tmp_path / "legease.json")
    durability.clear()
    LogRepository(store, FakeClock()).add(NightEntry(date(2026, 11, 24), tension=3))
    assert durability[-3:] == made_durable(store.path, store.path.stat().st_size)
