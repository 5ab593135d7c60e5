"""Sleep as Android: `sleep-export.csv`, or the backup zip that holds it.

The file repeats a header line (`Id,Tz,From,To,Sched,Hours,Rating,Comment,...`) before each
record, and each record has its own number of columns (one per actigraphy sample, then events),
sometimes with a noise line under it. As the sleepdiary project documents the format: the start
is `Id` (milliseconds since 1970), the end `Id` + `Hours`, both shown in the record's own `Tz`, so
a night when the clocks change keeps its true length; time asleep is `Hours` plus `LenAdjust`
(minutes, zero or less; "-1.0" marks a record added by hand); tags are `#words` in `Comment`.

The file is streamed, from the zip too, a line at a time: a line over a mebibyte, or a file over
256 MiB unpacked (ten years of nights take a few tens of megabytes), is refused naming it, and a
run of blank lines is skipped without reading each one into a line of its own.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from legease_tui.adapters.trackers.common import (
    CountingReader,
    Progress,
    TrackerInvalid,
    open_export,
    quoted,
)
from legease_tui.core.log.tracker.period import YEARS, PeriodInvalid, SleepPeriod, make_period

SOURCE = "sleep-as-android"
EXPORT_NAME = "sleep-export.csv"
FIELDS = (
    *("Id", "Tz", "From", "To", "Sched", "Hours", "Rating", "Comment"),
    *("Framerate", "Snore", "Noise", "Cycles", "DeepSleep", "LenAdjust", "Geo"),
)
ADDED_BY_HAND = "-1.0"
TAG = re.compile(r"#([^\W\d_][\w-]*?)(?:_\d+x)?(?=\W|$)")
DATE_FORMAT = "%d. %m. %Y %H:%M"
LONGEST_LINE = 1024**2
LARGEST_FILE = 256 * 1024**2
CHUNK = 64 * 1024
NOT_BLANK = re.compile(rb"[^\r\n][^\n]*\n?")
"""A line with something on it: runs of blank lines between are skipped at C speed."""
FIRST_ID = datetime(YEARS.start, 1, 1).timestamp() * 1000
LAST_ID = datetime(YEARS.stop, 1, 1).timestamp() * 1000


def read(path: Path, progress: Progress | None = None) -> list[SleepPeriod]:
    """Every record in the export at `path` (the CSV or the backup zip)."""
    with open_export(path, EXPORT_NAME, LARGEST_FILE) as export:
        lines = Lines(CountingReader(export, progress), export.label)
        return read_lines(lines, export.label)


class Lines:
    """The lines of a stream that have something on them, as text, each numbered as a person
    counts lines (blank ones too). `record_start` holds the number of the first line given
    since it was last set to None: where a record (perhaps of several lines) starts."""

    def __init__(self, raw: CountingReader, label: str) -> None:
        self.raw = raw
        self.label = label
        self.record_start: int | None = None

    def __iter__(self) -> Iterator[str]:
        pending = b""  # the start of a line the chunks read so far have not ended
        number = 1  # the number of the line `pending` starts
        while chunk := self.raw.read(CHUNK):
            if self.raw.done > LARGEST_FILE:
                raise TrackerInvalid(
                    f"{self.label}: over {LARGEST_FILE // 1024**2} MiB: too large to be an export"
                )
            data = pending + chunk
            ended = data.rfind(b"\n") + 1
            pending = data[ended:]
            if len(pending) > LONGEST_LINE:
                raise self._too_long(number + data.count(b"\n", 0, ended))
            if not data[:ended].strip(b"\r\n"):
                number += data.count(b"\n", 0, ended)  # only blank lines: nothing to give
                continue
            yield from self._lines(data, ended, number)
            number += data.count(b"\n", 0, ended)
        if pending:
            yield from self._lines(pending + b"\n", len(pending) + 1, number)

    def _lines(self, data: bytes, ended: int, number: int) -> Iterator[str]:
        at = 0
        for found in NOT_BLANK.finditer(data, 0, ended):
            number += data.count(b"\n", at, found.start())
            at = found.end()
            line = found.group()
            if len(line) > LONGEST_LINE:
                raise self._too_long(number)
            if self.record_start is None:
                self.record_start = number
            try:
                yield line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                raise TrackerInvalid(
                    f"{self.label}, line {number}: not UTF-8 text (byte {error.start + 1} of "
                    "the line)"
                ) from None
            number += 1

    def _too_long(self, number: int) -> TrackerInvalid:
        return TrackerInvalid(
            f"{self.label}, line {number}: longer than {LONGEST_LINE // 1024**2} MiB: "
            "no Sleep as Android line is"
        )


def read_lines(lines: Lines, label: str) -> list[SleepPeriod]:
    """The records in `lines`; raises TrackerInvalid naming the line."""
    reader = csv.reader(lines)
    header: list[str] | None = None
    periods: list[SleepPeriod] = []
    while True:
        lines.record_start = None
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise TrackerInvalid(
                f"{label}, line {lines.record_start}: not readable as CSV ({error})"
            ) from None
        line = lines.record_start or 0
        if not any(cell.strip() for cell in cells):
            continue  # a noise line under a record, or commas alone: nothing to read
        if cells[0] == "Id":
            header = _checked_header(cells, label, line)
        elif header is None:
            raise TrackerInvalid(
                f"{label}, line {line}: not a Sleep as Android line (a header starting "
                "'Id,Tz,From' was expected)"
            )
        elif not _is_id(cells[0]):
            raise TrackerInvalid(
                f"{label}, line {line}: not a Sleep as Android line (a header starting "
                f"'Id,Tz,From', or a record starting with its Id: {quoted(cells[0], 24)} is "
                "not a number)"
            )
        else:
            periods.append(_record(dict(zip(header, cells, strict=False)), label, line))
    if not periods:
        raise TrackerInvalid(f"{label}: no Sleep as Android records in it")
    return periods


def _is_id(cell: str) -> bool:
    return cell.strip().isascii() and cell.strip().isdigit()


def _checked_header(cells: list[str], label: str, line: int) -> list[str]:
    missing = [name for name in FIELDS if name not in cells]
    if missing:
        raise TrackerInvalid(f"{label}, line {line}: the header lacks {', '.join(missing)}")
    return cells


def _record(row: dict[str, str], label: str, line: int) -> SleepPeriod:
    given = row.get("Id", "?").strip()
    shown = given if _is_id(given) and len(given) <= 20 else quoted(given, 24)
    where = f"{label}, line {line} (record {shown})"
    absent = [name for name in FIELDS if name not in row]
    if absent:
        raise TrackerInvalid(
            f"{where}: the record is cut short ({len(FIELDS) - len(absent)} of the "
            f"{len(FIELDS)} fields up to Geo; {', '.join(absent)} missing)"
        )
    try:
        zone = ZoneInfo(row["Tz"])
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a folder of zones
        raise TrackerInvalid(f"{where}: Tz: {quoted(row['Tz'])} is not a known time zone") from None
    try:
        datetime.strptime(row["From"].strip(), DATE_FORMAT)
    except ValueError:
        raise TrackerInvalid(
            f"{where}: From: {quoted(row['From'])} is not a date like '01. 12. 2020 20:00'"
        ) from None
    millis = int(given) if _is_id(given) and len(given) <= 16 else -1
    if not FIRST_ID <= millis < LAST_ID:
        raise TrackerInvalid(
            f"{where}: Id: not a time a tracker recorded (milliseconds since 1970, in the "
            f"years {YEARS.start} to {YEARS.stop - 1})"
        )
    hours = _number(row, "Hours", where)
    if not 0 < hours <= 24:
        raise TrackerInvalid(f"{where}: Hours must be more than 0 and at most 24 (got {hours:g})")
    adjust = row["LenAdjust"].strip()
    by_hand = adjust == ADDED_BY_HAND
    lost = 0.0 if by_hand else -_number(row, "LenAdjust", where)
    start = datetime.fromtimestamp(millis / 1000, zone)
    # Timestamps, not wall times: through a clock change the record keeps its true length.
    end = datetime.fromtimestamp(millis / 1000 + hours * 3600, zone)
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
        raise TrackerInvalid(f"{where}: {name}: {quoted(row[name])} is not a number") from None
    if not math.isfinite(value):
        raise TrackerInvalid(f"{where}: {name}: {quoted(row[name])} is not a number")
    return value
