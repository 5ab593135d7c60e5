"""Timer accuracy with the real clock: a routine of 10 steps of 6 s, run in the real app.

For every step change, how late the screen's cue came compared with its due time on the
monotonic timeline. Target: within 50 ms each, and no growth from the first step to the last.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from legease_tui.app import LegEaseApp
from legease_tui.core.clock import SystemClock
from legease_tui.core.routine.cues import Cue
from legease_tui.core.routine.model import Routine, Step, StepKind
from legease_tui.core.routine.session import RoutineSession
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

STEPS, SECONDS = 10, 6.0


class RecordingApp(LegEaseApp):
    """The real app, noting when each cue reached it."""

    lateness: list[tuple[Cue, float]]

    def play_cues(self, cues: list[Cue], session: RoutineSession) -> None:
        now = time.monotonic()
        for cue in cues:
            self.lateness.append((cue, now - (session.started_monotonic + cue.at)))


async def run() -> list[tuple[Cue, float]]:
    home = Path(tempfile.mkdtemp(prefix="legease-bench-"))
    services = build_services(Paths(home, home), SystemClock())
    steps = tuple(
        Step(StepKind.REST, f"Step {n}", "", hold_seconds=SECONDS) for n in range(1, STEPS + 1)
    )
    routine = Routine("drift", "Drift check", "", steps)
    app = RecordingApp(services)
    app.lateness = []
    async with app.run_test(size=(100, 32)) as pilot:
        app.start_routine(routine)
        while not any(cue.kind == "finished" for cue, _ in app.lateness):
            await asyncio.sleep(0.2)
        await pilot.pause()
    return app.lateness


def main() -> None:
    lateness: list[Any] = asyncio.run(run())
    print(f"routine of {STEPS} steps x {SECONDS:g} s with the real clock; lateness of each cue:")
    for cue, late in lateness:
        print(f"  {cue.kind.value:<11} at {cue.at:5.1f} s   {late * 1000:6.1f} ms")
    values = [late for _, late in lateness]
    first, last = values[1], values[-1]
    print(f"  worst {max(values) * 1000:.1f} ms (target <= 50 ms); ", end="")
    print(f"first step change {first * 1000:.1f} ms vs last {last * 1000:.1f} ms (no growth)")


if __name__ == "__main__":
    main()
