"""The audio adapter: finding programs, their command lines, and playing without blocking."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.audio_fakes import RecordingStarter, fake_which

from legease_tui.adapters.audio_programs import (
    NO_PLAYER,
    NO_SPEAKER,
    AudioProgram,
    AudioSetup,
    describe_setup,
    find_audio_setup,
    sound_file,
)
from legease_tui.adapters.cue_player import CUE_HANG_SECONDS, CueAudio, start_process
from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.cue_plan import CueSound
from legease_tui.core.routine.cues import routine_cues
from legease_tui.settings.settings import SoundSettings

LINUX_ALL = fake_which("paplay", "pw-play", "aplay", "ffplay", "espeak-ng", "espeak", "spd-say")
DEFAULT = BUILT_IN[0]


def make_audio(
    starter: RecordingStarter,
    clock: FakeClock,
    which: Any = LINUX_ALL,
    **settings: Any,
) -> tuple[CueAudio, list[str], list[str]]:
    """An adapter with a recording starter; returns it, the bells rung and the notices given."""
    bells: list[str] = []
    notices: list[str] = []
    sound = SoundSettings(**settings)
    audio = CueAudio(
        sound,
        find_audio_setup(sound, which, "linux"),
        clock,
        lambda: bells.append("bell"),
        notices.append,
        starter,
    )
    return audio, bells, notices


# --- finding programs ---------------------------------------------------------------------------


def test_players_are_looked_for_in_order() -> None:
    assert find_audio_setup(SoundSettings(), LINUX_ALL, "linux").player.name == "paplay"  # type: ignore[union-attr]
    only_ff = find_audio_setup(SoundSettings(), fake_which("ffplay", "aplay"), "linux")
    assert only_ff.player is not None and only_ff.player.name == "aplay"
    mac = find_audio_setup(SoundSettings(), fake_which("afplay", "say", "paplay"), "darwin")
    assert (mac.player and mac.player.name, mac.speaker and mac.speaker.name) == ("afplay", "say")
    linux = find_audio_setup(SoundSettings(), fake_which("afplay", "say"), "linux")
    assert linux.player is None and linux.speaker is None


def test_configured_player_wins_and_missing_one_is_reported() -> None:
    which = fake_which("mpv", "paplay")
    chosen = find_audio_setup(SoundSettings(player="mpv --really-quiet"), which, "linux")
    assert chosen.player is not None and chosen.player.configured
    assert chosen.player.argv("/s/a.wav", 60) == ["/usr/bin/mpv", "--really-quiet", "/s/a.wav"]
    missing = find_audio_setup(SoundSettings(player="nosuchplayer"), which, "linux")
    assert missing.player is not None and missing.player.name == "paplay"
    assert missing.problems == (
        "config.toml: 'sound.player' = 'nosuchplayer': 'nosuchplayer' was not found on PATH; "
        "looking for a usual one instead.",
    )


def test_configured_placeholders_are_filled() -> None:
    setup = find_audio_setup(
        SoundSettings(speech="mimic -t {text} --vol {volume}"), fake_which("mimic"), "linux"
    )
    assert setup.speaker is not None
    assert setup.speaker.argv("Switch sides", 40) == [
        "/usr/bin/mimic", "-t", "Switch sides", "--vol", "40",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("paplay", ["--volume=19661"]),
        ("pw-play", ["--volume=0.30"]),
        ("afplay", ["-v", "0.30"]),
        ("ffplay", ["-nodisp", "-autoexit", "-loglevel", "quiet", "-volume", "30"]),
        ("aplay", ["-q"]),
        ("espeak-ng", ["-s", "150", "-a", "60"]),
        ("spd-say", ["-w", "-r", "-20", "-i", "-40"]),
        ("say", []),
    ],
)
def test_volume_goes_to_players_that_take_one(name: str, expected: list[str]) -> None:
    setup = find_audio_setup(SoundSettings(), fake_which(name), "darwin")
    program = setup.player or setup.speaker
    assert program is not None
    assert program.argv("X", 30) == [f"/usr/bin/{name}", *expected, "X"]


def test_description_names_player_voice_and_what_is_missing() -> None:
    found = find_audio_setup(SoundSettings(voice=True), LINUX_ALL, "linux")
    assert describe_setup(SoundSettings(voice=True), found) == [
        "Sound: on, volume 60, cues: all.",
        "Player: paplay (/usr/bin/paplay, found on PATH).",
        "Voice: on; speech program espeak-ng (/usr/bin/espeak-ng).",
    ]
    nothing = describe_setup(SoundSettings(voice=True), AudioSetup(None, None))
    assert nothing[1:] == [NO_PLAYER, NO_SPEAKER]


def test_every_cue_sound_file_ships_in_the_package() -> None:
    for sound in CueSound:
        assert sound_file(sound).is_file(), sound


# --- playing ------------------------------------------------------------------------------------


def test_cues_start_the_player_on_the_right_file_at_the_volume(clock: FakeClock) -> None:
    starter = RecordingStarter()
    audio, bells, notices = make_audio(starter, clock, volume=25)
    audio.play_cues(routine_cues(DEFAULT)[:2], DEFAULT)
    audio.play(CueSound.FINISHED)
    assert starter.sounds() == ["hold_start", "finished"]  # the newest of the batch only
    assert starter.started[0].argv[:2] == ["/usr/bin/paplay", "--volume=16384"]
    assert bells == [] and notices == []
    assert audio.reap() is False  # both ended and were collected


def test_no_player_rings_the_bell_with_one_notice(clock: FakeClock) -> None:
    starter = RecordingStarter()
    audio, bells, notices = make_audio(starter, clock, which=fake_which())
    for cue in routine_cues(DEFAULT)[:3]:
        audio.play_cues([cue], DEFAULT)
    assert starter.started == [] and bells == ["bell"] * 3
    assert notices == [NO_PLAYER]


def test_failing_player_falls_back_to_the_bell_once(clock: FakeClock) -> None:
    starter = RecordingStarter(exit_code=1)
    audio, bells, notices = make_audio(starter, clock)
    cues = routine_cues(DEFAULT)
    audio.play_cues([cues[0]], DEFAULT)
    assert bells == []
    audio.play_cues([cues[1]], DEFAULT)  # reaps the first: it failed, so the bell from now on
    assert len(starter.started) == 1
    assert bells == ["bell", "bell"]  # the failed cue (late) and this one
    audio.play_cues([cues[2]], DEFAULT)
    assert len(notices) == 1 and "paplay stopped with exit status 1" in notices[0]
    assert bells == ["bell"] * 3 and audio.player is None


def test_player_that_cannot_start_falls_back_to_the_bell(clock: FakeClock) -> None:
    audio, bells, notices = make_audio(RecordingStarter(refuse=True), clock)
    audio.play(CueSound.HOLD_START)
    audio.play(CueSound.HOLD_END)
    assert bells == ["bell", "bell"] and len(notices) == 1
    assert "paplay could not be started" in notices[0]


def test_a_hanging_player_is_killed_after_a_few_seconds(clock: FakeClock) -> None:
    starter = RecordingStarter(hang=True)
    audio, bells, notices = make_audio(starter, clock)
    audio.play(CueSound.HOLD_START)
    clock.advance(CUE_HANG_SECONDS - 0.5)
    assert audio.reap() is True and not starter.started[0].killed
    clock.advance(1.0)
    audio.reap()
    assert starter.started[0].killed
    assert audio.reap() is False  # collected; killing it is not a failure
    assert bells == [] and notices == [] and audio.player is not None


def test_new_words_cancel_words_still_spoken(clock: FakeClock) -> None:
    starter = RecordingStarter(hang=True)
    audio, _, _ = make_audio(starter, clock, voice=True, cues="none")
    cues = routine_cues(DEFAULT)
    audio.play_cues([cues[0]], DEFAULT)
    audio.play_cues([cues[6]], DEFAULT)  # switch sides while the step is still being said
    first, second = starter.started
    assert starter.words()[1:] == ["Switch sides"]
    assert starter.words()[0].endswith(
        "Left calf, standing. Take your time getting down and up. "
        "Three holds of ten seconds, each side."
    )
    assert first.argv[:5] == ["/usr/bin/espeak-ng", "-s", "150", "-a", "120"]
    assert first.killed and not second.killed


def test_voice_on_without_a_speech_program_says_so_and_cues_play(clock: FakeClock) -> None:
    starter = RecordingStarter()
    audio, bells, notices = make_audio(starter, clock, which=fake_which("aplay"), voice=True)
    audio.play_cues(routine_cues(DEFAULT)[:1], DEFAULT)
    assert notices == [NO_SPEAKER]
    assert starter.sounds() == ["next_step"] and starter.words() == [] and bells == []


def test_failing_speech_is_dropped_with_one_notice(clock: FakeClock) -> None:
    starter = RecordingStarter(exit_code=2)
    audio, bells, notices = make_audio(starter, clock, voice=True, cues="none")
    cues = routine_cues(DEFAULT)
    audio.play_cues([cues[0]], DEFAULT)
    audio.reap()
    audio.play_cues([cues[6]], DEFAULT)
    assert len(starter.started) == 1 and bells == []
    assert len(notices) == 1 and notices[0].startswith("Speech failed (espeak-ng")


def test_stop_all_kills_what_still_runs(clock: FakeClock) -> None:
    starter = RecordingStarter(hang=True)
    audio, _, _ = make_audio(starter, clock, voice=True)
    audio.play_cues(routine_cues(DEFAULT)[:1], DEFAULT)
    audio.stop_all()
    assert [p.killed for p in starter.started] == [True, True]


def test_a_failing_player_is_named_with_its_own_words(clock: FakeClock) -> None:
    said: list[str] = []
    starter = RecordingStarter(exit_code=1, stderr="cannot find card '0'\nNo such device\n")
    setup = AudioSetup(AudioProgram("aplay", "/usr/bin/aplay"), None)
    audio = CueAudio(SoundSettings(), setup, clock, lambda: None, said.append, starter)
    audio.play(CueSound.HOLD_START)
    audio.reap()
    assert audio.player_failure == 'aplay said "No such device" (exit status 1)'
    assert said == [
        'Sound output failed (aplay said "No such device" (exit status 1)); cues ring the '
        "terminal bell from now on. Try `legease sound --test`."
    ]


def test_a_started_program_keeps_its_last_line_on_stderr(tmp_path: Path) -> None:
    script = tmp_path / "fakeplay"  # a stand-in, never the machine's own players
    script.write_text("#!/bin/sh\necho 'first' >&2\necho 'audio open error: busy' >&2\nexit 1\n")
    script.chmod(0o755)
    program = start_process([str(script)])
    assert program.process.wait(timeout=5) == 1
    assert program.said() == "audio open error: busy"
    assert program.said() == ""  # read once, then closed
