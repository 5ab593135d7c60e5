"""The report's words claim only what the nights show, in both directions (issue 24)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from support.trial_builders import live_trial

from legease_tui.core.clock import FakeClock
from legease_tui.core.trial.design import TrialDesign
from legease_tui.core.trial.report import TrialReport, build_report
from legease_tui.core.trial.report_forms import report_text
from legease_tui.core.trial.words import result_lines
from legease_tui.services import Services

EVENING = datetime(2026, 12, 3, 21, 0).astimezone()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(EVENING)


def _finished(
    services: Services, clock: FakeClock, pairs: int, routine: float, other: list[float]
) -> TrialReport:
    """A 2-night-block trial: `routine` cramps on every routine night, `other` in turn on the
    no-routine nights."""
    design = TrialDesign(EVENING.date(), 3, block=2, pairs=pairs, washout=0)
    trial = live_trial(
        services,
        clock,
        design,
        lambda night: routine if night.arm == 0 else other[night.number % len(other)],
    )
    assert services.log is not None
    return build_report(trial, services.log, clock.now(), with_result=True)


def test_worse_in_every_pair_is_not_called_a_possible_help(
    services: Services, clock: FakeClock
) -> None:
    report = _finished(services, clock, 4, 3, [1, 2])  # +1.50 cramps a night in every pair
    text = report_text(report, interim=False)
    assert "may still help" not in text
    assert (
        "Verdict: this trial cannot tell whether routine helps, makes no difference or makes "
        "things worse compared with no routine; there are too few pairs to say how big any "
        "difference might be." in text
    )


def test_an_unclear_result_names_the_range_of_differences_both_ways(
    services: Services, clock: FakeClock
) -> None:
    report = _finished(services, clock, 6, 2, [0, 1, 4, 3])
    assert report.result is not None and report.result.primary.p_value is not None
    assert report.result.primary.p_value >= 0.05
    verdict = next(line for line in result_lines(report, interim=False) if "Verdict" in line)
    assert "cannot tell whether routine helps, makes no difference or makes things worse" in verdict
    assert "the data fit anything from" in verdict and "fewer cramps a night to" in verdict
    assert "more cramps a night on routine nights (95% interval)" in verdict


def test_a_clear_result_says_what_was_found_not_a_probability(
    services: Services, clock: FakeClock
) -> None:
    text = report_text(_finished(services, clock, 6, 0, [2, 3]), interim=False)
    assert "likely" not in text
    assert (
        "Verdict: fewer cramps on routine nights than on no-routine nights, a difference larger "
        "than chance alone easily explains (p = 0.0312)." in text
    )


def test_a_clear_worse_result_says_more_not_helps(services: Services, clock: FakeClock) -> None:
    text = report_text(_finished(services, clock, 6, 3, [1, 2]), interim=False)
    assert "Verdict: more cramps on routine nights than on no-routine nights" in text


def test_a_finished_trial_does_not_invite_adding_nights(
    services: Services, clock: FakeClock
) -> None:
    text = report_text(_finished(services, clock, 4, 3, [1, 2]), interim=False)
    assert "longer" not in text and "more pair" not in text
    assert (
        "To test this again, plan a new trial in advance; adding nights to this one after "
        "seeing the result would make its p-value wrong." in text
    )


def test_an_interval_end_near_zero_prints_zero_and_says_it_includes_no_difference(
    services: Services, clock: FakeClock
) -> None:
    report = _finished(services, clock, 5, 1, [2, 4])
    assert report.result is not None
    nearly_zero = replace(report, result=replace(report.result, interval=(-2.5, -1e-9)))
    text = report_text(nearly_zero, interim=False)
    assert "-0.00" not in text
    assert "-2.50 to 0.00, which includes no difference" in text


def test_no_complete_pair_does_not_say_no_difference_was_seen(
    services: Services, clock: FakeClock
) -> None:
    design = TrialDesign(EVENING.date(), 3, block=2, pairs=4, washout=0)
    # Only the first pair's routine block and the second pair's other block are logged.
    trial = live_trial(
        services,
        clock,
        design,
        lambda night: {(1, 0): 1.0, (2, 1): 5.0}.get((night.pair, night.arm)),
    )
    assert services.log is not None
    text = report_text(
        build_report(trial, services.log, clock.now(), with_result=True), interim=False
    )
    assert "No difference was seen" not in text
    assert "difference -4.00" in text
    assert "Pairs: 0 favoured routine, 0 favoured no routine, 0 tied, 4 without an outcome" in text


def test_the_strongest_result_of_a_small_plan_is_named_with_the_pair_counts(
    services: Services, clock: FakeClock
) -> None:
    text = report_text(_finished(services, clock, 4, 0, [2, 3]), interim=False)
    assert "Pairs: 4 favoured routine, 0 favoured no routine, 0 tied" in text
    assert (
        "This is the strongest result a plan of 4 pairs can give (2 / 2^4 = 0.125): it could "
        "not reach p < 0.05 however the nights went." in text
    )


def test_the_per_protocol_look_is_labelled_secondary(services: Services, clock: FakeClock) -> None:
    text = report_text(_finished(services, clock, 6, 0, [2, 3]), interim=False)
    line = next(
        line for line in text.splitlines() if "only the nights the plan was followed" in line
    )
    assert line.startswith("Secondary look, not the main result")
    assert "its p-value is not a randomization p-value" in line
