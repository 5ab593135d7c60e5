"""A stored tracker period that no longer passes the checks (edited by hand: an unknown source, a
control character, a start moved to another night) is treated as an unreadable diary night is:
named with its problem, exported as stored, never deleted by a later import. And each period in
the JSON export names its night."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.tracker_files import fitbit_log, write_fitbit

from legease_tui.cli import main


def run(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _import_two_nights(capsys: pytest.CaptureFixture[str], home: Path, folder: Path) -> None:
    write_fitbit(folder, "2026-03-03", [fitbit_log(11, "2026-03-02T23:10", "2026-03-03T07:10")])
    write_fitbit(folder, "2026-03-04", [fitbit_log(12, "2026-03-03T23:00", "2026-03-04T07:00")])
    assert run(capsys, home, "import", "--from", "fitbit", str(folder))[0] == 0


def _edit(home: Path, change: Any) -> dict[str, Any]:
    path = home / "legease.json"
    document = json.loads(path.read_text())
    change(document["device_nights"])
    path.write_text(json.dumps(document))
    return document


def _hand_edits(nights: dict[str, Any]) -> None:
    first, second = (nights[key]["periods"] for key in sorted(nights))
    first[0]["source"] = "oura"
    second.append({**second[0], "id": "13\x1b[2J"})  # a control character in its id


@pytest.fixture
def edited(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    """A home with two nights from a Fitbit folder, both periods then edited by hand."""
    home, folder = tmp_path / "home", tmp_path / "fitbit"
    _import_two_nights(capsys, home, folder)
    _edit(home, _hand_edits)
    return home, folder


def test_a_period_edited_by_hand_is_named_exported_as_stored_and_kept(
    capsys: pytest.CaptureFixture[str], edited: tuple[Path, Path]
) -> None:
    home, folder = edited
    code, out, err = run(capsys, home, "export", "--format", "json")
    assert code == 0
    assert "2 stored sleep tracker periods could not be read and are not counted" in err
    assert "2026-03-02 (unknown source 'oura')" in err
    assert "2026-03-03 (its id holds U+001B (escape) at character 3" in err
    assert "\x1b" not in err  # named, never sent to the terminal
    document = json.loads(out)
    assert [p["id"] for p in document["device_nights"]] == ["12"]
    kept = document["device_unreadable"]
    assert [(item["night"], item["period"]["id"]) for item in kept] == [
        ("2026-03-02", "11"),
        ("2026-03-03", "13\x1b[2J"),
    ]
    assert kept[0]["problem"] == "unknown source 'oura'"
    for fmt in ("csv", "md"):
        assert "could not be read" in run(capsys, home, "export", "--format", fmt)[2]
    # The next import touching both nights keeps them exactly as stored.
    assert run(capsys, home, "import", "--from", "fitbit", str(folder))[0] == 0
    stored = json.loads((home / "legease.json").read_text())["device_nights"]
    periods = [period for key in sorted(stored) for period in stored[key]["periods"]]
    assert sorted((p["id"], p["source"]) for p in periods) == [
        ("11", "fitbit"),  # read again from the file
        ("11", "oura"),  # as it was edited
        ("12", "fitbit"),
        ("13\x1b[2J", "fitbit"),
    ]


def test_a_period_moved_to_another_night_or_a_broken_night_is_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home, folder = tmp_path / "home", tmp_path / "fitbit"
    _import_two_nights(capsys, home, folder)

    def damage(nights: dict[str, Any]) -> None:
        first, second = sorted(nights)
        nights[first]["periods"][0]["start"] = "2026-03-09T23:10:00"  # another night's
        nights[first]["periods"][0]["end"] = "2026-03-10T07:10:00"
        nights[second]["periods"] = "lost"

    _edit(home, damage)
    _, out, err = run(capsys, home, "export", "--format", "json")
    assert "2026-03-02 (its start belongs to the night of 2026-03-09, not 2026-03-02)" in err
    assert "2026-03-03 (its periods are not a list)" in err
    assert len(json.loads(out)["device_unreadable"]) == 2
    assert run(capsys, home, "import", "--from", "fitbit", str(folder))[0] == 0
    _, out, _ = run(capsys, home, "export", "--format", "json")
    document = json.loads(out)
    assert [item["night"] for item in document["device_unreadable"]] == [
        "2026-03-02",
        "2026-03-03",
    ]
    assert document["device_unreadable"][1]["period"]["periods"] == "lost"
    assert [p["id"] for p in document["device_nights"]] == ["11", "12"]


def test_each_exported_period_names_its_night_and_a_backup_names_what_it_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, edited: tuple[Path, Path]
) -> None:
    home, _ = edited
    backup = tmp_path / "backup.json"
    assert run(capsys, home, "export", "--format", "json", "-o", str(backup))[0] == 0
    document = json.loads(backup.read_text())
    assert [(p["night"], p["id"]) for p in document["device_nights"]] == [("2026-03-03", "12")]
    code, out, err = run(capsys, tmp_path / "other", "import", str(backup))
    assert code == 0 and "1 sleep tracker periods" in out
    assert "2026-03-02 (a sleep tracker period), 2026-03-03 (a sleep tracker period)" in err
    document["device_nights"][0]["night"] = "2026-03-05"
    backup.write_text(json.dumps(document))
    code, _, err = run(capsys, tmp_path / "other", "import", str(backup))
    assert code == 2
    assert "night '2026-03-05' is not the night its start belongs to (2026-03-03)" in err
