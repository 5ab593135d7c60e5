"""Crash-safe file writes: temp file in the same folder, flush, fsync, rename, fsync the folder.

A reader sees either the old file or the new one, never half of each, even if the process is
killed mid-write or the machine loses power.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

USER_ONLY = 0o600


def write_atomic(path: Path, data: bytes, mode: int = USER_ONLY) -> None:
    """Replace `path` with `data` atomically; the file gets `mode` (user-only by default)."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
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
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, USER_ONLY)
    os.close(fd)
