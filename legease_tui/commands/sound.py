"""`legease sound [--test] [--voice]`: which player and voice LegEase uses, and hear every cue."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from legease_tui.adapters.audio_programs import (
    INSTALL_A_PLAYER,
    describe_setup,
    find_audio_setup,
)
from legease_tui.adapters.cue_player import SPEECH_HANG_SECONDS, CueAudio, start_process
from legease_tui.commands import USAGE_ERROR, Subparsers, add_command
from legease_tui.core.clock import SystemClock
from legease_tui.core.routine.cue_plan import SOUND_LABELS, CueSound
from legease_tui.settings.paths import resolve_paths
from legease_tui.settings.settings import load_settings

FAILED = 1
"""No cue could be played."""

if TYPE_CHECKING:  # the adapter is imported only when the command runs
    from legease_tui.adapters.audio_programs import AudioSetup
    from legease_tui.adapters.cue_player import CueAudio, ProcessStarter
    from legease_tui.core.clock import Clock
    from legease_tui.settings.settings import SoundSettings

SAMPLE_WORDS = "Left calf. Three holds of ten seconds, each side."
GAP_SECONDS = 0.35
"""Silence between two cues of the test, so each is heard on its own."""


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "sound", help="show which audio player and voice are used; --test plays cues"
    )
    parser.add_argument(
        "--test",
        action="store_true",
        help="play each cue in turn and name it (exits 1 if none could be played)",
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
    if args.voice and not args.test:
        # It only changes what --test plays; alone it would do nothing, so say so, not ignore it.
        print(
            "legease sound: --voice works only with --test (it adds a spoken step to the test): "
            "legease sound --test --voice",
            file=sys.stderr,
        )
        return USAGE_ERROR
    paths = resolve_paths(args.home)
    loaded = load_settings(paths.config_file)
    for problem in loaded.problems:
        print(f"warning: {problem}", file=sys.stderr)
    sound = loaded.settings.sound
    setup = find_audio_setup(sound)
    for line in describe_setup(sound, setup):
        print(line)
    if setup.player is None:
        print(*INSTALL_A_PLAYER, sep="\n")
    if not args.test:
        print("Run `legease sound --test` to hear every cue.")
        return 0
    if not sound.enabled:
        print("Testing anyway.")
    played = play_every_cue(replace(sound, enabled=True, voice=sound.voice or args.voice), setup)
    return 0 if played else FAILED


def play_every_cue(
    sound: SoundSettings,
    setup: AudioSetup,
    start: ProcessStarter | None = None,
    clock: Clock | None = None,
    pause: Callable[[float], None] = time.sleep,
    bell: Callable[[], None] = ring_bell,
) -> int:
    """Play every cue in turn, naming it and saying how the player failed on any it did not
    play (its own words, once: a failure like the one before says "the same way"); then the
    voice, if on. A player that fails the same way on the first two cues is not tried on the
    rest (no sound card: eight lines would say one thing). Returns how many cues played. With
    none played the bell is rung once, as a routine would ring it instead of the cues."""
    clock = clock or SystemClock()
    start = start or start_process
    played = 0
    failures: list[str] = []
    for number, cue in enumerate(CueSound, start=1):
        if setup.player is None:
            break
        # A new adapter for each cue: a routine's gives up on the player at its first failure
        # (the bell from then on), while the test tries, and reports, every cue.
        audio = CueAudio(sound, setup, clock, lambda: None, lambda _notice: None, start)
        print(f"  {number}. {SOUND_LABELS[cue]} ({cue.value}.wav) with {setup.player.name}", end="")
        sys.stdout.flush()
        audio.play(cue)
        _wait_until_quiet(audio, clock, pause)
        failure = audio.player_failure
        if failure is None:
            played += 1
            print(": played.")
        elif failures and failures[-1] == failure:
            failures.append(failure)
            print(": failed the same way.")
        else:
            failures.append(failure)
            print(f": failed ({failure}).")
        if not played and len(failures) == 2 and failures[0] == failures[1]:
            left = len(CueSound) - number
            print(
                f"  {setup.player.name} fails the same way each time: the other {left} not tried."
            )
            break
        pause(GAP_SECONDS)
    _summarise(played, len(CueSound), failures, setup, bell)
    notices: list[str] = []
    voice = CueAudio(sound, setup, clock, lambda: None, notices.append, start)
    if voice.speaker is not None:
        notices.clear()  # the setup lines printed above already said what is missing
        print(f'  Voice: "{SAMPLE_WORDS}" with {voice.speaker.name}')
        voice.speak(SAMPLE_WORDS)
        _wait_until_quiet(voice, clock, pause, SPEECH_HANG_SECONDS)
        print(*notices[-1:], sep="\n")
    if played:
        print("Done.")
    return played


def _summarise(
    played: int, total: int, failures: list[str], setup: AudioSetup, bell: Callable[[], None]
) -> None:
    if setup.player is None:
        print("No cue can be played: ringing the terminal bell once, as a routine would.")
    elif played == total:
        print(f"All {total} cues played with {setup.player.name}.")
    elif played:
        print(f"{played} of {total} cues played; {setup.player.name} failed on {len(failures)}.")
    else:
        print(
            f"No cue could be played with {setup.player.name}. A routine rings the terminal "
            "bell instead (once now). Check that sound output works on this machine, or set "
            "[sound] player in config.toml to use another program."
        )
    if not played:
        bell()


def _wait_until_quiet(
    audio: CueAudio, clock: Clock, pause: Callable[[float], None], limit: float = 5.0
) -> None:
    """Wait (this is a command line, not the app) until the sound has ended or was killed."""
    deadline = clock.monotonic() + limit
    while audio.reap() and clock.monotonic() < deadline:
        pause(0.02)
