"""When the evening reminder comes: pure functions of now, the settings and a time zone.

The adapters (`reminders.py` in the app, `legease remind` headless) only fire what these decide.

Rules, in the person's own local time:
- A reminder belongs to a *night* (see `night.py`): a time from noon on is that evening, a time
  before noon is the early morning after it. The named days are the nights' evenings.
- A time that does not exist that night (clocks spring forward) fires at the first minute that
  exists after it; a time that happens twice (clocks fall back) fires once, at its first occurrence.
- Nothing fires after the night's `latest` time (the cut-off).
- A snooze moves tonight's reminder by the snooze length, up to the limit and never past the
  cut-off; after that only start or skip remain.

All comparisons are made in UTC: Python compares two datetimes of the same zone by wall time,
which is wrong across a clock change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol

from legease_tui.core.night import NIGHT_STARTS, night_of
from legease_tui.core.time_of_day import WEEKDAYS, parse_time_of_day

LATE_AFTER = timedelta(minutes=1)
"""A reminder shown more than this after its time is 'late' (the app was closed or asleep)."""


class ReminderConfig(Protocol):
    """The reminder settings this module reads (config.ReminderSettings has them all)."""

    @property
    def enabled(self) -> bool: ...
    @property
    def time(self) -> str: ...
    @property
    def days(self) -> tuple[str, ...]: ...
    @property
    def latest(self) -> str: ...
    @property
    def snooze_minutes(self) -> int: ...
    @property
    def max_snoozes(self) -> int: ...


@dataclass(frozen=True)
class ReminderRule:
    """The reminder settings in the form the rules work with."""

    at: time
    days: frozenset[int]
    """Weekdays of the nights' evenings, 0 = Monday."""
    latest: time
    snooze_minutes: int = 10
    max_snoozes: int = 2
    enabled: bool = True

    @classmethod
    def of(cls, config: ReminderConfig) -> ReminderRule:
        """The rule for validated settings."""
        return cls(
            at=parse_time_of_day(config.time),
            days=frozenset(WEEKDAYS.index(day) for day in config.days),
            latest=parse_time_of_day(config.latest),
            snooze_minutes=config.snooze_minutes,
            max_snoozes=config.max_snoozes,
            enabled=config.enabled,
        )


def window_problem(at: str, latest: str) -> str | None:
    """Why a reminder at `at` with cut-off `latest` could never fire, or None if it can.

    Both are read within one night (noon to noon), so 23:00 with a cut-off at 00:30 is fine.
    """
    if _night_offset(parse_time_of_day(latest)) < _night_offset(parse_time_of_day(at)):
        return f"the latest time ({latest}) comes before the reminder time ({at}) that night"
    return None


def window_length(rule: ReminderRule) -> timedelta:
    """From the reminder time to the cut-off on an ordinary night (negative: never fires)."""
    return _night_offset(rule.latest) - _night_offset(rule.at)


def _night_offset(moment: time) -> timedelta:
    """How far into the night (from noon) a time of day lies."""
    offset = datetime.combine(date.min, moment) - datetime.combine(date.min, NIGHT_STARTS)
    return offset if offset >= timedelta(0) else offset + timedelta(days=1)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _exists(moment: datetime) -> bool:
    """False for a wall time skipped by a spring-forward change."""
    back = _utc(moment).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def wall_moment(day: date, at: time, zone: tzinfo) -> datetime:
    """`at` on calendar `day` in `zone`: a skipped time moves to the first minute that exists
    after it; a repeated time means its first occurrence (fold=0)."""
    naive = datetime.combine(day, at)
    for minutes in range(24 * 60):
        candidate = (naive + timedelta(minutes=minutes)).replace(tzinfo=zone, fold=0)
        if _exists(candidate):
            return candidate
    raise ValueError(f"{zone} has no valid time after {naive}")  # no real zone does this


def _on_night(night: date, at: time, zone: tzinfo) -> datetime:
    day = night + timedelta(days=1) if at < NIGHT_STARTS else night
    return wall_moment(day, at, zone)


def cutoff_at(night: date, rule: ReminderRule, zone: tzinfo) -> datetime:
    """The moment after which no reminder fires on `night`."""
    return _on_night(night, rule.latest, zone)


def reminder_at(night: date, rule: ReminderRule, zone: tzinfo) -> datetime | None:
    """The reminder moment of `night`, or None when that night has none."""
    if night.weekday() not in rule.days:
        return None
    due = _on_night(night, rule.at, zone)
    if _utc(due) > _utc(cutoff_at(night, rule, zone)):
        return None
    return due


def next_reminders(
    now: datetime, rule: ReminderRule, zone: tzinfo, count: int = 7
) -> list[datetime]:
    """The next `count` reminder moments strictly after `now`, in `zone` (ignores `enabled`)."""
    night = night_of(now.astimezone(zone))
    found: list[datetime] = []
    for offset in range(-1, 7 * count + 2):
        due = reminder_at(night + timedelta(days=offset), rule, zone)
        if due is not None and _utc(due) > _utc(now):
            found.append(due)
            if len(found) == count:
                break
    return found


@dataclass(frozen=True)
class NightState:
    """What already happened tonight about the reminder (read from the stored events)."""

    snoozes: int = 0
    snoozed_until: datetime | None = None
    skipped: bool = False
    started: bool = False
    routine_done: bool = False
    shown: frozenset[datetime] = frozenset()
    """Due moments (UTC) whose dialog was already shown, so one moment never fires twice."""

    @property
    def answered(self) -> bool:
        """Skipped, started, or the routine already done: no more reminders tonight."""
        return tonight_settled(self) is not None


def tonight_settled(state: NightState) -> str | None:
    """Why tonight's reminder is no longer due, in the words every surface shows (Home,
    `legease schedule`, `legease remind`), or None while it is still to come.

    The one rule: every "is tonight's reminder due" question (the app's dialog and Home line,
    the commands' lists) comes here, so a new reason (a trial's night without the routine, say)
    is added once and every surface agrees."""
    if state.routine_done:
        return "done tonight"
    if state.started:
        return "started tonight"
    if state.skipped:
        return "skipped tonight"
    return None


@dataclass(frozen=True)
class Due:
    """A reminder that should be offered now."""

    night: date
    due_at: datetime
    late: bool
    """Shown more than a minute after its time (app closed, laptop asleep)."""
    snoozes_left: int


def reminder_due(
    now: datetime,
    rule: ReminderRule,
    zone: tzinfo,
    state: NightState,
    *,
    repeat_shown: bool = False,
) -> Due | None:
    """The reminder to offer at `now`, if any.

    Due when tonight is a reminder night, its time (or the snooze's) has come, the cut-off has
    not passed and tonight has no answer yet. `repeat_shown` offers a reminder again even if its
    dialog was shown before (on launch: the person closed the app without answering).
    """
    if not rule.enabled or state.answered:
        return None
    night = night_of(now.astimezone(zone))
    planned = reminder_at(night, rule, zone)
    if planned is None:
        return None
    due = state.snoozed_until or planned
    if _utc(now) < _utc(due) or _utc(now) > _utc(cutoff_at(night, rule, zone)):
        return None
    if not repeat_shown and _utc(due) in state.shown:
        return None
    return Due(
        night=night,
        due_at=due.astimezone(zone),
        late=_utc(now) - _utc(due) > LATE_AFTER,
        snoozes_left=max(0, rule.max_snoozes - state.snoozes),
    )


def due_tonight(
    now: datetime,
    rule: ReminderRule,
    zone: tzinfo,
    night_state: Callable[[date], NightState],
    *,
    repeat_shown: bool,
) -> Due | None:
    """`reminder_due` for the night `now` belongs to: the one check the app and `legease remind`
    share. `night_state` reads that night's answers, and is not called when reminders are off."""
    if not rule.enabled:
        return None
    state = night_state(night_of(now.astimezone(zone)))
    return reminder_due(now, rule, zone, state, repeat_shown=repeat_shown)


@dataclass(frozen=True)
class SnoozePlan:
    """Where a snooze would move tonight's reminder, or why it cannot."""

    until: datetime | None
    refusal: str = ""


def plan_snooze(now: datetime, rule: ReminderRule, zone: tzinfo, state: NightState) -> SnoozePlan:
    """A snooze from `now`: allowed while snoozes remain and it ends before the cut-off."""
    if state.snoozes >= rule.max_snoozes:
        used = f"{state.snoozes} of {rule.max_snoozes}"
        return SnoozePlan(None, f"No snoozes left tonight ({used} used): start or skip.")
    until = (_utc(now) + timedelta(minutes=rule.snooze_minutes)).astimezone(zone)
    cutoff = cutoff_at(night_of(now.astimezone(zone)), rule, zone)
    if _utc(until) > _utc(cutoff):
        return SnoozePlan(
            None, f"Too late to snooze: tonight's reminders end at {cutoff:%H:%M}. Start or skip."
        )
    return SnoozePlan(until)


def next_reminder(
    now: datetime, rule: ReminderRule, zone: tzinfo, state: NightState
) -> datetime | None:
    """When the next reminder comes, counting tonight's snooze or answer; None when off."""
    if not rule.enabled:
        return None
    tonight = night_of(now.astimezone(zone))
    snoozed = state.snoozed_until
    if snoozed is not None and not state.answered and _utc(snoozed) > _utc(now):
        return snoozed.astimezone(zone)
    for due in next_reminders(now, rule, zone, count=2):
        if night_of(due) == tonight and state.answered:
            continue
        return due
    return None


def day_list(days: Iterable[str]) -> str:
    """'mon-fri', 'every day', 'sat, sun' — how the days read in the settings summary."""
    chosen = [day for day in WEEKDAYS if day in set(days)]
    if len(chosen) == 7:
        return "every day"
    indexes = [WEEKDAYS.index(day) for day in chosen]
    if len(chosen) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{chosen[0]}-{chosen[-1]}"
    return ", ".join(chosen)


def seconds_to_next_minute(now: datetime) -> float:
    """How long until the wall clock's minute changes (a little after, so the new minute shows)."""
    return 60.05 - now.second - now.microsecond / 1_000_000
