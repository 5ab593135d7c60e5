"""One refresh path: a screen uncovered after a save refreshes once (on resume), not twice."""

from __future__ import annotations

import pytest
from support.app_builder import AppMaker
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from legease_tui.app.main import LegEaseApp
from legease_tui.screens.entry import EntryScreen
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.log import LogScreen
from legease_tui.screens.settings import SettingsScreen
from legease_tui.services import Services

SIZE = (100, 32)
pytestmark = pytest.mark.usefixtures("reminders_at_once")


def count_calls(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[object]:
    """Record each call of `cls.name` (the screen it was called on) and still run it."""
    calls: list[object] = []
    original = getattr(cls, name)

    def counted(self: object) -> None:
        calls.append(self)
        original(self)

    monkeypatch.setattr(cls, name, counted)
    return calls


async def settled(app: LegEaseApp, pilot: Pilot[int]) -> None:
    """Past start-up: the first frame drawn and the reminder started (each refreshes Home)."""
    while not app.reminders._started:
        await pilot.pause()
    await pilot.pause()


async def test_home_refreshes_once_after_an_entry_is_saved(
    services: Services, monkeypatch: pytest.MonkeyPatch, make_app: AppMaker
) -> None:
    refreshes = count_calls(monkeypatch, HomeScreen, "show_state")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("n")
        assert isinstance(app.screen, EntryScreen)
        app.screen.query_one("#input-tension", Input).value = "6"
        refreshes.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "6" in str(app.screen.query_one("#recent", Static).render())
        assert len(refreshes) == 1


async def test_home_refreshes_once_after_settings_are_saved(
    services: Services, monkeypatch: pytest.MonkeyPatch, make_app: AppMaker
) -> None:
    refreshes = count_calls(monkeypatch, HomeScreen, "show_state")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#routine", Select).value = "full-unwind"
        refreshes.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Full unwind" in str(app.screen.query_one("#tonight", Static).render())
        assert len(refreshes) == 1


async def test_the_log_reads_itself_once_after_an_entry_is_saved(
    services: Services, monkeypatch: pytest.MonkeyPatch, make_app: AppMaker
) -> None:
    reloads = count_calls(monkeypatch, LogScreen, "reload")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("l")
        await pilot.press("n")
        assert isinstance(app.screen, EntryScreen)
        app.screen.query_one("#input-tension", Input).value = "4"
        reloads.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        assert app.screen.shown and app.screen.shown[0].entry.tension == 4
        assert len(reloads) == 1
