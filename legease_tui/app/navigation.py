"""Where each request leads: the screens opened from Home, the palette, the command line or a
message, and what becomes of a routine's outcome and a symptom check's result. Each says why
when the data file cannot be used; a storage problem is shown, never raised.

`Navigator` works through a small host (`host.NavigationHost`): the app is one, a test passes a
recording fake. Screens come from the table in `screen_table.py`, each imported on first open.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from legease_tui import core
from legease_tui.app import screen_table as screens
from legease_tui.app.host import NavigationHost
from legease_tui.core.night import night_of, night_slept
from legease_tui.core.routine.model import Routine
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.core.routine.session import RoutineSession
from legease_tui.core.storage.atomic import NotARegularFile, write_new
from legease_tui.core.storage.store import StoreError
from legease_tui.core.tonight import (
    ASK_AFTER_A_CLINICIAN_FIRST_CHECK,
    ASK_ON_NO_ROUTINE_NIGHT,
    clinician_first_now,
    keep_routine_on_a_no_routine_night,
    last_check,
    no_routine_tonight,
    routine_for_person,
    routine_for_tonight,
)
from legease_tui.screens.home import HomeScreen
from legease_tui.services import Services
from legease_tui.widgets.user_text import notify_plain

if TYPE_CHECKING:
    from legease_tui.core.log.repository import LogRepository
    from legease_tui.core.quiz.scoring import CheckResult

ASK_ON_CONTROL = ASK_ON_NO_ROUTINE_NIGHT
EXPORTS = "exports"
"""The data folder's folder for the app's exports."""
STARTS = ("routine", "breathing", "log", "quiz")
"""The screens `legease routine|breathe|log|quiz` open over Home."""


class Navigator:
    """Opens screens and starts routines for the app; keeps what they produce."""

    def __init__(self, host: NavigationHost, services: Services) -> None:
        self.host = host
        self.services = services

    # --- the diary: log, entry, morning check-in, trial ---------------------------------------

    def log_or_say_why(self) -> LogRepository | None:
        """The log, or None after telling the person why it cannot be used."""
        log = self.services.log
        if log is None:
            key = self.host.help_key()
            notify_plain(
                self.host,
                f"The log is not available. Press {key} to see why.",
                severity="error",
                timeout=8,
            )
        return log

    def open_log(self) -> None:
        log = self.log_or_say_why()
        if log is not None and not isinstance(self.host.screen, screens.LogScreen):
            self.host.push_screen(screens.LogScreen(log))

    def open_entry(self, night: date | None = None, home_after_save: bool = False) -> None:
        """The entry form for `night` (default: tonight), editing it if it is logged. The screen
        it covers refreshes itself when shown again; with `home_after_save`, saving goes Home."""
        log = self.log_or_say_why()
        if log is None:
            return
        night = night or log.current_night()

        def closed(saved: bool | None) -> None:
            if saved and home_after_save:
                self.go_home()

        self.host.push_screen(screens.EntryScreen(log, night, log.get(night), log.tags()), closed)

    def open_morning(self) -> None:
        """The morning check-in for the night slept (the night of yesterday), at any hour."""
        log = self.log_or_say_why()
        if log is None or isinstance(self.host.screen, screens.MorningScreen):
            return
        now = log.clock.now()
        night = night_slept(now)
        self.host.push_screen(screens.MorningScreen(log, night, log.get(night), now))

    def open_trial(self) -> None:
        """The Trial screen, offering tonight's routine first among those a trial can compare."""
        services = self.services
        log, trials = self.log_or_say_why(), services.trial
        if log is None or trials is None or isinstance(self.host.screen, screens.TrialScreen):
            return
        keys = [self.tonights_routine().key]
        keys += [key for key in services.routines.routines if key not in keys]
        self.host.push_screen(
            screens.TrialScreen(trials, log, services.clock, keys, services.routines)
        )

    def export_summary(self) -> None:
        """The doctor summary of every night into a new file in the data folder's `exports`
        (never over a file already there: a number is added), and where it is."""
        log = self.log_or_say_why()
        if log is None:
            return
        try:
            text, nights, unreadable = screens.whole_summary(log)
            if not nights:
                notify_plain(self.host, "No nights logged yet: there is nothing to export.")
                return
            # backslashreplace: a lone surrogate stored before it was refused cannot be UTF-8.
            data = text.encode("utf-8", "backslashreplace")
            name = f"legease-summary-{self.services.clock.now():%Y-%m-%d}.md"
            path = write_new(self.services.paths.data_dir / EXPORTS, name, data)
        except (StoreError, NotARegularFile) as error:
            notify_plain(self.host, f"Nothing was exported: {error}.", severity="error")
            return
        except OSError as error:
            why = error.strerror or str(error)
            notify_plain(self.host, f"Nothing was exported: {why}.", severity="error")
            return
        plural = "s" if nights != 1 else ""
        left_out = (
            f" {unreadable} stored night(s) could not be read: left out." if unreadable else ""
        )
        notify_plain(
            self.host,
            f"The doctor's summary of {nights} night{plural} is in {path}.{left_out} "
            "`legease export --format csv` or `json` gives every figure.",
            title="Exported",
            timeout=15,
        )

    # --- the other screens ----------------------------------------------------------------

    def open_at_start(self, start: str | None, argument: str | None) -> None:
        """The screen the command line asked for over Home (`legease routine NAME`, ...)."""
        if start == "routine":
            chosen = self.services.routines.find(argument or "")
            self.start_routine(chosen or self.tonights_routine())
        elif start == "breathing":
            self.open_breathing()
        elif start == "log":
            self.open_log()
        elif start == "quiz":
            self.open_quiz()

    def open_breathing(self) -> None:
        self.host.push_screen(screens.BreathingScreen())

    def open_quiz(self) -> None:
        """A fresh symptom check."""
        self.host.push_screen(screens.QuizScreen(core.QuizRun(self.services.quiz_content)))

    def open_help(self) -> None:
        """Help for the screen in front (not a second Help over the first)."""
        if not isinstance(self.host.screen, screens.HelpScreen):
            self.host.push_screen(screens.HelpScreen(self.host.screen, self.host.problems_found()))

    def open_settings(self) -> None:
        if not isinstance(self.host.screen, screens.SettingsScreen):
            themes = sorted(self.host.available_themes)
            self.host.push_screen(screens.SettingsScreen(self.services, themes))

    def go_home(self) -> None:
        """Close every screen above Home (the summary's "Home", whatever it was started from)."""
        stack = self.host.screen_stack
        homes = [index for index, screen in enumerate(stack) if isinstance(screen, HomeScreen)]
        above = len(stack) - 1 - homes[-1] if homes else 1
        for _ in range(above):
            self.host.pop_screen()

    # --- routines ---------------------------------------------------------------------------

    def tonights_routine(self) -> Routine:
        """The routine `r` starts tonight (the configured one, or the default)."""
        return routine_for_tonight(self.services.routines, self.services.settings.routine)

    def start_routine(self, routine: Routine) -> None:
        """Open the routine screen and start `routine` now, fitted to the person the latest
        symptom check describes. On a trial's no-routine night it asks first, and a routine
        started anyway is recorded as a deviation."""
        if self._clinician_first():
            ask = screens.ConfirmDialog(
                ASK_AFTER_A_CLINICIAN_FIRST_CHECK, yes="Start anyway", no="Not tonight"
            )
            self.host.push_screen(ask, lambda yes: self._start_on_plan(routine) if yes else None)
            return
        self._start_on_plan(routine)

    def _clinician_first(self) -> bool:
        services = self.services
        now = services.clock.now()
        return clinician_first_now(services.store, lambda: services.quiz_content, now)

    def _start_on_plan(self, routine: Routine) -> None:
        """Start `routine`, asking first on a trial's no-routine night."""
        if not no_routine_tonight(self.services.trial):
            self._run(routine)
            return

        def answered(yes: bool | None) -> None:
            trials = self.services.trial
            if not yes or trials is None:
                return
            keep_routine_on_a_no_routine_night(trials, night_of(self.services.clock.now()))
            self._run(routine)

        dialog = screens.ConfirmDialog(ASK_ON_CONTROL, yes="Start anyway", no="Keep to the plan")
        self.host.push_screen(dialog, answered)

    def _run(self, routine: Routine) -> None:
        services = self.services
        check = last_check(services.store, lambda: services.quiz_content)
        fitted = routine_for_person(routine, check)
        self.host.push_screen(screens.screen_for(RoutineSession(fitted, services.clock)))
        # The player is found before the clock starts (the first cue on time) and after the
        # screen is there, so what it says goes on the routine's own line.
        self.host.prepare_sound()

    def keep_session(self, outcome: SessionOutcome) -> None:
        """A routine finished or was stopped: keep it in the log and show the summary."""
        log = self.services.log
        if log is not None:
            try:
                log.record_session(outcome)
            except StoreError as error:
                notify_plain(self.host, str(error), title="Not saved", severity="error", timeout=12)
        self.host.push_screen(screens.SummaryScreen(outcome))

    # --- the symptom check ----------------------------------------------------------------

    def show_check(self, result: CheckResult) -> None:
        """Save a finished check and show it in place of the questions."""
        services = self.services
        checks, comparison = services.checks, ""
        if checks is not None:
            try:
                _, comparison = checks.save_and_compare(result)
            except StoreError as error:
                notify_plain(
                    self.host, str(error), title="Check not saved", severity="error", timeout=12
                )
        routine = services.routines.get(result.routine)
        content, log = services.quiz_content, services.log
        screen = screens.result_screen(result, content, routine, checks, log, comparison)
        self.host.switch_screen(screen)
