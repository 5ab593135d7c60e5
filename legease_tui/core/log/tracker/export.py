"""The tracker's periods in an export, beside the diary's fields (`importing.py` reads them back).

JSON carries every period as stored (`device_nights`), each naming its night, and the stored
periods that no longer read as periods as they are (`device_unreadable`); CSV adds a night's
tracker figures as columns a spreadsheet can use, and the night's periods as JSON in one more
cell, so importing LegEase's own export gives back the tracker's data exactly. The doctor's
summary gets its own lines: the tracker's averages, with how many nights they stand on, next
to the diary's. The `device_*` names are the file format's, from before LegEase called them
trackers, and stay.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from legease_tui.core.durations import minutes_text
from legease_tui.core.log.averages import mean
from legease_tui.core.log.tracker.nights import tracker_nights
from legease_tui.core.log.tracker.period import SleepPeriod
from legease_tui.core.log.tracker.store import UnreadablePeriod

TRACKER_KEY = "device_nights"
"""Where a JSON export keeps every stored tracker period, apart from the diary's nights."""
UNREADABLE_TRACKER_KEY = "device_unreadable"
"""Where a JSON export keeps stored tracker periods that could not be read, as stored."""
TRACKER_COLUMNS = (
    "device_source",
    "device_in_bed",
    "device_asleep",
    "device_awake",
    "device_efficiency",
    "device_naps",
    "device_periods",
)
"""Extra CSV columns, present only when the export holds tracker data."""


def periods_json(periods: Sequence[SleepPeriod]) -> list[dict[str, object]]:
    """Each period's values, led by the night it belongs to."""
    ordered = sorted(periods, key=lambda p: (p.night, p.source, p.record_id))
    return [{"night": p.night.isoformat(), **p.as_values()} for p in ordered]


def unreadable_json(unreadable: Sequence[UnreadablePeriod]) -> list[dict[str, object]]:
    return [{"night": i.night, "problem": i.problem, "period": i.stored} for i in unreadable]


def by_night(periods: Sequence[SleepPeriod]) -> dict[date, list[SleepPeriod]]:
    nights: dict[date, list[SleepPeriod]] = {}
    for period in periods:
        nights.setdefault(period.night, []).append(period)
    return nights


def tracker_cells(periods: Sequence[SleepPeriod]) -> dict[str, str]:
    """The CSV cells of one night's tracker data (blank when there is none)."""
    if not periods:
        return dict.fromkeys(TRACKER_COLUMNS, "")
    nights = tracker_nights(periods)
    main = nights[0].main  # the first source's main sleep; every source is in device_periods

    def text(value: object) -> str:
        return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)

    return {
        "device_source": ", ".join(night.source for night in nights),
        "device_in_bed": text(main.minutes_in_bed),
        "device_asleep": text(main.minutes_asleep),
        "device_awake": text(main.minutes_awake),
        "device_efficiency": text(main.efficiency),
        "device_naps": str(sum(len(night.naps) for night in nights)),
        "device_periods": json.dumps(periods_json(periods), ensure_ascii=False),
    }


def summary_lines(periods: Sequence[SleepPeriod]) -> list[str]:
    """Markdown rows for the doctor's summary: the tracker's figures, kept apart from the diary."""
    if not periods:
        return []
    nights = tracker_nights(periods)
    mains = [night.main for night in nights]
    sources = ", ".join(sorted({night.label for night in nights}))
    asleep = mean(p.minutes_asleep for p in mains)
    in_bed = mean(p.minutes_in_bed for p in mains)
    lines = [
        "",
        f"Measured by a sleep tracker ({sources}), not the diary: {len(mains)} "
        f"night{'s' if len(mains) != 1 else ''}.",
        "",
        "| Tracker measure | Value |",
        "|---|---|",
        f"| Average time in bed | {minutes_text(round(in_bed or 0))} |",
        f"| Average time asleep | {minutes_text(round(asleep)) if asleep is not None else '–'} |",
        f"| Average sleep efficiency | {_percent(mean(p.efficiency for p in mains))} |",
        f"| Naps | {sum(len(n.naps) for n in nights)} |",
    ]
    return lines


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} %"
