"""How a routine session is kept in the log: its record in `sessions`, under the night it
belongs to, with a one-line summary; and which nights a routine was completed on."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from legease_tui.core.night import night_of
from legease_tui.core.routine.outcome import is_pacer

if TYPE_CHECKING:  # the routine engine is not needed to read or write the log
    from legease_tui.core.routine.outcome import SessionOutcome

SESSIONS = "sessions"


def session_summary(outcome: SessionOutcome) -> str:
    """One line: "Calf and hamstring done (6 of 6 steps)" (or skipped through, or stopped);
    "Breathing exercise (Box 4-4-4-4) stopped" for the pacer, which has no steps to count."""
    if outcome.completed:
        verb = "done"
    elif outcome.reached_end:
        verb = "skipped through"
    else:
        verb = "stopped"
    if is_pacer(outcome.routine_key):
        return f"Breathing exercise ({outcome.routine_name}) {verb}"
    return f"{outcome.routine_name} {verb} ({outcome.steps_done} of {outcome.steps_total} steps)"


def session_record(outcome: SessionOutcome) -> dict[str, Any]:
    """The stored form of a routine's outcome."""
    return {
        **outcome.as_record(),
        "night": night_of(outcome.started_at).isoformat(),
        "at": outcome.started_at.isoformat(timespec="seconds"),
        "summary": session_summary(outcome),
    }


def completed_nights(records: Iterable[Mapping[str, Any]]) -> set[date]:
    """The nights of the session `records` whose routine was completed."""
    nights: set[date] = set()
    for record in records:
        if record.get("completed") is True and isinstance(record.get("night"), str):
            try:
                nights.add(date.fromisoformat(record["night"]))
            except ValueError:
                continue
    return nights
