"""Start-up: Home's first frame shows tonight's routine and loads only what it needs (never the
log's model, the other screens, APScheduler or a command); the lines below tonight's routine
come from a worker just after it, and the notices keep their order."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from support.app_builder import AppMaker
from support.notices import Notices
from textual.app import App
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.widgets import Static

from legease_tui.app.theme import NIGHT_THEME
from legease_tui.screens.home import HomeScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZE = (100, 32)

FIRST_FRAME = """
import json, sys
from importlib.abc import MetaPathFinder
from pathlib import Path

seen = {"ready": False, "before": [], "tonight": ""}


class Watch(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if not seen["ready"]:
            seen["before"].append(name)
        return None


sys.meta_path.insert(0, Watch())
from legease_tui.app.main import LegEaseApp
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths


class Probe(LegEaseApp):
    def on_ready(self):
        seen["ready"] = True
        seen["tonight"] = str(self.screen.query_one("#tonight").render())
        self.exit()


home = Path(sys.argv[1])
Probe(build_services(Paths(home, home))).run(headless=True, size=(100, 32))
print(json.dumps(seen))
"""
KEPT_OFF = (
    "legease_tui.core.log",
    "legease_tui.core.trial",
    "legease_tui.core.quiz.model",
    "legease_tui.core.quiz.checks",
    "importlib.resources",
    "legease_tui.screens.log",
    "legease_tui.screens.quiz",
    "legease_tui.screens.routine",
    "legease_tui.screens.trial",
    "legease_tui.screens.entry",
    "legease_tui.screens.settings",
    "legease_tui.screens.home_state",
    "legease_tui.widgets.renderables",
    "legease_tui.core.trial.analysis",
    "legease_tui.commands",
    "legease_tui.adapters.scheduler",
    "legease_tui.adapters.calendar",
    "apscheduler",
    "icalendar",
)
"""Modules the first frame never needs: the log's model and figures (Home's worker), the trial
and the symptom check's model (on first use; a fresh home has no check to read back), the
other screens (the navigation's table), APScheduler (after the first frame, and only with
reminders on), the commands (imported by name)."""


def first_frame(home: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(home)], capture_output=True, text=True, check=True
    )
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_the_first_frame_shows_tonights_routine_and_loads_only_what_it_needs(
    tmp_path: Path,
) -> None:
    seen = first_frame(tmp_path)
    assert "Calf & hamstring" in str(seen["tonight"]) and "6 min 1 s" in str(seen["tonight"])
    before = [str(name) for name in seen["before"]]  # type: ignore[attr-defined]
    assert [name for name in before if name.startswith(KEPT_OFF)] == []
    assert "legease_tui.core.routine.files" in before  # the probe sees imports at all


async def test_the_lines_below_tonights_routine_come_from_a_worker(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        recent = str(app.screen.query_one("#recent", Static).render())
        assert recent.startswith("No nights logged yet")
        assert "Reminders off" in str(app.screen.query_one("#next-reminder", Static).render())
        assert gc.get_freeze_count() > 0  # what the first frame made is out of the collector's way
    assert gc.get_freeze_count() == 0  # and collectable again once the app has gone


@pytest.mark.parametrize(
    "theme", ["legease-night", "textual-dark", "nord", "textual-light", "ansi-light"]
)
async def test_the_chosen_theme_is_in_force_from_the_start_as_if_set_the_usual_way(
    services: Services, theme: str, make_app: AppMaker
) -> None:
    services.settings = replace(services.settings, theme=theme)
    app = make_app()
    usual: App[None] = App()  # the usual way: set `theme`, its watcher does the rest
    usual.register_theme(NIGHT_THEME)
    usual.theme = theme
    assert app.theme == theme
    assert sorted(app.classes) == sorted(usual.classes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.styles.background == Color.parse(app.get_css_variables()["background"])


async def test_the_stylesheet_is_parsed_once_before_the_first_frame(
    services: Services, monkeypatch: pytest.MonkeyPatch, make_app: AppMaker
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)  # Textual reparses for it, as for any app
    parses: list[str] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        parses.append("again")
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = make_app()  # the night theme, dark as the filter Textual starts with
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert parses == []  # each reparse is a whole parse of every rule


async def test_the_notices_keep_their_order_with_the_routine_files_read_later(
    home: Paths, services: Services, make_app: AppMaker
) -> None:
    home.routines_dir.mkdir(parents=True, exist_ok=True)
    broken = home.routines_dir / "broken.toml"
    broken.write_text("name = ")
    config = home.config_file
    config.write_text('theme = "no-such-theme"\nroutine = "no-such-routine"\nvolume = "loud"\n')
    app = make_app(with_services=build_services(home, services.clock))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        said = notices.messages()
        shown = app.problems_found()  # Help lists them; the notice says how many
    # One notice; in Help, one problem each: config.toml's keys, the routine files, the
    # unknown routine, then the app's theme
    assert said == ["LegEase found 4 problems at start.\nPress ? to read them."]
    assert len(shown) == 4
    assert shown[0].startswith(str(config)) and "'volume'" in shown[0]
    assert "broken.toml" in shown[1]
    assert shown[2].startswith(str(config)) and "'routine'" in shown[2]
    assert shown[3].startswith(str(config)) and "'theme'" in shown[3]
