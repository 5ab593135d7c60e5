"""Hostile tracker files, imported as a person would: each ends in one line naming the file (and
the record), "Nothing was imported." and exit 2 — never a traceback — in bounded memory and
time (a hang fails the test after 20 s; no real sleep)."""

from __future__ import annotations

import os
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from support.tracker_files import (
    apple_export,
    apple_record,
    damaged_zip,
    fitbit_log,
    saa_record,
    said_to_unpack_to,
    write_fitbit,
    write_zip,
    zip_of_repeats,
)

from legease_tui.cli import main

MiB = 1024**2
GOOD = apple_record("2026-03-02 23:00:00 +0000", "2026-03-03 07:00:00 +0000", "AsleepCore")
SAA = saa_record(datetime(2026, 3, 2, 23, 0), 8.0)
NEXT = saa_record(datetime(2026, 3, 3, 23, 0), 8.0)
NEXT_ID = NEXT.split("\n")[1].split(",")[0].strip('"')


pytestmark = pytest.mark.usefixtures("no_hang")


def _import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str, path: Path
) -> tuple[int, str, float]:
    """Exit code, stderr and the peak of memory Python allocated while importing, in MiB."""
    tracemalloc.start()
    try:
        code = main(["--home", str(tmp_path / "home"), "import", "--from", source, str(path)])
        peak = tracemalloc.get_traced_memory()[1] / MiB
    finally:
        tracemalloc.stop()
    return code, capsys.readouterr().err, peak


def _apple(tmp_path: Path, *records: str) -> Path:
    path = tmp_path / "export.xml"
    path.write_text(apple_export([GOOD, *records]))
    return path


def _fitbit(tmp_path: Path, **log: object) -> Path:
    folder = tmp_path / "Fitbit"
    write_fitbit(folder, "2026-03-03", [fitbit_log(1, "2026-03-02T23:00", "2026-03-03T07:00")])
    write_fitbit(
        folder, "2026-03-04", [{**fitbit_log(2, "2026-03-03T23:00", "2026-03-04T07:00"), **log}]
    )
    return folder


def _saa(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sleep-export.csv"
    path.write_text(SAA + text)
    return path


def _long_attribute(tmp_path: Path) -> Path:
    record = GOOD.replace('sourceVersion="9.1"', f'sourceVersion="{"9" * 32 * MiB}"')
    return _apple(tmp_path, record)


HOSTILE: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "apple, year 9999": (
        "apple-health",
        lambda tmp: _apple(
            tmp, apple_record("9999-12-31 23:00:00 +0000", "9999-12-31 23:30:00 +0000", "AsleepREM")
        ),
        "export.xml, sleep record 2 (startDate '9999-12-31 23:00:00 +0000'): startDate is in "
        "year 9999, not a date a tracker recorded (years 1970 to 2199)",
    ),
    "apple, year 1": (
        "apple-health",
        lambda tmp: _apple(
            tmp, apple_record("0001-01-01 00:00:00 +0100", "0001-01-01 01:00:00 +0100", "Awake")
        ),
        "sleep record 2 (startDate '0001-01-01 00:00:00 +0100'): startDate is in year 1",
    ),
    "apple, a long source name": (
        "apple-health",
        lambda tmp: _apple(
            tmp,
            apple_record(
                "2026-03-04 23:00:00 +0000", "2026-03-05 07:00:00 +0000", "Awake", "W" * 300
            ),
        ),
        "sleep record 2 (startDate '2026-03-04 23:00:00 +0000'): its sourceName is 300 "
        "characters long",
    ),
    "apple, a 32 MiB attribute": (
        "apple-health",
        _long_attribute,
        "export.xml: more than 1 MiB without a complete tag, after byte",
    ),
    "apple, a 32 MiB comment": (
        "apple-health",
        lambda tmp: _apple(tmp, "<!-- " + "<>" * 16 * MiB + " -->\n"),
        "export.xml: more than 1 MiB without a complete tag",
    ),
    "apple, nested deep": (
        "apple-health",
        lambda tmp: _apple(tmp, "<a>" * 40 + "</a>" * 40),
        "export.xml: elements nested more than 32 deep (after sleep record 1)",
    ),
    "fitbit, year 9999": (
        "fitbit",
        lambda tmp: _fitbit(
            tmp, startTime="9999-12-31T23:00:00.000", endTime="9999-12-31T23:30:00.000"
        ),
        "sleep-2026-03-04.json, record 1 (logId 2): start is in year 9999",
    ),
    "fitbit, year 1": (
        "fitbit",
        lambda tmp: _fitbit(
            tmp, startTime="0001-01-01T00:00:00.000", endTime="0001-01-01T01:00:00.000"
        ),
        "sleep-2026-03-04.json, record 1 (logId 2): start is in year 1,",
    ),
    "fitbit, a 401-digit number": (
        "fitbit",
        lambda tmp: _fitbit(tmp, minutesAsleep=10**400),
        "record 1 (logId 2): asleep must be from 0 to 480 minutes (got a 401-digit number)",
    ),
    "sleep as android, Hours 1e9": (
        "sleep-as-android",
        lambda tmp: _saa(tmp, NEXT.replace('"8.000"', '"1e9"')),
        f"sleep-export.csv, line 4 (record {NEXT_ID}): Hours must be more than 0 and at most 24",
    ),
    "sleep as android, Hours 1e308": (
        "sleep-as-android",
        lambda tmp: _saa(tmp, NEXT.replace('"8.000"', '"1e308"')),
        "line 4 (record",
    ),
    "sleep as android, Id ²": (
        "sleep-as-android",
        lambda tmp: _saa(tmp, NEXT.replace(NEXT_ID, "²")),
        "sleep-export.csv, line 4: not a Sleep as Android line (a header starting 'Id,Tz,From', "
        "or a record starting with its Id: '²' is not a number)",
    ),
    "sleep as android, a 16-digit Id": (
        "sleep-as-android",
        lambda tmp: _saa(tmp, NEXT.replace(NEXT_ID, "9" * 16)),
        "line 4 (record 9999999999999999): Id: not a time a tracker recorded",
    ),
    "sleep as android, Tz America": (
        "sleep-as-android",
        lambda tmp: _saa(tmp, NEXT.replace("Europe/London", "America")),
        "line 4 (record",  # and below: not "Is a directory"
    ),
    "sleep as android, a 50 MB line": (
        "sleep-as-android",
        lambda tmp: zip_of_repeats(tmp / "backup.zip", "sleep-export.csv", SAA.encode(), b",", 50),
        "backup.zip (sleep-export.csv), line 3: longer than 1 MiB",
    ),
    "sleep as android, said to unpack to 300 MiB": (
        "sleep-as-android",
        lambda tmp: said_to_unpack_to(
            write_zip(tmp / "backup.zip", "sleep-export.csv", SAA.encode()), 300 * MiB
        ),
        "backup.zip (sleep-export.csv): too large to be an export (314,572,800 bytes unpacked; "
        "at most 256 MiB)",
    ),
}
ZIP_DAMAGE = {
    "crc": "the zip is damaged (Bad CRC-32",
    "encrypted": "the zip is encrypted; export it again without a password",
    "deflate": "the zip is damaged (Error -3 while decompressing data",
    "method": "packed with a compression method LegEase cannot read (method 99)",
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_file_gets_one_line_and_nothing_is_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    source, build, said = HOSTILE[case]
    code, err, peak = _import(capsys, tmp_path, source, build(tmp_path))
    assert code == 2
    assert err.count("\n") == 1 and err.endswith(". Nothing was imported.\n")
    assert said in err
    assert "Traceback" not in err and "Is a directory" not in err
    assert peak < 16  # MiB, however large the file or its one line
    assert (
        not (tmp_path / "home" / "legease.json").exists()
        or "device_nights" not in (tmp_path / "home" / "legease.json").read_text()
    )


@pytest.mark.parametrize("damage", [*ZIP_DAMAGE, "cut"])
@pytest.mark.parametrize(
    ("source", "member", "data"),
    [
        ("apple-health", "apple_health_export/export.xml", apple_export([GOOD]).encode()),
        ("sleep-as-android", "sleep-export.csv", (SAA * 20).encode()),
    ],
    ids=["apple-health", "sleep-as-android"],
)
def test_a_damaged_zip_is_named_never_read_as_something_else(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    source: str,
    member: str,
    data: bytes,
    damage: str,
) -> None:
    path = damaged_zip(tmp_path / "export.zip", member, data, damage)
    code, err, _ = _import(capsys, tmp_path, source, path)
    assert code == 2 and err.count("\n") == 1
    if damage == "cut":
        assert f"{path}: a zip that is cut short or damaged" in err  # not "not XML", not UTF-8
    else:
        assert f"{path} ({member}): {ZIP_DAMAGE[damage]}" in err


def test_a_zip_of_blank_lines_is_read_in_bounded_memory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 256 MiB of blank lines after one record, in a zip of about a megabyte: it took 92 s and
    # 1.5 GB. Streamed, runs of blank lines are skipped a chunk at a time.
    path = zip_of_repeats(tmp_path / "backup.zip", "sleep-export.csv", SAA.encode(), b"\n", 255)
    assert path.stat().st_size < 2 * MiB
    code, err, peak = _import(capsys, tmp_path, "sleep-as-android", path)
    assert (code, err) == (0, "")
    assert peak < 16


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
@pytest.mark.parametrize("source", ["apple-health", "sleep-as-android", "fitbit"])
def test_a_named_pipe_or_a_device_is_refused_at_once_like_plain_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str, kind: str
) -> None:
    if kind == "/dev/zero" and not Path(kind).exists():
        pytest.skip("no /dev/zero here")
    folder = _fitbit(tmp_path) if source == "fitbit" else tmp_path
    odd = folder / "sleep-2026-03-05.json"  # in a Fitbit folder, among its files
    if kind == "fifo":
        os.mkfifo(odd)
    else:
        odd.symlink_to(kind)
    code, err, _ = _import(capsys, tmp_path, source, folder if source == "fitbit" else odd)
    what = "a named pipe (FIFO)" if kind == "fifo" else "a device"
    assert (code, err) == (
        1,
        f"legease import: {odd} is {what}, not a regular file. Nothing was imported.\n",
    )


def test_plain_import_says_the_same_of_a_named_pipe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    odd = tmp_path / "nights.json"
    os.mkfifo(odd)
    code = main(["--home", str(tmp_path / "home"), "import", str(odd)])
    said = f"legease import: {odd} is a named pipe (FIFO), not a regular file."
    assert (code, capsys.readouterr().err) == (1, f"{said} Nothing was imported.\n")


def test_tz_america_is_not_called_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _saa(tmp_path, NEXT.replace("Europe/London", "America"))
    _, err, _ = _import(capsys, tmp_path, "sleep-as-android", path)
    assert "Tz: 'America' is not a known time zone" in err


def test_a_zip_without_the_export_says_what_it_lacks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("other.txt", "x")
    _, err, _ = _import(capsys, tmp_path, "apple-health", path)
    assert f"{path}: the zip holds no export.xml" in err
