"""Cold start to the first frame of Home vs a bare Textual app, and peak memory.

Each run is a fresh interpreter that builds the app and runs it headless; the time is taken at
Textual's Ready event (sent once the first frame is displayed). Work an app defers until after
its first frame (LegEase fills in the log glance and reminder line then) is not counted, which is
the point of deferring it. Both apps are started the same way,
alternately, in this run.
Targets (issue 12): time at most 1.2x, peak RSS at most 1.15x of the bare app.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _terminal import BARE_APP, median

RUNS = 11
FIRST_FRAME = """
import sys
import time


def exit_on_first_frame(app_class):
    class FirstFrame(app_class):
        def on_ready(self) -> None:  # Textual sends Ready once the first frame is displayed
            now = time.monotonic()
            # VmHWM: this program's own peak memory (ru_maxrss would also count the parent's
            # pages that the fork copied before exec).
            with open("/proc/self/status") as status:
                peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
            with open(sys.argv[-1], "w") as report:
                report.write(f"{now!r} {peak}")
            self.exit()

    return FirstFrame
"""
BARE = BARE_APP + FIRST_FRAME + "exit_on_first_frame(Bare)().run(headless=True, size=(100, 32))\n"
LEGEASE = (
    FIRST_FRAME
    + """
from legease_tui.app import LegEaseApp
from legease_tui.settings.paths import resolve_paths
from legease_tui.services import build_services

app = exit_on_first_frame(LegEaseApp)(build_services(resolve_paths(sys.argv[1])))
app.run(headless=True, size=(100, 32))
"""
)


def measure(code: str, *args: str) -> tuple[float, float]:
    """Seconds from spawning a fresh interpreter to its first frame (the child notes the
    system-wide monotonic time at Ready), and its peak RSS by then, in MiB."""
    with tempfile.NamedTemporaryFile(suffix=".ready") as report:
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, "-c", code, *args, report.name])
        if process.wait() != 0:
            raise SystemExit(f"start-up run failed with status {process.returncode}")
        ready, peak_kib = Path(report.name).read_text().split()
    return float(ready) - started, int(peak_kib) / 1024


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
    print(f"  ratio              {app_t / bare_t:7.2f}x (target <= 1.2x)", end="")
    print(f"   RSS {app_m / bare_m:.2f}x (target <= 1.15x)")


if __name__ == "__main__":
    main()
