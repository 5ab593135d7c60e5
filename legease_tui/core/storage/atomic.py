"""Crash-safe file writes: temp file in the same folder, flush, fsync, rename, fsync the folder.

A reader sees either the old file or the new one, never half of each, even if the process is
killed mid-write or the machine loses power.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

USER_ONLY = 0o600
USER_ONLY_FOLDER = 0o700
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotARegularFile(OSError):
    """A path holds a folder, named pipe, device or socket where a file belongs."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.kind = kind


def open_regular_file(path: Path) -> BinaryIO:
    """`path` opened for reading, refusing at once anything that is not a regular file: reading
    a named pipe or a device would block forever (or never end). Raises FileNotFoundError,
    NotARegularFile (its message names the path and what it is) or another OSError."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a file")
            raise NotARegularFile(path, kind)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular_file(path: Path) -> bytes:
    """The bytes of `path`, refused at once if it is not a regular file (`open_regular_file`)."""
    with open_regular_file(path) as handle:
        return handle.read()


def read_text_file(path: Path) -> str:
    """A regular file's text as UTF-8 (a byte-order mark some editors add is dropped)."""
    return read_regular_file(path).decode("utf-8-sig")


def make_folder(folder: Path) -> None:
    """Create `folder` and any missing parents user-only (0700), whatever the umask: mkdir's
    mode is masked by the umask and applies to the last folder only."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):
            created.mkdir(mode=USER_ONLY_FOLDER)
            os.chmod(created, USER_ONLY_FOLDER)


def write_atomic(path: Path, data: bytes, mode: int = USER_ONLY) -> None:
    """Replace `path` with `data` atomically; the file gets `mode` (user-only by default)."""
    folder = path.parent
    make_folder(folder)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def create_user_only(path: Path) -> None:
    """Create an empty file readable only by its owner, if it does not exist yet."""
    make_folder(path.parent)
    # O_NONBLOCK: a named pipe in the file's place fails at once instead of waiting forever.
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_NONBLOCK, USER_ONLY)
    os.close(fd)
