"""`legease log add / list`, `export`, `import`: exit codes, messages, nothing written on error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legease_tui.cli import main
from legease_tui.commands import files as files_command


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path: Path) -> str:
    return str(tmp_path / "home")


def test_log_add_saves_and_says_what_in_one_line(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    code, out, _ = run(
        capsys, "log", "add", "--home", home, "--tension", "6", "--cramps", "1", "--water", "5",
        "--tag", "heat", "--note", "calf at 3", "--date", "2026-11-24",
    )  # fmt: skip
    assert code == 0
    assert out.strip() == "Night added: Tue 24 Nov, 2026-11-24 · tension 6/10 · 1 cramp · heat"
    code, out, _ = run(capsys, "--home", home, "log", "list", "--format", "json")
    assert json.loads(out) == [
        {"night": "2026-11-24", "tension": 6, "cramps": 1, "water": 5, "tags": ["heat"],
         "note": "calf at 3"}
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("--tension", "11", "from 0 to 10"),
        ("--quality", "0", "from 1 to 5"),
        ("--into-bed", "7pm", "HH:MM"),
        ("--date", "2026-13-01", "YYYY-MM-DD"),
        ("--restless", "sometimes", "yes or no"),
    ],
)
def test_log_add_bad_value_exits_2_naming_option_and_range_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], home: str, option: str, value: str, allowed: str
) -> None:
    code, _, err = run(capsys, "--home", home, "log", "add", option, value)
    assert code == 2
    assert f"{option}: " in err and allowed in err
    assert run(capsys, "--home", home, "log", "list")[1].startswith("No nights logged yet")


def test_log_add_for_a_logged_night_asks_for_update(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--tension", "6")
    code, _, err = run(
        capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--cramps", "2"
    )
    assert code == 1 and "--update" in err
    code, out, _ = run(
        capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--cramps", "2", "--update"
    )
    assert code == 0 and "updated" in out and "tension 6/10 · 2 cramps" in out


def test_list_filters_by_range_tag_and_cramps(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    for day, cramps, tag in [("20", "0", "heat"), ("22", "2", "massage"), ("24", "1", "heat")]:
        run(capsys, "--home", home, "log", "add", "--date", f"2026-11-{day}", "--cramps", cramps,
            "--tag", tag)  # fmt: skip
    _, out, _ = run(capsys, "--home", home, "log", "list", "--tag", "heat", "--from", "2026-11-21")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["2026-11-24"]
    _, out, _ = run(capsys, "--home", home, "log", "list", "--cramps")
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["2026-11-24", "2026-11-22"]


def test_export_refuses_to_overwrite_without_force_then_import_on_a_fresh_home(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-23", "--tension", "4",
        "--into-bed", "23:40", "--out-of-bed", "07:10", "--note", "ok")  # fmt: skip
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--cramps", "1")
    for fmt in ("json", "csv"):
        target = tmp_path / f"nights.{fmt}"
        assert run(capsys, "--home", home, "export", "--format", fmt, "-o", str(target))[0] == 0
        code, _, err = run(capsys, "--home", home, "export", "--format", fmt, "-o", str(target))
        assert code == 1 and "--force" in err
        assert run(capsys, "--home", home, "export", "--format", fmt, "-o", str(target),
                   "--force")[0] == 0  # fmt: skip
        fresh = str(tmp_path / f"fresh-{fmt}")
        code, out, _ = run(capsys, "--home", fresh, "import", str(target))
        assert code == 0 and "2 added, 0 updated, 0 unchanged" in out
        code, out, _ = run(capsys, "--home", fresh, "import", str(target))
        assert "0 added, 0 updated, 2 unchanged" in out
        original = run(capsys, "--home", home, "log", "list", "--format", "json")[1]
        assert run(capsys, "--home", fresh, "log", "list", "--format", "json")[1] == original


def test_import_with_a_bad_row_imports_nothing(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("night,tension\n2026-11-23,4\n2026-11-24,15\n")
    code, _, err = run(capsys, "--home", home, "import", str(source))
    assert code == 2 and "line 3" in err and "tension" in err and "Nothing was imported" in err
    assert run(capsys, "--home", home, "log", "list")[1].startswith("No nights logged yet")


def test_export_md_is_a_one_page_summary(capsys: pytest.CaptureFixture[str], home: str) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--cramps", "2",
        "--restless", "yes", "--tag", "flag", "--note", "ask about statins")  # fmt: skip
    code, out, _ = run(capsys, "--home", home, "export", "--format", "md", "--from", "2026-11-01")
    assert code == 0
    assert "2026-11-01 to 2026-11-24" in out and "ask about statins" in out
    assert "| Nights with cramps | 1 of 1 |" in out


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_export_with_the_sleep_figures_round_trips_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path, fmt: str
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-23", "--tension", "4",
        "--into-bed", "19:50", "--lights-out", "20:00", "--final-wake", "07:43",
        "--out-of-bed", "08:00")  # fmt: skip
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--cramps", "1")
    exported = run(capsys, "--home", home, "export", "--format", fmt)[1]
    assert ("703" in exported) and ("96.3" in exported)  # 11 h 43 min asleep of 12 h 10 min
    source = tmp_path / f"nights.{fmt}"
    source.write_text(exported)
    fresh = str(tmp_path / "fresh")
    assert "2 added" in run(capsys, "--home", fresh, "import", str(source))[1]
    assert run(capsys, "--home", fresh, "export", "--format", fmt)[1] == exported
    assert "2 unchanged" in run(capsys, "--home", home, "import", str(source))[1]
    assert run(capsys, "--home", home, "export", "--format", fmt)[1] == exported


def test_log_list_lines_up_an_11_h_43_min_night_under_its_heading(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-23", "--tension", "4",
        "--lights-out", "20:00", "--final-wake", "07:43", "--tag", "heat")  # fmt: skip
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-24", "--tension", "2")
    head, short, longest = run(capsys, "--home", home, "log", "list")[1].splitlines()
    assert head.index("sleep") + len("sleep") == longest.index("11 h 43 min") + len("11 h 43 min")
    assert head.index("tags") == longest.index("heat") == len(short)


# --- what the log's commands say when nothing comes out --------------------------------------


def test_an_empty_log_says_no_nights_logged_yet_and_a_filter_says_no_match(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    code, out, _ = run(capsys, "--home", home, "log", "list")
    assert code == 0 and out.strip() == "No nights logged yet: add one with legease log add."
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-20", "--tension", "3")
    code, out, _ = run(capsys, "--home", home, "log", "list", "--cramps")
    assert code == 0 and out.strip() == "No nights match."


@pytest.mark.parametrize("command", [["log", "list"], ["export", "--format", "csv"]])
def test_a_reversed_range_is_named_reversed(
    capsys: pytest.CaptureFixture[str], home: str, command: list[str]
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-20", "--tension", "3")
    code, out, err = run(
        capsys, "--home", home, *command, "--from", "2026-11-24", "--to", "2026-11-01"
    )
    assert code == 2 and out == ""
    assert "--from 2026-11-24 is after --to 2026-11-01: the range is reversed" in err


def test_export_after_the_last_night_refuses_and_writes_no_file(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-20", "--tension", "3")
    target = tmp_path / "summary.md"
    code, out, err = run(
        capsys,
        "--home",
        home,
        "export",
        "--format",
        "md",
        "--from",
        "2026-11-21",
        "-o",
        str(target),
    )
    assert code == 1 and out == "" and not target.exists()
    assert "no nights from 2026-11-21 to the last night" in err
    assert "2026-11-20 to 2026-11-20" in err and "nothing was written" in err


def test_export_help_says_what_each_option_does_and_its_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "the doctor's summary" in text
    assert "the first night (default: the first logged)" in text
    assert "the last night, included (default: the last logged)" in text
    assert "(default: refuse)" in text


def test_import_of_a_missing_file_names_it_without_errno(
    capsys: pytest.CaptureFixture[str], home: str, tmp_path: Path
) -> None:
    missing = tmp_path / "nofile.json"
    code, _, err = run(capsys, "--home", home, "import", str(missing))
    assert code == 1 and "Errno" not in err
    assert err.strip() == f"legease import: {missing} does not exist. Nothing was imported."


def test_import_of_an_unreadable_file_says_why_without_errno(
    capsys: pytest.CaptureFixture[str], home: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(path: Path) -> str:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(files_command, "read_text_file", refused)
    code, _, err = run(capsys, "--home", home, "import", "locked.json")
    assert code == 1 and "Errno" not in err
    assert err.strip() == (
        "legease import: cannot read locked.json: Permission denied. Nothing was imported."
    )


# --- log add: nothing to add, tags added or replaced, one vocabulary -------------------------


def test_an_empty_log_add_is_refused_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    code, _, err = run(capsys, "--home", home, "log", "add", "--date", "2026-11-20")
    assert code == 2 and "nothing to log: give at least one value" in err
    assert run(capsys, "--home", home, "log", "list")[1].startswith("No nights logged yet")
    code, _, _ = run(capsys, "--home", home, "log", "add", "--date", "2026-11-20", "--cramps", "0")
    assert code == 0  # the next add is not blocked by an empty night


def test_update_tag_adds_and_replace_tags_replaces_saying_which(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    night = ("--date", "2026-11-20")
    run(capsys, "--home", home, "log", "add", *night, "--tag", "coffee")
    code, out, _ = run(capsys, "--home", home, "log", "add", *night, "--update", "--tag", "flag")
    assert code == 0 and "Tags added (--replace-tags replaces them)" in out
    assert "the night's tags now: coffee, flag" in out
    code, out, _ = run(
        capsys, "--home", home, "log", "add", *night, "--update", "--replace-tags", "--tag", "heat"
    )
    assert code == 0 and "Tags replaced; the night's tags now: heat" in out
    code, _, err = run(capsys, "--home", home, "log", "add", "--replace-tags", "--tag", "heat")
    assert code == 2 and "--replace-tags goes with --update" in err


def test_tag_stretch_is_the_forms_stretched_tick_and_help_lists_the_words(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    run(capsys, "--home", home, "log", "add", "--date", "2026-11-20", "--tag", "Stretch")
    code, out, _ = run(capsys, "--home", home, "log", "list", "--tag", "stretching")
    assert code == 0 and "stretched" in out and "stretch," not in out
    with pytest.raises(SystemExit):
        main(["log", "add", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "stretched, heat, massage, pillow under knees, magnesium, walked" in text
