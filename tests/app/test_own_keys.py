"""`[keys]` in config.toml: a rebound key works and shows in the footer and help; a line naming
no action, a key name Textual does not know, or a key already taken is a notice naming its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.app_builder import AppMaker
from support.notices import Notices
from support.screen_text import screen_text
from textual.widgets import Static

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.screens import keymap
from legease_tui.screens.breathing import BreathingScreen
from legease_tui.screens.help import HelpScreen
from legease_tui.screens.keymap import checked_keymap, screen_bindings
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.keys import KeyChoice
from legease_tui.settings.paths import Paths
from legease_tui.settings.settings import dump_settings, parse_settings

SIZE = (100, 32)


def with_config(home: Paths, text: str) -> Services:
    home.config_dir.mkdir(parents=True, exist_ok=True)
    home.config_file.write_text(text)
    return build_services(home, FakeClock())


def footer_row(app: LegEaseApp) -> str:
    return screen_text(app).splitlines()[-1]


async def test_a_rebound_key_works_and_shows_in_the_footer_and_help(
    home: Paths, make_app: AppMaker
) -> None:
    services = with_config(home, '[keys]\nhome.routine = "g"\n"routine.next" = "right,l"\n')
    app = make_app(with_services=services)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        footer = footer_row(app)
        assert "g Routine" in footer
        assert "r Routine" not in footer
        tonight = str(app.screen.query_one("#tonight", Static).render())
        assert "press g to start" in tonight  # Home's own line names it too
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "g  Routine" in str(app.screen.query_one("#help-keys", Static).render())
        await pilot.press("escape")
        await pilot.press("r")  # the usual key no longer starts it
        await pilot.pause()
        assert not isinstance(app.screen, RoutineScreen)
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        step = screen.session.view().step_index
        await pilot.press("l")
        await pilot.pause()
        assert screen.session.view().step_index == step + 1
        assert "→ Next" in footer_row(app)  # shown as the key in force, not the old "→/n"
    assert [n.message for n in notices.shown if "keys" in n.message] == []


async def test_two_actions_may_swap_keys(home: Paths, make_app: AppMaker) -> None:
    services = with_config(home, '[keys]\nhome.routine = "b"\nhome.breathing = "r"\n')
    app = make_app(with_services=services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "b Routine" in footer_row(app) and "r Breathe" in footer_row(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, BreathingScreen)
    assert [p for p in app.preferences.problems if "config.toml" in p] == []


async def test_bad_lines_are_notices_naming_the_line_and_keep_the_usual_key(
    home: Paths, make_app: AppMaker
) -> None:
    config = "\n".join(
        [
            'routine = "calf-hamstring"',
            "[keys]",
            'home.routin = "g"',  # line 3: no such action
            'home.log = "b"',  # line 4: Breathing has b on Home
            'home.quiz = "cntrl+k"',  # line 5: not a key name
            'home.settings = "ctrl+p"',  # line 6: the command palette's
            'log.edit = "ctrl+e"',  # line 7: fine
        ]
    )
    services = with_config(home, config)
    app = make_app(with_services=services)
    file = str(home.config_file)
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = notices.messages()
        footer = footer_row(app)
        assert "l Log" in footer and "k Symptoms" in footer and "s Settings" in footer
    problems = sorted(p for p in app.preferences.problems if p.startswith(file))
    assert len(problems) == 4
    line = dict(p.removeprefix(f"{file}, line ").split(": ", 1) for p in problems)
    assert line["3"].startswith("'home.routin' is not an action")
    assert "Did you mean 'home.routine'?" in line["3"]
    assert line["4"].startswith("'b' is already taken on Home by 'Breathe' (home.breathing)")
    assert line["5"].startswith("'cntrl+k' is not a key")
    assert line["6"].startswith("'ctrl+p' is kept by Textual")
    assert shown == ["LegEase found 5 problems at start.\nPress ? to read them."]
    assert all(p in app.problems_found() for p in problems)  # Help lists them


def test_the_later_of_two_lines_wanting_one_key_is_left_out() -> None:
    keymap, problems = checked_keymap(
        [KeyChoice("home.log", "g", 3), KeyChoice("home.quiz", "g", 4)], "c.toml"
    )
    assert keymap == {"home.log": "g"}
    assert problems == [
        "c.toml, line 4: 'g' is already taken on Home by 'Log' (home.log). Using the usual key."
    ]


def test_a_key_taken_on_another_screen_only_is_free() -> None:
    keymap, problems = checked_keymap([KeyChoice("log.delete", "x", 2)], "c.toml")
    assert (keymap, problems) == ({"log.delete": "x"}, [])  # x is Skip on the reminder only


def test_every_binding_of_every_screen_has_an_id_of_its_screen() -> None:
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding
    from textual.screen import Screen

    import legease_tui.screens as package

    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                for binding in cls.BINDINGS:
                    assert isinstance(binding, Binding) and binding.id, (
                        f"{cls.__name__}: give {binding} an id ('screen.action') so [keys] can "
                        "rebind it, and list it in README.md, 'Keys of your own'"
                    )
    assert "home.routine" in {b.id for b in screen_bindings()["HomeScreen"]}


def test_keys_survive_a_settings_save(tmp_path: Path) -> None:
    loaded = parse_settings('[keys]\nhome.routine = "g"\n[keys.log]\ndelete = "x"\n')
    again = parse_settings(dump_settings(loaded.settings))
    assert [(c.binding_id, c.keys) for c in again.settings.keys] == [
        ("home.routine", "g"),
        ("log.delete", "x"),
    ]
    assert again.problems == ()


async def test_without_keys_no_screen_bindings_are_read(
    services: Services, monkeypatch: pytest.MonkeyPatch, make_app: AppMaker
) -> None:
    def never() -> dict[str, list[object]]:
        raise AssertionError("start-up read every screen's bindings with no [keys] lines")

    monkeypatch.setattr(keymap, "screen_bindings", never)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "r Routine" in footer_row(app)
