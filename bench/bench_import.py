"""`legease import` at scale: a CSV export of 1,000, 10,000 and 100,000 nights imported into a
new log, then imported again (every night unchanged), through the command itself (file read,
every row checked, one locked transaction, one atomic write).

100,000 distinct nights span 274 years, more than an import accepts (1900 to tonight), so the
command runs on a fake clock set in the year 2300. Target: linear growth (time per row about
the same at each size), 100,000 rows under 15 s. Before the fix (one whole-table copy per
night): 1,000 rows 0.23 s, 5,000 rows 2.5 s, 20,000 rows 48 s.
"""

from __future__ import annotations

import contextlib
import functools
import io
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from legease_tui import commands
from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.log.export import export_csv

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from support.sample_nights import plausible_night

SIZES = (1_000, 10_000, 100_000)
NOW = datetime(2300, 1, 1, 9, 0).astimezone()
TONIGHT = date(2299, 12, 31)


def export_file(count: int, folder: Path) -> Path:
    rng = random.Random(count)
    entries = [
        plausible_night(TONIGHT - timedelta(days=back), rng, "Tight calf; stretched." * (back % 2))
        for back in range(count)
    ]
    path = folder / f"nights-{count}.csv"
    path.write_text(export_csv(entries), encoding="utf-8")
    return path


def timed_import(home: Path, source: Path) -> tuple[float, str]:
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(["--home", str(home), "import", str(source)])
    elapsed = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"import failed with exit status {code}")
    return elapsed, out.getvalue().strip()


def main_bench() -> None:
    commands.build_services = functools.partial(commands.build_services, clock=FakeClock(NOW))
    folder = Path(tempfile.mkdtemp(prefix="legease-bench-import-"))
    print(f"{'rows':>8}  {'new log':>9}  {'per row':>8}  {'again':>9}  {'per row':>8}")
    first_per_row = None
    for count in SIZES:
        source = export_file(count, folder)
        home = folder / f"home-{count}"
        fresh, said = timed_import(home, source)
        again, said_again = timed_import(home, source)
        assert f"{count} added" in said and f"{count} unchanged" in said_again, said_again
        per_row = fresh / count * 1e6
        first_per_row = first_per_row or per_row
        print(
            f"{count:>8,}  {fresh:>7.2f} s  {per_row:>5.0f} µs  {again:>7.2f} s  "
            f"{again / count * 1e6:>5.0f} µs   (per row {per_row / first_per_row:.1f}x the 1k run)"
        )
    print("target: about the same time per row at every size; 100,000 rows under 15 s")


if __name__ == "__main__":
    main_bench()
