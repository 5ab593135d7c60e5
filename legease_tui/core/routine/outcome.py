"""SessionOutcome: what the log keeps about a routine that ended or was stopped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SessionOutcome:
    """What the log stores about a routine that ended or was stopped."""

    routine_key: str
    routine_name: str
    started_at: datetime
    duration_seconds: float
    """Wall time from start to end, pauses included."""
    active_seconds: float
    """Time spent in the routine itself (pauses and skips left out)."""
    steps_done: int
    steps_total: int
    completed: bool
    """Every step done to its end: only this counts as the routine done that night."""
    reached_end: bool = False
    """The timeline ran out (completed, or the rest was skipped), rather than being stopped."""

    def as_record(self) -> dict[str, object]:
        """A plain dict for storage."""
        return {
            "routine": self.routine_key,
            "routine_name": self.routine_name,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "duration_seconds": round(self.duration_seconds, 1),
            "active_seconds": round(self.active_seconds, 1),
            "steps_done": self.steps_done,
            "steps_total": self.steps_total,
            "completed": self.completed,
            "reached_end": self.reached_end,
        }


PACER_KEY_PREFIX = "breathe-"
"""The key of a breathing session from the pacer (`breathing_routine`): not called a routine."""


def is_pacer(routine_key: str) -> bool:
    """A session from the breathing pacer (`b` on Home): a breathing exercise, not a routine."""
    return routine_key.startswith(PACER_KEY_PREFIX)


def outcome_headline(outcome: SessionOutcome) -> str:
    """ "Well done — routine complete.", "... with 1 step skipped." or "Routine stopped.";
    a session from the breathing pacer says "breathing" instead."""
    what = "breathing" if is_pacer(outcome.routine_key) else "routine"
    if outcome.completed:
        return f"Well done — {what} complete."
    if outcome.reached_end:
        skipped = outcome.steps_total - outcome.steps_done
        steps = f"{skipped} step{'s' if skipped != 1 else ''}"
        return f"{what.capitalize()} finished, with {steps} skipped."
    return f"{what.capitalize()} stopped."
