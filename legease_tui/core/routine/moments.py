"""The words of each moment of a routine, for the plain-text mode (`legease routine --plain`).

One line per cue, for a screen reader or a braille display in place of the routine screen: what to
do now and for how long ("Left calf stretch. Hold 1 of 3, 10 seconds."). Pure: the session hands
out the cues, this module only words them; a moment lasts until the next cue.
"""

from __future__ import annotations

import itertools
import math

from legease_tui.core.durations import seconds_text
from legease_tui.core.evidence import source_label
from legease_tui.core.routine.breathing import breath_at
from legease_tui.core.routine.cues import Cue, CueKind, routine_cues
from legease_tui.core.routine.model import (
    PHASE_WORDS,
    TAKE_YOUR_TIME,
    Phase,
    Routine,
    Segment,
    StepKind,
)
from legease_tui.core.routine.outcome import SessionOutcome, outcome_headline
from legease_tui.core.routine.session import SessionView
from legease_tui.core.routine.speech import POSITION_WORDS

_BREATH_KINDS = (CueKind.BREATHE_IN, CueKind.BREATHE_HOLD, CueKind.BREATHE_OUT)


def seconds_words(seconds: float) -> str:
    """ "10 seconds", "5.5 seconds", "1 second"."""
    value = round(seconds, 1)
    return f"{value:g} second{'' if value == 1 else 's'}"


class MomentWords:
    """The lines of one routine's moments, worked out once from its timeline and cues."""

    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self.timeline = routine.timeline()
        cues = routine_cues(routine)
        self._lengths = {cue: after.at - cue.at for cue, after in itertools.pairwise(cues)}

    def intro(self) -> str:
        """ "Calf & hamstring: 3 steps, 5 min 41 s." """
        count = len(self.routine.steps)
        length = seconds_text(self.routine.total_seconds)
        return f"{self.routine.name}: {count} step{'s' if count != 1 else ''}, {length}."

    def step_lines(self, index: int) -> list[str]:
        """The step's heading, how to do it and what stands behind it, said when it starts."""
        step = self.routine.steps[index]
        count = len(self.routine.steps)
        length = seconds_text(self.routine.step_seconds(index))
        lines = [f"Step {index + 1} of {count}: {step.title}, {length}.", step.cue]
        if step.source:
            lines.append(f"Source: {source_label(step.source, step.evidence)}.")
        return lines

    def lines(self, cue: Cue, new_step: bool) -> list[str]:
        """What to say at `cue`; with `new_step`, the step's heading and how-to first."""
        if cue.kind is CueKind.FINISHED:
            return ["Routine done."]
        head = self.step_lines(cue.step_index) if new_step else []
        return [*head, self.moment_line(cue)]

    def _segment_at(self, at: float, step_index: int) -> Segment:
        # The segment that starts at `at` (a cue sits on a boundary), within the cue's step.
        inside = [s for s in self.timeline if s.step_index == step_index and s.start <= at + 1e-9]
        return inside[-1]

    def moment_line(self, cue: Cue) -> str:
        """ "Left calf stretch. Hold 1 of 3, 10 seconds.", "Breathe in, 5.5 seconds."."""
        step = self.routine.steps[cue.step_index]
        segment = self._segment_at(cue.at, cue.step_index)
        length = seconds_words(self._lengths.get(cue, segment.end - cue.at))
        if cue.kind in _BREATH_KINDS and step.pattern is not None:
            breath = breath_at(step.pattern, cue.at - segment.start + 1e-6)
            line = f"{breath.phase.label}, {length}"
            if breath.phase_index == 0:
                line += f" (breath {breath.cycle} of {step.cycles})"
            return line + "."
        title = step.title_for(segment.side)
        if segment.phase is Phase.HOLD:
            what = f"Hold {segment.rep} of {step.reps}" if step.reps > 1 else "Hold"
            line = f"{title}. {what}, {length}."
        elif segment.phase is Phase.REST and step.kind is StepKind.STRETCH:
            line = f"Relax, {length}."
        elif segment.phase is Phase.REST:
            line = f"{title}. Relax, {length}."
        elif segment.phase is Phase.PREPARE and self.routine.changes_position(cue.step_index):
            assert step.position is not None  # a change of position needs one
            where = POSITION_WORDS[step.position]
            line = f"{title}, {where}. {TAKE_YOUR_TIME}: {length} to get into position."
        else:
            line = f"{title}. Get into position, {length}."
        return f"Switch sides. {line}" if cue.kind is CueKind.SWITCH_SIDES else line

    def where(self, view: SessionView) -> str:
        """Where the routine is, for carrying on after a pause: "Left calf stretch, hold 1 of 3:
        6 seconds left."."""
        if view.breath is not None:
            left = seconds_words(math.ceil(view.breath.seconds_left - 1e-9))
            return f"{view.breath.phase.label}: {left} left."
        title = view.step.title_for(view.segment.side)
        words = PHASE_WORDS[view.segment.phase].lower()
        if view.segment.phase is Phase.HOLD and view.step.reps > 1:
            words = f"hold {view.segment.rep} of {view.step.reps}"
        left = seconds_words(math.ceil(view.segment_left - 1e-9))
        return f"{title}, {words}: {left} left."


def summary_lines(outcome: SessionOutcome) -> list[str]:
    """What a finished or stopped routine came to, as the summary screen says it."""
    return [
        outcome_headline(outcome),
        f"Time taken {seconds_text(outcome.duration_seconds)}; steps done "
        f"{outcome.steps_done} of {outcome.steps_total}.",
    ]
