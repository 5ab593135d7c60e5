"""A routine's opening lines: what to have near and when to stop, said before the first step.

The app shows them beside the step list for the whole routine, `routine --plain` says them
after its introduction, and the voice says them with the first step. What `Routine.for_person`
changed for the person (a step left out, and why) follows them.
"""

from __future__ import annotations

from legease_tui.core.routine.model import Routine, StepKind

CHAIR_WITHIN_REACH = "Have a chair or a wall within reach."
STOP_IF_UNWELL = "Stop if you feel dizzy or unwell."
LIGHT_HEADED = "This breathing can make you light-headed: if it does, stop and breathe normally."
"""For a pattern that holds the breath or breathes in twice (leg-tension.md: 4-7-8 may cause
light-headedness; physiotherapy practice: stop if dizzy or unwell)."""
NOT_ON_A_SORE_LEG = "Do not stretch a leg that is swollen, red or painful."
"""A swollen, red or painful leg may be a clot or an infection (NHS): no stretching until seen."""


def safety_lines(routine: Routine) -> tuple[str, ...]:
    """The safety lines for `routine`: a breathing-only one needs no chair and no leg check,
    and says so when its breathing can make a person light-headed (the pacer's box and sigh
    said nothing)."""
    if any(step.kind is StepKind.STRETCH for step in routine.steps):
        # Its breathing steps' own cue says what to do if light-headed, when the step comes.
        return (CHAIR_WITHIN_REACH, STOP_IF_UNWELL, NOT_ON_A_SORE_LEG)
    patterns = [step.pattern for step in routine.steps if step.pattern is not None]
    light_headed = (LIGHT_HEADED,) if any(p.may_make_light_headed for p in patterns) else ()
    return (STOP_IF_UNWELL, *light_headed)


def opening_lines(routine: Routine) -> tuple[str, ...]:
    """The safety lines, then what was changed for the person."""
    return (*safety_lines(routine), *routine.person_notes)
