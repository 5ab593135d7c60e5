"""Diary and tracker side by side for Trends: the same span, each with its own count of nights,
so neither is read as the other and a gap between them is plain to see.

The diary's nights come in as anything dated with sleep figures (a `NightEntry`): the tracker's
part of the log never needs the diary's form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from legease_tui.core.durations import minutes_text
from legease_tui.core.log.averages import mean
from legease_tui.core.log.tracker.nights import TrackerNight


class _Sleep(Protocol):
    @property
    def minutes_asleep(self) -> int | None: ...

    @property
    def efficiency(self) -> float | None: ...


class _DiaryNight(Protocol):
    @property
    def night(self) -> date: ...

    @property
    def sleep(self) -> _Sleep: ...


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


def _side(label: str, sleeps: Sequence[_Sleep]) -> SleepSide:
    return SleepSide(
        label,
        len(sleeps),
        mean(s.minutes_asleep for s in sleeps),
        mean(s.efficiency for s in sleeps),
    )


def sleep_side_by_side(
    entries: Sequence[_DiaryNight], tracked: Sequence[TrackerNight], start: date, end: date
) -> list[SleepSide]:
    """The diary's average sleep from `start` to `end`, then each tracker's (main sleep)."""
    diary = [e.sleep for e in entries if start <= e.night <= end and e.sleep.minutes_asleep]
    sides = [_side("Diary", diary)]
    for source in sorted({night.source for night in tracked}):
        mains = [n.main for n in tracked if n.source == source and start <= n.night <= end]
        label = next(n.label for n in tracked if n.source == source)
        sides.append(_side(label, mains))
    return sides
