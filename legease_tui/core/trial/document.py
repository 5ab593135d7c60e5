"""The one report every form renders (text, Markdown, JSON, the Trial screen, the doctor's
export), after CENT 2015: the design, the routine tested, the arms' means with their night
counts, one row per block, adherence and harms per arm, the scope of the result, its limits and
a timeline of the nights. Plain data and plain words; the forms only lay them out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from legease_tui.core.log.diary.fields import WENT_WRONG, WENT_WRONG_LABELS
from legease_tui.core.trial.adherence import UNRECORDED
from legease_tui.core.trial.design import Arm
from legease_tui.core.trial.report import TrialNight, TrialReport

SCOPE = (
    "This result is about you, over these weeks; it does not show whether the routine works "
    "for other people, or for you at another time."
)
TIMELINE_WIDTH = 16
"""Nights per row of the timeline: 3 columns each, so a row fits 80 columns."""
TIMELINE_KEY = (
    "Key: arm R routine (A, B: two routines), N no routine · w washout (not counted), "
    "c counted · outcome as logged, – not logged · followed y yes, n no, ? not yet."
)


@dataclass(frozen=True)
class ArmSummary:
    """One arm: its mean over counted nights with an outcome, adherence and harms."""

    label: str
    mean: float | None
    nights: int
    """Counted nights with an outcome (the mean's nights)."""
    followed: int
    past: int
    """Nights of this arm that are over (adherence is out of these)."""
    harms: dict[str, int]
    """How many nights each thing went wrong (`WENT_WRONG` words)."""
    answered: int
    """Past nights whose morning said whether anything went wrong."""


@dataclass(frozen=True)
class BlockRow:
    """One block: pair, arm, first night, counted nights with an outcome and their mean."""

    pair: int
    arm: str
    first_night: date
    counted: int
    mean: float | None


@dataclass(frozen=True)
class ReportDocument:
    """Everything every form of the report carries."""

    design: list[str]
    routines: list[str]
    arms: tuple[ArmSummary, ArmSummary]
    blocks: list[BlockRow]
    timeline: list[str]
    scope: str


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _arm_letter(arm: Arm, index: int) -> str:
    if not arm.does_routine:
        return "N"
    return "R" if arm.label == "routine" else "AB"[index]


def _summary(arm: Arm, nights: list[TrialNight]) -> ArmSummary:
    counted = [n.outcome for n in nights if n.planned.counted and n.outcome is not None]
    past = [n for n in nights if n.followed is not None]
    harms: Counter[str] = Counter()
    for night in past:
        harms.update(night.went_wrong or ())
    return ArmSummary(
        label=arm.label,
        mean=_mean(counted),
        nights=len(counted),
        followed=sum(1 for n in past if n.followed),
        past=len(past),
        harms={word: harms[word] for word in WENT_WRONG},
        answered=sum(1 for n in past if n.went_wrong is not None),
    )


def design_lines(report: TrialReport) -> list[str]:
    """What was fixed before the start, as CENT asks it said."""
    design = report.trial.design
    first, second = (arm.label for arm in design.arms)
    first_nights = "night" if design.washout == 1 else f"{design.washout} nights"
    washout = (
        f"the first {first_nights} of each block not counted (washout, as an effect may carry over)"
        if design.washout
        else "every night counted (no washout)"
    )
    return [
        f"An N-of-1 trial of {first} against {second}: {design.pairs} pairs of "
        f"{design.block}-night blocks, {washout}; the order within each pair drawn at random "
        f"from seed {design.seed}.",
        f"Dates: {design.start.isoformat()} to {design.last_night.isoformat()} "
        f"({design.total_nights} nights); started {report.trial.started_at}"
        + (f", stopped {report.trial.stopped_at}" if report.trial.stopped_at else "")
        + ".",
        f"Outcome, chosen before the start and recorded each morning: {design.measure.label}. "
        "Not blinded: you knew which nights were which.",
    ]


def routine_lines(arms: tuple[Arm, Arm]) -> list[str]:
    """The routine each arm tests, by name and steps (or what an older plan falls back to)."""
    lines = []
    for arm in arms:
        if not arm.does_routine:
            continue
        if arm.routine is None or not arm.steps:
            lines.append(f"{arm.label.capitalize()} tested: not recorded. {UNRECORDED}")
            continue
        lines.append(
            f"{arm.label.capitalize()} tested: {arm.name} ({arm.routine}), steps in order: "
            f"{', '.join(arm.steps)}."
        )
    return lines


def timeline_rows(report: TrialReport) -> list[str]:
    """The nights across, TIMELINE_WIDTH to a row: arm, counted or washout, outcome, followed
    (letters and figures only, so no colour is needed to read it)."""
    arms = report.trial.design.arms
    letters = [_arm_letter(arm, index) for index, arm in enumerate(arms)]
    rows: list[str] = []
    nights = report.nights
    for start in range(0, len(nights), TIMELINE_WIDTH):
        chunk = nights[start : start + TIMELINE_WIDTH]
        cells = {
            "Night": [str(n.planned.number) for n in chunk],
            "Arm": [letters[n.planned.arm] for n in chunk],
            "Counted": ["c" if n.planned.counted else "w" for n in chunk],
            "Outcome": ["–" if n.outcome is None else f"{n.outcome:g}" for n in chunk],
            "Followed": [{True: "y", False: "n", None: "?"}[n.followed] for n in chunk],
        }
        if rows:
            rows.append("")
        rows += [
            f"{name:<9}" + "".join(f"{cell:>3}" for cell in row) for name, row in cells.items()
        ]
    return rows


def _timeline_row(name: str, cells: list[str]) -> str:
    return f"{name:<9}" + "".join(f"{cell:>3}" for cell in cells)


def block_rows(report: TrialReport) -> list[BlockRow]:
    design = report.trial.design
    rows = []
    for block in design.blocks():
        values = [
            n.outcome
            for n in report.nights
            if n.planned.pair == block.pair
            and n.planned.arm == block.arm
            and n.planned.counted
            and n.outcome is not None
        ]
        label = design.arms[block.arm].label
        rows.append(BlockRow(block.pair, label, block.first_night, len(values), _mean(values)))
    return rows


def build_document(report: TrialReport) -> ReportDocument:
    arms = report.trial.design.arms
    by_arm: list[list[TrialNight]] = [[], []]
    for night in report.nights:
        by_arm[night.planned.arm].append(night)
    return ReportDocument(
        design=design_lines(report),
        routines=routine_lines(arms),
        arms=(_summary(arms[0], by_arm[0]), _summary(arms[1], by_arm[1])),
        blocks=block_rows(report),
        timeline=timeline_rows(report),
        scope=SCOPE,
    )


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def means_line(document: ReportDocument) -> str:
    first, second = document.arms
    return (
        "Means over counted nights with an outcome: "
        f"{first.label} {_figure(first.mean)} ({first.nights} nights), "
        f"{second.label} {_figure(second.mean)} ({second.nights} nights)."
    )


def adherence_line(document: ReportDocument, arms: tuple[Arm, Arm]) -> str:
    """ "Routine done on 17 of 18 routine nights and 1 of 18 no-routine nights." """
    first, second = document.arms
    if not arms[1].does_routine:
        stretched = second.past - second.followed
        return (
            f"The routine was done on {first.followed} of {first.past} "
            f"{first.label} nights and on {stretched} of {second.past} no-routine nights "
            "(a night counts as following the plan only with the routine tested, or none)."
        )
    return (
        f"The plan was followed on {first.followed} of {first.past} {first.label} "
        f"nights and {second.followed} of {second.past} {second.label} nights."
    )


def harms_line(summary: ArmSummary) -> str:
    """What went wrong on one arm's nights, from the morning check-ins."""
    reported = [
        f"{WENT_WRONG_LABELS[word]} on {count} night{'s' if count != 1 else ''}"
        for word, count in summary.harms.items()
        if count
    ]
    found = "; ".join(reported) if reported else "nothing reported"
    return (
        f"Gone wrong on {summary.label.replace('no routine', 'no-routine')} nights: {found} "
        f"(the morning question answered on {summary.answered} of {summary.past} nights)."
    )


def block_line(row: BlockRow) -> str:
    return (
        f"Pair {row.pair} · {row.arm} · from {row.first_night.isoformat()} · "
        f"{row.counted} night{'' if row.counted == 1 else 's'} counted · mean {_figure(row.mean)}"
    )
