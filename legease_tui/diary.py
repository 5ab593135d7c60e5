"""The diary's rooms, opened from Home, the palette or a message: the log, an entry, the morning
check-in and the trial; and keeping what a routine or a symptom check produced. Each says why
when the data file cannot be used, and a storage problem is shown, never raised."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from legease_tui.core.storage.store import StoreError

if TYPE_CHECKING:
    from legease_tui.app import LegEaseApp
    from legease_tui.core.log.repository import LogRepository
    from legease_tui.core.quiz.scoring import CheckResult
    from legease_tui.core.routine.outcome import SessionOutcome


def log_or_say_why(app: LegEaseApp) -> LogRepository | None:
    """The log, or None after telling the person why it cannot be used."""
    from legease_tui.widgets.user_text import notify_plain

    log = app.services.log
    if log is None:
        why = " ".join(app.services.notices)
        notify_plain(app, f"The log is not available: {why}", severity="error", timeout=12)
    return log


def open_log(app: LegEaseApp) -> None:
    from legease_tui.screens.log import LogScreen

    log = log_or_say_why(app)
    if log is not None and not isinstance(app.screen, LogScreen):
        app.push_screen(LogScreen(log))


def open_trial(app: LegEaseApp) -> None:
    """The Trial screen, offering tonight's routine first among those a trial can compare."""
    from legease_tui.screens.trial import TrialScreen

    services = app.services
    log, trials = log_or_say_why(app), services.trial
    if log is None or trials is None or isinstance(app.screen, TrialScreen):
        return
    keys = [services.tonight().key]
    keys += [key for key in services.routines.routines if key not in keys]
    app.push_screen(TrialScreen(trials, log, services.clock, keys))


def open_morning(app: LegEaseApp) -> None:
    """The morning check-in for the night just gone (before noon, the night of yesterday)."""
    from legease_tui.screens.morning import MorningScreen

    log = log_or_say_why(app)
    if log is None or isinstance(app.screen, MorningScreen):
        return
    night = log.tonight()
    app.push_screen(MorningScreen(log, night, log.get(night)))


def open_entry(
    app: LegEaseApp, night: date | None, on_saved: Callable[[], None] | None = None
) -> None:
    """The entry form for `night` (default: tonight), editing it if it is logged. The screen it
    covers refreshes itself when the form closes; `on_saved` is for anything else."""
    from legease_tui.screens.entry import EntryScreen

    log = log_or_say_why(app)
    if log is None:
        return
    night = night or log.tonight()

    def saved(done: bool | None) -> None:
        if done and on_saved is not None:
            on_saved()

    app.push_screen(EntryScreen(log, night, log.get(night), log.tags()), saved)


def record_session(app: LegEaseApp, outcome: SessionOutcome) -> None:
    """Keep a routine's outcome in the log."""
    from legease_tui.widgets.user_text import notify_plain

    log = app.services.log
    if log is None:
        return
    try:
        log.record_session(outcome)
    except StoreError as error:
        notify_plain(app, str(error), title="Not saved", severity="error", timeout=12)


def show_check(app: LegEaseApp, result: CheckResult) -> None:
    """Save a finished symptom check and show it in place of the questions."""
    from legease_tui.screens.quiz_result import result_screen
    from legease_tui.widgets.user_text import notify_plain

    services = app.services
    checks, comparison = services.checks, ""
    if checks is not None:
        try:
            _, comparison = checks.save_and_compare(result)
        except StoreError as error:
            notify_plain(app, str(error), title="Check not saved", severity="error", timeout=12)
    routine = services.routines.get(result.routine)
    content, log = services.quiz_content, services.log
    app.switch_screen(result_screen(result, content, routine, checks, log, comparison))
