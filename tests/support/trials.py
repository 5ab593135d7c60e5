"""Trials started for a test: a default plan whose first night is the arm the test needs."""

from __future__ import annotations

from legease_tui.core.trial.design import TrialDesign
from legease_tui.services import Services


def start_trial(services: Services, *, routine_tonight: bool) -> None:
    """Start a default trial whose first night (tonight) is a routine or a no-routine night."""
    assert services.trial is not None
    start = services.clock.now().date()
    for seed in range(100):
        design = TrialDesign(start=start, seed=seed)
        if (design.nights()[0].arm == 0) == routine_tonight:
            services.trial.start(design)
            return
    raise AssertionError("no seed gives that first night")
