"""The app's side of a routine's sound: builds the audio adapter on the first cue and collects
finished sound processes on a short timer that runs only while any are alive.

The adapter (`adapters/cue_player.py`) is imported on first use, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.timer import Timer

    from legease_tui.adapters.cue_player import CueAudio
    from legease_tui.controllers.host import NoticeHost
    from legease_tui.core.routine.cues import Cue
    from legease_tui.core.routine.session import RoutineSession
    from legease_tui.services import Services

    class CueHost(NoticeHost, Protocol):
        """What sound needs of the app (the app is one)."""

        def set_timer(self, delay: float, callback: Callable[[], None]) -> Timer: ...


REAP_SECONDS = 0.25
"""How often finished sound processes are collected while any run (no timer otherwise)."""


class CueSound:
    """Plays the cues a routine passes: the cue sound and, with the voice on, the words."""

    def __init__(self, host: CueHost, services: Services) -> None:
        self.host = host
        self.services = services
        self.audio: CueAudio | None = None
        """Built on the first cue (tests put a fake one here)."""
        self._reaper: Timer | None = None

    def player(self) -> CueAudio:
        """The audio adapter, imported and built on first use."""
        if self.audio is None:
            from legease_tui.adapters.cue_player import build_cue_audio

            settings = self.services.settings.sound
            self.audio = build_cue_audio(settings, self.services.clock, self.host.bell, self.notice)
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
        # markup=False: the text names config keys like "[sound] player", not Textual markup.
        self.host.notify(message, title="Sound", severity="warning", timeout=10, markup=False)

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
