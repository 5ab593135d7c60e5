"""Safety words the screens show: content, kept here as data rather than in screen code.

Plain text only (no markup): each screen chooses how to emphasise a heading. The quiz's own
health content lives in `core/quiz/content.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass

HOME_NOTE = (
    "Stretch gently, never into pain. LegEase does not replace a clinician — "
    "press {help} for warning signs."
)
"""Home's last line (`{help}`: Home names the key in force)."""

IN_PAIN_ADVICE = (
    "Rest is fine tonight; never stretch into pain. Pain with swelling, warmth or redness in one "
    "leg needs medical advice today (NHS). Press ? for warning signs."
)
"""Shown when tonight's reminder is skipped because of pain."""


CLINICIAN_FIRST_TONIGHT = (
    "Your symptom check tonight showed a sign to see a clinician about first; stretching is not "
    "a treatment for it."
)
"""Home, above tonight's routine, after a check tonight showed an emergency, same-day or urgent
sign (the check itself offers no routine then)."""

STRETCH_SAFELY_TITLE = "Stretch safely"
STRETCH_SAFELY = (
    "Move slowly into each stretch and hold where you feel a gentle pull — never into pain.",
    "Breathe normally while you hold; do not hold your breath.",
    "In breathing exercises, if you feel light-headed, stop and breathe normally.",
)


@dataclass(frozen=True)
class SignList:
    """Every warning sign of one urgency level in a few words, keyed by the symptom check's
    sign keys (a test keeps the two the same)."""

    title: str
    """The heading a screen emphasises: "Call 999, 112 or 911, or go to A&E now"."""
    lead: str
    """The rest of the heading: ", for:"."""
    signs: dict[str, str]


# Help lists the emergency and same-day signs first, so they show without scrolling at 80x24.
EMERGENCY_SIGNS = SignList(
    "Call 999, 112 or 911, or go to A&E now",
    ", for:",
    {
        "cauda-equina": "back pain with numbness between the legs or new bladder or bowel trouble",
        "weak-leg": "a leg that suddenly went weak, or is getting weaker",
        "stroke": "a drooping face, a weak arm or slurred speech (a stroke)",
        "cold-leg": "a leg or foot suddenly cold, pale or blue, numb or unable to move",
        "clot-breathless": "a painful or swollen leg with breathlessness or chest pain",
        "sepsis": "a red, hot leg with confusion, mottled skin, fast breathing or no urine",
        "heart-emergency": "swollen legs with great breathlessness or chest pain",
    },
)
SAME_DAY_SIGNS = SignList(
    "Get medical advice today",
    " (GP, NHS 111 or urgent care), for:",
    {
        "clot": "one leg painful, swollen, warm, red or darker: a blood clot or infection",
        "cellulitis": "a red, hot leg with a fever, or after a cut, bite or graze",
        "muscle-breakdown": "aching or weak muscles with dark urine, a fever or feeling unwell",
        "heart-failure": "swollen legs with more breathlessness, worse lying flat, or weight gain",
        "rest-pain": "foot pain at rest or at night that eases when the leg hangs down",
        "foot-sore": "a sore on a foot or leg that will not heal",
    },
)
URGENT_APPOINTMENT_SIGNS = SignList(
    "Ask for an urgent appointment",
    " for:",
    {
        "long-cramp": "a cramp that lasts more than 10 minutes",
        "tetanus": "cramps or stiffness after a cut or wound, or with a stiff jaw",
    },
)
SEE_A_GP_SIGNS = SignList(
    "See a GP",
    " for:",
    {
        "swelling": "swelling in both legs",
        "nerve": "numbness or weakness that came on slowly, or a thinner muscle",
        "claudication": "leg pain on walking that eases within minutes of standing still",
        "child-signs": "in a child, pain in one leg, a limp, or pain still there in the morning",
        "new-medicine": "leg trouble that began with a new medicine",
        "frequent": "trouble several nights a week",
        "recurring": "cramps that come back despite stretching",
        "fluid-loss": "heavy fluid loss",
        "pregnancy": "cramps in pregnancy",
        "daytime-tired": "broken nights that leave you tired by day",
    },
)
NOT_A_CLINICIAN = "LegEase is a self-care companion; it does not replace a clinician."
