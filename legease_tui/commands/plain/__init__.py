"""`--plain`: the routine, the breathing pacer and the symptom check as lines of text.

For screen readers, braille displays and simple terminals: one line per moment, on the same core
as the app (RoutineSession, the breathing patterns, QuizRun) and the same audio adapter, with no
Textual import anywhere on this path. Every line goes through `terminal_safe`.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from legease_tui.adapters.cue_player import build_cue_audio
from legease_tui.adapters.keyboard import terminal_keys
from legease_tui.core.text import terminal_safe

if TYPE_CHECKING:
    from legease_tui.core.routine.cues import Cue
    from legease_tui.core.routine.model import Routine
    from legease_tui.services import Services

Say = Callable[[str], None]


class KeySource(Protocol):
    """Where keys come from while a routine runs (the terminal, or a test's script)."""

    def wait(self, timeout: float | None) -> str | None:
        """The key pressed within `timeout` seconds (None: wait for one), or None."""
        ...


class CuePlayer(Protocol):
    """The part of the audio adapter (`CueAudio`) the plain mode uses."""

    def play_cues(self, cues: Sequence[Cue], routine: Routine) -> object: ...
    def cancel_speech(self) -> None: ...


class NoKeys:
    """Input is not a terminal: nothing to read, so waiting is sleeping."""

    def __init__(self, pause: Callable[[float], None] = time.sleep) -> None:
        self.pause = pause

    def wait(self, timeout: float | None) -> str | None:
        # Without keys nothing pauses the routine, so there is always a next cue to wait for.
        self.pause(timeout if timeout is not None else 1.0)
        return None


def say(line: str) -> None:
    """Print one line, made safe for the terminal, at once (a screen reader reads it now)."""
    print(terminal_safe(line), flush=True)


def warn(line: str) -> None:
    print(terminal_safe(line), file=sys.stderr, flush=True)


@contextlib.contextmanager
def open_keys() -> Iterator[KeySource]:
    """Keys from stdin when it is a terminal (cbreak mode, restored on exit), else none."""
    if not sys.stdin.isatty():
        yield NoKeys()
        return

    with terminal_keys(sys.stdin.fileno()) as keys:
        yield keys


def ring_bell() -> None:
    """The bell the app rings when no player works; only on a terminal, so piped output stays
    free of control characters."""
    if sys.stdout.isatty():
        sys.stdout.write("\a")
        sys.stdout.flush()


def audio_for(services: Services) -> CuePlayer | None:
    """The app's audio adapter for these settings (None when sound is off), found before the
    routine's clock starts so the first cue is on time."""
    sound = services.settings.sound
    if not sound.enabled:
        return None

    return build_cue_audio(
        sound, services.clock, ring_bell, lambda notice: warn(f"Sound: {notice}"), services.audio
    )
