"""Cold start as a person sees it, measured from outside: a fresh interpreter in a real terminal,
timed from the spawn until its text reaches the screen.

Two moments for LegEase: its first frame (the header's "calm legs") and Home's content (tonight's
routine by name: what a person opened it for). A bare Textual app (Header, a Label, Footer) is
timed the same way, to its label, alternately in the same run; its first frame is its content.
Peak RSS is each program's own VmHWM once its text is shown.
Target (issue 23): Home's content within 1.5x the bare app's label; peak RSS within 1.15x.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _terminal import BARE_APP, Seen, median, python_script, time_to_texts

RUNS = 11
FIRST_FRAME = "calm legs"
CONTENT = "Calf & hamstring"
"""Tonight's routine on a fresh home (the default routine)."""
REMINDERS_ON = '[reminders]\nenabled = true\ntime = "21:30"\n'


def legease(home: str) -> list[str]:
    return [sys.executable, "-m", "legease_tui", "--home", home]


def main() -> None:
    fresh = tempfile.mkdtemp(prefix="legease-bench-")
    reminded = tempfile.mkdtemp(prefix="legease-bench-")
    Path(reminded, "config.toml").write_text(REMINDERS_ON)
    bare = python_script(BARE_APP + "Bare().run()\n")
    runs: dict[str, list[Seen]] = {"bare": [], "fresh": [], "reminders": []}
    time_to_texts(bare, ["Hello"])  # warm the file cache for every program, then alternate
    time_to_texts(legease(fresh), [FIRST_FRAME, CONTENT])
    for _ in range(RUNS):
        runs["bare"].append(time_to_texts(bare, ["Hello"]))
        runs["fresh"].append(time_to_texts(legease(fresh), [FIRST_FRAME, CONTENT]))
        runs["reminders"].append(time_to_texts(legease(reminded), [FIRST_FRAME, CONTENT]))

    def ms(name: str, text: str) -> float:
        return median([seen.at[text] for seen in runs[name]]) * 1000

    def mib(name: str) -> float:
        return max(seen.peak_mib for seen in runs[name])

    bare_ms, bare_mib = ms("bare", "Hello"), mib("bare")
    print(f"cold start in a terminal, from outside (median of {RUNS}):")
    print(f"  bare Textual app, its label  {bare_ms:6.0f} ms   peak RSS {bare_mib:5.1f} MiB")
    for name, label in (("fresh", "fresh home"), ("reminders", "reminders on")):
        first, content = ms(name, FIRST_FRAME), ms(name, CONTENT)
        print(
            f"  LegEase ({label}): first frame {first:6.0f} ms ({first / bare_ms:.2f}x), "
            f"Home's content {content:6.0f} ms ({content / bare_ms:.2f}x, target <= 1.5x)   "
            f"peak RSS {mib(name):5.1f} MiB ({mib(name) / bare_mib:.2f}x, target <= 1.15x)"
        )


if __name__ == "__main__":
    main()
