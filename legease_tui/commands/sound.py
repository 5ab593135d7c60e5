"""`legease sound [--test] [--voice]`: which player and voice LegEase uses, and hear every cue."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from legease_tui.commands import Subparsers, add_command

if TYPE_CHECKING:  # the adapter is imported only when the command runs
    from legease_tui.config import SoundSettings
    from legease_tui.cue_audio import CueAudio

SAMPLE_WORDS = "Left calf. Three holds of ten seconds, each side."
GAP_SECONDS = 0.35
"""Silence between two cues of the test, so each is heard on its own."""


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "sound", help="show which audio player and voice are used; --test plays cues"
    )
    parser.add_argument(
        "--test", action="store_true", help="play each cue in turn and name it (exits 0)"
    )
    parser.add_argument(
        "--voice", action="store_true", help="with --test, also speak a step even if voice is off"
    )
    parser.set_defaults(func=run_sound)


def ring_bell() -> None:
    """The terminal bell, as the app would ring it."""
    sys.stdout.write("\a")
    sys.stdout.flush()


def run_sound(args: argparse.Namespace) -> int:
    from legease_tui.audio import describe_setup, find_audio_setup
    from legease_tui.config import load_settings
    from legease_tui.paths import resolve_paths

    paths = resolve_paths(args.home)
    loaded = load_settings(paths.config_file)
    for problem in loaded.problems:
        print(f"warning: {problem}", file=sys.stderr)
    sound = loaded.settings.sound
    setup = find_audio_setup(sound)
    for line in describe_setup(sound, setup):
        print(line)
    if not args.test:
        print("Run `legease sound --test` to hear every cue.")
        return 0
    if not sound.enabled:
        print("Testing anyway.")
    play_every_cue(replace(sound, enabled=True, voice=sound.voice or args.voice))
    return 0


def play_every_cue(sound: SoundSettings) -> None:
    """Play each cue and name it; no player (or a failing one) means the bell, rung once."""
    from legease_tui.audio import find_audio_setup
    from legease_tui.core.clock import SystemClock
    from legease_tui.core.cue_plan import SOUND_LABELS, CueSound
    from legease_tui.cue_audio import SPEECH_HANG_SECONDS, CueAudio

    notices: list[str] = []
    audio = CueAudio(sound, find_audio_setup(sound), SystemClock(), lambda: None, notices.append)
    notices.clear()  # the setup lines printed above already said what is missing
    if audio.player is None:
        print("Ringing the terminal bell once instead of the cues.")
        ring_bell()
    for number, cue in enumerate(CueSound, start=1):
        if audio.player is None:
            break
        print(f"  {number}. {SOUND_LABELS[cue]} ({cue.value}.wav) with {audio.player.name}")
        audio.play(cue)
        _wait_until_quiet(audio)
        if audio.player is None:  # it failed: say so, ring the bell once, stop
            print(*notices, sep="\n")
            ring_bell()
        time.sleep(GAP_SECONDS)
    if audio.speaker is not None:
        print(f'  Voice: "{SAMPLE_WORDS}" with {audio.speaker.name}')
        audio.speak(SAMPLE_WORDS)
        _wait_until_quiet(audio, SPEECH_HANG_SECONDS)
        if audio.speaker is None:
            print(*notices[-1:], sep="\n")
    print("Done.")


def _wait_until_quiet(audio: CueAudio, limit: float = 5.0) -> None:
    """Wait (this is a command line, not the app) until the sound has ended or was killed."""
    deadline = time.monotonic() + limit
    while audio.reap() and time.monotonic() < deadline:
        time.sleep(0.02)
