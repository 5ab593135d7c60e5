"""A whole personal trial driven through the app on a fake clock: planned and started on the
Trial screen, Home saying what each night is, routine and no-routine nights, a morning check-in
after each, a routine started anyway on a no-routine night (asked, recorded as a deviation),
and the report once the plan has ended."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from support.app_builder import AppMaker
from textual.pilot import Pilot
from textual.widgets import Input, Static

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.morning import MorningScreen
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 11, 24, 20, 0, tzinfo=LONDON)


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _text(app: LegEaseApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_a_whole_trial_from_plan_to_report(home: Paths, make_app: AppMaker) -> None:
    clock = FakeClock(START)
    services = build_services(home, clock)
    assert services.log is not None and services.trial is not None
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        await pilot.press("t")
        await _settle(pilot)
        for name, value in (("block", "2"), ("pairs", "4"), ("washout", "0")):
            app.screen.query_one(f"#{name}", Input).value = value
        await pilot.press("ctrl+s")
        await _settle(pilot)
        await pilot.press("escape")
        trial = services.trial.running()
        assert trial is not None
        deviated = None
        for planned in trial.design.nights():
            evening = datetime.combine(planned.night, START.timetz())
            clock.set_wall(evening)
            app.refresh_home()
            await _settle(pilot)
            does_routine = trial.design.arms[planned.arm].does_routine
            line = _text(app, "#trial-tonight")
            assert line.startswith(f"Trial night {planned.number} of 16 · tonight: ")
            assert ("no routine — just log" in line) == (not does_routine)
            if not does_routine and deviated is None:  # once: a routine anyway, asked first
                await pilot.press("r")
                await _settle(pilot)
                assert isinstance(app.screen, ConfirmDialog)
                await pilot.click("#yes")
                await _settle(pilot)
                assert isinstance(app.screen, RoutineScreen)
                app.pop_screen()
                deviated = planned.night
            if does_routine or deviated == planned.night:
                services.log.record_session(
                    SessionOutcome(
                        "calf-hamstring", "Calf & hamstring", evening, 341, 341, 3, 3, True
                    )
                )
            clock.set_wall(evening + timedelta(hours=11, minutes=30))  # 07:30 next morning
            app.refresh_home()
            await _settle(pilot)
            assert app.screen.query_one("#morning-check").display
            await pilot.press("m")
            await _settle(pilot)
            assert isinstance(app.screen, MorningScreen)
            cramps = "1" if does_routine else "3"
            app.screen.query_one("#input-cramps", Input).value = cramps
            await pilot.press("ctrl+s")
            await _settle(pilot)
            assert not app.screen.query_one("#morning-check").display
        assert deviated is not None
        assert _text(app, "#trial-tonight").startswith("Your trial has ended: press t")
        await pilot.press("t")
        await _settle(pilot)
        report = _text(app, "#trial-report")
    assert "Your last trial (finished)" in report
    assert "16 nights logged · 0 nights missing · 1 deviation from the plan" in report
    # 4 pairs, every routine night better: p = 2 / 2^4 = 0.125, so no clear difference.
    assert "Verdict: this trial cannot tell" in report
    assert "p = 0.125" in report
    assert "does not replace a clinician" in report
