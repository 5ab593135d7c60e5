"""What every tracker reader shares: the error that names the bad record, progress, zip members."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

Progress = Callable[[int, int], None]
"""Told (bytes read so far, bytes in all) while a long file is read."""

LARGEST_MEMBER = 4 * 1024**3
"""A zip member said to unpack to more than this is refused (a zip bomb, not an export)."""


class TrackerInvalid(ValueError):
    """The export cannot be imported; nothing was. The message names the file and the line or
    record."""


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
