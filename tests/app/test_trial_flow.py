"""The Trial screen: `t` on Home plans a trial in words, starts it, shows progress (never a
running result), Home says what tonight is, stop asks first, and the report shows at the end."""

from __future__ import annotations

from typing import Any

from support.app_builder import AppMaker
from textual.pilot import Pilot
from textual.widgets import Input, Static

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.trial import TrialScreen
from legease_tui.services import Services

DAY = 24 * 3600


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _text(app: LegEaseApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _open_trial(pilot: Pilot[Any]) -> TrialScreen:
    await _settle(pilot)
    await pilot.press("t")
    await _settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TrialScreen)
    return screen


async def test_t_plans_a_trial_in_words_and_starts_it(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _open_trial(pilot)
        plan = _text(app, "#trial-plan")
        assert "36 nights" in plan and "2 / 2^6" in plan
        assert "cannot tell" in plan  # what it cannot show is said before the start
        screen.query_one("#pairs", Input).value = "4"
        await _settle(pilot)
        plan = _text(app, "#trial-plan")
        assert "2 / 2^4" in plan and "this one cannot" in plan
        screen.query_one("#pairs", Input).value = "11"
        await _settle(pilot)
        assert "Not a plan yet" in _text(app, "#trial-plan")
        screen.query_one("#pairs", Input).value = "6"
        await pilot.press("ctrl+s")
        await _settle(pilot)
        assert services.trial is not None and services.trial.running() is not None
        status = _text(app, "#trial-status")
        assert "Night 1 of 36" in status and "0 deviations" in status
        assert "Verdict" not in _text(app, "#trial-report")  # no running result
        await pilot.press("escape")
        await _settle(pilot)
        line = _text(app, "#trial-tonight")
        assert line.startswith("Trial night 1 of 36 · tonight: ")


async def test_a_second_trial_cannot_start_and_stop_asks(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_trial(pilot)
        await pilot.press("ctrl+s")
        await _settle(pilot)
        await pilot.press("ctrl+s")  # the form is gone while one runs: nothing happens
        await pilot.press("x")
        await _settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await _settle(pilot)
        assert services.trial is not None and services.trial.running() is not None
        await pilot.press("x")
        await _settle(pilot)
        await pilot.click("#yes")
        await _settle(pilot)
        assert services.trial.running() is None
        latest = services.trial.latest()
        assert latest is not None and latest.state(services.clock.now().date()) == "stopped early"
        assert "stopped early" in _text(app, "#trial-report")


async def test_report_shows_once_the_plan_has_ended(
    services: Services, clock: FakeClock, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_trial(pilot)
        for name, value in (("block", "2"), ("pairs", "4"), ("washout", "0")):
            app.screen.query_one(f"#{name}", Input).value = value
        await pilot.press("ctrl+s")
        await _settle(pilot)
        await pilot.press("escape")
    assert services.log is not None and services.trial is not None
    trial = services.trial.latest()
    assert trial is not None
    for night in trial.design.nights():
        services.log.update(night.night, {"cramps": 2 if night.arm == 0 else 1})
    clock.advance(17 * DAY)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_trial(pilot)
        report = _text(app, "#trial-report")
        assert "Your last trial (finished)" in report and "Verdict:" in report
        assert "does not replace a clinician" in report


async def test_a_trial_saved_by_a_newer_legease_leaves_home_working(
    services: Services, make_app: AppMaker
) -> None:
    from legease_tui.core.trial.design import TrialDesign

    assert services.trial is not None and services.store is not None
    services.trial.start(TrialDesign(services.clock.now().date(), 3))
    with services.store.transaction() as db:
        db.table("trials", cache_size=0).update({"version": 2})
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        assert not app.screen.query_one("#trial-tonight", Static).display
        await pilot.press("t")
        await _settle(pilot)
        assert isinstance(app.screen, TrialScreen)
        assert "newer LegEase" in _text(app, "#trial-status")


async def test_the_footer_offers_only_what_the_trial_allows(
    services: Services, make_app: AppMaker
) -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    def offered(pilot: Pilot[Any]) -> set[str]:
        return {key.key for key in pilot.app.screen.query_one(Footer).query(FooterKey)}

    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _open_trial(pilot)
        assert "ctrl+s" in offered(pilot) and "x" not in offered(pilot)  # planning
        await pilot.press("ctrl+s")
        await _settle(pilot)
        assert "x" in offered(pilot) and "ctrl+s" not in offered(pilot)  # under way


async def test_the_smallest_worthwhile_change_is_chosen_before_the_start(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await _open_trial(pilot)
        assert "0.14 cramps a night (about 1 a week)" in _text(app, "#trial-plan")  # default
        screen.query_one("#worthwhile", Input).value = "0"
        await _settle(pilot)
        assert "Not a plan yet" in _text(app, "#trial-plan")
        screen.query_one("#worthwhile", Input).value = "0.5"
        await _settle(pilot)
        assert "0.50 cramps a night (about 3.5 a week)" in _text(app, "#trial-plan")
        await pilot.press("ctrl+s")
        await _settle(pilot)
    assert services.trial is not None
    trial = services.trial.running()
    assert trial is not None and trial.design.worthwhile == 0.5
