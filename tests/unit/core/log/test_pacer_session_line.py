"""The log's line for a breathing exercise names it as one, with no steps to count (issue 25:
the pacer read as a one-step routine, "Resonance 5.5-5.5 stopped (0 of 1 steps)")."""

from __future__ import annotations

from datetime import datetime

from legease_tui.core.log.sessions import session_summary
from legease_tui.core.routine.outcome import PACER_KEY_PREFIX, SessionOutcome

STARTED = datetime(2026, 11, 24, 22, 0)


def outcome(key: str, name: str, completed: bool) -> SessionOutcome:
    return SessionOutcome(key, name, STARTED, 60.0, 60.0, int(completed), 1, completed)


def test_a_breathing_exercise_is_named_as_one() -> None:
    stopped = outcome(f"{PACER_KEY_PREFIX}box", "Box 4-4-4-4", completed=False)
    done = outcome(f"{PACER_KEY_PREFIX}box", "Box 4-4-4-4", completed=True)
    assert session_summary(stopped) == "Breathing exercise (Box 4-4-4-4) stopped"
    assert session_summary(done) == "Breathing exercise (Box 4-4-4-4) done"


def test_a_routine_still_counts_its_steps() -> None:
    routine = outcome("breathing", "Breathing", completed=True)
    assert session_summary(routine) == "Breathing done (1 of 1 steps)"
