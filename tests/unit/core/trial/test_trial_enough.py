""" "Will it help me enough?" (issue 24): the pure-Python t distribution agrees with
scipy.stats.t, the three probabilities follow the stated model and can be recomputed from the
JSON, and every case without an answer says why."""

from __future__ import annotations

import math
import random

import pytest
from scipy import stats

from legease_tui.core.student_t import t_cdf
from legease_tui.core.trial.design import HIGHER, LOWER
from legease_tui.core.trial.enough import how_likely, why_no_answer


def test_the_t_distribution_agrees_with_scipy() -> None:
    rng = random.Random(24)
    for _ in range(3000):
        df = rng.randint(1, 40)
        value = rng.uniform(-30, 30) * rng.random() ** 3
        assert t_cdf(value, df) == pytest.approx(stats.t.cdf(value, df), abs=1e-6)
    assert t_cdf(math.inf, 3) == 1.0 and t_cdf(-math.inf, 3) == 0.0


def test_the_three_probabilities_agree_with_scipy_on_random_pair_sets() -> None:
    rng = random.Random(25)
    for _ in range(300):
        pairs = rng.randint(3, 10)
        differences = [rng.gauss(rng.uniform(-2, 2), rng.uniform(0.1, 2)) for _ in range(pairs)]
        worthwhile = rng.uniform(0.05, 2)
        better = rng.choice([LOWER, HIGHER])
        enough = how_likely(differences, worthwhile, better)
        mean = sum(differences) / pairs
        posterior = stats.t(pairs - 1, loc=mean, scale=stats.tstd(differences) / math.sqrt(pairs))
        below, above = posterior.cdf(-worthwhile), posterior.sf(worthwhile)
        improved, worsened = (below, above) if better == LOWER else (above, below)
        assert enough.better == pytest.approx(improved, abs=1e-6)
        assert enough.worse == pytest.approx(worsened, abs=1e-6)
        assert enough.between == pytest.approx(1 - improved - worsened, abs=1e-6)
        assert (enough.centre, enough.degrees_of_freedom) == (pytest.approx(mean), pairs - 1)


def test_no_answer_says_why() -> None:
    assert "no smallest worthwhile change was chosen" in str(why_no_answer([1, 2, 3], None))
    assert "at least 3 pairs" in str(why_no_answer([-1.0, -2.0], 0.5))
    assert "every pair gave the same difference" in str(why_no_answer([-1.5] * 4, 0.5))
    assert why_no_answer([-1.0, -2.0, -0.5], 0.5) is None
