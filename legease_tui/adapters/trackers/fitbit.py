"""Fitbit (a Google Takeout or Fitbit account export): `sleep-YYYY-MM-DD.json` files, or the folder
holding them. Each file is a list of sleep logs with `logId`, `startTime` and `endTime` (local
time, no offset), `duration` (milliseconds), `minutesToFallAsleep`, `minutesAsleep`,
`minutesAwake`, `timeInBed`, `efficiency` and `isMainSleep` (`mainSleep` in some exports).

Times without an offset read on the wall clock: on the night the clocks go forward, 23:00 to
07:00 is seven hours, not eight. So time in bed is the log's own `timeInBed` (else its
`duration`), as Fitbit's Web API defines them, never end minus start.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from legease_tui.adapters.trackers.common import (
    Progress,
    TrackerInvalid,
    quoted,
    read_small_file,
)
from legease_tui.core.log.tracker.period import PeriodInvalid, SleepPeriod, make_period

SOURCE = "fitbit"
PATTERN = "sleep-*.json"
LARGEST_FILE = 64 * 1024**2
"""A month of sleep logs, with their 30-second levels, is well under a megabyte."""


def read(path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """Every sleep log in the file, or in every `sleep-*.json` under the folder."""
    files = sorted(path.rglob(PATTERN)) if path.is_dir() else [path]
    if not files:
        raise TrackerInvalid(f"{path}: no {PATTERN} files in this folder")
    sizes = [_size(file) for file in files]
    done = 0
    periods: list[SleepPeriod] = []
    for file, size in zip(files, sizes, strict=True):
        periods.extend(_read_file(file))
        done += size
        if progress is not None:
            progress(done, sum(sizes))
    return periods


def _size(file: Path) -> int:
    """For the progress bar only: reading the file says what is wrong with it, if anything."""
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _read_file(file: Path) -> list[SleepPeriod]:
    data = read_small_file(file, LARGEST_FILE, "a Fitbit sleep file")
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise TrackerInvalid(f"{file}: not valid JSON ({error})") from None
    if isinstance(document, dict) and isinstance(document.get("sleep"), list):
        document = document["sleep"]  # the web API's shape
    if not isinstance(document, list):
        raise TrackerInvalid(f"{file}: expected a list of sleep logs")
    return [_record(item, f"{file}, record {number}") for number, item in enumerate(document, 1)]


def _time(item: dict[str, Any], name: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(item[name]))
    except KeyError:
        raise TrackerInvalid(f"{where}: {name} is missing") from None
    except ValueError:
        raise TrackerInvalid(
            f"{where}: {name}: {quoted(item[name])} is not a date and time"
        ) from None
    return moment.replace(microsecond=0)


def _in_bed(item: dict[str, Any], where: str) -> Any:
    """The log's own minutes in bed: `timeInBed`, else `duration` (ms); None when neither."""
    if "timeInBed" in item:
        return item["timeInBed"]  # make_period checks it is a number of minutes
    duration = item.get("duration")
    if isinstance(duration, bool) or not isinstance(duration, int | float | None):
        raise TrackerInvalid(
            f"{where}: duration must be a number of milliseconds (got {quoted(duration)})"
        )
    if isinstance(duration, int):
        return (duration + 30_000) // 60_000  # an int of any size: no float to overflow
    return None if duration is None else duration / 60_000


def _record(item: Any, where: str) -> SleepPeriod:
    if not isinstance(item, dict):
        raise TrackerInvalid(f"{where}: must be an object with fields")
    log_id = item.get("logId")
    if isinstance(log_id, bool) or not isinstance(log_id, int | str) or log_id == "":
        raise TrackerInvalid(f"{where}: logId is missing")
    where = f"{where} (logId {quoted(log_id, 40) if isinstance(log_id, str) else log_id})"
    main = item.get("isMainSleep", item.get("mainSleep"))
    if main is not None and not isinstance(main, bool):
        raise TrackerInvalid(f"{where}: isMainSleep must be true or false (got {main!r})")
    start, end = _time(item, "startTime", where), _time(item, "endTime", where)
    try:
        return make_period(
            SOURCE,
            str(log_id),
            start,
            end,
            asleep=item.get("minutesAsleep"),
            awake=item.get("minutesAwake"),
            to_sleep=item.get("minutesToFallAsleep"),
            main=main,
            in_bed=_in_bed(item, where),
        )
    except PeriodInvalid as error:
        raise TrackerInvalid(f"{where}: {error}") from None
