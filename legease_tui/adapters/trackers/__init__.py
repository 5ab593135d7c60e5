"""Readers of sleep trackers' export files, on this machine only: each turns a file (or a folder
or zip holding it) into plain `SleepPeriod`s, all checked before the caller stores any.

A reader raises `TrackerInvalid` naming the file and the line or record that cannot be read, so
an import is all or nothing.
"""

from __future__ import annotations

import importlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from legease_tui.core.log.device import SleepPeriod

Progress = Callable[[int, int], None]
"""Told (bytes read so far, bytes in all) while a long file is read."""

READERS = {
    "sleep-as-android": "legease_tui.adapters.trackers.sleep_as_android",
    "fitbit": "legease_tui.adapters.trackers.fitbit",
    "apple-health": "legease_tui.adapters.trackers.apple_health",
}
"""Each `import --from` name and the module whose `read(path, progress)` reads it."""

LARGEST_MEMBER = 4 * 1024**3
"""A zip member said to unpack to more than this is refused (a zip bomb, not an export)."""


class TrackerInvalid(ValueError):
    """The export cannot be imported; nothing was. The message names the file and the line or
    record."""


def read_tracker(source: str, path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """Every sleep period in `path`, read by the `source` tracker's reader."""
    reader = importlib.import_module(READERS[source])
    periods: list[SleepPeriod] = reader.read(path, progress)
    return periods


def open_member(archive: zipfile.ZipFile, name: str) -> tuple[IO[bytes], int]:
    """One member of a zip, opened for streaming, and its size."""
    info = archive.getinfo(name)
    if info.file_size > LARGEST_MEMBER:
        raise TrackerInvalid(f"{name} in the zip is too large to be an export")
    return archive.open(info), info.file_size


def find_member(archive: zipfile.ZipFile, wanted: str, zip_path: Path) -> str:
    """The member whose file name is `wanted` (in any folder of the zip)."""
    for name in archive.namelist():
        if name.rsplit("/", 1)[-1] == wanted:
            return name
    raise TrackerInvalid(f"{zip_path}: the zip holds no {wanted}")


class CountingReader:
    """A binary file that tells `progress` how much of it has been read."""

    def __init__(self, raw: IO[bytes], total: int, progress: Progress | None) -> None:
        self.raw = raw
        self.total = total
        self.done = 0
        self.progress = progress

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.done += len(data)
        if self.progress is not None:
            self.progress(self.done, self.total)
        return data
