"""The Consensus Sleep Diary's figures (Carney et al., SLEEP 2012): time in bed, total sleep and
sleep efficiency, from times of day that run from the evening into the next morning."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Protocol

MINUTES_PER_DAY = 24 * 60


class DiaryTimes(Protocol):
    """The diary times the figures come from (a `NightEntry` has them): the figures need these
    alone, so they never depend on the entry that carries them."""

    @property
    def into_bed(self) -> time | None: ...
    @property
    def lights_out(self) -> time | None: ...
    @property
    def minutes_to_sleep(self) -> int | None: ...
    @property
    def minutes_awake(self) -> int | None: ...
    @property
    def final_wake(self) -> time | None: ...
    @property
    def out_of_bed(self) -> time | None: ...


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


def sleep_figures(times: DiaryTimes) -> SleepFigures:
    """Time in bed, total sleep and sleep efficiency (Consensus Sleep Diary definitions)."""
    in_bed = None
    if times.into_bed and times.out_of_bed:
        in_bed = minutes_after(times.into_bed, times.out_of_bed)
    asleep = None
    if times.lights_out and times.final_wake:
        window = minutes_after(times.lights_out, times.final_wake)
        asleep = max(window - (times.minutes_to_sleep or 0) - (times.minutes_awake or 0), 0)
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
