"""The built-in routines, written from `shared/content/leg-tension.md` in LegEase's own words.

Every stretch says "never into pain" and "breathe normally", holds a wall or a chair when
standing, and offers a seated or side-lying way where lying on the back is not for everyone
(pregnancy after 16 weeks: NHS exercise in pregnancy; a hip replacement). Each step names its
position, its source and the strength of the evidence, and the precautions that leave it out or
change how it is done (`Routine.for_person`):

- pregnant: legs up the wall is left out (no lying on the back for long after 16 weeks); the
  glute stretch is done sitting and lying breathing on the side.
- poor-circulation, heart-failure, breathless-lying-flat: legs up the wall is left out (raised
  legs get less blood with poor circulation, and send more back to a weak heart and the lungs
  of someone breathless lying flat); breathless lying flat also sits up for the glute stretch
  and the breathing.
- balance-risk: nothing is left out — every standing step holds a wall, a chair or a worktop
  and every lying step is on the bed; the hip flexor keeps to the standing stride (no kneeling)
  and legs up the wall uses the bed, not the floor.
- fluid-limit, under-18: nothing changes; no step moves fluid in or out, and the content names
  no stretch a teenager should avoid.
"""

from __future__ import annotations

from legease_tui.core.evidence import Evidence
from legease_tui.core.routine.breathing import pattern_named
from legease_tui.core.routine.model import (
    Caution,
    Position,
    Routine,
    Side,
    Step,
    StepKind,
)

HALLEGRAEFF = "Hallegraeff et al., J Physiother 2012 (bedtime stretching trial)"
AAOS = "AAOS advice, via secondary sources"
START_DOC = "LegEase starting document"
SAFELY = "physiotherapy practice"
"""Never into pain, breathe normally, hold on, a firm chair, time to get down and up."""
PREGNANCY = "NHS exercise in pregnancy"
HIP = "common hip precautions"
CIRCULATION = "NICE CG147"
"""Leg pain from poor circulation eases with the leg down, so raising it worsens it."""

STANDING, SITTING, LYING = Position.STANDING, Position.SITTING, Position.LYING

CALF = (
    "Stand facing a wall, both hands on it. Step this leg back, heel down, knee straight, and "
    "lean in until the calf feels a gentle pull: never into pain. Breathe normally."
)
HAMSTRING = (
    "Sit on a firm chair, not the bed edge. Put this leg out straight, heel on the floor, toes "
    "up, and lean forward from the hips, back straight, to a mild pull behind the thigh: never "
    "into pain. Breathe normally. Ease off if you feel tingling or shooting pain down the leg."
)
QUAD = (
    "Stand holding a chair or a worktop. Bend this knee and hold the ankle behind you, knees "
    "together, to a gentle pull in the front of the thigh: never into pain. Breathe normally. "
    "Or do it lying on your other side on the bed."
)
HIP_FLEXOR = (
    "Hold a chair and take a long stride, this leg behind, front knee over the ankle. Tuck your "
    "hips under and ease forward until the front of this hip opens: never into pain. Breathe "
    "normally. Kneel instead only if kneeling is easy, and on a cushion."
)
GLUTE = (
    "Lie on your back on the bed, knees bent. Cross this ankle over the other knee and draw "
    "the legs in to a gentle stretch in the buttock: never into pain. Breathe normally. Or sit, "
    "ankle on knee, and lean forward (in pregnancy after 16 weeks, sit). Not after a hip "
    "replacement unless your surgeon or physio agrees."
)
ANKLE = (
    "Sitting on the chair or lying down, lift this foot and draw slow circles with the toes, "
    "half one way, then the other. Move easily: never into pain. Breathe normally."
)
LEGS_UP = (
    "Lie on the bed, or the floor if getting down is easy, on your back with your legs up the "
    "wall or headboard. Let them feel heavy: never into pain. Breathe normally; lower them if "
    "your feet tingle. Not with poor circulation, heart failure or breathlessness lying flat, "
    "nor in pregnancy after 16 weeks."
)
BREATHE_LYING = (
    "Lie on your back, on your side with a pillow between your knees, or sit up on pillows (in "
    "pregnancy after 16 weeks, not on your back). Hand on belly, breathe through the nose; if "
    "you feel light-headed, breathe normally. On your side: not after a hip replacement unless "
    "your surgeon or physio agrees."
)
BREATHE_SEATED = (
    "Sit back in the chair, or lie on your side in bed with a pillow between your knees. One "
    "hand on your belly, breathe through the nose; if you feel light-headed, breathe normally. "
    "On your side: not after a hip replacement unless your surgeon or physio agrees."
)
"""For the supported, floor-free routines (suggested in pregnancy, over 65, with poor balance)."""

NOT_LYING_FLAT_WITH_LEGS_UP = Caution(
    frozenset({"poor-circulation", "heart-failure", "breathless-lying-flat"}),
    "not with poor circulation, heart failure or breathlessness lying flat",
)
NOT_ON_THE_BACK_IN_PREGNANCY = Caution(
    frozenset({"pregnant"}), "not lying on your back for long in pregnancy (after 16 weeks)"
)
SIT_FOR_IT = Caution(
    frozenset({"pregnant", "breathless-lying-flat"}),
    "do it sitting on a chair, not lying on your back",
    leave_out=False,
)
BREATHE_ON_YOUR_SIDE = Caution(
    frozenset({"pregnant"}), "lie on your side or sit up, not on your back", leave_out=False
)
BREATHE_SITTING_UP = Caution(
    frozenset({"breathless-lying-flat"}), "sit up, or lie propped up on pillows", leave_out=False
)
NO_KNEELING = Caution(
    frozenset({"balance-risk"}),
    "keep to the standing stride, holding the chair; no kneeling",
    leave_out=False,
)
ON_THE_BED = Caution(frozenset({"balance-risk"}), "use the bed, not the floor", leave_out=False)


def _stretch(
    title: str,
    cue: str,
    hold: float,
    reps: int,
    rest: float,
    position: Position,
    *,
    side: Side = Side.BOTH,
    sources: tuple[str, ...] = (AAOS, SAFELY),
    evidence: Evidence = Evidence.COMMON,
    cautions: tuple[Caution, ...] = (),
) -> Step:
    return Step(
        StepKind.STRETCH,
        title,
        cue,
        hold_seconds=hold,
        reps=reps,
        rest_seconds=rest,
        side=side,
        source="; ".join(sources),
        prepare_seconds=5,
        position=position,
        evidence=evidence,
        cautions=cautions,
    )


def _breathe(
    pattern: str,
    cycles: int,
    position: Position,
    title: str = "Slow breathing",
) -> Step:
    chosen = pattern_named(pattern)
    lying = position is LYING
    cue = BREATHE_LYING if lying else BREATHE_SEATED
    sources = (chosen.source, PREGNANCY, HIP) if lying else (chosen.source, HIP)
    return Step(
        StepKind.BREATHING,
        title,
        cue,
        pattern=chosen,
        cycles=cycles,
        source="; ".join(sources),
        position=position,
        evidence=chosen.evidence,
        cautions=(BREATHE_ON_YOUR_SIDE, BREATHE_SITTING_UP) if lying else (),
    )


TRIAL = (HALLEGRAEFF, SAFELY)

BUILT_IN: tuple[Routine, ...] = (
    Routine(
        "calf-hamstring",
        "Calf & hamstring",
        "From a bedtime trial: calves and hamstrings, three 10-second holds each side with "
        "10-second rests. LegEase adds time to set up, a gentler pull than the trial's moderately "
        "intense one, a firm chair and two minutes of slow breathing. No floor work.",
        (
            _stretch(
                "Calf stretch", CALF, 10, 3, 10, STANDING, sources=TRIAL, evidence=Evidence.TRIAL
            ),
            _stretch(
                "Hamstring stretch",
                HAMSTRING,
                10,
                3,
                10,
                SITTING,
                sources=TRIAL,
                evidence=Evidence.TRIAL,
            ),
            _breathe("resonance", 11, SITTING),
        ),
    ),
    Routine(
        "full-unwind",
        "Full unwind",
        "Every big leg muscle in turn, standing, then sitting, then lying on the bed: ankle "
        "circles and legs up the wall, then calm breathing.",
        (
            _stretch("Calf stretch", CALF, 30, 2, 10, STANDING),
            _stretch("Quadriceps stretch", QUAD, 30, 1, 0, STANDING),
            _stretch("Hip flexor stretch", HIP_FLEXOR, 30, 1, 0, STANDING, cautions=(NO_KNEELING,)),
            _stretch("Hamstring stretch", HAMSTRING, 30, 2, 10, SITTING),
            _stretch(
                "Ankle circles",
                ANKLE,
                20,
                1,
                0,
                SITTING,
                sources=(START_DOC, SAFELY),
                evidence=Evidence.COMMON,
            ),
            _stretch(
                "Glute stretch",
                GLUTE,
                30,
                1,
                0,
                LYING,
                sources=(AAOS, SAFELY, PREGNANCY, HIP),
                cautions=(SIT_FOR_IT,),
            ),
            _stretch(
                "Legs up the wall",
                LEGS_UP,
                90,
                1,
                0,
                LYING,
                side=Side.NONE,
                sources=(START_DOC, SAFELY, PREGNANCY, CIRCULATION),
                evidence=Evidence.COMMON,
                cautions=(NOT_LYING_FLAT_WITH_LEGS_UP, NOT_ON_THE_BACK_IN_PREGNANCY, ON_THE_BED),
            ),
            _breathe("4-7-8", 4, LYING, "4-7-8 breathing"),
            _breathe("resonance", 6, LYING),
        ),
    ),
    Routine(
        "quick-reset",
        "Quick reset",
        "About three minutes for a late night: one calf and one hamstring hold each side, then "
        "box breathing in the chair. No floor work.",
        (
            _stretch("Calf stretch", CALF, 20, 1, 0, STANDING),
            _stretch("Hamstring stretch", HAMSTRING, 20, 1, 0, SITTING),
            _breathe("box", 5, SITTING, "Box breathing"),
        ),
    ),
    Routine(
        "breathing",
        "Bedtime breathing",
        "Five minutes of slow resonance breathing in bed, on your back or side, for a racing mind.",
        (_breathe("resonance", 27, LYING),),
    ),
)
