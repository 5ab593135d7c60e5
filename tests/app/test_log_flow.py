"""Pilot flows: log a night from Home, see it in the log, edit it, delete it."""

from __future__ import annotations

from datetime import date, timedelta

from support.app_builder import AppMaker
from support.notices import Notices
from textual.widgets import DataTable, Input, Static

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.core.storage.store import Store
from legease_tui.messages import RoutineEnded
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.entry import EntryScreen
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.log import LogScreen
from legease_tui.screens.summary import SummaryScreen
from legease_tui.services import Services

TONIGHT = date(2026, 11, 24)  # the FakeClock's evening


def repository(services: Services) -> LogRepository:
    assert services.log is not None
    return services.log


async def test_new_entry_from_home_saves_and_shows_on_home(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, EntryScreen)
        app.screen.query_one("#input-tension", Input).value = "6"
        app.screen.query_one("#input-cramps", Input).value = "1"
        app.screen.query_one("#input-other-tags", Input).value = "Heat"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert repository(services).get(TONIGHT) == NightEntry(
            TONIGHT, tension=6, cramps=1, tags=("heat",)
        )
        recent = str(app.screen.query_one("#recent", Static).render())
        assert "6" in recent and "✱1" in recent


async def test_a_bad_value_shows_an_inline_error_and_saves_nothing(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        form = app.screen
        form.query_one("#input-tension", Input).value = "12"
        form.query_one("#input-into_bed", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = form.query_one("#error-tension", Static)
        assert error.has_class("shown") and "from 0 to 10" in str(error.render())
        assert "HH:MM" in str(form.query_one("#error-into_bed", Static).render())
        assert repository(services).entries() == []


async def test_escape_asks_before_dropping_changes(services: Services, make_app: AppMaker) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        app.screen.query_one("#input-tension", Input).value = "4"
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("escape", "y")
        assert isinstance(app.screen, HomeScreen)
        assert repository(services).entries() == []


async def test_log_lists_edits_and_deletes_a_night(services: Services, make_app: AppMaker) -> None:
    log = repository(services)
    log.add(NightEntry(TONIGHT, tension=6, cramps=1))
    log.add(NightEntry(TONIGHT - timedelta(days=1), tension=3))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LogScreen)
        table = app.screen.query_one("#night-table", DataTable)
        assert table.row_count == 2
        assert table.get_row_at(0)[:3] == ["Tue 24 Nov 2026", "6", "1"]
        await pilot.press("enter")
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.query_one("#input-tension", Input).value == "6"
        app.screen.query_one("#input-tension", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        assert table.get_row_at(0)[1] == "2"
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert table.row_count == 1
        assert [e.night for e in log.entries()] == [TONIGHT - timedelta(days=1)]


async def test_a_night_added_elsewhere_while_the_app_is_open_is_kept(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        # Another terminal: `legease log add` on the same file, with its own Store.
        other = LogRepository(Store.open(services.paths.database_file), FakeClock())
        other.add(NightEntry(TONIGHT - timedelta(days=1), tension=5))
        app.screen.query_one("#input-tension", Input).value = "3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("l")
        assert app.screen.query_one("#night-table", DataTable).row_count == 2
    nights = [e.night for e in repository(services).entries()]
    assert nights == [TONIGHT, TONIGHT - timedelta(days=1)]


async def test_routine_outcome_is_stored_and_summary_logs_the_night(
    services: Services, make_app: AppMaker
) -> None:
    clock = services.clock
    outcome = SessionOutcome("calf", "Calf & hamstring", clock.now(), 341, 341, 3, 3, True)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        app.post_message(RoutineEnded(outcome))  # as the routine screen says it
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert repository(services).routine_nights() == {TONIGHT}
        await pilot.press("n")
        assert isinstance(app.screen, EntryScreen)
        app.screen.query_one("#input-tension", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "1 night in a row" in str(app.screen.query_one("#streak", Static).render())
        assert [n.routine_done for n in repository(services).nights()] == [True]


async def test_log_start_opens_the_log_over_home(services: Services, make_app: AppMaker) -> None:
    app = make_app("log")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_log_filters_narrow_the_table(services: Services, make_app: AppMaker) -> None:
    log = repository(services)
    log.add(NightEntry(TONIGHT, cramps=0, tags=("heat",)))
    log.add(NightEntry(TONIGHT - timedelta(days=2), cramps=2))
    log.add(NightEntry(TONIGHT - timedelta(days=60), cramps=1))
    app = make_app("log")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#night-table", DataTable)
        assert table.row_count == 2  # the last 30 nights
        screen.query_one("#from", Input).value = "2026-09-01"
        screen.query_one("#from", Input).focus()
        await pilot.press("enter")
        assert table.row_count == 3
        screen.query_one("#to", Input).value = "junk"
        screen.query_one("#to", Input).focus()
        await pilot.press("enter")
        assert "to: 'junk'" in str(screen.query_one("#filter-error", Static).render())
        assert table.row_count == 3


async def test_r_reads_a_night_added_elsewhere_into_the_open_log(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app("log")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#night-table", DataTable)
        assert table.row_count == 0
        other = LogRepository(Store.open(services.paths.database_file), FakeClock())
        other.add(NightEntry(TONIGHT, tension=5))
        await pilot.press("r")
        assert table.row_count == 1
        await pilot.press("question_mark")
        texts = [str(static.render()) for static in app.screen.query(Static)]
        assert any("[ and ] page the calendar; r reads the log again" in t for t in texts)


async def test_saving_an_empty_new_night_saves_nothing_and_says_so(
    services: Services, make_app: AppMaker
) -> None:
    app, notices = make_app(), Notices()
    async with app.run_test(size=(100, 32), message_hook=notices) as pilot:
        await pilot.press("n")
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert repository(services).entries() == []
        assert any("Nothing to save yet" in message for message in notices.messages())
