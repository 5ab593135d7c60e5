"""`legease remind`: the evening reminder without the app, in the foreground until ctrl+c.

At each reminder it rings the terminal bell, prints a line and sends a desktop notification where
the desktop has one (`notify-send`); nothing breaks without it. `--print-systemd` and
`--print-cron` print (never install) a way to start it at login.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from legease_tui.adapters.scheduler import ReminderScheduler
from legease_tui.commands import Subparsers, add_command, load_services
from legease_tui.core.durations import seconds_text
from legease_tui.core.night import night_of
from legease_tui.core.reminders.events import ReminderLog, stored_night_state
from legease_tui.core.reminders.schedule import NightState, ReminderRule, due_tonight
from legease_tui.core.reminders.words import settled_note, upcoming_reminders
from legease_tui.core.tonight import no_routine_tonight, routine_for_reminder
from legease_tui.core.trial.repository import NO_ROUTINE_REMINDER
from legease_tui.services import Services
from legease_tui.settings.paths import HOME_ENV
from legease_tui.settings.settings import load_settings

NOTIFY_TIMEOUT_SECONDS = 5


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers,
        "remind",
        help="ring, print and notify at each evening reminder (foreground; ctrl+c stops)",
    )
    printing = parser.add_mutually_exclusive_group()
    printing.add_argument(
        "--print-systemd", action="store_true", help="print a systemd user unit that runs this"
    )
    printing.add_argument(
        "--print-cron", action="store_true", help="print a crontab line that runs this at boot"
    )
    parser.set_defaults(func=run_remind)


def run_remind(args: argparse.Namespace) -> int:
    command = remind_command(args.home)
    if args.print_systemd:
        print(systemd_unit(command))
        return 0
    if args.print_cron:
        print(cron_line(command))
        return 0
    services = load_services(args.home)
    return HeadlessReminder(services).run()


def remind_command(home: str | None) -> str:
    """The command line that runs `legease remind` for this installation and home."""
    program = shutil.which("legease") or str(Path(sys.argv[0]).resolve())
    parts = [program, "remind"]
    home = home or os.environ.get(HOME_ENV)  # the unit runs without this shell's env
    if home:
        parts += ["--home", str(Path(home).expanduser().resolve())]
    return shlex.join(parts)


def next_reminders_line(services: Services, rule: ReminderRule) -> str:
    """'next at Fri 21:30', after 'done tonight, ' when tonight's will not come (the app's
    rule); empty when none is planned."""
    now = services.clock.now()
    state = stored_night_state(services.store, night_of(now.astimezone(services.zone)))
    upcoming = upcoming_reminders(now, rule, services.zone, state, 1)
    if not upcoming:
        return ""
    note = settled_note(now, rule, services.zone, state)
    return f"{note + ', ' if note else ''}next at {upcoming[0]:%a %H:%M}"


def systemd_unit(command: str) -> str:
    return "\n".join(
        [
            "# Save as ~/.config/systemd/user/legease-remind.service, then run:",
            "#   systemctl --user daemon-reload && systemctl --user enable --now legease-remind",
            "[Unit]",
            "Description=LegEase evening routine reminders",
            "After=graphical-session.target",
            "",
            "[Service]",
            f"ExecStart={command}",
            "Restart=on-failure",
            "",
            "[Install]",
            "WantedBy=default.target",
        ]
    )


def cron_line(command: str) -> str:
    return "\n".join(
        [
            "# Add with `crontab -e`. Desktop notifications from cron may need DISPLAY and",
            "# DBUS_SESSION_BUS_ADDRESS set on the line; the printed lines go to the log file.",
            f"@reboot {command} >> ~/.legease-remind.log 2>&1",
        ]
    )


def desktop_notify(title: str, body: str) -> bool:
    """Send a desktop notification if `notify-send` exists; False (and no error) otherwise."""
    program = shutil.which("notify-send")
    if program is None:
        return False
    try:
        subprocess.run(
            [program, "--app-name=LegEase", title, body],
            check=False,
            timeout=NOTIFY_TIMEOUT_SECONDS,
            capture_output=True,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return True


class HeadlessReminder:
    """Fires the reminder from the terminal; re-reads the settings file when it changes."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.log = ReminderLog(services.store) if services.store else None
        self.scheduler: ReminderScheduler | None = None
        self._config_stamp = self._stamp()

    def _stamp(self) -> float | None:
        try:
            return self.services.paths.config_file.stat().st_mtime
        except OSError:
            return None

    def reload_if_changed(self) -> None:
        """Settings saved elsewhere (the app, `legease schedule --set`) apply within a minute."""
        stamp = self._stamp()
        if stamp == self._config_stamp or self.scheduler is None:
            return
        self._config_stamp = stamp
        loaded = load_settings(self.services.paths.config_file)
        for problem in loaded.problems:
            print(f"warning: {problem}", file=sys.stderr)
        self.services.settings = loaded.settings
        self.scheduler.plan(ReminderRule.of(loaded.settings.reminders))
        print("Settings changed; reminders re-planned.", flush=True)

    def fire(self) -> None:
        """A job fired: ring, print and notify if the core says the reminder is due."""
        now = self.services.clock.now()
        rule = ReminderRule.of(self.services.settings.reminders)
        read = self.log.night_state if self.log else (lambda _night: NightState())
        if due_tonight(now, rule, self.services.zone, read, repeat_shown=True) is None:
            return
        if no_routine_tonight(self.services.trial):  # a trial's control night: say so, no routine
            print(f"{now:%H:%M}  {NO_ROUTINE_REMINDER}", flush=True)
            desktop_notify("LegEase trial", NO_ROUTINE_REMINDER)
            return
        settings = self.services.settings
        routine = routine_for_reminder(
            self.services.routines, settings.reminders.routine, settings.routine
        )
        body = f"{routine.name}, {seconds_text(routine.total_seconds)}. Run `legease` to start."
        print(f"\a{now:%H:%M}  Time for your evening routine — {body}", flush=True)
        desktop_notify("Time for your evening routine", body)

    def run(self) -> int:
        scheduler = ReminderScheduler.blocking(self.services.zone, self.fire)
        self.scheduler = scheduler
        rule = ReminderRule.of(self.services.settings.reminders)
        scheduler.plan(rule)
        scheduler.every_minute(self.reload_if_changed)
        upcoming = next_reminders_line(self.services, rule)
        if not rule.enabled or not upcoming:
            print("Reminders are off (turn them on with: legease schedule --set HH:MM).")
            return 0
        try:  # ctrl+c may come at any moment from here on
            print(
                f"LegEase reminders running; {upcoming}. ctrl+c stops.",
                flush=True,  # a pipe or log file sees it now, not at exit
            )
            scheduler.run()
        except (KeyboardInterrupt, SystemExit):
            scheduler.shutdown()
            print("\nReminders stopped.")
        return 0
