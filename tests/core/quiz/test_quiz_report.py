"""The result's words (issue 13): caveats that travel with the advice, honest source labels,
advice that changes with an answer, only raised causes, and names only for clear leaders."""

from __future__ import annotations

import pytest
from quiz_helpers import NEUTRAL, with_answers

from legease_tui.core.quiz.checks import likely_causes
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Evidence
from legease_tui.core.quiz.report import (
    UNNAMED_SOURCE,
    report_text,
    result_advice,
    source_label,
)
from legease_tui.core.quiz.scoring import CLEAR, CheckResult, score_answers
from legease_tui.core.safety import SEE_A_DOCTOR

CONTENT = load_content()
ADVICE = CONTENT.advice


def score(answers: dict[str, str]) -> CheckResult:
    return score_answers(CONTENT, answers)


def shown_keys(result: CheckResult) -> list[str]:
    advice = result_advice(result, CONTENT)
    keys = [a.key for items in advice.by_cause.values() for a in items]
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
        ("pain-relief", ["pregnant", "diuretic", "kidney or stomach problems", "pharmacist"]),
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
        ("see-doctor", "AAFP 2012 (Am Fam Physician 86(4))", Evidence.REVIEW),
        ("magnesium", "Cochrane review 2020 (CD009402)", Evidence.REVIEW),
        ("iron-check", "AASM restless legs guideline 2024", Evidence.GUIDELINE),
        ("pain-relief", "NHS (leg cramps)", Evidence.PATIENT_INFO),
        ("massage", "NHS (leg cramps)", Evidence.PATIENT_INFO),
    ],
)
def test_sources_say_what_stands_behind_a_line(key: str, source: str, evidence: Evidence) -> None:
    assert (ADVICE[key].source, ADVICE[key].evidence) == (source, evidence)


def test_no_line_leans_on_a_source_it_does_not_match() -> None:
    assert "Balban" not in ADVICE["slow-breathing"].source  # 5 min a day, mood, healthy adults
    assert "long out-breath" not in ADVICE["slow-breathing"].text  # the routine breathes evenly
    assert "expert advice" not in {e.value for e in Evidence}
    for advice in ADVICE.values():
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
        {"both-swollen": "yes"},
        {"conditions": "metabolic"},
    ],
)
def test_no_heat_where_a_burn_or_a_clot_could_go_unnoticed(changes: dict[str, str]) -> None:
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


def test_restless_legs_advice_only_for_an_urge_to_move() -> None:
    tight = score(with_answers(sensation="tight", conditions="nerve"))
    assert not {"iron-check", "move-for-urge", "medicine-review"} & set(shown_keys(tight))
    urge = score(with_answers(sensation="urge", conditions="nerve", medicine="statin"))
    assert {"iron-check", "move-for-urge", "medicine-review"} <= set(shown_keys(urge))


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
        ({"sensation": "knot", "cramp-length": "short"}, []),  # three causes tie at 1
        ({"sensation": "knot", "cramp-length": "short", "sitting": "some"}, []),  # 2 vs 1
        ({"water": "little"}, ["water"]),  # one strong answer
        ({"water": "little", "stress": "very", "diet": "skipping"}, []),  # three-way tie at 3
        ({"water": "little", "drinks": "alcohol", "stress": "very", "diet": "skipping"}, ["water"]),
        ({"water": "little", "stress": "very", "racing": "yes"}, ["stress", "water"]),
    ],
)
def test_the_note_names_only_causes_that_clearly_lead(
    changes: dict[str, str], named: list[str]
) -> None:
    result = score({**NEUTRAL, **changes})
    assert likely_causes(result, CONTENT) == named
    assert all(item.score >= CLEAR for item in result.leading())


def test_urgent_text_starts_with_the_heading_and_says_legease_cannot_examine_you() -> None:
    text = report_text(score(with_answers(one_leg="one")), CONTENT, "2026-11-24 22:05")
    first, *rest = text.splitlines()
    assert first.startswith("GET MEDICAL ADVICE TODAY")
    assert CONTENT.urgent_note in rest
    assert "Not medical advice" not in text
    assert rest.index(CONTENT.urgent_note) > rest.index(f"  ! {CONTENT.urgent[-1]}")


def test_the_help_screen_names_the_same_see_a_doctor_signs_as_the_check() -> None:
    words = "".join(SEE_A_DOCTOR)
    assert (
        "several nights a week" in words and "several nights a week" in CONTENT.warnings["frequent"]
    )
    for sign in ("more than 10 minutes", "numbness", "new medicine", "pregnancy"):
        assert sign in words
