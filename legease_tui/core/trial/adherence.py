"""What following the plan means: on a routine night, the routine the plan tests (by key: a
version fitted to the person keeps it) or another that holds all its stretch steps, completed;
on a no-routine night, no stretching routine (breathing alone is not stretching).

A plan records the routine it tests (key, name, steps) when it starts. A plan saved before
LegEase recorded it names no routine: then any completed stretching routine follows a routine
night, and the report says so (`UNRECORDED`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from legease_tui.core.routine.files import RoutineLibrary
from legease_tui.core.routine.model import Routine, StepKind
from legease_tui.core.routine.outcome import PACER_KEY_PREFIX
from legease_tui.core.trial.design import Arm

UNRECORDED = (
    "This plan was saved before LegEase recorded the routine a trial tests, so on a routine "
    "night any completed stretching routine counts as following the plan."
)


def stretch_steps(routine: Routine) -> tuple[str, ...]:
    """The titles of the routine's stretching steps, in order."""
    return tuple(step.title for step in routine.steps if step.kind is StepKind.STRETCH)


def arms_testing(arms: tuple[Arm, Arm], library: RoutineLibrary, tonight: str) -> tuple[Arm, Arm]:
    """The arms with the routine each tests recorded: its key (`tonight`'s for "routine"),
    name, steps and stretch steps. Raises ValueError for a key the library does not hold."""
    tested = []
    for arm in arms:
        if not arm.does_routine:
            tested.append(arm)
            continue
        routine = library.get(arm.routine or tonight)
        if routine is None:
            raise ValueError(f"--compare: {arm.routine or tonight!r} is not a known routine")
        tested.append(
            replace(
                arm,
                routine=routine.key,
                name=routine.name,
                steps=tuple(step.title for step in routine.steps),
                stretches=stretch_steps(routine),
            )
        )
    return tested[0], tested[1]


def stretches_by_key(library: RoutineLibrary | None) -> dict[str, frozenset[str]]:
    """Each known routine's stretch steps, for telling a stretching routine from breathing and
    one routine from another after the fact."""
    if library is None:
        return {}
    return {key: frozenset(stretch_steps(routine)) for key, routine in library.routines.items()}


def is_stretching(key: str, stretches: Mapping[str, frozenset[str]]) -> bool:
    """Whether a completed session of `key` was a stretching routine: not the breathing pacer,
    not a routine without stretches. A key no longer known counts as stretching (the cautious
    reading for a no-routine night)."""
    if key.startswith(PACER_KEY_PREFIX):
        return False
    known = stretches.get(key)
    return known is None or bool(known)


def followed(
    arm: Arm,
    done: Iterable[str],
    deviations: tuple[str, ...],
    stretches: Mapping[str, frozenset[str]],
) -> bool:
    """Whether a past night kept to its arm, from the routines completed that night (by key)."""
    if deviations:
        return False
    stretching = [key for key in done if is_stretching(key, stretches)]
    if not arm.does_routine:
        return not stretching
    if arm.routine is None:  # a plan from before the routine was recorded
        return bool(stretching)
    wanted = frozenset(arm.stretches)
    return any(
        key == arm.routine or (wanted and wanted <= stretches.get(key, frozenset()))
        for key in stretching
    )
