"""Start-up: the first frame of Home parses the stylesheet once and reads no routine file;
tonight's routine and the notices follow just after it."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from typing import Any

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.filter import ANSIToTruecolor
from textual.widgets import Static

from legease_tui.app import NIGHT_THEME, LegEaseApp
from legease_tui.core.routine import files as routine_files
from legease_tui.screens.home import HomeScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZE = (100, 32)


class FirstFrame(LegEaseApp):
    """Notes what had happened by Textual's Ready (sent once the first frame is shown)."""

    def __init__(self, services: Services, events: list[str]) -> None:
        self.events = events
        super().__init__(services)

    def on_ready(self) -> None:
        self.events.append("first frame")


def theme_state(app: App[Any]) -> tuple[object, ...]:
    """What a theme decides for the app itself: its classes and the ANSI colour filter."""
    [ansi] = [f for f in app._filters if isinstance(f, ANSIToTruecolor)]
    classes = sorted(c for c in app.classes if c.startswith("-"))
    return classes, ansi._terminal_theme, ansi.enabled


@pytest.mark.parametrize(
    "theme", ["legease-night", "textual-dark", "textual-light", "ansi-light", "nord"]
)
def test_the_chosen_theme_is_in_force_as_if_set_by_its_watcher(
    services: Services, theme: str
) -> None:
    services.settings = replace(services.settings, theme=theme)
    started = LegEaseApp(services)
    by_watcher: App[None] = App()  # the usual way: set `theme`, its watcher does the rest
    by_watcher.register_theme(NIGHT_THEME)
    by_watcher.theme = theme
    assert started.theme == theme
    assert theme_state(started) == theme_state(by_watcher)
    # the watcher leaves these to the reparse it queues; they are in place before the first one
    assert started.stylesheet._variables == by_watcher.get_css_variables()


async def test_the_stylesheet_is_parsed_once_before_the_first_frame(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)  # Textual reparses for it, as for any app
    events: list[str] = []
    original = Stylesheet.reparse

    def reparse(self: Stylesheet) -> None:
        events.append("reparse")
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", reparse)
    app = FirstFrame(services, events)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.events[0] == "first frame"
        assert "reparse" not in events  # each reparse costs a whole parse of every rule


async def test_home_reads_the_routines_just_after_its_first_frame(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    load_library = routine_files.load_library

    def load(folder: Any) -> routine_files.RoutineLibrary:
        events.append("routines read")
        return load_library(folder)

    monkeypatch.setattr(routine_files, "load_library", load)
    app = FirstFrame(services, events)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert events == ["first frame", "routines read"]
        assert isinstance(app.screen, HomeScreen)
        tonight = str(app.screen.query_one("#tonight", Static).render())
        assert "Calf & hamstring" in tonight and "6 min 1 s" in tonight


async def test_the_notices_keep_their_order_with_the_routine_files_read_later(
    home: Paths, services: Services
) -> None:
    home.routines_dir.mkdir(parents=True, exist_ok=True)
    broken = home.routines_dir / "broken.toml"
    broken.write_text("name = ")
    config = home.config_file
    config.write_text('theme = "no-such-theme"\nroutine = "no-such-routine"\nvolume = "loud"\n')
    app = LegEaseApp(build_services(home, services.clock))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
    # One notice, one line each: config.toml's keys, the routine files, the unknown routine,
    # then the app's theme
    assert len(said) == 1
    shown = [line.removeprefix("• ") for line in said[0].splitlines()]
    assert len(shown) == 4
    assert shown[0].startswith(str(config)) and "'volume'" in shown[0]
    assert "broken.toml" in shown[1]
    assert shown[2].startswith(str(config)) and "'routine'" in shown[2]
    assert shown[3].startswith(str(config)) and "'theme'" in shown[3]


def test_what_the_first_frame_imports_leaves_out_routines_text_checks_and_zones() -> None:
    code = (
        "import sys, legease_tui.app, legease_tui.screens.home, legease_tui.services; "
        "print(sorted(m for m in sys.modules if m.startswith(('legease_tui.core.routine', "
        "'legease_tui.core.text', 'legease_tui.widgets.user_text', 'zoneinfo'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
