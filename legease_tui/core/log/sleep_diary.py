"""The Consensus Sleep Diary's figures (Carney et al., SLEEP 2012): time in bed, total sleep and
sleep efficiency, from times of day that run from the evening into the next morning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from legease_tui.core.log.entry import NightEntry

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class SleepFigures:
    """Computed from the sleep diary times (None where a needed time is missing)."""

    minutes_in_bed: int | None
    minutes_asleep: int | None
    efficiency: float | None
    """Percent of the time in bed spent asleep."""


def minutes_after(start: time, later: time) -> int:
    """Minutes from `start` to the next `later` on the clock (crosses midnight)."""
    span = (later.hour * 60 + later.minute) - (start.hour * 60 + start.minute)
    return span % MINUTES_PER_DAY


def sleep_figures(entry: NightEntry) -> SleepFigures:
    """Time in bed, total sleep and sleep efficiency (Consensus Sleep Diary definitions)."""
    in_bed = None
    if entry.into_bed and entry.out_of_bed:
        in_bed = minutes_after(entry.into_bed, entry.out_of_bed)
    asleep = None
    if entry.lights_out and entry.final_wake:
        window = minutes_after(entry.lights_out, entry.final_wake)
        asleep = max(window - (entry.minutes_to_sleep or 0) - (entry.minutes_awake or 0), 0)
    efficiency = None
    if in_bed and asleep is not None:
        efficiency = round(100 * asleep / in_bed, 1)
    return SleepFigures(in_bed, asleep, efficiency)


FIGURE_COLUMNS = ("minutes_in_bed", "minutes_asleep", "sleep_efficiency")
"""The figures' names in the JSON and CSV exports (minutes, minutes, percent of the time in bed),
so a doctor's spreadsheet need not work them out. Import ignores them: they are worked out again
from the times, so a hand-edited figure can never disagree with its night."""


def figure_values(figures: SleepFigures) -> dict[str, int | float | None]:
    """The figures by export column (None where the night lacks the times)."""
    return dict(
        zip(
            FIGURE_COLUMNS,
            (figures.minutes_in_bed, figures.minutes_asleep, figures.efficiency),
            strict=True,
        )
    )
