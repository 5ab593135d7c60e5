"""Reminders on: start-up still close to a bare Textual app, and Home idles with a job armed.

- Cold start to the first frame with reminders on, against the bare app, alternately in this run
  (target <= 1.3x). Since issue 23 that frame carries Home's content (tonight's routine);
  `bench_startup.py` times it from outside against its own target. APScheduler must load only
  after that frame; the script reports whether it was imported at first frame, and the time
  until the nightly job is armed.
- CPU of Home left idle with a reminder scheduled (in two hours), in a real pseudo-terminal,
  against the bare app idle (target < 0.5 % of a core).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from _terminal import BARE_APP, idle_cpu_percent, median, python_script

RUNS = 11
IDLE_SECONDS = 20.0
BARE = (
    BARE_APP
    + """
import sys
import time


class Measured(Bare):
    def on_ready(self):  # Textual sends Ready once the first frame is displayed
        with open(sys.argv[-1], "w") as report:
            report.write(f"{time.monotonic()!r} 0")
        self.exit()


Measured().run(headless=True, size=(100, 32))
"""
)
WITH_REMINDERS = """
import sys
import time

from legease_tui.app.main import LegEaseApp
from legease_tui.services import build_services
from legease_tui.settings.paths import resolve_paths


def note_time():
    with open(sys.argv[-1], "w") as report:
        report.write(f"{time.monotonic()!r} 0")  # the time; memory is bench_startup's figure


class Measured(LegEaseApp):
    def on_ready(self):  # Textual sends Ready once the first frame is displayed
        mode = sys.argv[2]
        if mode == "armed":
            self.set_interval(0.001, self.armed_yet)
            return
        note_time()
        loaded = any(name.startswith("apscheduler") for name in sys.modules)
        self.exit(1 if loaded and mode == "check" else 0)

    def armed_yet(self):
        if self.reminders.scheduler is not None:
            note_time()
            self.exit()


app = Measured(build_services(resolve_paths(sys.argv[1])))
app.run(headless=True, size=(100, 32))
sys.exit(app.return_code or 0)
"""


def measure(code: str, *args: str) -> float:
    """Seconds from spawning a fresh interpreter to the moment it notes (at Textual's Ready, in
    the program itself: the job being armed is not on the screen)."""
    with tempfile.NamedTemporaryFile(suffix=".ready") as report:
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, "-c", code, *args, report.name])
        if process.wait() != 0:
            raise SystemExit(f"start-up run failed with status {process.returncode}")
        return float(Path(report.name).read_text().split()[0]) - started


def reminder_home() -> str:
    """A LegEase home with reminders on, due in two hours (so nothing fires while measuring)."""
    home = Path(tempfile.mkdtemp(prefix="legease-bench-"))
    due = (datetime.now() + timedelta(hours=2)).strftime("%H:%M")
    # 11:59 is the last minute of any night (noon to noon), so the cut-off never comes first.
    text = f'[reminders]\nenabled = true\ntime = "{due}"\nlatest = "11:59"\n'
    (home / "config.toml").write_text(text)
    return str(home)


def main() -> None:
    home = reminder_home()
    measure(BARE)
    first_frame_ok = True
    try:
        measure(WITH_REMINDERS, home, "check")
    except SystemExit:
        first_frame_ok = False
    bare, frame, armed = [], [], []
    for _ in range(RUNS):
        bare.append(measure(BARE))
        frame.append(measure(WITH_REMINDERS, home, "frame"))
        armed.append(measure(WITH_REMINDERS, home, "armed"))
    b, f, a = median(bare), median(frame), median(armed)
    print(f"cold start with reminders on (median of {RUNS}):")
    print(f"  bare Textual app, first frame     {b * 1000:6.0f} ms")
    print(
        f"  LegEase Home, first frame         {f * 1000:6.0f} ms   {f / b:5.2f}x (target <= 1.3x)"
    )
    print(
        f"  LegEase, nightly job armed        {a * 1000:6.0f} ms   {a / b:5.2f}x (after the frame)"
    )
    loaded = "no" if first_frame_ok else "YES (it should load after the first frame)"
    print(f"  APScheduler imported before the first frame: {loaded}")
    legease = [sys.executable, "-m", "legease_tui", "--home", home]
    bare_cpu = idle_cpu_percent(python_script(BARE_APP + "Bare().run()"), IDLE_SECONDS)
    home_cpu = idle_cpu_percent(legease, IDLE_SECONDS)
    print(f"CPU over {IDLE_SECONDS:.0f} s, percent of one core:")
    print(f"  bare Textual app, idle            {bare_cpu:5.2f} %")
    print(f"  LegEase Home, reminder scheduled  {home_cpu:5.2f} %   (target < 0.5 %)")


if __name__ == "__main__":
    main()
