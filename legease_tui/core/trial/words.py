"""The trial in words: the plan before it starts, progress while it runs, the result's
sentences. What the trial cannot tell is always said; `report_forms.py` puts the words in the
report's sections and forms (text, Markdown, JSON)."""

from __future__ import annotations

from legease_tui.core.trial.analysis import (
    ALPHA,
    HELPS,
    INTERVAL_METHOD,
    NO_RESULT,
    TOLERANCE,
    WORSE,
    Comparison,
    TrialResult,
    favouring,
    smallest_pairs_for_alpha,
)
from legease_tui.core.trial.design import LOWER, Outcome, TrialDesign
from legease_tui.core.trial.document import (
    routine_lines,
)
from legease_tui.core.trial.enough_words import (
    worthwhile_words,
)
from legease_tui.core.trial.report import TrialReport

CANNOT_TELL = (
    "What this trial cannot tell: you know which nights are which, so expecting a change can "
    "change how you feel; effects that build up over weeks; and other changes in your life "
    "during the trial (medicines, exercise, the weather)."
)
RETEST = (
    "To test this again, plan a new trial in advance; adding nights to this one after seeing "
    "the result would make its p-value wrong."
)
PER_PROTOCOL_CAVEAT = (
    "It leaves nights out because of what they were assigned, so its p-value is not a "
    "randomization p-value."
)
NOT_A_CLINICIAN = (
    "A personal trial is not a diagnosis and does not replace a clinician: see a doctor for "
    "cramps that last over 10 minutes, break your sleep several nights a week, or come with a "
    "painful, swollen, warm or red leg."
)


def _nights(count: int) -> str:
    return f"{count} night{'s' if count != 1 else ''}"


def plan_in_words(design: TrialDesign) -> list[str]:
    """What the plan is, what it measures, the best p it can reach, and its limits."""
    first, second = (arm.label for arm in design.arms)
    measure = design.measure
    direction = direction_words(design)
    less, more = measure.comparatives
    counted = design.block - design.washout
    lines = [
        f"Personal trial: {first} vs {second}, {_nights(design.total_nights)} "
        f"({design.start.isoformat()} to {design.last_night.isoformat()}).",
        *routine_lines(design.arms),
        f"{design.pairs} pairs of blocks of {_nights(design.block)}; in each pair one block is "
        f"{first} and the other {second}, in an order drawn from seed {design.seed}.",
        f"The first {_nights(design.washout).replace('1 night', 'night')} of each block "
        f"{'is' if design.washout == 1 else 'are'} not counted (an effect may carry "
        f"over), so {counted} of every {design.block} nights count."
        if design.washout
        else "Every night counts (no washout nights).",
        f"Outcome, chosen now: {measure.label}; {direction}. Log it each morning.",
        f"Smallest change worth the trouble, chosen now: {worthwhile_words(design)}. "
        "After the plan ends, the report says how likely a change at least this big is."
        if design.worthwhile is not None
        else "No smallest worthwhile change was chosen (a plan from an older LegEase).",
        f"The best p-value this plan could ever reach is 2 / 2^{design.pairs} = "
        f"{design.best_p:.4g}. A plan with fewer than {smallest_pairs_for_alpha()} pairs cannot "
        f"show a difference at p < {ALPHA:g}"
        + (" — this one cannot." if design.best_p >= ALPHA else "."),
        f"What the result can say is fixed now: {less} {measure.noun} on {first} nights than on "
        f"{_as_adjective(second)} nights (p < {ALPHA:g}), {more} (p < {ALPHA:g}), or that this "
        "trial cannot "
        "tell, with the range of differences its nights fit.",
        CANNOT_TELL,
    ]
    return lines


def direction_words(design: TrialDesign) -> str:
    """ "fewer is better" (cramps), "lower is better" or "higher is better"."""
    if design.measure.better != LOWER:
        return "higher is better"
    return "fewer is better" if design.outcome == "cramps" else "lower is better"


def progress_words(report: TrialReport) -> str:
    progress = report.progress
    if progress.night_number == 0:
        start = report.trial.design.start.isoformat()
        return f"Not begun: the first of its {progress.total} nights is {start}"
    return (
        f"Night {progress.night_number} of {progress.total} · {_nights(progress.logged)} logged"
        f" · {_nights(progress.missing)} missing · {progress.deviations} "
        f"deviation{'s' if progress.deviations != 1 else ''} from the plan"
    )


def _figure(value: float | None) -> str:
    """ "+1.50", "-2.50", and "0.00" for anything that rounds to zero (never "-0.00")."""
    if value is None:
        return "–"
    return "0.00" if round(value, 2) == 0 else f"{value:+.2f}"


def amount_words(value: float, measure: Outcome) -> str:
    """A difference said as a person would: "2.50 fewer cramps a night", "1.00 points higher",
    "no difference"."""
    if round(value, 2) == 0:
        return "no difference"
    less, more = measure.comparatives
    which = less if value < 0 else more
    if measure.key == "cramps":
        return f"{abs(value):.2f} {which} {measure.unit}"
    return f"{abs(value):.2f} {measure.unit} {which}"


def _includes_no_difference(low: float | None, high: float | None) -> bool:
    """Whether zero lies in the interval as printed (an end that rounds to 0.00 touches it)."""
    return (low is None or round(low, 2) <= 0) and (high is None or round(high, 2) >= 0)


def _as_adjective(label: str) -> str:
    """ "no routine" -> "no-routine", as in "no-routine nights"."""
    return label.replace("no routine", "no-routine")


def verdict_words(report: TrialReport) -> str:
    """What the trial found, claiming no more than its nights show, either way."""
    result = report.result
    assert result is not None
    design = report.trial.design
    measure = design.measure
    first, second = (arm.label for arm in design.arms)
    statistic, p_value = result.primary.statistic, result.primary.p_value
    if result.verdict == NO_RESULT or statistic is None or p_value is None:
        return "not enough nights to compare."
    if result.verdict in (HELPS, WORSE):
        less, more = measure.comparatives
        which = less if statistic < 0 else more
        return (
            f"{which} {measure.noun} on {first} nights than on {_as_adjective(second)} nights, "
            "a difference "
            f"larger than chance alone easily explains (p = {p_value:.3g})."
        )
    head = (
        f"this trial cannot tell whether {first} helps, makes no difference or makes things "
        f"worse compared with {second}"
    )
    low, high = result.interval or (None, None)
    if low is None or high is None:
        return head + "; there are too few pairs to say how big any difference might be."
    return (
        f"{head}; the data fit anything from {amount_words(low, measure)} to "
        f"{amount_words(high, measure)} on {first} nights (95% interval)."
    )


def pairs_words(result: TrialResult, design: TrialDesign) -> list[str]:
    """How many pairs favoured each side, and when the p-value is the best the plan allows."""
    first, second = (arm.label for arm in design.arms)
    ahead, behind, tied, incomplete = favouring(result.differences, design.measure.better)
    lines = [
        f"Pairs: {ahead} favoured {first}, {behind} favoured {second}, {tied} tied, "
        f"{incomplete} without an outcome in both blocks."
    ]
    p_value = result.primary.p_value
    if p_value is not None and abs(p_value - design.best_p) < TOLERANCE and p_value >= ALPHA:
        lines.append(
            f"This is the strongest result a plan of {design.pairs} pairs can give "
            f"(2 / 2^{design.pairs} = {design.best_p:.4g}): it could not reach p < {ALPHA:g} "
            "however the nights went."
        )
    return lines


def _comparison_words(comparison: Comparison, report: TrialReport) -> str:
    first, second = (arm.label for arm in report.trial.design.arms)
    n_first, n_second = comparison.nights_per_arm
    if comparison.statistic is None or comparison.p_value is None:
        return f"not enough nights ({n_first} {first}, {n_second} {second})"
    return (
        f"difference {_figure(comparison.statistic)} (mean {first} minus mean {second}), "
        f"p = {comparison.p_value:.3g}, over {n_first} {first} and {n_second} {second} nights"
    )


def _interval_words(report: TrialReport) -> str:
    assert report.result is not None
    if report.result.interval is None:
        return "95% interval: none (not enough nights)."
    low, high = report.result.interval
    shown = f"{_figure(low) if low is not None else 'no lower end'} to " + (
        _figure(high) if high is not None else "no upper end"
    )
    if _includes_no_difference(low, high):
        shown += ", which includes no difference"
    return f"95% interval for the difference: {shown} — {INTERVAL_METHOD}."


def result_lines(report: TrialReport, *, interim: bool) -> list[str]:
    """The result in plain lines (text form); the Markdown form wraps the same lines."""
    result = report.result
    assert result is not None
    design = report.trial.design
    lines = []
    if interim:
        lines.append(
            "INTERIM LOOK — the plan has not ended. Looking early invites stopping when it looks "
            "good; the p-value and verdict are only valid when the plan is complete."
        )
    if report.state == "stopped early":
        lines.append("The trial was stopped early: the result covers the nights it ran.")
    lines += [
        f"Verdict: {verdict_words(report)}",
        "Main result (by plan, every counted night with an outcome): "
        + _comparison_words(result.primary, report)
        + ".",
        _interval_words(report),
        *pairs_words(result, design),
        "Secondary look, not the main result — only the nights the plan was followed: "
        + _comparison_words(result.per_protocol, report)
        + ". "
        + PER_PROTOCOL_CAVEAT,
    ]
    p_value = result.primary.p_value
    if not interim and (p_value is None or p_value >= ALPHA):
        lines.append(RETEST + _new_plan_words(result))
    lines += [
        f"Outcome: {design.measure.label}; {direction_words(design)}. "
        "A p-value says how surprising the difference would be if the routine made no "
        "difference; it is not the chance that it works.",
    ]
    return lines


def _new_plan_words(result: TrialResult) -> str:
    if result.new_plan_pairs is None:
        return ""
    return (
        f" For a difference of the size seen, a new plan would need about "
        f"{result.new_plan_pairs} pairs (a normal approximation)."
    )
