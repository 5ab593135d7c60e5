"""The entry form notices when another writer changed its night since it opened: it never
overwrites silently, and offers to keep the stored values, keep the form's, or see both."""

from __future__ import annotations

from datetime import date

from support.app_builder import AppMaker
from textual.widgets import Input, Static

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.storage.store import Store
from legease_tui.screens.dialogs import ConflictDialog
from legease_tui.screens.entry import EntryScreen
from legease_tui.screens.home import HomeScreen
from legease_tui.services import Services

TONIGHT = date(2026, 11, 24)  # the FakeClock's evening


def other_terminal(services: Services) -> LogRepository:
    """`legease log add --update` in another terminal: its own Store on the same file."""
    return LogRepository(Store.open(services.paths.database_file), FakeClock())


async def _form_saved_after_another_change(services: Services, app: LegEaseApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("n")
    assert isinstance(app.screen, EntryScreen)
    other_terminal(services).update(TONIGHT, {"water": 5, "tension": 2})
    app.screen.query_one("#input-tension", Input).value = "6"
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_saving_over_a_night_changed_elsewhere_asks_and_keeps_the_stored(
    services: Services,
    make_app: AppMaker,
) -> None:
    other_terminal(services).add(NightEntry(TONIGHT, tension=3))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _form_saved_after_another_change(services, app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert other_terminal(services).get(TONIGHT) == NightEntry(TONIGHT, tension=2, water=5)
        await pilot.press("b")  # see both, side by side
        shown = str(app.screen.query_one("#conflict-fields", Static).render())
        assert "Tension at bedtime" in shown and "2" in shown and "6" in shown
        assert "Glasses of water" in shown and "5" in shown
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert other_terminal(services).get(TONIGHT) == NightEntry(TONIGHT, tension=2, water=5)


async def test_keeping_the_forms_values_saves_them(services: Services, make_app: AppMaker) -> None:
    app = make_app()  # a new night: another terminal logs it while the form is open
    async with app.run_test(size=(100, 40)) as pilot:
        await _form_saved_after_another_change(services, app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert other_terminal(services).get(TONIGHT) == NightEntry(TONIGHT, tension=6)


async def test_escape_in_the_dialog_goes_back_to_the_form_with_nothing_written(
    services: Services,
    make_app: AppMaker,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _form_saved_after_another_change(services, app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.query_one("#input-tension", Input).value == "6"
    assert other_terminal(services).get(TONIGHT) == NightEntry(TONIGHT, tension=2, water=5)
