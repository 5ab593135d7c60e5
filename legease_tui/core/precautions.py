"""The precautions a person's answers can call for, by fixed names that the symptom check gives
and the routines know: one vocabulary, so neither part needs the other.
"""

from __future__ import annotations

PRECAUTIONS = (
    "pregnant",
    "poor-circulation",
    "heart-failure",
    "breathless-lying-flat",
    "balance-risk",
    "fluid-limit",
    "under-18",
)
"""What a routine may leave out or do another way for (legs up the wall, floor work, lying
flat); the check's content maps answers to them and cannot add to them."""
