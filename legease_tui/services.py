"""Services are built once, here, and handed to the app and its screens (no globals).

Tests build their own `Services` (a temp home, a FakeClock) and pass it to `LegEaseApp`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from functools import cached_property
from typing import TYPE_CHECKING

from legease_tui.core.clock import Clock, SystemClock
from legease_tui.core.routine.files import RoutineLibrary, load_library
from legease_tui.core.routine.model import DEFAULT_ROUTINE, Routine
from legease_tui.core.storage.store import Store, StoreError
from legease_tui.settings.local_zone import local_zone
from legease_tui.settings.paths import Paths
from legease_tui.settings.settings import ReminderSettings, Settings, load_settings, save_settings

if TYPE_CHECKING:  # the log, the quiz and the audio probe load when first used, not at start-up
    from legease_tui.core.log.repository import LogRepository
    from legease_tui.core.quiz.checks import CheckRepository
    from legease_tui.core.quiz.model import QuizContent


@dataclass
class Services:
    """What the app works with: where files live, the clock, settings and routines; the log,
    the saved checks and the quiz content are each built once, on first use."""

    paths: Paths
    clock: Clock
    settings: Settings
    routines: RoutineLibrary
    store: Store | None = None
    """The data file (None when it cannot be used; the reason is in `notices`)."""
    notices: list[str] = field(default_factory=list)
    """Problems found while loading (config keys, routine files, data file), shown at start."""
    zone: tzinfo = field(default_factory=local_zone)
    """The local time zone reminders are planned in (tests pass a fixed one)."""
    chosen_tonight: Routine | None = None
    """The routine picked for tonight in the command palette (None: the configured one)."""

    def default_routine(self) -> Routine:
        """The configured routine, or the built-in default."""
        chosen = self.routines.get(self.settings.routine)
        return chosen or self.routines.routines[DEFAULT_ROUTINE]

    def tonight(self) -> Routine:
        """The routine `r` starts tonight."""
        return self.chosen_tonight or self.default_routine()

    def reminder_routine(self) -> Routine:
        """The routine the evening reminder offers: its own setting, else tonight's routine."""
        return self.routines.get(self.settings.reminders.routine) or self.tonight()

    @cached_property
    def log(self) -> LogRepository | None:
        """The nightly log, one repository (and one read cache) for the whole run; None when
        the data file cannot be used."""
        from legease_tui.core.log.repository import LogRepository

        return LogRepository(self.store, self.clock) if self.store is not None else None

    @cached_property
    def quiz_content(self) -> QuizContent:
        """The symptom check's questions and advice, read on the first check."""
        from legease_tui.core.quiz.content import load_content

        return load_content()

    @cached_property
    def checks(self) -> CheckRepository | None:
        """The saved symptom checks (None when the data file cannot be used)."""
        from legease_tui.core.quiz.checks import CheckRepository

        if self.store is None:
            return None
        return CheckRepository(self.store, self.clock, self.quiz_content)

    def audio_report(self) -> list[str]:
        """Which player and speech program a routine would use now (looks the programs up)."""
        from legease_tui.adapters.audio_programs import describe_audio_setup

        return describe_audio_setup(self.settings.sound)

    def save_settings(self, settings: Settings) -> str | None:
        """Write `settings` to config.toml and put them in force; the problem if it cannot be
        written (then nothing changes)."""
        try:
            save_settings(self.paths.config_file, settings)
        except OSError as error:
            return f"Cannot write {self.paths.config_file}: {error.strerror}."
        self.apply_settings(settings)
        return None

    def apply_settings(self, settings: Settings) -> None:
        """`settings` are in force: tonight's routine follows them again."""
        self.settings = settings
        self.chosen_tonight = None


def _reminder_window_problem(reminders: ReminderSettings) -> str | None:
    from legease_tui.core.reminders.schedule import window_problem  # only when reminders are on

    return window_problem(reminders.time, reminders.latest)


def build_services(paths: Paths, clock: Clock | None = None) -> Services:
    """Load settings and routines for `paths`; every problem becomes a notice, never a crash."""
    folder_problems = []
    try:
        paths.ensure()
    except OSError as error:
        folder_problems.append(f"Cannot create the folder {error.filename}: {error.strerror}.")
    if shared_folder := paths.open_to_others_notice():
        folder_problems.append(shared_folder)
    loaded = load_settings(paths.config_file)
    library = load_library(paths.routines_dir)
    notices = [*folder_problems, *loaded.problems, *library.problems]
    if library.get(loaded.settings.routine) is None:
        notices.append(
            f"{paths.config_file}: 'routine' = {loaded.settings.routine!r} is not a known routine "
            f"(known: {', '.join(library.routines)}). Using {DEFAULT_ROUTINE!r}."
        )
    reminders = loaded.settings.reminders
    if reminders.enabled and (window := _reminder_window_problem(reminders)):
        notices.append(
            f"{paths.config_file}: [reminders] {window}, so no reminder can fire. "
            "Set 'latest' later than 'time' (Settings, s on Home)."
        )
    store = None
    try:
        store = Store.open(paths.database_file)
        notices.extend(store.notices)
    except StoreError as error:
        notices.append(str(error))
    return Services(paths, clock or SystemClock(), loaded.settings, library, store, notices)
