""" "Will it help me enough?": a second answer beside the exact test, after the smallest change
worth the trouble the person chose before the start.

Model: each complete pair gives one difference (mean outcome of its arm-0 block minus that of
its arm-1 block, over counted nights). The differences are taken as normal with unknown mean and
variance under the usual reference prior, so the mean difference's posterior is Student's t with
n - 1 degrees of freedom, centred on the mean of the differences, with scale sd / sqrt(n) (sd:
the sample standard deviation). Everything here can be recomputed from the report's JSON (its
pair differences and the smallest worthwhile change). Student's t comes from `core/student_t.py`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from legease_tui.core.student_t import t_cdf
from legease_tui.core.trial.design import LOWER

LEAST_PAIRS = 3
MODEL = (
    "Model: each complete pair gives one difference (the mean outcome of its routine block minus "
    "that of its other block, over counted nights); the differences are taken as normal with "
    "unknown mean and spread (the usual reference prior), so the mean difference follows "
    "Student's t with n - 1 degrees of freedom, centred on the mean difference, with scale "
    "sd / √n. It assumes the pairs are alike and independent; the exact test assumes less."
)


@dataclass(frozen=True)
class Enough:
    """The three probabilities, and the t distribution they come from."""

    better: float
    """That the first arm improves the outcome by at least the worthwhile change."""
    between: float
    """That the difference is smaller than the worthwhile change, either way."""
    worse: float
    """That it makes the outcome worse by at least the worthwhile change."""
    pairs: int
    centre: float
    scale: float

    @property
    def degrees_of_freedom(self) -> int:
        return self.pairs - 1


def why_no_answer(differences: Sequence[float], worthwhile: float | None) -> str | None:
    """Why there is no answer (None: there is one)."""
    if worthwhile is None:
        return (
            "no smallest worthwhile change was chosen before this trial started (plans from "
            "before LegEase asked for one), so this question has no answer here"
        )
    if len(differences) < LEAST_PAIRS:
        return (
            f"it needs at least {LEAST_PAIRS} pairs with an outcome in both blocks "
            f"(there {'is' if len(differences) == 1 else 'are'} {len(differences)})"
        )
    if max(differences) - min(differences) < 1e-12:
        return (
            "every pair gave the same difference, so how much pairs vary cannot be estimated "
            "and this model gives no answer (the exact test still does)"
        )
    return None


def how_likely(differences: Sequence[float], worthwhile: float, better: str) -> Enough:
    """The three probabilities for the complete pairs' `differences` (see the module's model);
    call only when `why_no_answer` says there is an answer."""
    count = len(differences)
    centre = sum(differences) / count
    spread = math.sqrt(sum((d - centre) ** 2 for d in differences) / (count - 1))
    scale = spread / math.sqrt(count)
    below = t_cdf((-worthwhile - centre) / scale, count - 1)  # difference <= -worthwhile
    above = 1.0 - t_cdf((worthwhile - centre) / scale, count - 1)  # difference >= worthwhile
    improved, worsened = (below, above) if better == LOWER else (above, below)
    between = max(0.0, 1.0 - improved - worsened)
    return Enough(improved, between, worsened, count, centre, scale)
