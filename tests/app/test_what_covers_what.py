"""What covers what (issue 25): a notice never covers the routine's countdown, step or time
left; the notices at start are two short lines with the details a key away, in Help; Home's
line about a missing log says where the reason is, and it is there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.app_builder import AppMaker
from support.audio_fakes import RecordingStarter, fake_which
from support.notices import Notices
from support.screen_text import screen_text
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Static
from textual.widgets._toast import Toast

from legease_tui.adapters.audio_programs import AudioPrograms
from legease_tui.core.clock import FakeClock
from legease_tui.screens.help import HelpScreen
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZES = [(80, 24), (100, 32)]
ROUTINE_PARTS = ("#routine-name", "#step-title", "#countdown", "#phase", "#progress-row", "#next")


def without_player(services: Services) -> Services:
    services.audio = AudioPrograms(fake_which(), RecordingStarter(), "linux")
    return services


def covered(pilot: Pilot[Any]) -> list[str]:
    """The routine's parts that some toast on screen overlaps."""
    screen = pilot.app.screen
    toasts = [toast.region for toast in screen.query(Toast)]
    parts = {part: screen.query_one(part).region for part in ROUTINE_PARTS}
    return [part for part, region in parts.items() if any(region.overlaps(t) for t in toasts)]


@pytest.mark.parametrize("size", SIZES)
async def test_no_sound_player_is_a_line_beside_the_step_not_a_notice_over_it(
    services: Services, make_app: AppMaker, size: tuple[int, int]
) -> None:
    app = make_app("routine", with_services=without_player(services))
    notices = Notices()
    async with app.run_test(size=size, message_hook=notices, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        assert [n for n in notices.shown if n.title == "Sound"] == []
        line = screen.query_one("#routine-sound", Static)
        assert str(line.content) == "Sound: no audio player found. Press ? for details."
        assert line.display and line.region.height and line.region.bottom <= size[1] - 1
        assert line.region.x >= screen.query_one("#routine-side").region.x  # beside the step
        assert covered(pilot) == []
        await pilot.press("question_mark")  # the details, a key away
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        problems = str(app.screen.query_one("#help-problems", Static).content)
        assert "No audio player found (looked for" in problems


@pytest.mark.parametrize("size", SIZES)
async def test_a_notice_during_a_routine_stays_off_the_countdown_and_the_step(
    make_app: AppMaker, size: tuple[int, int]
) -> None:
    async with make_app("routine").run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        pilot.app.notify("A long notice " * 12, title="Something", timeout=20)
        await pilot.pause()
        await pilot.pause()
        assert pilot.app.screen.query(Toast)
        assert covered(pilot) == []


def bad_config(folder: Path) -> Services:
    (folder / "config.toml").write_text(
        'routine = "nosuch"\ncolour = 3\n[reminders]\nenabled = true\n'
        'time = "23:00"\nlatest = "22:00"\n'
    )
    return build_services(Paths(folder, folder), FakeClock())


@pytest.mark.parametrize("size", SIZES)
async def test_problems_at_start_are_two_short_lines_with_the_details_in_help(
    tmp_path: Path, make_app: AppMaker, size: tuple[int, int]
) -> None:
    app = make_app(with_services=bad_config(tmp_path))
    notices = Notices()
    async with app.run_test(size=size, message_hook=notices, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        (notice,) = notices.shown
        assert notice.message == "LegEase found 3 problems at start.\nPress ? to read them."
        toast = pilot.app.screen.query_one(Toast).region
        home = Region(0, 0, size[0], size[1])
        assert toast.area < home.area // 8  # it covered half of Home
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        assert not help_screen.query(Toast)  # nothing over the help dialog
        listed = str(help_screen.query_one("#help-problems", Static).content)
    for words in ("'nosuch' is not a known routine", "colour", "no reminder can fire"):
        assert words in listed, words


@pytest.mark.parametrize("size", SIZES)
async def test_home_says_where_to_read_why_the_log_is_missing(
    tmp_path: Path, make_app: AppMaker, size: tuple[int, int]
) -> None:
    (tmp_path / "legease.json").symlink_to("legease.json")  # a loop: the log cannot be used
    app = make_app(with_services=build_services(Paths(tmp_path, tmp_path), FakeClock()))
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        recent = str(pilot.app.screen.query_one("#recent", Static).content)
        assert "see the message above" not in screen_text(pilot.app)
        assert recent == "The log is not available.    press ? to see why"
        pilot.app.clear_notifications()  # the notice at start has gone: Help still says why
        await pilot.press("question_mark")
        await pilot.pause()
        listed = str(pilot.app.screen.query_one("#help-problems", Static).content)
    assert "is a link that leads back to itself" in listed
