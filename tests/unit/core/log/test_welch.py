"""The Welch interval "what helps" shows: the t quantile and the interval match published
values (R's qt and t.test), and a factor's differences come with it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LoggedNight
from legease_tui.core.log.stats import what_helps
from legease_tui.core.log.welch import welch_difference
from legease_tui.core.student_t import t_quantile


@pytest.mark.parametrize(
    ("df", "expected"), [(1, 12.7062), (2, 4.3027), (10, 2.2281), (30, 2.0423), (1000, 1.9623)]
)
def test_t_quantile_matches_the_tables(df: float, expected: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=1e-4)


def test_welch_interval_matches_r_t_test() -> None:
    # R: t.test(c(1, 2, 3, 4), c(2, 4, 6, 8, 10)) -> -7.385368 0.385368 (df 5.52)
    found = welch_difference([1, 2, 3, 4], [2, 4, 6, 8, 10])
    assert found is not None
    assert found.estimate == pytest.approx(-3.5)
    assert (found.low, found.high) == pytest.approx((-7.385368, 0.385368), abs=1e-5)
    assert not found.excludes_zero


def test_no_interval_with_under_two_values_a_side_and_none_wide_without_spread() -> None:
    assert welch_difference([1], [2, 3]) is None
    same = welch_difference([2, 2, 2], [1, 1])
    assert same is not None and (same.low, same.high) == (1, 1) and same.excludes_zero


def test_what_helps_gives_each_factor_its_difference_and_interval() -> None:
    start = date(2026, 11, 1)
    nights = [
        LoggedNight(
            NightEntry(start + timedelta(days=i), tension=3 + i % 2, cramps=i % 2),
            routine_done=i % 2 == 0,
        )
        for i in range(8)
    ]
    routine = {r.name: r for r in what_helps(nights)}["routine done"]
    assert (routine.with_it.nights, routine.without.nights) == (4, 4)
    assert routine.cramps_difference is not None and routine.tension_difference is not None
    assert routine.cramps_difference.estimate == pytest.approx(-1.0)
    assert routine.cramps_difference.excludes_zero  # no spread: every routine night had 0


def test_the_table_shows_minus_signs_and_never_minus_zero() -> None:
    from legease_tui.core.log.welch import Difference
    from legease_tui.widgets.renderables.log_tables import _difference

    assert _difference(Difference(-0.04, -1.06, 0.97)) == "0.0 (−1.1 to +1.0)"
    assert _difference(None) == "–"
