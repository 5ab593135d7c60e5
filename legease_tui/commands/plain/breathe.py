"""`legease breathe --plain [PATTERN]`: the breathing pacer as lines ("Breathe in, 5.5
seconds."), a one-step routine like the app's pacer, kept in the log the same way."""

from __future__ import annotations

from legease_tui.commands.plain import CuePlayer, KeySource, Say
from legease_tui.commands.plain.routine import run_plain
from legease_tui.core.routine.breathing import BreathPattern, cycles_for
from legease_tui.core.routine.model import breathing_routine
from legease_tui.services import Services


def run_breathe_plain(
    services: Services,
    pattern: BreathPattern,
    keys: KeySource,
    say: Say,
    audio: CuePlayer | None = None,
    interactive: bool = True,
) -> int:
    """About five minutes of `pattern` (4-7-8 at most four rounds), then the summary; its
    description is said as the step's how-to."""
    routine = breathing_routine(pattern, cycles_for(pattern))
    return run_plain(services, routine, keys, say, audio, interactive)
