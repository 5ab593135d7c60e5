"""The cue player: play cues and speak steps without ever blocking the interface.

Each sound is a child process that is started and left alone: nothing waits on it. `reap()`
(called by a short timer while children run, and before each new sound) collects the ones that
have ended, and kills one that hangs past a few seconds. A player that cannot start or exits with
an error switches the rest of the session to the terminal bell, with one notice saying so.
Speech never overlaps: a new step's words cancel words still being spoken.

The bell, the notices, the clock and the way processes are started are all passed in, so this
module needs no Textual and tests drive it with a recording fake.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from legease_tui.adapters.audio_programs import (
    NO_PLAYER,
    NO_SPEAKER,
    AudioProgram,
    AudioPrograms,
    AudioSetup,
    ChildProcess,
    ProcessStarter,
    sound_file,
    start_process,
)
from legease_tui.core.clock import Clock
from legease_tui.core.routine.cue_plan import CuePlan, CueSound, plan_cues
from legease_tui.core.routine.cues import Cue
from legease_tui.core.routine.model import Routine
from legease_tui.core.text import terminal_safe
from legease_tui.settings.settings import SoundSettings

SAID_SHOWN = 200
"""Characters of a failing program's own last line that a message quotes."""
CUE_HANG_SECONDS = 4.0
"""A cue lasts under a second; a player still running after this is stuck and is killed."""
SPEECH_HANG_SECONDS = 40.0
"""A step's words take a few seconds, the opening lines with the first step about 15; speech
still running after this is killed."""


@dataclass
class _Child:
    process: ChildProcess
    program: AudioProgram
    started: float
    limit: float
    killed: bool = False


class CueAudio:
    """Plays the cue sounds and speaks the steps for one app (built on the first cue)."""

    def __init__(
        self,
        settings: SoundSettings,
        setup: AudioSetup,
        clock: Clock,
        bell: Callable[[], None],
        notify: Callable[[str], None],
        start: ProcessStarter = start_process,
        file_of: Callable[[CueSound], Path] = sound_file,
    ) -> None:
        self.settings = settings
        self.player = setup.player
        """None: the bell is used (none found, or it failed)."""
        self.player_failure: str | None = None
        """How the player failed, when it did ("paplay stopped with exit status 1"), or hung
        (then it is stopped, and kept: a cue may have played before it stuck)."""
        self.speaker = setup.speaker if settings.voice else None
        self._clock = clock
        self._bell = bell
        self._notify = notify
        self._start = start
        self._file_of = file_of
        self._children: list[_Child] = []
        self._speech: _Child | None = None
        for problem in setup.problems:
            notify(problem)
        if self.player is None:
            notify(NO_PLAYER)
        if settings.voice and setup.speaker is None:
            notify(NO_SPEAKER)

    @property
    def busy(self) -> bool:
        """Some child process has not been collected yet."""
        return bool(self._children)

    def play_cues(self, cues: Sequence[Cue], routine: Routine) -> CuePlan:
        """Sound (and words) for one poll's batch of cues, as the settings ask; returns the plan."""
        plan = plan_cues(
            cues,
            routine,
            enabled=self.settings.enabled,
            mode=self.settings.cues,
            voice=self.settings.voice,
        )
        self.reap()
        if plan.sound is not None:
            self.play(plan.sound)
        if plan.speech is not None:
            self.speak(plan.speech)
        return plan

    def play(self, sound: CueSound) -> None:
        """Start the player on one cue's file, or ring the bell when there is no player."""
        if self.player is None:
            self._bell()
            return
        argv = self.player.argv(str(self._file_of(sound)), self.settings.volume)
        child = self._launch(self.player, argv, CUE_HANG_SECONDS)
        if isinstance(child, str):
            self._player_failed(child)
            self._bell()

    def speak(self, text: str) -> None:
        """Say `text`, cutting off words still being spoken."""
        if self.speaker is None:
            return
        self.cancel_speech()
        argv = self.speaker.argv(text, self.settings.volume)
        child = self._launch(self.speaker, argv, SPEECH_HANG_SECONDS)
        self._speech = None if isinstance(child, str) else child
        if isinstance(child, str):
            self._speaker_failed(child)

    def cancel_speech(self) -> None:
        """Stop words still being spoken (a new step, or leaving the routine)."""
        if self._speech is not None and self._speech.process.poll() is None:
            self._kill(self._speech)
        self._speech = None

    def reap(self) -> bool:
        """Collect ended children, kill hung ones, notice failures; True while any still run."""
        now = self._clock.monotonic()
        running: list[_Child] = []
        for child in self._children:
            code = child.process.poll()
            if code is None:
                if not child.killed and now - child.started > child.limit:
                    self._kill(child)
                    if child.program is self.player:
                        name, limit = child.program.name, child.limit
                        self.player_failure = f"{name} did not end within {limit:g} s"
                running.append(child)
            else:
                said = terminal_safe(child.process.said())[:SAID_SHOWN]
                if code != 0 and not child.killed:
                    how = f'said "{said}" (exit status {code})' if said else ""
                    self._failed(child, how or f"stopped with exit status {code}")
        self._children = running
        return bool(running)

    def stop_all(self) -> None:
        """Kill every child still running (the app is closing)."""
        for child in self._children:
            if child.process.poll() is None:
                self._kill(child)
        self._speech = None

    # --- internals ---------------------------------------------------------------------------

    def _launch(self, program: AudioProgram, argv: list[str], limit: float) -> _Child | str:
        """The running child, or why it could not be started."""
        try:
            process = self._start(argv)
        except OSError as error:
            return f"could not be started: {error.strerror or error}"
        child = _Child(process, program, self._clock.monotonic(), limit)
        self._children.append(child)
        return child

    def _kill(self, child: _Child) -> None:
        child.killed = True
        with contextlib.suppress(OSError):  # it may have ended on its own in between
            child.process.kill()

    def _failed(self, child: _Child, reason: str) -> None:
        if child.program is self.player:
            self._player_failed(reason)
            self._bell()  # the cue that failed is still heard, a moment late
        elif child.program is self.speaker:
            self._speaker_failed(reason)

    def _player_failed(self, reason: str) -> None:
        if self.player is None:
            return
        name, self.player = self.player.name, None
        self.player_failure = f"{name} {reason}"
        self._notify(
            f"Sound output failed ({name} {reason}); cues ring the terminal bell from now on. "
            "Try `legease sound --test`."
        )

    def _speaker_failed(self, reason: str) -> None:
        if self.speaker is None:
            return
        name, self.speaker = self.speaker.name, None
        self._notify(f"Speech failed ({name} {reason}); steps are not spoken, cues still play.")


def build_cue_audio(
    settings: SoundSettings,
    clock: Clock,
    bell: Callable[[], None],
    notify: Callable[[str], None],
    programs: AudioPrograms,
) -> CueAudio:
    """Find the programs once (through `programs`, the machine's or a test's) and make the
    player for this app."""
    return CueAudio(settings, programs.setup(settings), clock, bell, notify, programs.start)
