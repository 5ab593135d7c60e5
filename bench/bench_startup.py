"""Cold start as a person sees it, measured from outside: a fresh interpreter in a real terminal,
timed from the spawn until its text reaches the screen.

Three moments for LegEase: its first frame (the header's "calm legs"), Home's content (tonight's
routine by name: what a person opened it for) and Home's lines below it (the recent nights, from
a worker after the first frame). A bare Textual app (Header, a Label, Footer) is timed the same
way, to its label, alternately in the same run; its first frame is its content. Peak RSS is each
program's own VmHWM once its last text is shown. Both programs run from compiled
bytecode, as a person's copy does (pip compiles on install; an editable install writes its cache
on the first run), even where PYTHONDONTWRITEBYTECODE is set for the shell.
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
LINES = "No nights logged yet"
"""Home's recent nights on a fresh home."""
TEXTS = [FIRST_FRAME, CONTENT, LINES]
REMINDERS_ON = '[reminders]\nenabled = true\ntime = "21:30"\n'
BYTECODE = {"PYTHONDONTWRITEBYTECODE": ""}
"""Empty: Python writes and reads its bytecode cache, as on a person's machine."""


def legease(home: str) -> list[str]:
    return [sys.executable, "-m", "legease_tui", "--home", home]


def main() -> None:
    fresh = tempfile.mkdtemp(prefix="legease-bench-")
    reminded = tempfile.mkdtemp(prefix="legease-bench-")
    Path(reminded, "config.toml").write_text(REMINDERS_ON)
    bare = python_script(BARE_APP + "Bare().run()\n")
    runs: dict[str, list[Seen]] = {"bare": [], "fresh": [], "reminders": []}
    # Warm the file cache (and write the bytecode) for every program, then alternate.
    time_to_texts(bare, ["Hello"], BYTECODE)
    time_to_texts(legease(fresh), TEXTS, BYTECODE)
    for _ in range(RUNS):
        runs["bare"].append(time_to_texts(bare, ["Hello"], BYTECODE))
        runs["fresh"].append(time_to_texts(legease(fresh), TEXTS, BYTECODE))
        runs["reminders"].append(time_to_texts(legease(reminded), TEXTS, BYTECODE))

    def ms(name: str, text: str) -> float:
        return median([seen.at[text] for seen in runs[name]]) * 1000

    def mib(name: str) -> float:
        return max(seen.peak_mib for seen in runs[name])

    bare_ms, bare_mib = ms("bare", "Hello"), mib("bare")
    print(f"cold start in a terminal, from outside (median of {RUNS}):")
    print(f"  bare Textual app, its label  {bare_ms:6.0f} ms   peak RSS {bare_mib:5.1f} MiB")
    for name, label in (("fresh", "fresh home"), ("reminders", "reminders on")):
        first, content, lines = ms(name, FIRST_FRAME), ms(name, CONTENT), ms(name, LINES)
        print(
            f"  LegEase ({label}): first frame {first:6.0f} ms ({first / bare_ms:.2f}x), "
            f"Home's content {content:6.0f} ms ({content / bare_ms:.2f}x, target <= 1.5x), "
            f"the lines below it {lines:6.0f} ms ({lines / bare_ms:.2f}x)   "
            f"peak RSS {mib(name):5.1f} MiB ({mib(name) / bare_mib:.2f}x, target <= 1.15x)"
        )


if __name__ == "__main__":
    main()
