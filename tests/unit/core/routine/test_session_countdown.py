"""RoutineSession.seconds_until_change: when the routine screen must redraw next."""

from __future__ import annotations

import pytest

from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.breathing import PATTERNS
from legease_tui.core.routine.model import Routine, Step, StepKind, breathing_routine
from legease_tui.core.routine.session import RoutineSession

FRAME = 0.1
HAIR = 0.002


def hold_routine() -> Routine:
    """One 10-second rest: its only cue is at the start, so whole seconds decide."""
    return Routine("hold", "Hold", "", (Step(StepKind.REST, "Lie still", "", hold_seconds=10),))


def test_waits_for_the_countdown_to_reach_its_next_whole_second(clock: FakeClock) -> None:
    session = RoutineSession(hold_routine(), clock)
    session.poll()  # the start cue
    assert session.seconds_until_change(FRAME) == pytest.approx(1 + HAIR)
    clock.advance(0.4)
    assert session.seconds_until_change(FRAME) == pytest.approx(0.6 + HAIR)


def test_a_cue_sooner_than_the_next_second_decides(clock: FakeClock) -> None:
    session = RoutineSession(hold_routine(), clock)
    # The start cue is still due (not polled): it is due now.
    assert session.seconds_until_change(FRAME) == pytest.approx(HAIR)


def test_breathing_redraws_every_frame(clock: FakeClock) -> None:
    pattern = next(iter(PATTERNS.values()))
    session = RoutineSession(breathing_routine(pattern, 3), clock)
    session.poll()
    clock.advance(0.5)
    session.poll()
    assert session.seconds_until_change(FRAME) == pytest.approx(FRAME + HAIR)


def test_nothing_moves_while_paused_or_ended(clock: FakeClock) -> None:
    session = RoutineSession(hold_routine(), clock)
    session.pause()
    assert session.seconds_until_change(FRAME) is None
    session.resume()
    session.stop()
    assert session.seconds_until_change(FRAME) is None
