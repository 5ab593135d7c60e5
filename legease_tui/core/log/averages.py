"""The one average every figure of the log uses: the diary's stats, the tracker's, the exports."""

from __future__ import annotations

from collections.abc import Iterable


def mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values known (None left out), to one decimal; None when none is known."""
    known = [value for value in values if value is not None]
    return round(sum(known) / len(known), 1) if known else None
