"""Routines: steps of stretching, breathing and rest, and the timeline they make.

A routine is data. The built-in ones (`builtin.py`) are written from
`shared/content/leg-tension.md`; custom ones are TOML files in the config folder's `routines/`
(see `files.py`). Each step knows its position, so a change of position gets time to set up, and
the precautions it must be left out for, so `Routine.for_person` can fit a routine to a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from legease_tui.core.evidence import Evidence
from legease_tui.core.precautions import PRECAUTIONS
from legease_tui.core.routine.breathing import BreathPattern
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


class Position(StrEnum):
    """Where the body is for a step: a change between steps needs time to get down or up."""

    STANDING = "standing"
    SITTING = "sitting"
    LYING = "lying"


POSITION_CHANGE_SECONDS = 15.0
"""The least set-up time for a step in a new position (physiotherapy practice: 15-20 s)."""
TAKE_YOUR_TIME = "Take your time getting down and up"
"""What a set-up into a new position says."""


@dataclass(frozen=True)
class Caution:
    """What some precautions change in one step: it is left out, or done another way."""

    precautions: frozenset[str]
    words: str
    """Plain words for the person: why it is left out, or how to do it instead."""
    leave_out: bool = True


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
    """Time to get into position before the first hold, and to change sides (at least
    `POSITION_CHANGE_SECONDS` before the first hold when the position changes)."""
    position: Position | None = None
    """None: not said (a custom step), so no change of position can be known."""
    evidence: Evidence | None = None
    """How well the source supports the step; None for a custom routine's own words."""
    cautions: tuple[Caution, ...] = ()
    """The precautions that leave this step out or change how it is done (`for_person`)."""

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


def step_segments(
    step: Step, step_index: int, start: float, setup: float | None = None
) -> list[Segment]:
    """The segments a step is made of, from `start` seconds into the routine; `setup` is the
    time to get into position first (the step's own `prepare_seconds` if not given)."""
    setup = step.prepare_seconds if setup is None else setup
    spans: list[tuple[Phase, float, Side, int]] = []
    if step.kind is not StepKind.STRETCH and setup > 0:
        spans.append((Phase.PREPARE, setup, Side.NONE, 0))
    if step.kind is StepKind.BREATHING:
        assert step.pattern is not None
        spans.append((Phase.BREATHE, step.pattern.cycle_seconds * step.cycles, Side.NONE, 0))
    elif step.kind is StepKind.REST:
        spans.append((Phase.REST, step.hold_seconds, Side.NONE, 0))
    else:
        for side_number, side in enumerate(step.sides):
            if side_number == 0 and setup > 0:
                spans.append((Phase.PREPARE, setup, side, 0))
            elif side_number > 0 and step.prepare_seconds > 0:
                spans.append((Phase.SWITCH, step.prepare_seconds, side, 0))
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
    person_notes: tuple[str, ...] = ()
    """What `for_person` changed, in plain words: steps left out and why, steps done another
    way. Shown with the opening lines when the routine starts."""

    def changes_position(self, index: int) -> bool:
        """Step `index` is in a new position: the first step (the person comes from wherever
        they were) or one whose position differs from the step before. Unknown positions (a
        custom step that names none) never count."""
        position = self.steps[index].position
        if position is None:
            return False
        before = self.steps[index - 1].position if index > 0 else None
        return index == 0 or (before is not None and before is not position)

    def setup_seconds(self, index: int) -> float:
        """Time to get into position before step `index`: at least 15 s for a new position."""
        step = self.steps[index]
        if self.changes_position(index):
            return max(step.prepare_seconds, POSITION_CHANGE_SECONDS)
        return step.prepare_seconds

    def timeline(self) -> list[Segment]:
        """Every segment of the routine in order, with start times from 0."""
        segments: list[Segment] = []
        for index, step in enumerate(self.steps):
            start = segments[-1].end if segments else 0.0
            segments.extend(step_segments(step, index, start, self.setup_seconds(index)))
        return segments

    def step_seconds(self, index: int) -> float:
        """How long step `index` takes, both sides included."""
        segments = step_segments(self.steps[index], index, 0.0, self.setup_seconds(index))
        return sum(segment.seconds for segment in segments)

    def for_person(self, precautions: frozenset[str]) -> Routine:
        """This routine as it is run for a person with `precautions`: the steps they must not do
        left out, and `person_notes` saying which and why (and which to do another way). Raises
        ValueError for a precaution name LegEase does not know, or if no step would be left."""
        unknown = sorted(precautions - set(PRECAUTIONS))
        if unknown:
            raise ValueError(f"unknown precaution {unknown[0]!r} (known: {', '.join(PRECAUTIONS)})")
        kept: list[Step] = []
        left_out: dict[str, list[str]] = {}
        another_way: dict[str, list[str]] = {}
        for step in self.steps:
            hits = [c for c in step.cautions if c.precautions & precautions]
            gone = [c.words for c in hits if c.leave_out]
            if gone:
                left_out.setdefault("; ".join(gone), []).append(step.title)
                continue
            kept.append(step)
            for caution in hits:
                another_way.setdefault(caution.words, []).append(step.title)
        if not kept:
            raise ValueError(f"every step of '{self.name}' is left out for these precautions")
        notes = [
            f"{_names(titles)} {'is' if len(titles) == 1 else 'are'} left out: {words}."
            for words, titles in left_out.items()
        ]
        notes += [f"{_names(titles)}: {words}." for words, titles in another_way.items()]
        return replace(self, steps=tuple(kept), person_notes=tuple(notes))

    @property
    def total_seconds(self) -> float:
        timeline = self.timeline()
        return timeline[-1].end if timeline else 0.0


def _names(titles: Iterable[str]) -> str:
    """ "Glute stretch", "4-7-8 breathing and Slow breathing"."""
    listed = list(dict.fromkeys(titles))
    return listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} and {listed[-1]}"


def format_clock(seconds: float) -> str:
    """ "4:05" for a countdown (rounded up, so 0:00 shows only at the end)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


DEFAULT_ROUTINE = "calf-hamstring"
"""The built-in routine `r` starts unless the settings name another (see `builtin.py`)."""
PACER_CUE = "Follow the pacer; if you feel light-headed, breathe normally."


def breathing_routine(pattern: BreathPattern, cycles: int) -> Routine:
    """A one-step routine for the breathing pacer (`b` on Home), wherever the person is."""
    step = Step(
        StepKind.BREATHING,
        pattern.name,
        pattern.description or PACER_CUE,
        pattern=pattern,
        cycles=cycles,
        source=pattern.source,
        evidence=pattern.evidence,
    )
    return Routine(f"{PACER_KEY_PREFIX}{pattern.key}", pattern.name, pattern.description, (step,))
