"""Safety words the screens show: content, kept here as data rather than in screen code.

Plain text only (no markup): each screen chooses how to emphasise a heading. The quiz's own
health content lives in `core/quiz/content.toml`.
"""

from __future__ import annotations

HOME_NOTE = (
    "Stretch gently, never into pain. LegEase does not replace a clinician — "
    "press ? for warning signs."
)
"""Home's last line."""

IN_PAIN_ADVICE = (
    "Rest is fine tonight; never stretch into pain. Pain with swelling, warmth or redness in one "
    "leg needs medical advice today (NHS). Press ? for warning signs."
)
"""Shown when tonight's reminder is skipped because of pain."""


STRETCH_SAFELY_TITLE = "Stretch safely"
STRETCH_SAFELY = (
    "Move slowly into each stretch and hold where you feel a gentle pull — never into pain.",
    "Breathe normally while you hold; do not hold your breath.",
    "In breathing exercises, if you feel light-headed, stop and breathe normally.",
)
# (the heading a screen emphasises, the rest of the sentence)
SEE_A_DOCTOR = (
    "See a doctor",
    " if cramps last more than 10 minutes, come with numbness, weakness or swelling, started "
    "after a new medicine, follow heavy fluid loss, happen in pregnancy, or break your sleep "
    "several nights a week or so that you are tired by day.",
)
URGENT_SAME_DAY = (
    "Get urgent advice the same day",
    " if one leg is painful, swollen, warm, red or darkened — it may be a blood clot. With "
    "breathlessness or chest pain, call emergency services now.",
)
NOT_A_CLINICIAN = "LegEase is a self-care companion; it does not replace a clinician."
