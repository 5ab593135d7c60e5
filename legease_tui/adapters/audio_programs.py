"""Which programs play the cues and speak the steps, and how to call them.

Found once, when the first cue of a session is played (never at start-up): `afplay` on macOS,
else the first of `paplay`, `pw-play`, `aplay`, `ffplay` on PATH; for the voice `say` (macOS),
else `espeak-ng`, `espeak` or `spd-say`. `config.toml` may name another program in `[sound]`
`player` / `speech` (split like a shell line; `{file}`, `{text}` and `{volume}` are filled in,
otherwise the file or text goes last). `AudioPrograms` is the one door to them (found with
`which`, started detached with `start`), built once in the services so a test can pass a fake;
playing cues through it is `cue_player.py`'s job.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from legease_tui.core.quoting import quoted
from legease_tui.core.routine.cue_plan import CueSound
from legease_tui.settings.settings import SoundSettings

Which = Callable[[str], str | None]
"""`shutil.which`, or a fake in tests."""

PLAYERS = ("paplay", "pw-play", "aplay", "ffplay")
"""Looked for in this order on PATH (after `afplay` on macOS)."""
SPEAKERS = ("espeak-ng", "espeak", "spd-say")
"""Looked for in this order on PATH (after `say` on macOS)."""


class ChildProcess(Protocol):
    """A started program as the adapter uses it (never `wait`: it would block)."""

    def poll(self) -> int | None: ...

    def kill(self) -> None: ...

    def said(self) -> str:
        """Once it has ended: the last line it wrote on stderr ('' if none); read once."""
        ...


ProcessStarter = Callable[[list[str]], ChildProcess]

SAID_LIMIT = 4096
"""Bytes of a program's stderr read to find its last line (its own reason for failing)."""


class StartedProgram:
    """A `subprocess.Popen` with its stderr kept in a pipe, so a player that fails can be
    quoted ("audio open error: No such file or directory") instead of an exit status alone.
    A player says a line or two; one that fills the pipe blocks, and is stopped as hung."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    def poll(self) -> int | None:
        return self.process.poll()

    def kill(self) -> None:
        self.process.kill()

    def said(self) -> str:
        stream = self.process.stderr
        if stream is None or stream.closed or self.process.poll() is None:
            return ""
        with stream:
            tail = stream.read()[-SAID_LIMIT:]
        lines = [line.strip() for line in tail.decode("utf-8", "replace").splitlines()]
        return next((line for line in reversed(lines) if line), "")


def start_process(argv: list[str]) -> StartedProgram:
    """Start `argv` detached from the terminal: no input, output discarded, stderr kept for
    its reason if it fails, own session (so a Ctrl-C in the app does not reach it)."""
    process = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    return StartedProgram(process)


def _player_args(name: str, volume: int) -> list[str]:
    """Options that set the volume (0-100) for the players that take one."""
    share = volume / 100
    if name == "afplay":
        return ["-v", f"{share:.2f}"]
    if name == "paplay":
        return [f"--volume={round(65536 * share)}"]
    if name == "pw-play":
        return [f"--volume={share:.2f}"]
    if name == "ffplay":
        return ["-nodisp", "-autoexit", "-loglevel", "quiet", "-volume", str(volume)]
    if name == "aplay":
        return ["-q"]
    return []


def _speaker_args(name: str, volume: int) -> list[str]:
    """Options for a calm, slightly slow voice at the chosen volume."""
    if name in ("espeak-ng", "espeak"):
        return ["-s", "150", "-a", str(volume * 2)]  # amplitude 0-200, 100 is normal
    if name == "spd-say":
        return ["-w", "-r", "-20", "-i", str(volume * 2 - 100)]  # -w: live while speaking
    return []  # `say` has no volume option; it follows the system volume


@dataclass(frozen=True)
class AudioProgram:
    """A program that plays a file or speaks text, with the options it takes."""

    name: str
    path: str
    options: tuple[str, ...] = ()
    configured: bool = False
    """Named in config.toml rather than found on PATH."""

    def argv(self, subject: str, volume: int) -> list[str]:
        """The command line for one file (a player) or one text (a speaker)."""
        if not self.configured:
            builtin = _player_args if self.name in (*PLAYERS, "afplay") else _speaker_args
            return [self.path, *builtin(self.name, volume), subject]
        placed = any("{file}" in part or "{text}" in part for part in self.options)
        filled = [
            part.replace("{file}", subject)
            .replace("{text}", subject)
            .replace("{volume}", str(volume))
            for part in self.options
        ]
        return [self.path, *filled] if placed else [self.path, *filled, subject]


@dataclass(frozen=True)
class AudioSetup:
    """The player and speaker this machine has (None: not found), and what was wrong."""

    player: AudioProgram | None
    speaker: AudioProgram | None
    problems: tuple[str, ...] = field(default=())


def _configured(line: str, key: str, which: Which, problems: list[str]) -> AudioProgram | None:
    """The program a `[sound]` key names, or None (with a problem) when it cannot be used."""
    try:
        parts = shlex.split(line)
    except ValueError as error:
        problems.append(f"config.toml: 'sound.{key}' = {quoted(line)} cannot be read ({error}).")
        return None
    if not parts:
        return None
    found = which(parts[0])
    if found is None:
        problems.append(
            f"config.toml: 'sound.{key}' = {quoted(line)}: {quoted(parts[0])} was not found on "
            "PATH; looking for a usual one instead."
        )
        return None
    return AudioProgram(Path(parts[0]).name, found, tuple(parts[1:]), configured=True)


def _first_found(names: tuple[str, ...], which: Which) -> AudioProgram | None:
    for name in names:
        found = which(name)
        if found is not None:
            return AudioProgram(name, found)
    return None


def find_audio_setup(
    settings: SoundSettings, which: Which = shutil.which, platform: str = sys.platform
) -> AudioSetup:
    """Find the player and speaker once: the configured ones if they exist, else the usual."""
    problems: list[str] = []
    mac = platform == "darwin"
    player = _configured(settings.player, "player", which, problems) if settings.player else None
    if player is None:
        player = _first_found((("afplay",) if mac else ()) + PLAYERS, which)
    speaker = _configured(settings.speech, "speech", which, problems) if settings.speech else None
    if speaker is None:
        speaker = _first_found((("say",) if mac else ()) + SPEAKERS, which)
    return AudioSetup(player, speaker, tuple(problems))


SOUNDS = Path(__file__).resolve().parent.parent / "sounds"
"""The cue files, inside the package (where the wheel puts them, and the source tree has them):
a plain path, as importlib.resources would give for an installed package, without loading it
(about 3 ms) with the app."""


def sound_file(sound: CueSound) -> Path:
    """The WAV file of a cue, inside the installed package (or the source tree)."""
    return SOUNDS / f"{sound.value}.wav"


NO_PLAYER = (
    "No audio player found (looked for afplay on macOS, then " + ", ".join(PLAYERS) + "); "
    "cues ring the terminal bell instead. Set [sound] player in config.toml to use another."
)
INSTALL_A_PLAYER = (
    "To hear the cues, install one player (your system's package manager has it):",
    "  PulseAudio: paplay, in pulseaudio-utils (Debian, Ubuntu, Fedora) or libpulse (Arch)",
    "  PipeWire:   pw-play, in pipewire-bin (Debian, Ubuntu), pipewire-utils (Fedora) or "
    "pipewire (Arch)",
    "  ALSA:       aplay, in alsa-utils",
    "  FFmpeg:     ffplay, in ffmpeg",
    "  macOS:      afplay comes with the system",
)
"""What `legease sound` prints when no player is found: what to install where."""
NO_SPEAKER = (
    "No speech program found (looked for say on macOS, then " + ", ".join(SPEAKERS) + "); "
    "steps are not spoken, the cues still play. Install espeak-ng or set [sound] speech."
)


def describe_setup(settings: SoundSettings, setup: AudioSetup) -> list[str]:
    """Lines for Settings and `legease sound --test`: what is on, and which programs are used."""
    if not settings.enabled:
        lines = ["Sound: off ([sound] enabled = false): the routine is silent."]
    else:
        lines = [f"Sound: on, volume {settings.volume}, cues: {settings.cues}."]
    if setup.player is not None:
        how = "from config.toml" if setup.player.configured else "found on PATH"
        lines.append(f"Player: {setup.player.name} ({setup.player.path}, {how}).")
        if setup.player.name == "aplay":
            lines.append("aplay has no volume option; the cue files are quiet to begin with.")
    else:
        lines.append(NO_PLAYER)
    if setup.speaker is not None:
        state = "on" if settings.voice else "off (set [sound] voice = true to hear steps)"
        lines.append(f"Voice: {state}; speech program {setup.speaker.name} ({setup.speaker.path}).")
    elif settings.voice:
        lines.append(NO_SPEAKER)
    else:
        lines.append("Voice: off, and no speech program found (" + ", ".join(SPEAKERS) + ").")
    return [*lines, *setup.problems]


@dataclass(frozen=True)
class AudioPrograms:
    """The one door to this machine's audio programs: how they are found (`which`), how they
    are started (`start`) and whether macOS's come first (`platform`). Built once in the
    services; a test passes a recording fake, so nothing it shows depends on the machine."""

    which: Which = shutil.which
    start: ProcessStarter = start_process
    platform: str = sys.platform

    def setup(self, settings: SoundSettings) -> AudioSetup:
        """The player and speaker for `settings`, found now."""
        return find_audio_setup(settings, self.which, self.platform)

    def describe(self, settings: SoundSettings) -> list[str]:
        """What Settings shows about sound: finds the programs, then describes them."""
        return describe_setup(settings, self.setup(settings))


def machine_audio() -> AudioPrograms:
    """The audio programs of the machine LegEase runs on (the services' default)."""
    return AudioPrograms()
