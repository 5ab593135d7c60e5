"""Routines: steps of stretching, breathing and rest, and the timeline they make.

A routine is data. The built-in ones are written from `shared/content/leg-tension.md`; custom
ones are TOML files in the config folder's `routines/` (see `core/routine_files.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from legease_tui.core.routine.breathing import BreathPattern, pattern_named
from legease_tui.core.routine.outcome import PACER_KEY_PREFIX


class StepKind(StrEnum):
    STRETCH = "stretch"
    BREATHING = "breathing"
    REST = "rest"


class Side(StrEnum):
    """Which leg. BOTH means a one-sided stretch done on each side in turn; NONE, no side."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    NONE = "none"


class Phase(StrEnum):
    """What a stretch of time inside a step is for."""

    PREPARE = "prepare"
    SWITCH = "switch"
    HOLD = "hold"
    REST = "rest"
    BREATHE = "breathe"


PHASE_WORDS = {
    Phase.PREPARE: "Get into position",
    Phase.SWITCH: "Switch sides",
    Phase.HOLD: "Hold",
    Phase.REST: "Relax",
    Phase.BREATHE: "Breathe",
}


@dataclass(frozen=True)
class Step:
    """One step of a routine."""

    kind: StepKind
    title: str
    cue: str
    """How to do it, what to feel, what to avoid, in plain words."""
    hold_seconds: float = 0.0
    reps: int = 1
    rest_seconds: float = 0.0
    """Rest between reps (not after the last)."""
    side: Side = Side.NONE
    pattern: BreathPattern | None = None
    cycles: int = 0
    source: str = ""
    prepare_seconds: float = 0.0
    """Time to get into position before the first hold, and to change sides."""

    @property
    def sides(self) -> tuple[Side, ...]:
        return (Side.LEFT, Side.RIGHT) if self.side is Side.BOTH else (self.side,)

    def title_for(self, side: Side) -> str:
        """ "Left calf stretch" for a sided step, else the title."""
        if side in (Side.LEFT, Side.RIGHT):
            return f"{side.value.capitalize()} {self.title[:1].lower()}{self.title[1:]}"
        return self.title


@dataclass(frozen=True)
class Segment:
    """A span of the routine's timeline: one phase of one step, on one side, for one rep."""

    step_index: int
    phase: Phase
    seconds: float
    start: float
    side: Side = Side.NONE
    rep: int = 0
    """1-based rep for holds and rests; 0 otherwise."""

    @property
    def end(self) -> float:
        return self.start + self.seconds


def step_segments(step: Step, step_index: int, start: float) -> list[Segment]:
    """The segments a step is made of, from `start` seconds into the routine."""
    spans: list[tuple[Phase, float, Side, int]] = []
    if step.kind is StepKind.BREATHING:
        assert step.pattern is not None
        spans.append((Phase.BREATHE, step.pattern.cycle_seconds * step.cycles, Side.NONE, 0))
    elif step.kind is StepKind.REST:
        spans.append((Phase.REST, step.hold_seconds, Side.NONE, 0))
    else:
        for side_number, side in enumerate(step.sides):
            lead_in = Phase.PREPARE if side_number == 0 else Phase.SWITCH
            if step.prepare_seconds > 0:
                spans.append((lead_in, step.prepare_seconds, side, 0))
            for rep in range(1, step.reps + 1):
                spans.append((Phase.HOLD, step.hold_seconds, side, rep))
                if rep < step.reps and step.rest_seconds > 0:
                    spans.append((Phase.REST, step.rest_seconds, side, rep))
    segments = []
    for phase, seconds, side, rep in spans:
        segments.append(Segment(step_index, phase, seconds, start, side, rep))
        start += seconds
    return segments


@dataclass(frozen=True)
class Routine:
    """A named sequence of steps."""

    key: str
    name: str
    description: str
    steps: tuple[Step, ...]
    origin: str = "built-in"
    """Where it came from: "built-in" or the file it was loaded from."""

    def timeline(self) -> list[Segment]:
        """Every segment of the routine in order, with start times from 0."""
        segments: list[Segment] = []
        for index, step in enumerate(self.steps):
            start = segments[-1].end if segments else 0.0
            segments.extend(step_segments(step, index, start))
        return segments

    def step_seconds(self, index: int) -> float:
        """How long step `index` takes, both sides included."""
        return sum(segment.seconds for segment in step_segments(self.steps[index], index, 0.0))

    @property
    def total_seconds(self) -> float:
        timeline = self.timeline()
        return timeline[-1].end if timeline else 0.0


def format_duration(seconds: float) -> str:
    """ "45 s", "5 min 41 s", "13 min" — a length a person reads at a glance."""
    whole = round(seconds)
    if whole < 90:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def format_clock(seconds: float) -> str:
    """ "4:05" for a countdown (rounded up, so 0:00 shows only at the end)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


HALLEGRAEFF = "Hallegraeff et al., J Physiother 2012 (bedtime calf and hamstring stretching RCT)"
AAOS = "AAOS stretching advice (reported by secondary sources)"
START_DOC = "LegEase starting document (leg-tension.md)"


def _stretch(
    title: str,
    cue: str,
    hold: float,
    reps: int,
    rest: float,
    side: Side = Side.BOTH,
    source: str = AAOS,
) -> Step:
    return Step(
        StepKind.STRETCH,
        title,
        cue,
        hold_seconds=hold,
        reps=reps,
        rest_seconds=rest,
        side=side,
        source=source,
        prepare_seconds=5,
    )


def _breathe(pattern: str, cycles: int, cue: str, title: str = "Slow breathing") -> Step:
    chosen = pattern_named(pattern)
    return Step(StepKind.BREATHING, title, cue, pattern=chosen, cycles=cycles, source=chosen.source)


CALF = (
    "Stand facing a wall, hands on it. Step this leg back, heel flat on the floor, knee straight. "
    "Lean in until you feel a gentle pull in the calf. Breathe normally; never stretch into pain."
)
HAMSTRING = (
    "Sit on the edge of the bed with this leg straight out, heel on the floor, toes up. Lean "
    "forward from the hips with a straight back until the back of the thigh feels a mild pull. "
    "Breathe normally; never stretch into pain."
)
QUAD = (
    "Stand holding a chair or wall. Bend this knee and hold the ankle behind you, knees together. "
    "Feel the front of the thigh; keep your back straight, don't yank the foot."
)
HIP_FLEXOR = (
    "Kneel on this knee with the other foot in front. Tuck the hips under and shift forward gently "
    "until the front of the hip opens. Keep the front knee above the ankle."
)
GLUTE = (
    "Lie on your back, knees bent. Cross this ankle over the other knee and draw the legs toward "
    "you until the buttock feels a gentle stretch. Keep your head and shoulders relaxed."
)
ANKLE = (
    "Sitting or lying, lift this foot and draw slow circles with the toes, half one way, then the "
    "other. Move easily, no forcing."
)
LEGS_UP = (
    "Lie on your back with your legs resting up a wall or on the headboard, arms loose. "
    "Let the legs feel heavy and breathe slowly. Lower them if your feet tingle. If you are "
    "pregnant, skip this step from 28 weeks (no lying on your back) or ask your midwife."
)
BREATHE_SLOW = (
    "Lie back, one hand on your belly. Breathe through the nose, letting the belly rise and fall. "
    "Follow the pacer; if you feel light-headed, breathe normally."
)
BREATHE_SEATED = (
    "Sit on the edge of the bed, or lie on your side, one hand on your belly. Breathe through the "
    "nose, letting the belly rise and fall. Follow the pacer; if you feel light-headed, breathe "
    "normally."
)
"""For the routine suggested in pregnancy: no lying on the back (NHS: from 28 weeks, sleep on
your side)."""

BUILT_IN: tuple[Routine, ...] = (
    Routine(
        "calf-hamstring",
        "Calf & hamstring",
        "From a bedtime trial: calves and hamstrings, three 10-second holds each side. LegEase "
        "adds 5-second set-ups, a gentler pull than the trial's moderately intense one, and two "
        "minutes of slow breathing.",
        (
            _stretch("Calf stretch", CALF, 10, 3, 10, source=HALLEGRAEFF),
            _stretch("Hamstring stretch", HAMSTRING, 10, 3, 10, source=HALLEGRAEFF),
            _breathe("resonance", 11, BREATHE_SEATED),
        ),
    ),
    Routine(
        "full-unwind",
        "Full unwind",
        "Every big leg muscle in turn, ankle circles and legs up the wall, then calm breathing.",
        (
            _stretch("Calf stretch", CALF, 30, 2, 10),
            _stretch("Hamstring stretch", HAMSTRING, 30, 2, 10),
            _stretch("Quadriceps stretch", QUAD, 30, 1, 0),
            _stretch("Hip flexor stretch", HIP_FLEXOR, 30, 1, 0),
            _stretch("Glute stretch", GLUTE, 30, 1, 0),
            _stretch("Ankle circles", ANKLE, 20, 1, 0, source=START_DOC),
            _stretch("Legs up the wall", LEGS_UP, 90, 1, 0, Side.NONE, START_DOC),
            _breathe("4-7-8", 4, BREATHE_SLOW, "4-7-8 breathing"),
            _breathe("resonance", 6, BREATHE_SLOW),
        ),
    ),
    Routine(
        "quick-reset",
        "Quick reset",
        "Three minutes for a late night: one calf and one hamstring hold each side, then box "
        "breathing.",
        (
            _stretch("Calf stretch", CALF, 20, 1, 0),
            _stretch("Hamstring stretch", HAMSTRING, 20, 1, 0),
            _breathe("box", 5, BREATHE_SLOW, "Box breathing"),
        ),
    ),
    Routine(
        "breathing",
        "Breathing only",
        "Five minutes of slow resonance breathing, lying down, for a racing mind.",
        (_breathe("resonance", 27, BREATHE_SLOW),),
    ),
)

DEFAULT_ROUTINE = "calf-hamstring"


def breathing_routine(pattern: BreathPattern, cycles: int) -> Routine:
    """A one-step routine for the breathing pacer (`b` on Home)."""
    step = Step(
        StepKind.BREATHING,
        pattern.name,
        pattern.description or BREATHE_SLOW,
        pattern=pattern,
        cycles=cycles,
        source=pattern.source,
    )
    return Routine(f"{PACER_KEY_PREFIX}{pattern.key}", pattern.name, pattern.description, (step,))
