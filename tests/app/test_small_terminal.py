"""At 80x24 every screen shows all its text: the routine's instructions and safety lines, Help
inside the screen with its own keys, and footers that keep `?` Help and `q` Quit (issue 14 §1)."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from typing import Any

import pytest
from support.app_builder import AppMaker
from support.sample_nights import plausible_night
from support.screen_text import screen_text, shows
from textual.pilot import Pilot
from textual.widgets import Footer, Select
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectOverlay

from legease_tui.core import safety as core_safety
from legease_tui.core.clock import FakeClock
from legease_tui.core.evidence import source_label
from legease_tui.core.routine.builtin import BREATHE_SEATED, BUILT_IN, CALF, LEGS_UP
from legease_tui.core.routine.opening import opening_lines
from legease_tui.core.routine.session import RoutineSession
from legease_tui.screens.help import HelpScreen
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services

SMALL = (80, 24)
FULL = next(routine for routine in BUILT_IN if routine.key == "full-unwind")
CIRCULATION_LINE = (
    "Legs up the wall is left out: not with poor circulation, heart failure or breathlessness "
    "lying flat."
)
STEP_LIST = "▊"  # the step list's left border


def footer_keys(pilot: Pilot[Any]) -> dict[str, FooterKey]:
    footer = pilot.app.screen.query_one(Footer)
    return {key.key: key for key in footer.query(FooterKey)}


def fully_inside(pilot: Pilot[Any], key: FooterKey) -> bool:
    region = key.region
    return region.width > 0 and region.right <= pilot.app.size.width


async def routine_at(pilot: Pilot[Any], clock: FakeClock, seconds: float) -> RoutineScreen:
    await pilot.pause()
    clock.advance(seconds)
    screen = pilot.app.screen
    assert isinstance(screen, RoutineScreen)
    screen.advance()
    await pilot.pause()
    return screen


@pytest.mark.parametrize("size", [SMALL, (100, 32)])
async def test_a_stretch_shows_its_whole_instruction_and_what_comes_next(
    services: Services, clock: FakeClock, size: tuple[int, int], make_app: AppMaker
) -> None:
    app = make_app("routine")
    async with app.run_test(size=size) as pilot:
        await routine_at(pilot, clock, 0)
        assert shows(app, CALF, STEP_LIST), screen_text(app)
        assert shows(app, "Next: Hamstring stretch", STEP_LIST)


async def test_slow_breathing_keeps_its_light_headed_advice_and_next_line(
    services: Services, clock: FakeClock, make_app: AppMaker
) -> None:
    app = make_app("routine")
    async with app.run_test(size=SMALL) as pilot:
        await routine_at(pilot, clock, 0)
        await pilot.press("n", "n")  # the breathing step
        await pilot.pause()
        assert shows(app, BREATHE_SEATED, STEP_LIST), screen_text(app)
        assert shows(app, "Next: done", STEP_LIST)


async def test_the_longest_built_in_instruction_fits_at_80x24(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app("routine", "full-unwind")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(*["n"] * 6)  # legs up the wall, with its pregnancy line
        await pilot.pause()
        assert shows(app, LEGS_UP, STEP_LIST), screen_text(app)


def beside_the_steps(app: Any, words: str) -> bool:
    """`words` are in the side column, right of the step list's border (perhaps wrapped)."""
    rows = [row.split(STEP_LIST, 1)[1] for row in screen_text(app).splitlines() if STEP_LIST in row]
    pattern = r"\s+".join(re.escape(word) for word in words.split())
    return re.search(pattern, "\n".join(rows)) is not None


@pytest.mark.parametrize("size", [SMALL, (100, 32)])
@pytest.mark.parametrize("key", [routine.key for routine in BUILT_IN])
async def test_every_step_shows_its_cue_the_opening_lines_and_its_source(
    services: Services, clock: FakeClock, key: str, size: tuple[int, int], make_app: AppMaker
) -> None:
    """Issue 21: the opening lines and each step's source and evidence sit beside the step list,
    never over the countdown or the instruction, at 80x24 too."""
    app = make_app("routine", key)
    async with app.run_test(size=size) as pilot:
        screen = await routine_at(pilot, clock, 0)
        routine = screen.session.routine
        for index, step in enumerate(routine.steps):
            if index:
                await pilot.press("n")
                await pilot.pause()
            assert shows(app, step.cue, STEP_LIST), screen_text(app)
            assert shows(app, "Next:", STEP_LIST) and screen.query_one("#countdown, #pacer")
            for line in opening_lines(routine):
                assert beside_the_steps(app, line), screen_text(app)
            source = f"Source: {source_label(step.source, step.evidence)}"
            assert beside_the_steps(app, source), screen_text(app)


async def test_a_routine_fitted_to_a_person_opens_with_what_was_left_out(
    services: Services, clock: FakeClock, make_app: AppMaker
) -> None:
    fitted = FULL.for_person(frozenset({"heart-failure"}))
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.push_screen(RoutineScreen(RoutineSession(fitted, clock)))
        await pilot.pause()
        assert beside_the_steps(app, CIRCULATION_LINE), screen_text(app)
        assert beside_the_steps(app, "Do not stretch a leg that is swollen, red or painful.")
        assert "~ Legs up the wall" not in screen_text(app)  # not in the step list
        assert "~ Glute stretch" in screen_text(app)
        assert shows(app, "Take your time getting down and up", STEP_LIST)


async def test_help_fits_inside_the_screen_and_shows_its_own_keys(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        dialog = app.screen.query_one(".help")
        assert app.screen.region.contains_region(dialog.region), dialog.region
        keys = footer_keys(pilot)
        assert "escape" in keys and fully_inside(pilot, keys["escape"])
        assert "r" not in keys  # not Home's keys
        assert "more below" in screen_text(app)


async def test_help_scrolls_to_its_urgent_advice_and_says_how_to_close(
    services: Services,
    make_app: AppMaker,
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "does not replace" in text
        assert "more below" not in text
        assert "esc" in text


@pytest.mark.parametrize("start", [None, "routine", "breathing", "log", "quiz"])
async def test_footers_keep_help_and_quit_at_80_columns(
    services: Services, start: str | None, make_app: AppMaker
) -> None:
    app = make_app(start)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        keys = footer_keys(pilot)
        assert "question_mark" in keys
        assert fully_inside(pilot, keys["question_mark"]), keys["question_mark"].region
        if start is None:
            assert fully_inside(pilot, keys["q"])
        for key in keys.values():
            assert key.region.right <= app.size.width, (key.key, key.region)


async def test_settings_shows_every_day_of_the_week_at_80_columns(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        days = list(app.screen.query(".setting-days Checkbox"))
        assert len(days) == 7
        scroll = app.screen.query_one("#settings")
        visible = scroll.content_region
        for day in days:
            assert visible.contains_region(day.region), (day.id, day.region, visible)


async def test_a_dropdown_has_a_border_that_reads_without_colour(
    services: Services, make_app: AppMaker
) -> None:
    """A tall border is drawn in colour alone; a round one is glyphs (issue 14 §2)."""
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        overlay = app.screen.query(Select).first().query_one(SelectOverlay)
        assert all(edge[0] == "round" for edge in overlay.styles.border)
        assert overlay.styles.background.a == 1  # its own surface: nothing behind shows


async def test_the_log_filters_all_show_at_80_columns(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app("log")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("#log-filters")
        for widget in bar.children:
            assert widget.region.right <= app.size.width, (widget.id, widget.region)
            assert widget.region.width >= widget.get_content_width(app.size, app.size)


async def test_the_tags_column_shows_every_tag_on_a_wide_terminal(
    services: Services, make_app: AppMaker
) -> None:
    """At 200 columns the Tags column was cut at 20 characters."""
    assert services.log is not None
    tags = ("massage", "heat", "magnesium", "stretched", "long-walk")
    night = plausible_night(services.clock.now().date(), random.Random(3), "")
    services.log.put_many([replace(night, tags=tags)])
    app = make_app("log")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert ", ".join(tags) in screen_text(app).replace("  ", " ")


async def test_the_tags_column_is_in_view_at_80_columns_and_every_tag_below(
    services: Services,
    make_app: AppMaker,
) -> None:
    """At 80 columns the fixed columns filled the screen: Tags began off it (a lone 'T')."""
    assert services.log is not None
    tags = ("massage", "magnesium", "long-walk")
    night = plausible_night(services.clock.now().date(), random.Random(3), "")
    services.log.put_many([replace(night, tags=tags)])
    app = make_app("log")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        rows = screen_text(app).splitlines()
        header = next(
            row for row in rows if row.lstrip("▌ ").startswith("Night") and "Cramps" in row
        )
        assert header.rstrip().endswith("Tags")
        assert any("massage, magnes" in row for row in rows)  # cut at the edge, later (issue 25)
        assert shows(app, "tags: massage, magnesium, long-walk")  # the whole list, below
        await pilot.resize_terminal(120, 32)  # wide again: the year and the efficiency come back
        await pilot.pause()
        assert "Eff." in screen_text(app) and f"{night.night:%a %d %b %Y}" in screen_text(app)


async def test_the_breathing_orb_keeps_its_words_and_seconds_without_animation(
    services: Services, clock: FakeClock, make_app: AppMaker
) -> None:
    """TEXTUAL_ANIMATIONS=none (or NO_COLOR): the phase and its seconds are text (issue 14 §2)."""
    app = make_app("breathing")
    async with app.run_test(size=SMALL) as pilot:
        app.animation_level = "none"
        await pilot.pause()
        await pilot.press("enter")  # resonance: in 5.5 s, out 5.5 s
        screen = await routine_at(pilot, clock, 1)
        assert shows(app, "Breathe in · 5", STEP_LIST), screen_text(app)
        clock.advance(5)
        screen.advance()
        await pilot.pause()
        assert shows(app, "Breathe out · 5", STEP_LIST), screen_text(app)


@pytest.mark.parametrize("size", [SMALL, (100, 32)])
async def test_help_shows_every_emergency_and_same_day_sign_without_scrolling(
    services: Services, size: tuple[int, int], make_app: AppMaker
) -> None:
    """Home's "press ? for warning signs": every emergency and same-day sign (issue 21), not
    only the blood clot, first and in view."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        safety = app.screen.query_one("#help-safety")
        assert body.scroll_y == 0
        assert body.region.contains_region(safety.region), (safety.region, body.region)
        text = str(safety.render())
        assert "blood clot" in text and "999" in text
        for signs in (core_safety.EMERGENCY_SIGNS, core_safety.SAME_DAY_SIGNS):
            assert signs.title in text
            for words in signs.signs.values():
                assert words in text.replace("\n", " "), words


async def test_a_confirmation_shows_its_own_keys_in_the_footer(
    services: Services, make_app: AppMaker
) -> None:
    """The routine's 'esc Stop' under 'Stop the routine?' misled: there esc means carry on."""
    app = make_app("routine")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        keys = footer_keys(pilot)
        assert "y" in keys and "n" in keys
        assert "space" not in keys
