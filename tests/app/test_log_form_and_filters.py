"""The log's form and filters (issue 14 §5): sleep figures that ignore other fields, the diary's
times named when out of order, date filters applied on change or leaving the box."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

from rich.console import Console
from support.app_builder import AppMaker
from textual.widgets import DataTable, Input, Select, Static

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LoggedNight
from legease_tui.core.log.stats import what_helps
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.screens.entry import EntryScreen
from legease_tui.services import Services

TONIGHT = date(2026, 11, 24)  # the FakeClock's evening


def text_of(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def test_sleep_figures_show_while_tension_is_invalid(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, EntryScreen)
        form.query_one("#input-tension", Input).value = "11"
        for name, value in (("into_bed", "23:00"), ("lights_out", "23:15")):
            form.query_one(f"#input-{name}", Input).value = value
        for name, value in (("final_wake", "07:00"), ("out_of_bed", "07:15")):
            form.query_one(f"#input-{name}", Input).value = value
        await pilot.pause()
        figures = text_of(form, "#sleep-figures")
        assert "Time in bed 8 h 15 min" in figures and "total sleep 7 h 45 min" in figures


async def test_lights_out_before_into_bed_is_the_field_shown_wrong(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        form = app.screen
        form.query_one("#input-into_bed", Input).value = "23:30"
        form.query_one("#input-lights_out", Input).value = "23:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = form.query_one("#error-lights_out", Static)
        assert error.has_class("shown") and "must come after into bed" in str(error.render())
        assert not form.query_one("#error-final_wake", Static).has_class("shown")


async def test_typed_dates_apply_on_change_and_show_in_the_range_box(
    services: Services, make_app: AppMaker
) -> None:
    log = services.log
    assert log is not None
    log.add(NightEntry(TONIGHT, cramps=0))
    log.add(NightEntry(TONIGHT - timedelta(days=60), cramps=1))
    app = make_app("log")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#night-table", DataTable)
        assert table.row_count == 1  # the last 30 nights
        screen.query_one("#from", Input).focus()
        await pilot.press(*"2026-09-01")
        await pilot.pause()
        assert table.row_count == 2  # no Enter needed
        range_box = screen.query_one("#range", Select)
        shown = range_box.query_one("SelectCurrent #label", Static).render()
        assert str(shown) == "2026-09-01 – …"
        range_box.value = "7"
        await pilot.pause()
        assert screen.query_one("#from", Input).value == ""
        assert table.row_count == 1


async def test_a_bad_date_is_named_when_the_box_is_left(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app("log")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#to", Input).focus()
        await pilot.press(*"2026-1")
        await pilot.pause()
        error = screen.query_one("#filter-error", Static)
        assert not error.has_class("shown")  # still typing
        await pilot.press("tab")
        await pilot.pause()
        assert error.has_class("shown") and "to: '2026-1'" in str(error.render())
        screen.query_one("#to", Input).value = "2026-13-01"
        await pilot.pause()
        assert error.has_class("shown") and "'2026-13-01' is not a date" in str(error.render())


def rendered(widget: Static) -> str:
    """What a Static holding a Rich renderable shows, as plain text."""
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_routines_done_counts_a_routine_night_whose_entry_was_deleted(
    services: Services,
    make_app: AppMaker,
) -> None:
    log = services.log
    assert log is not None
    started = datetime(2026, 11, 24, 22, 5).astimezone()
    log.record_session(SessionOutcome("calf", "Calf & hamstring", started, 341, 341, 3, 3, True))
    log.add(NightEntry(TONIGHT, tension=4))
    log.delete(TONIGHT)
    app = make_app("log")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        lines = rendered(app.screen.query_one("#week-compare", Static)).splitlines()
        done = next(line for line in lines if "routines done" in line)
        streak = next(line for line in lines if "routine streak" in line)
        assert done.split()[2] == "1" and "1 night" in streak


def test_what_helps_never_lists_the_flag_tag() -> None:
    nights = [
        LoggedNight(NightEntry(TONIGHT - timedelta(days=back), tension=back % 5, tags=tags), False)
        for back, tags in enumerate([("flag", "heat")] * 4 + [()] * 4)
    ]
    factors = [result.name for result in what_helps(nights)]
    assert "tag: heat" in factors and not any("flag" in name for name in factors)


async def test_a_field_error_goes_once_the_field_is_mended(
    services: Services, make_app: AppMaker
) -> None:
    """Issue 25: the message stayed until the next save; now it follows the field as typed."""
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, EntryScreen)
        form.query_one("#input-final_wake", Input).value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = form.query_one("#error-final_wake", Static)
        assert error.has_class("shown") and "HH:MM" in str(error.render())
        form.query_one("#input-final_wake", Input).value = "9pm"
        await pilot.pause()
        assert error.has_class("shown") and "'9pm'" in str(error.render())
        form.query_one("#input-final_wake", Input).value = "640"  # HHMM: accepted as 06:40
        await pilot.pause()
        assert not error.has_class("shown") and str(error.render()) == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
    entry = services.log.get(TONIGHT) if services.log else None
    assert entry is not None and f"{entry.final_wake:%H:%M}" == "06:40"
