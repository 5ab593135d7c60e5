"""What Home shows below tonight's routine, read in one go: the last nights at a glance and the
routine streak, the next reminder, tonight's place in a running trial, and whether the morning
check-in is due. Read by Home's worker (off the event loop, just after the first frame), and
again whenever Home is shown; nothing here touches a widget.

Home imports this module in its worker: the log's model and figures load there, not before the
first frame (see `screens/home.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text

from legease_tui.core.log.morning import morning_check_due
from legease_tui.core.log.stats import recent_glance
from legease_tui.core.storage.store import StoreError
from legease_tui.core.trial.repository import TrialError
from legease_tui.services import Services
from legease_tui.widgets.renderables.log_charts import recent_row

NO_LOG = "The log is not available (see the message above)."
NOTHING_LOGGED = "No nights logged yet — press n after tonight's routine."


@dataclass(frozen=True)
class HomeState:
    """Home's lines under tonight's routine, as text (the chart a Rich `Text`)."""

    recent: Text | str
    """The last 7 nights (tension, cramps), or why they cannot be shown (plain text)."""
    streak: str
    reminder: str
    """'Next routine: tonight 21:30 (in 2 h 10 min)' or 'Reminders off'."""
    trial: str
    """'Trial night 8 of 36 · tonight: routine' while a trial runs (before noon, last night's
    line above it), that the last trial has ended and where its result is, else ''."""
    morning_due: bool
    """Before noon, until last night has a morning answer."""


def read_home_state(services: Services, reminder_line: Callable[[], str]) -> HomeState:
    """Everything below tonight's routine, read now (a storage problem is shown, not raised)."""
    recent, streak = _recent_nights(services)
    return HomeState(recent, streak, reminder_line(), _trial_line(services), _morning_due(services))


def _recent_nights(services: Services) -> tuple[Text | str, str]:
    log = services.log
    if log is None:
        return NO_LOG, ""
    try:
        glance = recent_glance(log)
    except StoreError as error:
        return str(error), ""
    plural = "s" if glance.streak != 1 else ""
    streak = f"Routine streak: {glance.streak} night{plural} in a row"
    if not glance.logged:
        return NOTHING_LOGGED, streak
    return recent_row(glance.points), streak + "  ·  l opens the log"


def _trial_line(services: Services) -> str:
    trials = services.trial
    if trials is None:
        return ""
    try:
        return trials.home_line()
    except (StoreError, TrialError):  # the Trial screen says why
        return ""


def _morning_due(services: Services) -> bool:
    log = services.log
    if log is None:
        return False
    try:
        return morning_check_due(services.clock.now(), log.get(log.current_night()))
    except StoreError:
        return False
