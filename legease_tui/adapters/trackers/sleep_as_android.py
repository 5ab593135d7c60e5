"""Sleep as Android: `sleep-export.csv`, or the backup zip that holds it.

The file repeats a header line (`Id,Tz,From,To,Sched,Hours,Rating,Comment,...`) before each
record, and each record has its own number of columns (one per actigraphy sample, then events),
sometimes with a noise line under it. As the sleepdiary project documents the format: the start
is `Id` (milliseconds since 1970), the end `Id` + `Hours`, both shown in the record's own `Tz`, so
a night when the clocks change keeps its true length; time asleep is `Hours` plus `LenAdjust`
(minutes, zero or less; "-1.0" marks a record added by hand); tags are `#words` in `Comment`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from legease_tui.adapters.trackers.common import (
    Progress,
    TrackerInvalid,
    find_member,
    open_member,
)
from legease_tui.core.log.device import PeriodInvalid, SleepPeriod, make_period

SOURCE = "sleep-as-android"
EXPORT_NAME = "sleep-export.csv"
FIELDS = (
    *("Id", "Tz", "From", "To", "Sched", "Hours", "Rating", "Comment"),
    *("Framerate", "Snore", "Noise", "Cycles", "DeepSleep", "LenAdjust", "Geo"),
)
ADDED_BY_HAND = "-1.0"
TAG = re.compile(r"#([^\W\d_][\w-]*?)(?:_\d+x)?(?=\W|$)")
DATE_FORMAT = "%d. %m. %Y %H:%M"


def read(path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """Every record in the export at `path` (the CSV or the backup zip)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            name = find_member(archive, EXPORT_NAME, path)
            member, _size = open_member(archive, name)
            with member:
                raw = member.read()
        label = f"{path} ({name})"
    else:
        raw = path.read_bytes()
        label = str(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TrackerInvalid(f"{label}: not UTF-8 text (byte {error.start})") from None
    return read_text(text, label)


def read_text(text: str, label: str) -> list[SleepPeriod]:
    """The records of a `sleep-export.csv`'s text; `label` names it in messages."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    periods: list[SleepPeriod] = []
    line = 1
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                pass  # a blank line, or a noise line under a record: nothing to read
            elif cells[0] == "Id":
                header = _checked_header(cells, label, line)
            elif header is None or not cells[0].strip().isdigit():
                raise TrackerInvalid(
                    f"{label}, line {line}: not a Sleep as Android line (a header starting "
                    "'Id,Tz,From' or a record starting with its Id was expected)"
                )
            else:
                periods.append(_record(dict(zip(header, cells, strict=False)), label, line))
            line = reader.line_num + 1
    except csv.Error as error:
        raise TrackerInvalid(f"{label}, line {line}: not readable as CSV ({error})") from None
    if not periods:
        raise TrackerInvalid(f"{label}: no Sleep as Android records in it")
    return periods


def _checked_header(cells: list[str], label: str, line: int) -> list[str]:
    missing = [name for name in FIELDS if name not in cells]
    if missing:
        raise TrackerInvalid(f"{label}, line {line}: the header lacks {', '.join(missing)}")
    return cells


def _record(row: dict[str, str], label: str, line: int) -> SleepPeriod:
    where = f"{label}, line {line} (record {row.get('Id', '?')})"
    absent = [name for name in FIELDS if name not in row]
    if absent:
        raise TrackerInvalid(
            f"{where}: the record is cut short ({len(FIELDS) - len(absent)} of the "
            f"{len(FIELDS)} fields up to Geo; {', '.join(absent)} missing)"
        )
    try:
        zone = ZoneInfo(row["Tz"])
    except (ZoneInfoNotFoundError, ValueError):
        raise TrackerInvalid(f"{where}: Tz: {row['Tz']!r} is not a known time zone") from None
    try:
        datetime.strptime(row["From"].strip(), DATE_FORMAT)
    except ValueError:
        raise TrackerInvalid(
            f"{where}: From: {row['From']!r} is not a date like '01. 12. 2020 20:00'"
        ) from None
    hours = _number(row, "Hours", where)
    adjust = row["LenAdjust"].strip()
    by_hand = adjust == ADDED_BY_HAND
    lost = 0.0 if by_hand else -_number(row, "LenAdjust", where)
    start = datetime.fromtimestamp(int(row["Id"]) / 1000, zone)
    # Timestamps, not wall times: through a clock change the record keeps its true length.
    end = datetime.fromtimestamp(int(row["Id"]) / 1000 + hours * 3600, zone)
    try:
        return make_period(
            SOURCE,
            row["Id"].strip(),
            start.replace(microsecond=0),
            end.replace(microsecond=0),
            asleep=hours * 60 - lost,
            awake=None if by_hand else lost,
            tags=(match.lower() for match in TAG.findall(row["Comment"])),
        )
    except PeriodInvalid as error:
        raise TrackerInvalid(f"{where}: {error}") from None


def _number(row: dict[str, str], name: str, where: str) -> float:
    try:
        value = float(row[name])
    except ValueError:
        raise TrackerInvalid(f"{where}: {name}: {row[name]!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise TrackerInvalid(f"{where}: {name}: {row[name]!r} is not a number")
    return value
