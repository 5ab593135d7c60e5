"""Words and keys the same everywhere (issue 14 §6): what a key says is where it goes, and a
breathing session is not called a routine."""

from __future__ import annotations

import importlib
import pkgutil

from support.app_builder import AppMaker
from support.notices import Notices
from textual.widgets import Static

from legease_tui.core.clock import FakeClock
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.routine import RoutineScreen
from legease_tui.screens.summary import SummaryScreen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

SIZE = (100, 32)


async def test_stopping_breathing_asks_about_breathing_and_home_goes_home(
    services: Services,
    make_app: AppMaker,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        await pilot.press("escape")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question.startswith("Stop breathing?")
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Breathing stopped." in str(app.screen.query_one("#summary-text", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # not the breathing chooser


async def test_stopping_a_routine_still_asks_about_the_routine(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question.startswith("Stop the routine?")
        await pilot.press("y", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_bad_config_shows_one_short_notice_and_help_lists_every_problem(
    home: Paths, clock: FakeClock, make_app: AppMaker
) -> None:
    home.config_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    home.config_file.write_text(
        'routine = 3\ntheme = 4\n[sound]\nenabled = "yes"\nvolume = 150\ncues = "loud"\n'
    )
    app = make_app(with_services=build_services(home, clock))
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        said = list(notices.shown)
        listed = app.problems_found()  # what Help lists (tests/app/test_what_covers_what.py)
    assert len(said) == 1
    assert said[0].title == "Please check"
    assert said[0].message == "LegEase found 5 problems at start.\nPress ? to read them."
    for key in ("'routine'", "'theme'", "'sound.enabled'", "'sound.volume'", "'sound.cues'"):
        assert any(key in problem for problem in listed), key


async def test_the_palette_lists_help_once_and_no_second_keys_entry(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
    assert titles.count("Help") == 1 and "Keys" not in titles


async def test_esc_closes_the_keys_panel_before_it_leaves_the_screen(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app("log")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        log = app.screen
        app.action_show_help_panel()
        await pilot.pause()
        assert log.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is log and not log.query("HelpPanel")
        await pilot.press("escape")  # with the panel gone, esc is the log's own Back again
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_keys_are_named_one_way_in_the_footer_and_the_texts(
    services: Services, make_app: AppMaker
) -> None:
    import inspect

    from textual.screen import Screen
    from textual.widgets import Footer

    import legease_tui.screens as screens_package

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        footer = app.screen.query_one(Footer)
        keys = [item.key_display for item in footer.query("FooterKey")]  # type: ignore[attr-defined]
        assert "enter" in keys and "⏎" not in keys
    texts: list[str] = []
    for info in pkgutil.iter_modules(screens_package.__path__):
        module = importlib.import_module(f"legease_tui.screens.{info.name}")
        for _name, screen in inspect.getmembers(module, inspect.isclass):
            words = getattr(screen, "HELP", None)
            if issubclass(screen, Screen) and isinstance(words, str):
                texts.append(words)
    assert texts and not [t for t in texts if "escape" in t or "⏎" in t or "Enter " in t]
