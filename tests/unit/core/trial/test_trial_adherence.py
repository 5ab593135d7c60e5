"""Following the plan means the routine the plan tests (issue 24): breathing alone does not
follow a routine night; a no-routine night is followed when no stretching routine was done;
plans saved before the routine was recorded fall back to any stretching routine."""

from __future__ import annotations

from datetime import datetime

import pytest
from support.trial_builders import live_trial

from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.files import load_library
from legease_tui.core.trial.adherence import (
    UNRECORDED,
    arms_testing,
    followed,
    stretches_by_key,
)
from legease_tui.core.trial.design import ROUTINE_ARMS, Arm, TrialDesign, compare_arms
from legease_tui.core.trial.report import build_report
from legease_tui.core.trial.repository import design_from, design_record
from legease_tui.services import Services

LIBRARY = load_library(None)
STRETCHES = stretches_by_key(LIBRARY)
TESTED, NO_ROUTINE = arms_testing(ROUTINE_ARMS, LIBRARY, "calf-hamstring")
OLD_PLAN = Arm("routine", None, True)  # saved before the routine was recorded
EVENING = datetime(2026, 12, 3, 21, 0).astimezone()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(EVENING)


def test_the_plan_records_the_routine_it_tests_by_key_name_and_steps() -> None:
    assert TESTED.routine == "calf-hamstring" and TESTED.name == "Calf & hamstring"
    assert TESTED.stretches == ("Calf stretch", "Hamstring stretch")
    assert set(TESTED.stretches) <= set(TESTED.steps) and len(TESTED.steps) > 2
    assert ROUTINE_ARMS[1] == NO_ROUTINE
    first, second = arms_testing(compare_arms("quick-reset-vs-full-unwind"), LIBRARY, "x")
    assert (first.routine, second.routine) == ("quick-reset", "full-unwind")
    with pytest.raises(ValueError, match="'nosuch' is not a known routine"):
        arms_testing(ROUTINE_ARMS, LIBRARY, "nosuch")


@pytest.mark.parametrize(
    ("done", "kept"),
    [
        ({"calf-hamstring"}, True),  # the routine (a fitted version keeps its key)
        ({"full-unwind"}, True),  # holds every stretch of the routine tested
        ({"quick-reset"}, True),
        ({"breathing"}, False),  # "Breathing only"
        ({"breathe-box"}, False),  # the breathing pacer
        (set(), False),
    ],
)
def test_a_routine_night_is_followed_only_by_the_routine_or_its_stretches(
    done: set[str], kept: bool
) -> None:
    assert followed(TESTED, done, (), STRETCHES) is kept


@pytest.mark.parametrize(
    ("done", "kept"),
    [
        (set(), True),
        ({"breathing"}, True),
        ({"breathe-resonance"}, True),
        ({"quick-reset"}, False),
        ({"a-deleted-custom-routine"}, False),
    ],
)
def test_a_no_routine_night_is_followed_when_no_stretching_routine_was_done(
    done: set[str], kept: bool
) -> None:
    assert followed(NO_ROUTINE, done, (), STRETCHES) is kept


def test_a_recorded_deviation_is_never_followed() -> None:
    assert not followed(TESTED, {"calf-hamstring"}, ("routine done on a no-routine night",), {})


def test_a_plan_saved_before_the_routine_was_recorded_counts_any_stretching_routine() -> None:
    assert followed(OLD_PLAN, {"quick-reset"}, (), STRETCHES)
    assert not followed(OLD_PLAN, {"breathing"}, (), STRETCHES)
    record = design_record(TrialDesign(EVENING.date(), 3))
    for arm in record["arms"]:
        for key in ("name", "steps", "stretches"):
            del arm[key]
    old = design_from(record)
    assert old.arms == ROUTINE_ARMS and "any completed stretching routine" in UNRECORDED
    tested = TrialDesign(EVENING.date(), 3, arms=(TESTED, NO_ROUTINE))
    assert design_from(design_record(tested)) == tested


def test_breathing_only_on_a_routine_night_is_not_followed_in_the_report(
    services: Services, clock: FakeClock
) -> None:
    design = TrialDesign(EVENING.date(), 3, block=2, pairs=4, washout=0, arms=(TESTED, NO_ROUTINE))
    first_routine_night = next(n for n in design.nights() if n.arm == 0)

    def done(night: object) -> tuple[str, str] | None:
        if night == first_routine_night:
            return ("breathing", "Breathing only")
        return ("calf-hamstring", "Calf & hamstring") if getattr(night, "arm", 1) == 0 else None

    trial = live_trial(services, clock, design, lambda night: 1.0, done)
    assert services.log is not None
    report = build_report(
        trial, services.log, clock.now(), with_result=True, routines=services.routines
    )
    kept = {night.planned.night: night.followed for night in report.nights}
    assert kept[first_routine_night.night] is False
    assert sum(1 for value in kept.values() if value is False) == 1
