"""What the log adds up to: this week vs last, the routine streak, trends, a month calendar and
"what helps" (tension and cramps on nights with a factor vs without it, each difference with
its 95% interval).

Plain functions over lists of `LoggedNight`, so the screens and the doctor's summary share them
and tests check them without a data file.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from legease_tui.core.log.averages import YesCount, mean, yes_count
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.diary.fields import CHECK_NOTE_TAG, FLAG_TAG, Activity
from legease_tui.core.log.query import NightQuery, tags_by_use
from legease_tui.core.log.repository import LoggedNight, LogRepository
from legease_tui.core.log.welch import Difference, welch_difference

MIN_NIGHTS_PER_SIDE = 3
"""A factor is compared only when both sides have at least this many nights."""
HIGH_STRESS = 7
ENOUGH_WATER = 6


@dataclass(frozen=True)
class PeriodFigures:
    """Averages over a set of nights (None where nothing was logged); yes/no counts over the
    nights that answered (a night that did not say is not a "no")."""

    nights: int
    tension: float | None
    cramps: float | None
    cramp_nights: YesCount
    restless_nights: YesCount
    routines: int


def period_figures(nights: list[LoggedNight], routines: int | None = None) -> PeriodFigures:
    """`routines`: the nights with a routine done, when known apart from the logged nights (a
    routine night whose entry was deleted still counts, as it does for the streak)."""
    entries = [night.entry for night in nights]
    return PeriodFigures(
        nights=len(nights),
        tension=mean(e.tension for e in entries),
        cramps=mean(e.cramps for e in entries),
        cramp_nights=yes_count(None if e.cramps is None else e.cramps > 0 for e in entries),
        restless_nights=yes_count(e.restless for e in entries),
        routines=sum(1 for night in nights if night.routine_done) if routines is None else routines,
    )


def in_range(nights: list[LoggedNight], start: date, end: date) -> list[LoggedNight]:
    return [night for night in nights if start <= night.night <= end]


@dataclass(frozen=True)
class WeekComparison:
    this_week: PeriodFigures
    last_week: PeriodFigures


def week_comparison(
    nights: list[LoggedNight], tonight: date, routine_nights: set[date] | None = None
) -> WeekComparison:
    """The 7 nights up to `tonight` against the 7 before them. With `routine_nights` (what the
    streak counts) the routines done are counted from them, logged or not."""
    week = timedelta(days=7)
    start = tonight - week + timedelta(days=1)

    def figures(first: date, last: date) -> PeriodFigures:
        done = None
        if routine_nights is not None:
            done = sum(1 for night in routine_nights if first <= night <= last)
        return period_figures(in_range(nights, first, last), done)

    return WeekComparison(figures(start, tonight), figures(start - week, start - timedelta(days=1)))


def routine_streak(routine_nights: set[date], tonight: date) -> int:
    """Nights in a row with a routine done, up to tonight (or last night, if tonight's routine
    is still to come)."""
    day = tonight if tonight in routine_nights else tonight - timedelta(days=1)
    count = 0
    while day in routine_nights:
        count += 1
        day -= timedelta(days=1)
    return count


@dataclass(frozen=True)
class TrendPoint:
    night: date
    tension: int | None
    cramps: int | None


def trend(nights: list[LoggedNight], start: date, end: date) -> list[TrendPoint]:
    """One point per night from `start` to `end` (None where the night was not logged)."""
    by_night = {night.night: night.entry for night in nights}
    points = []
    day = start
    while day <= end:
        entry = by_night.get(day)
        points.append(
            TrendPoint(day, entry.tension if entry else None, entry.cramps if entry else None)
        )
        day += timedelta(days=1)
    return points


def month_grid(nights: list[LoggedNight], year: int, month: int) -> list[list[TrendPoint | None]]:
    """Weeks (Monday first) of the month; each day with its tension, None outside the month."""
    by_night = {night.night: night.entry for night in nights}
    weeks: list[list[TrendPoint | None]] = []
    for week in calendar.Calendar().monthdatescalendar(year, month):
        row: list[TrendPoint | None] = []
        for day in week:
            entry = by_night.get(day)
            point = TrendPoint(
                day, entry.tension if entry else None, entry.cramps if entry else None
            )
            row.append(point if day.month == month else None)
        weeks.append(row)
    return weeks


def trend_span(
    nights: list[LoggedNight], start: date | None, end: date | None, tonight: date
) -> tuple[date, date]:
    """The nights a trend chart covers: the filter's range, or from the first logged night."""
    first = min((night.night for night in nights), default=tonight)
    return start or first, end or tonight


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """The month `delta` months away (for paging the calendar)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class RecentGlance:
    """Home's view of the log: the last 7 nights and the routine streak."""

    points: list[TrendPoint]
    streak: int
    logged: int
    """How many of those nights are logged (with any field)."""
    last_routine: date | None = None
    """The latest night with a routine done (None: never)."""
    used: bool = True
    """Whether any night was ever logged or any routine done (False on a new install)."""


def recent_glance(log: LogRepository, days: int = 7) -> RecentGlance:
    """The last `days` nights up to tonight, and the routine streak, for Home."""
    tonight = log.current_night()
    start = tonight - timedelta(days=days - 1)
    done = log.routine_nights()
    nights = log.nights(NightQuery(start, tonight), routine_nights=done)
    # Only a quiet week needs the whole log read to tell a new install from a break.
    used = bool(nights or done) or bool(log.entries())
    return RecentGlance(
        trend(nights, start, tonight),
        routine_streak(done, tonight),
        len(nights),
        max(done, default=None),
        used,
    )


# --- what helps -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SideFigures:
    nights: int
    tension: float | None
    cramps: float | None


@dataclass(frozen=True)
class FactorResult:
    """Tension and cramps on nights with a factor vs without it, and each difference (with
    minus without) with its 95% Welch interval (None when a side has under two values)."""

    name: str
    with_it: SideFigures
    without: SideFigures
    tension_difference: Difference | None = None
    cramps_difference: Difference | None = None
    not_recorded: int = 0
    """Nights that did not say either way: in neither side."""

    @property
    def nights_needed(self) -> int:
        """How many more nights (on the short side or sides) before a comparison is shown."""
        short = max(MIN_NIGHTS_PER_SIDE - self.with_it.nights, 0)
        return short + max(MIN_NIGHTS_PER_SIDE - self.without.nights, 0)

    @property
    def comparable(self) -> bool:
        return self.nights_needed == 0


Test = Callable[[LoggedNight], bool | None]
"""True / False for a night, or None when the night does not say (it is left out)."""


def _side(nights: list[LoggedNight]) -> SideFigures:
    return SideFigures(
        len(nights), mean(n.entry.tension for n in nights), mean(n.entry.cramps for n in nights)
    )


def _values(nights: list[LoggedNight], field: str) -> list[float]:
    return [value for n in nights if (value := getattr(n.entry, field)) is not None]


def compare(name: str, nights: list[LoggedNight], test: Test) -> FactorResult:
    answers = [(night, test(night)) for night in nights]
    with_it = [night for night, answer in answers if answer is True]
    without = [night for night, answer in answers if answer is False]
    return FactorResult(
        name,
        _side(with_it),
        _side(without),
        welch_difference(_values(with_it, "tension"), _values(without, "tension")),
        welch_difference(_values(with_it, "cramps"), _values(without, "cramps")),
        not_recorded=sum(1 for _, answer in answers if answer is None),
    )


def _known(value: object, check: Callable[[NightEntry], bool]) -> Test:
    return lambda night: None if getattr(night.entry, str(value)) is None else check(night.entry)


NOT_DONE_TAGS = (FLAG_TAG, CHECK_NOTE_TAG)
"""Tags that mark a night (for the doctor, a symptom check's note): not something done."""


def _did(tag: str) -> Test:
    """Whether the night's "what you did" says `tag`; None when it says nothing at all (no tag
    ticked or typed is not "did not", as an unanswered question is not "no")."""

    def test(night: LoggedNight) -> bool | None:
        done = [t for t in night.entry.tags if t not in NOT_DONE_TAGS]
        return tag in done if done else None

    return test


FIXED_FACTORS: list[tuple[str, Test]] = [
    ("routine done", lambda night: night.routine_done),
    ("stretched", _did("stretched")),
    (f"water ≥ {ENOUGH_WATER} glasses", _known("water", lambda e: (e.water or 0) >= ENOUGH_WATER)),
    (f"high stress (≥ {HIGH_STRESS})", _known("stress", lambda e: (e.stress or 0) >= HIGH_STRESS)),
    ("long sitting", _known("activity", lambda e: e.activity is Activity.SITTING)),
]


def what_helps(nights: list[LoggedNight]) -> list[FactorResult]:
    """Every fixed factor, then each tag in use (most used first)."""
    results = [compare(name, nights, test) for name, test in FIXED_FACTORS]
    for tag in tags_by_use(night.entry for night in nights):
        if tag == "stretched" or tag in NOT_DONE_TAGS:  # a fixed factor already; markers
            continue
        results.append(compare(f"tag: {tag}", nights, _did(tag)))
    return results
