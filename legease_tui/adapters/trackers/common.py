"""What every tracker reader shares: the error that names the bad record, progress, and the export
opened as a stream — the file itself or a member of the zip it is — refusing at once a named
pipe or a device (the same check as plain `legease import`), a damaged or encrypted zip, and a
member too large to be an export."""

from __future__ import annotations

import contextlib
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from legease_tui.core.storage.atomic import open_regular_file

Progress = Callable[[int, int], None]
"""Told (bytes read so far, bytes in all) while a long file is read."""

ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")
"""How a zip file begins (a member's header, or the end record of an empty zip)."""
ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError)
"""What reading a damaged member raises: a bad CRC, broken deflate data, data cut short..."""


class TrackerInvalid(ValueError):
    """The export cannot be imported; nothing was. The message names the file and the line or
    record."""


def quoted(value: object, most: int = 60) -> str:
    """A value from the file as a message quotes it, cut to `most` characters: a message never
    carries a megabyte of someone's file."""
    text = repr(value)
    return text if len(text) <= most else f"{text[: most - 1]}…"


@dataclass(frozen=True)
class ExportStream:
    """An export's bytes as a stream: `raw` (read it through `CountingReader`), how many bytes
    it holds, and `label`, which names it in messages ("FILE" or "FILE (MEMBER)")."""

    raw: IO[bytes]
    size: int
    label: str
    in_zip: bool = False


@contextlib.contextmanager
def open_export(path: Path, member: str, largest: int) -> Iterator[ExportStream]:
    """`path` as a stream of bytes: the file itself, or, when it is a zip, the member whose file
    name is `member` (in any folder of the zip). A member said to unpack to more than `largest`
    bytes is refused (a zip bomb, not an export). Raises TrackerInvalid, or NotARegularFile when
    `path` is a named pipe, a device or a folder."""
    with open_regular_file(path) as handle:
        starts_as_zip = handle.read(4) in ZIP_STARTS
        if not zipfile.is_zipfile(handle):
            if starts_as_zip:
                raise TrackerInvalid(
                    f"{path}: a zip that is cut short or damaged (the list of files at its end "
                    "is missing): download or copy it again"
                )
            handle.seek(0)
            yield ExportStream(handle, _size(handle), str(path))
            return
        try:
            archive = zipfile.ZipFile(handle)
        except ZIP_DAMAGE as error:
            raise TrackerInvalid(f"{path}: a damaged zip ({error})") from None
        with archive:
            name = _find_member(archive, member, path)
            label = f"{path} ({name})"
            with _open_member(archive, name, label, largest) as stream:
                yield ExportStream(stream, archive.getinfo(name).file_size, label, in_zip=True)


def read_small_file(path: Path, largest: int, kind: str) -> bytes:
    """The bytes of a file that is never large (one of a folder's daily files), refused when it
    is over `largest` bytes, or not a regular file (NotARegularFile)."""
    with open_regular_file(path) as handle:
        size = _size(handle)
        # read(n) sets n bytes aside at once: never more than the file holds (and one more,
        # should it grow meanwhile).
        data = handle.read(size + 1) if size <= largest else b""
    if size > largest or len(data) > largest:
        raise TrackerInvalid(f"{path}: over {largest // 1024**2} MiB: too large to be {kind}")
    return data


def _size(handle: IO[bytes]) -> int:
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(0)
    return size


def _find_member(archive: zipfile.ZipFile, wanted: str, zip_path: Path) -> str:
    for name in archive.namelist():
        if name.rsplit("/", 1)[-1] == wanted:
            return name
    raise TrackerInvalid(f"{zip_path}: the zip holds no {wanted}")


def _open_member(archive: zipfile.ZipFile, name: str, label: str, largest: int) -> IO[bytes]:
    info = archive.getinfo(name)
    if info.file_size > largest:
        raise TrackerInvalid(
            f"{label}: too large to be an export ({info.file_size:,} bytes unpacked; "
            f"at most {largest // 1024**2} MiB)"
        )
    if info.flag_bits & 0x1:
        raise TrackerInvalid(f"{label}: the zip is encrypted; export it again without a password")
    try:
        return archive.open(info)
    except NotImplementedError:
        raise TrackerInvalid(
            f"{label}: packed with a compression method LegEase cannot read "
            f"(method {info.compress_type}); export it again as an ordinary zip"
        ) from None
    except ZIP_DAMAGE as error:  # e.g. its header does not match the zip's list of files
        raise TrackerInvalid(f"{label}: the zip is damaged ({error})") from None


class CountingReader:
    """A binary stream that tells `progress` how much of it has been read, and names its file
    when a zip member turns out damaged while it is read (a bad CRC shows only at its end)."""

    def __init__(self, export: ExportStream, progress: Progress | None) -> None:
        self.export = export
        self.total = export.size
        self.done = 0
        self.progress = progress

    def read(self, size: int = -1) -> bytes:
        try:
            data = self.export.raw.read(size)
        except Exception as error:
            if not self.export.in_zip:
                raise
            # Whatever unpacking raises (zlib, bz2 and lzma each have their own) means the
            # member is damaged: say so, naming it.
            label = self.export.label
            raise TrackerInvalid(f"{label}: the zip is damaged ({error})") from None
        self.done += len(data)
        if self.progress is not None:
            self.progress(self.done, self.total)
        return data
