"""LegEaseApp: wiring only. Builds screens from `Services`, holds the bindings and the command
palette, and handles what screens ask for (`messages.py`). The evening reminder and a routine's
sound have their own controllers (`controllers/`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from legease_tui.services import Services
from legease_tui.theme import NIGHT_THEME, chosen_theme, start_with_theme

# The user-text helpers (and the text checks they stand on) load with the first message shown.
if TYPE_CHECKING:  # the routine engine, the quiz, sound and the reminder load when first used
    from legease_tui import messages  # handlers are found by name: on_<message>
    from legease_tui.controllers.cues import CueSound
    from legease_tui.controllers.reminders import ReminderController
    from legease_tui.core.quiz.scoring import CheckResult
    from legease_tui.core.routine.model import Routine
    from legease_tui.core.routine.session import SessionOutcome
    from legease_tui.settings.settings import Settings


def stylesheet_path() -> Path:
    """The app stylesheet: the copy the wheel puts inside the package, else the source tree's
    (an editable install). A plain path beside this module is what importlib.resources would
    return for an installed package, without its 13 ms import at start-up."""
    packaged = Path(__file__).with_name("styles.tcss")
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "styles.tcss"


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
        self._reminders: ReminderController | None = None
        self._cues: CueSound | None = None
        self.register_theme(NIGHT_THEME)
        start_with_theme(self, chosen_theme(self, self.services))

    @property
    def reminders(self) -> ReminderController:
        """The evening reminder, built on first use (after the first frame): its rules and
        the data file it reads cost nothing at start-up."""
        if self._reminders is None:
            from legease_tui.controllers.reminders import ReminderController

            self._reminders = ReminderController(self, self.services)
        return self._reminders

    @property
    def cues(self) -> CueSound:
        """A routine's sound, built on first use (its audio adapter on the first cue)."""
        if self._cues is None:
            from legease_tui.controllers.cues import CueSound

            self._cues = CueSound(self, self.services)
        return self._cues

    def _start_reminders(self) -> None:
        self.reminders.start()

    def get_default_screen(self) -> Screen[Any]:
        from legease_tui.screens.home import HomeScreen

        return HomeScreen(self.services, lambda: self.reminders.next_line())

    def on_mount(self) -> None:
        if self.services.settings.keys:  # [keys]: checking them reads every screen's bindings
            self.call_after_refresh(self._use_own_keys)
        # The notices need the routine files read: after the first frame, like Home's routine.
        self.call_after_refresh(self._show_notices)
        if self._start == "routine":
            chosen = self.services.routines.find(self._argument or "")
            self.start_routine(chosen or self.services.tonight())
        elif self._start == "breathing":
            self.action_breathing()
        elif self._start == "log":
            self.action_log()
        elif self._start == "quiz":
            self.action_quiz()
        self.watch(self, "theme", self._theme_chosen, init=False)  # the picker's choice is saved
        self.screen_change_signal.subscribe(self, self._screen_changed)
        # APScheduler loads a moment after the first frame, so start-up never waits for it.
        self.set_timer(self.REMINDERS_AFTER_SECONDS, self._start_reminders)

    def _use_own_keys(self) -> None:
        from legease_tui.screens.keymap import use_own_keys

        use_own_keys(self, self.services)
        self.refresh_home()  # Home's lines name the keys in force

    def _show_notices(self) -> None:
        from legease_tui.widgets.user_text import notify_problems

        notify_problems(self, self.services.notices)

    def _screen_changed(self, _screen: Screen[Any]) -> None:
        if self._reminders is not None:  # a reminder held behind a routine or dialog comes now
            self.call_after_refresh(self._reminders.screen_closed)

    def _theme_chosen(self, name: str) -> None:
        from legease_tui.choices import theme_chosen

        theme_chosen(self, name)

    def on_unmount(self) -> None:
        if self._reminders is not None:
            self._reminders.stop()
        if self._cues is not None:
            self._cues.stop_all()

    # --- what screens ask for (messages.py) ---------------------------------------------------

    def on_start_routine(self, message: messages.StartRoutine) -> None:
        self.start_routine(message.routine)

    def on_cues_due(self, message: messages.CuesDue) -> None:
        self.cues.play(message.cues, message.session)

    def on_routine_ended(self, message: messages.RoutineEnded) -> None:
        self.session_ended(message.outcome)

    def on_open_entry(self, message: messages.OpenEntry) -> None:
        self.open_entry(message.night, message.on_saved)

    def on_check_finished(self, message: messages.CheckFinished) -> None:
        self.show_check(message.result)

    def on_settings_saved(self, _message: messages.SettingsSaved) -> None:
        # The screen that saved closes, and what it uncovers refreshes itself.
        self._settings_in_force()

    def on_minute_passed(self, _message: messages.MinutePassed) -> None:
        self.reminders.wakeup()  # after a laptop sleep the scheduler's own timer can run late

    # --- actions shared by screens and the command palette -----------------------------------

    def start_routine(self, routine: Routine) -> None:
        """Open the routine screen and start `routine` now (on a trial's no-routine night,
        after asking; the deviation is recorded)."""
        from legease_tui.controllers.trial_nights import confirm_routine

        confirm_routine(self.services, self.push_screen, lambda: self._run_routine(routine))

    def _run_routine(self, routine: Routine) -> None:
        from legease_tui.core.routine.session import RoutineSession
        from legease_tui.screens.routine import RoutineScreen

        self.cues.prepare()  # find the player before the clock starts: the first cue is on time
        fitted = self.services.for_person(routine)
        self.push_screen(RoutineScreen(RoutineSession(fitted, self.services.clock)))

    def action_routine(self) -> None:
        self.start_routine(self.services.tonight())

    def action_breathing(self) -> None:
        from legease_tui.screens.breathing import BreathingScreen

        self.push_screen(BreathingScreen())

    def action_quiz(self) -> None:
        """Open a fresh symptom check."""
        from legease_tui.core.quiz.flow import QuizRun
        from legease_tui.screens.quiz import QuizScreen

        self.push_screen(QuizScreen(QuizRun(self.services.quiz_content)))

    def show_check(self, result: CheckResult) -> None:
        """Save a finished check and show it in place of the questions."""
        from legease_tui.diary import show_check

        show_check(self, result)

    def action_help(self) -> None:
        from legease_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_settings(self) -> None:
        from legease_tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen(self.services, sorted(self.available_themes)))

    def settings_saved(self, settings: Settings) -> None:
        """Put `settings` in force (already written) and show them on Home."""
        self.services.apply_settings(settings)
        self._settings_in_force()
        self.refresh_home()

    def _settings_in_force(self) -> None:
        """New settings are in `Services`: apply the theme, rebuild the reminder job."""
        self.theme = chosen_theme(self, self.services)
        self.reminders.settings_changed()

    def choose_routine(self, routine: Routine) -> None:
        """Make `routine` tonight's routine (saved, as Settings saves)."""
        from legease_tui.choices import choose_routine

        choose_routine(self, routine)

    def refresh_home(self) -> None:
        """Ask Home to show the current state now (for changes made while it is showing; a
        covered Home refreshes itself when it is shown again)."""
        from legease_tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_state()

    def session_ended(self, outcome: SessionOutcome) -> None:
        """A routine finished or was stopped: remember it and show the summary."""
        from legease_tui.screens.summary import SummaryScreen

        self.record_session(outcome)
        self.push_screen(SummaryScreen(outcome))

    def record_session(self, outcome: SessionOutcome) -> None:
        """Keep the routine's outcome in the log (a storage problem is shown, not raised)."""
        from legease_tui.diary import record_session

        record_session(self, outcome)

    def action_log(self) -> None:
        """Open the nightly log."""
        from legease_tui.diary import open_log

        open_log(self)

    def action_trial(self) -> None:
        """Open the personal trial: plan one, follow it, read its report."""
        from legease_tui.diary import open_trial

        open_trial(self)

    def action_morning(self) -> None:
        """The morning check-in for the night just gone."""
        from legease_tui.diary import open_morning

        open_morning(self)

    def action_new_entry(self) -> None:
        """Log tonight (or, in the morning, the night just gone); edits it if it exists."""
        self.open_entry(None)

    def open_entry(self, night: date | None, on_saved: Callable[[], None] | None = None) -> None:
        """The entry form for `night` (default: tonight), editing it if it is logged."""
        from legease_tui.diary import open_entry

        open_entry(self, night, on_saved)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from legease_tui.palette import legease_commands

        yield from legease_commands(self)
        # LegEase's Help lists the keys: Textual's "Keys" entry would be a second Help.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")

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
