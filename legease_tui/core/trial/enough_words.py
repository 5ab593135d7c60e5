"""The trial's second answer in words: "will it help me enough?" as a sentence, three bars that
need no colour, the model, and its figures for the JSON (see `enough.py`)."""

from __future__ import annotations

from typing import Any

from legease_tui.core.trial.design import LOWER, TrialDesign
from legease_tui.core.trial.enough import MODEL, Enough, how_likely, why_no_answer
from legease_tui.core.trial.report import TrialReport


def worthwhile_words(design: TrialDesign) -> str:
    """ "0.14 cramps a night (about 1 a week)", "2 points"."""
    change = design.worthwhile
    assert change is not None
    if design.outcome == "cramps":
        return f"{change:.2f} cramps a night (about {round(change * 7, 1):g} a week)"
    return f"{change:g} point{'' if change == 1 else 's'}"


def enough_lines(report: TrialReport, *, interim: bool) -> list[str]:
    """The second answer, "will it help me enough?", with its bars and its model; it never
    replaces the exact test, and says so."""
    result = report.result
    assert result is not None
    design = report.trial.design
    first, second = (arm.label for arm in design.arms)
    complete = [d for d in result.differences if d is not None]
    head = (
        ("INTERIM LOOK — " if interim else "")
        + f"Will {first} help you enough? A second answer beside the exact test (which "
        "remains the main result)"
    )
    reason = why_no_answer(complete, design.worthwhile)
    if reason is not None:
        return [f"{head}: no answer — {reason}."]
    assert design.worthwhile is not None
    enough = how_likely(complete, design.worthwhile, design.measure.better)
    less, more = design.measure.comparatives
    improve, worsen = (less, more) if design.measure.better == LOWER else (more, less)
    change = worthwhile_words(design)
    lines = [
        f"{head}: the chance that {first} gives {improve} {design.measure.noun} than "
        f"{second} by at least {change} is {percent(enough.better)}; that the difference is "
        f"smaller than that either way, {percent(enough.between)}; that it gives {worsen} by "
        f"at least that much, {percent(enough.worse)}.",
        *bars(enough),
        f"{MODEL} Here n = {enough.pairs} pairs, {enough.degrees_of_freedom} degrees of "
        f"freedom, centre {enough.centre:+.3f}, scale {enough.scale:.3f}.",
    ]
    return lines


BAR_WIDTH = 20


def enough_json(report: TrialReport) -> dict[str, Any] | None:
    """The second answer's figures, or why there are none (None: no result yet)."""
    if report.result is None:
        return None
    design = report.trial.design
    complete = [d for d in report.result.differences if d is not None]
    reason = why_no_answer(complete, design.worthwhile)
    answer: dict[str, Any] = {"worthwhile": design.worthwhile, "model": MODEL, "reason": reason}
    if reason is None and design.worthwhile is not None:
        enough = how_likely(complete, design.worthwhile, design.measure.better)
        answer |= {
            "pairs": enough.pairs,
            "degrees_of_freedom": enough.degrees_of_freedom,
            "centre": enough.centre,
            "scale": enough.scale,
            "helps_enough": enough.better,
            "too_small": enough.between,
            "worse_enough": enough.worse,
        }
    return answer


def percent(share: float) -> str:
    """A chance as a whole percentage that never rounds to certainty: "<1%", ">99%"."""
    if 0 < share < 0.01:
        return "<1%"
    if 0.99 < share < 1:
        return ">99%"
    return f"{share:.0%}"


BAR_NAMES = ("helps enough", "too small to matter", "worse enough")
"""The rows of the drawing, which Markdown keeps in a fixed-width block."""


def bars(enough: Enough) -> list[str]:
    """A small drawing of the three chances, in characters that need no colour."""
    rows = zip(BAR_NAMES, (enough.better, enough.between, enough.worse), strict=True)
    return [
        f"{name:<20} {'#' * round(share * BAR_WIDTH):<{BAR_WIDTH}} {percent(share):>4}"
        for name, share in rows
    ]
