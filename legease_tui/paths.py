"""Where LegEase keeps data and config.

Default: platformdirs' user data and config folders for "legease". `LEGEASE_HOME=DIR` or
`--home DIR` keeps both in DIR (for trying things out and for tests).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

HOME_ENV = "LEGEASE_HOME"


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
        """Create the folders, user-only, when first needed."""
        for folder in (self.data_dir, self.config_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def resolve_paths(home: str | os.PathLike[str] | None = None) -> Paths:
    """Paths for `--home` if given, else `LEGEASE_HOME`, else the platform's user folders."""
    chosen = home if home is not None else os.environ.get(HOME_ENV) or None
    if chosen is not None:
        base = Path(chosen).expanduser().resolve()
        return Paths(data_dir=base, config_dir=base)
    import platformdirs  # imported here: only needed when no home is given

    return Paths(
        data_dir=Path(platformdirs.user_data_dir("legease", appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir("legease", appauthor=False)),
    )
