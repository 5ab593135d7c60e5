"""Cold start to the first frame of Home vs a bare Textual app, and peak memory.

Each run is a fresh interpreter that builds the app, runs it headless until the first frame is
composed and drawn, and exits. Both apps are started the same way, alternately, in this run.
Targets: time at most 1.3x, peak RSS at most 1.5x of the bare app.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from _terminal import BARE_APP, median

RUNS = 11
FIRST_FRAME = """
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
"""
BARE = (
    BARE_APP + FIRST_FRAME + "Bare().run(headless=True, size=(100, 32), auto_pilot=first_frame)\n"
)
LEGEASE = (
    FIRST_FRAME
    + """
import sys
from legease_tui.app import LegEaseApp
from legease_tui.paths import resolve_paths
from legease_tui.services import build_services

app = LegEaseApp(build_services(resolve_paths(sys.argv[1])))
app.run(headless=True, size=(100, 32), auto_pilot=first_frame)
"""
)


def measure(code: str, *args: str) -> tuple[float, float]:
    """Wall seconds from spawn to exit, and peak RSS in MiB, of one cold start."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args])
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"start-up run failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    home = tempfile.mkdtemp(prefix="legease-bench-")
    bare_times, bare_rss, app_times, app_rss = [], [], [], []
    measure(BARE)  # warm the file cache for both, then alternate
    measure(LEGEASE, home)
    for _ in range(RUNS):
        seconds, rss = measure(BARE)
        bare_times.append(seconds)
        bare_rss.append(rss)
        seconds, rss = measure(LEGEASE, home)
        app_times.append(seconds)
        app_rss.append(rss)
    bare_t, app_t = median(bare_times), median(app_times)
    bare_m, app_m = max(bare_rss), max(app_rss)
    print(f"cold start to first frame (median of {RUNS}):")
    print(f"  bare Textual app   {bare_t * 1000:7.0f} ms   peak RSS {bare_m:6.1f} MiB")
    print(f"  LegEase Home       {app_t * 1000:7.0f} ms   peak RSS {app_m:6.1f} MiB")
    print(f"  ratio              {app_t / bare_t:7.2f}x (target <= 1.3x)", end="")
    print(f"   RSS {app_m / bare_m:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
