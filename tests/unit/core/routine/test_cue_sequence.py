"""The cue of every moment, checked by running whole routines on the fake clock."""

from __future__ import annotations

import itertools

from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.breathing import pattern_named
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.cues import Cue, CueKind, routine_cues
from legease_tui.core.routine.model import Routine, Side, Step, StepKind
from legease_tui.core.routine.session import RoutineSession, SessionState

ROUTINES = {routine.key: routine for routine in BUILT_IN}
K = CueKind


def run_by_polling(routine: Routine, clock: FakeClock, step: float = 0.25) -> list[Cue]:
    """Follow a routine as the screen would, polling every `step` seconds of fake time."""
    session = RoutineSession(routine, clock)
    heard: list[Cue] = []
    while session.outcome is None:
        heard.extend(session.poll())
        clock.advance(step)
    return heard


def stretch_cues(
    start: float, hold: float, rest: float, reps: int, set_up: float = 5
) -> list[tuple[K, float, str]]:
    """The expected cues of a two-sided stretch with a `set_up` lead-in (15 s into a new
    position, else 5) and 5 s to switch sides (kind, time, side)."""
    expected = [(K.STEP_START, start, "left")]
    at = start + set_up
    for side in ("left", "right"):
        if side == "right":
            expected.append((K.SWITCH_SIDES, at, "right"))
            at += 5
        for rep in range(1, reps + 1):
            expected.append((K.HOLD_START, at, side))
            at += hold
            if rep < reps:
                expected.append((K.HOLD_END, at, side))
                at += rest
    return expected


def test_default_routine_has_one_cue_per_boundary_in_order(clock: FakeClock) -> None:
    heard = run_by_polling(ROUTINES["calf-hamstring"], clock)
    # Standing at the wall, then sitting: each a new position with 15 s to set up; the breathing
    # stays in the chair, so it starts at once.
    expected = stretch_cues(0, 10, 10, 3, 15) + stretch_cues(120, 10, 10, 3, 15)
    breaths = [
        (kind, 240 + 5.5 * i, "none") for i, kind in enumerate([K.BREATHE_IN, K.BREATHE_OUT] * 11)
    ]
    expected += [*breaths, (K.FINISHED, 361.0, "none")]
    assert [(cue.kind, cue.at, cue.side.value) for cue in heard] == expected


def test_default_routine_marks_step_starts_and_last_holds(clock: FakeClock) -> None:
    heard = run_by_polling(ROUTINES["calf-hamstring"], clock)
    assert [cue.at for cue in heard if cue.starts_step] == [0, 120, 240]
    last = [(cue.step_index, cue.side, cue.rep) for cue in heard if cue.last_rep]
    assert last == [(0, Side.RIGHT, 3), (1, Side.RIGHT, 3)]


def test_polling_coarsely_still_gives_every_cue_once(clock: FakeClock) -> None:
    fine = [(c.kind, c.at) for c in routine_cues(ROUTINES["calf-hamstring"])]
    coarse = run_by_polling(ROUTINES["calf-hamstring"], clock, step=3.7)
    assert [(c.kind, c.at) for c in coarse] == fine


def test_full_unwind_cues_sides_and_breathing_phases(clock: FakeClock) -> None:
    routine = ROUTINES["full-unwind"]
    heard = run_by_polling(routine, clock)
    # Calf and hamstring: two 30 s holds each side, 10 s rest between; each begins a new
    # position (standing, then sitting after the hip flexor), so it has 15 s to set up.
    assert [(c.kind, c.at, c.side.value) for c in heard[:8]] == stretch_cues(0, 30, 10, 2, 15)
    hamstring = [(c.kind, c.at, c.side.value) for c in heard if c.step_index == 3]
    assert hamstring == stretch_cues(300, 30, 10, 2, 15)
    # Quadriceps, hip flexor, ankle circles, glute: one hold a side, so no rest cue.
    one_holds = [c for c in heard if c.step_index in (1, 2, 4, 5)]
    assert [c.kind for c in one_holds] == [
        K.STEP_START,
        K.HOLD_START,
        K.SWITCH_SIDES,
        K.HOLD_START,
    ] * 4
    # Legs up the wall has no sides.
    legs = [(c.kind, c.side) for c in heard if c.step_index == 6]
    assert legs == [(K.STEP_START, Side.NONE), (K.HOLD_START, Side.NONE)]
    # 4-7-8: four rounds of in, hold, out; then resonance: six rounds of in, out.
    four_seven_eight = [c for c in heard if c.step_index == 7]
    assert [c.kind for c in four_seven_eight] == [K.BREATHE_IN, K.BREATHE_HOLD, K.BREATHE_OUT] * 4
    gaps = [b.at - a.at for a, b in itertools.pairwise(four_seven_eight)]
    assert gaps == [4, 7, 8] * 3 + [4, 7]
    resonance = [c for c in heard if c.step_index == 8 and c.kind is not K.FINISHED]
    assert [c.kind for c in resonance] == [K.BREATHE_IN, K.BREATHE_OUT] * 6
    assert resonance[0].starts_step and four_seven_eight[0].starts_step
    assert heard[-1] == Cue(K.FINISHED, routine.total_seconds, 8)
    assert [c.kind for c in heard].count(K.FINISHED) == 1


def test_every_segment_start_has_exactly_one_cue() -> None:
    for routine in BUILT_IN:
        cues = routine_cues(routine)
        boundaries = sorted({segment.start for segment in routine.timeline()})
        segment_cues = [
            c for c in cues if c.kind not in (K.BREATHE_HOLD, K.BREATHE_OUT, K.FINISHED)
        ]
        # A breath is a boundary's cue where it starts a step or follows the step's set-up.
        starts = [
            c.at
            for c in segment_cues
            if c.kind is not K.BREATHE_IN or c.starts_step or c.at in boundaries
        ]
        assert starts == boundaries, routine.key
        times = [c.at for c in cues]
        assert times == sorted(times) and len(set(times)) == len(times), routine.key


def test_side_change_without_lead_in_is_a_switch_cue(clock: FakeClock) -> None:
    step = Step(StepKind.STRETCH, "Calf stretch", "", hold_seconds=10, reps=1, side=Side.BOTH)
    routine = Routine("t", "T", "", (step,))
    heard = run_by_polling(routine, clock)
    assert [(c.kind, c.at, c.side) for c in heard] == [
        (K.HOLD_START, 0, Side.LEFT),
        (K.SWITCH_SIDES, 10, Side.RIGHT),
        (K.FINISHED, 20, Side.NONE),
    ]


def test_skipping_the_last_step_still_gives_the_final_cue(clock: FakeClock) -> None:
    session = RoutineSession(ROUTINES["quick-reset"], clock)
    assert [c.kind for c in session.poll()] == [K.STEP_START]
    session.next_step()
    assert [c.kind for c in session.poll()] == [K.STEP_START]
    session.next_step()
    assert [c.kind for c in session.poll()] == [K.BREATHE_IN]
    session.next_step()
    assert session.state is SessionState.FINISHED and session.outcome is not None
    assert [c.kind for c in session.poll()] == [K.FINISHED]
    assert session.poll() == []


def test_pause_holds_back_the_next_cue(clock: FakeClock) -> None:
    session = RoutineSession(ROUTINES["calf-hamstring"], clock)
    session.poll()
    clock.advance(3)
    session.pause()
    clock.advance(60)
    assert session.poll() == [] and session.seconds_to_next_cue() is None
    session.resume()
    assert session.seconds_to_next_cue() == 12  # 15 s to get to the wall
    clock.advance(12)
    assert [c.kind for c in session.poll()] == [K.HOLD_START]


def test_breathing_only_routine_alternates_in_and_out(clock: FakeClock) -> None:
    heard = run_by_polling(ROUTINES["breathing"], clock, step=1.0)
    kinds = [c.kind for c in heard]
    # 15 s to lie down first, then the breaths.
    assert kinds == [K.STEP_START] + [K.BREATHE_IN, K.BREATHE_OUT] * 27 + [K.FINISHED]
    assert heard[1].at == 15 and not heard[1].starts_step
    assert 15 + pattern_named("resonance").cycle_seconds * 27 == heard[-1].at
