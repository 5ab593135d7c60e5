"""The people most likely to use LegEase, scored: each one's exact outcome (issues 13 and 21).

Each person answers the check as a person would (through `QuizRun`, so an emergency answer ends
it at once and a same-day answer after the safety questions). For every person: the urgency
levels and warning signs, shown first; the causes shown (only those the answers raised, with their
scores); the restless-legs lines; what the answers about the person bring ("About you"); the
advice shown under each cause and with every result (each item once), and the caveats they
carry; lines that must and must not be shown; the suggested routine, or none; the precautions
the routines will use; and the note and tags `n` leaves in tonight's log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from support.quiz_helpers import NEUTRAL, answer_all

from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.checks import CheckRepository
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.flow import QuizRun
from legease_tui.core.quiz.model import Answer
from legease_tui.core.quiz.precautions import precautions
from legease_tui.core.quiz.report import report_text, result_advice, rls_lines
from legease_tui.services import Services

CONTENT = load_content()
ADVICE = CONTENT.advice

CRAMP = {"sensation": "knot"}
OFTEN = {"how-often": "often", "daytime-tired": "no"}
ALL_FIVE = {
    "sensation": "urge",
    "rls-rest": "yes",
    "rls-moving": "yes",
    "rls-evening": "yes",
    "rls-other": "yes",
}
CRAMP_ROUTINE = (
    "calf-hamstring",
    "For cramps: the calf and hamstring stretches from a bedtime trial.",
)
URGE_ROUTINE = (
    "quick-reset",
    "Moving eases an urge to move: a short stretch, then calm breathing.",
)
PREGNANCY_ROUTINE = (
    "calf-hamstring",
    "In pregnancy: stretches at a wall and on a firm chair, and even breathing, with no lying on "
    "your back and no breath holds.",
)
SUPPORTED_ROUTINE = (
    "calf-hamstring",
    "With support and no floor work: the calf stretch holding a wall, the hamstring on a firm "
    "chair, and breathing sitting up.",
)
HEART_FAILURE_ROUTINE = (
    "calf-hamstring",
    "With heart failure: supported stretches and breathing sitting up, with no lying flat and no "
    "legs up the wall.",
)
UNDER_18_ROUTINE = (
    "calf-hamstring",
    "Gentle calf and hamstring stretches, holding a wall or a firm chair, and even breathing.",
)
CIRCULATION_ROUTINE = (
    "calf-hamstring",
    "With poor circulation in the legs: no legs up the wall, which can make the pain worse; the "
    "calf and hamstring stretches instead.",
)
ALL_GENERAL = ["cramp-release", "massage", "pain-relief", "magnesium"]
CRAMP_ONLY = ["cramp-release", "massage", "pain-relief", "magnesium", "bedtime-stretch"]
RLS_ADVICE = ["see-doctor", "iron-check", "move-for-urge", "rls-self-help", "rls-medicines"]
DIET = ["varied-diet", "test-not-guess", "magnesium", "vitamin-b12"]
FLUID = ["fluid-evidence", "sip-water", "evening-drinks", "replace-fluids", "bedtime-stretch"]
SITTING = ["move-hourly", "hips-and-calves", "cool-down", "bedtime-stretch"]
NO_ROUTINE = "See a clinician first; stretching is not a treatment for this."
STOPPED_HIDES = ["LIKELY CAUSES", "ALSO WORTH KNOWING", "SUGGESTED ROUTINE", "ABOUT YOU"]


def stop_note(level: str) -> str:
    return f"21:30 Symptom check: {CONTENT.levels[level].short}. {NO_ROUTINE}"


@dataclass(frozen=True)
class Person:
    answers: dict[str, Answer]
    note: str
    routine: tuple[str, str] | None
    """(key, why), or None: "see a clinician first"."""
    levels: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()
    asked: int | None = None
    """How many questions the check asks before it ends (for a check a sign stops)."""
    causes: list[tuple[str, int]] = field(default_factory=list)
    about_you: list[str] = field(default_factory=list)
    advice: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=lambda: ["symptom-check"])
    rls: list[str] = field(default_factory=list)
    """Keys of the restless-legs texts shown, in order."""
    caveats: dict[str, list[str]] = field(default_factory=dict)
    """Advice or sign key -> words it must carry for this person."""
    shown: list[str] = field(default_factory=list)
    """Words the printed result must hold."""
    hidden: list[str] = field(default_factory=list)
    """Advice keys, or words, the result must not show."""
    precautions: frozenset[str] = frozenset()


def stopped(
    answers: dict[str, Answer],
    level_signs: tuple[tuple[str, str], ...],
    asked: int,
    shown: tuple[str, ...] = (),
    hidden: tuple[str, ...] = (),
    precautions: frozenset[str] = frozenset(),
) -> Person:
    """A person whose check a sign stopped: the levels alone, no routine, a note that says so."""
    levels = tuple(dict.fromkeys(level for level, _ in level_signs))
    return Person(
        answers=answers,
        levels=levels,
        signs=tuple(sign for _, sign in level_signs),
        asked=asked,
        routine=None,
        note=stop_note(levels[0]),
        shown=list(shown),
        hidden=[*STOPPED_HIDES, *hidden],
        precautions=precautions,
    )


PEOPLE = {
    # --- issue 21: the warning signs, each at its level -----------------------------------
    "back pain, numb between the legs, new bladder trouble": stopped(
        {**NEUTRAL, "emergency": "back"},
        (("emergency", "cauda-equina"),),
        asked=1,
        shown=("cauda equina", "999"),
    ),
    "drooping face and slurred speech": stopped(
        {**NEUTRAL, "emergency": "stroke"},
        (("emergency", "stroke"),),
        asked=1,
        shown=("stroke", "112", "911"),
    ),
    "a leg suddenly weak": stopped(
        {**NEUTRAL, "emergency": "weak-leg"}, (("emergency", "weak-leg"),), asked=1
    ),
    "a foot suddenly cold, pale and numb": stopped(
        {**NEUTRAL, "emergency": "cold-leg"},
        (("emergency", "cold-leg"),),
        asked=1,
        shown=("lost its blood supply",),
        precautions=frozenset({"poor-circulation"}),
    ),
    "one swollen calf, now short of breath": stopped(
        {**NEUTRAL, "one-leg": "one", "one-leg-with": "breathless"},
        (("emergency", "clot-breathless"), ("today", "clot")),
        asked=3,
    ),
    "a red, hot leg, confused and breathing fast": stopped(
        {**NEUTRAL, "one-leg": "one", "one-leg-with": "sepsis"},
        (("emergency", "sepsis"), ("today", "clot")),
        asked=3,
        shown=("sepsis",),
    ),
    "a red, hot leg with a fever, after a cut": stopped(
        {**NEUTRAL, "one-leg": "one", "one-leg-with": "infection"},
        (("today", "clot"), ("today", "cellulitis")),
        asked=8,
        shown=("blood clot", "cellulitis", "Call 999 if you become confused", "sepsis"),
    ),
    "one red leg, both legs swollen (issue 13)": stopped(
        {**NEUTRAL, "one-leg": "one", "one-leg-with": "none", "both-swollen": "yes"}
        | {"swollen-with": "none"},
        (("today", "clot"), ("gp", "swelling")),
        asked=9,
    ),
    "aching weak thighs, cola-coloured urine, a statin": stopped(
        {**NEUTRAL, "muscle": "yes", "sensation": "tight", "medicine": "statin"},
        (("today", "muscle-breakdown"),),
        asked=7,
        shown=("statin", "its leaflet says to stop it and get advice straight away"),
        hidden=("keep taking",),
    ),
    "swollen ankles, breathless lying flat": stopped(
        {**NEUTRAL, "both-swollen": "yes", "swollen-with": "breathless"},
        (("today", "heart-failure"), ("gp", "swelling")),
        asked=8,
        precautions=frozenset({"heart-failure", "breathless-lying-flat"}),
    ),
    "swollen legs, very breathless": stopped(
        {**NEUTRAL, "both-swollen": "yes", "swollen-with": "very-breathless"},
        (("emergency", "heart-emergency"), ("gp", "swelling")),
        asked=4,
        precautions=frozenset({"heart-failure", "breathless-lying-flat"}),
    ),
    "a smoker with foot pain at night, eased hanging the leg down": stopped(
        {**NEUTRAL, "circulation": "rest-pain", "sensation": "tight", "sitting": "many"},
        (("today", "rest-pain"),),
        asked=7,
        hidden=("Full unwind",),
        precautions=frozenset({"poor-circulation"}),
    ),
    "a sore on the foot that will not heal": stopped(
        {**NEUTRAL, "circulation": "sore"},
        (("today", "foot-sore"),),
        asked=7,
        precautions=frozenset({"poor-circulation"}),
    ),
    "a cramp that lasted 15 minutes": Person(
        answers={**NEUTRAL, **CRAMP, "long-cramp": "yes"},
        levels=("urgent",),
        signs=("long-cramp",),
        causes=[("medical", 2)],
        advice={"medical": ["see-doctor"]},
        general=ALL_GENERAL,
        routine=None,
        note=f"21:30 Symptom check: no clear cause; signs that need an urgent appointment. "
        f"{NO_ROUTINE}",
        shown=["ASK FOR AN URGENT APPOINTMENT", "No routine tonight. " + NO_ROUTINE],
        hidden=["SUGGESTED ROUTINE", "TALK TO A DOCTOR"],
    ),
    "cramps and a stiff jaw after a cut": Person(
        answers={**NEUTRAL, **CRAMP, "long-cramp": "wound"},
        levels=("urgent",),
        signs=("tetanus",),
        general=ALL_GENERAL,
        routine=None,
        note=f"21:30 Symptom check: no clear cause; signs that need an urgent appointment. "
        f"{NO_ROUTINE}",
        shown=["tetanus", "No routine tonight. " + NO_ROUTINE],
        hidden=["SUGGESTED ROUTINE"],
    ),
    "calf pain on walking that eases standing still": Person(
        answers={**NEUTRAL, "circulation": "walking", "sensation": "tight", "sitting": "many"},
        levels=("gp",),
        signs=("claudication",),
        causes=[("exertion", 3), ("medical", 2)],
        advice={"exertion": SITTING, "medical": ["see-doctor"]},
        general=ALL_GENERAL,
        routine=CIRCULATION_ROUTINE,  # sitting would have chosen Full unwind: legs up the wall
        note="21:30 Symptom check: most likely sitting and exercise; 1 warning sign.",
        tags=["symptom-check", "exertion"],
        hidden=["warmth", "Full unwind"],
        precautions=frozenset({"poor-circulation"}),
    ),
    # --- issue 21: who is asking ---------------------------------------------------------
    "on dialysis, with a fluid limit": Person(
        answers={**NEUTRAL, **CRAMP, **OFTEN, "fluid-limit": "yes", "conditions": ("dialysis",)},
        levels=("gp",),
        signs=("frequent",),
        causes=[("medical", 4)],
        about_you=["dialysis-cramps", "fluid-limit"],
        advice={"medical": ["see-doctor"]},
        general=ALL_GENERAL,
        routine=CRAMP_ROUTINE,
        note="21:30 Symptom check: most likely health conditions; 1 warning sign.",
        tags=["symptom-check", "medical"],
        caveats={"magnesium": ["With kidney disease, take magnesium only if your doctor agrees"]},
        shown=["Keep to the fluid limit your team gave you", "tell them about the cramps"],
        hidden=["sip-water", "replace-fluids", "Too little fluid", "Drink water", "make up the"],
        precautions=frozenset({"fluid-limit"}),
    ),
    "a fluid limit, after a hot day and little to drink": Person(
        answers={**NEUTRAL, **CRAMP, "fluid-limit": "yes", "drinks": "both", "fluid-loss": "sweat"},
        levels=("gp",),
        signs=("fluid-loss",),
        causes=[("stress", 1), ("nutrition", 1)],
        about_you=["fluid-limit"],
        advice={"stress": ["slow-breathing", "wind-down", "bedtime-stretch"], "nutrition": DIET},
        general=["cramp-release", "massage", "pain-relief"],
        routine=CRAMP_ROUTINE,
        note="21:30 Symptom check: no clear cause; 1 warning sign.",
        hidden=["sip-water", "replace-fluids", "Too little fluid", "Drink water", "make up the"],
        precautions=frozenset({"fluid-limit"}),
    ),
    "diabetes and heart failure": Person(
        answers={**NEUTRAL, **CRAMP, "conditions": ("metabolic", "heart-failure")},
        causes=[("medical", 5), ("nutrition", 1)],
        advice={"medical": ["see-doctor"], "nutrition": DIET},
        general=["cramp-release", "massage", "pain-relief"],
        routine=HEART_FAILURE_ROUTINE,
        note="21:30 Symptom check: most likely health conditions.",
        tags=["symptom-check", "medical"],
        caveats={"pain-relief": ["heart failure", "asthma", "blood thinner"]},
        shown=["you have diabetes, or kidney or thyroid trouble; you live with heart failure"],
        hidden=["warmth"],
        precautions=frozenset({"heart-failure"}),
    ),
    "a 14-year-old with aching legs after sport": Person(
        answers={
            **NEUTRAL,
            "sensation": "tight",
            "exercise": "hard",
            "age": "under-18",
            "child-signs": "no",
        },
        causes=[("exertion", 3)],
        about_you=["growing-pains"],
        advice={"exertion": ["move-hourly", "hips-and-calves", "cool-down"]},
        general=["cramp-release", "massage", "pain-relief"],
        routine=UNDER_18_ROUTINE,
        note="21:30 Symptom check: most likely sitting and exercise.",
        tags=["symptom-check", "exertion"],
        hidden=["bedtime-stretch", "magnesium", "adults over 55", "older adults", "trial"],
        precautions=frozenset({"under-18"}),
    ),
    "a 12-year-old with a limp": Person(
        answers={**NEUTRAL, "sensation": "tight", "age": "under-18", "child-signs": "yes"},
        levels=("gp",),
        signs=("child-signs",),
        about_you=["growing-pains"],
        general=["cramp-release", "massage", "pain-relief"],
        routine=UNDER_18_ROUTINE,
        note="21:30 Symptom check: no clear cause; 1 warning sign.",
        shown=["a limp", "weight loss"],
        hidden=["magnesium", "adults over 55", "older adults"],
        precautions=frozenset({"under-18"}),
    ),
    "78, a fall last winter, sits most of the day": Person(
        answers={
            **NEUTRAL,
            "sensation": "tight",
            "sitting": "many",
            "age": "65-plus",
            "balance": "yes",
        },
        causes=[("exertion", 3)],
        advice={"exertion": SITTING},
        general=ALL_GENERAL,
        routine=SUPPORTED_ROUTINE,  # sitting would have chosen Full unwind: floor work
        note="21:30 Symptom check: most likely sitting and exercise.",
        tags=["symptom-check", "exertion"],
        hidden=["Full unwind"],
        precautions=frozenset({"balance-risk"}),
    ),
    "quinine for cramps for years": Person(
        answers={**NEUTRAL, **CRAMP, **OFTEN, "quinine": "medicine"},
        levels=("gp",),
        signs=("frequent",),
        causes=[("medical", 1)],
        about_you=["quinine"],
        advice={"medical": ["see-doctor"]},
        general=ALL_GENERAL,
        routine=CRAMP_ROUTINE,
        note="21:30 Symptom check: no clear cause; 1 warning sign.",
        caveats={
            "quinine": [
                "not a routine treatment",
                "reviewed after 4 weeks and regularly after that",
                "Stop it and get advice the same day",
                "bruising, bleeding, a rash, fever, ringing in the ears, blurred vision",
                "racing or irregular heartbeat",
                "Tonic water",
            ]
        },
        hidden=["quinine recently", "because you take quinine"],  # never read as the cause
    ),
    "tonic water for cramps": Person(
        answers={**NEUTRAL, **CRAMP, "quinine": "tonic"},
        about_you=["quinine"],
        general=ALL_GENERAL,
        routine=CRAMP_ROUTINE,
        note="21:30 Symptom check: no clear cause.",
    ),
    "drinks most days, burning feet and cramps": Person(
        answers={**NEUTRAL, **CRAMP, "drinks": "alcohol", "alcohol": "yes"},
        causes=[("dehydration", 2), ("medical", 2), ("nutrition", 1)],
        about_you=["alcohol-most-days"],
        advice={"dehydration": FLUID, "medical": ["see-doctor"], "nutrition": DIET},
        general=["cramp-release", "massage", "pain-relief"],
        routine=CRAMP_ROUTINE,
        note="21:30 Symptom check: no clear cause.",
        caveats={"alcohol-most-days": ["nerves in the feet", "B vitamins", "don't stop suddenly"]},
    ),
    "heavy, aching legs with bulging veins": Person(
        answers={
            **NEUTRAL,
            "sensation": "tight",
            "position": "curled",
            "sitting": "some",
            "veins": "yes",
        },
        causes=[("posture", 2), ("medical", 2), ("exertion", 1)],
        about_you=["veins"],
        advice={
            "posture": ["posture-side", "bedding-support"],
            "medical": ["see-doctor"],
            "exertion": SITTING,
        },
        general=ALL_GENERAL,
        routine=("full-unwind", "Fits sleep posture and bedding."),
        note="21:30 Symptom check: no clear cause.",
        caveats={"veins": ["keep moving", "raise your legs", "compression stockings", "ulcer"]},
        hidden=["warmth", "warm bath"],
    ),
    "an urge to move, no cramp": Person(
        answers={**NEUTRAL, **ALL_FIVE, **OFTEN},
        levels=("gp",),
        signs=("frequent",),
        rls=["matches", "differs"],
        causes=[("medical", 8)],
        advice={"medical": RLS_ADVICE},
        routine=URGE_ROUTINE,
        note="21:30 Symptom check: most likely health conditions; restless-legs pattern; "
        "1 warning sign.",
        tags=["symptom-check", "medical"],
        caveats={
            "iron-check": ["Don't start iron without a blood test", "transferrin saturation"],
            "rls-self-help": ["no caffeine after midday", "no alcohol close to bedtime"],
            "rls-medicines": ["antihistamines", "don't stop any of them on your own"],
        },
        hidden=[*CRAMP_ONLY, "ALSO WORTH KNOWING", "rls-pregnancy"],
    ),
    "an urge to move, 30 weeks pregnant": Person(
        answers={**NEUTRAL, **ALL_FIVE, "pregnant": "yes"},
        levels=("gp",),
        signs=("pregnancy",),
        rls=["matches", "differs"],
        causes=[("medical", 9), ("nutrition", 1)],
        advice={
            "medical": [*RLS_ADVICE, "rls-pregnancy"],
            "nutrition": ["varied-diet", "test-not-guess", "vitamin-b12"],
        },
        routine=PREGNANCY_ROUTINE,
        note="21:30 Symptom check: most likely health conditions; restless-legs pattern; "
        "1 warning sign.",
        tags=["symptom-check", "medical"],
        caveats={"rls-pregnancy": ["within weeks of the birth", "midwife"]},
        hidden=[*CRAMP_ONLY, "magnesium-pregnancy"],
        precautions=frozenset({"pregnant"}),
    ),
    "one cramp, plenty of water": Person(
        answers={**NEUTRAL, **CRAMP},
        general=ALL_GENERAL,
        routine=CRAMP_ROUTINE,
        note="21:30 Symptom check: no clear cause.",
        shown=["Nothing in your answers points to one cause."],
        hidden=["Too little fluid", "because you had a sudden painful cramp"],
    ),
    # --- the earlier nine (issue 13), with the scores now from answers about each cause ----
    "pregnant woman with night calf cramps": Person(
        answers={**NEUTRAL, **CRAMP, **OFTEN, "pregnant": "yes"},
        levels=("gp",),
        signs=("frequent", "pregnancy"),
        causes=[("medical", 3), ("nutrition", 1)],
        advice={
            "medical": ["see-doctor"],
            "nutrition": ["varied-diet", "test-not-guess", "magnesium-pregnancy", "vitamin-b12"],
        },
        general=["cramp-release", "massage", "pain-relief"],
        routine=PREGNANCY_ROUTINE,
        note="21:30 Symptom check: most likely health conditions; 2 warning signs.",
        tags=["symptom-check", "medical"],
        caveats={
            "magnesium-pregnancy": ["not pregnant, mostly older adults", "midwife"],
            "pain-relief": ["tell them if you are pregnant"],
            "vitamin-b12": ["a doctor can test", "ask before taking any supplement"],
        },
        precautions=frozenset({"pregnant"}),
    ),
    "older adult on a new diuretic": Person(
        answers={
            **NEUTRAL,
            **CRAMP,
            **OFTEN,
            "water": "some",
            "medicine": "diuretic",
            "age": "65-plus",
        },
        levels=("gp",),
        signs=("new-medicine", "frequent"),
        causes=[("medical", 4), ("dehydration", 2), ("nutrition", 1)],
        advice={
            "medical": ["see-doctor", "medicine-review"],
            "dehydration": FLUID,
            "nutrition": DIET,
        },
        general=["cramp-release", "massage", "pain-relief"],
        routine=SUPPORTED_ROUTINE,
        note="21:30 Symptom check: most likely health conditions; 2 warning signs.",
        tags=["symptom-check", "medical"],
        caveats={
            "sip-water": ["If a doctor has told you to limit fluids", "follow that instead"],
            "replace-fluids": ["unless a doctor has told you to limit fluids"],
            "varied-diet": ["blood-pressure medicines", "before eating more potassium"],
            "pain-relief": ["take a diuretic", "kidney or stomach problems"],
            "medicine-review": ["ask the prescriber or a pharmacist", "unless its leaflet"],
        },
        hidden=["keep taking"],
        precautions=frozenset({"balance-risk"}),
    ),
    "numbness and diabetes, sleeps on the stomach": Person(
        answers={
            **NEUTRAL,
            "nerve": "yes",
            "sensation": "tight",
            "position": "stomach",
            "conditions": ("metabolic",),
        },
        levels=("gp",),
        signs=("nerve",),
        causes=[("medical", 6), ("posture", 3), ("nutrition", 1)],
        # no heat at all: a burn on numb skin, or with diabetes, can go unfelt
        advice={
            "medical": ["see-doctor"],
            "posture": ["posture-side", "bedding-support"],
            "nutrition": DIET,
        },
        general=["cramp-release", "massage", "pain-relief"],
        routine=("quick-reset", "Fits a health condition or medicine."),
        note="21:30 Symptom check: most likely health conditions, then sleep posture; "
        "1 warning sign.",
        tags=["symptom-check", "medical", "posture"],
        caveats={"posture-side": ["side or back rather than your stomach"]},
        hidden=["warmth"],
    ),
    "desk worker, gentle walking only": Person(
        answers={**NEUTRAL, **CRAMP, "sitting": "some"},
        causes=[("exertion", 1)],
        advice={"exertion": SITTING},
        general=ALL_GENERAL,
        routine=CRAMP_ROUTINE,
        note="21:30 Symptom check: no clear cause.",  # one weak score: nothing named
    ),
    "runner after a race": Person(
        answers={**NEUTRAL, **CRAMP, "water": "some", "fluid-loss": "sweat", "exercise": "hard"},
        levels=("gp",),
        signs=("fluid-loss",),
        causes=[("dehydration", 3), ("exertion", 3), ("nutrition", 1)],
        advice={
            "dehydration": FLUID,
            "exertion": ["move-hourly", "hips-and-calves", "cool-down"],
            "nutrition": DIET,
        },
        general=["cramp-release", "massage", "pain-relief"],
        routine=CRAMP_ROUTINE,
        note="21:30 Symptom check: most likely water, then sitting and exercise; 1 warning sign.",
        tags=["symptom-check", "dehydration", "exertion"],
        caveats={
            "fluid-evidence": ["often blamed", "evidence is weak"],
            "replace-fluids": ["make up the lost fluid", "ask a pharmacist or doctor"],
            "bedtime-stretch": ["adults over 55", "about one fewer cramp a night", "no benefit"],
        },
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
        causes=[("stress", 6), ("exertion", 3), ("dehydration", 2)],
        advice={
            "stress": ["slow-breathing", "wind-down", "bedtime-stretch"],
            "exertion": ["move-hourly", "hips-and-calves", "cool-down"],
            "dehydration": ["fluid-evidence", "sip-water", "evening-drinks", "replace-fluids"],
        },
        general=ALL_GENERAL,
        routine=("breathing", "Fits stress and a busy mind."),
        note="21:30 Symptom check: most likely stress, then sitting and exercise.",
        tags=["symptom-check", "stress", "exertion"],
        caveats={"slow-breathing": ["even breathing", "not known to ease leg tension"]},
    ),
    "four of the five restless-legs criteria": Person(
        answers={**NEUTRAL, **ALL_FIVE, "rls-other": "one-of-those"},
        causes=[("medical", 5)],
        rls=["partial"],
        advice={"medical": RLS_ADVICE},
        routine=URGE_ROUTINE,
        note="21:30 Symptom check: most likely health conditions; some answers like restless legs.",
        tags=["symptom-check", "medical"],
        hidden=CRAMP_ONLY,
    ),
    "all five restless-legs criteria": Person(
        answers={**NEUTRAL, **ALL_FIVE},
        causes=[("medical", 7)],
        rls=["matches", "differs"],
        advice={"medical": RLS_ADVICE},
        routine=URGE_ROUTINE,
        note="21:30 Symptom check: most likely health conditions; restless-legs pattern.",
        tags=["symptom-check", "medical"],
        caveats={"iron-check": ["ferritin"]},
        hidden=CRAMP_ONLY,
    ),
}


@pytest.fixture
def checks(services: Services, clock: FakeClock) -> CheckRepository:
    assert services.store is not None
    return CheckRepository(services.store, clock, CONTENT)


def take_check(person: Person) -> tuple[QuizRun, list[str]]:
    run = QuizRun(CONTENT)
    return run, answer_all(run, person.answers)


@pytest.mark.parametrize("name", PEOPLE)
def test_each_person_gets_exactly_this_outcome(name: str, checks: CheckRepository) -> None:
    person = PEOPLE[name]
    run, asked = take_check(person)
    result = run.result()
    assert result.levels == person.levels and result.signs == person.signs
    assert person.asked is None or len(asked) == person.asked
    assert [(item.cause, item.score) for item in result.raised] == person.causes
    assert rls_lines(result, CONTENT) == [CONTENT.rls[key] for key in person.rls]
    advice = result_advice(result, CONTENT)
    if result.stopped:
        assert result.ranked == ()
    else:
        assert [a.key for a in advice.about_you] == person.about_you
        assert {cause: [a.key for a in items] for cause, items in advice.by_cause.items()} == (
            person.advice
        )
        assert [a.key for a in advice.general] == person.general
    for key, words in person.caveats.items():
        text = ADVICE[key].text if key in ADVICE else CONTENT.signs[key].text
        for word in words:
            assert word in text, (key, word)
    if person.routine is None:
        assert (result.routine, result.routine_why) == ("", "")
        assert result.routine_barred
    else:
        assert (result.routine, result.routine_why) == person.routine
    assert checks.note_for(result) == (person.note, person.tags)
    assert precautions(run.answers) == person.precautions


@pytest.mark.parametrize("name", PEOPLE)
def test_each_person_reads_the_right_lines_first_and_none_that_contradict_them(
    name: str,
) -> None:
    person = PEOPLE[name]
    run, _ = take_check(person)
    result = run.result()
    routine_name = {"calf-hamstring": "Calf & hamstring", "full-unwind": "Full unwind"}
    text = report_text(result, CONTENT, "now", routine_name.get(result.routine, result.routine))
    if result.levels:
        first = CONTENT.levels[result.levels[0]].title.upper()
        assert text.index(first) < min(
            [text.index(w) for w in ("RESTLESS LEGS", "ABOUT YOU", "LIKELY") if w in text]
            or [len(text)]
        )
    if result.stopped:
        assert text.startswith(CONTENT.levels[result.levels[0]].title.upper())
    shown_keys = {
        a.key for items in result_advice(result, CONTENT).by_cause.values() for a in items
    }
    shown_keys |= {a.key for a in result_advice(result, CONTENT).about_you}
    shown_keys |= {a.key for a in result_advice(result, CONTENT).general}
    for word in person.shown:
        assert word in text, word
    for word in person.hidden:
        if word in ADVICE:
            assert word not in shown_keys or result.stopped, word
        else:
            assert word not in text, word


@pytest.mark.parametrize("name", PEOPLE)
def test_no_advice_item_is_shown_twice(name: str) -> None:
    run, _ = take_check(PEOPLE[name])
    advice = result_advice(run.result(), CONTENT)
    keys = [a.key for a in advice.about_you]
    keys += [a.key for items in advice.by_cause.values() for a in items]
    keys += [a.key for a in advice.general]
    assert len(keys) == len(set(keys))


def test_the_one_leg_question_leaves_out_an_ordinary_cramp() -> None:
    question = CONTENT.question("one-leg")
    assert question.text.startswith("Not counting a cramp that let go within minutes")
    assert "ONE leg" in question.text
    [yes] = [option for option in question.options if option.sign]
    assert "even if both legs are swollen" in yes.label
    assert [option.key for option in question.options] == ["no", "one"]
