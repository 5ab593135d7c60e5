"""Choices stick (issue 14 §4): a routine or theme chosen in the palette is saved to config.toml
the way Settings saves, shows in Settings and survives a restart; saving one setting never
reverts another; Settings asks before dropping edits, as the entry form does."""

from __future__ import annotations

import inspect
import tomllib

import pytest
from support.app_builder import AppMaker
from textual.pilot import Pilot
from textual.widgets import Input, Select

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.core.tonight import routine_for_tonight
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.settings import SettingsScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZE = (100, 32)
pytestmark = pytest.mark.usefixtures("reminders_at_once")


def saved(services: Services) -> dict[str, object]:
    return tomllib.loads(services.paths.config_file.read_text())


def tonights(services: Services) -> str:
    return routine_for_tonight(services.routines, services.settings.routine).key


async def choose_in_palette(pilot: Pilot[int], app: LegEaseApp, title: str) -> None:
    """Run the palette entry named `title` (what pressing enter on it does)."""
    (command,) = [c for c in app.get_system_commands(app.screen) if c.title == title]
    ran = command.callback()
    if inspect.isawaitable(ran):
        await ran
    await pilot.pause()


async def test_palette_routine_is_saved_shown_in_settings_and_survives_restart(
    services: Services, home: Paths, clock: FakeClock, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_in_palette(pilot, app, "Routine: Quick reset")
        assert tonights(services) == "quick-reset"
        assert saved(services)["routine"] == "quick-reset"
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert screen.query_one("#routine", Select).value == "quick-reset"
    again = build_services(home, clock)
    assert tonights(again) == "quick-reset"


async def test_saving_settings_keeps_a_routine_chosen_while_they_were_open(
    services: Services,
    make_app: AppMaker,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        await choose_in_palette(
            pilot, app, "Routine: Full unwind"
        )  # the form still shows the old one
        assert app.screen is screen
        screen.query_one("#sound--volume", Input).value = "40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    config = saved(services)
    assert config["routine"] == "full-unwind"  # not reverted to calf-hamstring
    assert config["sound"]["volume"] == 40  # type: ignore[index]
    assert tonights(services) == "full-unwind"


async def test_theme_from_the_picker_is_saved_and_survives_restart(
    services: Services, home: Paths, clock: FakeClock, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "nord"  # what Textual's theme picker does with the chosen theme
        await pilot.pause()
        assert saved(services)["theme"] == "nord"
    again = make_app(with_services=build_services(home, clock))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_settings_escape_with_edits_asks_and_can_keep_editing(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#reminders--time", Input).value = "20:00"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#reminders--time", Input).value == "20:00"
        screen.query_one("#reminders--time", Input).value = "21:30"  # back as it was
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # nothing to lose: no question
