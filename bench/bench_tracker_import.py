"""`legease import --from apple-health` on big export.xml files, each imported in a fresh child
process. Printed: wall time and the child's own peak RSS (VmHWM, which the child reads from
/proc/self/status as it ends; `wait4`'s ru_maxrss would also carry the parent's high-water mark
across exec, so it read the same for every file after the other benches had run).

Rows: ten years of nights (in-bed, core, deep, REM and awake records) among heart-rate records
that fill the file as a phone's do, at 20 MB and 200 MB, so memory that stays flat while the file
grows tenfold shows the stream holds no more than the sleep records; then ten years of an iPhone
and a Watch (the phone's in-bed record and about 55 stage records a night: some 200,000 sleep
records), which measures what the sleep records themselves cost.
Targets: peak RSS under 150 MB for every file, import under 60 s.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

SIZES_MB = (20, 200)
LAST_NIGHT = date(2026, 11, 23)
NIGHTS = 3650
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE HealthData [\n'
    "<!ELEMENT HealthData (ExportDate,Me,(Record)*)>\n"
    "<!ATTLIST HealthData locale CDATA #REQUIRED>\n]>\n"
    '<HealthData locale="en_GB">\n <ExportDate value="2026-11-24 08:00:00 +0000"/>\n'
)
STAGES = (
    *(("InBed", 0, 480), ("AsleepCore", 10, 180), ("Awake", 180, 195)),
    *(("AsleepDeep", 195, 255), ("AsleepREM", 255, 470)),
)
CYCLE = ("AsleepCore", "AsleepDeep", "AsleepCore", "AsleepREM", "Awake")
"""A Watch's night: stages in this order, again and again, each a few minutes long."""
STAGE_MINUTES = (12, 10, 8, 11, 3)
CHILD = """
import sys
from legease_tui.cli import main

report, *argv = sys.argv[1:]
try:
    code = main(argv)
except SystemExit as stop:
    code = stop.code
with open("/proc/self/status") as status:  # this process's own peak, not its parent's
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
with open(report, "w") as out:
    out.write(peak)
sys.exit(code)
"""


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} +0000"


def _record(source: str, start: datetime, end: datetime, value: str) -> str:
    return (
        f' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="{source}" '
        f'sourceVersion="10.1" creationDate="{_when(end)}" startDate="{_when(start)}" '
        f'endDate="{_when(end)}" value="HKCategoryValueSleepAnalysis{value}"/>\n'
    )


def _sleep(night: date) -> str:
    bed = datetime(night.year, night.month, night.day, 22, 45)
    return "".join(
        _record("Watch", bed + timedelta(minutes=a), bed + timedelta(minutes=b), v)
        for v, a, b in STAGES
    )


def _watch_night(night: date) -> Iterator[str]:
    bed = datetime(night.year, night.month, night.day, 22, 45)
    yield _record("Phone", bed, bed + timedelta(minutes=500), "InBed")
    moment, end, step = bed + timedelta(minutes=12), bed + timedelta(minutes=490), 0
    while moment < end:
        length = STAGE_MINUTES[step % len(CYCLE)]
        yield _record("Watch", moment, moment + timedelta(minutes=length), CYCLE[step % len(CYCLE)])
        moment += timedelta(minutes=length)
        step += 1


def _heart(moment: datetime, beats: int) -> str:
    return (
        ' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" sourceVersion='
        f'"10.1" unit="count/min" creationDate="{_when(moment)}" startDate="{_when(moment)}" '
        f'endDate="{_when(moment)}" value="{beats}">\n'
        '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n </Record>\n'
    )


def _nights() -> Iterator[date]:
    for back in range(NIGHTS, 0, -1):
        yield LAST_NIGHT - timedelta(days=back - 1)


def write_export(path: Path, megabytes: int) -> int:
    """An export.xml of about `megabytes`; returns the number of sleep records in it."""
    target = megabytes * 1024 * 1024
    filler_per_night = (target - NIGHTS * len(_sleep(LAST_NIGHT))) // NIGHTS
    beats_per_night = max(filler_per_night // len(_heart(datetime(2026, 1, 1), 70)), 0)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for night in _nights():
            day = datetime(night.year, night.month, night.day, 8, 0)
            out.write(
                "".join(
                    _heart(day + timedelta(minutes=i), 60 + i % 40) for i in range(beats_per_night)
                )
            )
            out.write(_sleep(night))
        out.write("</HealthData>\n")
    return NIGHTS * len(STAGES)


def write_watch_export(path: Path) -> int:
    """Ten years of an iPhone's in-bed records and a Watch's stages; returns the record count."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for night in _nights():
            records = list(_watch_night(night))
            count += len(records)
            out.write("".join(records))
        out.write("</HealthData>\n")
    return count


def run_import(export: Path, home: Path) -> tuple[float, float, str]:
    """Seconds, the child's own peak RSS in MB, and what it printed."""
    argv = ["--home", str(home), "import", "--from", "apple-health", str(export)]
    with tempfile.NamedTemporaryFile(suffix=".peak") as report:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, report.name, *argv],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"import failed ({done.returncode}): {done.stderr}")
        peak_kib = int(Path(report.name).read_text())
    return seconds, peak_kib / 1024, done.stdout.strip()


def _row(label: str, export: Path, records: int, written: float, home: Path) -> None:
    size = export.stat().st_size / 1024 / 1024
    seconds, peak, output = run_import(export, home)
    result = output.splitlines()[-1].split("): ")[-1].split(". The sleep")[0]
    print(
        f"{label:<14} {size:5.0f} MB {records:8,d} | {written:5.1f} s | {seconds:7.1f} s "
        f"| {peak:7.1f} MB | {result}"
    )
    export.unlink()


def main() -> None:
    print("apple-health export.xml  sleep records | write   | import    | peak RSS  | result")
    with tempfile.TemporaryDirectory(prefix="legease-bench-apple-") as folder:
        for megabytes in SIZES_MB:
            export = Path(folder) / f"export-{megabytes}.xml"
            started = time.perf_counter()
            records = write_export(export, megabytes)
            written = time.perf_counter() - started
            _row("heart + sleep", export, records, written, Path(folder) / f"home-{megabytes}")
        export = Path(folder) / "export-watch.xml"
        started = time.perf_counter()
        records = write_watch_export(export)
        written = time.perf_counter() - started
        _row("iPhone + Watch", export, records, written, Path(folder) / "home-watch")
    print("target: peak RSS < 150 MB for every file (flat with size), import < 60 s")


if __name__ == "__main__":
    main()
