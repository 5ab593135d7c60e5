"""Every screen at 80x24, the smallest terminal LegEase promises to fit (issue 14): all its text
shown (wrapped, or scrolling with a visible hint), the footer keeping `?` and `q`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from support.app_builder import AppMaker
from support.quiz_helpers import DESK_JOB, keys_to_answer
from test_snapshots_log import fill_log
from test_snapshots_quiz import CONTENT
from textual.pilot import Pilot

from legease_tui.core.clock import FakeClock
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SMALL = (80, 24)
Before = Callable[[Pilot[Any]], Awaitable[None]]


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def pressing(*keys: str) -> Before:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def after(clock: FakeClock, seconds: float, *keys: str) -> Before:
    """Let a routine run `seconds` on the fake clock, then press `keys`."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        clock.advance(seconds)
        screen = pilot.app.screen
        assert isinstance(screen, RoutineScreen)
        screen.advance()
        await settle(pilot)

    return run_before


class TestEveryScreenAt80x24:
    def test_home(self, snap_compare: Any, services: Services, make_app: AppMaker) -> None:
        fill_log(services)
        assert snap_compare(make_app(), terminal_size=SMALL, run_before=pressing())

    def test_help_over_home(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("question_mark"))

    def test_help_scrolled_to_its_end(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("question_mark", "end"))

    def test_routine_step(
        self, snap_compare: Any, services: Services, clock: FakeClock, make_app: AppMaker
    ) -> None:
        app = make_app("routine")
        assert snap_compare(app, terminal_size=SMALL, run_before=after(clock, 15 + 10 + 3))

    def test_routine_breathing_step(
        self, snap_compare: Any, services: Services, clock: FakeClock, make_app: AppMaker
    ) -> None:
        app = make_app("routine")
        assert snap_compare(app, terminal_size=SMALL, run_before=after(clock, 3, "n", "n"))

    def test_breathing_choice(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        app = make_app("breathing")
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing())

    def test_breathing_pacer(
        self, snap_compare: Any, services: Services, clock: FakeClock, make_app: AppMaker
    ) -> None:
        app = make_app("breathing")
        assert snap_compare(app, terminal_size=SMALL, run_before=after(clock, 11 + 3, "enter"))

    def test_stop_routine_confirm(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        app = make_app("routine")
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("escape"))

    def test_summary(
        self, snap_compare: Any, services: Services, clock: FakeClock, make_app: AppMaker
    ) -> None:
        app = make_app("routine")
        assert snap_compare(app, terminal_size=SMALL, run_before=after(clock, 400))

    def test_quiz_question(self, snap_compare: Any, services: Services, make_app: AppMaker) -> None:
        keys = keys_to_answer(CONTENT, DESK_JOB, until="age")
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("k", *keys))

    def test_quiz_result(self, snap_compare: Any, services: Services, make_app: AppMaker) -> None:
        app = make_app()
        keys = keys_to_answer(CONTENT, DESK_JOB)
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("k", *keys))

    @pytest.mark.parametrize("tab", ["1", "2", "3"])
    def test_log(self, snap_compare: Any, services: Services, tab: str, make_app: AppMaker) -> None:
        fill_log(services)
        app = make_app("log")
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing(tab))

    def test_entry_form(self, snap_compare: Any, services: Services, make_app: AppMaker) -> None:
        fill_log(services)
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("n"))

    def test_settings(self, snap_compare: Any, services: Services, make_app: AppMaker) -> None:
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("s"))

    def test_keys_panel(self, snap_compare: Any, services: Services, make_app: AppMaker) -> None:
        async def keys_panel(pilot: Pilot[Any]) -> None:
            await settle(pilot)
            pilot.app.action_show_help_panel()
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SMALL, run_before=keys_panel)


LONDON = ZoneInfo("Europe/London")


@pytest.mark.usefixtures("reminders_at_once")
def test_reminder_dialog(snap_compare: Any, home: Paths, make_app: AppMaker) -> None:
    """Tuesday 24 Nov 2026 22:10 in London, reminders on at 21:30: tonight was missed."""
    services = build_services(home, FakeClock(datetime(2026, 11, 24, 22, 10, tzinfo=LONDON)))
    services.zone = LONDON
    reminders = replace(services.settings.reminders, enabled=True)
    services.settings = replace(services.settings, reminders=reminders)
    assert snap_compare(
        make_app(with_services=services), terminal_size=SMALL, run_before=pressing()
    )
