"""Nights from real setups, each against a hand computation: an iPhone and a Watch on the same
night, an export from before iOS 16, a night split by a long time up with a cramp, and Fitbit
logs on the nights the clocks change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from support.tracker_files import apple_export, apple_record, fitbit_log, write_fitbit

from legease_tui.adapters.trackers.reading import read_tracker
from legease_tui.core.log.tracker.nights import TrackerNight, tracker_nights

PHONE, WATCH = "Jane’s iPhone", "Jane’s Apple Watch"


def _apple(tmp_path: Path, records: list[tuple[str, str, str, str]]) -> list[TrackerNight]:
    path = tmp_path / "export.xml"
    path.write_text(apple_export([apple_record(*record) for record in records]))
    return tracker_nights(read_tracker("apple-health", path))


def _at(day: int, clock: str) -> str:
    return f"2026-03-0{day} {clock}:00 +0000"


IPHONE_AND_WATCH = [
    (_at(2, "22:30"), _at(3, "06:45"), "InBed", PHONE),  # the phone's sleep schedule
    (_at(2, "22:50"), _at(3, "01:00"), "AsleepCore", WATCH),  # 130
    (_at(3, "01:00"), _at(3, "01:10"), "Awake", WATCH),  # 10
    (_at(3, "01:10"), _at(3, "02:10"), "AsleepDeep", WATCH),  # 60
    (_at(3, "02:10"), _at(3, "04:00"), "AsleepCore", WATCH),  # 110
    (_at(3, "04:00"), _at(3, "05:00"), "AsleepREM", WATCH),  # 60
    (_at(3, "05:00"), _at(3, "06:30"), "AsleepCore", WATCH),  # 90
    (_at(3, "06:30"), _at(3, "06:35"), "Awake", WATCH),  # 5
]


def test_an_iphone_and_a_watch_on_the_same_night_are_one_sleep(tmp_path: Path) -> None:
    (night,) = _apple(tmp_path, IPHONE_AND_WATCH)
    main = night.main
    # In bed: the phone's 22:30 to 06:45 = 495 min. Asleep: the Watch's stages,
    # 130 + 60 + 110 + 60 + 90 = 450 min; awake 10 + 5 = 15; efficiency 450 / 495 = 90.9 %.
    assert (f"{main.start:%H:%M}", f"{main.end:%H:%M}") == ("22:30", "06:45")
    assert (main.minutes_in_bed, main.minutes_asleep, main.minutes_awake) == (495, 450, 15)
    assert main.efficiency == 90.9
    assert night.naps == ()  # the Watch's 7 h 30 min are not a nap


def test_the_watchs_stages_are_the_sleep_whatever_else_records_it(tmp_path: Path) -> None:
    # A third-party app says "asleep" from 22:35 to 06:40 (485 min, more than the Watch's):
    # the source that records stages is the sleep source all the same.
    app = (_at(2, "22:35"), _at(3, "06:40"), "AsleepUnspecified", "Sleep App")
    (night,) = _apple(tmp_path, [*IPHONE_AND_WATCH, app])
    assert (night.main.minutes_in_bed, night.main.minutes_asleep) == (495, 450)


def test_an_export_from_before_ios_16_with_one_asleep_value(tmp_path: Path) -> None:
    (night,) = _apple(
        tmp_path,
        [
            ("2021-03-02 23:00:00 +0000", "2021-03-03 07:00:00 +0000", "InBed", PHONE),
            ("2021-03-02 23:20:00 +0000", "2021-03-03 02:00:00 +0000", "Asleep", WATCH),
            ("2021-03-03 02:15:00 +0000", "2021-03-03 06:40:00 +0000", "Asleep", WATCH),
        ],
    )
    # In bed 23:00 to 07:00 = 480 min; asleep 160 + 265 = 425; efficiency 425 / 480 = 88.5 %.
    assert (night.night, night.main.minutes_in_bed, night.main.minutes_asleep) == (
        date(2021, 3, 2),
        480,
        425,
    )
    assert night.main.minutes_awake is None  # no awake record: not known
    assert night.main.efficiency == 88.5
    assert night.naps == ()


def test_a_long_time_up_with_a_cramp_does_not_split_the_night(tmp_path: Path) -> None:
    (night,) = _apple(
        tmp_path,
        [
            (_at(2, "23:00"), _at(3, "00:30"), "AsleepCore", WATCH),  # 90
            (_at(3, "00:30"), _at(3, "01:30"), "AsleepDeep", WATCH),  # 60
            (_at(3, "01:30"), _at(3, "01:40"), "Awake", WATCH),  # 10
            # up with a cramp from 01:40 to 03:10: 90 min with no record at all
            (_at(3, "03:10"), _at(3, "05:00"), "AsleepCore", WATCH),  # 110
            (_at(3, "05:00"), _at(3, "06:00"), "AsleepREM", WATCH),  # 60
            (_at(3, "06:00"), _at(3, "06:50"), "AsleepCore", WATCH),  # 50
            (_at(3, "06:50"), _at(3, "07:00"), "Awake", WATCH),  # 10
        ],
    )
    # In bed 23:00 to 07:00 = 480; asleep 90 + 60 + 110 + 60 + 50 = 370; awake 10 + 90 + 10
    # = 110 (the time up counts as awake); efficiency 370 / 480 = 77.1 %.
    main = night.main
    assert (main.minutes_in_bed, main.minutes_asleep, main.minutes_awake) == (480, 370, 110)
    assert main.efficiency == 77.1
    assert night.naps == ()


def test_short_sleep_hours_from_the_night_stays_a_nap(tmp_path: Path) -> None:
    (night,) = _apple(
        tmp_path,
        [
            (_at(2, "20:00"), _at(2, "20:40"), "AsleepCore", WATCH),  # a doze before bed
            (_at(2, "22:00"), _at(3, "06:00"), "InBed", PHONE),
            (_at(2, "22:10"), _at(3, "05:50"), "AsleepCore", WATCH),
            (_at(3, "08:30"), _at(3, "09:00"), "AsleepCore", WATCH),  # a nap after rising
        ],
    )
    assert (night.main.minutes_in_bed, night.main.minutes_asleep) == (480, 460)
    assert [(f"{nap.start:%H:%M}", nap.minutes_asleep) for nap in night.naps] == [
        ("20:00", 40),
        ("08:30", 30),
    ]


def test_in_bed_alone_leaves_asleep_unknown_not_zero(tmp_path: Path) -> None:
    (night,) = _apple(tmp_path, [(_at(2, "22:30"), _at(3, "06:45"), "InBed", PHONE)])
    assert (night.main.minutes_in_bed, night.main.minutes_asleep) == (495, None)
    assert night.main.efficiency is None  # never averaged in as 0 %


# --- Fitbit: the nights the clocks change (Europe/London, 2026) --------------------------------


def test_fitbit_uses_the_logs_own_time_in_bed_when_the_clocks_change(tmp_path: Path) -> None:
    # Spring forward, 29 March: 23:00 to 07:00 on the wall is 7 hours. Fall back, 25 October:
    # 23:00 to 07:00 is 9 hours, and asleep 500 min is more than the wall clock's 480.
    spring = fitbit_log(
        101, "2026-03-28T23:00", "2026-03-29T07:00", duration=25_200_000, timeInBed=420,
        minutesAsleep=380, minutesAwake=40,
    )  # fmt: skip
    autumn = fitbit_log(
        102, "2026-10-24T23:00", "2026-10-25T07:00", duration=32_400_000, timeInBed=540,
        minutesAsleep=500, minutesAwake=40,
    )  # fmt: skip
    write_fitbit(tmp_path, "2026-03-29", [spring])
    write_fitbit(tmp_path, "2026-10-25", [autumn])
    first, second = tracker_nights(read_tracker("fitbit", tmp_path))
    # 380 / 420 = 90.5 % (the wall clock's 480 gave 79.2 %); 500 / 540 = 92.6 %.
    assert (first.main.minutes_in_bed, first.main.efficiency) == (420, 90.5)
    assert (second.main.minutes_in_bed, second.main.minutes_asleep) == (540, 500)
    assert second.main.efficiency == 92.6
    assert f"{second.main.start:%H:%M}–{second.main.end:%H:%M}" == "23:00–07:00"


def test_fitbit_reads_time_in_bed_from_the_duration_when_that_is_all(tmp_path: Path) -> None:
    log = fitbit_log(7, "2026-03-28T23:00", "2026-03-29T07:00", minutesAsleep=380)
    del log["timeInBed"]
    log["duration"] = 25_200_000
    write_fitbit(tmp_path, "2026-03-29", [log])
    (period,) = read_tracker("fitbit", tmp_path)
    assert (period.minutes_in_bed, period.in_bed) == (420, 420)
