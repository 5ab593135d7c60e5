"""Inputs a person would not mean: an empty or far-off date, look-alike digits, an odd export
version, an export into a missing folder or through a dangling link. Refused with a message
naming the field and the allowed range, the same at every way in; nothing written."""

from __future__ import annotations

import functools
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from legease_tui import commands as commands_module
from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import EntryInvalid, parse_entry
from legease_tui.core.log.diary.field_values import read_date
from legease_tui.core.log.importing import ImportInvalid, read_import

TONIGHT = date(2026, 11, 24)  # FakeClock's evening


@pytest.fixture(autouse=True)
def fake_tonight(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command works on FakeClock's time: tonight is 2026-11-24."""
    build = commands_module.build_services
    monkeypatch.setattr(
        commands_module, "build_services", functools.partial(build, clock=FakeClock())
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path: Path) -> str:
    return str(tmp_path / "home")


def nights(capsys: pytest.CaptureFixture[str], home: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "--home", home, "log", "list", "--format", "json")
    assert code == 0
    result: list[dict[str, object]] = json.loads(out)
    return result


# --- dates -----------------------------------------------------------------------------------


def test_an_empty_date_is_refused_not_taken_as_tonight(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    code, _, err = run(capsys, "--home", home, "log", "add", "--date", "", "--tension", "3")
    assert code == 2 and "--date: is empty: a date as YYYY-MM-DD" in err
    assert nights(capsys, home) == []


@pytest.mark.parametrize("night", ["2026-11-25", "2027-06-01", "1899-12-31", "0001-01-01"])
def test_a_night_after_tonight_or_before_1900_is_refused_naming_the_range(
    capsys: pytest.CaptureFixture[str], home: str, night: str
) -> None:
    code, _, err = run(capsys, "--home", home, "log", "add", "--date", night, "--tension", "3")
    assert code == 2
    latest = "tonight (Tue 24 Nov), 2026-11-24"
    assert f"--date: must be a night from 1900-01-01 to {latest} (got {night})" in err
    assert nights(capsys, home) == []


def test_tonight_and_1900_are_allowed(capsys: pytest.CaptureFixture[str], home: str) -> None:
    code, out, _ = run(capsys, "--home", home, "log", "add", "--tension", "2")  # no --date
    assert code == 0 and "Night added: tonight (Tue 24 Nov), 2026-11-24" in out
    assert (
        run(capsys, "--home", home, "log", "add", "--date", "1900-01-01", "--cramps", "0")[0] == 0
    )
    assert [night["night"] for night in nights(capsys, home)] == ["2026-11-24", "1900-01-01"]


def test_the_range_is_checked_only_where_a_night_comes_in() -> None:
    """A night already stored is read without it: setting the clock back hides nothing."""
    assert parse_entry({"night": "2027-06-01"}).night == date(2027, 6, 1)
    with pytest.raises(EntryInvalid, match="to 2026-11-24"):
        parse_entry({"night": "2027-06-01"}, tonight=TONIGHT)


def test_before_noon_the_latest_night_is_last_night(
    capsys: pytest.CaptureFixture[str], home: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 05:44 on 6 December the night just ended is the 5th: 'last night', not 'tonight'."""
    early = FakeClock(datetime(2026, 12, 6, 5, 44).astimezone())
    build = functools.partial(commands_module.build_services.func, clock=early)  # type: ignore[attr-defined]
    monkeypatch.setattr(commands_module, "build_services", build)
    code, _, err = run(
        capsys, "--home", home, "log", "add", "--date", "2026-12-06", "--cramps", "1"
    )
    assert code == 2
    latest = "last night (Sat 5 Dec), 2026-12-05"
    assert f"--date: must be a night from 1900-01-01 to {latest} (got 2026-12-06)" in err
    code, out, _ = run(capsys, "--home", home, "log", "add", "--cramps", "1")
    assert code == 0 and out.startswith("Night added: last night (Sat 5 Dec), 2026-12-05")


# --- digits ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--tension", "５"),
        ("--tension", "٥"),
        ("--water", "1٠"),
        ("--into-bed", "２３:００"),
        ("--final-wake", "٠٦:30"),
        ("--date", "２０２６-11-20"),
        ("--date", "2026-11-٢٠"),
    ],
)
def test_digits_other_than_0_to_9_are_refused(
    capsys: pytest.CaptureFixture[str], home: str, option: str, value: str
) -> None:
    code, _, err = run(capsys, "--home", home, "log", "add", "--date", "2026-11-20", option, value)
    assert code == 2 and f"{option}: must be " in err and "write digits as 0-9" in err
    assert nights(capsys, home) == []


def test_look_alike_digits_are_refused_in_range_options_and_dates_read_anywhere(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    with pytest.raises(SystemExit) as stopped:  # argparse refuses it, exit status 2
        main(["--home", home, "log", "list", "--from", "２０２６-11-01"])
    assert stopped.value.code == 2
    assert "--from: '２０２６-11-01' is not a date as YYYY-MM-DD" in capsys.readouterr().err
    for typed in ("２０２６-11-01", "20261101", "2026-W48-2"):
        with pytest.raises(ValueError, match="is not a date as YYYY-MM-DD"):
            read_date(typed)


@pytest.mark.parametrize(
    "cells", ["2026-11-20,５,", "2026-11-20,,２３:００", "２０２６-11-20,3,", "2027-01-01,3,"]
)
def test_csv_import_applies_the_same_rules(cells: str) -> None:
    with pytest.raises(ImportInvalid, match="line 2: "):
        read_import(f"night,tension,into_bed\n{cells}\n", tonight=TONIGHT)


def test_import_command_refuses_a_night_after_tonight(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    source = tmp_path / "future.csv"
    source.write_text("night,tension\n2026-11-24,3\n2026-11-25,4\n")
    code, _, err = run(capsys, "--home", home, "import", str(source))
    assert code == 2 and "line 3: Night of (night): must be a night from 1900-01-01" in err
    assert nights(capsys, home) == []


# --- JSON export version -----------------------------------------------------------------------


@pytest.mark.parametrize("version", [True, False, -5, 0, 1.0, "1", None])
def test_json_import_refuses_a_version_that_is_not_a_known_whole_number(version: object) -> None:
    document = {"kind": "legease-nights", "version": version, "nights": []}
    with pytest.raises(ImportInvalid, match=r"export version .* is not one this LegEase reads"):
        read_import(json.dumps(document))


def test_json_import_of_version_1_works() -> None:
    document = {"kind": "legease-nights", "version": 1, "nights": [{"night": "2026-11-20"}]}
    assert [e.night for e in read_import(json.dumps(document))] == [date(2026, 11, 20)]


# --- CSV line numbers ----------------------------------------------------------------------------


def test_csv_errors_name_the_line_where_the_record_starts() -> None:
    text = (
        "\n"  # line 1: blank, before the header
        "night,tension,note\n"  # line 2
        '2026-11-20,3,"woke at 3\nstretched\nslept again"\n'  # lines 3-5
        '2026-11-21,99,"two\nlines"\n'  # lines 6-7: the bad record
    )
    with pytest.raises(ImportInvalid, match=r"^line 6: Tension at bedtime \(tension\)"):
        read_import(text)


def test_csv_line_numbers_count_every_kind_of_line_end() -> None:
    text = "night,tension\r2026-11-20,3\r\r2026-11-21,12\r"
    with pytest.raises(ImportInvalid, match=r"^line 4: "):
        read_import(text)
    with pytest.raises(ImportInvalid, match=r"^line 4: more cells than the header has"):
        read_import('night,note\r\n2026-11-20,"a\r\nb"\r\n2026-11-21,x,y\r\n')


def test_a_line_break_inside_a_quoted_note_is_kept_by_import() -> None:
    (entry,) = read_import('night,note\n2026-11-20,"woke at 3\nstretched"\n')
    assert entry.note == "woke at 3\nstretched"


# --- export -o -----------------------------------------------------------------------------------


def test_export_into_a_missing_folder_is_refused_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--cramps", "0")
    target = tmp_path / "missing" / "deeper" / "log.csv"
    code, _, err = run(capsys, "--home", home, "export", "--format", "csv", "-o", str(target))
    assert code == 1 and f"the folder {target.parent} does not exist; nothing was written" in err
    assert not (tmp_path / "missing").exists()


def test_export_into_a_file_used_as_a_folder_is_refused(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    (tmp_path / "plain").write_text("x")
    target = tmp_path / "plain" / "log.csv"
    code, _, err = run(capsys, "--home", home, "export", "--format", "csv", "-o", str(target))
    assert code == 1 and "is not a folder" in err


@pytest.mark.parametrize("force", [False, True])
def test_export_onto_a_dangling_link_never_writes_through_it(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path, force: bool
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--cramps", "0")
    link, missing = tmp_path / "export.csv", tmp_path / "unmounted" / "export.csv"
    (tmp_path / "unmounted").mkdir()
    link.symlink_to(missing)
    argv = ["--home", home, "export", "--format", "csv", "-o", str(link)]
    code, _, err = run(capsys, *argv, *(["--force"] if force else []))
    assert code == 1 and f"{link} is a link to {missing}, which does not exist" in err
    assert not missing.exists() and link.is_symlink()


def test_export_onto_a_live_link_needs_force_then_writes_its_target(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--cramps", "0")
    link, target = tmp_path / "export.csv", tmp_path / "real.csv"
    target.write_text("old\n")
    link.symlink_to(target)
    argv = ["--home", home, "export", "--format", "csv", "-o", str(link)]
    code, _, err = run(capsys, *argv)
    assert code == 1 and "exists; add --force" in err and target.read_text() == "old\n"
    assert run(capsys, *argv, "--force")[0] == 0
    assert link.is_symlink() and "2026-11-24" in target.read_text()
