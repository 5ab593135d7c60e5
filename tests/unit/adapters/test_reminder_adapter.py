"""The APScheduler adapter fires what the core decides: DST-safe trigger, generous grace,
and APScheduler stays out of start-up."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from legease_tui.adapters.scheduler import RuleTrigger, grace_seconds
from legease_tui.core.reminders.schedule import ReminderRule
from legease_tui.settings.settings import ReminderSettings

LONDON = ZoneInfo("Europe/London")


def rule(**changes: object) -> ReminderRule:
    settings = replace(ReminderSettings(enabled=True), **changes)  # type: ignore[arg-type]
    return ReminderRule.of(settings)


def test_trigger_fires_once_on_the_fall_back_night() -> None:
    trigger = RuleTrigger(rule(time="01:30", latest="04:00"), LONDON)
    first = trigger.get_next_fire_time(None, datetime(2026, 10, 24, 12, 0, tzinfo=LONDON))
    assert first is not None and first.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    # An hour later the wall clock reads 01:30 again; the next fire is the following night.
    again = trigger.get_next_fire_time(first, first + timedelta(hours=1))
    assert again is not None and again.astimezone(LONDON).day == 26


def test_trigger_fires_at_the_first_valid_minute_on_the_spring_night() -> None:
    trigger = RuleTrigger(rule(time="01:30", latest="04:00"), LONDON)
    fire = trigger.get_next_fire_time(None, datetime(2026, 3, 28, 12, 0, tzinfo=LONDON))
    assert fire is not None and fire.astimezone(LONDON).strftime("%H:%M %Z") == "02:00 BST"


def test_trigger_includes_a_reminder_due_exactly_now() -> None:
    now = datetime(2026, 11, 24, 21, 30, tzinfo=LONDON)
    assert RuleTrigger(rule(), LONDON).get_next_fire_time(None, now) == now


def test_grace_reaches_the_cut_off() -> None:
    assert grace_seconds(rule(time="21:30", latest="23:30")) == 2 * 3600 + 60
    assert grace_seconds(rule(time="23:00", latest="00:30")) == 90 * 60 + 60


def test_starting_the_app_module_does_not_import_apscheduler() -> None:
    code = (
        "import sys, legease_tui.app, legease_tui.screens.home; "
        "print(any(m.startswith('apscheduler') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
