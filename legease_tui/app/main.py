"""LegEaseApp: the app itself, and the only code that names it. It holds the bindings, the
default screen and the palette, and hands each message and action, in one line, to the part
that does the work: the navigator (screens, routines, what they produce), the preferences
(tonight's routine, the theme), the evening reminder and a routine's sound. Each of those works
through a small host (`host.py`) that this app satisfies and a test fakes."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from legease_tui import messages
from legease_tui.app import screen_table as screens
from legease_tui.app.cues import CueSound
from legease_tui.app.navigation import Navigator
from legease_tui.app.palette import REPLACED_SYSTEM_COMMANDS, palette_entries
from legease_tui.app.preferences import Preferences
from legease_tui.app.reminders import ReminderController
from legease_tui.app.theme import NIGHT_THEME
from legease_tui.core.routine.model import Routine
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.keys import help_key
from legease_tui.services import Services
from legease_tui.widgets.user_text import notify_plain, notify_problems


def stylesheet_path() -> Path:
    """The app stylesheet: the copy the wheel puts inside the package, else the source tree's
    (an editable install). A plain path beside the package is what importlib.resources would
    return for an installed package, without its 13 ms import at start-up."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "styles.tcss"
    if packaged.is_file():
        return packaged
    return package.parent / "styles.tcss"


class LegEaseApp(App[int]):
    """The LegEase terminal app."""

    TITLE = "LegEase"
    SUB_TITLE = "calm legs, better nights"
    CSS_PATH = str(stylesheet_path())
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    """Screens below 100 columns are `-narrow`: styles.tcss gives the words the room there."""
    REMINDERS_AFTER_SECONDS = 0.2
    """The reminder scheduler starts this long after mount: the first frame never waits."""
    BINDINGS = [
        # Textual's keys panel closes with esc like every other panel; only while it is shown.
        Binding("escape", "hide_keys_panel", show=False, priority=True, id="keys_panel.close"),
    ]

    def __init__(
        self, services: Services, start: str | None = None, argument: str | None = None
    ) -> None:
        super().__init__()
        self.services = services
        self._start = start
        self._argument = argument
        self.navigator = Navigator(self, services)
        self.preferences = Preferences(self, services)
        self.reminders = ReminderController(self, services)
        self.cues = CueSound(self, services)
        self.register_theme(NIGHT_THEME)
        self._start_with_theme(self.preferences.theme_in_force())

    def _start_with_theme(self, name: str) -> None:
        """Put theme `name` in force before the stylesheet is first parsed. Setting `theme` runs
        its watcher, which queues a second parse of every rule before the first frame (9-27 ms
        in the start-up bench). When the ANSI colour filter `App.__init__` made fits the theme
        (both dark, or both light), this does what the watcher does, with public calls;
        otherwise the theme is set the usual way."""
        if name == self.theme:
            return
        theme = self.get_theme(name)
        if theme is None or theme.dark != self.current_theme.dark:
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        modes = {f"-theme-{name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark}
        stale = {old: False for old in self.classes if old.startswith("-theme-")}
        self.update_classes(stale | modes, update=False)

    def get_default_screen(self) -> Screen[Any]:
        return HomeScreen(self.services, self.reminders.next_line)

    def on_ready(self) -> None:
        # What was made for the first frame lasts the whole run: out of the collector's way
        # (Python's gc.freeze), so the first full collection, while Home reads its lines just
        # after, does not walk it all (17-21 ms measured, a tenth of a bare Textual app's start).
        gc.freeze()

    def on_mount(self) -> None:
        if self.services.settings.keys:  # [keys]: checking them reads every screen's bindings
            self.call_after_refresh(self._use_own_keys)
        self.call_after_refresh(self._show_notices)
        self.navigator.open_at_start(self._start, self._argument)
        self.watch(self, "theme", self.preferences.theme_chosen, init=False)  # the picker's
        self.screen_change_signal.subscribe(self, self._screen_changed)
        # APScheduler loads a moment after the first frame, so start-up never waits for it.
        self.set_timer(self.REMINDERS_AFTER_SECONDS, self.reminders.start)

    def _use_own_keys(self) -> None:
        self.preferences.problems += screens.use_own_keys(self, self.services)
        self.refresh_home()  # Home's lines name the keys in force

    def _show_notices(self) -> None:
        # Sound's own problems are on the routine's line; these are the files' and keys'.
        found = [*self.services.notices, *self.preferences.problems]
        notify_problems(self, found, help_key(self))

    def help_key(self) -> str:
        """The key in force that opens Help, where the problems found are listed."""
        return help_key(self)

    def problems_found(self) -> list[str]:
        """Every problem found since the start (files, keys, sound), in full: Help lists them,
        the notices only say they are there."""
        return [*self.services.notices, *self.preferences.problems, *self.cues.problems]

    def sound_problem(self, short: str) -> None:
        """A sound problem, in a few words: on the routine's own line while one runs (a notice
        there covered the time left); otherwise a short notice."""
        for screen in self.screen_stack:
            if isinstance(screen, screens.RoutineScreen):
                screen.show_sound_problem(short)
                return
        key = help_key(self)
        notify_plain(self, f"{short}. Press {key} for details.", title="Sound", timeout=8)

    def _screen_changed(self, _screen: Screen[Any]) -> None:
        # A reminder held behind a routine or a dialog comes when that closes.
        self.call_after_refresh(self.reminders.screen_closed)

    def on_unmount(self) -> None:
        self.reminders.stop()
        self.cues.stop_all()
        gc.unfreeze()  # collectable again (a process that runs the app again, as the tests do)

    # --- what screens ask for and tell (messages.py) ------------------------------------------

    def on_start_routine(self, message: messages.StartRoutine) -> None:
        self.navigator.start_routine(message.routine)

    def on_open_entry(self, message: messages.OpenEntry) -> None:
        self.navigator.open_entry(message.night, message.home_after_save)

    def on_go_home(self, _message: messages.GoHome) -> None:
        self.navigator.go_home()

    def on_cues_due(self, message: messages.CuesDue) -> None:
        self.cues.play(message.cues, message.session)

    def on_routine_ended(self, message: messages.RoutineEnded) -> None:
        self.navigator.keep_session(message.outcome)

    def on_check_finished(self, message: messages.CheckFinished) -> None:
        self.navigator.show_check(message.result)

    def on_settings_saved(self, _message: messages.SettingsSaved) -> None:
        self._settings_in_force()  # the screen that saved closes; what it uncovers refreshes

    def on_minute_passed(self, _message: messages.MinutePassed) -> None:
        self.reminders.wakeup()  # after a laptop sleep the scheduler's own timer can run late

    # --- actions: keys, the palette (by name) ---------------------------------------------

    def action_routine(self) -> None:
        self.navigator.start_routine(self.navigator.tonights_routine())

    def action_breathing(self) -> None:
        self.navigator.open_breathing()

    def action_quiz(self) -> None:
        self.navigator.open_quiz()

    def action_help(self) -> None:
        self.navigator.open_help()

    def action_settings(self) -> None:
        self.navigator.open_settings()

    def action_log(self) -> None:
        self.navigator.open_log()

    def action_new_entry(self) -> None:
        self.navigator.open_entry()

    def action_morning(self) -> None:
        self.navigator.open_morning()

    def action_trial(self) -> None:
        self.navigator.open_trial()

    def action_export_summary(self) -> None:
        self.navigator.export_summary()

    def action_choose_routine(self, key: str) -> None:
        self.preferences.choose_routine(key)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        tonight = self.navigator.tonights_routine()
        for entry in palette_entries(tonight, self.services.routines.routines.values()):
            yield SystemCommand(entry.title, entry.help, partial(self.run_action, entry.action))
        # LegEase's Help lists the keys: Textual's "Keys" entry would be a second Help; its
        # Quit is LegEase's own, in LegEase's words.
        theirs = super().get_system_commands(screen)
        yield from (c for c in theirs if c.title not in REPLACED_SYSTEM_COMMANDS)

    # --- what the parts ask of the app (host.py) ------------------------------------------

    def start_routine(self, routine: Routine) -> None:
        self.navigator.start_routine(routine)

    def prepare_sound(self) -> None:
        self.cues.prepare()

    def refresh_home(self) -> None:
        """Ask Home to show the current state now (for changes made while it is showing; a
        covered Home refreshes itself when it is shown again)."""
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_state()

    def _settings_in_force(self) -> None:
        """New settings are in `Services`: apply the theme, rebuild the reminder job."""
        self.theme = self.preferences.theme_in_force()
        self.reminders.settings_changed()

    # --- Textual's keys --------------------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        """A key named one way in the footer, Help and every text: "enter" and "esc" (Textual
        shows enter as "⏎")."""
        return super().get_key_display(binding).replace("⏎", "enter")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_keys_panel":  # otherwise esc goes on to the screen's own binding
            return bool(self.screen.query("HelpPanel"))
        return True

    def action_hide_keys_panel(self) -> None:
        self.action_hide_help_panel()
