"""CPU use while idle on Home and while the breathing pacer runs, in a real pseudo-terminal.

Compared, in the same run, with a bare Textual app (Header, Label, Footer) sitting idle and a bare
ProgressBar redrawn 10 times a second. Targets: Home under 0.5 % of a core, pacer under 5 %.
"""

from __future__ import annotations

import sys
import tempfile

from _terminal import BARE_APP, BARE_PROGRESS_APP, idle_cpu_percent, python_script

SECONDS = 20.0


def main() -> None:
    home = tempfile.mkdtemp(prefix="legease-bench-")
    legease = [sys.executable, "-m", "legease_tui", "--home", home]
    figures = [
        ("bare Textual app, idle", python_script(BARE_APP + "Bare().run()"), ""),
        ("bare ProgressBar at 10 Hz", python_script(BARE_PROGRESS_APP + "Bare().run()"), ""),
        ("LegEase Home, idle", legease, ""),
        ("LegEase breathing pacer", [*legease, "breathe"], "\r"),
    ]
    print(f"CPU over {SECONDS:.0f} s, percent of one core:")
    results = {}
    for label, argv, keys in figures:
        results[label] = idle_cpu_percent(argv, SECONDS, keys=keys)
        print(f"  {label:<28} {results[label]:5.2f} %", flush=True)
    print("  targets: Home < 0.5 %, breathing pacer < 5 %")


if __name__ == "__main__":
    main()
