"""The 95% interval for a difference of two means by Welch's t method (unequal variances),
for "what helps". Plain Python: the t quantile comes from `core/student_t.py`, so no SciPy is
needed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from legease_tui.core.student_t import t_quantile

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
