"""Snapshot tests of the foundation screens (update with `make snapshot-update`)."""

from __future__ import annotations

from typing import Any

from support.app_builder import AppMaker
from textual.pilot import Pilot

from legease_tui.core.clock import FakeClock
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services

SIZE = (100, 32)


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


class TestFoundationScreens:
    def test_home(self, snap_compare: Any, services: Services, make_app: AppMaker) -> None:
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=_settle)

    def test_routine_step_mid_hold(
        self, snap_compare: Any, services: Services, clock: FakeClock, make_app: AppMaker
    ) -> None:
        async def hold_two(pilot: Pilot[Any]) -> None:
            await pilot.pause()
            clock.advance(15 + 10 + 10 + 3)  # left calf, 3 s into hold 2 of 3
            screen = pilot.app.screen
            assert isinstance(screen, RoutineScreen)
            screen.advance()
            await _settle(pilot)

        app = make_app("routine")
        assert snap_compare(app, terminal_size=SIZE, run_before=hold_two)

    def test_breathing_pacer_mid_inhale(
        self, snap_compare: Any, services: Services, clock: FakeClock, make_app: AppMaker
    ) -> None:
        async def mid_inhale(pilot: Pilot[Any]) -> None:
            await pilot.pause()
            await pilot.press("enter")  # resonance, the first pattern
            await pilot.pause()
            clock.advance(11 + 3)  # second cycle, 3 s into breathing in
            screen = pilot.app.screen
            assert isinstance(screen, RoutineScreen)
            screen.advance()
            await _settle(pilot)

        app = make_app("breathing")
        assert snap_compare(app, terminal_size=SIZE, run_before=mid_inhale)

    def test_help_over_home(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        assert snap_compare(
            make_app(), terminal_size=SIZE, press=["question_mark"], run_before=_settle
        )
