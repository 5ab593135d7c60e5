"""The trial's section of the doctor summary (`legease export --format md`), and the whole
summary as the app's Export writes it."""

from __future__ import annotations

from legease_tui.core.log.export import render
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.routine.files import RoutineLibrary
from legease_tui.core.trial.report import build_report
from legease_tui.core.trial.report_forms import report_markdown
from legease_tui.core.trial.repository import TrialError, TrialRepository


def doctor_section(log: LogRepository, routines: RoutineLibrary | None = None) -> str:
    """The latest trial as Markdown (its result only once the plan has ended), or "" when
    there has been no trial."""
    try:
        trial = TrialRepository(log.store, log.clock).latest()
    except TrialError as error:
        return f"\n## Personal trial\n\nThe stored trial cannot be shown: {error}.\n"
    if trial is None:
        return ""
    now = log.clock.now()
    ended = trial.state(now.date()) != "running"
    report = build_report(trial, log, now, with_result=ended, routines=routines)
    return "\n" + report_markdown(report, interim=False, heading="##")


def whole_summary(log: LogRepository) -> tuple[str, int, int]:
    """The doctor summary of every night, as `legease export --format md` writes it (the
    tracker's periods apart), how many nights it covers, and how many stored nights could not
    be read (left out of it: the person is told)."""
    nights = log.nights()
    unreadable = log.unreadable()
    devices, kept = log.devices.periods(), log.devices.unreadable()
    text = render("md", nights, None, None, unreadable, devices, kept)
    return text + doctor_section(log), len(nights), len(unreadable)
