"""Where LegEase keeps data and config.

Default: platformdirs' user data and config folders for "legease". `LEGEASE_HOME=DIR` or
`--home DIR` keeps both in DIR (for trying things out and for tests).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from legease_tui.core.storage.atomic import make_folder, write_atomic

HOME_ENV = "LEGEASE_HOME"
FOLDER_NOTICE_MARKER = ".open-folder-notice-shown"


@dataclass(frozen=True)
class Paths:
    """The folders and files LegEase reads and writes."""

    data_dir: Path
    config_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def routines_dir(self) -> Path:
        return self.config_dir / "routines"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "legease.json"

    def ensure(self) -> None:
        """Create the folders (and missing parents) user-only, whatever the umask."""
        for folder in (self.data_dir, self.config_dir):
            make_folder(folder)

    def open_to_others_notice(self) -> str | None:
        """A notice, the first time only, when the data folder can be read by other users (a
        folder the person chose: LegEase does not change its mode)."""
        try:
            mode = self.data_dir.stat().st_mode & 0o777
        except OSError:
            return None
        marker = self.data_dir / FOLDER_NOTICE_MARKER
        if not mode & 0o077 or marker.exists():
            return None

        try:
            write_atomic(marker, f"{mode:o}\n".encode())
        except OSError:
            return None  # cannot remember it: say nothing rather than say it at every start
        return (
            f"The data folder {self.data_dir} can be read by other users (mode {mode:o}). "
            f"LegEase's own files are private, but to keep the folder private too: "
            f"chmod 700 {self.data_dir}. (Shown once.)"
        )


def resolve_paths(home: str | os.PathLike[str] | None = None) -> Paths:
    """Paths for `--home` if given, else `LEGEASE_HOME`, else the platform's user folders."""
    chosen = home if home is not None else os.environ.get(HOME_ENV) or None
    if chosen is not None:
        base = Path(chosen).expanduser().resolve()
        return Paths(data_dir=base, config_dir=base)

    return Paths(
        data_dir=Path(platformdirs.user_data_dir("legease", appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir("legease", appauthor=False)),
    )
