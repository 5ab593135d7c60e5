"""One source of time. Everything that waits or measures takes a `Clock`.

Timers run on monotonic deadlines; `now()` is only for what a person reads (dates, log entries).
Tests use `FakeClock` and advance it by hand, so a 15-minute routine runs in milliseconds.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What the core needs to know about time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for deadlines)."""
        ...

    def now(self) -> datetime:
        """The local wall-clock time, time-zone aware."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


class FakeClock:
    """A clock that moves only when told to: `advance(seconds)`."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._wall = start or datetime(2026, 11, 24, 21, 30).astimezone()
        self._mono = monotonic_start

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Move both clocks forward together."""
        if seconds < 0:
            raise ValueError("a clock only moves forward")
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def set_wall(self, when: datetime) -> None:
        """Jump the wall clock (as after a laptop sleep or a time-zone change)."""
        self._wall = when
