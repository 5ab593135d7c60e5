"""Fitbit (a Google Takeout or Fitbit account export): `sleep-YYYY-MM-DD.json` files, or the folder
holding them. Each file is a list of sleep logs with `logId`, `startTime` and `endTime` (local
time, no offset), `minutesToFallAsleep`, `minutesAsleep`, `minutesAwake`, `timeInBed`,
`efficiency` and `isMainSleep` (`mainSleep` in some exports).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from legease_tui.adapters.trackers.common import Progress, TrackerInvalid
from legease_tui.core.log.device import PeriodInvalid, SleepPeriod, make_period

SOURCE = "fitbit"
PATTERN = "sleep-*.json"


def read(path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """Every sleep log in the file, or in every `sleep-*.json` under the folder."""
    files = sorted(path.rglob(PATTERN)) if path.is_dir() else [path]
    if not files:
        raise TrackerInvalid(f"{path}: no {PATTERN} files in this folder")
    total = sum(file.stat().st_size for file in files)
    done = 0
    periods: list[SleepPeriod] = []
    for file in files:
        periods.extend(_read_file(file))
        done += file.stat().st_size
        if progress is not None:
            progress(done, total)
    return periods


def _read_file(file: Path) -> list[SleepPeriod]:
    try:
        document = json.loads(file.read_bytes())
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
        raise TrackerInvalid(f"{where}: {name}: {item[name]!r} is not a date and time") from None
    return moment.replace(microsecond=0)


def _record(item: Any, where: str) -> SleepPeriod:
    if not isinstance(item, dict):
        raise TrackerInvalid(f"{where}: must be an object with fields")
    log_id = item.get("logId")
    if isinstance(log_id, bool) or not isinstance(log_id, int | str) or log_id == "":
        raise TrackerInvalid(f"{where}: logId is missing")
    where = f"{where} (logId {log_id})"
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
        )
    except PeriodInvalid as error:
        raise TrackerInvalid(f"{where}: {error}") from None
