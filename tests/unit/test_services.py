"""Services, the composition root: each service built once, on first use where it reads files;
the problems found while loading, in order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from legease_tui import core
from legease_tui import services as services_module
from legease_tui.core.clock import FakeClock
from legease_tui.core.routine import files as routine_files
from legease_tui.core.tonight import routine_for_tonight
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths


def test_the_log_is_one_repository_for_the_whole_run(services: Services) -> None:
    first = services.log
    assert first is not None
    assert services.log is first  # its read cache is kept, not thrown away on each use


def test_quiz_content_and_checks_are_read_once_and_not_at_start(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[object] = []

    def load() -> object:
        loads.append(object())
        return loads[-1]

    monkeypatch.setattr(core, "load_content", load)
    assert loads == []  # building the services read no quiz content
    checks = services.checks
    assert checks is not None and services.checks is checks
    assert services.quiz_content is loads[0] and len(loads) == 1


def test_saved_settings_are_in_force_and_tonight_follows_them(services: Services) -> None:
    assert services.save_settings(replace(services.settings, routine="full-unwind")) is None
    assert services.settings.routine == "full-unwind"
    assert routine_for_tonight(services.routines, services.settings.routine).key == "full-unwind"
    assert "full-unwind" in services.paths.config_file.read_text()


def test_settings_that_cannot_be_written_change_nothing(services: Services) -> None:
    services.paths.config_file.mkdir(parents=True)  # a folder where the file should be
    before = services.settings
    problem = services.save_settings(replace(before, routine="full-unwind"))
    assert problem is not None and str(services.paths.config_file) in problem
    assert services.settings is before


def test_the_routines_are_read_on_first_use_and_their_problems_are_notices(
    home: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    home.routines_dir.mkdir(parents=True)
    (home.routines_dir / "broken.toml").write_text("name = ")
    reads: list[Path] = []
    load_library = routine_files.load_library

    def load(folder: Path) -> routine_files.RoutineLibrary:
        reads.append(folder)
        return load_library(folder)

    monkeypatch.setattr(services_module, "load_library", load)
    services = build_services(home, clock)
    assert reads == []  # building the services reads no routine file
    assert [n for n in services.notices if "broken.toml" in n]  # what a command prints
    assert services.routines.get("calf-hamstring") is not None
    assert reads == [home.routines_dir]
