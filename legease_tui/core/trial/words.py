"""The trial in words: the plan before it starts, progress while it runs, the result (text and
Markdown). What the trial cannot tell is always said."""

from __future__ import annotations

from legease_tui.core.log.export import markdown_text
from legease_tui.core.trial.analysis import (
    ALPHA,
    INTERVAL_METHOD,
    Comparison,
    smallest_pairs_for_alpha,
)
from legease_tui.core.trial.design import LOWER, TrialDesign
from legease_tui.core.trial.report import TrialReport

CANNOT_TELL = (
    "What this trial cannot tell: you know which nights are which, so expecting a change can "
    "change how you feel; effects that build up over weeks; and other changes in your life "
    "during the trial (medicines, exercise, the weather)."
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
    counted = design.block - design.washout
    lines = [
        f"Personal trial: {first} vs {second}, {_nights(design.total_nights)} "
        f"({design.start.isoformat()} to {design.last_night.isoformat()}).",
        f"{design.pairs} pairs of blocks of {_nights(design.block)}; in each pair one block is "
        f"{first} and the other {second}, in an order drawn from seed {design.seed}.",
        f"The first {_nights(design.washout).replace('1 night', 'night')} of each block "
        f"{'is' if design.washout == 1 else 'are'} not counted (an effect may carry "
        f"over), so {counted} of every {design.block} nights count."
        if design.washout
        else "Every night counts (no washout nights).",
        f"Outcome, chosen now: {measure.label}; {direction}. Log it each morning.",
        f"The best p-value this plan could ever reach is 2 / 2^{design.pairs} = "
        f"{design.best_p:.4g}. A plan with fewer than {smallest_pairs_for_alpha()} pairs cannot "
        f"show a difference at p < {ALPHA:g}"
        + (" — this one cannot." if design.best_p >= ALPHA else "."),
        'The verdict words are fixed now: "likely helps" (p < 0.05, better), "likely makes it '
        'worse" (p < 0.05, worse), otherwise "no clear difference — it may still help a little".',
        CANNOT_TELL,
    ]
    if design.arms[1].does_routine:
        lines.insert(-1, f'Here "likely helps" means {first} did better than {second}.')
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
    return "–" if value is None else f"{value:+.2f}"


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
        f"Verdict: {result.verdict}.",
        "Main result (by plan, every counted night with an outcome): "
        + _comparison_words(result.primary, report)
        + ".",
        _interval_words(report),
        "Only the nights the plan was followed: "
        + _comparison_words(result.per_protocol, report)
        + ".",
    ]
    if result.primary.statistic is None:
        pass  # nothing to compare yet: no claim about pairs
    elif result.more_pairs is None:
        lines.append("No difference was seen, so no number of extra pairs would show one.")
    elif result.more_pairs > 0:
        lines.append(
            f"About {result.more_pairs} more pair{'s' if result.more_pairs != 1 else ''} of "
            f"blocks (a longer or a new trial) would let a difference of this size reach p < "
            f"{ALPHA:g}, if the new nights looked like these (a normal approximation)."
        )
    lines += [
        f"Outcome: {design.measure.label}; {direction_words(design)}. "
        "A p-value says how surprising the difference would be if the routine made no "
        "difference; it is not the chance that it works.",
        CANNOT_TELL,
        NOT_A_CLINICIAN,
    ]
    return lines


def report_text(report: TrialReport, *, interim: bool) -> str:
    lines = [plan_in_words(report.trial.design)[0], progress_words(report) + "."]
    if report.result is None:
        lines.append(
            "The result is shown when the plan ends (the morning after its last night); "
            "`legease trial report --interim` shows it now, with a warning."
        )
    else:
        lines += result_lines(report, interim=interim)
    return "\n".join(lines) + "\n"


def report_markdown(report: TrialReport, *, interim: bool, heading: str = "#") -> str:
    """The trial's section of the doctor summary (and `trial report --format md`)."""
    design = report.trial.design
    lines = [
        f"{heading} Personal trial: {markdown_text(design.arms[0].label)} vs "
        f"{markdown_text(design.arms[1].label)}",
        "",
        f"**Status:** {report.state} · {markdown_text(progress_words(report))}",
        "",
        f"**Plan:** {design.pairs} pairs of {design.block}-night blocks from "
        f"{design.start.isoformat()}, first {design.washout} of each block not counted, order "
        f"drawn from seed {design.seed}; outcome {markdown_text(design.measure.label)}.",
        "",
    ]
    if report.result is None:
        lines.append("The result is not shown until the plan ends.")
    else:
        lines += [f"- {markdown_text(line)}" for line in result_lines(report, interim=interim)]
    return "\n".join(lines) + "\n"
