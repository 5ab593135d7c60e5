"""Words that belong together stay on one row at 80x24 and 100x32 (issue 25)."""

from __future__ import annotations

import pytest
from support.app_builder import AppMaker
from support.screen_text import screen_text

from legease_tui.core.clock import FakeClock
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.routine import RoutineScreen

SIZES = [(80, 24), (100, 32)]
ROWS = [
    ("tension", "cramps", "worst_cramp", "restless"),
    ("cramp_leg", "cramp_muscle", "worst_minutes", "cramp_woke"),
    ("into_bed", "lights_out", "minutes_to_sleep", "times_woken"),
    ("minutes_awake", "final_wake", "out_of_bed", "quality"),
]


@pytest.mark.parametrize("size", SIZES)
async def test_a_rest_keeps_its_hold_number_on_one_row(
    make_app: AppMaker, clock: FakeClock, size: tuple[int, int]
) -> None:
    async with make_app("routine").run_test(size=size) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, RoutineScreen)
        while "rest after hold 1" not in str(screen.query_one("#step-title").render()):
            wait = screen.session.seconds_to_next_cue()
            assert wait is not None
            clock.advance(wait + 0.001)
            screen.advance()
            await pilot.pause()
        rows = screen_text(pilot.app).splitlines()
    assert any("rest after hold 1 of 3" in row for row in rows), rows[:4]
    assert not any(row.strip().split("▊")[0].strip() == "3" for row in rows)


@pytest.mark.parametrize("size", SIZES)
async def test_a_key_hint_on_home_is_never_split_across_rows(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        home.reminder_line = lambda: "Next routine: tomorrow evening 22:15 (in 17 h 45 min)  ·  Mon"
        home.show_state()
        await pilot.pause()
        rows = [row.replace(" ", "") for row in screen_text(pilot.app).splitlines()]
    assert any("presssforsettings" in row for row in rows), rows  # spaces between styles go
    assert any("(in17h45min)·Mon" in row for row in rows), rows


@pytest.mark.parametrize("size", SIZES)
async def test_the_entry_forms_fields_of_a_row_start_on_one_line(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = pilot.app.screen
        for row in ROWS:
            tops = {screen.query_one(f"#input-{name}").region.y for name in row}
            assert len(tops) == 1, (row, tops)
