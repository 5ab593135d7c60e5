"""The people most likely to use LegEase, scored: each one's exact outcome (issue 13).

For every person: the causes shown (only those the answers raised, with their scores), the
"talk to a doctor" warnings, the restless-legs lines, the advice shown under each cause and with
every result (each item once), the caveats those items carry, the suggested routine, and the
note and tags `n` leaves in tonight's log (only causes that clearly lead).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from quiz_helpers import NEUTRAL

from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.checks import CheckRepository
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.flow import QuizRun
from legease_tui.core.quiz.report import (
    URGENT_TITLE,
    report_text,
    result_advice,
    rls_lines,
)
from legease_tui.core.quiz.scoring import score_answers
from legease_tui.services import Services

CONTENT = load_content()
ADVICE = CONTENT.advice

CALF_CRAMPS = {"sensation": "knot", "cramp-length": "medium"}
OFTEN = {"how-often": "often", "daytime-tired": "no"}
ALL_FIVE = {
    "sensation": "urge",
    "rls-rest": "yes",
    "rls-moving": "yes",
    "rls-evening": "yes",
    "rls-other": "yes",
}
PREGNANCY_ROUTINE = (
    "In pregnancy: standing and sitting stretches and even breathing, with no lying on your back "
    "and no breath holds."
)
CRAMP_ROUTINE = "For cramps: the calf and hamstring stretches from a bedtime trial."
URGE_ROUTINE = "Moving eases an urge to move: a short stretch, then calm breathing."


@dataclass(frozen=True)
class Person:
    answers: dict[str, str]
    causes: list[tuple[str, int]]
    warnings: tuple[str, ...]
    advice: dict[str, list[str]]
    general: list[str]
    routine: tuple[str, str]
    note: str
    tags: list[str]
    caveats: dict[str, list[str]] = field(default_factory=dict)
    """Advice key -> words that item must carry for this person."""
    rls: list[str] = field(default_factory=list)
    """Keys of the restless-legs texts shown, in order."""


PEOPLE = {
    "pregnant woman with night calf cramps": Person(
        answers={**NEUTRAL, **CALF_CRAMPS, **OFTEN, "pregnant": "yes"},
        causes=[("medical", 3), ("dehydration", 2), ("nutrition", 2), ("exertion", 1)],
        warnings=("frequent", "pregnancy"),
        advice={
            "medical": ["see-doctor"],
            "dehydration": ["sip-water", "evening-drinks", "replace-fluids", "bedtime-stretch"],
            "nutrition": ["varied-diet", "test-not-guess", "magnesium-pregnancy", "vitamin-b12"],
            "exertion": ["move-hourly", "hips-and-calves", "cool-down"],
        },
        general=["cramp-release", "massage", "pain-relief"],
        caveats={
            "magnesium-pregnancy": ["not pregnant, mostly older adults", "midwife"],
            "pain-relief": ["tell them if you are pregnant"],
            "vitamin-b12": ["a doctor can test", "ask before taking any supplement"],
        },
        routine=("calf-hamstring", PREGNANCY_ROUTINE),
        note="21:30 Symptom check: most likely health conditions; 2 warning signs.",
        tags=["symptom-check", "medical"],
    ),
    "older adult on a new diuretic": Person(
        answers={
            **NEUTRAL,
            **OFTEN,
            "sensation": "knot",
            "cramp-length": "short",
            "water": "some",
            "medicine": "diuretic",
        },
        causes=[("medical", 4), ("dehydration", 3), ("nutrition", 2), ("exertion", 1)],
        warnings=("frequent", "new-medicine"),
        advice={
            "medical": ["see-doctor", "medicine-review"],
            "dehydration": ["sip-water", "evening-drinks", "replace-fluids", "bedtime-stretch"],
            "nutrition": ["varied-diet", "test-not-guess", "magnesium", "vitamin-b12"],
            "exertion": ["move-hourly", "hips-and-calves", "cool-down"],
        },
        general=["cramp-release", "massage", "pain-relief"],
        caveats={
            "sip-water": ["If a doctor has told you to limit fluids", "follow that instead"],
            "replace-fluids": ["unless a doctor has told you to limit fluids"],
            "varied-diet": ["blood-pressure medicines", "before eating more potassium"],
            "pain-relief": ["take a diuretic", "kidney or stomach problems"],
            "medicine-review": ["keep taking it"],
        },
        routine=("calf-hamstring", CRAMP_ROUTINE),
        note="21:30 Symptom check: most likely health conditions, then water; 2 warning signs.",
        tags=["symptom-check", "medical", "dehydration"],
    ),
    "numbness and diabetes, sleeps on the stomach": Person(
        answers={
            **NEUTRAL,
            "nerve": "yes",
            "sensation": "tight",
            "position": "stomach",
            "conditions": "metabolic",
        },
        causes=[("medical", 6), ("posture", 4), ("stress", 1), ("exertion", 1), ("nutrition", 1)],
        warnings=("nerve",),
        # no heat at all: a burn on numb skin, or with diabetes, can go unfelt
        advice={
            "medical": ["see-doctor"],
            "posture": ["posture-side", "bedding-support"],
            "stress": ["slow-breathing", "wind-down", "bedtime-stretch"],
            "exertion": ["move-hourly", "hips-and-calves", "cool-down"],
            "nutrition": ["varied-diet", "test-not-guess", "vitamin-b12"],
        },
        general=["cramp-release", "massage", "pain-relief", "magnesium"],
        caveats={"posture-side": ["side or back rather than your stomach"]},
        routine=("quick-reset", "Fits a health condition or medicine."),
        note="21:30 Symptom check: most likely health conditions, then sleep posture; "
        "1 warning sign.",
        tags=["symptom-check", "medical", "posture"],
    ),
    "desk worker, gentle walking only": Person(
        answers={**NEUTRAL, "sensation": "knot", "cramp-length": "short", "sitting": "some"},
        causes=[("exertion", 2), ("dehydration", 1), ("nutrition", 1)],
        warnings=(),
        advice={
            "exertion": ["move-hourly", "hips-and-calves", "cool-down", "bedtime-stretch"],
            "dehydration": ["sip-water", "evening-drinks", "replace-fluids"],
            "nutrition": ["varied-diet", "test-not-guess", "magnesium", "vitamin-b12"],
        },
        general=["cramp-release", "massage", "pain-relief"],
        routine=("calf-hamstring", CRAMP_ROUTINE),
        note="21:30 Symptom check: no clear cause.",
        tags=["symptom-check"],  # weak scores: nothing named
    ),
    "runner after a race": Person(
        answers={
            **NEUTRAL,
            **CALF_CRAMPS,
            "water": "some",
            "fluid-loss": "sweat",
            "exercise": "hard",
        },
        causes=[("dehydration", 5), ("exertion", 4), ("nutrition", 2)],
        warnings=("fluid-loss",),
        advice={
            "dehydration": ["sip-water", "evening-drinks", "replace-fluids", "bedtime-stretch"],
            "exertion": ["move-hourly", "hips-and-calves", "cool-down"],
            "nutrition": ["varied-diet", "test-not-guess", "magnesium", "vitamin-b12"],
        },
        general=["cramp-release", "massage", "pain-relief"],
        caveats={
            "replace-fluids": ["make up the lost fluid", "ask a pharmacist or doctor"],
            "bedtime-stretch": ["adults over 55", "about one fewer cramp a night", "no benefit"],
        },
        routine=("calf-hamstring", CRAMP_ROUTINE),
        note="21:30 Symptom check: most likely water, then sitting and exercise; 1 warning sign.",
        tags=["symptom-check", "dehydration", "exertion"],
    ),
    "anxious student": Person(
        answers={
            **NEUTRAL,
            "sensation": "tight",
            "stress": "very",
            "racing": "yes",
            "drinks": "caffeine",
            "sitting": "many",
            "water": "some",
        },
        causes=[("stress", 7), ("exertion", 4), ("posture", 2), ("dehydration", 2)],
        warnings=(),
        advice={
            "stress": ["slow-breathing", "wind-down", "bedtime-stretch"],
            "exertion": ["move-hourly", "hips-and-calves", "cool-down"],
            "posture": ["posture-side", "bedding-support", "warmth"],
            "dehydration": ["sip-water", "evening-drinks", "replace-fluids"],
        },
        general=["cramp-release", "massage", "pain-relief", "magnesium"],
        caveats={
            "warmth": [
                "Not on numb skin",
                "diabetes or poor circulation",
                "never on a leg that is swollen, red or painful",
                "never fall asleep on a heat pack",
            ],
            "slow-breathing": ["even breathing", "not known to ease leg tension"],
        },
        routine=("breathing", "Fits stress and a busy mind."),
        note="21:30 Symptom check: most likely stress, then sitting and exercise.",
        tags=["symptom-check", "stress", "exertion"],
    ),
    "four of the five restless-legs criteria": Person(
        answers={**NEUTRAL, **ALL_FIVE, "rls-other": "one-of-those"},
        causes=[("medical", 5)],
        warnings=(),
        rls=["partial"],
        advice={"medical": ["see-doctor", "iron-check", "move-for-urge"]},
        general=["cramp-release", "massage", "pain-relief", "magnesium"],
        routine=("quick-reset", URGE_ROUTINE),
        note="21:30 Symptom check: most likely health conditions; some answers like restless legs.",
        tags=["symptom-check", "medical"],
    ),
    "all five restless-legs criteria": Person(
        answers={**NEUTRAL, **ALL_FIVE},
        causes=[("medical", 7)],
        warnings=(),
        rls=["matches", "differs"],
        advice={"medical": ["see-doctor", "iron-check", "move-for-urge"]},
        general=["cramp-release", "massage", "pain-relief", "magnesium"],
        caveats={"iron-check": ["ferritin"]},
        routine=("quick-reset", URGE_ROUTINE),
        note="21:30 Symptom check: most likely health conditions; restless-legs pattern.",
        tags=["symptom-check", "medical"],
    ),
}


@pytest.fixture
def checks(services: Services, clock: FakeClock) -> CheckRepository:
    assert services.store is not None
    return CheckRepository(services.store, clock, CONTENT)


@pytest.mark.parametrize("name", PEOPLE)
def test_each_person_gets_exactly_this_outcome(name: str, checks: CheckRepository) -> None:
    person = PEOPLE[name]
    result = score_answers(CONTENT, person.answers)
    assert not result.urgent
    assert [(item.cause, item.score) for item in result.raised] == person.causes
    assert result.warnings == person.warnings
    assert rls_lines(result, CONTENT) == [CONTENT.rls[key] for key in person.rls]
    advice = result_advice(result, CONTENT)
    assert {cause: [a.key for a in items] for cause, items in advice.by_cause.items()} == (
        person.advice
    )
    assert [a.key for a in advice.general] == person.general
    for key, words in person.caveats.items():
        for word in words:
            assert word in ADVICE[key].text, (key, word)
    assert (result.routine, result.routine_why) == person.routine
    assert checks.note_for(result) == (person.note, person.tags)


@pytest.mark.parametrize("name", PEOPLE)
def test_no_advice_item_is_shown_twice(name: str) -> None:
    advice = result_advice(score_answers(CONTENT, PEOPLE[name].answers), CONTENT)
    keys = [a.key for items in advice.by_cause.values() for a in items]
    keys += [a.key for a in advice.general]
    assert len(keys) == len(set(keys))


def test_one_red_leg_plus_both_legs_swollen_stops_the_check() -> None:
    answers = {**NEUTRAL, "one-leg": "one", "both-swollen": "yes"}
    result = score_answers(CONTENT, answers)
    assert result.urgent
    assert result.ranked == () and result.warnings == () and result.routine == ""
    text = report_text(result, CONTENT, "2026-11-24 22:05")
    lines = text.splitlines()
    assert lines[0] == URGENT_TITLE.upper()
    assert "LegEase cannot examine you. If you are in any doubt, get seen today." in lines
    assert CONTENT.disclaimer not in text and "LIKELY CAUSES" not in text
    run = QuizRun(CONTENT)
    run.answer("one")  # the first question: nothing more is asked, swollen or not
    assert run.finished and run.stopped_urgent and run.result().urgent


def test_the_one_leg_answer_says_both_swollen_legs_do_not_change_it() -> None:
    first = CONTENT.questions[0]
    assert first.text.startswith("Now, or in the last few days,")
    [urgent] = [option for option in first.options if option.urgent]
    assert "even if both legs are swollen" in urgent.label
    assert [option.key for option in first.options] == ["no", "one"]
