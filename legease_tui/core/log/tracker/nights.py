"""A tracker's periods gathered into nights (noon to noon, as the diary's): per source, the
main sleep period is the night's, the others are naps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from legease_tui.core.log.tracker.period import SOURCES, SleepPeriod


@dataclass(frozen=True)
class TrackerNight:
    """One source's view of one night: its main sleep period, the naps beside it, and other
    readings of the main sleep's own stretch of time (an older import's, say), which are
    neither counted nor naps."""

    night: date
    source: str
    main: SleepPeriod
    naps: tuple[SleepPeriod, ...]
    overlapping: tuple[SleepPeriod, ...] = ()

    @property
    def label(self) -> str:
        return SOURCES.get(self.source, self.source)

    @property
    def record_ids(self) -> tuple[str, ...]:
        others = (*self.naps, *self.overlapping)
        return (self.main.record_id, *(period.record_id for period in others))


def _main_first(periods: list[SleepPeriod]) -> list[SleepPeriod]:
    """The tracker's own main mark wins; then a period with time asleep over one without (an
    in-bed record alone is never the night's sleep when a sleep record is there); then the
    longest time in bed, then the earliest."""
    return sorted(
        periods,
        key=lambda p: (p.main is not True, not p.minutes_asleep, -p.minutes_in_bed, p.start),
    )


def _overlap(one: SleepPeriod, other: SleepPeriod) -> bool:
    return one.start < other.end and other.start < one.end


def tracker_nights(periods: Iterable[SleepPeriod]) -> list[TrackerNight]:
    """Periods gathered into nights, one per night and source, oldest first. A period that
    overlaps the main sleep is never a nap."""
    grouped: dict[tuple[date, str], list[SleepPeriod]] = {}
    for period in periods:
        grouped.setdefault((period.night, period.source), []).append(period)
    nights = []
    for (night, source), found in sorted(grouped.items()):
        main, *others = _main_first(found)
        others.sort(key=lambda p: p.start)
        naps = tuple(p for p in others if not _overlap(p, main))
        overlapping = tuple(p for p in others if _overlap(p, main))
        nights.append(TrackerNight(night, source, main, naps, overlapping))
    return nights
