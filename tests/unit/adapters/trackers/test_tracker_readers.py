"""The three tracker readers on files written from the formats' public descriptions: naps, a
night when the clocks change, a record cut short, garbage, and a bad record named."""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from support.tracker_files import (
    apple_export,
    apple_record,
    fitbit_log,
    saa_record,
    write_fitbit,
)

from legease_tui.adapters.trackers.common import TrackerInvalid
from legease_tui.adapters.trackers.reading import read_tracker
from legease_tui.core.log.tracker.nights import tracker_nights

# --- Sleep as Android --------------------------------------------------------------------------


def _saa(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sleep-export.csv"
    path.write_text(text)
    return path


def test_sleep_as_android_reads_records_of_different_widths(tmp_path: Path) -> None:
    text = saa_record(datetime(2026, 3, 2, 22, 30), 8.0, comment="Slept ok #sport #stress_2x")
    text += saa_record(datetime(2026, 3, 3, 23, 0), 7.5, samples=40, adjust="0")
    periods = read_tracker("sleep-as-android", _saa(tmp_path, text))
    first, second = periods
    assert (first.night, first.minutes_in_bed, first.minutes_asleep) == (date(2026, 3, 2), 480, 450)
    assert first.minutes_awake == 30
    assert first.tags == ("sport", "stress")
    assert f"{first.start:%H:%M}" == "22:30"  # shown in the record's own zone
    assert (second.night, second.minutes_asleep) == (date(2026, 3, 3), 450)


def test_sleep_as_android_naps_join_the_same_night(tmp_path: Path) -> None:
    text = saa_record(datetime(2026, 3, 2, 14, 0), 0.5, adjust="-5")
    text += saa_record(datetime(2026, 3, 2, 23, 0), 8.0)
    text += saa_record(datetime(2026, 3, 3, 9, 30), 1.0, adjust="-1.0")  # added by hand
    (night,) = tracker_nights(read_tracker("sleep-as-android", _saa(tmp_path, text)))
    assert night.night == date(2026, 3, 2)
    assert night.main.minutes_in_bed == 480
    assert [nap.minutes_asleep for nap in night.naps] == [25, 60]
    assert night.naps[1].minutes_awake is None


def test_sleep_as_android_keeps_the_true_length_when_clocks_go_back(tmp_path: Path) -> None:
    # Europe/London, 25 Oct 2026 02:00 BST -> 01:00 GMT: 23:00 to 07:00 on the wall is 9 hours.
    text = saa_record(datetime(2026, 10, 24, 23, 0), 9.0, adjust="-60")
    (period,) = read_tracker("sleep-as-android", _saa(tmp_path, text))
    assert period.minutes_in_bed == 540
    assert period.minutes_asleep == 480
    assert (f"{period.start:%H:%M}", f"{period.end:%H:%M}") == ("23:00", "07:00")
    assert period.night == date(2026, 10, 24)


def test_sleep_as_android_reads_the_backup_zip(tmp_path: Path) -> None:
    backup = tmp_path / "Sleep as Android Data.zip"
    with zipfile.ZipFile(backup, "w") as archive:
        archive.writestr("alarms.json", "[]")
        archive.writestr("sleep-export.csv", saa_record(datetime(2026, 3, 2, 23, 0), 8.0))
    (period,) = read_tracker("sleep-as-android", backup)
    assert period.minutes_in_bed == 480


def test_sleep_as_android_names_a_record_cut_short(tmp_path: Path) -> None:
    whole = saa_record(datetime(2026, 3, 2, 23, 0), 8.0)
    cut = saa_record(datetime(2026, 3, 3, 23, 0), 8.0)
    cut = cut[: cut.index('"3.5"')] + "\n"  # the file ends mid-record, after Hours
    with pytest.raises(TrackerInvalid, match=r"line 4 \(record \d+\): the record is cut short"):
        read_tracker("sleep-as-android", _saa(tmp_path, whole + cut))


@pytest.mark.parametrize(
    ("garbage", "message"),
    [
        ("hello,world\n", "line 3: not a Sleep as Android line"),
        ("\x00\x01 binary\n", "line 3: not a Sleep as Android line"),
        ("Id,Tz,From\n", "line 3: the header lacks To, Sched"),
    ],
)
def test_sleep_as_android_names_the_garbage_line(
    tmp_path: Path, garbage: str, message: str
) -> None:
    text = saa_record(datetime(2026, 3, 2, 23, 0), 8.0) + garbage
    with pytest.raises(TrackerInvalid, match=message):
        read_tracker("sleep-as-android", _saa(tmp_path, text))


def test_sleep_as_android_names_a_bad_value(tmp_path: Path) -> None:
    text = saa_record(datetime(2026, 3, 2, 23, 0), 8.0).replace("Europe/London", "Mars/Olympus")
    with pytest.raises(TrackerInvalid, match=r"line 2 .*Tz: 'Mars/Olympus'"):
        read_tracker("sleep-as-android", _saa(tmp_path, text))
    text = saa_record(datetime(2026, 3, 2, 23, 0), 1.0, adjust="-90")
    with pytest.raises(TrackerInvalid, match=r"line 2 .*asleep must be from 0 to 60"):
        read_tracker("sleep-as-android", _saa(tmp_path, text))


# --- Fitbit ------------------------------------------------------------------------------------


def test_fitbit_reads_a_folder_of_daily_files(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "Fitbit" / "Global Export Data"
    write_fitbit(folder, "2026-03-03", [fitbit_log(1, "2026-03-02T23:10", "2026-03-03T07:10")])
    nap = fitbit_log(2, "2026-03-03T15:00", "2026-03-03T15:45", isMainSleep=False)
    main = fitbit_log(3, "2026-03-03T23:30", "2026-03-04T06:30")
    write_fitbit(folder, "2026-03-04", [nap, main])
    (folder / "heart_rate-2026-03-03.json").write_text("not ours")
    nights = tracker_nights(read_tracker("fitbit", tmp_path / "Takeout"))
    assert [(n.night, n.main.record_id, len(n.naps)) for n in nights] == [
        (date(2026, 3, 2), "1", 0),
        (date(2026, 3, 3), "3", 1),
    ]
    assert nights[0].main.minutes_asleep == 445
    assert nights[0].main.minutes_to_sleep == 5


def test_fitbit_names_the_file_and_record(tmp_path: Path) -> None:
    bad = fitbit_log(9, "2026-03-02T23:10", "2026-03-03T07:10", minutesAsleep=9000)
    path = write_fitbit(
        tmp_path, "2026-03-03", [fitbit_log(8, "2026-03-01T23:00", "2026-03-02T07:00"), bad]
    )
    with pytest.raises(TrackerInvalid, match=r"sleep-2026-03-03.json, record 2 \(logId 9\)"):
        read_tracker("fitbit", path)
    path.write_text(json.dumps([{"logId": 5, "startTime": "yesterday"}]))
    with pytest.raises(TrackerInvalid, match=r"record 1 .*startTime: 'yesterday'"):
        read_tracker("fitbit", path)


def test_fitbit_refuses_a_folder_without_sleep_files(tmp_path: Path) -> None:
    with pytest.raises(TrackerInvalid, match="no sleep-"):
        read_tracker("fitbit", tmp_path)


# --- Apple Health ------------------------------------------------------------------------------


def _night_records(source: str = "Watch") -> list[str]:
    return [
        apple_record("2026-03-02 22:50:00 +0000", "2026-03-03 06:50:00 +0000", "InBed", source),
        apple_record(
            "2026-03-02 23:05:00 +0000", "2026-03-03 02:00:00 +0000", "AsleepCore", source
        ),
        apple_record("2026-03-03 02:00:00 +0000", "2026-03-03 02:20:00 +0000", "Awake", source),
        apple_record(
            "2026-03-03 02:20:00 +0000", "2026-03-03 03:20:00 +0000", "AsleepDeep", source
        ),
        apple_record("2026-03-03 03:20:00 +0000", "2026-03-03 06:40:00 +0000", "AsleepREM", source),
    ]


def test_apple_health_gathers_stages_into_a_night_with_naps(tmp_path: Path) -> None:
    nap = apple_record("2026-03-03 10:00:00 +0000", "2026-03-03 10:30:00 +0000", "AsleepCore")
    path = tmp_path / "export.xml"
    path.write_text(apple_export([*_night_records(), nap]))
    seen: list[tuple[int, int]] = []
    (night,) = tracker_nights(read_tracker("apple-health", path, lambda d, t: seen.append((d, t))))
    assert night.night == date(2026, 3, 2)
    assert (night.main.minutes_in_bed, night.main.minutes_asleep) == (480, 435)
    assert night.main.minutes_awake == 20
    assert [nap.minutes_asleep for nap in night.naps] == [30]
    assert seen[-1] == (path.stat().st_size, path.stat().st_size)


def test_apple_health_reads_the_zip(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/export_cda.xml", "<x/>")
        archive.writestr("apple_health_export/export.xml", apple_export(_night_records()))
    (period,) = read_tracker("apple-health", path)
    assert period.minutes_asleep == 435


def test_apple_health_refuses_entity_expansion(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n<!ENTITY a "aaaaaaaaaa">\n'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<HealthData>&b;</HealthData>\n'
    )
    path = tmp_path / "export.xml"
    path.write_text(bomb)
    with pytest.raises(TrackerInvalid, match="refused"):
        read_tracker("apple-health", path)


def test_apple_health_names_a_bad_record(tmp_path: Path) -> None:
    bad = apple_record("2026-03-04 23:00:00 +0000", "soon", "AsleepCore")
    path = tmp_path / "export.xml"
    path.write_text(apple_export([*_night_records(), bad]))
    with pytest.raises(TrackerInvalid, match=r"sleep record 6 \(startDate '2026-03-04 23:00"):
        read_tracker("apple-health", path)
    path.write_text(apple_export(_night_records())[:-40])  # cut off mid-file
    with pytest.raises(TrackerInvalid, match="not readable as XML"):
        read_tracker("apple-health", path)
