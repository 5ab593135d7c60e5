"""Drive the real app with Pilot: Home -> routine -> pause -> next -> stop, and to the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.app_builder import AppMaker
from support.audio_fakes import RecordingStarter
from support.notices import Notices
from textual.widgets import Static

from legease_tui.app.main import LegEaseApp, stylesheet_path
from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.cue_plan import sound_for
from legease_tui.core.routine.cues import routine_cues
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.help import HelpScreen
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.routine import RoutineScreen
from legease_tui.screens.summary import SummaryScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZE = (100, 32)


def text_of(app: LegEaseApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


class BellCounter:
    def __init__(self) -> None:
        self.rings = 0

    def __call__(self) -> None:
        self.rings += 1


async def test_home_shows_tonight_and_its_keys(services: Services, make_app: AppMaker) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        tonight = text_of(app, "#tonight")
        assert "Calf & hamstring" in tonight and "6 min 1 s" in tonight
        keys = {b.binding.key for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"r", "b", "question_mark", "q"} <= keys


async def test_routine_pause_next_stop_with_confirm(
    services: Services, clock: FakeClock, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        assert text_of(app, "#step-title") == "Left calf stretch"
        assert text_of(app, "#phase") == "Take your time getting down and up"  # to the wall
        clock.advance(17)
        screen.advance()
        assert text_of(app, "#step-title") == "Left calf stretch — hold 1 of 3"
        assert text_of(app, "#phase") == "Hold"

        await pilot.press("space")
        assert screen.session.paused and screen.has_class("paused")
        assert screen.query_one("#paused-banner").display
        clock.advance(300)
        screen.advance()
        assert screen.session.view().segment_left == 8  # the pause kept the time left

        await pilot.press("space", "n")
        assert text_of(app, "#step-title") == "Left hamstring stretch"
        await pilot.press("p")
        assert text_of(app, "#step-title") == "Left calf stretch"

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert screen.session.paused  # asking does not eat the person's time
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and not screen.session.paused

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = text_of(app, "#summary-text")
        assert "Routine stopped" in summary and "0 of 3" in summary
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_routine_runs_to_its_summary_with_a_sound_per_cue(
    services: Services, clock: FakeClock, played: RecordingStarter, make_app: AppMaker
) -> None:
    app = make_app("routine", "quick-reset")
    bell = BellCounter()
    app.bell = bell  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        while screen.session.outcome is None:
            clock.advance(1.5)
            screen.advance()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        summary = text_of(app, "#summary-text")
        assert "routine complete" in summary and "3 of 3" in summary and "3 min 20 s" in summary
        # Every cue is heard once, through the (fake) player; the bell is only a fallback.
        routine = screen.session.routine
        assert played.sounds() == [sound_for(cue).value for cue in routine_cues(routine)]
        assert bell.rings == 0


async def test_sound_off_means_no_bell(home: Paths, clock: FakeClock, make_app: AppMaker) -> None:
    home.config_dir.mkdir(parents=True)
    home.config_file.write_text("[sound]\nenabled = false\n")
    app = make_app("routine", with_services=build_services(home, clock))
    bell = BellCounter()
    app.bell = bell  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        for _ in range(3):
            await pilot.press("n")
        await pilot.pause()
        assert bell.rings == 0


async def test_breathing_choose_a_pattern_then_pace(
    services: Services, clock: FakeClock, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second pattern: box
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        assert screen.session.routine.name == "Box 4-4-4-4"
        assert screen.query_one("#pacer").display and not screen.query_one("#countdown").display
        assert text_of(app, "#phase") == "Breathe in · 4"
        clock.advance(5)
        screen.advance()
        assert text_of(app, "#phase") == "Hold · 3"
        assert "cycle 1 of" in text_of(app, "#step-title")


async def test_help_lists_the_keys_of_the_screen_below(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app, "#help-keys")
        assert "Pause/resume" in keys and "Previous" in keys
        assert "blood clot" in text_of(app, "#help-safety")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)


async def test_broken_custom_routine_is_reported_and_others_work(
    home: Paths, clock: FakeClock, make_app: AppMaker
) -> None:
    home.routines_dir.mkdir(parents=True)
    (home.routines_dir / "mine.toml").write_text('name = "Mine"\n[[steps]]\nhold = 3\n')
    (home.routines_dir / "ok.toml").write_text(
        'name = "Okay"\n[[steps]]\ntitle = "Calf"\nhold = 5\n'
    )
    services = build_services(home, clock)
    app = make_app(with_services=services)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        assert notices.messages() == ["LegEase found 2 problems at start.\nPress ? to read them."]
        messages = app.problems_found()  # what Help lists
        assert any("mine.toml" in m and "steps[1].title" in m for m in messages)
        app.start_routine(services.routines.routines["ok"])
        await pilot.pause()
        assert text_of(app, "#step-title") == "Calf"


def test_unknown_routine_name_exits_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(tmp_path), "routine", "nope"]) == 2
    assert "no routine called 'nope'. Known: calf-hamstring" in capsys.readouterr().err


def test_stylesheet_is_found(tmp_path: Path) -> None:
    assert stylesheet_path().is_file()


async def test_command_palette_chooses_tonights_routine(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Routine: Full unwind")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.navigator.tonights_routine().key == "full-unwind"
        assert isinstance(app.screen, HomeScreen)
        assert "Full unwind" in text_of(app, "#tonight")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        assert app.screen.session.routine.key == "full-unwind"


async def test_skipping_every_step_is_not_a_routine_done(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app("routine", "quick-reset")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "finished, with 3 steps skipped" in text_of(app, "#summary-text")
        assert services.store is not None
        with services.store.read() as db:
            sessions = db.table("sessions").all()
        assert [(s["completed"], s["reached_end"]) for s in sessions] == [(False, True)]
        assert "skipped through (0 of 3 steps)" in sessions[0]["summary"]
