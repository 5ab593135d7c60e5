"""Writing a command's output to a file named with `-o`: the rules `export` and
`schedule --ics` share (never over an existing file without `--force`; never over anything but a
regular file, nor through a link that leads to one, to nothing or round in a loop; the folder
must exist; written atomically and readable by the user only).

A link to a regular file is written through: its target is replaced and the link stays, as the
data file's link is, and the line that says what was written names that target."""

from __future__ import annotations

from pathlib import Path

from legease_tui.core.storage.atomic import NotARegularFile, writable_target, write_atomic


def output_problem(target: Path, force: bool) -> str | None:
    """Why output may not be written to `target`, or None (checked before anything is opened
    for writing; `write_output` checks again)."""
    try:
        writable_target(target)
    except NotARegularFile as error:
        return f"{error}; nothing was written. Name another file."
    except OSError as error:
        return f"cannot use {target}: {error.strerror}; nothing was written."
    if target.exists() and not force:
        return f"{target} exists; add --force to overwrite it."
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        return f"the folder {folder} {what}; nothing was written. Create it first."
    return None


def write_output(target: Path, data: bytes) -> str | None:
    """Replace `target` with `data` crash-safely, user-only (0600); why it could not be, or
    None. The target is checked again here: it may have changed while the output was made."""
    try:
        write_atomic(target, data)
    except NotARegularFile as error:
        return f"{error}; nothing was written."
    except OSError as error:
        return f"cannot write {target}: {error.strerror}."
    return None


def written_to(target: Path) -> str:
    """`target` as the line saying what was written names it: with the file a link led to."""
    if not target.is_symlink():
        return str(target)
    return f"{target} (a link: its target {target.resolve()} was replaced)"
