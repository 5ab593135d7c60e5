"""Words and keys the same everywhere (issue 14 §6, issue 25): what a key says is where it goes,
each action has one name in the footer, Help and the palette, every text names the key in force,
footers show the keys that work there, and a breathing session is not called a routine."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import datetime
from typing import Any

from support.app_builder import AppMaker
from support.notices import Notices
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.routine.moments import summary_lines
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.screens.breathing import BreathingScreen
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.help import HelpScreen
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.log import LogScreen
from legease_tui.screens.morning import MorningScreen
from legease_tui.screens.reminder import ReminderDialog, SkipReasonDialog
from legease_tui.screens.routine import RoutineScreen
from legease_tui.screens.summary import SummaryScreen, summary_text
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
        assert dialog.question.startswith("Stop the breathing exercise?")
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


def footer_of(screen: Screen[Any]) -> dict[str, str]:
    """What the screen's own footer shows: key -> words."""
    items = screen.query_one(Footer).query("FooterKey")
    return {item.key_display: item.description for item in items}  # type: ignore[attr-defined]


def palette_of(app: App[int]) -> dict[str, str]:
    """The palette's entries: title -> help."""
    return {command.title: command.help for command in app.get_system_commands(app.screen)}


async def test_each_home_action_has_one_name_in_footer_help_and_palette(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        footer = footer_of(home)
        palette = palette_of(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_keys = str(app.screen.query_one("#help-keys", Static).render())
    names = [b for b in HomeScreen.BINDINGS if isinstance(b, Binding) and b.description]
    assert [b.tooltip for b in names if b.tooltip] == []  # no second name on hover
    for binding in names:
        key = app.get_key_display(binding.with_key(binding.key.split(",")[0]))
        if binding.show:
            assert footer[key] == binding.description
        assert f"{key}  {binding.description}" in help_keys, binding.id
        assert binding.description in palette, binding.id
    assert footer["m"] == "Morning" and "Morning" in palette  # the morning check-in
    # The entry form is opened under one name wherever a key opens it.
    openers = [*HomeScreen.BINDINGS, *LogScreen.BINDINGS, *SummaryScreen.BINDINGS]
    ids = ("home.new_entry", "log.new_entry", "summary.log_night")
    named = {b.description for b in openers if isinstance(b, Binding) and b.id in ids}
    assert named == {"Log a night"}
    assert palette["Quit"] != "Quit the application as soon as possible"
    assert list(palette).count("Quit") == 1


async def test_help_and_home_name_the_keys_a_keys_section_puts_in_force(
    home: Paths, clock: FakeClock, make_app: AppMaker
) -> None:
    home.config_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    home.config_file.write_text(
        '[keys]\nhome.routine = "g"\nhome.quiz = "r"\nhelp = "f1"\n"settings.save" = "f2"\n'
    )
    app = make_app(with_services=build_services(home, clock))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        tonight = str(app.screen.query_one("#tonight", Static).render())
        note = str(app.screen.query_one("#safety", Static).render())
        assert "press g to start" in tonight
        assert "press f1 for warning signs" in note
        assert footer_of(app.screen)["g"] == "Routine"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        words = " ".join(str(s.render()) for s in app.screen.query(Static))
        await pilot.press("escape", "s")
        await pilot.pause()
        save = str(app.screen.query_one("#save", Button).label)
    assert "Start tonight's routine with g" in words
    assert "with r" not in words
    assert save == "Save (f2)"


async def test_the_breathing_chooser_shows_how_to_choose_and_start(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BreathingScreen)
        footer = footer_of(app.screen)
    assert footer["↑↓"] == "Choose" and footer["enter"] == "Start"


async def test_the_reminder_shows_enter_and_the_skip_question_not_homes_keys(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReminderDialog("Time for your routine", "Snooze 10 min", ""))
        await pilot.pause()
        assert footer_of(app.screen)["enter"] == "Start"
        app.push_screen(SkipReasonDialog(("Too tired", "Away")))
        await pilot.pause()
        footer = footer_of(app.screen)
        assert footer == {"↑↓": "Choose", "enter": "Skip tonight", "esc": "Back"}
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReminderDialog)


async def test_the_palette_opens_the_morning_check_in(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
        await commands["Morning"].callback()  # what choosing it in the palette runs
        await pilot.pause()
        assert isinstance(app.screen, MorningScreen)


async def test_the_palette_exports_the_doctor_summary_to_a_new_file(
    services: Services, make_app: AppMaker
) -> None:
    assert services.log is not None
    app = make_app()
    notices = Notices()
    folder = services.paths.data_dir / "exports"
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        assert "Export" in palette_of(app)
        await app.run_action("export_summary")
        await pilot.pause()
        assert notices.messages()[-1] == "No nights logged yet: there is nothing to export."
        assert not folder.exists()
        services.log.add(NightEntry(services.log.current_night(), tension=4, cramps=1))
        await app.run_action("export_summary")
        await app.run_action("export_summary")
        await pilot.pause()
    written = sorted(folder.iterdir())
    assert [path.suffix for path in written] == [".md", ".md"]  # the second beside the first
    assert "**nights logged:** 1" in written[0].read_text()
    said = notices.messages()
    assert any(f"is in {written[0]}." in line for line in said)
    assert any(f"is in {written[1]}." in line for line in said)


def test_the_summary_screen_says_the_time_taken_as_plain_mode_does() -> None:
    outcome = SessionOutcome(
        routine_key="calf-hamstring",
        routine_name="Calf & hamstring",
        started_at=datetime(2026, 12, 5, 22, 0),
        duration_seconds=31,
        active_seconds=31,
        steps_done=1,
        steps_total=3,
        completed=False,
    )
    shown = str(summary_text(outcome))
    assert "Time taken   31 s" in shown and "0:31" not in shown
    assert "Time taken 31 s;" in summary_lines(outcome)[1]
