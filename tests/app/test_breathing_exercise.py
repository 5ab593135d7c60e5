"""The breathing pacer reads as a breathing exercise (issue 25): its own words, only the keys
that work, a summary that names the exercise; a pattern that can make a person light-headed
says so on screen."""

from __future__ import annotations

from typing import Any

import pytest
from support.app_builder import AppMaker
from support.screen_text import screen_text
from textual.pilot import Pilot
from textual.widgets import Static

from legease_tui.core.routine.breathing import PATTERNS
from legease_tui.screens.routine import RoutineScreen
from legease_tui.screens.summary import SummaryScreen

SIZES = [(80, 24), (100, 32)]


async def pacer_for(pilot: Pilot[Any], key: str) -> RoutineScreen:
    await pilot.pause()
    await pilot.press("b")
    await pilot.pause()
    for _ in range(list(PATTERNS).index(key)):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, RoutineScreen)
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_the_pacer_is_a_breathing_exercise_with_only_keys_that_work(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app().run_test(size=size) as pilot:
        screen = await pacer_for(pilot, "resonance")
        text = screen_text(pilot.app)
        assert "step 1 of 1" not in text
        assert str(screen.query_one("#routine-name", Static).content) == (
            "Breathing exercise · Resonance 5.5-5.5"
        )
        footer = text.splitlines()[-1]
        assert "Next" not in footer and "Previous" not in footer and "Pause" in footer
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        summary = screen_text(pilot.app)
    assert "Routine " not in summary and "Steps done" not in summary
    assert "Exercise     breathing, Resonance 5.5-5.5" in summary


@pytest.mark.parametrize("key", list(PATTERNS))
async def test_each_pattern_that_can_make_you_light_headed_says_so(
    make_app: AppMaker, key: str
) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await pacer_for(pilot, key)
        opening = screen.query_one("#routine-opening", Static)
        in_view = opening.region.bottom <= pilot.app.size.height - 1
    light_headed = key != "resonance"  # breath holds (box, 4-7-8) and the sigh's second breath in
    assert ("can make you light-headed" in str(opening.content)) is light_headed
    assert in_view
