"""RoutineSession on a FakeClock: whole routines in milliseconds, every boundary checked."""

from __future__ import annotations

import pytest

from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.cues import CueKind
from legease_tui.core.routine.model import Phase, Routine, Side, Step, StepKind
from legease_tui.core.routine.session import RoutineSession, SessionState

ROUTINES = {routine.key: routine for routine in BUILT_IN}
FULL = ROUTINES["full-unwind"]
DEFAULT = ROUTINES["calf-hamstring"]


def tiny_routine() -> Routine:
    """Two sided holds and a rest step: small enough to reason about by hand."""
    stretch = Step(
        StepKind.STRETCH,
        "Calf stretch",
        "gently",
        hold_seconds=10,
        reps=2,
        rest_seconds=5,
        side=Side.BOTH,
        prepare_seconds=3,
    )
    rest = Step(StepKind.REST, "Lie still", "", hold_seconds=20)
    return Routine("tiny", "Tiny", "", (stretch, rest))


def test_full_unwind_runs_to_the_end_with_every_boundary_in_order(clock: FakeClock) -> None:
    session = RoutineSession(FULL, clock)
    seen = []
    boundaries = [segment.start for segment in session.timeline] + [session.total]
    for boundary in boundaries:
        clock.advance(boundary - session.position)
        view_state = session.state
        seen.extend(session.poll())
        if boundary < session.total:
            view = session.view()
            assert view.segment.start == pytest.approx(boundary)
            assert view.routine_left == pytest.approx(session.total - boundary)
            assert view_state is SessionState.RUNNING
    assert session.state is SessionState.FINISHED
    assert [cue.at for cue in seen] == sorted(cue.at for cue in seen)
    assert seen[-1].kind is CueKind.FINISHED
    outcome = session.outcome
    assert outcome is not None and outcome.completed
    assert outcome.steps_done == outcome.steps_total == len(FULL.steps)
    assert outcome.duration_seconds == pytest.approx(FULL.total_seconds)


def test_full_unwind_lasts_12_to_15_minutes_and_default_about_6() -> None:
    assert 12 * 60 <= FULL.total_seconds <= 15 * 60
    # The trial's 3 minutes of stretching, 15 s to reach the wall and to sit, 2 min breathing.
    assert 5.5 * 60 <= DEFAULT.total_seconds <= 6.5 * 60
    assert 2.5 * 60 <= ROUTINES["quick-reset"].total_seconds <= 3.5 * 60


def test_default_follows_the_trial_protocol() -> None:
    calf, hamstring, breathing = DEFAULT.steps
    for step in (calf, hamstring):
        assert (step.hold_seconds, step.reps, step.rest_seconds) == (10, 3, 10)
        assert step.sides == (Side.LEFT, Side.RIGHT)
        assert "Hallegraeff" in step.source
    assert breathing.kind is StepKind.BREATHING
    assert 100 <= DEFAULT.step_seconds(2) <= 140


def test_time_left_is_computed_not_counted(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    clock.advance(4.25)  # prepare 3 s, then 1.25 s into the first hold
    view = session.view()
    assert view.segment.phase is Phase.HOLD and view.segment.side is Side.LEFT
    assert view.segment.rep == 1
    assert view.segment_left == pytest.approx(8.75)
    assert view.routine_left == pytest.approx(session.total - 4.25)


def test_pause_keeps_time_left_exactly(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    clock.advance(7.3)
    session.poll()
    before = session.view().segment_left
    session.pause()
    clock.advance(600)
    assert session.state is SessionState.PAUSED
    assert session.view().segment_left == pytest.approx(before)
    assert session.poll() == []
    session.resume()
    clock.advance(1)
    assert session.view().segment_left == pytest.approx(before - 1)


def test_pause_does_not_count_toward_active_time(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    clock.advance(5)
    session.pause()
    clock.advance(100)
    session.resume()
    clock.advance(session.total)
    session.poll()
    outcome = session.outcome
    assert outcome is not None
    assert outcome.active_seconds == pytest.approx(session.total)
    assert outcome.duration_seconds == pytest.approx(session.total + 100)


def test_next_jumps_to_the_next_step_and_marks_the_skip(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    clock.advance(2)
    session.next_step()
    view = session.view()
    assert view.step_index == 1 and view.segment.start == pytest.approx(view.position)
    cues = session.poll()
    assert cues and cues[0].kind is CueKind.STEP_START and cues[0].step_index == 1
    session.next_step()  # on the last step: to the end
    assert session.state is SessionState.FINISHED
    outcome = session.outcome
    assert outcome is not None and outcome.steps_done == 0
    assert outcome.reached_end and not outcome.completed  # skipping through is not a routine done


def test_previous_on_the_first_step_restarts_it(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    clock.advance(9)
    session.previous_step()
    assert session.position == pytest.approx(0)
    assert session.poll()[0].kind is CueKind.STEP_START


def test_previous_goes_back_one_step_and_undoes_the_skip(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    session.next_step()
    session.previous_step()
    assert session.view().step_index == 0
    clock.advance(session.total)
    session.poll()
    outcome = session.outcome
    assert outcome is not None and outcome.steps_done == 2


def test_next_and_previous_at_an_exact_boundary(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    start_of_second = tiny_routine().step_seconds(0)
    clock.advance(start_of_second)
    assert session.view().step_index == 1
    session.previous_step()
    assert session.view().step_index == 0 and session.position == 0
    session.next_step()
    assert session.view().step_index == 1
    assert session.position == pytest.approx(start_of_second)


def test_just_before_a_boundary_is_still_the_old_step(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    clock.advance(tiny_routine().step_seconds(0) - 0.001)
    assert session.view().step_index == 0
    assert [cue.kind for cue in session.poll()][-1] is CueKind.HOLD_START
    clock.advance(0.001)
    assert [cue.kind for cue in session.poll()] == [CueKind.STEP_START]


def test_paused_next_stays_paused(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    session.pause()
    session.next_step()
    clock.advance(50)
    assert session.paused and session.view().step_index == 1
    assert session.view().segment_left == pytest.approx(20)


def test_stop_gives_a_stopped_outcome(clock: FakeClock) -> None:
    session = RoutineSession(DEFAULT, clock)
    clock.advance(DEFAULT.step_seconds(0) + 1)
    outcome = session.stop()
    assert session.state is SessionState.STOPPED
    assert not outcome.completed
    assert (outcome.steps_done, outcome.steps_total) == (1, 3)
    record = outcome.as_record()
    assert record["routine"] == "calf-hamstring" and record["completed"] is False
    clock.advance(100)
    assert session.stop() is outcome  # stopping twice changes nothing


def test_no_drift_when_polled_late_and_often(clock: FakeClock) -> None:
    """Polling at odd moments never moves a boundary: the timeline is the only truth."""
    session = RoutineSession(DEFAULT, clock)
    times = []
    while session.outcome is None:
        clock.advance(0.37)
        for cue in session.poll():
            times.append(cue.at)
    assert times == [cue.at for cue in session.cues]


def test_routine_cues_one_per_boundary_with_sides() -> None:
    cues = RoutineSession(tiny_routine(), FakeClock()).cues
    kinds = [(cue.kind, cue.side, cue.rep) for cue in cues]
    assert kinds == [
        (CueKind.STEP_START, Side.LEFT, 0),
        (CueKind.HOLD_START, Side.LEFT, 1),
        (CueKind.HOLD_END, Side.LEFT, 1),
        (CueKind.HOLD_START, Side.LEFT, 2),
        (CueKind.SWITCH_SIDES, Side.RIGHT, 0),
        (CueKind.HOLD_START, Side.RIGHT, 1),
        (CueKind.HOLD_END, Side.RIGHT, 1),
        (CueKind.HOLD_START, Side.RIGHT, 2),
        (CueKind.STEP_START, Side.NONE, 0),
        (CueKind.FINISHED, Side.NONE, 0),
    ]
    assert [cue.last_rep for cue in cues].count(True) == 1
    assert len({cue.at for cue in cues}) == len(cues)


def test_a_routine_without_steps_is_refused(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="no steps"):
        RoutineSession(Routine("empty", "Empty", "", ()), clock)


def test_begin_makes_now_time_zero_until_the_session_moves(clock: FakeClock) -> None:
    session = RoutineSession(tiny_routine(), clock)
    clock.advance(0.17)  # the screen took this long to show
    session.begin()
    assert session.position == 0 and session.started_monotonic == clock.monotonic()
    assert [cue.at for cue in session.poll()] == [0.0]
    clock.advance(1)
    session.begin()  # a cue was handed out: the clock is not moved again
    assert session.position == 1
