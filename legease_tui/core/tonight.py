"""Decisions about tonight's routine that need two parts of the core: the routine fitted to the
person the latest symptom check describes, and whether tonight's check said to see a clinician
before stretching. The routines and the check know nothing of each other; this joins them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from legease_tui.core.quiz.checks import record_to_result
from legease_tui.core.quiz.model import QuizContent
from legease_tui.core.quiz.precautions import precautions
from legease_tui.core.quiz.scoring import CheckResult
from legease_tui.core.routine.model import Routine


@dataclass(frozen=True)
class LastCheck:
    """The latest saved symptom check, read back: which night it was taken and what it found."""

    night: date | None
    result: CheckResult


def read_last_check(record: Mapping[str, Any] | None, content: QuizContent) -> LastCheck | None:
    """The stored check `record` read back, or None when there is none or it cannot be read (a
    hand-edited record says nothing reliable about the person, so nothing is fitted to it)."""
    if record is None:
        return None
    try:
        result = record_to_result(dict(record), content)
        night = date.fromisoformat(str(record["night"])) if "night" in record else None
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    return LastCheck(night, result)


def routine_for_person(routine: Routine, check: LastCheck | None, content: QuizContent) -> Routine:
    """`routine` as it is run for the person the latest check describes: the steps that could
    harm them left out, and why (`Routine.person_notes`). Without a check, the routine as it is."""
    if check is None:
        return routine
    return routine.for_person(precautions(check.result.answers, content))


def clinician_first_tonight(check: LastCheck | None, tonight: date) -> bool:
    """Whether a check taken tonight showed a sign under which no routine is offered (an
    emergency, advice today, an urgent appointment)."""
    return check is not None and check.night == tonight and check.result.routine_barred
