"""Timer accuracy with the real clock: a routine of 10 steps of 6 s, run in the real app.

For every cue, how late it reached the app compared with its due time on the monotonic timeline.
Target: within 50 ms each, and no growth from the first step to the last. The first cue's
lateness is also measured from the moment the routine was asked for (the key press): the clock
starts on the screen's first frame, so that gap is the time to show the screen, not lost time.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import SystemClock
from legease_tui.core.routine.cues import Cue
from legease_tui.core.routine.model import Routine, Step, StepKind
from legease_tui.messages import CuesDue
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

STEPS, SECONDS = 10, 6.0


class RecordingApp(LegEaseApp):
    """The real app, noting when each cue reached it."""

    lateness: list[tuple[Cue, float]]
    first_cue_at: float | None = None

    def on_cues_due(self, message: CuesDue) -> None:
        now = time.monotonic()
        if self.first_cue_at is None:
            self.first_cue_at = now
        for cue in message.cues:
            self.lateness.append((cue, now - (message.session.started_monotonic + cue.at)))
        super().on_cues_due(message)


async def run() -> tuple[list[tuple[Cue, float]], float]:
    home = Path(tempfile.mkdtemp(prefix="legease-bench-"))
    services = build_services(Paths(home, home), SystemClock())
    steps = tuple(
        Step(StepKind.REST, f"Step {n}", "", hold_seconds=SECONDS) for n in range(1, STEPS + 1)
    )
    routine = Routine("drift", "Drift check", "", steps)
    app = RecordingApp(services)
    app.lateness = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        asked = time.monotonic()
        app.start_routine(routine)
        while not any(cue.kind == "finished" for cue, _ in app.lateness):
            await asyncio.sleep(0.2)
        await pilot.pause()
    assert app.first_cue_at is not None
    return app.lateness, app.first_cue_at - asked


def main() -> None:
    lateness: list[Any]
    lateness, to_first = asyncio.run(run())
    print(f"routine of {STEPS} steps x {SECONDS:g} s with the real clock; lateness of each cue:")
    for cue, late in lateness:
        print(f"  {cue.kind.value:<11} at {cue.at:5.1f} s   {late * 1000:6.1f} ms")
    values = [late for _, late in lateness]
    first, last = values[1], values[-1]
    print(f"  worst {max(values) * 1000:.1f} ms (target <= 50 ms); ", end="")
    print(f"first step change {first * 1000:.1f} ms vs last {last * 1000:.1f} ms (no growth)")
    print(
        f"  first cue: {values[0] * 1000:.1f} ms after the routine's time zero (target <= 50 ms); "
        f"{to_first * 1000:.1f} ms after it was asked for (showing the screen)"
    )


if __name__ == "__main__":
    main()
