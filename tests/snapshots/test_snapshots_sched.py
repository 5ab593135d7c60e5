"""Snapshots of the reminder dialog, the skip question and Settings (with an error shown)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from support.app_builder import AppMaker
from textual.pilot import Pilot
from textual.widgets import Input

from legease_tui.core.clock import FakeClock
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZE = (100, 32)
pytestmark = pytest.mark.usefixtures("reminders_at_once")
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def evening(home: Paths) -> Services:
    """London, Tuesday 24 Nov 2026 22:10, reminders on at 21:30: tonight was missed."""
    services = build_services(home, FakeClock(datetime(2026, 11, 24, 22, 10, tzinfo=LONDON)))
    services.zone = LONDON
    reminders = replace(services.settings.reminders, enabled=True)
    services.settings = replace(services.settings, reminders=reminders)
    return services


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


class TestReminderScreens:
    def test_missed_reminder_dialog(
        self, snap_compare: Any, evening: Services, make_app: AppMaker
    ) -> None:
        assert snap_compare(make_app(with_services=evening), terminal_size=SIZE, run_before=_settle)

    def test_skip_reason_question(
        self, snap_compare: Any, evening: Services, make_app: AppMaker
    ) -> None:
        async def skip(pilot: Pilot[Any]) -> None:
            await _settle(pilot)
            await pilot.press("x")
            await _settle(pilot)

        assert snap_compare(make_app(with_services=evening), terminal_size=SIZE, run_before=skip)

    def test_settings_with_a_bad_time(
        self,
        snap_compare: Any,
        services: Services,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        make_app: AppMaker,
    ) -> None:
        monkeypatch.setenv("PATH", str(tmp_path))  # the same "no player found" on any machine

        async def bad_time(pilot: Pilot[Any]) -> None:
            await _settle(pilot)
            await pilot.press("s")
            await _settle(pilot)
            pilot.app.screen.query_one("#reminders--time", Input).value = "9pm"
            await pilot.press("ctrl+s")
            await _settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=bad_time)
