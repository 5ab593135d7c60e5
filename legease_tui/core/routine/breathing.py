"""Breathing patterns and where in the breath a person is at any moment.

A pattern is a cycle of phases (breathe in, hold, breathe out, hold). `breath_at` is a pure
function of the time since the start, so the pacer never drifts and tests need no clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from legease_tui.core.evidence import Evidence
from legease_tui.core.suggest import did_you_mean


class BreathAction(StrEnum):
    """What the person does during a phase."""

    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"


ACTION_WORDS = {
    BreathAction.INHALE: "Breathe in",
    BreathAction.HOLD: "Hold",
    BreathAction.EXHALE: "Breathe out",
}


@dataclass(frozen=True)
class BreathPhase:
    """One phase of a breathing cycle; `level` is how full the lungs are (0 empty, 1 full)."""

    action: BreathAction
    seconds: float
    from_level: float
    to_level: float
    words: str = ""

    @property
    def label(self) -> str:
        return self.words or ACTION_WORDS[self.action]


@dataclass(frozen=True)
class BreathPattern:
    """A named breathing cycle."""

    key: str
    name: str
    phases: tuple[BreathPhase, ...]
    description: str = ""
    max_cycles: int | None = None
    source: str = ""
    evidence: Evidence | None = None

    @property
    def cycle_seconds(self) -> float:
        return sum(phase.seconds for phase in self.phases)

    @property
    def may_make_light_headed(self) -> bool:
        """Holding the breath (box, 4-7-8, a custom hold) or breathing in on top of a breath in
        (the sigh) can make a person light-headed; slow even breathing does neither."""
        inhales = sum(phase.action is BreathAction.INHALE for phase in self.phases)
        return inhales > 1 or any(phase.action is BreathAction.HOLD for phase in self.phases)

    @property
    def timing(self) -> str:
        """Short form like "4-7-8" or "5.5-5.5"."""
        return "-".join(f"{p.seconds:g}" for p in self.phases)


@dataclass(frozen=True)
class BreathState:
    """Where the breath is at one moment."""

    cycle: int
    """1-based cycle number."""
    phase_index: int
    phase: BreathPhase
    fraction: float
    """How much of this phase is done, 0..1."""
    seconds_left: float
    """Seconds left in this phase."""
    level: float
    """How full the lungs are now (0..1), eased for a calm animation."""


def _ease(fraction: float) -> float:
    """Sine easing: slow at the turn of each breath, like real breathing."""
    return (1 - math.cos(math.pi * min(max(fraction, 0.0), 1.0))) / 2


def breath_at(pattern: BreathPattern, elapsed: float) -> BreathState:
    """The breath state `elapsed` seconds after the first inhale began."""
    elapsed = max(elapsed, 0.0)
    cycle_index, into_cycle = divmod(elapsed, pattern.cycle_seconds)
    offset = 0.0
    for index, phase in enumerate(pattern.phases):
        if into_cycle < offset + phase.seconds or index == len(pattern.phases) - 1:
            fraction = min((into_cycle - offset) / phase.seconds, 1.0) if phase.seconds else 1.0
            level = phase.from_level + (phase.to_level - phase.from_level) * _ease(fraction)
            return BreathState(
                cycle=int(cycle_index) + 1,
                phase_index=index,
                phase=phase,
                fraction=fraction,
                seconds_left=max(offset + phase.seconds - into_cycle, 0.0),
                level=level,
            )
        offset += phase.seconds
    raise AssertionError("a pattern has at least one phase")


def phase_offsets(pattern: BreathPattern, cycles: int) -> list[tuple[float, BreathPhase]]:
    """Start time of every phase over `cycles` cycles (phases of zero length left out)."""
    result: list[tuple[float, BreathPhase]] = []
    offset = 0.0
    for _ in range(cycles):
        for phase in pattern.phases:
            if phase.seconds > 0:
                result.append((offset, phase))
            offset += phase.seconds
    return result


def _in(seconds: float, start: float = 0.0, end: float = 1.0, words: str = "") -> BreathPhase:
    return BreathPhase(BreathAction.INHALE, seconds, start, end, words)


def _hold(seconds: float, level: float) -> BreathPhase:
    return BreathPhase(BreathAction.HOLD, seconds, level, level)


def _out(seconds: float) -> BreathPhase:
    return BreathPhase(BreathAction.EXHALE, seconds, 1.0, 0.0)


class PatternError(ValueError):
    """A breathing pattern that cannot be used; the message names the field."""


def custom_pattern(
    inhale: float, hold_in: float, exhale: float, hold_out: float, name: str = "Custom"
) -> BreathPattern:
    """Four phases in seconds, each a multiple of 0.5 s; breathing in and out take at least 1 s."""
    for field_name, value in (
        ("inhale", inhale),
        ("hold_in", hold_in),
        ("exhale", exhale),
        ("hold_out", hold_out),
    ):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise PatternError(f"{field_name} must be a number of seconds")
        if not 0 <= value <= 20 or (value * 2) != int(value * 2):
            raise PatternError(
                f"{field_name} must be 0 to 20 seconds in steps of 0.5 (got {value})"
            )
    if inhale < 1 or exhale < 1:
        raise PatternError("inhale and exhale must each be at least 1 second")
    phases = [_in(inhale), _hold(hold_in, 1.0), _out(exhale), _hold(hold_out, 0.0)]
    kept = tuple(p for p in phases if p.seconds > 0)
    timing = "-".join(f"{v:g}" for v in (inhale, hold_in, exhale, hold_out))
    return BreathPattern("custom", f"{name} {timing}", kept, "Your own timing.")


PATTERNS: dict[str, BreathPattern] = {
    p.key: p
    for p in (
        BreathPattern(
            "resonance",
            "Resonance 5.5-5.5",
            (_in(5.5), _out(5.5)),
            "About six slow breaths a minute, in and out evenly. Calming and easy.",
            source="Steffen et al., Front Public Health 2017 (small trial: mood, blood pressure)",
            evidence=Evidence.TRIAL,
        ),
        BreathPattern(
            "box",
            "Box 4-4-4-4",
            (_in(4), _hold(4, 1.0), _out(4), _hold(4, 0.0)),
            "In, hold, out, hold: four seconds each. Steadies a racing mind.",
            source="Widely taught relaxation technique (expert advice)",
            evidence=Evidence.COMMON,
        ),
        BreathPattern(
            "4-7-8",
            "4-7-8",
            (_in(4), _hold(7, 1.0), _out(8)),
            "In for 4, hold for 7, out slowly for 8. Start with four rounds at most; "
            "stop if you feel light-headed.",
            max_cycles=4,
            source="Relaxation breathing, expert advice (at most 4 rounds to start)",
            evidence=Evidence.COMMON,
        ),
        BreathPattern(
            "sigh",
            "Physiological sigh",
            (_in(2.5, 0.0, 0.75), _in(1.0, 0.75, 1.0, "Breathe in again"), _out(6.5)),
            "Two breaths in through the nose, the second a short top-up, then a long, slow "
            "breath out.",
            source="Balban et al., Cell Reports Medicine 2023 (trial: cyclic sighing and mood)",
            evidence=Evidence.TRIAL,
        ),
    )
}


PACER_MINUTES = 5
"""How long the breathing pacer runs by default."""


def cycles_for(pattern: BreathPattern, minutes: float = PACER_MINUTES) -> int:
    """About `minutes` of the pattern, within its safe number of cycles (the pacer's length)."""
    cycles = max(1, round(minutes * 60 / pattern.cycle_seconds))
    return min(cycles, pattern.max_cycles or cycles)


def pattern_named(key: str) -> BreathPattern:
    """A built-in pattern by key; raises PatternError listing the known keys."""
    try:
        return PATTERNS[key]
    except KeyError:
        known = ", ".join(PATTERNS)
        hint = did_you_mean(key, PATTERNS)
        raise PatternError(f"unknown breathing pattern '{key}' (known: {known}).{hint}") from None
