"""Services are built once, here, and handed to the app and its screens (no globals).

Tests build their own `Services` (a temp home, a FakeClock) and pass it to `LegEaseApp`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from typing import TYPE_CHECKING

from legease_tui.core.clock import Clock, SystemClock
from legease_tui.core.routine.files import RoutineLibrary, load_library
from legease_tui.core.routine.model import DEFAULT_ROUTINE, Routine
from legease_tui.core.storage.store import Store, StoreError
from legease_tui.settings.local_zone import local_zone
from legease_tui.settings.paths import Paths
from legease_tui.settings.settings import ReminderSettings, Settings, load_settings

if TYPE_CHECKING:  # the log's models load when the log is first used, not at start-up
    from legease_tui.core.log.repository import LogRepository


@dataclass
class Services:
    """What the app works with: where files live, the clock, settings and routines."""

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

    def default_routine(self) -> Routine:
        """The routine `r` starts: the configured one, or the built-in default."""
        chosen = self.routines.get(self.settings.routine)
        return chosen or self.routines.routines[DEFAULT_ROUTINE]

    @property
    def log(self) -> LogRepository | None:
        """The nightly log (None when the data file cannot be used)."""
        from legease_tui.core.log.repository import LogRepository

        return LogRepository(self.store, self.clock) if self.store is not None else None


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
