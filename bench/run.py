"""`make bench`: run every bench/bench_*.py in turn; each prints its own figures.

Figures, not pass/fail: the targets are printed beside each figure for the reader.
"""

from __future__ import annotations

import runpy
import sys
import time
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    chosen = sys.argv[1:]
    for script in sorted(here.glob("bench_*.py")):
        if chosen and script.stem.removeprefix("bench_") not in chosen:
            continue
        print(f"\n== {script.stem.removeprefix('bench_')} ==", flush=True)
        started = time.perf_counter()
        runpy.run_path(str(script), run_name="__main__")
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
