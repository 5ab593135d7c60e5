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
from datetime import datetime

from rich.text import Text

from legease_tui.core.log.morning import morning_check_due
from legease_tui.core.log.stats import RecentGlance, recent_glance
from legease_tui.core.night import night_date, night_slept
from legease_tui.core.storage.store import StoreError
from legease_tui.core.trial.repository import TrialError
from legease_tui.services import Services
from legease_tui.widgets.renderables.log_charts import recent_row

NO_LOG = "The log is not available."
"""Home adds the key that shows why (Help lists every problem found at start)."""
NOTHING_LOGGED = "No nights logged yet — press {home.new_entry} after your evening routine."
NOTHING_THIS_WEEK = (
    "No nights logged in the last 7 — press {home.new_entry} after your evening routine."
)
"""`{home.new_entry}`: Home names the key in force."""


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
    recent, streak, used = _recent_nights(services)
    morning_due = _morning_due(services, used)
    return HomeState(recent, streak, reminder_line(), _trial_line(services), morning_due)


def _recent_nights(services: Services) -> tuple[Text | str, str, bool]:
    """The last nights, the streak line, and whether the log was ever used."""
    log = services.log
    if log is None:
        return NO_LOG, "", False
    try:
        glance = recent_glance(log)
    except StoreError as error:
        return str(error), "", False
    streak = streak_line(glance, services.clock.now())
    if not glance.logged and not glance.used:
        return NOTHING_LOGGED, streak, False
    if not glance.logged:  # nights logged before, none this week: "yet" would not be true
        return NOTHING_THIS_WEEK, streak + "  ·  {home.log} opens the log", True
    return recent_row(glance.points), streak + "  ·  {home.log} opens the log", glance.used


def streak_line(glance: RecentGlance, now: datetime) -> str:
    """'Routine streak: 3 nights in a row'; before the first routine, what starts one; after a
    break, when the last routine was (never "0 nights in a row")."""
    if glance.last_routine is None:
        return "Routine streak: starts with your first routine"
    if not glance.streak:
        return f"Routine streak: none now · last routine {night_date(glance.last_routine, now)}"
    plural = "s" if glance.streak != 1 else ""
    return f"Routine streak: {glance.streak} night{plural} in a row"


def _trial_line(services: Services) -> str:
    trials = services.trial
    if trials is None:
        return ""
    try:
        return trials.home_line()
    except (StoreError, TrialError):  # the Trial screen says why
        return ""


def _morning_due(services: Services, used: bool) -> bool:
    log = services.log
    if log is None:
        return False
    try:
        now = services.clock.now()
        return morning_check_due(now, log.get(night_slept(now)), used=used)
    except StoreError:
        return False
