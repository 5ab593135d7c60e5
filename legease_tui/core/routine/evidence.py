"""What stands behind a routine's step: its source and the strength of the evidence, in words.

The words match the symptom check's evidence levels, so a reader weighs a stretch's source as
they weigh an advice line's.
"""

from __future__ import annotations

from enum import StrEnum


class Evidence(StrEnum):
    """How well a step is supported, in words a reader can weigh."""

    TRIAL = "trial"
    """A randomised trial (Hallegraeff 2012 for bedtime calf and hamstring stretching)."""
    COMMON = "common advice, little evidence"
    """Widely taught (AAOS stretching advice, relaxation breathing) or named in the starting
    document, with no study of it for night-time legs."""


def source_label(source: str, evidence: Evidence | None) -> str:
    """ "Hallegraeff et al., J Physiother 2012 · trial"; the source alone when its evidence is
    unknown (a custom routine's own words)."""
    return f"{source} · {evidence.value}" if evidence is not None else source
