"""Reminders agree with each other and are never lost (issue 14 §3): one rule says whether
tonight's is still due (Home, `legease schedule` and `legease remind` alike), and a reminder
that comes due behind a routine, breathing or a dialog is offered when that ends."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from support.app_builder import AppMaker
from textual.widgets import OptionList, Static

from legease_tui.app.main import LegEaseApp
from legease_tui.cli import main
from legease_tui.commands.remind import next_reminders_line
from legease_tui.commands.schedule import schedule_report
from legease_tui.core.clock import FakeClock
from legease_tui.core.reminders.schedule import ReminderRule
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.session import RoutineSession
from legease_tui.screens.help import HelpScreen
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.reminder import ReminderDialog
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZE = (100, 32)
LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.usefixtures("reminders_at_once")


def london_services(home: Paths, clock: FakeClock, **reminders: Any) -> Services:
    services = build_services(home, clock)
    services.zone = LONDON
    changed = replace(services.settings.reminders, enabled=True, **reminders)
    services.settings = replace(services.settings, reminders=changed)
    return services


def clock_at(hour: int, minute: int) -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, hour, minute, tzinfo=LONDON))


def home_line(app: LegEaseApp) -> str:
    home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    return str(home.query_one("#next-reminder", Static).render())


async def test_a_reminder_due_during_breathing_is_offered_when_it_ends(
    home: Paths, make_app: AppMaker
) -> None:
    clock = clock_at(21, 28)
    services = london_services(home, clock)
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one(OptionList).action_select()  # the first pattern
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        clock.advance(3 * 60)  # 21:31: the job fires while the person breathes
        app.reminders.fire()
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)  # never interrupted
        await pilot.press("escape", "y")  # stops breathing early: the summary, then the reminder
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReminderDialog)


async def test_a_reminder_due_behind_a_dialog_is_offered_when_it_closes(
    home: Paths, make_app: AppMaker
) -> None:
    clock = clock_at(21, 29)
    services = london_services(home, clock)
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        clock.advance(2 * 60)
        app.reminders.fire()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReminderDialog)


async def test_a_completed_routine_is_not_followed_by_its_held_reminder(
    home: Paths, make_app: AppMaker
) -> None:
    clock = clock_at(21, 25)
    services = london_services(home, clock)
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        clock.advance(6 * 60)  # 21:31, the reminder's time: held behind the routine
        app.reminders.fire()
        await pilot.pause()
        clock.advance(screen.session.total)
        screen.advance()  # the routine ends, done tonight
        await pilot.pause()
        await pilot.pause()
        assert not any(isinstance(s, ReminderDialog) for s in app.screen_stack)
        await pilot.press("enter")  # the summary goes home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert home_line(app).startswith("Done tonight · Next routine: tomorrow night 21:30")


def finish_a_routine(services: Services, clock: FakeClock) -> None:
    session = RoutineSession(BUILT_IN[0], clock)
    clock.advance(session.total)
    session.poll()
    assert services.log is not None and session.outcome is not None
    services.log.record_session(session.outcome)


async def test_done_tonight_then_moved_later_every_surface_says_done_tonight(
    home: Paths,
    make_app: AppMaker,
) -> None:
    clock = clock_at(21, 20)
    services = london_services(home, clock)
    finish_a_routine(services, clock)  # done at about 21:26
    services.settings = replace(
        services.settings, reminders=replace(services.settings.reminders, time="22:14")
    )
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert home_line(app).startswith("Done tonight · Next routine: tomorrow night 22:14")
    report = schedule_report(services)
    assert "Tonight     done tonight, so no reminder until the next night" in report
    assert "Tue 24 Nov 2026" not in report and "Wed 25 Nov 2026  22:14" in report
    rule = ReminderRule.of(services.settings.reminders)
    assert next_reminders_line(services, rule) == "done tonight, next at Wed 22:14"


def test_print_systemd_and_cron_keep_legease_home_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEGEASE_HOME", str(tmp_path))
    for option in ("--print-systemd", "--print-cron"):
        assert main(["remind", option]) == 0
        out = capsys.readouterr().out
        assert f"remind --home {tmp_path}" in out, option
