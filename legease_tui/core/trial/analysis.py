"""The trial's result: an exact randomization test that matches how the plan was drawn.

Statistic: mean outcome on arm-0 nights minus mean on arm-1 nights ("routine" minus "no
routine"), over counted nights that have an outcome, by assignment (intention to treat).
p-value: every one of the 2^pairs ways of swapping the two blocks within pairs, two-sided
(|statistic| >= observed, with a 1e-9 tolerance); missing nights stay missing under every swap.
95% interval: the shifts d for which "arm 0 = arm 1 + d on every night" is not rejected at 5% by
the same test (inversion of the randomization test), found by bisection.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from legease_tui.core.trial.design import ALPHA, LOWER

TOLERANCE = 1e-9
# The verdict as a key; `words.py` says what each means for the outcome and arms at hand.
HELPS = "better"
WORSE = "worse"
UNCLEAR = "cannot tell"
NO_RESULT = "no result"
INTERVAL_METHOD = "inversion of the randomization test (shift method)"
Z_95 = 1.959964


@dataclass(frozen=True)
class NightRecord:
    """One night as the analysis sees it (and as the report's JSON lists it)."""

    pair: int
    arm: int
    counted: bool
    outcome: float | None
    followed: bool | None = True


@dataclass(frozen=True)
class Comparison:
    """The statistic, its p-value and how many nights each arm had."""

    statistic: float | None
    p_value: float | None
    nights_per_arm: tuple[int, int]


@dataclass(frozen=True)
class TrialResult:
    """The primary (intention-to-treat) comparison, its interval and verdict, and the
    secondary one over followed nights only."""

    primary: Comparison
    interval: tuple[float | None, float | None] | None
    """(low, high); None for an end that no shift reaches (too few pairs); None: no result."""
    verdict: str
    more_pairs: int | None
    """About how many more pairs a difference of the size seen needs to reach p < 0.05 (0: it
    has; None: no complete pair or no difference, so no number of pairs)."""
    new_plan_pairs: int | None
    per_protocol: Comparison
    differences: tuple[float | None, ...] = ()
    """Each pair's difference (mean arm 0 minus mean arm 1 over its counted nights with an
    outcome); None for a pair with a block that has none."""


# One flip's sums: arm-0 side (sum, count, nights from arm 0), then arm-1 side (same).
_Sums = tuple[float, int, int, float, int, int]


def _pair_sums(nights: Iterable[NightRecord], pairs: int) -> list[tuple[float, int, float, int]]:
    sums = [[0.0, 0, 0.0, 0] for _ in range(pairs)]
    for night in nights:
        if night.counted and night.outcome is not None and 1 <= night.pair <= pairs:
            row = sums[night.pair - 1]
            row[2 * night.arm] += night.outcome
            row[2 * night.arm + 1] += 1
    return [(float(a), int(b), float(c), int(d)) for a, b, c, d in sums]


def _all_flips(pair_sums: Sequence[tuple[float, int, float, int]]) -> list[_Sums]:
    """The sums of each side under each of the 2^pairs within-pair swaps (index 0: as drawn)."""
    flips: list[_Sums] = [(0.0, 0, 0, 0.0, 0, 0)]
    for s0, n0, s1, n1 in pair_sums:
        kept = [(a + s0, b + n0, c + n0, d + s1, e + n1, f) for a, b, c, d, e, f in flips]
        swapped = [(a + s1, b + n1, c, d + s0, e + n0, f + n0) for a, b, c, d, e, f in flips]
        flips = kept + swapped
    return flips


def _lines(flips: list[_Sums]) -> list[tuple[float, float] | None]:
    """Each swap's statistic on shifted outcomes as a + b * shift (None: a side is empty)."""
    lines: list[tuple[float, float] | None] = []
    for s0, n0, o0, s1, n1, o1 in flips:
        if n0 == 0 or n1 == 0:
            lines.append(None)
        else:
            lines.append((s0 / n0 - s1 / n1, -(o0 / n0 - o1 / n1)))
    return lines


def _p_at(lines: list[tuple[float, float] | None], shift: float) -> float:
    """Two-sided p of "arm 0 = arm 1 + shift". A swap with an empty side has no statistic: it
    counts as at least as extreme (the cautious choice)."""
    first = lines[0]
    assert first is not None
    observed = abs(first[0] + first[1] * shift) - TOLERANCE
    extreme = sum(1 for line in lines if line is None or abs(line[0] + line[1] * shift) >= observed)
    return extreme / len(lines)


def compare(nights: Sequence[NightRecord], pairs: int) -> Comparison:
    """Statistic and exact p-value over the given nights."""
    pair_sums = _pair_sums(nights, pairs)
    counts = (sum(row[1] for row in pair_sums), sum(row[3] for row in pair_sums))
    if 0 in counts:
        return Comparison(None, None, counts)
    lines = _lines(_all_flips(pair_sums))
    first = lines[0]
    assert first is not None
    return Comparison(first[0], _p_at(lines, 0.0), counts)


def _edge(lines: list[tuple[float, float] | None], centre: float, step: float) -> float | None:
    """The farthest shift from `centre` (in the direction of `step`) still not rejected."""
    inside, outside = centre, centre + step
    while _p_at(lines, outside) >= ALPHA:
        inside, outside = outside, centre + 2 * (outside - centre)
        if abs(outside - centre) > 1e6 * abs(step):
            return None
    for _ in range(60):
        if abs(outside - inside) < 1e-7:
            break
        middle = (inside + outside) / 2
        if _p_at(lines, middle) >= ALPHA:
            inside = middle
        else:
            outside = middle
    return inside


def interval(nights: Sequence[NightRecord], pairs: int) -> tuple[float | None, float | None] | None:
    """The 95% interval for the difference by inverting the randomization test."""
    pair_sums = _pair_sums(nights, pairs)
    if sum(row[1] for row in pair_sums) == 0 or sum(row[3] for row in pair_sums) == 0:
        return None
    lines = _lines(_all_flips(pair_sums))
    first = lines[0]
    assert first is not None
    values = [n.outcome for n in nights if n.counted and n.outcome is not None]
    step = max(max(values) - min(values), 1.0)
    return (_edge(lines, first[0], -step), _edge(lines, first[0], step))


def verdict(statistic: float | None, p_value: float | None, better: str) -> str:
    """The fixed words: p < 0.05 in the better direction, in the other, or neither."""
    if statistic is None or p_value is None:
        return NO_RESULT
    if p_value < ALPHA and statistic != 0:
        improved = statistic < 0 if better == LOWER else statistic > 0
        return HELPS if improved else WORSE
    return UNCLEAR


def pair_differences(nights: Sequence[NightRecord], pairs: int) -> list[float | None]:
    """Each pair's difference of block means (None: a block of the pair has no outcome)."""
    return [
        s0 / n0 - s1 / n1 if n0 and n1 else None for s0, n0, s1, n1 in _pair_sums(nights, pairs)
    ]


def favouring(differences: Iterable[float | None], better: str) -> tuple[int, int, int, int]:
    """How many pairs favoured arm 0, arm 1, neither (tied), and could not say (incomplete)."""
    first = second = tied = incomplete = 0
    for difference in differences:
        if difference is None:
            incomplete += 1
        elif abs(difference) < TOLERANCE:
            tied += 1
        elif (difference < 0) == (better == LOWER):
            first += 1
        else:
            second += 1
    return first, second, tied, incomplete


def pairs_for_a_new_plan(nights: Sequence[NightRecord], pairs: int) -> int | None:
    """About how many pairs a new plan would need for a difference of the size seen to reach
    p < 0.05, if its pairs looked like these: a normal approximation to the randomization test
    on the pairs' differences, and never fewer than a plan whose best p is under 0.05 allows
    (None: no complete pair, or no difference, so no number of pairs)."""
    differences = [d for d in pair_differences(nights, pairs) if d is not None]
    if not differences:
        return None
    average = sum(differences) / len(differences)
    if abs(average) < TOLERANCE:
        return None
    spread = math.sqrt(sum(d * d for d in differences) / len(differences))
    return max(math.ceil((Z_95 * spread / abs(average)) ** 2), smallest_pairs_for_alpha())


def more_pairs_needed(
    nights: Sequence[NightRecord], pairs: int, p_value: float | None
) -> int | None:
    """How many pairs more than the complete ones seen that new plan holds (0: p < 0.05
    already; at least 1 otherwise; None as for `pairs_for_a_new_plan`)."""
    if p_value is not None and p_value < ALPHA:
        return 0
    needed = pairs_for_a_new_plan(nights, pairs)
    if needed is None:
        return None
    complete = sum(1 for d in pair_differences(nights, pairs) if d is not None)
    return max(needed - complete, 1)


def smallest_pairs_for_alpha() -> int:
    """The fewest pairs whose best p (2 / 2^pairs) is below 0.05."""
    pairs = 1
    while 2 / 2**pairs >= ALPHA:
        pairs += 1
    return pairs


def analyse(nights: Sequence[NightRecord], pairs: int, better: str) -> TrialResult:
    """The whole result from the nights alone (so it can be recomputed from the JSON)."""
    primary = compare(nights, pairs)
    followed = [night for night in nights if night.followed]
    return TrialResult(
        primary=primary,
        interval=interval(nights, pairs),
        verdict=verdict(primary.statistic, primary.p_value, better),
        more_pairs=more_pairs_needed(nights, pairs, primary.p_value),
        new_plan_pairs=pairs_for_a_new_plan(nights, pairs),
        per_protocol=compare(followed, pairs),
        differences=tuple(pair_differences(nights, pairs)),
    )
