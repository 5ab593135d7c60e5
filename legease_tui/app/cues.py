"""The app's side of a routine's sound: builds the audio adapter (through the services' audio
programs) before a routine's first cue, and collects finished sound processes on a short timer
that runs only while any are alive. It works through a small host (`host.TimerHost`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from legease_tui.adapters.cue_player import CueAudio, build_cue_audio
from legease_tui.app.host import TimerHost
from legease_tui.core.routine.cues import Cue
from legease_tui.core.routine.session import RoutineSession
from legease_tui.services import Services

if TYPE_CHECKING:
    from textual.timer import Timer


REAP_SECONDS = 0.25
"""How often finished sound processes are collected while any run (no timer otherwise)."""


def in_a_few_words(problem: str) -> str:
    """ "No audio player found (looked for ...); cues ring the bell ..." → "No audio player
    found": a sound problem's first clause, for the routine's one line (Help has the rest)."""
    without_asides = re.sub(r"\s*\([^)]*\)", "", problem)
    return re.split(r"[;.]\s", without_asides + " ", maxsplit=1)[0].strip().rstrip(".")


class CueSound:
    """Plays the cues a routine passes: the cue sound and, with the voice on, the words."""

    def __init__(self, host: TimerHost, services: Services) -> None:
        self.host = host
        self.services = services
        self.audio: CueAudio | None = None
        """Built on the first cue (tests put a fake one here)."""
        self.problems: list[str] = []
        """What sound said went wrong, in full (Help lists it)."""
        self._reaper: Timer | None = None

    def player(self) -> CueAudio:
        """The audio adapter, built on first use (it looks the programs up)."""
        if self.audio is None:
            services = self.services
            self.audio = build_cue_audio(
                services.settings.sound, services.clock, self.host.bell, self.notice, services.audio
            )
        return self.audio

    def prepare(self) -> None:
        """Find the player before a routine's clock starts, so the first cue is on time."""
        if self.services.settings.sound.enabled:
            self.player()

    def play(self, cues: Sequence[Cue], session: RoutineSession) -> None:
        if not self.services.settings.sound.enabled:
            return
        self.player().play_cues(cues, session.routine)
        self._reap_soon()

    def notice(self, message: str) -> None:
        """Kept in full for Help; shown in a few words where it covers nothing."""
        if message not in self.problems:
            self.problems.append(message)
        words = in_a_few_words(message)
        self.host.sound_problem(f"Sound: {words[:1].lower()}{words[1:]}")

    def stop_all(self) -> None:
        if self.audio is not None:
            self.audio.stop_all()

    def _reap_soon(self) -> None:
        if self._reaper is None and self.audio is not None and self.audio.busy:
            self._reaper = self.host.set_timer(REAP_SECONDS, self._reap)

    def _reap(self) -> None:
        self._reaper = None
        if self.audio is not None:
            self.audio.reap()
        self._reap_soon()
