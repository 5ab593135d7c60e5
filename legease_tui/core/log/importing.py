"""Read LegEase's own CSV or JSON export back (`legease import`): every night, and a sleep
tracker's periods kept beside them.

An import is checked row by row before anything is saved; one bad row refuses the whole file,
naming the row and the field.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date

from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry, parse_entry
from legease_tui.core.log.diary.figures import FIGURE_COLUMNS
from legease_tui.core.log.export import (
    CSV_COLUMNS,
    EXPORT_KIND,
    EXPORT_VERSION,
    UNREADABLE_KEY,
    unguard_cell,
)
from legease_tui.core.log.tracker.export import (
    TRACKER_COLUMNS,
    TRACKER_KEY,
    UNREADABLE_TRACKER_KEY,
)
from legease_tui.core.log.tracker.importing import csv_periods, read_periods
from legease_tui.core.log.tracker.period import PeriodInvalid, SleepPeriod
from legease_tui.core.quoting import quoted


class ImportInvalid(ValueError):
    """The file cannot be imported; nothing was saved. The message names the row and field."""


@dataclass(frozen=True)
class ImportRows:
    """Raw rows from a file, numbered as a person would find them (CSV: line numbers)."""

    rows: list[tuple[int, dict[str, object]]]
    label: str  # "row" or "night"
    unreadable: tuple[str, ...] = ()
    """Nights a JSON export kept as stored because they could not be read (not imported)."""
    periods: tuple[SleepPeriod, ...] = ()
    """A sleep tracker's periods, exported beside the nights."""


def _rows_from_json(text: str) -> ImportRows:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ImportInvalid(f"not valid JSON: {error}") from None
    if not isinstance(document, dict) or document.get("kind") != EXPORT_KIND:
        raise ImportInvalid(f'not a LegEase export (expected "kind": "{EXPORT_KIND}")')
    version = document.get("version")
    if type(version) is not int or not 1 <= version <= EXPORT_VERSION:  # bool is an int too
        raise ImportInvalid(
            f"export version {quoted(version)} is not one this LegEase reads "
            f"(1 to {EXPORT_VERSION})"
        )
    nights = document.get("nights")
    if not isinstance(nights, list):
        raise ImportInvalid('"nights" must be a list of nights')
    rows = []
    for number, item in enumerate(nights, start=1):
        if not isinstance(item, dict):
            raise ImportInvalid(f"night {number}: must be an object with fields")
        rows.append((number, item))
    kept = document.get(UNREADABLE_KEY, [])
    if not isinstance(kept, list):
        raise ImportInvalid(f'"{UNREADABLE_KEY}" must be a list of nights')
    labels = tuple(str(item.get("night")) if isinstance(item, dict) else "?" for item in kept)
    kept_periods = document.get(UNREADABLE_TRACKER_KEY, [])
    if not isinstance(kept_periods, list):
        raise ImportInvalid(f'"{UNREADABLE_TRACKER_KEY}" must be a list of sleep periods')
    labels += tuple(
        f"{item.get('night') if isinstance(item, dict) else '?'} (a sleep tracker period)"
        for item in kept_periods
    )
    try:
        periods = read_periods(document.get(TRACKER_KEY, []), "device period")
    except PeriodInvalid as error:
        raise ImportInvalid(str(error)) from None
    return ImportRows(rows, "night", labels, tuple(periods))


def _rows_from_csv(text: str) -> ImportRows:
    """Rows numbered by the file's line where each starts: a quoted cell may hold line breaks,
    so one record can span lines (`line_num` counts lines read, not records)."""
    # newline="": the csv module itself reads \n, \r\n and \r line ends, inside quotes too.
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] = []
    for cells in reader:  # blank lines before the header are skipped, and still counted
        if any(cell.strip() for cell in cells):
            header = [cell.strip() for cell in cells]
            break
    known = {*CSV_COLUMNS, *TRACKER_COLUMNS}
    unknown = [name for name in header if name not in known]
    if "night" not in header or unknown:
        raise ImportInvalid(
            "the CSV header must name LegEase fields including 'night'"
            + (f"; unknown: {', '.join(unknown)}" if unknown else "")
        )
    rows: list[tuple[int, dict[str, object]]] = []
    periods: list[SleepPeriod] = []
    start = reader.line_num + 1
    for cells in reader:
        if cells:  # an empty line is no record
            if len(cells) > len(header):
                raise ImportInvalid(f"line {start}: more cells than the header has")
            pairs = zip(header, cells, strict=False)  # a short row: the rest are not given
            row: dict[str, object] = {key: unguard_cell(c) if c else c for key, c in pairs}
            kept = str(row.pop("device_periods", "") or "")
            for name in (*TRACKER_COLUMNS, *FIGURE_COLUMNS):  # worked out again, not read
                row.pop(name, None)
            try:
                periods += csv_periods(kept, start) if kept else []
            except PeriodInvalid as error:
                raise ImportInvalid(str(error)) from None
            # A night only the tracker saw (its diary cells blank) makes no diary entry.
            if not kept or any(value for key, value in row.items() if key != "night"):
                rows.append((start, row))
        start = reader.line_num + 1
    return ImportRows(rows, "line", periods=tuple(periods))


def read_import(
    text: str,
    tonight: date | None = None,
    left_out: list[str] | None = None,
    devices: list[SleepPeriod] | None = None,
) -> list[NightEntry]:
    """Every night in an exported JSON or CSV file, all checked (with `tonight`, the latest
    night allowed); raises `ImportInvalid`. Nothing is saved here: the caller saves them all.
    The labels of nights a JSON export kept as unreadable are added to `left_out`."""
    body = text.removeprefix("\ufeff")  # whitespace is kept: the line numbers count it
    is_json = body.lstrip().startswith("{")
    found = _rows_from_json(body) if is_json else _rows_from_csv(body)
    if left_out is not None:
        left_out.extend(found.unreadable)
    if devices is not None:  # a sleep tracker's periods, exported beside the diary
        devices.extend(found.periods)
    entries: dict[date, NightEntry] = {}
    for number, row in found.rows:
        try:
            entry = parse_entry(row, tonight=tonight)
        except EntryInvalid as error:
            raise ImportInvalid(f"{found.label} {number}: {error}") from None
        if entry.night in entries:
            raise ImportInvalid(f"{found.label} {number}: night {entry.night} appears twice")
        entries[entry.night] = entry
    return list(entries.values())
