"""Which sound (and which words) a batch of cues asks for, given the person's sound settings.

The cues say what each moment is (`cues.py`); this module decides what is heard:
one of a small set of sounds, and the words when the voice is on. It is pure, so the routine
screen, the audio adapter and the tests agree without computing anything twice.

Late cues (after the laptop slept, or a slow frame) arrive in one batch; only the newest one is
heard, so a person never gets a burst of stale sounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from legease_tui.core.routine.cues import Cue, CueKind
from legease_tui.core.routine.model import Routine
from legease_tui.core.routine.speech import speech_for


class CueSound(StrEnum):
    """The cue sounds; each value is the stem of a WAV file in `legease_tui/sounds/`."""

    HOLD_START = "hold_start"
    HOLD_END = "hold_end"
    SWITCH_SIDES = "switch_sides"
    NEXT_STEP = "next_step"
    BREATHE_IN = "breathe_in"
    BREATHE_HOLD = "breathe_hold"
    BREATHE_OUT = "breathe_out"
    FINISHED = "finished"


SOUND_LABELS = {
    CueSound.HOLD_START: "hold starts",
    CueSound.HOLD_END: "hold ends, rest",
    CueSound.SWITCH_SIDES: "switch sides",
    CueSound.NEXT_STEP: "next stretch",
    CueSound.BREATHE_IN: "breathe in (rising)",
    CueSound.BREATHE_HOLD: "hold the breath",
    CueSound.BREATHE_OUT: "breathe out (falling)",
    CueSound.FINISHED: "routine finished",
}
"""What each sound means, in the words `legease sound --test` prints."""

_SOUND_OF_KIND = {
    CueKind.STEP_START: CueSound.NEXT_STEP,
    CueKind.HOLD_START: CueSound.HOLD_START,
    CueKind.HOLD_END: CueSound.HOLD_END,
    CueKind.SWITCH_SIDES: CueSound.SWITCH_SIDES,
    CueKind.BREATHE_IN: CueSound.BREATHE_IN,
    CueKind.BREATHE_HOLD: CueSound.BREATHE_HOLD,
    CueKind.BREATHE_OUT: CueSound.BREATHE_OUT,
    CueKind.FINISHED: CueSound.FINISHED,
}

CUE_MODES = ("all", "steps", "none")
"""`[sound] cues`: every cue, step changes only (new step, switch sides, the end), or none."""


def sound_for(cue: Cue) -> CueSound:
    """The sound of one cue. A breathing step starts on its first breath, so it sounds that
    breath (what to do now); the voice names the step."""
    return _SOUND_OF_KIND[cue.kind]


def is_step_change(cue: Cue) -> bool:
    """A change of what the person does: a new step, the other side, or the end."""
    return cue.starts_step or cue.kind in (CueKind.SWITCH_SIDES, CueKind.FINISHED)


@dataclass(frozen=True)
class CuePlan:
    """What to play for a batch of cues: a sound, words, both or nothing."""

    cue: Cue | None = None
    """The cue that is heard (the newest one the mode lets through)."""
    sound: CueSound | None = None
    speech: str | None = None


def plan_cues(
    cues: Sequence[Cue],
    routine: Routine,
    *,
    enabled: bool = True,
    mode: str = "all",
    voice: bool = False,
) -> CuePlan:
    """The sound and words for `cues` (one poll's batch), following the sound settings."""
    if mode not in CUE_MODES:
        raise ValueError(f"cue mode must be one of {', '.join(CUE_MODES)} (got {mode!r})")
    if not enabled or not cues:
        return CuePlan()
    audible = [cue for cue in cues if mode == "all" or (mode == "steps" and is_step_change(cue))]
    cue = audible[-1] if audible else None
    sound = sound_for(cue) if cue is not None else None
    speech = None
    if voice:
        spoken = [text for c in cues if (text := speech_for(c, routine)) is not None]
        speech = spoken[-1] if spoken else None
    return CuePlan(cue, sound, speech)
