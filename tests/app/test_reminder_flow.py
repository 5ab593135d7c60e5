"""The evening reminder in the app: missed-tonight on launch, the dialog's start / snooze / skip,
no interruption of a running routine, and the scheduler firing inside `App.run_test()`."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from support.app_builder import AppMaker
from textual.pilot import Pilot
from textual.widgets import Button, Static

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.core.night import night_of
from legease_tui.core.reminders.events import ReminderLog
from legease_tui.core.reminders.schedule import ReminderRule
from legease_tui.messages import SettingsSaved
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.reminder import ReminderDialog, SkipReasonDialog
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths
from legease_tui.settings.settings import Settings

SIZE = (100, 32)
pytestmark = pytest.mark.usefixtures("reminders_at_once")
LONDON = ZoneInfo("Europe/London")


def london_services(home: Paths, clock: FakeClock, **reminders: Any) -> Services:
    """Services in London with reminders on at 21:30 every day (plus `reminders` changes)."""
    services = build_services(home, clock)
    services.zone = LONDON
    services.settings = replace(
        services.settings,
        reminders=replace(services.settings.reminders, enabled=True, **reminders),
    )
    return services


def clock_at(hour: int, minute: int) -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, hour, minute, tzinfo=LONDON))


def kinds(services: Services) -> list[str]:
    assert services.store is not None
    log = ReminderLog(services.store)
    return [row["kind"] for row in log.events_of(night_of(services.clock.now()))]


def message_of(app: LegEaseApp) -> str:
    return str(app.screen.query_one("#reminder-message", Static).render())


async def settings_saved(pilot: Pilot[int], settings: Settings) -> None:
    """`settings` written and in force, as the Settings screen leaves them; it says so."""
    app = pilot.app
    assert isinstance(app, LegEaseApp)
    app.services.settings = settings
    app.post_message(SettingsSaved(settings))
    await pilot.pause()
    app.refresh_home()  # Settings would have covered Home: it refreshes when shown again


def home_line(app: LegEaseApp) -> str:
    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    return str(home.query_one("#next-reminder", Static).render())


async def test_missed_tonight_is_offered_on_launch_with_its_time(
    home: Paths, make_app: AppMaker
) -> None:
    services = london_services(home, clock_at(22, 10))
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReminderDialog)
        assert "was due at 21:30" in message_of(app)
        assert "Calf & hamstring" in message_of(app)
        assert kinds(services) == ["reminder_shown"]


async def test_no_dialog_before_the_time_and_home_says_when(
    home: Paths, make_app: AppMaker
) -> None:
    services = london_services(home, clock_at(19, 20))
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Next routine: tonight 21:30 (in 2 h 10 min)" in home_line(app)


async def test_enter_starts_the_routine_and_records_the_start(
    home: Paths, make_app: AppMaker
) -> None:
    services = london_services(home, clock_at(21, 30))
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReminderDialog)
        assert message_of(app) == "Time for your evening routine — Calf & hamstring, 6 min 1 s"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        assert kinds(services) == ["reminder_shown", "reminder_start"]


async def test_snooze_brings_it_back_after_the_snooze_until_the_limit(
    home: Paths, make_app: AppMaker
) -> None:
    clock = clock_at(21, 30)
    services = london_services(home, clock, max_snoozes=1)
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "tonight 21:40 (in 10 min)" in home_line(app)

        clock.advance(5 * 60)
        app.reminders.fire()  # a stray fire before the snooze ends does nothing
        assert isinstance(app.screen, HomeScreen)

        clock.advance(5 * 60)
        app.reminders.fire()
        await pilot.pause()
        assert isinstance(app.screen, ReminderDialog)
        assert app.screen.query_one("#snooze", Button).disabled
        assert "No snoozes left" in str(app.screen.query_one("#snooze-refusal", Static).render())
        await pilot.press("z")  # refused: the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, ReminderDialog)
        assert kinds(services) == ["reminder_shown", "snooze", "reminder_shown"]


@pytest.mark.parametrize(("key", "reason"), [("2", "already did it"), ("4", "in pain")])
async def test_skip_asks_why_and_records_the_reason(
    home: Paths, key: str, reason: str, make_app: AppMaker
) -> None:
    services = london_services(home, clock_at(21, 30))
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, SkipReasonDialog)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert services.store is not None
        [skip] = [
            r
            for r in ReminderLog(services.store).events_of(night_of(services.clock.now()))
            if r["kind"] == "skip"
        ]
        assert skip["reason"] == reason
        assert "Next routine: tomorrow night 21:30" in home_line(app)


async def test_going_back_from_the_reason_shows_the_reminder_again(
    home: Paths, make_app: AppMaker
) -> None:
    services = london_services(home, clock_at(21, 30))
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReminderDialog)
        assert "skip" not in kinds(services)


async def test_a_running_routine_is_not_interrupted(home: Paths, make_app: AppMaker) -> None:
    clock = clock_at(21, 25)
    services = london_services(home, clock)
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        clock.advance(5 * 60)
        app.reminders.fire()
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        assert kinds(services) == []


async def test_the_job_fires_inside_the_app_and_not_twice_after_a_clock_jump(
    home: Paths,
    make_app: AppMaker,
) -> None:
    clock = clock_at(21, 29)
    services = london_services(home, clock)
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        scheduler = app.reminders.scheduler
        assert scheduler is not None  # started after the first frame
        nightly = scheduler.scheduler.get_job("evening-reminder")
        assert nightly is not None and nightly.coalesce and nightly.misfire_grace_time >= 2 * 3600
        clock.advance(60)  # 21:30 by the app's clock
        rule = ReminderRule.of(services.settings.reminders)
        scheduler.snooze_until(datetime.now(UTC) + timedelta(milliseconds=50), rule)
        await pilot.pause(0.3)  # a short real trigger; no test waits for minutes
        assert isinstance(app.screen, ReminderDialog)
        await pilot.press("escape")  # later

        clock.set_wall(clock.now() - timedelta(minutes=1))  # the clock jumps back...
        clock.advance(120)  # ...and forward past 21:30 again
        scheduler.snooze_until(datetime.now(UTC) + timedelta(milliseconds=50), rule)
        await pilot.pause(0.3)
        assert isinstance(app.screen, HomeScreen)
        assert kinds(services) == ["reminder_shown"]


async def test_settings_change_rebuilds_the_job_and_off_removes_it(
    home: Paths, make_app: AppMaker
) -> None:
    services = london_services(home, clock_at(19, 0))
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        scheduler = app.reminders.scheduler
        assert scheduler is not None
        first = scheduler.next_fire_time()
        assert first is not None and first.astimezone(LONDON).strftime("%H:%M") == "21:30"
        reminders = replace(services.settings.reminders, time="20:15")
        await settings_saved(pilot, replace(services.settings, reminders=reminders))
        moved = scheduler.next_fire_time()
        assert moved is not None and moved.astimezone(LONDON).strftime("%H:%M") == "20:15"
        off = replace(services.settings.reminders, enabled=False)
        await settings_saved(pilot, replace(services.settings, reminders=off))
        assert scheduler.next_fire_time() is None
        assert "Reminders off" in home_line(app)
    assert app.reminders.scheduler is None  # shut down on exit
