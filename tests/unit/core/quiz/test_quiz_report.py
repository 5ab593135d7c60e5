"""The result's words (issue 13): caveats that travel with the advice, honest source labels,
advice that changes with an answer, only raised causes, and names only for clear leaders."""

from __future__ import annotations

import pytest
from support.quiz_helpers import NEUTRAL, with_answers

from legease_tui.core import safety
from legease_tui.core.quiz.checks import likely_causes
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Advice, Answer, Evidence, Level, Sign
from legease_tui.core.quiz.report import (
    UNNAMED_SOURCE,
    report_text,
    result_advice,
    source_label,
)
from legease_tui.core.quiz.scoring import CLEAR, CheckResult, score_answers

CONTENT = load_content()
ADVICE = CONTENT.advice


def score(answers: dict[str, Answer]) -> CheckResult:
    return score_answers(CONTENT, answers)


def shown_keys(result: CheckResult) -> list[str]:
    advice = result_advice(result, CONTENT)
    keys = [a.key for a in advice.about_you]
    keys += [a.key for items in advice.by_cause.values() for a in items]
    return keys + [a.key for a in advice.general]


@pytest.mark.parametrize(
    ("key", "words"),
    [
        (
            "warmth",
            [
                "Not on numb skin",
                "diabetes or poor circulation",
                "never on a leg that is swollen, red or painful",
                "never fall asleep on a heat pack",
            ],
        ),
        ("sip-water", ["If a doctor has told you to limit fluids", "heart or kidney"]),
        ("replace-fluids", ["unless a doctor has told you to limit fluids"]),
        ("varied-diet", ["kidney disease", "blood-pressure medicines", "potassium"]),
        (
            "pain-relief",
            [
                "pregnant",
                "heart failure",
                "asthma",
                "diuretic",
                "blood thinner",
                "kidney or stomach problems",
                "pharmacist",
            ],
        ),
        ("magnesium", ["in older adults", "With kidney disease", "only if your doctor agrees"]),
        ("fluid-evidence", ["often blamed", "evidence is weak", "tired muscles and nerves"]),
        (
            "see-doctor",
            ["nerve or spine", "poor circulation", "liver, kidney, thyroid or blood-sugar"],
        ),
        ("iron-check", ["Don't start iron without a blood test", "ferritin and transferrin"]),
        ("rls-self-help", ["no caffeine after midday", "no alcohol close to bedtime", "smoking"]),
        ("rls-medicines", ["antihistamines", "anti-sickness", "antidepressants", "pharmacist"]),
        ("rls-pregnancy", ["go within weeks of the birth"]),
        ("quinine", ["not a routine treatment", "after 4 weeks", "ringing in the ears"]),
        ("alcohol-most-days", ["nerves in the feet", "B vitamins", "don't stop suddenly"]),
        ("veins", ["raise your legs", "compression stockings", "bleeding vein"]),
        (
            "fluid-limit",
            ["Keep to the fluid limit your team gave you", "tell them about the cramps"],
        ),
        ("dialysis-cramps", ["renal team"]),
        ("posture-pregnancy", ["from 28 weeks go to sleep on your side, not your back"]),
        ("magnesium-pregnancy", ["not pregnant, mostly older adults", "unclear", "midwife"]),
        ("massage", ["massage the cramping muscle"]),
        ("vitamin-b12", ["evidence is thin", "a doctor can test"]),
    ],
)
def test_caveats_travel_with_the_advice(key: str, words: list[str]) -> None:
    for word in words:
        assert word in ADVICE[key].text


@pytest.mark.parametrize(
    ("key", "source", "evidence"),
    [
        ("replace-fluids", UNNAMED_SOURCE, Evidence.COMMON),  # NHS says nothing on rehydration
        (
            "see-doctor",
            "AAFP 2012 (Am Fam Physician 86(4)); NICE CKS (leg cramps)",
            Evidence.REVIEW,
        ),
        ("fluid-evidence", "AAFP 2012 (Am Fam Physician 86(4))", Evidence.REVIEW),
        ("move-for-urge", "NHS (restless legs syndrome)", Evidence.PATIENT_INFO),
        ("quinine", "MHRA Drug Safety Update (2010, 2014, 2017)", Evidence.GUIDELINE),
        ("magnesium", "Cochrane review 2020 (CD009402)", Evidence.REVIEW),
        ("iron-check", "AASM restless legs guideline 2024", Evidence.GUIDELINE),
        ("pain-relief", "NHS (leg cramps; ibuprofen)", Evidence.PATIENT_INFO),
        ("massage", "NHS (leg cramps)", Evidence.PATIENT_INFO),
    ],
)
def test_sources_say_what_stands_behind_a_line(key: str, source: str, evidence: Evidence) -> None:
    assert (ADVICE[key].source, ADVICE[key].evidence) == (source, evidence)


def test_no_line_leans_on_a_source_it_does_not_match() -> None:
    assert "Balban" not in ADVICE["slow-breathing"].source  # 5 min a day, mood, healthy adults
    assert "long out-breath" not in ADVICE["slow-breathing"].text  # the routine breathes evenly
    assert "expert advice" not in {e.value for e in Evidence}
    assert "IRLSSG" not in ADVICE["move-for-urge"].source  # a definition, not advice
    items: list[Advice | Sign | Level] = [*ADVICE.values(), *CONTENT.signs.values()]
    for advice in [*items, *CONTENT.levels.values()]:
        if advice.source == UNNAMED_SOURCE:  # names no sources: it can only be common advice
            assert advice.evidence is Evidence.COMMON, advice.key
        if advice.source.startswith("NHS"):  # patient pages, not a guideline
            assert advice.evidence is Evidence.PATIENT_INFO, advice.key


def test_the_shown_label_leaves_out_the_starting_document() -> None:
    assert source_label(ADVICE["sip-water"]) == "common advice, little evidence"
    assert source_label(ADVICE["massage"]) == "NHS (leg cramps) · patient information"
    assert source_label(ADVICE["warmth"]) == (
        "AAOS (reported by secondary sources) · common advice, little evidence"
    )
    text = report_text(score(with_answers(water="little")), CONTENT, "now")
    assert UNNAMED_SOURCE not in text and "expert advice" not in text


@pytest.mark.parametrize(
    "changes",
    [
        {"nerve": "yes"},
        {"both-swollen": "yes", "swollen-with": "none"},
        {"conditions": ("metabolic",)},
        {"circulation": "walking"},
        {"veins": "yes"},  # NHS self-care for veins has no warm baths
    ],
)
def test_no_heat_where_a_burn_or_a_clot_could_go_unnoticed(changes: dict[str, Answer]) -> None:
    plain = score(with_answers(position="stomach", bedding="yes"))
    assert "warmth" in shown_keys(plain)
    assert "warmth" not in shown_keys(score({**plain.answers, **changes}))


@pytest.mark.parametrize("pregnant", ["yes", "maybe"])
def test_in_pregnancy_side_sleeping_and_the_magnesium_finding_change(pregnant: str) -> None:
    result = score(with_answers(position="stomach", diet="skipping", pregnant=pregnant))
    keys = shown_keys(result)
    assert "posture-pregnancy" in keys and "posture-side" not in keys
    assert "magnesium-pregnancy" in keys and "magnesium" not in keys
    assert result.routine == "calf-hamstring"  # no lying on the back, no breath holds


RLS_ADVICE = {"iron-check", "move-for-urge", "rls-self-help", "rls-medicines"}
CRAMP_ONLY = {"cramp-release", "massage", "pain-relief", "magnesium", "bedtime-stretch"}


def test_restless_legs_advice_only_for_an_urge_to_move() -> None:
    tight = score(with_answers(sensation="tight", conditions="nerve", stress="very"))
    assert not (RLS_ADVICE | {"medicine-review"}) & set(shown_keys(tight))
    urge = score(with_answers(sensation="urge", conditions="nerve", medicine="statin"))
    assert RLS_ADVICE | {"medicine-review"} <= set(shown_keys(urge))
    assert "rls-pregnancy" not in shown_keys(urge)


def test_with_an_urge_and_no_cramp_the_cramp_only_lines_are_left_out() -> None:
    urge = score(with_answers(sensation="urge", stress="very", water="little", diet="skipping"))
    assert not CRAMP_ONLY & set(shown_keys(urge))
    knot = score(with_answers(sensation="knot", stress="very", water="little", diet="skipping"))
    assert set(shown_keys(knot)) >= CRAMP_ONLY


def test_no_medicine_line_contradicts_the_statin_leaflet() -> None:
    """Issue 21: "keep taking it" and "don't stop it on your own" were said unconditionally."""
    texts = [*(a.text for a in ADVICE.values()), *(s.text for s in CONTENT.signs.values())]
    assert not [text for text in texts if "keep taking" in text.lower()]
    for text in (ADVICE["medicine-review"].text, CONTENT.signs["new-medicine"].text):
        assert "don't stop it on your own" not in text.lower()
    review = ADVICE["medicine-review"].text
    assert "unless its leaflet tells you to" in review
    assert "statin" in review and "stop it and get advice straight away" in review
    assert "stop it and get advice straight away" in CONTENT.signs["muscle-breakdown"].text


def test_magnesium_is_shown_once_when_diet_ranks() -> None:
    keys = shown_keys(score(with_answers(diet="skipping")))
    assert keys.count("magnesium") == 1
    assert keys.index("magnesium") < keys.index("cramp-release")  # under diet, not repeated


def test_with_nothing_raised_no_cause_is_listed_and_the_default_routine_says_why() -> None:
    result = score(NEUTRAL)
    assert result.raised == ()
    text = report_text(result, CONTENT, "now")
    assert "Nothing in your answers points to one cause." in text
    assert "score 0" not in text and "None of your answers pointed here" not in text
    assert result.routine == "calf-hamstring"
    assert result.routine_why.startswith("Nothing in your answers points to one cause")
    assert "Fits" not in result.routine_why


def test_only_raised_causes_are_listed() -> None:
    text = report_text(score(with_answers(water="little")), CONTENT, "now")
    assert "1. Too little fluid (score 3)" in text
    assert "2. " not in text


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"sensation": "knot", "sitting": "some"}, []),  # one weak hint
        ({"water": "some", "sitting": "some", "stress": "some"}, []),  # three causes tie at 1
        ({"water": "little"}, ["water"]),  # one strong answer
        ({"water": "little", "stress": "very", "diet": "skipping"}, []),  # three-way tie at 3
        ({"water": "little", "drinks": "alcohol", "stress": "very", "diet": "skipping"}, ["water"]),
        ({"water": "little", "stress": "very", "racing": "yes"}, ["stress", "water"]),
    ],
)
def test_the_note_names_only_causes_that_clearly_lead(
    changes: dict[str, Answer], named: list[str]
) -> None:
    result = score({**NEUTRAL, **changes})
    assert likely_causes(result, CONTENT) == named
    assert all(item.score >= CLEAR for item in result.leading())


def test_a_stopped_check_starts_with_its_levels_and_says_legease_cannot_examine_you() -> None:
    result = score(with_answers(one_leg="one", one_leg_with="none"))
    text = report_text(result, CONTENT, "2026-11-24 22:05", routine_name="Calf & hamstring")
    first, *rest = text.splitlines()
    assert first == "GET MEDICAL ADVICE TODAY"
    assert CONTENT.stop_note in rest and "No routine tonight. " + CONTENT.no_routine in rest
    assert "Not medical advice" not in text and "Calf & hamstring" not in text
    assert rest.index(CONTENT.stop_note) > rest.index(next(r for r in rest if "! " in r))


def test_every_level_line_and_sign_names_its_source_in_the_report() -> None:
    result = score(with_answers(long_cramp="yes", nerve="yes"))
    text = report_text(result, CONTENT, "now")
    for key in ("urgent", "gp"):
        level = CONTENT.levels[key]
        assert f"{level.says} ({source_label(level)})" in text
    for key in ("long-cramp", "nerve"):
        sign = CONTENT.signs[key]
        assert f"! {sign.text} ({source_label(sign)})" in text
    assert text.index("ASK FOR AN URGENT APPOINTMENT") < text.index("SEE YOUR GP")
    assert text.index("No routine tonight") < text.index("LIKELY CAUSES")


@pytest.mark.parametrize(
    ("signs", "level"),
    [
        (safety.EMERGENCY_SIGNS, "emergency"),
        (safety.SAME_DAY_SIGNS, "today"),
        (safety.URGENT_APPOINTMENT_SIGNS, "urgent"),
        (safety.SEE_A_GP_SIGNS, "gp"),
    ],
)
def test_the_help_screen_lists_every_sign_of_the_check_at_its_level(
    signs: safety.SignList, level: str
) -> None:
    assert list(signs.signs) == [sign.key for sign in CONTENT.signs_at(level)]
