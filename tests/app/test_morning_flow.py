"""The morning check-in on Home: offered before noon while last night has no morning answers,
not after noon nor once answered; saving merges into the night and keeps its evening answers."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from support.app_builder import AppMaker
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from legease_tui.core.clock import FakeClock
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.morning import MorningScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")
LAST_NIGHT = date(2026, 11, 24)


def at(home: Paths, hour: int, minute: int = 0) -> Services:
    return build_services(home, FakeClock(datetime(2026, 11, 25, hour, minute, tzinfo=LONDON)))


def in_use(services: Services) -> Services:
    """A log already used: the night before last was logged (not a brand-new install)."""
    assert services.log is not None
    services.log.update(date(2026, 11, 23), {"tension": "4"})
    return services


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def _offered(services: Services, make_app: AppMaker) -> bool:
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        line = app.screen.query_one("#morning-check", Static)
        return line.display and "How was last night?" in str(line.render())


async def test_offered_before_noon_and_not_after(home: Paths, make_app: AppMaker) -> None:
    assert await _offered(in_use(at(home, 7, 30)), make_app)
    assert not await _offered(at(home, 12, 0), make_app)


async def test_not_offered_on_a_new_install_and_no_zero_streak(
    home: Paths, make_app: AppMaker
) -> None:
    services = at(home, 7, 30)
    assert not await _offered(services, make_app)
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        streak = str(app.screen.query_one("#streak", Static).render())
    assert "0 nights" not in streak
    assert streak == "Routine streak: starts with your first routine"


async def test_m_after_noon_asks_about_the_night_slept_and_names_it(
    home: Paths, make_app: AppMaker
) -> None:
    """At 3 pm the current night (the 25th) has not begun: `m` is about the 24th, and says so."""
    services = in_use(at(home, 15, 0))
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        await pilot.press("m")
        await _settle(pilot)
        form = app.screen
        assert isinstance(form, MorningScreen) and form.night == LAST_NIGHT
        title = str(form.query_one(".section-title", Static).render())
        assert title == "How was last night (Tue 24 Nov)?"
        await pilot.press("2", "ctrl+s")
        await _settle(pilot)
    assert services.log is not None
    entry = services.log.get(LAST_NIGHT)
    assert entry is not None and entry.cramps == 2
    assert services.log.get(date(2026, 11, 25)) is None


async def test_not_offered_once_last_night_has_a_morning_answer(
    home: Paths, make_app: AppMaker
) -> None:
    services = in_use(at(home, 7, 30))
    assert services.log is not None
    services.log.update(LAST_NIGHT, {"tension": "5"})  # evening answers alone: still offered
    assert await _offered(services, make_app)
    services.log.update(LAST_NIGHT, {"cramps": "0"})
    assert not await _offered(services, make_app)


async def test_the_check_in_merges_into_the_night_and_the_offer_goes(
    home: Paths, make_app: AppMaker
) -> None:
    services = at(home, 7, 30)
    assert services.log is not None
    services.log.update(LAST_NIGHT, {"tension": "6", "lights_out": "23:10", "water": "5"})
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        await pilot.press("m")
        await _settle(pilot)
        form = app.screen
        assert isinstance(form, MorningScreen)
        form.query_one("#input-cramps", Input).value = "2"
        form.query_one("#input-worst_cramp", Input).value = "7"
        form.query_one("#input-final_wake", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await _settle(pilot)
        assert isinstance(app.screen, MorningScreen)  # refused, named under the field
        assert "HH:MM" in str(form.query_one("#error-final_wake", Static).render())
        form.query_one("#input-final_wake", Input).value = "645"  # HHMM, as typed half awake
        await _settle(pilot)
        assert not form.query_one("#error-final_wake", Static).has_class("shown")  # mended
        form.query_one("#input-out_of_bed", Input).value = "07:05"
        form.query_one("#input-worst_minutes", Input).value = "4"
        form.query_one("#input-cramp_leg", Select).value = "right"
        form.query_one("#input-cramp_muscle", Select).value = "calf"
        form.query_one("#input-cramp_woke", Select).value = "yes"
        await pilot.press("ctrl+s")
        await _settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.query_one("#morning-check").display
    entry = services.log.get(LAST_NIGHT)
    assert entry is not None
    assert (entry.cramps, entry.worst_cramp) == (2, 7)
    assert (entry.final_wake, entry.out_of_bed) == (time(6, 45), time(7, 5))
    assert (entry.worst_minutes, entry.cramp_leg, entry.cramp_muscle, entry.cramp_woke) == (
        4,
        "right",
        "calf",
        True,
    )
    assert (entry.tension, entry.lights_out, entry.water) == (6, time(23, 10), 5)  # kept


async def test_typing_goes_to_cramps_and_an_empty_check_in_saves_nothing(
    home: Paths, make_app: AppMaker
) -> None:
    services = at(home, 7, 30)
    assert services.log is not None
    app = make_app(with_services=services)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("m")
        await _settle(pilot)
        await pilot.press("ctrl+s")
        await _settle(pilot)
        assert isinstance(app.screen, MorningScreen)
        assert services.log.get(LAST_NIGHT) is None  # no empty night written
        await pilot.press("3", "ctrl+s")
        await _settle(pilot)
    entry = services.log.get(LAST_NIGHT)
    assert entry is not None and entry.cramps == 3


async def test_after_a_quiet_week_home_does_not_say_no_nights_yet(
    home: Paths, make_app: AppMaker
) -> None:
    services = at(home, 8, 0)
    assert services.log is not None
    services.log.update(date(2026, 11, 1), {"tension": "4"})  # weeks ago
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await _settle(pilot)
        recent = str(app.screen.query_one("#recent", Static).render())
    assert recent.startswith("No nights logged in the last 7")


async def test_home_names_the_evening_ahead_this_evening_before_noon(
    home: Paths, make_app: AppMaker
) -> None:
    for hour, title in (
        (5, "This evening"),
        (11, "This evening"),
        (15, "Tonight"),
        (21, "Tonight"),
    ):
        app = make_app(with_services=at(home, hour, 0))
        async with app.run_test(size=(100, 32)) as pilot:
            await _settle(pilot)
            assert str(app.screen.query_one("#tonight-title", Static).render()) == title
