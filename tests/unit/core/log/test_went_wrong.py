"""The morning's optional "anything go wrong last night?" (issue 24): a list of what happened,
"nothing" as its own answer, and no answer kept as no value (nothing recorded is not "nothing");
known to log add, export and import alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from legease_tui.cli import main
from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry, parse_entry

NIGHT = "2026-11-24"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("fall, other", ("fall", "other")),
        (["worse-sleep", "stretch-pain", "worse-sleep"], ("worse-sleep", "stretch-pain")),
        ("Nothing", ()),
        ([], ()),
        ("", None),
        (None, None),
    ],
)
def test_what_went_wrong_is_read_as_said(given: object, kept: tuple[str, ...] | None) -> None:
    assert parse_entry({"night": NIGHT, "went_wrong": given}).went_wrong == kept


@pytest.mark.parametrize("given", ["fell", "fall, nothing", 3])
def test_anything_else_is_refused_naming_the_field(given: object) -> None:
    with pytest.raises(EntryInvalid) as caught:
        parse_entry({"night": NIGHT, "went_wrong": given})
    (problem,) = caught.value.problems
    assert problem.field == "went_wrong" and "stretch-pain, fall, worse-sleep, other" in str(
        problem
    )


def test_nothing_is_stored_as_an_empty_list_and_no_answer_not_at_all() -> None:
    said_nothing = parse_entry({"night": NIGHT, "went_wrong": "nothing"})
    assert said_nothing.as_values()["went_wrong"] == []
    assert said_nothing.as_text()["went_wrong"] == "nothing"
    not_asked = parse_entry({"night": NIGHT, "cramps": "1"})
    assert "went_wrong" not in not_asked.as_values()
    assert not_asked.as_text()["went_wrong"] == ""
    assert parse_entry(said_nothing.as_values()) == said_nothing


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_log_add_export_and_import_carry_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = str(tmp_path / "home")
    assert (
        _run(capsys, "--home", home, "log", "add", "--date", NIGHT, "--went-wrong", "fall")[0] == 0
    )
    assert _run(capsys, "--home", home, "log", "add", "--date", "2026-11-23", "--went-wrong",
                "nothing", "--cramps", "1")[0] == 0  # fmt: skip
    assert (
        _run(capsys, "--home", home, "log", "add", "--date", "2026-11-22", "--cramps", "2")[0] == 0
    )
    original = _run(capsys, "--home", home, "log", "list", "--format", "json")[1]
    assert '"went_wrong": ["fall"]' in original.replace("\n", "").replace("  ", "")
    for fmt in ("json", "csv"):
        target = tmp_path / f"nights.{fmt}"
        assert _run(capsys, "--home", home, "export", "--format", fmt, "-o", str(target))[0] == 0
        assert "went_wrong" in target.read_text()
        fresh = str(tmp_path / f"fresh-{fmt}")
        assert _run(capsys, "--home", fresh, "import", str(target))[0] == 0
        assert _run(capsys, "--home", fresh, "log", "list", "--format", "json")[1] == original


def test_a_night_without_the_answer_has_none() -> None:
    assert NightEntry(parse_entry({"night": NIGHT}).night).went_wrong is None
