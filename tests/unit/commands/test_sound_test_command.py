"""`legease sound --test` tries every cue on its own: a failing player is named with how it
failed, cue by cue, and the command fails only when no cue could be played. Driven with a
recording fake and a fake clock: nothing plays, nothing sleeps."""

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


def test_a_player_that_cannot_start_says_why_for_every_cue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    played, rings = run_test(RecordingStarter(refuse=True), AudioSetup(PAPLAY, None))
    out = capsys.readouterr().out
    reason = "failed (paplay could not be started: Exec format error)."
    assert out.count(reason) == len(CueSound)
    assert played == 0 and len(rings) == 1
    assert "No cue could be played: paplay failed on all 8" in out


def test_a_player_that_hangs_is_stopped_and_named(capsys: pytest.CaptureFixture[str]) -> None:
    starter = RecordingStarter(hang=True)
    played, _ = run_test(starter, AudioSetup(PAPLAY, None))
    out = capsys.readouterr().out
    assert all(process.killed for process in starter.started)
    assert out.count("failed (paplay did not end within 4 s).") == len(CueSound) and played == 0


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
