"""`legease sound --test` tries every cue on its own: a failing player is named with how it
failed, in its own words and once, and the command fails only when no cue could be played.
Driven with a recording fake and a fake clock: nothing plays, nothing sleeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.audio_fakes import FakeProcess, RecordingStarter

from legease_tui import cli
from legease_tui.adapters.audio_programs import AudioProgram, AudioSetup
from legease_tui.commands import sound as sound_command
from legease_tui.commands.sound import play_every_cue
from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.cue_plan import CueSound
from legease_tui.settings.settings import SoundSettings

PAPLAY = AudioProgram("paplay", "/usr/bin/paplay")
ESPEAK = AudioProgram("espeak-ng", "/usr/bin/espeak-ng")


class FailingOn(RecordingStarter):
    """Starts fake players that exit 1 for the cues named, 0 for the others."""

    def __init__(self, *stems: str) -> None:
        super().__init__()
        self.stems = stems

    def __call__(self, argv: list[str]) -> FakeProcess:
        process = super().__call__(argv)
        if Path(argv[-1]).stem in self.stems:
            process.exit_code = 1
        return process


def run_test(
    starter: RecordingStarter, setup: AudioSetup, voice: bool = False
) -> tuple[int, list[str]]:
    clock = FakeClock()
    rings: list[str] = []
    played = play_every_cue(
        SoundSettings(voice=voice), setup, starter, clock, clock.advance, lambda: rings.append("")
    )
    return played, rings


def test_a_cue_that_fails_does_not_stop_the_others(capsys: pytest.CaptureFixture[str]) -> None:
    starter = FailingOn("hold_start", "switch_sides")
    played, rings = run_test(starter, AudioSetup(PAPLAY, None))
    out = capsys.readouterr().out
    assert starter.sounds() == [sound.value for sound in CueSound]
    assert played == len(CueSound) - 2 and rings == []
    assert "1. hold starts (hold_start.wav) with paplay: failed (paplay stopped with exit " in out
    assert "2. hold ends, rest (hold_end.wav) with paplay: played." in out
    assert "3. switch sides (switch_sides.wav) with paplay: failed" in out
    assert "6 of 8 cues played; paplay failed on 2." in out and "Done." in out


def test_a_player_that_cannot_start_says_why_once(capsys: pytest.CaptureFixture[str]) -> None:
    played, rings = run_test(RecordingStarter(refuse=True), AudioSetup(PAPLAY, None))
    out = capsys.readouterr().out
    assert out.count("paplay could not be started: Exec format error") == 1
    assert "2. hold ends, rest (hold_end.wav) with paplay: failed the same way." in out
    assert "paplay fails the same way each time: the other 6 not tried." in out
    assert "3. " not in out
    assert played == 0 and len(rings) == 1
    assert "No cue could be played with paplay." in out


def test_a_player_that_hangs_is_stopped_and_named(capsys: pytest.CaptureFixture[str]) -> None:
    starter = RecordingStarter(hang=True)
    played, _ = run_test(starter, AudioSetup(PAPLAY, None))
    out = capsys.readouterr().out
    assert len(starter.started) == 2 and all(process.killed for process in starter.started)
    assert out.count("failed (paplay did not end within 4 s).") == 1 and played == 0


NO_CARD = (
    "ALSA lib confmisc.c:855:(parse_card) cannot find card '0'\n"
    "aplay: main:831: audio open error: No such file or directory\n"
)


def test_a_player_with_no_sound_card_is_quoted_once(capsys: pytest.CaptureFixture[str]) -> None:
    starter = RecordingStarter(exit_code=1, stderr=NO_CARD)
    played, rings = run_test(starter, AudioSetup(AudioProgram("aplay", "/usr/bin/aplay"), None))
    out = capsys.readouterr().out
    said = 'aplay said "aplay: main:831: audio open error: No such file or directory"'
    assert out.count(said) == 1 and f"{said} (exit status 1))." in out
    assert out.count("failed") == 2 and out.count("exit status 1") == 1
    assert len(starter.started) == 2 and played == 0 and len(rings) == 1


def test_with_no_player_sound_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no player, no speech
    assert cli.main(["sound", "--test", "--home", str(tmp_path / "h")]) == 1
    out = capsys.readouterr().out
    for words in ("paplay, in pulseaudio-utils", "pw-play, in pipewire", "aplay, in alsa-utils",
                  "ffplay, in ffmpeg", "afplay comes with the system"):  # fmt: skip
        assert words in out, words


def test_every_cue_played_then_the_voice(capsys: pytest.CaptureFixture[str]) -> None:
    starter = RecordingStarter()
    played, rings = run_test(starter, AudioSetup(PAPLAY, ESPEAK), voice=True)
    out = capsys.readouterr().out
    assert played == len(CueSound) and rings == []
    assert "All 8 cues played with paplay." in out
    assert starter.words() == [sound_command.SAMPLE_WORDS]


def test_a_failing_voice_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    class VoiceFails(RecordingStarter):
        def __call__(self, argv: list[str]) -> FakeProcess:
            if argv[0].endswith("espeak-ng"):
                raise OSError(2, "No such file or directory")
            return super().__call__(argv)

    run_test(VoiceFails(), AudioSetup(PAPLAY, ESPEAK), voice=True)
    out = capsys.readouterr().out
    assert "Speech failed (espeak-ng could not be started: No such file or directory)" in out


def fake_program(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)


def test_command_exits_0_when_some_cue_played_and_1_when_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(sound_command, "GAP_SECONDS", 0.0)
    home = str(tmp_path / "h")
    fake_program(folder, "paplay", 'case "$*" in *hold_start*) exit 3;; esac; exit 0')
    assert cli.main(["sound", "--test", "--home", home]) == 0
    out = capsys.readouterr().out
    assert "hold starts (hold_start.wav) with paplay: failed (paplay stopped with exit " in out
    assert "status 3)." in out and "7 of 8 cues played" in out
    fake_program(folder, "paplay", "exit 3")
    assert cli.main(["sound", "--test", "--home", home]) == 1
