"""Which reader reads which tracker: `import --from NAME` looks its reader up here. The readers
load with the log's commands (3 ms, defusedxml's parser among them), never with the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from legease_tui.adapters.trackers import apple_health, fitbit, sleep_as_android
from legease_tui.adapters.trackers.common import Progress
from legease_tui.core.log.tracker.period import SleepPeriod

Reader = Callable[[Path, Progress | None], list[SleepPeriod]]

READERS: dict[str, Reader] = {
    "sleep-as-android": sleep_as_android.read,
    "fitbit": fitbit.read,
    "apple-health": apple_health.read,
}
"""Each `import --from` name and the function that reads its files."""


def read_tracker(source: str, path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """Every sleep period in `path`, read by the `source` tracker's reader."""
    return READERS[source](path, progress)
