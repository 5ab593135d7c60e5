"""A running trial's evenings: on a no-routine night the reminder says so and offers no
routine, and starting one anyway asks first and is recorded as a deviation."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from support.app_builder import AppMaker
from support.shell_fakes import RecordingHost
from support.trials import start_trial
from textual.pilot import Pilot

from legease_tui.app.reminders import ReminderController
from legease_tui.core.clock import FakeClock
from legease_tui.core.trial.repository import ROUTINE_ON_CONTROL
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.reminder import ReminderDialog
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")
EVENING = datetime(2026, 11, 24, 21, 31, tzinfo=LONDON)


def _evening(home: Paths) -> Services:
    services = build_services(home, FakeClock(EVENING))
    services.zone = LONDON
    reminders = replace(services.settings.reminders, enabled=True)
    services.settings = replace(services.settings, reminders=reminders)
    return services


def test_the_reminder_on_a_no_routine_night_says_so_and_offers_no_routine(home: Paths) -> None:
    services = _evening(home)
    start_trial(services, routine_tonight=False)
    host = RecordingHost()
    ReminderController(host, services).check_missed()
    assert host.screen_stack == []  # no dialog offering the routine
    assert len(host.said) == 1 and "no-routine night" in host.said[0]


def test_the_reminder_on_a_routine_night_offers_the_routine(home: Paths) -> None:
    services = _evening(home)
    start_trial(services, routine_tonight=True)
    host = RecordingHost()
    ReminderController(host, services).check_missed()
    assert [type(screen) for screen in host.screen_stack] == [ReminderDialog]


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def test_a_routine_on_a_no_routine_night_asks_and_is_a_deviation(
    services: Services,
    make_app: AppMaker,
) -> None:
    start_trial(services, routine_tonight=False)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        assert "no routine — just log" in str(app.screen.query_one("#trial-tonight").render())
        await pilot.press("r")
        await _settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await _settle(pilot)
        assert not isinstance(app.screen, RoutineScreen)
        assert services.trial is not None
        trial = services.trial.running()
        assert trial is not None and trial.deviations == {}
        await pilot.press("r")
        await _settle(pilot)
        await pilot.click("#yes")
        await _settle(pilot)
        assert isinstance(app.screen, RoutineScreen)
        trial = services.trial.running()
        assert trial is not None
        assert list(trial.deviations.values()) == [(ROUTINE_ON_CONTROL,)]


async def test_a_routine_night_starts_the_routine_at_once(
    services: Services, make_app: AppMaker
) -> None:
    start_trial(services, routine_tonight=True)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        await pilot.press("r")
        await _settle(pilot)
        assert isinstance(app.screen, RoutineScreen)
