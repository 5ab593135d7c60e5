"""Which reader reads which tracker: `import --from NAME` looks its module up here, and loads
only the one asked for (defusedxml, say, only for Apple Health)."""

from __future__ import annotations

import importlib
from pathlib import Path

from legease_tui.adapters.trackers.common import Progress
from legease_tui.core.log.tracker.period import SleepPeriod

READERS = {
    "sleep-as-android": "legease_tui.adapters.trackers.sleep_as_android",
    "fitbit": "legease_tui.adapters.trackers.fitbit",
    "apple-health": "legease_tui.adapters.trackers.apple_health",
}
"""Each `import --from` name and the module whose `read(path, progress)` reads it."""


def read_tracker(source: str, path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """Every sleep period in `path`, read by the `source` tracker's reader."""
    reader = importlib.import_module(READERS[source])
    periods: list[SleepPeriod] = reader.read(path, progress)
    return periods
