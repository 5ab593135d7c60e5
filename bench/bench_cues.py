"""Cue timing: over a 2-minute routine on the real clock, does each cue start on its boundary?

A fake `paplay` and `espeak-ng` first on PATH log the wall time they were started. The app runs
headless with the real clock and the real audio adapter; each logged start is compared with the
cue's boundary (routine start + the cue's offset). Target: every cue within 50 ms.

Also: what the audio adapter adds to start-up (it is imported with the app, at the top of
`app/cues.py`: too little to be worth a seam), and the CPU over the routine with sound on beside
the same with sound off.
"""

from __future__ import annotations

import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from legease_tui.core.clock import SystemClock
from legease_tui.core.routine.breathing import pattern_named
from legease_tui.core.routine.cue_plan import plan_cues
from legease_tui.core.routine.cues import routine_cues
from legease_tui.core.routine.model import Routine, Side, Step, StepKind
from legease_tui.launch import build_app
from legease_tui.screens.routine import RoutineScreen
from legease_tui.settings.paths import Paths

TARGET_MS = 50.0
ROUTINE = Routine(
    "bench",
    "Bench routine",
    "A calf stretch both sides, then slow breathing: about two minutes.",
    (
        Step(
            StepKind.STRETCH, "Calf stretch", "", hold_seconds=10, reps=2, rest_seconds=5,
            side=Side.BOTH, prepare_seconds=5,
        ),
        Step(
            StepKind.BREATHING, "Slow breathing", "", pattern=pattern_named("resonance"),
            cycles=6,
        ),
    ),
)  # fmt: skip


def fake_programs(folder: Path, log: Path) -> None:
    for name in ("paplay", "espeak-ng"):
        script = folder / name
        # `date` is the only extra process: the logged time is when the player really started.
        script.write_text(f'#!/bin/sh\necho "$(date +%s.%N) {name}" >> "{log}"\n')
        script.chmod(0o755)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run_routine(home: Path, sound: bool = True) -> tuple[float, float, bool, float]:
    """Run the routine to its end; returns its start (wall time), CPU used, whether the adapter
    was loaded before the first cue, and the wall seconds it took."""
    paths = Paths(data_dir=home, config_dir=home)
    paths.ensure()
    paths.config_file.write_text(f"[sound]\nvoice = true\nenabled = {str(sound).lower()}\n")
    app = build_app(paths, SystemClock())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        loaded_early = "legease_tui.adapters.cue_player" in sys.modules
        cpu_before, wall_before = cpu_seconds(), time.perf_counter()
        app.start_routine(ROUTINE)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        session = screen.session
        # The session's own start, on the wall clock (monotonic and wall advance together).
        start_wall = time.time() - (time.monotonic() - session._started_mono)
        while session.outcome is None:
            await asyncio.sleep(0.5)
        await asyncio.sleep(0.5)  # let the last player start and be reaped
        wall = time.perf_counter() - wall_before
        return start_wall, cpu_seconds() - cpu_before, loaded_early, wall


def adapter_import_ms() -> float:
    """What importing the audio adapter adds once Home's modules are loaded, best of 5."""
    code = (
        "import time, legease_tui.screens.home, legease_tui.services, "
        "legease_tui.core.routine.session; t = time.perf_counter(); "
        "import legease_tui.adapters.cue_player; "
        "print(time.perf_counter() - t)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(5)
    ]  # fmt: skip
    return min(runs) * 1000


def main() -> None:
    total = ROUTINE.total_seconds
    with tempfile.TemporaryDirectory() as tmp:
        folder, log = Path(tmp), Path(tmp) / "started.log"
        fake_programs(folder, log)
        os.environ["PATH"] = f"{folder}{os.pathsep}{os.environ['PATH']}"
        start_wall, cpu, loaded_early, wall = asyncio.run(run_routine(folder / "home"))
        _, quiet_cpu, _, quiet_wall = asyncio.run(run_routine(folder / "quiet", sound=False))
        lines = [line.split() for line in log.read_text().splitlines()]
    sounds = [float(t) for t, name in lines if name == "paplay"]
    words = [float(t) for t, name in lines if name == "espeak-ng"]
    cues = routine_cues(ROUTINE)
    spoken = [cue for cue in cues if plan_cues([cue], ROUTINE, voice=True).speech]
    late_ms = [(t - (start_wall + cue.at)) * 1000 for t, cue in zip(sounds, cues, strict=False)]
    speech_ms = [(t - (start_wall + cue.at)) * 1000 for t, cue in zip(words, spoken, strict=False)]
    print(f"routine: {total:.0f} s, {len(cues)} cues, {len(spoken)} spoken lines, real clock")
    print(f"cue sounds started: {len(sounds)} of {len(cues)} (one per boundary, in order)")
    print(
        f"cue start after its boundary: median {statistics.median(late_ms):.1f} ms, "
        f"max {max(late_ms):.1f} ms, min {min(late_ms):.1f} ms "
        f"(target: all within {TARGET_MS:.0f} ms)"
    )
    within = sum(abs(ms) <= TARGET_MS for ms in late_ms)
    print(f"cues within target: {within} of {len(late_ms)}")
    print(
        f"speech started: {len(words)} of {len(spoken)}; max {max(speech_ms):.1f} ms after boundary"
    )
    print(
        f"CPU over the routine: sound on {cpu:.2f} s in {wall:.0f} s ({100 * cpu / wall:.2f} %), "
        f"sound off {quiet_cpu:.2f} s in {quiet_wall:.0f} s ({100 * quiet_cpu / quiet_wall:.2f} %);"
        f" ratio {cpu / max(quiet_cpu, 1e-3):.2f}x"
    )
    print(f"audio adapter loaded with the app (no seam): {loaded_early}")
    print(f"what importing it adds after Home's modules: {adapter_import_ms():.1f} ms")


if __name__ == "__main__":
    main()
