"""Diary and tracker side by side for Trends: the same span, each with its own count of nights,
so neither is read as the other and a gap between them is plain to see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from legease_tui.core.durations import minutes_text
from legease_tui.core.log.device import DeviceNight
from legease_tui.core.log.entry import NightEntry
from legease_tui.core.log.stats import mean


@dataclass(frozen=True)
class SleepSide:
    """One side's average sleep over the span and how many nights it stands on."""

    label: str
    nights: int
    asleep: float | None
    efficiency: float | None

    def line(self) -> str:
        if not self.nights:
            return f"{self.label}: no nights"
        asleep = minutes_text(round(self.asleep)) if self.asleep is not None else "–"
        eff = f" · efficiency {self.efficiency:.0f} %" if self.efficiency is not None else ""
        plural = "s" if self.nights != 1 else ""
        return f"{self.label}: asleep {asleep} on average{eff} ({self.nights} night{plural})"


def sleep_side_by_side(
    entries: Sequence[NightEntry], tracked: Sequence[DeviceNight], start: date, end: date
) -> list[SleepSide]:
    """The diary's average sleep from `start` to `end`, then each tracker's (main sleep)."""
    diary = [e.sleep for e in entries if start <= e.night <= end and e.sleep.minutes_asleep]
    sides = [
        SleepSide(
            "Diary",
            len(diary),
            mean(s.minutes_asleep for s in diary),
            mean(s.efficiency for s in diary),
        )
    ]
    for source in sorted({night.source for night in tracked}):
        mains = [n.main for n in tracked if n.source == source and start <= n.night <= end]
        label = next(n.label for n in tracked if n.source == source)
        sides.append(
            SleepSide(
                label,
                len(mains),
                mean(p.minutes_asleep for p in mains),
                mean(p.efficiency for p in mains),
            )
        )
    return sides
