"""Forms read without colour (issue 25): a box's state is in its glyph and words, and the
focused control is marked by a glyph. Read from the rendered text, as `tmux capture-pane` or a
`NO_COLOR=1` terminal shows it, not from CSS classes."""

from __future__ import annotations

from typing import Any

import pytest
from support.app_builder import AppMaker
from support.screen_text import screen_text
from textual.pilot import Pilot
from textual.widget import Widget

from legease_tui.screens.breathing import BreathingScreen
from legease_tui.screens.entry import EntryScreen
from legease_tui.screens.log import LogScreen
from legease_tui.screens.settings import SettingsScreen
from legease_tui.screens.trial import TrialScreen

SIZES = [(80, 24), (100, 32)]
FOCUS_MARK = "▌"  # before the focused one-line control


def row_with(pilot: Pilot[Any], words: str) -> str:
    rows = [row for row in screen_text(pilot.app).splitlines() if words in row]
    assert rows, f"{words!r} not on screen"
    return rows[0]


async def opened(pilot: Pilot[Any], key: str, screen: type[Any]) -> None:
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen)


@pytest.mark.parametrize("size", SIZES)
async def test_settings_boxes_say_their_state_in_glyph_and_words(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await opened(pilot, "s", SettingsScreen)
        assert "[ ] off" in row_with(pilot, "Remind me")
        days = row_with(pilot, "Days")
        assert all(f"[x] {day}" in days for day in ("mon", "wed", "sun")), days
        pilot.app.screen.query_one("#reminders--days--wed", Widget).focus()
        await pilot.press("space")
        pilot.app.screen.query_one("#reminders--enabled", Widget).focus()
        await pilot.press("space")
        await pilot.pause()
        assert "[x] on" in row_with(pilot, "Remind me")
        days = row_with(pilot, "Days")
        assert "[ ] wed" in days and "[x] tue" in days, days
        assert "▐X▌" not in screen_text(pilot.app)


@pytest.mark.parametrize("size", SIZES)
async def test_an_unticked_question_never_reads_yes(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await opened(pilot, "n", EntryScreen)
        screen = pilot.app.screen
        assert "[ ] not answered" in screen_text(pilot.app)
        assert " yes" not in screen_text(pilot.app)
        screen.query_one("#input-restless", Widget).focus()
        await pilot.press("space")
        await pilot.pause()
        assert "[x] yes" in screen_text(pilot.app)


async def focus_shows(pilot: Pilot[Any], widget_id: str, mark: str) -> tuple[str, str]:
    """The rows holding the control before and after it takes the focus."""
    widget = pilot.app.screen.query_one(f"#{widget_id}", Widget)
    pilot.app.screen.set_focus(None)
    await pilot.pause()
    before = screen_text(pilot.app)
    widget.focus()
    await pilot.pause()
    after = screen_text(pilot.app)
    return before, after


@pytest.mark.parametrize("size", SIZES)
async def test_the_logs_selects_show_focus_with_a_glyph(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await opened(pilot, "l", LogScreen)
        for widget_id, words in (("range", "30 nights"), ("tag", "any tag")):
            before, after = await focus_shows(pilot, widget_id, FOCUS_MARK)
            assert f"{FOCUS_MARK}{words}" not in before
            assert f"{FOCUS_MARK}{words}" in after, widget_id
        before, after = await focus_shows(pilot, "cramps-only", FOCUS_MARK)
        assert f"{FOCUS_MARK}[ ] with cramps" in after and FOCUS_MARK not in before


@pytest.mark.parametrize("size", SIZES)
async def test_the_trials_compare_and_outcome_show_focus_with_a_frame(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await opened(pilot, "t", TrialScreen)
        for widget_id in ("compare", "outcome"):
            before, after = await focus_shows(pilot, widget_id, "┏")
            assert "┏" not in before and "┏" in after, widget_id


@pytest.mark.parametrize("size", SIZES)
async def test_every_one_line_field_of_the_entry_form_shows_focus(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await opened(pilot, "n", EntryScreen)
        for widget_id in ("input-tension", "input-cramp_leg", "input-cramp_woke"):
            before, after = await focus_shows(pilot, widget_id, FOCUS_MARK)
            assert FOCUS_MARK not in before and FOCUS_MARK in after, widget_id


@pytest.mark.parametrize("size", SIZES)
async def test_the_logs_table_and_tabs_and_the_breathing_list_show_focus(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        await opened(pilot, "l", LogScreen)
        for selector in ("#night-table", "Tabs"):
            widget = pilot.app.screen.query_one(selector, Widget)
            pilot.app.screen.set_focus(None)
            await pilot.pause()
            before = screen_text(pilot.app)
            widget.focus()
            await pilot.pause()
            assert FOCUS_MARK not in before and FOCUS_MARK in screen_text(pilot.app), selector
        await pilot.press("escape")
        await opened(pilot, "b", BreathingScreen)
        before, after = await focus_shows(pilot, "patterns", "┏")
        assert "┏" not in before and "┏" in after
