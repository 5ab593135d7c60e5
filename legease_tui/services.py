"""Services are built once, here, and handed to the app and its screens (no globals).

Tests build their own `Services` (a temp home, a FakeClock) and pass it to `LegEaseApp`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from functools import cached_property
from typing import TYPE_CHECKING, Any

from legease_tui.core.clock import Clock, SystemClock
from legease_tui.core.night import night_of
from legease_tui.core.quoting import quoted
from legease_tui.core.storage.store import Store, StoreError
from legease_tui.settings.paths import Paths
from legease_tui.settings.settings import ReminderSettings, Settings, load_settings, save_settings

if TYPE_CHECKING:  # routines, the log, the quiz, the audio probe and the zone load when first used
    from legease_tui.core.log.repository import LogRepository
    from legease_tui.core.quiz.checks import CheckRepository
    from legease_tui.core.quiz.model import QuizContent
    from legease_tui.core.routine.files import RoutineLibrary
    from legease_tui.core.routine.model import Routine
    from legease_tui.core.tonight import LastCheck
    from legease_tui.core.trial.repository import TrialRepository


@dataclass
class Services:
    """What the app works with: where files live, the clock and settings; the routines, the
    log, the saved checks, the quiz content and the time zone are each built once, on first use
    (none of them is needed for the first frame of Home)."""

    paths: Paths
    clock: Clock
    settings: Settings
    store: Store | None = None
    """The data file (None when it cannot be used; the reason is in `notices`)."""
    problems: list[str] = field(default_factory=list)
    """Problems found so far, in the order `notices` gives them; the routine files' join at
    `routine_problems_at` when the routines are first read."""
    routine_problems_at: int = 0
    """Where the routine files' problems go in `problems` (after the config file's)."""
    chosen_tonight: Routine | None = None
    """The routine picked for tonight in the command palette (None: the configured one)."""

    @cached_property
    def routines(self) -> RoutineLibrary:
        """The built-in routines and every custom one that loads, read on first use (Home shows
        tonight's just after its first frame). Their problems join `problems`."""
        from legease_tui.core.routine.files import load_library
        from legease_tui.core.routine.model import DEFAULT_ROUTINE

        library = load_library(self.paths.routines_dir)
        found = list(library.problems)
        if library.get(self.settings.routine) is None:
            found.append(
                f"{self.paths.config_file}: 'routine' = {quoted(self.settings.routine)} is not a "
                f"known routine (known: {', '.join(library.routines)}). "
                f"Using {DEFAULT_ROUTINE!r}."
            )
        self.problems[self.routine_problems_at : self.routine_problems_at] = found
        return library

    @property
    def notices(self) -> list[str]:
        """Every problem found while loading (folders, config keys, routine files, the reminder
        window, the data file), shown at start. Reading them reads the routine files first."""
        _ = self.routines
        return self.problems

    @cached_property
    def zone(self) -> tzinfo:
        """The local time zone reminders are planned in, looked up on first use (tests set a
        fixed one)."""
        from legease_tui.settings.local_zone import local_zone

        return local_zone()

    def default_routine(self) -> Routine:
        """The configured routine, or the built-in default."""
        from legease_tui.core.routine.model import DEFAULT_ROUTINE

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
    def trial(self) -> TrialRepository | None:
        """The personal trial (one at a time; None when the data file cannot be used)."""
        from legease_tui.core.trial.repository import TrialRepository

        return TrialRepository(self.store, self.clock) if self.store is not None else None

    def no_routine_tonight(self) -> bool:
        """Whether a running trial says tonight has no routine (False when it cannot be read):
        the one rule the app's reminder, its routine start and `legease remind` follow."""
        if self.trial is None:
            return False
        from legease_tui.core.storage.store import StoreError
        from legease_tui.core.trial.repository import TrialError

        try:
            return self.trial.is_no_routine_night()
        except (StoreError, TrialError):
            return False

    def last_check(self) -> LastCheck | None:
        """The latest symptom check, read back (None: none saved, or it cannot be read)."""
        from legease_tui.core.tonight import read_last_check

        if self.checks is None:
            return None
        try:
            record = self.checks.last()
        except StoreError:
            return None
        return read_last_check(record, self.quiz_content)

    def for_person(self, routine: Routine) -> Routine:
        """`routine` fitted to the person the latest symptom check describes: what could harm
        them left out (legs up the wall with poor circulation, say), and why."""
        from legease_tui.core.tonight import routine_for_person

        return routine_for_person(routine, self.last_check(), self.quiz_content)

    def clinician_first_tonight(self) -> bool:
        """Whether tonight's symptom check showed a sign under which no routine is offered."""
        from legease_tui.core.tonight import clinician_first_tonight

        return clinician_first_tonight(self.last_check(), night_of(self.clock.now()))

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

    def change_settings(self, changes: dict[str, Any]) -> str | None:
        """Save only `changes` (validated values by form field name, e.g. {"theme": ...}) on
        top of the settings in force, so a choice made in one place never reverts one made in
        another: Settings, the palette's routine and the theme picker all save this way."""
        from legease_tui.settings.form import with_values

        return self.save_settings(with_values(self.settings, changes))

    def apply_settings(self, settings: Settings) -> None:
        """`settings` are in force: tonight's routine follows them again."""
        self.settings = settings
        self.chosen_tonight = None


def _reminder_window_problem(reminders: ReminderSettings) -> str | None:
    from legease_tui.core.reminders.schedule import window_problem  # only when reminders are on

    return window_problem(reminders.time, reminders.latest)


def build_services(paths: Paths, clock: Clock | None = None) -> Services:
    """Load the settings and open the data file for `paths` (the routines load on first use);
    every problem becomes a notice, never a crash."""
    folder_problems = []
    try:
        paths.ensure()
    except OSError as error:
        folder_problems.append(f"Cannot create the folder {error.filename}: {error.strerror}.")
    if shared_folder := paths.open_to_others_notice():
        folder_problems.append(shared_folder)
    loaded = load_settings(paths.config_file)
    notices = [*folder_problems, *loaded.problems]
    routine_problems_at = len(notices)
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
    return Services(
        paths, clock or SystemClock(), loaded.settings, store, notices, routine_problems_at
    )
