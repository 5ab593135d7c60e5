"""Routines safe to follow half asleep (issue 21): every cue's safety words, positions and their
set-up time, the opening lines, sources with evidence, and each routine fitted to a person."""

from __future__ import annotations

import re

import pytest

from legease_tui.core.evidence import Evidence
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.model import (
    POSITION_CHANGE_SECONDS,
    PRECAUTIONS,
    Phase,
    Position,
    Routine,
    Side,
    Step,
    StepKind,
)
from legease_tui.core.routine.opening import opening_lines

ROUTINES = {routine.key: routine for routine in BUILT_IN}
FULL = ROUTINES["full-unwind"]
DEFAULT = ROUTINES["calf-hamstring"]
HIP_LINE = "not after a hip replacement unless your surgeon or physio agrees"


def cue_of(routine: Routine, title: str) -> str:
    return next(step.cue for step in routine.steps if step.title == title)


def every_step() -> list[tuple[str, Step]]:
    return [(routine.key, step) for routine in BUILT_IN for step in routine.steps]


# --- the words of each cue ------------------------------------------------------------------------


STRETCHES = [(key, step) for key, step in every_step() if step.kind is StepKind.STRETCH]


@pytest.mark.parametrize(("key", "step"), STRETCHES, ids=lambda v: getattr(v, "title", v))
def test_every_stretch_says_never_into_pain_and_breathe_normally(key: str, step: Step) -> None:
    assert "never into pain" in step.cue.lower(), (key, step.title)
    assert "breathe normally" in step.cue.lower(), (key, step.title)


def test_standing_steps_hold_a_wall_a_chair_or_a_worktop() -> None:
    for key, step in every_step():
        if step.position is Position.STANDING:
            assert re.search(r"\b(wall|chair|worktop)\b", step.cue), (key, step.title)


def test_quadriceps_holds_a_chair_or_worktop_or_is_done_lying_on_the_side() -> None:
    cue = cue_of(FULL, "Quadriceps stretch")
    assert cue.startswith("Stand holding a chair or a worktop.")
    assert "lying on your other side on the bed" in cue


def test_hip_flexor_is_a_standing_stride_holding_a_chair_kneeling_only_on_a_cushion() -> None:
    cue = cue_of(FULL, "Hip flexor stretch")
    assert cue.startswith("Hold a chair and take a long stride")
    assert "Kneel instead only if kneeling is easy, and on a cushion." in cue


@pytest.mark.parametrize("routine", ["calf-hamstring", "full-unwind", "quick-reset"])
def test_the_hamstring_uses_a_firm_chair_and_eases_off_for_nerve_pain(routine: str) -> None:
    cue = cue_of(ROUTINES[routine], "Hamstring stretch")
    assert cue.startswith("Sit on a firm chair, not the bed edge.")
    assert "edge of the bed" not in cue
    assert cue.endswith("Ease off if you feel tingling or shooting pain down the leg.")


def test_glute_and_lying_breathing_guard_a_new_hip_and_offer_another_way() -> None:
    glute = cue_of(FULL, "Glute stretch")
    assert HIP_LINE in glute.lower() and "Or sit, ankle on knee, and lean forward" in glute
    for step in FULL.steps + ROUTINES["breathing"].steps:
        if step.kind is StepKind.BREATHING:
            assert step.position is Position.LYING
            assert (
                HIP_LINE in step.cue.lower() and "on your side" in step.cue and "sit up" in step.cue
            )


def test_pregnancy_is_the_16_week_exercise_rule_not_the_28_week_sleep_rule() -> None:
    lying = [step for _, step in every_step() if step.position is Position.LYING]
    assert {step.title for step in lying} == {
        "Glute stretch",
        "Legs up the wall",
        "4-7-8 breathing",
        "Slow breathing",
    }
    for step in lying:
        assert "pregnancy after 16 weeks" in step.cue, step.title
        assert "NHS exercise in pregnancy" in step.source, step.title
    assert not [step.title for _, step in every_step() if "28 weeks" in step.cue]


def test_legs_up_the_wall_can_use_the_bed_and_says_who_it_is_not_for() -> None:
    cue = cue_of(FULL, "Legs up the wall")
    assert cue.startswith("Lie on the bed, or the floor if getting down is easy")
    assert "Not with poor circulation, heart failure or breathlessness lying flat" in cue


def test_every_step_names_its_source_and_evidence_and_no_dose() -> None:
    for key, step in every_step():
        assert step.source.strip() and isinstance(step.evidence, Evidence), (key, step.title)
        for text in (step.cue, step.source):
            assert not re.search(r"\d+\s*(mg|mcg|g|ml|iu)\b|\bdos(e|es|age|ing)\b", text, re.I)
    for step in DEFAULT.steps[:2]:
        assert "Hallegraeff" in step.source and step.evidence is Evidence.TRIAL


# --- positions and their set-up -------------------------------------------------------------------


def prepare_seconds_by_step(routine: Routine) -> list[float]:
    """How long each step's first set-up lasts (0 where it has none)."""
    seconds = [0.0] * len(routine.steps)
    for segment in routine.timeline():
        if segment.phase is Phase.PREPARE:
            seconds[segment.step_index] = segment.seconds
    return seconds


@pytest.mark.parametrize("routine", BUILT_IN, ids=lambda r: r.key)
def test_a_change_of_position_gets_15_seconds_and_the_same_position_keeps_5(
    routine: Routine,
) -> None:
    assert all(step.position is not None for step in routine.steps)
    for index, seconds in enumerate(prepare_seconds_by_step(routine)):
        step = routine.steps[index]
        if index == 0 or step.position is not routine.steps[index - 1].position:
            assert routine.changes_position(index) and seconds >= POSITION_CHANGE_SECONDS
        else:
            assert not routine.changes_position(index)
            assert seconds == (5 if step.kind is StepKind.STRETCH else 0), step.title


def test_full_unwind_goes_standing_then_sitting_then_lying_never_back_up() -> None:
    order = list(Position)
    ranks = [order.index(step.position) for step in FULL.steps if step.position is not None]
    assert len(ranks) == len(FULL.steps) and ranks == sorted(ranks)
    assert [FULL.changes_position(i) for i in range(len(FULL.steps))].count(True) == 3


def test_switching_sides_keeps_its_own_set_up_after_a_change_of_position() -> None:
    hamstring = [s for s in FULL.timeline() if s.step_index == 3 and s.phase is not Phase.HOLD]
    assert [(s.phase, s.seconds) for s in hamstring if s.phase is not Phase.REST] == [
        (Phase.PREPARE, 15),
        (Phase.SWITCH, 5),
    ]


def test_steps_without_a_position_keep_their_own_set_up() -> None:
    step = Step(StepKind.STRETCH, "Calf", "", 10, side=Side.NONE, prepare_seconds=3)
    sitting = Step(StepKind.STRETCH, "Calf", "", 10, prepare_seconds=3, position=Position.SITTING)
    assert Routine("t", "T", "", (step, sitting)).step_seconds(1) == 13
    assert Routine("t", "T", "", (sitting, step)).step_seconds(0) == 25


def test_routine_lengths_with_the_new_set_ups() -> None:
    # calf-hamstring: 110 + 110 + 121 s, plus 10 s more to reach the wall and 10 s to sit.
    assert [round(routine.total_seconds) for routine in BUILT_IN] == [361, 827, 200, 312]


# --- the protocol and the floor-free routine ------------------------------------------------------


def test_the_default_routine_is_supported_and_floor_free_and_keeps_the_trial_protocol() -> None:
    calf, hamstring, breathing = DEFAULT.steps
    assert [calf.position, hamstring.position, breathing.position] == [
        Position.STANDING,
        Position.SITTING,
        Position.SITTING,
    ]
    assert "wall" in calf.cue and "firm chair" in hamstring.cue
    assert "Sit back in the chair, or lie on your side" in breathing.cue
    for step in (calf, hamstring):
        assert (step.hold_seconds, step.reps, step.rest_seconds, step.side) == (
            10,
            3,
            10,
            Side.BOTH,
        )
    description = DEFAULT.description
    assert "three 10-second holds each side with 10-second rests" in description
    assert "LegEase adds time to set up, a gentler pull" in description
    assert description.endswith("No floor work.")


# --- opening lines --------------------------------------------------------------------------------


def test_a_routine_with_stretches_opens_with_the_three_safety_lines() -> None:
    assert opening_lines(FULL) == (
        "Have a chair or a wall within reach.",
        "Stop if you feel dizzy or unwell.",
        "Do not stretch a leg that is swollen, red or painful.",
    )
    assert opening_lines(ROUTINES["breathing"]) == ("Stop if you feel dizzy or unwell.",)


# --- fitted to a person ---------------------------------------------------------------------------

CIRCULATION_LINE = (
    "Legs up the wall is left out: not with poor circulation, heart failure or breathlessness "
    "lying flat."
)
EXPECTED: dict[str, dict[str, tuple[str, ...]]] = {
    # precaution -> routine -> the notes (a routine not named is run unchanged)
    "pregnant": {
        "full-unwind": (
            "Legs up the wall is left out: not lying on your back for long in pregnancy (after "
            "16 weeks).",
            "Glute stretch: do it sitting on a chair, not lying on your back.",
            "4-7-8 breathing and Slow breathing: lie on your side or sit up, not on your back.",
        ),
        "breathing": ("Slow breathing: lie on your side or sit up, not on your back.",),
    },
    "poor-circulation": {"full-unwind": (CIRCULATION_LINE,)},
    "heart-failure": {"full-unwind": (CIRCULATION_LINE,)},
    "breathless-lying-flat": {
        "full-unwind": (
            CIRCULATION_LINE,
            "Glute stretch: do it sitting on a chair, not lying on your back.",
            "4-7-8 breathing and Slow breathing: sit up, or lie propped up on pillows.",
        ),
        "breathing": ("Slow breathing: sit up, or lie propped up on pillows.",),
    },
    "balance-risk": {
        "full-unwind": (
            "Hip flexor stretch: keep to the standing stride, holding the chair; no kneeling.",
            "Legs up the wall: use the bed, not the floor.",
        ),
    },
    "fluid-limit": {},
    "under-18": {},
}
LEFT_OUT = {"pregnant", "poor-circulation", "heart-failure", "breathless-lying-flat"}


def test_the_expected_table_covers_every_precaution() -> None:
    assert set(EXPECTED) == set(PRECAUTIONS)


@pytest.mark.parametrize("precaution", PRECAUTIONS)
@pytest.mark.parametrize("routine", BUILT_IN, ids=lambda r: r.key)
def test_every_routine_under_every_precaution(routine: Routine, precaution: str) -> None:
    fitted = routine.for_person(frozenset({precaution}))
    notes = EXPECTED[precaution].get(routine.key, ())
    assert fitted.person_notes == notes
    titles = [step.title for step in fitted.steps]
    if routine.key == "full-unwind" and precaution in LEFT_OUT:
        assert titles == [step.title for step in routine.steps if step.title != "Legs up the wall"]
        assert routine.total_seconds - fitted.total_seconds == 95  # 5 s set-up + 90 s hold
    else:
        assert fitted.steps == routine.steps
    assert fitted.key == routine.key and fitted.steps
    assert opening_lines(fitted) == opening_lines(routine) + notes  # shown when it starts


def test_the_supported_routines_need_no_change_for_anyone() -> None:
    everyone = frozenset(PRECAUTIONS)
    for key in ("calf-hamstring", "quick-reset"):
        fitted = ROUTINES[key].for_person(everyone)
        assert fitted == ROUTINES[key], key


def test_several_precautions_together_leave_a_step_out_once_with_every_reason() -> None:
    fitted = FULL.for_person(frozenset({"pregnant", "heart-failure", "balance-risk"}))
    assert fitted.person_notes[0] == (
        "Legs up the wall is left out: not with poor circulation, heart failure or "
        "breathlessness lying flat; not lying on your back for long in pregnancy (after 16 weeks)."
    )
    assert "Legs up the wall: use the bed, not the floor." not in fitted.person_notes
    assert len(fitted.steps) == len(FULL.steps) - 1


def test_leaving_out_legs_up_the_wall_makes_no_new_change_of_position() -> None:
    fitted = FULL.for_person(frozenset({"heart-failure"}))
    glute, breathing = fitted.steps[5], fitted.steps[6]
    assert glute.title == "Glute stretch" and breathing.title == "4-7-8 breathing"
    assert not fitted.changes_position(6)


def test_an_unknown_precaution_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown precaution 'pregnancy'"):
        FULL.for_person(frozenset({"pregnancy"}))
