"""What every surface says about tonight's reminder — Home's line, the commands' lists — from
the rules in `schedule.py`, with `tonight_settled` the one answer to "is tonight's still due"."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, tzinfo

from legease_tui.core.durations import minutes_text
from legease_tui.core.night import night_of, night_words
from legease_tui.core.reminders.schedule import (
    NightState,
    ReminderRule,
    cutoff_at,
    next_reminder,
    next_reminders,
    reminder_at,
    reminder_due,
    tonight_settled,
)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def upcoming_reminders(
    now: datetime, rule: ReminderRule, zone: tzinfo, state: NightState, count: int = 7
) -> list[datetime]:
    """The next `count` reminders that will really come: tonight's is left out once tonight is
    settled (`tonight_settled`), as the app and `legease remind` leave it out."""
    tonight = night_of(now.astimezone(zone))
    found = next_reminders(now, rule, zone, count + 1)
    if state.answered:
        found = [due for due in found if night_of(due) != tonight]
    return found[:count]


def settled_note(now: datetime, rule: ReminderRule, zone: tzinfo, state: NightState) -> str | None:
    """'done tonight' (or why else tonight's reminder will not come) while tonight is a
    reminder night whose cut-off has not passed; None otherwise (nothing to say)."""
    reason = tonight_settled(state)
    tonight = night_of(now.astimezone(zone))
    if reason is None or not rule.enabled or reminder_at(tonight, rule, zone) is None:
        return None
    return reason if _utc(now) <= _utc(cutoff_at(tonight, rule, zone)) else None


def home_line(now: datetime, rule: ReminderRule, zone: tzinfo, state: NightState) -> str:
    """What Home says about the reminder: due now, done tonight and the next one, or off."""
    due = reminder_due(now, rule, zone, state, repeat_shown=True)
    if due is not None:
        return f"Evening routine due now (since {due.due_at:%H:%M})"
    line = describe_next(now, next_reminder(now, rule, zone, state), zone)
    note = settled_note(now, rule, zone, state)
    return f"{note.capitalize()} · {line}" if note else line


def describe_next(now: datetime, upcoming: datetime | None, zone: tzinfo) -> str:
    """Home's line: 'Next routine: tonight 21:30 (in 2 h 10 min)' or 'Reminders off'. The night
    is named as a person says it at `now` (before noon the coming evening is "this evening")."""
    if upcoming is None:
        return "Reminders off"
    local_now, local = now.astimezone(zone), upcoming.astimezone(zone)
    when = night_words(night_of(local), local_now)
    return f"Next routine: {when} {local:%H:%M} ({until_text(_utc(upcoming) - _utc(now))})"


def until_text(gap: timedelta) -> str:
    """'in 2 h 10 min', 'in 5 min', 'in 1 day 16 h', 'in 3 days' — rounded up to the minute,
    whole days and hours cut down, never up: 40 hours is "1 day 16 h", not "2 days"."""
    minutes = max(0, math.ceil(gap.total_seconds() / 60))
    if minutes == 0:
        return "now"
    if minutes < 24 * 60:
        return f"in {minutes_text(minutes)}"
    days, rest = divmod(minutes, 24 * 60)
    hours = rest // 60
    day_words = f"{days} day{'s' if days != 1 else ''}"
    return f"in {day_words} {hours} h" if hours else f"in {day_words}"
