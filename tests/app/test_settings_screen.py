"""Settings: the form's validation (each error names its field) and the screen, with Pilot."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from support.app_builder import AppMaker
from textual.widgets import Checkbox, Input, Static

from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.settings import SettingsScreen
from legease_tui.services import Services
from legease_tui.settings.form import FIELDS, apply_form, current_value
from legease_tui.settings.settings import Settings

SIZE = (100, 32)
pytestmark = pytest.mark.usefixtures("reminders_at_once")
ROUTINES = ("calf-hamstring", "full-unwind")
THEMES = ("legease-night", "textual-dark")


def form(**changes: Any) -> dict[str, Any]:
    values = {field.name: current_value(Settings(), field) for field in FIELDS}
    values.update({name.replace("__", "."): value for name, value in changes.items()})
    return values


def test_unchanged_form_gives_the_same_settings() -> None:
    result = apply_form(Settings(), form(), ROUTINES, THEMES)
    assert result.errors == {} and result.settings == Settings()


def test_typed_values_become_settings() -> None:
    result = apply_form(
        Settings(),
        form(reminders__time="21:00", reminders__snooze_minutes=" 5 ", reminders__days=["sat"]),
        ROUTINES,
        THEMES,
    )
    assert result.settings is not None
    assert result.settings.reminders.time == "21:00"
    assert result.settings.reminders.snooze_minutes == 5
    assert result.settings.reminders.days == ("sat",)


def test_each_bad_value_is_named_with_what_is_allowed() -> None:
    result = apply_form(
        Settings(),
        form(
            reminders__time="9pm",
            reminders__snooze_minutes="0",
            reminders__days=[],
            sound__volume="loud",
            theme="neon",
        ),
        ROUTINES,
        THEMES,
    )
    assert result.settings is None
    assert result.errors["reminders.time"].startswith("Time (HH:MM): expected a time of day")
    assert "from 1 to 120" in result.errors["reminders.snooze_minutes"]
    assert result.errors["reminders.days"].startswith("Days: expected days")
    assert "from 0 to 100" in result.errors["sound.volume"]
    assert "legease-night" in result.errors["theme"]


def test_latest_before_the_reminder_time_is_refused() -> None:
    result = apply_form(Settings(), form(reminders__time="23:45"), ROUTINES, THEMES)
    assert "Latest time" in result.errors["reminders.latest"]


async def test_bad_values_are_shown_under_their_fields_and_nothing_is_saved(
    services: Services,
    make_app: AppMaker,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#reminders--time", Input).value = "25:00"
        screen.query_one("#reminders--snooze_minutes", Input).value = "500"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        time_error = screen.query_one("#error--reminders--time", Static)
        assert time_error.has_class("shown")
        assert "Time (HH:MM): expected" in str(time_error.render())
        snooze_error = str(screen.query_one("#error--reminders--snooze_minutes", Static).render())
        assert "Snooze length (min): expected a whole number from 1 to 120" in snooze_error
        assert not screen.query_one("#error--reminders--latest", Static).has_class("shown")
        assert not services.paths.config_file.exists()


async def test_saving_writes_config_and_home_shows_the_reminder(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#reminders--enabled", Checkbox).value = True
        await pilot.pause()
        assert str(screen.query_one("#reminders--enabled", Checkbox).label) == "on"
        screen.query_one("#reminders--time", Input).value = "22:15"
        screen.query_one("#reminders--days--sun", Checkbox).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        saved = tomllib.loads(services.paths.config_file.read_text())
        assert saved["reminders"]["enabled"] is True
        assert saved["reminders"]["time"] == "22:15"
        assert "sun" not in saved["reminders"]["days"]
        assert services.settings.reminders.time == "22:15"
        line = str(app.screen.query_one("#next-reminder", Static).render())
        assert "Next routine:" in line and "22:15" in line


async def test_escape_leaves_without_saving(services: Services, make_app: AppMaker) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#reminders--time", Input).value = "20:00"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # edits are never dropped unasked
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert services.settings.reminders.time == "21:30"
        assert not services.paths.config_file.exists()


async def test_settings_say_which_player_and_voice_the_services_find_not_the_machines(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app: AppMaker
) -> None:
    programs = tmp_path / "bin"
    programs.mkdir()
    (programs / "aplay").write_text("#!/bin/sh\n")  # the machine has aplay and no voice ...
    (programs / "aplay").chmod(0o755)
    monkeypatch.setenv("PATH", str(programs))
    app = make_app()  # ... the services' audio programs (the tests' fake) find paplay, espeak-ng
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = str(app.screen.query_one("#audio-setup", Static).render())
    assert "Player: paplay (/usr/bin/paplay, found on PATH)." in text
    assert "Voice: off" in text and "speech program espeak-ng (/usr/bin/espeak-ng)" in text
    assert "aplay (" not in text.replace("paplay (", "")


async def test_a_settings_error_goes_once_the_field_is_mended(
    services: Services, make_app: AppMaker
) -> None:
    """Issue 25: the message stayed until the next save; "2130" is a time as typed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#reminders--time", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        time_error = screen.query_one("#error--reminders--time", Static)
        assert time_error.has_class("shown")
        screen.query_one("#reminders--time", Input).value = "2130"
        await pilot.pause()
        assert not time_error.has_class("shown") and str(time_error.render()) == ""
        screen.query_one("#reminders--snooze_minutes", Input).value = "500"
        await pilot.pause()  # a field that showed no message gets none before saving
        assert not screen.query_one("#error--reminders--snooze_minutes", Static).has_class("shown")
        screen.query_one("#reminders--snooze_minutes", Input).value = "10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert services.settings.reminders.time == "21:30"
