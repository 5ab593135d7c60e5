"""The reminder controller needs only a small host (`RoutineHost`), not the app: a recording
host stands in, and the dialog's answer starts the routine the services name."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from support.shell_fakes import RecordingHost

from legease_tui.app.reminders import ReminderController
from legease_tui.core.clock import FakeClock
from legease_tui.screens.reminder import START, ReminderDialog
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")


def test_a_due_reminder_is_offered_and_start_runs_the_reminders_routine(home: Paths) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 21, 31, tzinfo=LONDON))
    services = build_services(home, clock)
    services.zone = LONDON
    reminders = replace(services.settings.reminders, enabled=True, routine="quick-reset")
    services.settings = replace(services.settings, reminders=reminders)
    host = RecordingHost()
    controller = ReminderController(host, services)
    controller.check_missed()
    assert [type(s) for s in host.screen_stack] == [ReminderDialog]
    assert host.said and "Quick reset" in host.said[0]
    assert host.refreshed == 1  # Home, under the dialog, shows the reminder was offered
    host.screen_stack.clear()
    host.answer(START)
    assert [r.key for r in host.started] == ["quick-reset"]
