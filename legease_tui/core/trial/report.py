"""The trial's nights as the log has them, its progress, and the result with everything needed
to recompute it (the JSON form: design, blocks, nights, result)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from legease_tui.core.log.query import NightQuery
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.log.sessions import SESSIONS
from legease_tui.core.night import night_of
from legease_tui.core.routine.files import RoutineLibrary
from legease_tui.core.trial.adherence import followed, stretches_by_key
from legease_tui.core.trial.analysis import (
    INTERVAL_METHOD,
    Comparison,
    NightRecord,
    TrialResult,
    analyse,
)
from legease_tui.core.trial.design import Arm, PlannedNight
from legease_tui.core.trial.repository import Trial, design_record


@dataclass(frozen=True)
class TrialNight:
    """A planned night with what was logged: its outcome (None: missing) and whether the plan
    was followed (None: the night has not come yet)."""

    planned: PlannedNight
    outcome: float | None
    followed: bool | None
    deviations: tuple[str, ...]
    went_wrong: tuple[str, ...] | None = None
    """What the morning check-in says went wrong (None: not answered)."""

    def record(self) -> NightRecord:
        return NightRecord(
            self.planned.pair, self.planned.arm, self.planned.counted, self.outcome, self.followed
        )


@dataclass(frozen=True)
class Progress:
    """How far the plan is, without its running result (peeking invites stopping early)."""

    night_number: int  # tonight's number in the plan (0 before it starts, total after it)
    total: int
    logged: int
    missing: int
    deviations: int


@dataclass(frozen=True)
class TrialReport:
    """A trial on the date it is read: its nights, progress and (when asked) its result."""

    trial: Trial
    nights: list[TrialNight]
    progress: Progress
    state: str
    result: TrialResult | None


def _routines_done(log: LogRepository) -> dict[date, set[str]]:
    """The routines completed each night (by key), from the sessions table."""
    done: dict[date, set[str]] = {}
    with log.store.read() as db:
        for record in db.table(SESSIONS, cache_size=0).all():
            if record.get("completed") is not True or not isinstance(record.get("night"), str):
                continue
            try:
                night = date.fromisoformat(record["night"])
            except ValueError:
                continue
            done.setdefault(night, set()).add(str(record.get("routine", "")))
    return done


def trial_nights(
    trial: Trial,
    log: LogRepository,
    today: date,
    stretches: Mapping[str, frozenset[str]] | None = None,
) -> list[TrialNight]:
    """Every planned night with its logged outcome and whether the plan was followed (known
    once the night is over: from the morning after). `stretches`: each known routine's stretch
    steps (`stretches_by_key`)."""
    design = trial.design
    field = design.measure.field
    entries = {
        entry.night: entry for entry in log.entries(NightQuery(design.start, design.last_night))
    }
    done = _routines_done(log)
    nights = []
    for planned in design.nights():
        entry = entries.get(planned.night)
        value = getattr(entry, field) if entry is not None else None
        deviations = trial.deviations.get(planned.night, ())
        kept = (
            None
            if planned.night >= today
            else followed(
                design.arms[planned.arm],
                done.get(planned.night, set()),
                deviations,
                stretches or {},
            )
        )
        outcome = None if value is None else float(value)
        harms = entry.went_wrong if entry is not None else None
        nights.append(TrialNight(planned, outcome, kept, deviations, harms))
    return nights


def progress_of(nights: list[TrialNight], tonight: date, total: int) -> Progress:
    """Nights logged (up to tonight), missing (before tonight) and not followed."""
    logged = sum(1 for n in nights if n.planned.night <= tonight and n.outcome is not None)
    missing = sum(1 for n in nights if n.planned.night < tonight and n.outcome is None)
    deviations = sum(1 for n in nights if n.followed is False)
    number = next((n.planned.number for n in nights if n.planned.night == tonight), None)
    if number is None:
        number = total if nights and tonight > nights[-1].planned.night else 0
    return Progress(number, total, logged, missing, deviations)


def build_report(
    trial: Trial,
    log: LogRepository,
    now: datetime,
    *,
    with_result: bool,
    routines: RoutineLibrary | None = None,
) -> TrialReport:
    """The trial as of `now`; the result only when `with_result` (the plan has ended, or an
    interim look was asked for). `routines`: the library, to know which completed routines
    hold the stretches of the one tested (without it, only the tested key counts)."""
    tonight = night_of(now)
    nights = trial_nights(trial, log, now.date(), stretches_by_key(routines))
    progress = progress_of(nights, tonight, trial.design.total_nights)
    result = None
    if with_result:
        records = [night.record() for night in nights]
        result = analyse(records, trial.design.pairs, trial.design.measure.better)
    return TrialReport(trial, nights, progress, trial.state(now.date()), result)


def _comparison_json(comparison: Comparison, arms: tuple[Arm, Arm]) -> dict[str, Any]:
    return {
        "statistic": comparison.statistic,
        "p_value": comparison.p_value,
        "nights_per_arm": {
            arm.label: count for arm, count in zip(arms, comparison.nights_per_arm, strict=True)
        },
    }


def report_json(report: TrialReport) -> dict[str, Any]:
    """Everything needed to recompute the result from the file alone."""
    design = report.trial.design
    result: dict[str, Any] | None = None
    if report.result is not None:
        low, high = report.result.interval or (None, None)
        result = {
            **_comparison_json(report.result.primary, design.arms),
            "interval": {"level": 0.95, "low": low, "high": high, "method": INTERVAL_METHOD},
            "verdict": report.result.verdict,
            "more_pairs_needed": report.result.more_pairs,
            "pairs_for_a_new_plan": report.result.new_plan_pairs,
            "pair_differences": list(report.result.differences),
            "per_protocol": _comparison_json(report.result.per_protocol, design.arms),
        }
    return {
        "design": {
            **design_record(design),
            "arms": [arm.label for arm in design.arms],
            "routines": [arm.routine for arm in design.arms],
            "tested": [
                {"routine": arm.routine, "name": arm.name, "steps": list(arm.steps)}
                for arm in design.arms
                if arm.does_routine
            ],
            "better": design.measure.better,
            "statistic": f"mean({design.arms[0].label}) - mean({design.arms[1].label})",
        },
        "status": report.state,
        "progress": {
            "night": report.progress.night_number,
            "total": report.progress.total,
            "logged": report.progress.logged,
            "missing": report.progress.missing,
            "deviations": report.progress.deviations,
        },
        "blocks": [
            {
                "pair": block.pair,
                "arm": design.arms[block.arm].label,
                "first_night": block.first_night.isoformat(),
                "nights": block.nights,
            }
            for block in design.blocks()
        ],
        "nights": [
            {
                "date": night.planned.night.isoformat(),
                "pair": night.planned.pair,
                "arm": design.arms[night.planned.arm].label,
                "counted": night.planned.counted,
                "outcome": night.outcome,
                "followed": night.followed,
                "went_wrong": None if night.went_wrong is None else list(night.went_wrong),
            }
            for night in report.nights
        ],
        "result": result,
    }
