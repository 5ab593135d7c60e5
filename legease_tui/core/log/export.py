"""Export the log as CSV, JSON or a one-page Markdown summary for a doctor.

JSON and CSV carry every field of every night, so `legease import` (`importing.py`) gives back the
same nights, and the diary's time in bed, total sleep and efficiency as the log shows them (for a
spreadsheet; import works them out again from the times).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from legease_tui.core.durations import minutes_text
from legease_tui.core.log.averages import mean
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.diary.fields import FLAG_TAG, SPECS
from legease_tui.core.log.diary.figures import FIGURE_COLUMNS, SleepFigures, figure_values
from legease_tui.core.log.repository import LoggedNight
from legease_tui.core.log.stats import period_figures
from legease_tui.core.log.tracker.export import (
    TRACKER_COLUMNS,
    TRACKER_KEY,
    UNREADABLE_TRACKER_KEY,
    by_night,
    periods_json,
    summary_lines,
    tracker_cells,
    unreadable_json,
)
from legease_tui.core.log.tracker.period import SleepPeriod
from legease_tui.core.log.tracker.store import UnreadablePeriod
from legease_tui.core.log.unreadable import UnreadableNight
from legease_tui.core.text import json_text, terminal_safe

FORMATS = ("csv", "json", "md")
EXPORT_KIND = "legease-nights"
EXPORT_VERSION = 1


UNREADABLE_KEY = "unreadable"
"""Where a JSON export keeps stored nights that could not be read, exactly as stored (a backup
never loses them); import names them and leaves them out."""


def export_json(
    entries: list[NightEntry],
    unreadable: Sequence[UnreadableNight] = (),
    devices: Sequence[SleepPeriod] = (),
    unreadable_devices: Sequence[UnreadablePeriod] = (),
) -> str:
    nights = [
        {**entry.as_values(), **figure_values(entry.sleep)}
        for entry in sorted(entries, key=lambda e: e.night)
    ]
    document: dict[str, object] = {"kind": EXPORT_KIND, "version": EXPORT_VERSION, "nights": nights}
    if devices:  # apart from the diary's nights: a tracker's figures never pass as the diary's
        document[TRACKER_KEY] = periods_json(devices)
    if unreadable_devices:
        document[UNREADABLE_TRACKER_KEY] = unreadable_json(unreadable_devices)
    if unreadable:
        document[UNREADABLE_KEY] = [
            {"night": night.label, "problem": night.problem, "record": night.record}
            for night in unreadable
        ]
    return json_text(document) + "\n"


# A spreadsheet runs a cell starting with one of these as a formula. Such a cell gets a "'" in
# front (the spreadsheet's own "this is text" mark), and import takes exactly one "'" off a cell
# that starts with "'" and then one of these or "'". So that this gives back every cell, a cell
# import would change ("'=x", "''x") gets a "'" too; "'quoted'" is left as it is.
FORMULA_STARTS = ("=", "+", "-", "@")
_GUARDED_STARTS = (*FORMULA_STARTS, "'")


def guard_cell(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs; `unguard_cell` gives it back."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) or unguard_cell(cell) != cell else cell


def unguard_cell(cell: str) -> str:
    """The cell `guard_cell` was given (a "'" not followed by a guarded start is kept)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_GUARDED_STARTS) else cell


_AFTER_TIMES = list(SPECS).index("out_of_bed") + 1
CSV_COLUMNS = (*list(SPECS)[:_AFTER_TIMES], *FIGURE_COLUMNS, *list(SPECS)[_AFTER_TIMES:])
"""The diary's columns: its fields, with the sleep figures after the times they come from."""


def _csv_cells(entry: NightEntry) -> dict[str, str]:
    figures = figure_values(entry.sleep)
    shown = {name: "" if value is None else f"{value:g}" for name, value in figures.items()}
    return entry.as_text() | shown


def export_csv(entries: list[NightEntry], devices: Sequence[SleepPeriod] = ()) -> str:
    """One row a night; with tracker data its columns too, and rows for nights only it saw."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    tracked = by_night(devices)
    writer.writerow([*CSV_COLUMNS, *(TRACKER_COLUMNS if devices else ())])
    logged = {entry.night for entry in entries}
    alone = [(night, {"night": night.isoformat()}) for night in tracked if night not in logged]
    for night, cells in sorted(
        [*((e.night, _csv_cells(e)) for e in entries), *alone], key=lambda p: p[0]
    ):
        row = [cells.get(name, "") for name in CSV_COLUMNS]
        if devices:
            row += tracker_cells(tracked.get(night, [])).values()
        writer.writerow(guard_cell(cell) for cell in row)
    return out.getvalue()


_MARKDOWN_SPECIAL = "\\`*_[]<>&|~#!"


def markdown_text(text: str) -> str:
    """`text` on one line of Markdown as written: emphasis, links, code and raw HTML escaped,
    control characters shown as escapes (the summary is read by people, not programs)."""
    flat = " ".join(terminal_safe(text).split())
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in flat)


def _flagged(entry: NightEntry) -> bool:
    return bool(entry.note) and (FLAG_TAG in entry.tags or entry.note.startswith("!"))


def _figure(value: float | None, unit: str = "") -> str:
    return "–" if value is None else f"{value:g}{unit}"


def doctor_summary(
    nights: list[LoggedNight],
    start: date | None,
    end: date | None,
    devices: Sequence[SleepPeriod] = (),
) -> str:
    """One page of Markdown: range, averages, cramp and restless nights, routines, flagged notes."""
    ordered = sorted(nights, key=lambda night: night.night)
    first = start or (ordered[0].night if ordered else None)
    last = end or (ordered[-1].night if ordered else None)
    span = f"{first} to {last}" if first and last else "no nights logged"
    figures = period_figures(ordered)
    entries = [night.entry for night in ordered]
    sleep = [entry.sleep for entry in entries]
    lines = [
        "# Leg tension and sleep — summary for my doctor",
        "",
        f"**Period:** {span} · **nights logged:** {figures.nights}",
        "",
        "| Measure | Value |",
        "|---|---|",
        f"| Average leg tension at bedtime (0–10) | {_average([e.tension for e in entries])} |",
        f"| Average cramps a night | {_average([e.cramps for e in entries])} |",
        f"| Average worst cramp (0–10) | {_average([e.worst_cramp for e in entries])} |",
        f"| Nights with cramps | {figures.cramp_nights.text()} |",
        f"| Nights with a restless urge to move | {figures.restless_nights.text()} |",
        f"| Nights with the stretching routine done | {figures.routines} of {figures.nights} |",
        f"| Average sleep quality (1–5) | {_average([e.quality for e in entries])} |",
        f"| Average total sleep | {_total_sleep(sleep)} |",
        f"| Average sleep efficiency | {_average([s.efficiency for s in sleep], ' %')} |",
        *summary_lines(devices),
        "",
        "## Notes flagged",
        "",
    ]
    flagged = [entry for entry in entries if _flagged(entry)]
    lines += [
        f"- **{entry.night}:** {markdown_text(entry.note.lstrip('!'))}" for entry in flagged
    ] or [f"None (tag a night '{FLAG_TAG}' or start its note with '!' to flag it)."]
    lines += ["", "_Kept with LegEase, a self-care log; not a diagnosis._", ""]
    return "\n".join(lines)


def _recorded(values: Sequence[float | None]) -> str:
    """' (recorded on 4 of 6 nights)' when some nights did not say; '' when all did."""
    known = sum(1 for value in values if value is not None)
    if known == len(values):
        return ""
    return f" (recorded on {known} of {len(values)} night{'s' if len(values) != 1 else ''})"


def _average(values: Sequence[float | None], unit: str = "") -> str:
    """The mean of the nights that said, and on how many it rests when not all did."""
    return _figure(mean(values), unit) + _recorded(values)


def _total_sleep(sleep: list[SleepFigures]) -> str:
    asleep = [s.minutes_asleep for s in sleep]
    minutes = mean(asleep)
    return (minutes_text(round(minutes)) if minutes is not None else "–") + _recorded(asleep)


def render(
    fmt: str,
    nights: list[LoggedNight],
    start: date | None,
    end: date | None,
    unreadable: Sequence[UnreadableNight] = (),
    devices: Sequence[SleepPeriod] = (),
    unreadable_devices: Sequence[UnreadablePeriod] = (),
) -> str:
    """The export in `fmt` ("csv", "json" or "md"), with the tracker's `devices` periods apart
    from the diary. Only JSON can carry `unreadable` nights and `unreadable_devices` periods as
    stored; the caller names them to the person for the other formats."""
    entries = [night.entry for night in nights]
    if fmt == "csv":
        return export_csv(entries, devices)
    if fmt == "json":
        return export_json(entries, unreadable, devices, unreadable_devices)
    return doctor_summary(nights, start, end, devices)
