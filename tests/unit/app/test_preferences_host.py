"""Choices made outside Settings, without the app: a recording host stands in for it. Tonight's
routine from the palette and a theme from the picker are saved the way Settings saves; a file
that cannot be written keeps the choice for this run and says so; an unknown theme in
config.toml falls back to the night theme with one notice; the palette's entries are data whose
actions the app has."""

from __future__ import annotations

import tomllib
from dataclasses import replace

from support.shell_fakes import RecordingHost

from legease_tui.app.main import LegEaseApp
from legease_tui.app.palette import palette_entries
from legease_tui.app.preferences import Preferences
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.model import Routine
from legease_tui.core.tonight import routine_for_tonight
from legease_tui.services import Services


def saved(services: Services) -> dict[str, object]:
    return tomllib.loads(services.paths.config_file.read_text())


def test_a_routine_chosen_in_the_palette_is_saved_and_home_refreshed(services: Services) -> None:
    host = RecordingHost()
    Preferences(host, services).choose_routine("quick-reset")
    assert saved(services)["routine"] == "quick-reset"
    assert routine_for_tonight(services.routines, services.settings.routine).key == "quick-reset"
    assert host.said == ["Tonight's routine: Quick reset (saved)"]
    assert host.refreshed == 1


def test_a_routine_that_cannot_be_saved_holds_for_this_run_and_says_so(
    services: Services,
) -> None:
    services.paths.config_file.mkdir(parents=True)  # a folder where config.toml should be
    host = RecordingHost()
    Preferences(host, services).choose_routine("full-unwind")
    assert routine_for_tonight(services.routines, services.settings.routine).key == "full-unwind"
    assert len(host.said) == 1 and host.said[0].startswith("Cannot write ")
    assert host.said[0].endswith("Tonight's routine: Full unwind, this run only.")
    assert host.refreshed == 1


def test_a_theme_from_the_picker_is_saved_unless_it_is_the_one_in_force(
    services: Services,
) -> None:
    preferences = Preferences(RecordingHost(), services)
    preferences.theme_chosen("legease-night")  # the app putting its settings in force
    assert not services.paths.config_file.exists()
    preferences.theme_chosen("nord")
    assert saved(services)["theme"] == "nord" and services.settings.theme == "nord"


def test_a_theme_that_cannot_be_saved_holds_for_this_run_and_says_so(services: Services) -> None:
    services.paths.config_file.mkdir(parents=True)
    host = RecordingHost()
    Preferences(host, services).theme_chosen("nord")
    assert len(host.said) == 1 and host.said[0].endswith("The theme holds for this run only.")


def test_an_unknown_theme_is_the_night_theme_with_one_notice(services: Services) -> None:
    services.settings = replace(services.settings, theme="no-such-theme")
    preferences = Preferences(RecordingHost(), services)
    assert preferences.theme_in_force() == "legease-night"
    assert preferences.theme_in_force() == "legease-night"  # settings put in force again
    assert len(preferences.problems) == 1
    assert "'theme' = 'no-such-theme' is not a known theme" in preferences.problems[0]
    assert "(known: legease-night, nord, textual-light)" in preferences.problems[0]


def test_the_palette_entries_run_actions_the_app_has() -> None:
    routines = list(BUILT_IN)
    entries = palette_entries(routines[0], routines)
    assert entries[0].title == "Routine"
    assert entries[0].help == f"Start tonight's routine, {routines[0].name}, now"
    assert [entry.title for entry in entries[-len(routines) :]] == [
        f"Routine: {routine.name}" for routine in routines
    ]
    for entry in entries:
        name = entry.action.split("(")[0]
        assert callable(getattr(LegEaseApp, f"action_{name}", None)), entry.action


def test_text_from_a_routine_file_is_never_markup_in_the_palette() -> None:
    mine = Routine(key="mine", name="[b]Mine", description="Calf [/] and [link=x]more", steps=())
    entries = palette_entries(mine, [mine])
    assert entries[0].help == "Start tonight's routine, \\[b]Mine, now"
    assert entries[-1].help == "Make it tonight's routine — Calf \\[/] and \\[link=x]more"
    assert entries[-1].action == "choose_routine('mine')"
