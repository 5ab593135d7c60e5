"""config.toml: bad values are reported by file, key and what is allowed; defaults stand in."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.app_builder import AppMaker
from support.notices import Notices

from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths
from legease_tui.settings.settings import (
    ReminderSettings,
    SettingError,
    Settings,
    SoundSettings,
    load_settings,
    parse_days,
    parse_settings,
    save_settings,
)


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "config.toml")
    assert loaded.settings == Settings() and loaded.problems == ()


def test_good_values_are_read() -> None:
    loaded = parse_settings(
        'routine = "full-unwind"\n[sound]\nenabled = false\nvolume = 30\n'
        '[reminders]\nenabled = true\ntime = "22:15"\ndays = "mon-fri"\n'
    )
    assert loaded.problems == ()
    assert loaded.settings.routine == "full-unwind"
    assert loaded.settings.sound == SoundSettings(enabled=False, volume=30)
    assert loaded.settings.reminders.days == ("mon", "tue", "wed", "thu", "fri")


@pytest.mark.parametrize(
    ("text", "key", "allowed"),
    [
        ("[sound]\nvolume = 300\n", "'sound.volume' = 300", "a whole number from 0 to 100"),
        ('[sound]\nenabled = "yes"\n', "'sound.enabled'", "true or false"),
        ('[sound]\ncues = "loud"\n', "'sound.cues'", "one of all, steps, none"),
        ('[reminders]\ntime = "9pm"\n', "'reminders.time'", "HH:MM, H:MM or HHMM"),
        ('[reminders]\ndays = "funday"\n', "'reminders.days'", "mon-fri"),
        ("[reminders]\nsnooze_minutes = 0\n", "'reminders.snooze_minutes'", "1 to 120"),
        ("routine = 3\n", "'routine'", "a name"),
    ],
)
def test_a_bad_value_names_file_key_and_what_is_allowed(text: str, key: str, allowed: str) -> None:
    loaded = parse_settings('theme = "nord"\n' + text, "/x/config.toml")
    assert len(loaded.problems) == 1
    problem = loaded.problems[0]
    assert problem.startswith("/x/config.toml: ")
    assert key in problem and allowed in problem and "default" in problem
    assert loaded.settings.theme == "nord"  # the rest of the file still applies


def test_syntax_error_names_the_line() -> None:
    loaded = parse_settings('routine = "x\n', "c.toml")
    assert "line 1" in loaded.problems[0] and loaded.settings == Settings()


def test_unknown_keys_and_sections_are_reported() -> None:
    loaded = parse_settings('colour = "red"\nsound = 3\n')
    assert any("unknown key 'colour'" in p for p in loaded.problems)
    assert any("'sound' must be a table" in p for p in loaded.problems)


def test_loading_never_rewrites_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[sound]\nvolume = 300\n")
    load_settings(path)
    assert path.read_text() == "[sound]\nvolume = 300\n"


def test_save_and_load_round_trip_user_only(tmp_path: Path) -> None:
    settings = Settings(
        routine="quick-reset",
        sound=SoundSettings(volume=10, cues="steps", player='my "player"'),
        reminders=ReminderSettings(enabled=True, days=("sat", "sun"), latest="23:00"),
    )
    path = tmp_path / "config.toml"
    save_settings(path, settings)
    assert load_settings(path) == load_settings(path)
    assert load_settings(path).settings == settings
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("weekends", ("sat", "sun")),
        ("fri-mon", ("mon", "fri", "sat", "sun")),
        ("Mon, wed", ("mon", "wed")),
        ("daily", ("mon", "tue", "wed", "thu", "fri", "sat", "sun")),
    ],
)
def test_days_in_many_spellings(text: str, days: tuple[str, ...]) -> None:
    assert parse_days(text) == days


def test_days_refuses_nonsense() -> None:
    with pytest.raises(SettingError):
        parse_days("someday")


HUGE = "x" * 100_000


def _huge_config() -> str:
    keys = {
        "": ["routine", "theme"],
        "sound": ["cues", "volume", "player"],
        "reminders": ["time", "days", "routine", "latest"],
        "keys": ['"home.routine"', f'"home.{HUGE}"'],
    }
    lines = []
    for section, names in keys.items():
        lines += [f"[{section}]"] if section else []
        lines += [f'{name} = "{HUGE}"' for name in names]
    return "\n".join(lines) + "\n"


def test_a_huge_bad_value_is_quoted_short_in_each_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "config.toml").write_text(_huge_config())
    assert main(["--home", str(tmp_path), "schedule"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line]
    named = {key for key in ("cues", "volume", "time", "days", "latest") if any(
        f".{key}' = 'xxxx" in line for line in warnings)}  # fmt: skip
    assert named == {"cues", "volume", "time", "days", "latest"}
    assert any("'routine' = 'xxxx" in line for line in warnings)
    for line in warnings:
        assert len(line) < 400 and "x" * 41 not in line, line[:200]
        assert "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (100,000 characters)" in line


async def test_a_huge_bad_value_is_quoted_short_in_help_and_the_toast_is_short(
    tmp_path: Path, make_app: AppMaker
) -> None:
    (tmp_path / "config.toml").write_text(_huge_config())
    app = make_app(with_services=build_services(Paths(tmp_path, tmp_path), FakeClock()))
    notices = Notices()
    async with app.run_test(size=(100, 32), message_hook=notices) as pilot:
        await pilot.pause()
        said = notices.messages()
        lines = app.problems_found()  # what Help lists
    assert len(said) == 1 and len(said[0].splitlines()) == 2
    assert any("'theme' = 'xxxx" in line for line in lines)
    assert any("line 13: 'xxxx" in line and "is not a key name" in line for line in lines)
    assert any("line 14: 'home.xxxx" in line and "not an action" in line for line in lines)
    for line in lines:
        assert "x" * 41 not in line and "… (100,0" in line, line[:200]
    assert sum(len(line) for line in lines) < 5_000  # was over 900,000
