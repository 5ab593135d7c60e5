"""The evening reminder as an RFC 5545 calendar (`legease schedule --ics`), written with icalendar.

One weekly event stands for the reminder: it repeats on the calendar days the reminder falls on
(a reminder at 00:30 for Monday night is on Tuesday), carries a display alarm at its time and the
routine's name and length, and keeps one UID, so importing a newer file updates the event rather
than adding a second one. Its times are floating (no time zone): a calendar shows 21:30 wherever
the person is and whatever the clocks did, as LegEase does.

When the reminder comes is decided by `core/reminders` (`next_reminders`); this module only writes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from icalendar import Alarm, Calendar, Event

from legease_tui.core.durations import seconds_text
from legease_tui.core.reminders.schedule import ReminderRule, next_reminders
from legease_tui.core.routine.model import Routine

PRODUCT_ID = "-//LegEase//legease-tui//EN"
REMINDER_UID = "evening-reminder@legease-tui"
"""The same in every file, so a re-import replaces the event instead of duplicating it."""
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def reminder_weekdays(now: datetime, rule: ReminderRule, zone: tzinfo) -> list[int]:
    """The calendar weekdays (0 = Monday) the reminder falls on, from the core's own rules: the
    days of one week of reminders (a night's evening, or the morning after for a time before
    noon). Empty when the reminder can never fire."""
    week = next_reminders(now, rule, zone, count=len(rule.days))
    return sorted({moment.date().weekday() for moment in week})


def reminder_calendar(now: datetime, rule: ReminderRule, zone: tzinfo, routine: Routine) -> bytes:
    """The calendar text for `rule` offering `routine`, first occurrence after `now`.

    Raises ValueError when the rule can never fire (no day, or the cut-off before the time).
    """
    upcoming = next_reminders(now, rule, zone, count=1)
    days = reminder_weekdays(now, rule, zone)
    if not upcoming or not days:
        raise ValueError("the reminder never fires, so there is nothing to put in a calendar")
    # Floating: the reminder's wall time on its first day, with no zone attached. (A time a
    # spring-forward skips is the calendar program's to place; LegEase fires just after it.)
    first = datetime.combine(upcoming[0].date(), rule.at)
    length = seconds_text(routine.total_seconds)
    description = (
        f"{routine.name} ({routine.key}), {length}. Start it with: legease routine {routine.key}"
    )
    event = Event()
    event.add("uid", REMINDER_UID)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("summary", f"LegEase: {routine.name}")
    event.add("description", description)
    event.add("dtstart", first)
    event.add("duration", timedelta(minutes=max(1, round(routine.total_seconds / 60))))
    event.add("rrule", {"freq": "weekly", "byday": [RRULE_DAYS[day] for day in days]})
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(0))  # at the event's start: the reminder's own time
    alarm.add("description", f"Time for your evening routine: {routine.name}, {length}")
    event.add_component(alarm)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "LegEase")
    calendar.add_component(event)
    return bytes(calendar.to_ical())
