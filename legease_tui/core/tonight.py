"""Decisions about tonight that need more than one part of the core: which routine tonight is
(the configured one, or the default), the one the evening reminder offers, that routine fitted to
the person the latest symptom check describes, whether tonight's check said to see a clinician
before stretching, and whether a running trial makes tonight a no-routine night. The routines,
the check and the trial know nothing of each other; this joins them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from legease_tui import core
from legease_tui.core.night import night_of
from legease_tui.core.quiz.saved import latest_check
from legease_tui.core.routine.files import RoutineLibrary
from legease_tui.core.routine.model import DEFAULT_ROUTINE, Routine
from legease_tui.core.storage.store import Store, StoreError

if TYPE_CHECKING:  # the symptom check and the trial load when first used (core/__init__.py)
    from legease_tui.core.quiz.model import QuizContent
    from legease_tui.core.quiz.scoring import CheckResult
    from legease_tui.core.trial.repository import TrialRepository


def routine_for_tonight(library: RoutineLibrary, chosen: str) -> Routine:
    """The routine `chosen` names (config.toml's `routine`), or the built-in default when it
    names none here (the start-up notice says so)."""
    return library.get(chosen) or library.routines[DEFAULT_ROUTINE]


def routine_for_reminder(library: RoutineLibrary, reminder_choice: str, chosen: str) -> Routine:
    """The routine the evening reminder offers: its own (`[reminders] routine`), else tonight's."""
    return library.get(reminder_choice) or routine_for_tonight(library, chosen)


@dataclass(frozen=True)
class LastCheck:
    """The latest saved symptom check, read back: the night it was taken, what it found, and
    the precautions it means for the routine (`Routine.for_person`)."""

    night: date | None
    result: CheckResult
    precautions: frozenset[str]


def read_last_check(record: Mapping[str, Any] | None, content: QuizContent) -> LastCheck | None:
    """The stored check `record` read back, or None when there is none or it cannot be read (a
    hand-edited record says nothing reliable about the person, so nothing is fitted to it)."""
    if record is None:
        return None
    try:
        result = core.record_to_result(dict(record), content)
        night = date.fromisoformat(str(record["night"])) if "night" in record else None
        fitted = core.person_precautions(result.answers, content)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    return LastCheck(night, result, fitted)


def last_check(store: Store | None, content: Callable[[], QuizContent]) -> LastCheck | None:
    """The latest saved check, read back (None: no data file, none saved, or it cannot be
    read). The symptom check's model and `content` load only when there is a check to read:
    most starts have none."""
    if store is None:
        return None
    try:
        record = latest_check(store)
    except StoreError:
        return None
    return None if record is None else read_last_check(record, content())


def routine_for_person(routine: Routine, check: LastCheck | None) -> Routine:
    """`routine` as it is run for the person the latest check describes: the steps that could
    harm them left out, and why (`Routine.person_notes`). Without a check, the routine as it is."""
    return routine if check is None else routine.for_person(check.precautions)


def clinician_first_tonight(check: LastCheck | None, tonight: date) -> bool:
    """Whether a check taken tonight showed a sign under which no routine is offered (an
    emergency, advice today, an urgent appointment)."""
    return check is not None and check.night == tonight and check.result.routine_barred


def clinician_first_now(
    store: Store | None, content: Callable[[], QuizContent], now: datetime
) -> bool:
    """Whether the latest check, taken in the night `now` is in, said to see a clinician first."""
    return clinician_first_tonight(last_check(store, content), night_of(now))


ASK_AFTER_A_CLINICIAN_FIRST_CHECK = (
    "Your symptom check tonight showed a sign to see a clinician about first; stretching is not "
    "a treatment for it. Start the routine anyway?"
)
"""Asked before a routine starts after such a check tonight: Home shows no routine one key away
without saying so first."""

ASK_ON_NO_ROUTINE_NIGHT = (
    "Tonight is a no-routine night in your trial. Start a routine anyway? It will be recorded "
    "as a deviation from the plan (the trial's report counts it)."
)
"""Asked before a routine starts on a trial's no-routine night (the app and `routine --plain`)."""


def no_routine_tonight(trials: TrialRepository | None) -> bool:
    """Whether a running trial says tonight has no routine (False when there is none or it
    cannot be read): the one rule the app's reminder, its routine start and `legease remind`
    follow."""
    if trials is None:
        return False
    try:
        return trials.is_no_routine_night()
    except (StoreError, core.TrialError):
        return False


def keep_routine_on_a_no_routine_night(trials: TrialRepository, night: date) -> None:
    """A routine started anyway on a trial's no-routine night is a deviation from the plan. If
    it cannot be written the routine still starts: the report then counts the night as not
    followed all the same (a completed routine on a no-routine night)."""
    with contextlib.suppress(StoreError):
        trials.record_deviation(night, core.ROUTINE_ON_CONTROL)
