"""`legease schedule`: show the reminder settings and the next 7 reminders, or change them."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from legease_tui.commands import USAGE_ERROR, Subparsers, add_command, load_services
from legease_tui.commands.schedule_ics import write_ics
from legease_tui.core.durations import seconds_text
from legease_tui.core.night import night_of
from legease_tui.core.reminders.events import stored_night_state
from legease_tui.core.reminders.schedule import (
    ReminderRule,
    day_list,
    window_problem,
)
from legease_tui.core.reminders.words import settled_note, upcoming_reminders
from legease_tui.core.tonight import routine_for_reminder
from legease_tui.services import Services
from legease_tui.settings.local_zone import zone_name
from legease_tui.settings.settings import (
    DAYS_ALLOWED,
    SettingError,
    parse_clock_time,
    parse_days,
    save_settings,
)


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers,
        "schedule",
        help="show or change the evening reminder (time, days, routine)",
        description=(
            "Without options: print the reminder settings and the next 7 reminders. "
            "Only --set turns reminders on; --days and --routine change them, on or off."
        ),
    )
    parser.add_argument("--set", metavar="HH:MM", help="remind at this time (turns reminders on)")
    parser.add_argument("--days", metavar="DAYS", help=f"remind on these {DAYS_ALLOWED}")
    parser.add_argument("--routine", metavar="NAME", help="the routine the reminder offers")
    parser.add_argument("--off", action="store_true", help="turn reminders off")
    parser.add_argument("--ics", action="store_true", help="print the reminder as a calendar")
    parser.add_argument("-o", "--output", metavar="FILE", help="with --ics: write it to FILE")
    parser.add_argument("--force", action="store_true", help="with -o: overwrite FILE")
    parser.set_defaults(func=run_schedule)


def run_schedule(args: argparse.Namespace) -> int:
    if (args.output or args.force) and not args.ics:
        return _usage("-o and --force go with --ics")
    services = load_services(args.home)
    if args.off and (args.set or args.days or args.routine):
        return _usage("--off cannot be combined with --set, --days or --routine")
    if args.off or args.set or args.days or args.routine:
        problem = change_schedule(services, args.set, args.days, args.routine, args.off)
        if problem:
            return _usage(problem)
    if args.ics:
        return write_ics(services, args.output, args.force)
    print(schedule_report(services))
    return 0


def _usage(message: str) -> int:
    print(f"legease schedule: {message}", file=sys.stderr)
    return USAGE_ERROR


def change_schedule(
    services: Services, at: str | None, days: str | None, routine: str | None, off: bool
) -> str | None:
    """Validate and save the changes; the problem (naming the option) if any, else None."""
    current = services.settings.reminders
    if off:
        changed = replace(current, enabled=False)
    else:
        try:
            time_value = parse_clock_time(at) if at is not None else current.time
        except SettingError as error:
            return f"--set {at!r} is not allowed; expected {error}"
        try:
            day_values = parse_days(days) if days is not None else current.days
        except SettingError as error:
            return f"--days {days!r} is not allowed; expected {error}"
        routine_key = current.routine
        if routine is not None:
            found = services.routines.find(routine)
            if found is None:
                return f"--routine: {services.routines.unknown(routine)}"
            routine_key = found.key
        window = window_problem(time_value, current.latest)
        if window:
            return f"--set {time_value}: {window} (change 'latest' in Settings)"
        turned_on = current.enabled or at is not None  # only --set turns reminders on
        changed = replace(
            current, enabled=turned_on, time=time_value, days=day_values, routine=routine_key
        )
    settings = replace(services.settings, reminders=changed)
    try:
        save_settings(services.paths.config_file, settings)
    except OSError as error:
        return f"cannot write {services.paths.config_file}: {error.strerror}; nothing changed"
    services.settings = settings
    return None


def schedule_report(services: Services) -> str:
    """The settings and the next 7 reminders, in local time."""
    reminders = services.settings.reminders
    rule = ReminderRule.of(reminders)
    routine = routine_for_reminder(services.routines, reminders.routine, services.settings.routine)
    length = seconds_text(routine.total_seconds)
    lines = [
        f"Reminders   {'on' if reminders.enabled else 'off'}",
        f"Time        {reminders.time}, {day_list(reminders.days)}",
        f"Routine     {routine.name} ({routine.key}), {length}",
        f"Snooze      {reminders.snooze_minutes} min, up to {reminders.max_snoozes} a night",
        f"Latest      {reminders.latest}",
        f"Time zone   {zone_name(services.zone)}",
        "",
    ]
    if not reminders.enabled:
        lines.append("Reminders are off. Turn them on with: legease schedule --set HH:MM")
        return "\n".join(lines)
    now = services.clock.now()
    state = stored_night_state(services.store, night_of(now.astimezone(services.zone)))
    note = settled_note(now, rule, services.zone, state)
    if note:  # the same words as Home: tonight's reminder will not come
        lines.append(f"Tonight     {note}, so no reminder until the next night")
    upcoming = upcoming_reminders(now, rule, services.zone, state, 7)
    lines.append("Next reminders:")
    lines += [f"  {moment:%a %d %b %Y  %H:%M %Z}" for moment in upcoming]
    if not upcoming:
        lines.append(f"  none: {window_problem(reminders.time, reminders.latest)}")
    return "\n".join(lines)
