"""The randomization test, its interval, the verdict words and the pairs still needed."""

from __future__ import annotations

from datetime import date

import pytest

from legease_tui.core.trial.analysis import (
    HELPS,
    NO_RESULT,
    UNCLEAR,
    WORSE,
    NightRecord,
    analyse,
    compare,
    interval,
    more_pairs_needed,
    verdict,
)
from legease_tui.core.trial.design import HIGHER, LOWER, TrialDesign


def records(design: TrialDesign, value: dict[int, float], spread: float = 0.0) -> list[NightRecord]:
    """Each night's outcome: its arm's value, plus `spread` times a pattern that varies."""
    return [
        NightRecord(n.pair, n.arm, n.counted, value[n.arm] + spread * ((n.number * 7) % 5))
        for n in design.nights()
    ]


def test_identical_outcomes_give_p_one() -> None:
    design = TrialDesign(date(2026, 12, 3), 4)
    result = compare(records(design, {0: 2.0, 1: 2.0}), design.pairs)
    assert result.statistic == 0 and result.p_value == 1.0


@pytest.mark.parametrize("pairs", [4, 5, 6, 8, 10])
def test_perfect_separation_gives_exactly_two_in_two_to_the_pairs(pairs: int) -> None:
    design = TrialDesign(date(2026, 12, 3), 9, pairs=pairs)
    result = compare(records(design, {0: 0.0, 1: 3.0}), pairs)
    assert result.statistic == -3.0
    assert result.p_value == 2 / 2**pairs


def test_swapping_every_pair_negates_the_statistic() -> None:
    design = TrialDesign(date(2026, 12, 3), 11, block=4, pairs=7)
    nights = records(design, {0: 1.0, 1: 2.5}, spread=0.7)
    swapped = [NightRecord(n.pair, 1 - n.arm, n.counted, n.outcome) for n in nights]
    first, second = compare(nights, 7), compare(swapped, 7)
    assert first.statistic is not None and second.statistic is not None
    assert second.statistic == pytest.approx(-first.statistic)
    assert second.p_value == first.p_value


def test_missing_and_washout_nights_are_left_out() -> None:
    design = TrialDesign(date(2026, 12, 3), 2, block=3, washout=1, pairs=6)
    base = records(design, {0: 1.0, 1: 3.0})
    # A wild value on every washout night and a missing outcome on one counted night change
    # nothing but the counts.
    changed = [
        NightRecord(n.pair, n.arm, n.counted, 30.0 if not n.counted else n.outcome) for n in base
    ]
    dropped = next(i for i, n in enumerate(changed) if n.counted and n.arm == 0)
    changed[dropped] = NightRecord(changed[dropped].pair, 0, True, None)
    result = compare(changed, 6)
    assert result.statistic == -2.0
    assert result.nights_per_arm == (11, 12)
    assert result.p_value == 2 / 2**6


def test_an_arm_with_no_nights_has_no_result() -> None:
    design = TrialDesign(date(2026, 12, 3), 2)
    nights = [n for n in records(design, {0: 1.0, 1: 2.0}) if n.arm == 1]
    result = analyse(nights, design.pairs, LOWER)
    assert result.primary.statistic is None and result.verdict == NO_RESULT
    assert result.interval is None


@pytest.mark.parametrize(
    ("statistic", "p_value", "better", "words"),
    [
        (-1.0, 0.049, LOWER, HELPS),
        (1.0, 0.049, LOWER, WORSE),
        (1.0, 0.049, HIGHER, HELPS),
        (-1.0, 0.049, HIGHER, WORSE),
        (-1.0, 0.05, LOWER, UNCLEAR),
        (-1.0, 0.5, LOWER, UNCLEAR),
        (None, None, LOWER, NO_RESULT),
    ],
)
def test_verdict_words_follow_the_thresholds(
    statistic: float | None, p_value: float | None, better: str, words: str
) -> None:
    assert verdict(statistic, p_value, better) == words


def test_interval_holds_the_difference_and_excludes_zero_when_p_is_small() -> None:
    design = TrialDesign(date(2026, 12, 3), 3, block=4, pairs=8)
    nights = records(design, {0: 1.0, 1: 3.0}, spread=0.5)
    result = analyse(nights, 8, LOWER)
    assert result.interval is not None
    low, high = result.interval
    assert low is not None and high is not None
    assert result.primary.statistic is not None
    assert low <= result.primary.statistic <= high < 0
    assert result.verdict == HELPS and result.more_pairs == 0


def test_too_few_pairs_leave_the_interval_open() -> None:
    design = TrialDesign(date(2026, 12, 3), 3, pairs=5)
    assert interval(records(design, {0: 1.0, 1: 3.0}, spread=0.5), 5) == (None, None)


def test_more_pairs_for_a_small_noisy_difference() -> None:
    design = TrialDesign(date(2026, 12, 3), 3, block=3, pairs=6)
    nights = records(design, {0: 2.0, 1: 2.2}, spread=1.0)
    p_value = compare(nights, 6).p_value
    assert p_value is not None and p_value >= 0.05
    needed = more_pairs_needed(nights, 6, p_value)
    assert needed is not None and needed >= 1
    assert more_pairs_needed(records(design, {0: 2.0, 1: 2.0}), 6, 1.0) is None


def test_the_interval_is_the_shifts_the_test_does_not_reject() -> None:
    import random

    rng = random.Random(1)
    design = TrialDesign(date(2026, 12, 3), 4, block=3, pairs=7)
    nights = [
        NightRecord(n.pair, n.arm, n.counted, float(rng.randint(0, 4) + n.arm))
        for n in design.nights()
    ]

    def p_after_shift(shift: float) -> float:
        shifted = [
            NightRecord(n.pair, n.arm, n.counted, n.outcome - shift if n.arm == 0 else n.outcome)
            for n in nights
            if n.outcome is not None
        ]
        p_value = compare(shifted, 7).p_value
        assert p_value is not None
        return p_value

    kept = [step / 100 for step in range(-400, 200) if p_after_shift(step / 100) >= 0.05]
    found = interval(nights, 7)
    assert found is not None and None not in found
    low, high = found
    assert low == pytest.approx(min(kept), abs=1e-6) and high == pytest.approx(max(kept), abs=1e-6)
