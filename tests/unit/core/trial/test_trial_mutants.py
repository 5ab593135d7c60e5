"""Tests that kill the mutants of issue 24 a person would see, and properties of the analysis
that hold for any nights (hypothesis)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legease_tui.core.trial.analysis import (
    HELPS,
    WORSE,
    NightRecord,
    compare,
    more_pairs_needed,
    pairs_for_a_new_plan,
    verdict,
)
from legease_tui.core.trial.design import HIGHER, LOWER, TrialDesign, new_seed

START = date(2026, 12, 3)


def test_a_small_worsening_is_called_worse_not_better() -> None:
    # Mutant: `statistic < 0` changed to `< 1` turned +0.5 at p = 0.03 into "helps".
    assert verdict(0.5, 0.03, LOWER) == WORSE
    assert verdict(-0.5, 0.03, LOWER) == HELPS
    assert verdict(0.5, 0.03, HIGHER) == HELPS
    assert verdict(-0.5, 0.03, HIGHER) == WORSE


def _by_brute_force(nights: list[NightRecord], pairs: int) -> float:
    """The two-sided randomization p, written apart from the code under test: every way of
    swapping the pairs' blocks, each night's outcome moving with its block; a swap leaving an
    arm with no outcome counts as at least as extreme."""

    def statistic(flips: tuple[bool, ...]) -> float | None:
        sides: list[list[float]] = [[], []]
        for night in nights:
            if night.counted and night.outcome is not None:
                arm = 1 - night.arm if flips[night.pair - 1] else night.arm
                sides[arm].append(night.outcome)
        if not sides[0] or not sides[1]:
            return None
        return sum(sides[0]) / len(sides[0]) - sum(sides[1]) / len(sides[1])

    observed = statistic((False,) * pairs)
    assert observed is not None
    extreme = 0
    for flips in itertools.product((False, True), repeat=pairs):
        value = statistic(flips)
        extreme += value is None or abs(value) >= abs(observed) - 1e-9
    return extreme / 2**pairs


@pytest.mark.parametrize(
    "logged",
    [
        {(1, 0), (1, 1), (2, 0), (3, 0), (3, 1), (4, 0), (4, 1), (5, 0), (5, 1)},  # pair 2 half
        {(1, 0), (2, 1)},  # some swaps leave an arm empty
        {(1, 0), (1, 1), (2, 0), (3, 1), (4, 0), (4, 1), (5, 1)},
    ],
)
def test_the_p_value_with_whole_blocks_missing_matches_brute_force(
    logged: set[tuple[int, int]],
) -> None:
    design = TrialDesign(START, 5, block=2, pairs=5, washout=0)
    nights = [
        NightRecord(
            n.pair,
            n.arm,
            n.counted,
            float(n.arm * 2 + n.number % 3) if (n.pair, n.arm) in logged else None,
        )
        for n in design.nights()
    ]
    result = compare(nights, 5)
    assert result.p_value == _by_brute_force(nights, 5)


def test_the_pairs_a_new_plan_needs_is_the_stated_approximation() -> None:
    # Pair differences -1, 0, -1, 0, -1, 0: mean -0.5, root mean square 0.7071, so
    # ceil((1.959964 * 0.7071 / 0.5)^2) = ceil(7.68) = 8 pairs: 2 more than the 6 seen.
    design = TrialDesign(START, 5, block=2, pairs=6, washout=0)
    nights = [
        NightRecord(n.pair, n.arm, n.counted, float(n.arm == 1 and n.pair % 2 == 1))
        for n in design.nights()
    ]
    p_value = compare(nights, 6).p_value
    assert p_value is not None and p_value >= 0.05
    assert pairs_for_a_new_plan(nights, 6) == 8
    assert more_pairs_needed(nights, 6, p_value) == 2
    assert more_pairs_needed(nights, 6, 0.01) == 0


def test_new_seeds_differ() -> None:
    seeds = {new_seed() for _ in range(50)}
    assert len(seeds) > 40 and all(0 <= seed < 2**31 for seed in seeds)


Drawn = tuple[int, int, int, int, list[int | None]]
"""Pairs, block, washout, seed and each night's outcome (None: not logged)."""

nights_strategy = st.integers(4, 6).flatmap(
    lambda pairs: st.tuples(
        st.just(pairs),
        st.integers(2, 3),
        st.integers(0, 1),
        st.integers(0, 2**31 - 1),
        st.lists(st.one_of(st.none(), st.integers(0, 6)), min_size=36, max_size=36),
    )
)


def _nights(drawn: Drawn) -> tuple[list[NightRecord], int]:
    pairs, block, washout, seed, values = drawn
    design = TrialDesign(START, seed, block=block, pairs=pairs, washout=washout)
    return [
        NightRecord(n.pair, n.arm, n.counted, None if value is None else float(value))
        for n, value in zip(design.nights(), values, strict=False)
    ], pairs


@settings(max_examples=60, deadline=None)
@given(nights_strategy)
def test_swapping_the_arms_negates_the_statistic(drawn: Drawn) -> None:
    nights, pairs = _nights(drawn)
    swapped = [NightRecord(n.pair, 1 - n.arm, n.counted, n.outcome) for n in nights]
    first, second = compare(nights, pairs), compare(swapped, pairs)
    if first.statistic is None:
        assert second.statistic is None
        return
    assert second.statistic == pytest.approx(-first.statistic)
    assert second.p_value == first.p_value


@settings(max_examples=60, deadline=None)
@given(nights_strategy, st.integers(-5, 5))
def test_a_constant_added_to_every_night_leaves_p_unchanged(drawn: Drawn, constant: int) -> None:
    nights, pairs = _nights(drawn)
    moved = [
        NightRecord(n.pair, n.arm, n.counted, None if n.outcome is None else n.outcome + constant)
        for n in nights
    ]
    first, second = compare(nights, pairs), compare(moved, pairs)
    assert second.p_value == first.p_value
    if first.statistic is not None:
        assert second.statistic == pytest.approx(first.statistic)


@settings(max_examples=60, deadline=None)
@given(nights_strategy)
def test_p_is_never_below_two_in_two_to_the_pairs(drawn: Drawn) -> None:
    nights, pairs = _nights(drawn)
    p_value = compare(nights, pairs).p_value
    assert p_value is None or p_value >= 2 / 2**pairs
