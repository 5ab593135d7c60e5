"""Export (CSV, JSON, doctor's Markdown) and import: round trip, all-or-nothing, named rows."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, time

import pytest

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.diary.fields import Activity
from legease_tui.core.log.diary.figures import FIGURE_COLUMNS, SleepFigures
from legease_tui.core.log.export import doctor_summary, export_csv, export_json
from legease_tui.core.log.importing import ImportInvalid, read_import
from legease_tui.core.log.repository import LoggedNight

NIGHTS = [
    NightEntry(
        date(2026, 11, 23),
        tension=6,
        cramps=2,
        worst_cramp=7,
        restless=True,
        into_bed=time(23, 40),
        lights_out=time(23, 50),
        minutes_to_sleep=20,
        times_woken=2,
        minutes_awake=15,
        final_wake=time(6, 50),
        out_of_bed=time(7, 10),
        quality=2,
        water=4,
        stress=8,
        activity=Activity.SITTING,
        tags=("heat", "pillow under knees"),
        note='!Cramp in the "left" calf, lasted 5 min,\nthen eased',
    ),
    NightEntry(date(2026, 11, 24), tension=2, cramps=0, restless=False, tags=("stretched",)),
]


@pytest.mark.parametrize("export", [export_csv, export_json])
def test_export_then_import_gives_back_the_same_nights(export: object) -> None:
    text = export(NIGHTS)  # type: ignore[operator]
    assert read_import(text) == NIGHTS


def test_csv_has_a_header_row() -> None:
    header = export_csv(NIGHTS).splitlines()[0].split(",")
    assert header[:3] == ["night", "tension", "cramps"]
    assert "note" in header


def test_a_bad_row_refuses_the_whole_file_naming_the_row() -> None:
    lines = export_csv(NIGHTS).splitlines()
    lines.append("2026-11-25,12" + "," * (len(lines[0].split(",")) - 2))
    with pytest.raises(ImportInvalid, match=r"line \d+: .*tension.*from 0 to 10"):
        read_import("\n".join(lines))


def test_json_import_names_the_bad_night() -> None:
    document = json.loads(export_json(NIGHTS))
    document["nights"][1]["quality"] = 9
    with pytest.raises(ImportInvalid, match=r"night 2: .*quality.*from 1 to 5"):
        read_import(json.dumps(document))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"nights": []}', "not a LegEase export"),
        ('{"kind": "legease-nights", "version": 99, "nights": []}', "version 99"),
        ("{broken", "not valid JSON"),
        ("date,tension\n2026-11-24,3\n", "including 'night'"),
    ],
)
def test_foreign_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(ImportInvalid, match=message):
        read_import(text)


def test_the_same_night_twice_is_refused() -> None:
    text = export_csv([NIGHTS[1], NIGHTS[1]])
    with pytest.raises(ImportInvalid, match="appears twice"):
        read_import(text)


def test_doctor_summary_has_range_averages_and_flagged_notes() -> None:
    nights = [LoggedNight(NIGHTS[0], False), LoggedNight(NIGHTS[1], True)]
    page = doctor_summary(nights, None, None)
    assert "2026-11-23 to 2026-11-24" in page
    assert "| Average leg tension at bedtime (0–10) | 4 |" in page
    assert "| Nights with cramps | 1 of 2 |" in page
    assert "| Nights with a restless urge to move | 1 of 2 |" in page
    assert "| Nights with the stretching routine done | 1 of 2 |" in page
    assert '**2026-11-23:** Cramp in the "left" calf' in page


def test_json_and_csv_carry_the_diarys_sleep_figures_as_the_log_shows_them() -> None:
    # 23:40 to 07:10 in bed (450 min); 23:50 to 06:50 less 20 + 15 awake asleep (385 min)
    assert NIGHTS[0].sleep == SleepFigures(450, 385, 85.6)
    nights = json.loads(export_json(NIGHTS))["nights"]
    assert [(n["minutes_in_bed"], n["minutes_asleep"], n["sleep_efficiency"]) for n in nights] == [
        (450, 385, 85.6),
        (None, None, None),  # no times logged: empty, not 0
    ]
    rows = list(csv.DictReader(io.StringIO(export_csv(NIGHTS))))
    header = next(csv.reader(io.StringIO(export_csv(NIGHTS))))
    assert header[header.index("out_of_bed") + 1 :][:3] == list(FIGURE_COLUMNS)
    assert [(r["minutes_in_bed"], r["minutes_asleep"], r["sleep_efficiency"]) for r in rows] == [
        ("450", "385", "85.6"),
        ("", "", ""),
    ]


@pytest.mark.parametrize("export", [export_csv, export_json])
def test_the_sleep_figures_are_ignored_on_import_even_when_edited(export: object) -> None:
    text = export(NIGHTS)  # type: ignore[operator]
    edited = text.replace("385", "999").replace("85.6", "12.5")
    assert edited != text
    assert read_import(edited) == NIGHTS
    assert read_import(edited)[0].sleep == SleepFigures(450, 385, 85.6)


UNANSWERED = [
    NightEntry(date(2026, 11, 20), tension=3),
    NightEntry(date(2026, 11, 21), tension=4),
    NightEntry(date(2026, 11, 22), tension=5),
]


def test_doctor_summary_counts_only_nights_that_answered() -> None:
    """Restless was never asked: "0 of 0 answered", not "0 of 3" (which reads as three noes)."""
    text = doctor_summary([LoggedNight(e, False) for e in UNANSWERED], None, None)
    restless = "| Nights with a restless urge to move | 0 of 0 answered; not recorded on 3 nights |"
    assert restless in text
    assert "| Nights with cramps | 0 of 0 answered; not recorded on 3 nights |" in text
    assert "| Average leg tension at bedtime (0–10) | 4 |" in text  # every night said
    assert "| Average sleep quality (1–5) | – (recorded on 0 of 3 nights) |" in text
    assert "| Average leg tension at bedtime (0–10) | 4 |" in text  # every night said
    assert "| Average sleep quality (1–5) | – (recorded on 0 of 3 nights) |" in text


def test_json_and_csv_keep_not_recorded_apart_from_no() -> None:
    nights = [
        NightEntry(date(2026, 11, 20), restless=False, cramp_woke=False, cramps=1),
        NightEntry(date(2026, 11, 21), tension=4),
    ]
    said_no, silent = json.loads(export_json(nights))["nights"]
    assert (said_no["restless"], said_no["cramp_woke"]) == (False, False)
    assert "restless" not in silent and "cramp_woke" not in silent
    rows = list(csv.DictReader(io.StringIO(export_csv(nights))))
    assert (rows[0]["restless"], rows[1]["restless"]) == ("no", "")
    back = read_import(export_json(nights), tonight=date(2026, 11, 24))
    assert [(e.restless, e.cramp_woke) for e in back] == [(False, False), (None, None)]


def test_an_average_on_one_night_says_night() -> None:
    text = doctor_summary([LoggedNight(UNANSWERED[0], False)], None, None)
    assert "| Average sleep quality (1–5) | – (recorded on 0 of 1 night) |" in text
