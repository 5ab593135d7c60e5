"""The 95% interval for a difference of two means by Welch's t method (unequal variances),
for "what helps". Plain Python: the t quantile comes from the regularized incomplete beta
function (Numerical Recipes' continued fraction) and bisection, so no SciPy is needed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

METHOD = "Welch t interval (unequal variances)"
LEVEL = 0.95


@dataclass(frozen=True)
class Difference:
    """Mean with a factor minus mean without it, with its 95% interval."""

    estimate: float
    low: float
    high: float

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def _beta_fraction(a: float, b: float, x: float) -> float:
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for aa in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 3e-14:
            break
    return h


def _incomplete_beta(a: float, b: float, x: float) -> float:
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with `df` (not necessarily whole) degrees of freedom."""
    tail = 0.5 * _incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t with P(T <= t) = p (0.5 < p < 1), by bisection on `t_cdf`."""
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(100):
        middle = (low + high) / 2.0
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2.0


def welch_difference(with_it: Sequence[float], without: Sequence[float]) -> Difference | None:
    """mean(with_it) - mean(without) and its 95% Welch interval; None with fewer than two
    values on a side (no spread can be estimated). With no spread on either side the
    interval is the difference itself."""
    n1, n2 = len(with_it), len(without)
    if n1 < 2 or n2 < 2:
        return None
    m1, m2 = sum(with_it) / n1, sum(without) / n2
    v1 = sum((x - m1) ** 2 for x in with_it) / (n1 - 1)
    v2 = sum((x - m2) ** 2 for x in without) / (n2 - 1)
    estimate = m1 - m2
    a, b = v1 / n1, v2 / n2
    if a + b == 0:
        return Difference(estimate, estimate, estimate)
    df = (a + b) ** 2 / (a * a / (n1 - 1) + b * b / (n2 - 1))
    half = t_quantile(1 - (1 - LEVEL) / 2, df) * math.sqrt(a + b)
    return Difference(estimate, estimate - half, estimate + half)
