"""Trials lived through on a fake clock: started, each night's outcome logged and its routine
recorded as the test says, the clock then set to the morning after the plan's last night."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.core.trial.design import PlannedNight, TrialDesign
from legease_tui.core.trial.repository import Trial
from legease_tui.services import Services

EVENING = time(21, 0)
MORNING = time(8, 0)

Outcome = Callable[[PlannedNight], float | None]
"""A night's outcome as the morning log has it (None: not logged)."""
Done = Callable[[PlannedNight], tuple[str, str] | None]
"""The routine completed that night as (key, name), or None for none."""


def as_planned(design: TrialDesign) -> Done:
    """Tonight's routine on the first arm's nights, nothing on the others."""
    return lambda night: ("calf-hamstring", "Calf & hamstring") if night.arm == 0 else None


def live_trial(
    services: Services,
    clock: FakeClock,
    design: TrialDesign,
    outcome: Outcome,
    done: Done | None = None,
    *,
    until: int | None = None,
) -> Trial:
    """Start `design` (its start is the clock's date), live its nights up to night `until`
    (default: all) and leave the clock at 08:00 the morning after the last one lived."""
    trials, log = services.trial, services.log
    assert trials is not None and log is not None
    trials.start(design)
    done = done or as_planned(design)
    for planned in design.nights()[:until]:
        evening = datetime.combine(planned.night, EVENING, tzinfo=clock.now().tzinfo)
        clock.set_wall(evening)
        routine = done(planned)
        if routine is not None:
            key, name = routine
            log.record_session(SessionOutcome(key, name, evening, 300, 300, 3, 3, True, True))
        value = outcome(planned)
        if value is not None:
            fields: dict[str, Any] = {design.measure.field: _stored(value)}
            log.add(replace(NightEntry(planned.night), **fields))
        clock.set_wall(evening + timedelta(hours=11))
    trial = trials.latest()
    assert trial is not None
    return trial


def _stored(value: float) -> int:
    """The log keeps whole numbers for every trial outcome."""
    assert value == int(value), f"{value} is not a whole number, as the log keeps outcomes"
    return int(value)


REPORT_ITEMS = {
    "design": "pairs of 2-night blocks",
    "seed": "seed 3",
    "dates": "Dates: 2026-12-03 to",
    "outcome chosen before the start": "Outcome, chosen before the start and recorded each morning",
    "routine tested by name": "Calf",
    "routine tested by steps": "Calf stretch, Hamstring stretch",
    "means with night counts": "Means over counted nights with an outcome: routine",
    "one row per block": "Pair 4 · no routine",
    "adherence per arm": "The routine was done on",
    "harms per arm": "a fall or near fall on 1 night",
    "scope": "This result is about you, over these weeks",
    "limits": "What this trial cannot tell",
    "not a clinician": "does not replace a clinician",
    "timeline": "Followed",
}
"""A phrase of each item every form of the report carries (issue 24, CENT 2015)."""


def a_fall_on_the_first_night(services: Services, design: TrialDesign) -> None:
    """The first night's morning says a fall or near fall happened."""
    assert services.log is not None
    services.log.update(design.start, {"went_wrong": "fall"})
