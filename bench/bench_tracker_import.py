"""`legease import --from apple-health` on a big export.xml: a script writes one in /tmp (ten
years of nights, each with in-bed, core, deep, REM and awake records, between heart-rate records
that fill the file as a phone's do), then the command imports it in a child process. Printed:
wall time and the child's peak RSS (ru_maxrss from wait4), for a 20 MB and a 200 MB file, so
memory that stays flat while the file grows tenfold shows the stream holds no more than the
sleep records. Target: peak RSS under 150 MB at 200 MB, time under 60 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
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


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} +0000"


def _sleep(night: date) -> str:
    bed = datetime(night.year, night.month, night.day, 22, 45)
    return "".join(
        f' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" '
        f'sourceVersion="10.1" creationDate="{_when(bed)}" '
        f'startDate="{_when(bed + timedelta(minutes=a))}" '
        f'endDate="{_when(bed + timedelta(minutes=b))}" value="HKCategoryValueSleepAnalysis{v}"/>\n'
        for v, a, b in STAGES
    )


def _heart(moment: datetime, beats: int) -> str:
    return (
        ' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" sourceVersion='
        f'"10.1" unit="count/min" creationDate="{_when(moment)}" startDate="{_when(moment)}" '
        f'endDate="{_when(moment)}" value="{beats}">\n'
        '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n </Record>\n'
    )


def write_export(path: Path, megabytes: int) -> int:
    """An export.xml of about `megabytes`; returns the number of nights in it."""
    target = megabytes * 1024 * 1024
    filler_per_night = (target - NIGHTS * len(_sleep(LAST_NIGHT))) // NIGHTS
    beats_per_night = max(filler_per_night // len(_heart(datetime(2026, 1, 1), 70)), 0)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for back in range(NIGHTS, 0, -1):
            night = LAST_NIGHT - timedelta(days=back - 1)
            day = datetime(night.year, night.month, night.day, 8, 0)
            out.write(
                "".join(
                    _heart(day + timedelta(minutes=i), 60 + i % 40) for i in range(beats_per_night)
                )
            )
            out.write(_sleep(night))
        out.write("</HealthData>\n")
    return NIGHTS


def run_import(export: Path, home: Path) -> tuple[float, float, str]:
    """Seconds, the child's peak RSS in MB, and what it printed."""
    command = [sys.executable, "-m", "legease_tui", "--home", str(home), "import"]
    started = time.perf_counter()
    child = subprocess.Popen(
        [*command, "--from", "apple-health", str(export)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"import failed ({child.returncode}): {output}")
    return seconds, usage.ru_maxrss / 1024, output.strip()


def main() -> None:
    print("apple-health export.xml  | write  | import time | peak RSS (child) | result")
    with tempfile.TemporaryDirectory(prefix="legease-bench-apple-") as folder:
        for megabytes in SIZES_MB:
            export = Path(folder) / f"export-{megabytes}.xml"
            started = time.perf_counter()
            write_export(export, megabytes)
            written = time.perf_counter() - started
            size = export.stat().st_size / 1024 / 1024
            seconds, peak, output = run_import(export, Path(folder) / f"home-{megabytes}")
            print(
                f"{size:7.0f} MB               | {written:5.1f} s | {seconds:8.1f} s  "
                f"| {peak:9.1f} MB     | {output.splitlines()[-1].split('): ')[-1]}"
            )
            export.unlink()
    print("target: peak RSS < 150 MB at 200 MB (flat with size), import < 60 s")


if __name__ == "__main__":
    main()
