"""What the voice says: each step in a few words, from the routine data.

With `voice = true` the app speaks at each step start ("Left calf. Three holds of ten seconds."),
at a change of side ("Switch sides"), before the last hold of a step ("Last one") and at the end
("Routine done"). The first step starts with the routine's opening lines, and a step in a new
position names it ("Hamstring, sitting. Take your time getting down and up."). The words live
here, in core, so the screen, the audio adapter and the tests all use one source; the adapter
only hands the text to a speech program.
"""

from __future__ import annotations

import re

from legease_tui.core.routine.cues import Cue, CueKind
from legease_tui.core.routine.model import TAKE_YOUR_TIME, Position, Routine, Side, Step, StepKind
from legease_tui.core.routine.opening import opening_lines

SWITCH_SIDES = "Switch sides"
LAST_ONE = "Last one"
ROUTINE_DONE = "Routine done"

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
POSITION_WORDS = {
    Position.STANDING: "standing",
    Position.SITTING: "sitting",
    Position.LYING: "lying down",
}
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(value: float) -> str:
    """ "ten", "ninety", "forty-five" for whole numbers under 100; digits otherwise (5.5, 120).

    Speech programs read digits well, but words keep a calm, even rhythm for the common counts.
    """
    if value != int(value) or not 0 <= value < 100:
        return f"{value:g}"
    whole = int(value)
    if whole < 20:
        return _ONES[whole]
    tens, ones = divmod(whole, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _plural(count: float, word: str) -> str:
    return f"{number_words(count)} {word}{'' if count == 1 else 's'}"


def _spoken_title(step: Step, side: Side) -> str:
    """ "Left calf", "Legs up the wall", "4 7 8 breathing": short, and easy for a synthesiser."""
    title = step.title_for(side)
    title = re.sub(r"\s+stretch$", "", title, flags=re.IGNORECASE)
    return re.sub(r"(?<=\d)-(?=\d)", " ", title)  # "4-7-8" is read as a range otherwise


def step_announcement(step: Step, side: Side = Side.NONE, new_position: bool = False) -> str:
    """The words at a step's start: what it is and how long, in one or two short sentences;
    with `new_position`, the position and a word to take it slowly first."""
    title = _spoken_title(step, side)
    if new_position and step.position is not None:
        title = f"{title}, {POSITION_WORDS[step.position]}. {TAKE_YOUR_TIME}"
    if step.kind is StepKind.BREATHING:
        return f"{title}. {_plural(step.cycles, 'breath').capitalize()}."
    if step.kind is StepKind.REST:
        return f"{title}. {_plural(step.hold_seconds, 'second').capitalize()}."
    holds = _plural(step.reps, "hold").capitalize()
    seconds = _plural(step.hold_seconds, "second")
    if len(step.sides) > 1:
        return f"{title}. {holds} of {seconds}, each side."
    return f"{title}. {holds} of {seconds}."


def holds_in_step(step: Step) -> int:
    """How many holds a stretch has, both sides counted."""
    return step.reps * len(step.sides) if step.kind is StepKind.STRETCH else 0


def speech_for(cue: Cue, routine: Routine) -> str | None:
    """The words for `cue`, or None when this moment has nothing to say.

    The routine's first moment says its opening lines before the step. "Last one" is said only
    when a step has more than one hold (for a single hold the step's own announcement has just
    said so).
    """
    if cue.kind is CueKind.FINISHED:
        return ROUTINE_DONE
    step = routine.steps[cue.step_index]
    if cue.starts_step:
        words = step_announcement(step, cue.side, routine.changes_position(cue.step_index))
        if cue.at == 0:
            return " ".join([*opening_lines(routine), words])
        return words
    if cue.kind is CueKind.SWITCH_SIDES:
        return SWITCH_SIDES
    if cue.kind is CueKind.HOLD_START and cue.last_rep and holds_in_step(step) > 1:
        return LAST_ONE
    return None
