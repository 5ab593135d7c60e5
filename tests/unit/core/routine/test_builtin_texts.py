"""The built-in routines' words, read against the sources (issue 13): what a cue must say."""

from __future__ import annotations

from legease_tui.core.routine.breathing import BreathAction
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.model import Routine

ROUTINES = {routine.key: routine for routine in BUILT_IN}


def cue_of(routine: Routine, title: str) -> str:
    return next(step.cue for step in routine.steps if step.title == title)


def test_both_trial_stretches_say_breathe_normally() -> None:
    # Hallegraeff 2012: breathing normally during the holds, never held
    routine = ROUTINES["calf-hamstring"]
    for title in ("Calf stretch", "Hamstring stretch"):
        assert "Breathe normally" in cue_of(routine, title), title


def test_legs_up_the_wall_carries_the_pregnancy_exercise_line() -> None:
    # NHS exercise in pregnancy: not lying flat on the back for long after 16 weeks (issue 21);
    # the 28-week rule is about going to sleep on the side, not about exercise.
    cue = cue_of(ROUTINES["full-unwind"], "Legs up the wall")
    assert "pregnancy after 16 weeks" in cue and "28 weeks" not in cue


def test_the_routine_suggested_in_pregnancy_has_no_lying_on_the_back_and_no_holds() -> None:
    routine = ROUTINES["calf-hamstring"]
    for step in routine.steps:
        assert "Lie back" not in step.cue and "Lie on your back" not in step.cue, step.title
        if step.pattern is not None:
            assert BreathAction.HOLD not in {phase.action for phase in step.pattern.phases}
    assert "lie on your side" in cue_of(routine, "Slow breathing")


def test_the_default_routine_says_what_is_the_trials_and_what_legease_adds() -> None:
    description = ROUTINES["calf-hamstring"].description
    assert description.startswith("From a bedtime trial: calves and hamstrings, three 10-second")
    assert "LegEase adds time to set up, a gentler pull than the trial's moderately" in description
    assert "a firm chair and two minutes of slow breathing. No floor work." in description
    assert "tested in a trial" not in description
    breathing = ROUTINES["calf-hamstring"].steps[-1]
    assert breathing.pattern is not None
    assert 110 <= breathing.pattern.cycle_seconds * breathing.cycles <= 130  # two minutes
