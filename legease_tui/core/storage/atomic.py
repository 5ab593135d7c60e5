"""Crash-safe file writes: temp file in the same folder, flush, fsync, rename, fsync the folder.

A reader sees either the old file or the new one, never half of each, even if the process is
killed mid-write or the machine loses power.
"""

from __future__ import annotations

import contextlib
import errno
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


LINK_LOOP = "a link that leads back to itself (a loop of links)"
DANGLING_LINK = "a link to nothing"


class NotARegularFile(OSError):
    """A path holds a folder, named pipe, device or socket where a file belongs, or is a link
    to one, to nothing, or round in a loop. `kind` names what is there ("a device"); `strerror`
    says it without the path, for messages that name the path already."""

    def __init__(self, path: Path, kind: str, target: Path | None = None) -> None:
        if target is None:
            what = f"{kind}, not a regular file" if kind != LINK_LOOP else kind
        elif kind:
            what = f"a link to {target}, which is {kind}, not a regular file"
        else:
            what = f"a link to {target}, which does not exist"
        super().__init__(f"{path} is {what}")
        self.kind = kind or DANGLING_LINK
        self.strerror = f"it is {what}"


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def open_regular_file(path: Path) -> BinaryIO:
    """`path` opened for reading, refusing at once anything that is not a regular file: reading
    a named pipe or a device would block forever (or never end). Raises FileNotFoundError,
    NotARegularFile (its message names the path and what it is) or another OSError."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotARegularFile(path, LINK_LOOP) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(path, _kind(mode))
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


def writable_target(path: Path) -> Path:
    """The file that writing `path` replaces or creates: `path` itself, or the file a link
    leads to (the link stays a link). Raises NotARegularFile, before anything is opened or
    created, when that exists and is not a regular file (a folder, named pipe, device or
    socket: a write would replace it) or the link leads nowhere or round in a loop (a write
    would create a file, and maybe folders, outside the path named). The one check every
    writer makes: `write_atomic` itself, the data file's lock, `export -o`."""
    target = path
    if path.is_symlink():
        try:
            target = path.resolve()
        except (RuntimeError, OSError):  # a loop: RuntimeError before Python 3.13
            raise NotARegularFile(path, LINK_LOOP) from None
    try:
        mode = os.stat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):  # nothing there (its folder may be a file)
        if target != path:
            raise NotARegularFile(path, "", target) from None
        return path
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotARegularFile(path, LINK_LOOP) from None
        raise
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, _kind(mode), target if target != path else None)
    return target


def write_atomic(path: Path, data: bytes, mode: int = USER_ONLY) -> None:
    """Replace `path` with `data` atomically; the file gets `mode` (user-only by default). A
    link is written through (its target replaced, the link kept); anything but a regular file
    or a link to one is refused with NotARegularFile (`writable_target`)."""
    path = writable_target(path)
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
    """Create an empty file readable only by its owner, if it does not exist yet (something
    other than a regular file in its place is refused, `writable_target`)."""
    path = writable_target(path)
    make_folder(path.parent)
    # O_NONBLOCK: a named pipe in the file's place fails at once instead of waiting forever.
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_NONBLOCK, USER_ONLY)
    os.close(fd)


NEW_FILE_TRIES = 1000
"""How many numbered names `write_new` tries before it gives up."""


def write_new(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` to a new file in `folder` (made user-only if missing): `name`, or `name`
    numbered ("summary-2.md", "summary-3.md" ...) when that is taken. Never over anything:
    the file is written and synced beside, then linked into place, which fails rather than
    replace what is there (a file, a folder, a link, even one that leads nowhere); so it is
    complete the moment it appears. Returns the path written."""
    make_folder(folder)
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if stem else (name, "")
    fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), USER_ONLY)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        for number in range(1, NEW_FILE_TRIES + 1):
            path = folder / (name if number == 1 else f"{stem}-{number}{suffix}")
            try:
                os.link(temp_name, path)
            except FileExistsError:
                continue
            fsync_folder(folder)
            return path
        raise FileExistsError(errno.EEXIST, f"{NEW_FILE_TRIES} files named like {name}", folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
