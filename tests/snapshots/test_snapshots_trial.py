"""Snapshots of the Trial screen (planning, and a trial under way) and the morning check-in,
at 100x32 and 80x24."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from support.app_builder import AppMaker
from textual.pilot import Pilot

from legease_tui.core.clock import FakeClock
from legease_tui.core.trial.adherence import arms_testing
from legease_tui.core.trial.design import ROUTINE_ARMS, TrialDesign
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZES = [(100, 32), (80, 24)]
LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def fixed_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("legease_tui.screens.trial.new_seed", lambda: 7)


def _press(*keys: str) -> Any:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
class TestTrialSnapshots:
    def test_planning(
        self, snap_compare: Any, services: Services, size: tuple[int, int], make_app: AppMaker
    ) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=_press("t"))

    def test_under_way(
        self, snap_compare: Any, services: Services, size: tuple[int, int], make_app: AppMaker
    ) -> None:
        assert services.trial is not None
        arms = arms_testing(ROUTINE_ARMS, services.routines, "calf-hamstring")
        design = TrialDesign(start=services.clock.now().date(), seed=7, arms=arms).chosen()
        services.trial.start(design)
        assert snap_compare(make_app(), terminal_size=size, run_before=_press("t"))

    def test_morning_check_in(
        self, snap_compare: Any, home: Paths, size: tuple[int, int], make_app: AppMaker
    ) -> None:
        clock = FakeClock(datetime(2026, 11, 25, 7, 30, tzinfo=LONDON))
        app = make_app(with_services=build_services(home, clock))
        assert snap_compare(app, terminal_size=size, run_before=_press("m"))
