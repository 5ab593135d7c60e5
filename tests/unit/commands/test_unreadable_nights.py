"""A stored night with one bad field is named everywhere and kept in the JSON export, never
silently left out (a hand-edited `"tension": 99`, or a NaN)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from support.app_builder import AppMaker
from support.notices import Notices

from legease_tui.cli import main
from legease_tui.screens.log import LogScreen
from legease_tui.services import Services


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def spoil(data_file: Path, night: str, **fields: object) -> None:
    """Edit one stored night by hand, as a person with a text editor would."""
    text = data_file.read_text()
    document = json.loads(text)
    for record in document["nights"].values():
        if record["night"] == night:
            record.update(fields)
    data_file.write_text(json.dumps(document))  # json.dumps writes NaN as the bare word NaN


@pytest.fixture
def spoiled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    for night, tension in (("2026-11-20", "4"), ("2026-11-21", "5"), ("2026-11-22", "6")):
        run(capsys, "--home", str(home), "log", "add", "--date", night, "--tension", tension)
    spoil(home / "legease.json", "2026-11-20", tension=99)
    spoil(home / "legease.json", "2026-11-21", cramps=float("nan"))
    return home


def test_log_list_names_the_nights_it_cannot_show(
    capsys: pytest.CaptureFixture[str], spoiled: Path
) -> None:
    code, out, err = run(capsys, "--home", str(spoiled), "log", "list")
    assert code == 0
    assert "2026-11-22" in out
    assert "2 stored nights could not be read" in err
    assert "2026-11-20 (Tension at bedtime (tension)" in err and "2026-11-21 (Cramps" in err


def test_json_export_keeps_them_as_stored_and_import_names_them(
    capsys: pytest.CaptureFixture[str], spoiled: Path, tmp_path: Path
) -> None:
    target = tmp_path / "backup.json"
    code, _, err = run(
        capsys, "--home", str(spoiled), "export", "--format", "json", "-o", str(target)
    )
    assert code == 0 and "could not be read" in err
    document = json.loads(target.read_text())
    kept = {item["night"]: item["record"] for item in document["unreadable"]}
    assert kept["2026-11-20"]["tension"] == 99
    assert kept["2026-11-21"]["cramps"] != kept["2026-11-21"]["cramps"]  # NaN, as stored
    assert [night["night"] for night in document["nights"]] == ["2026-11-22"]

    fresh = tmp_path / "fresh"
    code, out, err = run(capsys, "--home", str(fresh), "import", str(target))
    assert code == 0 and "1 added" in out
    assert "Left out 2 nights" in err and "2026-11-20, 2026-11-21" in err


@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_other_exports_say_which_nights_they_leave_out(
    capsys: pytest.CaptureFixture[str], spoiled: Path, fmt: str
) -> None:
    code, out, err = run(capsys, "--home", str(spoiled), "export", "--format", fmt)
    assert code == 0 and "2026-11-22" in out
    assert "2026-11-20 (Tension at bedtime (tension)" in err


async def test_the_log_screen_names_them_in_a_notice(
    services: Services, make_app: AppMaker
) -> None:
    for night in ("2026-11-20", "2026-11-22"):
        assert services.log is not None
        services.log.update(date.fromisoformat(night), {"tension": 3})
    spoil(services.paths.database_file, "2026-11-20", tension=99)
    app = make_app("log")
    notices = Notices()
    async with app.run_test(size=(100, 32), message_hook=notices) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        said = notices.messages()
        assert any("2026-11-20 (Tension at bedtime" in message for message in said), said


def test_quiz_last_never_prints_a_stored_control_character(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    from legease_tui.core.quiz.checks import CheckRepository
    from legease_tui.core.quiz.content import load_content
    from legease_tui.core.quiz.scoring import score_answers

    content = load_content()
    assert services.store is not None
    checks = CheckRepository(services.store, services.clock, content)
    checks.save(score_answers(content, {}))
    data_file = services.paths.database_file
    document = json.loads(data_file.read_text())
    for record in document["checks"].values():
        record["taken_at"] = "\x1b]2;pwned\x07 2026-11-24T22:05"
    data_file.write_text(json.dumps(document))
    assert main(["--home", str(services.paths.data_dir), "quiz", "--last"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
