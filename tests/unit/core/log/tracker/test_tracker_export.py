"""Export carries the tracker's figures beside the diary (csv, json, md), and importing
LegEase's own export gives them back exactly, in the same write as the diary's nights."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.export import export_csv, export_json, render
from legease_tui.core.log.importing import ImportInvalid, read_import
from legease_tui.core.log.repository import LoggedNight
from legease_tui.core.log.tracker.period import SleepPeriod, make_period
from legease_tui.services import Services

ZONE = timezone(timedelta(hours=1))
DIARY = NightEntry(date(2026, 3, 2), tension=4, note="=my words")


def _periods() -> list[SleepPeriod]:
    def at(day: int, hour: int, minute: int = 0, zone: timezone | None = None) -> datetime:
        return datetime(2026, 3, day, hour, minute, tzinfo=zone)  # Fitbit's carry no offset

    return [
        make_period("fitbit", "1", at(2, 23), at(3, 7), asleep=420, awake=40, main=True),
        make_period("fitbit", "2", at(3, 10), at(3, 10, 40), asleep=30, main=False),
        make_period(
            "sleep-as-android",
            "99",
            at(4, 23, 0, ZONE),
            at(5, 6, 30, ZONE),
            asleep=400,
            tags=["sport"],
        ),
    ]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_own_export_round_trips_device_data(fmt: str) -> None:
    text = export_csv([DIARY], _periods()) if fmt == "csv" else export_json([DIARY], (), _periods())
    devices: list[SleepPeriod] = []
    entries = read_import(text, devices=devices)
    assert entries == [DIARY]  # the tracker-only night makes no diary entry
    assert sorted(devices, key=lambda p: p.record_id) == sorted(
        _periods(), key=lambda p: p.record_id
    )


def test_csv_shows_the_trackers_figures_in_their_own_columns() -> None:
    lines = export_csv([DIARY], _periods()).splitlines()
    header = lines[0].split(",")
    assert header[-7:] == [
        "device_source", "device_in_bed", "device_asleep", "device_awake",
        "device_efficiency", "device_naps", "device_periods",
    ]  # fmt: skip
    assert ",fitbit,480,420,40,87.5,1," in lines[1]
    assert lines[2].startswith("2026-03-04,")  # a night only the tracker saw
    assert export_csv([DIARY]).splitlines()[0].split(",")[-1] == "note"  # none: as before


def test_json_keeps_device_periods_apart_from_the_nights() -> None:
    document = json.loads(export_json([DIARY], (), _periods()))
    assert [night["night"] for night in document["nights"]] == ["2026-03-02"]
    assert {period["id"] for period in document["device_nights"]} == {"1", "2", "99"}


def test_the_summary_gives_tracker_figures_with_their_count() -> None:
    text = render("md", [LoggedNight(DIARY, False)], None, None, (), _periods())
    assert (
        "Measured by a sleep tracker (Fitbit, Sleep as Android), not the diary: 2 nights." in text
    )
    assert "| Average time asleep | 6 h 50 min |" in text
    assert "| Naps | 1 |" in text


def test_a_bad_device_period_in_an_export_is_named() -> None:
    document = json.loads(export_json([DIARY], (), _periods()))
    document["device_nights"][1]["asleep"] = 9000
    with pytest.raises(ImportInvalid, match="device period 2: asleep must be from 0 to 40"):
        read_import(json.dumps(document), devices=[])


def test_import_stores_nights_and_device_periods_together(services: Services) -> None:
    assert services.log is not None
    devices: list[SleepPeriod] = []
    entries = read_import(export_json([DIARY], (), _periods()), devices=devices)
    services.log.put_many(entries, devices)
    assert services.log.get(DIARY.night) == DIARY
    assert [n.main.record_id for n in services.log.devices.nights()] == ["1", "99"]
