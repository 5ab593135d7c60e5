"""`legease schedule --ics [-o FILE] [--force]`: the evening reminder as a calendar file.

Printed to stdout, or written to FILE by the export's rules (`commands/output.py`). Exit codes:
0 written, 1 nothing to write (reminders off, or a cut-off before the time) or FILE refused.
"""

from __future__ import annotations

import sys
from pathlib import Path

from legease_tui.adapters.calendar import reminder_calendar
from legease_tui.commands.output import output_problem, write_output, written_to
from legease_tui.core.reminders.schedule import ReminderRule, window_problem
from legease_tui.core.tonight import routine_for_reminder
from legease_tui.services import Services

FAILED = 1


def _fail(message: str) -> int:
    print(f"legease schedule --ics: {message}", file=sys.stderr)
    return FAILED


def write_ics(services: Services, output: str | None, force: bool) -> int:
    """Print or write the reminder's calendar; the exit status."""
    target = Path(output) if output else None
    problem = output_problem(target, force) if target is not None else None
    if problem is not None:
        return _fail(problem)
    reminders = services.settings.reminders
    if not reminders.enabled:
        return _fail(
            "reminders are off, so there is nothing to put in a calendar. "
            "Turn them on with: legease schedule --set HH:MM"
        )
    window = window_problem(reminders.time, reminders.latest)
    if window:
        return _fail(f"{window}, so no reminder can fire; nothing was written.")
    rule = ReminderRule.of(reminders)
    routine = routine_for_reminder(services.routines, reminders.routine, services.settings.routine)
    try:
        data = reminder_calendar(services.clock.now(), rule, services.zone, routine)
    except ValueError as error:  # no day ever fires: settings validation should prevent it
        return _fail(f"{error}; nothing was written.")
    if target is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    problem = write_output(target, data)
    if problem is not None:
        return _fail(problem)
    print(
        f"Wrote the evening reminder ({reminders.time}) to {written_to(target)}; "
        "import it into a calendar."
    )
    return 0
