"""Home's trial lines: before noon last night and this evening are named apart (a block
boundary at 08:00 must not call tonight "night 2 … routine" when it is night 3, a no-routine
night); from noon, tonight; once the plan has ended, that it has and where the result is."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from support.app_builder import AppMaker
from textual.pilot import Pilot
from textual.widgets import Static

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.core.trial.design import TrialDesign
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 11, 24, 20, 0, tzinfo=LONDON)
# Seed 1, blocks of 2: nights 1-2 are routine nights, nights 3-4 no-routine nights.
DESIGN = TrialDesign(START.date(), 1, block=2, pairs=4, washout=0)


async def _home_trial_line(app: LegEaseApp, pilot: Pilot[Any]) -> str:
    app.refresh_home()
    await pilot.pause()
    await pilot.pause()
    widget = app.screen.query_one("#trial-tonight", Static)
    return str(widget.render()) if widget.display else ""


async def test_home_names_last_night_and_this_evening_apart_until_noon(
    home: Paths, make_app: AppMaker
) -> None:
    clock = FakeClock(START)
    services = build_services(home, clock)
    assert services.trial is not None
    services.trial.start(DESIGN)
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        clock.set_wall(START + timedelta(days=2, hours=-12))  # 08:00 after night 2
        morning = await _home_trial_line(app, pilot)
        clock.set_wall(START + timedelta(days=2))  # 20:00, night 3
        evening = await _home_trial_line(app, pilot)
        clock.set_wall(START + timedelta(days=16, hours=-12))  # 08:00 after the last night
        ended = await _home_trial_line(app, pilot)
    assert morning.splitlines() == [
        "Trial: last night was night 2 of 16 (routine)",
        "Trial night 3 of 16 · this evening: no routine — just log how your legs are in the "
        "morning",
    ]
    assert "tonight" not in morning
    assert evening == (
        "Trial night 3 of 16 · tonight: no routine — just log how your legs are in the morning"
    )
    assert ended.startswith("Your trial has ended: press t for its result")
    assert "legease trial report" in ended


async def test_home_says_a_stopped_trial_was_stopped_and_where_its_result_is(
    home: Paths, make_app: AppMaker
) -> None:
    clock = FakeClock(START)
    services = build_services(home, clock)
    assert services.trial is not None
    services.trial.start(DESIGN)
    services.trial.stop()
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        line = await _home_trial_line(app, pilot)
    assert line.startswith("Your trial was stopped early: press t for its result")
