"""The composition root: every service is built once, here, and handed to the app, its screens
and the commands (no globals). Services only build: which routine tonight is, how it is fitted
to the person and what a trial says of tonight are decisions of the core (`core/tonight.py`).

Tests build their own `Services` (a temp home, a FakeClock, a recording audio fake).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from functools import cached_property
from typing import TYPE_CHECKING, Any

from legease_tui import core
from legease_tui.adapters.audio_programs import AudioPrograms, machine_audio
from legease_tui.core.clock import Clock, SystemClock
from legease_tui.core.quoting import quoted
from legease_tui.core.reminders.schedule import window_problem
from legease_tui.core.routine.files import RoutineLibrary, load_library
from legease_tui.core.routine.model import DEFAULT_ROUTINE
from legease_tui.core.storage.store import Store, StoreError
from legease_tui.settings.form import with_values
from legease_tui.settings.local_zone import local_zone
from legease_tui.settings.paths import Paths
from legease_tui.settings.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:  # the log, the trial and the symptom check load on first use (core/__init__)
    from legease_tui.core.log.repository import LogRepository
    from legease_tui.core.quiz.checks import CheckRepository
    from legease_tui.core.quiz.model import QuizContent
    from legease_tui.core.trial.repository import TrialRepository


@dataclass
class Services:
    """What the app works with: where files live, the clock, the settings in force and the data
    file; the routines, the log, the trial, the saved checks, the quiz content, the time zone
    and the audio programs, each built once (on first use where it reads files)."""

    paths: Paths
    clock: Clock
    settings: Settings
    store: Store | None = None
    """The data file (None when it cannot be used; the reason is in `notices`)."""
    load_problems: list[str] = field(default_factory=list)
    """Problems found loading the folders and config.toml (the routine files' come after)."""
    data_problems: list[str] = field(default_factory=list)
    """Problems found after them: the reminder window, the data file."""
    audio: AudioPrograms = field(default_factory=machine_audio)
    """How audio programs are found and started (a test passes a recording fake)."""

    @cached_property
    def routines(self) -> RoutineLibrary:
        """The built-in routines and every custom one that loads, read on first use."""
        return load_library(self.paths.routines_dir)

    @cached_property
    def routine_problems(self) -> list[str]:
        """The routine files' problems, and a configured routine that is none of them."""
        found = list(self.routines.problems)
        if self.routines.get(self.settings.routine) is None:
            found.append(
                f"{self.paths.config_file}: 'routine' = {quoted(self.settings.routine)} is not a "
                f"known routine (known: {', '.join(self.routines.routines)}). "
                f"Using {DEFAULT_ROUTINE!r}."
            )
        return found

    @property
    def notices(self) -> list[str]:
        """Every problem found while loading (folders, config keys, routine files, the reminder
        window, the data file), in that order, shown at start. Reads the routine files."""
        return [*self.load_problems, *self.routine_problems, *self.data_problems]

    @cached_property
    def zone(self) -> tzinfo:
        """The local time zone reminders are planned in (tests set a fixed one)."""
        return local_zone()

    @cached_property
    def log(self) -> LogRepository | None:
        """The nightly log, one repository (and one read cache) for the whole run; None when
        the data file cannot be used."""
        return core.LogRepository(self.store, self.clock) if self.store is not None else None

    @cached_property
    def trial(self) -> TrialRepository | None:
        """The personal trial (one at a time; None when the data file cannot be used)."""
        return core.TrialRepository(self.store, self.clock) if self.store is not None else None

    @cached_property
    def quiz_content(self) -> QuizContent:
        """The symptom check's questions and advice, read on the first check (or the first
        saved check read back)."""
        return core.load_content()

    @cached_property
    def checks(self) -> CheckRepository | None:
        """The saved symptom checks (None when the data file cannot be used)."""
        if self.store is None:
            return None
        return core.CheckRepository(self.store, self.clock, self.quiz_content)

    def save_settings(self, settings: Settings) -> str | None:
        """Write `settings` to config.toml and put them in force; the problem if it cannot be
        written (then nothing changes)."""
        try:
            save_settings(self.paths.config_file, settings)
        except OSError as error:
            return f"Cannot write {self.paths.config_file}: {error.strerror}."
        self.settings = settings
        return None

    def change_settings(self, changes: dict[str, Any]) -> str | None:
        """Save only `changes` (validated values by form field name, e.g. {"theme": ...}) on
        top of the settings in force, so a choice made in one place never reverts one made in
        another: Settings, the palette's routine and the theme picker all save this way."""
        return self.save_settings(with_values(self.settings, changes))


def build_services(
    paths: Paths, clock: Clock | None = None, audio: AudioPrograms | None = None
) -> Services:
    """Load the settings and open the data file for `paths` (the routines load on first use);
    every problem becomes a notice, never a crash."""
    load_problems = []
    try:
        paths.ensure()
    except OSError as error:
        load_problems.append(f"Cannot create the folder {error.filename}: {error.strerror}.")
    if shared_folder := paths.open_to_others_notice():
        load_problems.append(shared_folder)
    loaded = load_settings(paths.config_file)
    load_problems.extend(loaded.problems)
    data_problems = []
    reminders = loaded.settings.reminders
    if reminders.enabled and (window := window_problem(reminders.time, reminders.latest)):
        data_problems.append(
            f"{paths.config_file}: [reminders] {window}, so no reminder can fire. "
            "Set 'latest' later than 'time' (Settings, s on Home)."
        )
    store = None
    try:
        store = Store.open(paths.database_file)
        data_problems.extend(store.notices)
    except StoreError as error:
        data_problems.append(str(error))
    return Services(
        paths,
        clock or SystemClock(),
        loaded.settings,
        store,
        load_problems,
        data_problems,
        audio or machine_audio(),
    )
