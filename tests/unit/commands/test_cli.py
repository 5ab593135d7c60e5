"""The command line: --version, --help, --home, routine --list, python -m."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from legease_tui import __version__
from legease_tui.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"legease {__version__}"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "routine" in out and "--home DIR" in out


def test_routine_list_shows_length_and_origin_and_reports_broken_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "mine.toml").write_text('name = "Mine"\n[[steps]]\ntitle = "Calf"\nhold = 30\n')
    (routines / "broken.toml").write_text('name = "Broken"\n[[steps]]\ntitle = "x"\nreps = 0\n')
    assert main(["routine", "--list", "--home", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("* calf-hamstring") and "6 min 1 s" in lines[0]
    assert any("mine" in line and "35 s" in line and "mine.toml" in line for line in lines)
    assert "broken.toml, line 4: steps[1].reps: must be from 1 to 20" in captured.err


def test_legease_home_env_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEGEASE_HOME", str(tmp_path))
    (tmp_path / "config.toml").write_text('routine = "quick-reset"\n')
    assert main(["routine", "--list"]) == 0
    assert capsys.readouterr().out.splitlines()[2].startswith("* quick-reset")


def test_python_dash_m_runs_the_same_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "legease_tui", "--home", str(tmp_path), "routine", "--list"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "full-unwind" in result.stdout
    assert (tmp_path / "legease.json").stat().st_mode & 0o777 == 0o600


def test_output_piped_into_head_ends_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`legease routine --list | head -1`: when the reader has gone, exit 0, no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone: every write now fails with a broken pipe
    with capsys.disabled(), open(write_end, "w") as gone:
        monkeypatch.setattr(sys, "stdout", gone)
        assert main(["--home", str(tmp_path), "routine", "--list"]) == 0


@pytest.mark.parametrize(
    "command",
    [
        ["routine", "--list"],
        ["schedule"],
        ["log", "list"],
        ["quiz", "--last"],
        ["export", "--format", "csv"],
    ],
)
def test_every_command_warns_once_about_a_bad_config_key(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "config.toml").write_text("volume_typo = 3\n")
    main([*command, "--home", str(tmp_path)])
    warnings = [line for line in capsys.readouterr().err.splitlines() if "volume_typo" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: ")
