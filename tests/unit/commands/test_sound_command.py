"""`legease sound --test` and the [sound] settings, as a person at the command line meets them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from legease_tui import cli
from legease_tui.commands import sound as sound_command
from legease_tui.core.routine.cue_plan import CueSound
from legease_tui.settings.settings import SoundSettings, parse_settings


def fake_program(folder: Path, name: str, log: Path, status: int = 0) -> None:
    """A program on PATH that logs its arguments and exits with `status`."""
    script = folder / name
    script.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\nexit {status}\n')
    script.chmod(0o755)


@pytest.fixture
def fake_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(sound_command, "GAP_SECONDS", 0.0)
    return folder


def test_sound_test_plays_and_names_every_cue(
    fake_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "played.log"
    fake_program(fake_path, "pw-play", log)
    assert cli.main(["sound", "--test", "--home", str(tmp_path / "h")]) == 0
    out = capsys.readouterr().out
    assert f"Player: pw-play ({fake_path / 'pw-play'}, found on PATH)." in out
    assert "1. hold starts (hold_start.wav) with pw-play" in out
    played = [Path(line.split()[-1]).stem for line in log.read_text().splitlines()]
    assert played == [sound.value for sound in CueSound]
    assert all("--volume=0.60" in line for line in log.read_text().splitlines())


def test_sound_test_speaks_with_voice_on(
    fake_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "h"
    home.mkdir()
    (home / "config.toml").write_text("[sound]\nvoice = true\nvolume = 30\n")
    log = tmp_path / "played.log"
    fake_program(fake_path, "aplay", log)
    fake_program(fake_path, "espeak-ng", log)
    assert cli.main(["--home", str(home), "sound", "--test"]) == 0
    out = capsys.readouterr().out
    assert "Voice: on; speech program espeak-ng" in out
    assert log.read_text().splitlines()[-1] == (
        "espeak-ng -s 150 -a 60 Left calf. Three holds of ten seconds, each side."
    )


def test_sound_test_without_a_player_rings_the_bell_once_and_fails(
    fake_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["sound", "--test", "--home", str(tmp_path / "h")]) == 1
    out = capsys.readouterr().out
    assert "No audio player found" in out and "terminal bell" in out
    assert out.count("\a") == 1
    assert "Voice: off, and no speech program found" in out


def test_sound_test_with_a_failing_player_says_why_once_rings_once_and_fails(
    fake_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "played.log"
    fake_program(fake_path, "paplay", log, status=1)
    assert cli.main(["sound", "--test", "--home", str(tmp_path / "h")]) == 1
    out = capsys.readouterr().out
    assert out.count("paplay stopped with exit status 1") == 1
    assert "1. hold starts (hold_start.wav) with paplay: failed (paplay stopped with" in out
    assert "2. hold ends, rest (hold_end.wav) with paplay: failed the same way." in out
    assert "paplay fails the same way each time: the other 6 not tried." in out
    assert len(log.read_text().splitlines()) == 2
    assert "No cue could be played with paplay." in out
    assert out.count("\a") == 1 and "Done." not in out


def test_sound_without_test_only_describes(
    fake_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "played.log"
    fake_program(fake_path, "paplay", log)
    assert cli.main(["sound", "--home", str(tmp_path / "h")]) == 0
    assert "legease sound --test" in capsys.readouterr().out
    assert not log.exists()


def test_voice_without_test_is_refused_saying_what_it_does(
    fake_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "played.log"
    fake_program(fake_path, "paplay", log)
    assert cli.main(["sound", "--voice", "--home", str(tmp_path / "h")]) == 2
    assert "--voice works only with --test" in capsys.readouterr().err
    assert not log.exists()


def test_bad_sound_settings_name_file_key_and_what_is_allowed() -> None:
    text = '[sound]\nenabled = "yes"\nvolume = 150\ncues = "loud"\nvoice = 1\nplayer = 3\n'
    loaded = parse_settings(text, "/h/config.toml")
    assert loaded.settings.sound == SoundSettings()
    assert list(loaded.problems) == [
        "/h/config.toml: sound on or off ('sound.enabled' = 'yes') is not allowed; expected "
        "true or false. Using the default.",
        "/h/config.toml: the sound's volume ('sound.volume' = 150) is not allowed; expected a "
        "whole number from 0 to 100. Using the default.",
        "/h/config.toml: which sound cues play ('sound.cues' = 'loud') is not allowed; "
        "expected one of all, steps, none. Using the default.",
        "/h/config.toml: spoken steps on or off ('sound.voice' = 1) is not allowed; expected "
        "true or false. Using the default.",
        "/h/config.toml: the audio player ('sound.player' = 3) is not allowed; expected text. "
        "Using the default.",
    ]


def test_the_command_line_imports_neither_textual_nor_the_cue_player_at_start() -> None:
    code = (
        "import sys, legease_tui.cli; "
        "print(any(m in sys.modules for m in ('textual', 'legease_tui.adapters.cue_player')))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == "False"
