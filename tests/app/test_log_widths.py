"""The log at 80x24 and 100x32 (issue 25): the Nights table is never wider than the screen,
its Tags and Sleep columns show what they hold, the night's lines wrap between figures, and
the calendar stops at this month."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from support.app_builder import AppMaker
from support.screen_text import screen_text
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.tracker.period import make_period
from legease_tui.screens.log import LogScreen
from legease_tui.services import Services
from legease_tui.widgets.night_timeline import NightTimeline

TONIGHT = date(2026, 11, 24)  # the FakeClock's evening
SIZES = [(80, 24), (100, 32)]


def fill(services: Services, nights: int = 30) -> None:
    """`nights` diary nights of 11 h 43 min with two tags, and one night a tracker saw alone."""
    assert services.log is not None
    for back in range(1, nights + 1):
        services.log.add(
            NightEntry(TONIGHT - timedelta(days=back), tension=4, cramps=1,
                       into_bed=time(20, 0), lights_out=time(20, 0), minutes_to_sleep=5,
                       final_wake=time(7, 48), out_of_bed=time(8, 0),
                       tags=("stretched", "coffee"))
        )  # fmt: skip
    start = datetime(2026, 11, 24, 22, 50, tzinfo=UTC)
    services.log.devices.merge(
        [
            make_period(
                "sleep-as-android", "7", start, start + timedelta(hours=8), asleep=470, awake=10
            )
        ]
    )


async def log_open(pilot: Pilot[Any]) -> LogScreen:
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LogScreen)
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_the_nights_table_fits_the_screen_with_whole_tags_and_sleep(
    services: Services, make_app: AppMaker, size: tuple[int, int]
) -> None:
    fill(services)
    async with make_app().run_test(size=size) as pilot:
        screen = await log_open(pilot)
        table = screen.query_one("#night-table", DataTable)
        text = screen_text(pilot.app)
        assert table.virtual_size.width <= table.scrollable_content_region.width, text
        assert not table.show_horizontal_scrollbar or table.max_scroll_x == 0
        nights = [row for row in text.splitlines() if " Nov " in row]
        assert len(nights) == table.scrollable_content_region.height - 1  # the header, no bar
        diary = [row for row in nights if "11 h 43 min" in row]
        assert diary and all("stretched, coffee" in row for row in diary), diary


@pytest.mark.parametrize("size", SIZES)
async def test_the_nights_lines_wrap_between_figures(
    services: Services, make_app: AppMaker, size: tuple[int, int]
) -> None:
    fill(services, nights=2)
    async with make_app().run_test(size=size) as pilot:
        screen = await log_open(pilot)
        table = screen.query_one("#night-table", DataTable)
        table.move_cursor(row=0)  # the night only the tracker saw
        await pilot.pause()
        lines = str(screen.query_one(NightTimeline).render()).splitlines()
        assert any(line.startswith("  Sleep as Android: ") for line in lines), lines
        width = screen.query_one(NightTimeline).content_size.width
        assert all(len(line) <= width for line in lines), lines
        table.move_cursor(row=1)  # a diary night
        await pilot.pause()
        lines = str(screen.query_one(NightTimeline).render()).splitlines()
        assert any("efficiency" in line for line in lines)
        assert all(len(line) <= width for line in lines), lines


@pytest.mark.parametrize("size", SIZES)
async def test_the_calendar_stops_at_this_month_and_says_so(
    services: Services, make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        screen = await log_open(pilot)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.month == (2026, 11)
        calendar = str(screen.query_one("#calendar", Static).render())
        keys = str(screen.query_one("#calendar-keys", Static).render())
        assert "November 2026" in calendar
        assert "this month is the last" in keys
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.month == (2026, 10)
        assert "this month is the last" not in str(screen.query_one("#calendar-keys").render())
