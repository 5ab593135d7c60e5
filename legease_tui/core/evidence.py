"""What stands behind a line LegEase shows: the strength of the evidence, in words a reader can
weigh. One scale for the symptom check's advice and warning signs and for a routine's steps, so a
stretch's source reads as an advice line's does.
"""

from __future__ import annotations

from enum import StrEnum


class Evidence(StrEnum):
    """How well a line is supported, in words a reader can weigh."""

    GUIDELINE = "guideline"
    """A named clinical guideline (AASM 2024, NICE)."""
    REVIEW = "review"
    """A systematic or clinical review (Cochrane 2020, AAFP 2012)."""
    TRIAL = "trial"
    """A randomised trial (Hallegraeff 2012 for bedtime calf and hamstring stretching)."""
    PATIENT_INFO = "patient information"
    """Pages written for patients (NHS, MHRA, Merck, Mayo Clinic): not a guideline."""
    COMMON = "common advice, little evidence"
    """Widely taught (AAOS stretching advice, relaxation breathing) or named in the starting
    document, with no study behind it for night-time legs."""


def source_label(source: str, evidence: Evidence | None) -> str:
    """ "Hallegraeff et al., J Physiother 2012 · trial"; the source alone when its evidence is
    unknown (a custom routine's own words)."""
    return f"{source} · {evidence.value}" if evidence is not None else source
