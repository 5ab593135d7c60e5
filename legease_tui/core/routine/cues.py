"""The cues of a routine: the moments a person following by ear needs to hear.

One cue per boundary of the routine's timeline (a step starts, a hold starts or ends, sides
switch, a breath phase changes) and a final one. The session hands them out as their moments
pass; `cue_plan.py` and `speech.py` decide what each sounds like.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from legease_tui.core.routine.breathing import BreathAction, phase_offsets
from legease_tui.core.routine.model import Phase, Routine, Side


class CueKind(StrEnum):
    """The moments a person following by ear needs to hear."""

    STEP_START = "step_start"
    HOLD_START = "hold_start"
    HOLD_END = "hold_end"
    SWITCH_SIDES = "switch_sides"
    BREATHE_IN = "breathe_in"
    BREATHE_HOLD = "breathe_hold"
    BREATHE_OUT = "breathe_out"
    FINISHED = "finished"


_BREATH_CUES = {
    BreathAction.INHALE: CueKind.BREATHE_IN,
    BreathAction.HOLD: CueKind.BREATHE_HOLD,
    BreathAction.EXHALE: CueKind.BREATHE_OUT,
}
_SEGMENT_CUES = {
    Phase.PREPARE: CueKind.STEP_START,
    Phase.SWITCH: CueKind.SWITCH_SIDES,
    Phase.HOLD: CueKind.HOLD_START,
    Phase.REST: CueKind.HOLD_END,
}


@dataclass(frozen=True)
class Cue:
    """One moment of the routine: what happens, in which step, side and rep."""

    kind: CueKind
    at: float
    """Seconds into the routine."""
    step_index: int
    side: Side = Side.NONE
    rep: int = 0
    reps: int = 0
    starts_step: bool = False
    """The first moment of a step (speech names the step here)."""
    last_rep: bool = False


def routine_cues(routine: Routine) -> list[Cue]:
    """Every cue of a routine in time order: one per boundary, and the final one."""
    cues: list[Cue] = []
    for segment in routine.timeline():
        step = routine.steps[segment.step_index]
        first = not cues or cues[-1].step_index != segment.step_index
        if segment.phase is Phase.BREATHE:
            assert step.pattern is not None
            for number, (offset, phase) in enumerate(phase_offsets(step.pattern, step.cycles)):
                kind = _BREATH_CUES[phase.action]
                at = segment.start + offset
                cues.append(Cue(kind, at, segment.step_index, starts_step=first and number == 0))
            continue
        kind = _SEGMENT_CUES[segment.phase]
        if first and segment.phase is not Phase.HOLD:
            kind = CueKind.STEP_START  # a rest step starts like any other step
        elif not first and segment.side is not cues[-1].side:
            kind = CueKind.SWITCH_SIDES  # no lead-in time: the first hold on the new side says so
        last_side = segment.side in (Side.RIGHT, Side.NONE, step.sides[-1])
        cues.append(
            Cue(
                kind,
                segment.start,
                segment.step_index,
                segment.side,
                segment.rep,
                step.reps,
                starts_step=first,
                last_rep=segment.phase is Phase.HOLD and segment.rep == step.reps and last_side,
            )
        )
    cues.append(Cue(CueKind.FINISHED, routine.total_seconds, len(routine.steps) - 1))
    return cues
