"""Writing a command's output to a file named with `-o`: the rules `export` and
`schedule --ics` share (never over an existing file without `--force`, never through a dangling
link, the folder must exist; written atomically and readable by the user only)."""

from __future__ import annotations

import os
from pathlib import Path


def output_problem(target: Path, force: bool) -> str | None:
    """Why output may not be written to `target`, or None. A link counts as an existing
    file; a dangling one is never written through (its target may be a folder not mounted)."""
    if target.is_symlink() and not target.exists():
        return (
            f"{target} is a link to {os.readlink(target)}, which does not exist; nothing was "
            "written. Remove the link, or write to another file."
        )
    if target.exists() and not force:
        return f"{target} exists; add --force to overwrite it."
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        return f"the folder {folder} {what}; nothing was written. Create it first."
    return None


def write_output(target: Path, data: bytes) -> None:
    """Replace `target` with `data` crash-safely, user-only (0600). Raises OSError."""
    from legease_tui.core.storage.atomic import write_atomic

    write_atomic(target.resolve(), data)
