"""Errors a polished tool helps with (issue 25): "did you mean" for a mistyped command, routine
or pattern; `routine --list` refuses what it cannot use; `schedule --days` changes days only;
a bad schedule or config value is named in plain words, never in TOML syntax."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from legease_tui.cli import main
from legease_tui.settings.settings import parse_settings


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's own errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("typed", "meant"), [("rutine", "routine"), ("exprot", "export"), ("shedule", "schedule")]
)
def test_a_mistyped_command_gets_the_closest_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, meant: str
) -> None:
    code, _, err = run(capsys, "--home", str(tmp_path), typed)
    assert code == 2
    assert f"invalid choice: '{typed}'" in err and f"Did you mean '{meant}'?" in err


def test_a_mistyped_choice_of_an_option_gets_the_closest_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "export", "--home", str(tmp_path), "--format", "mdd")
    assert code == 2 and "Did you mean 'md'?" in err


def test_a_mistyped_routine_gets_the_closest_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--home", str(tmp_path), "routine", "--plain", "calf-hamstrng")
    assert code == 2
    assert "no routine called 'calf-hamstrng'. Did you mean 'calf-hamstring'?" in err
    code, _, err = run(capsys, "--home", str(tmp_path), "schedule", "--routine", "quik-reset")
    assert code == 2 and "Did you mean 'quick-reset'?" in err
    code, _, err = run(capsys, "--home", str(tmp_path), "breathe", "--plain", "boxx")
    assert code == 2 and "Did you mean 'box'?" in err


def test_nothing_close_offers_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--home", str(tmp_path), "routine", "--plain", "zzzzzz")
    assert code == 2 and "Did you mean" not in err and "Known: calf-hamstring" in err


def test_routine_list_refuses_an_extra_argument(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--home", str(tmp_path), "routine", "--list", "extra")
    assert code == 2 and out == ""
    assert "--list takes no NAME ('extra')" in err


def test_schedule_days_alone_changes_the_days_and_leaves_reminders_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--home", str(tmp_path), "schedule", "--days", "weekends")
    assert code == 0 and "Reminders   off" in out
    saved = tomllib.loads((tmp_path / "config.toml").read_text())["reminders"]
    assert saved["enabled"] is False and saved["days"] == ["sat", "sun"]
    code, out, _ = run(capsys, "--home", str(tmp_path), "schedule", "--set", "21:15")
    assert code == 0 and "Reminders   on" in out and "21:15, sat, sun" in out


def test_schedule_help_lists_every_kind_of_days(capsys: pytest.CaptureFixture[str]) -> None:
    code, help_text, _ = run(capsys, "schedule", "--help")
    assert code == 0
    for words in ("mon-fri", "sat,sun", "weekdays", "weekends", "daily", "Only --set turns"):
        assert words in " ".join(help_text.split()), words


def test_a_bad_day_is_named_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--home", str(tmp_path), "schedule", "--days", "funday")
    assert code == 2 and "--days 'funday' is not allowed; expected days such as mon-fri" in err
    assert "[" not in err and '"' not in err


def test_a_bad_config_value_names_the_setting_in_plain_words() -> None:
    loaded = parse_settings(
        '[reminders]\ndays = "funday"\ntime = "9pm"\n[sound]\nplayer = 3\n', "config.toml"
    )
    player, days, time = loaded.problems
    assert days.startswith("config.toml: the evening reminder's days ('reminders.days' = ")
    assert time.startswith("config.toml: the evening reminder's time ('reminders.time' = '9pm')")
    assert player.endswith("expected text. Using the default.")
    for problem in loaded.problems:
        assert "[" not in problem and '"' not in problem and "in quotes" not in problem
