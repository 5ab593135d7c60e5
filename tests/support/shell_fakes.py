"""A recording host for the app's parts (`app/host.py`): it keeps a screen stack, what was said
and what was asked of the app, so the navigator, the preferences and the reminder are tested
without the app."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from legease_tui.core.routine.model import Routine


class RecordingHost:
    """Satisfies every host in `app/host.py` by recording."""

    def __init__(self, bottom: Any = None) -> None:
        self.screen_stack: list[Any] = [] if bottom is None else [bottom]
        self.said: list[str] = []
        self.bells = 0
        self.started: list[Routine] = []
        self.refreshed = 0
        self.sound_prepared = 0
        self.answer: Any = None
        """The callback of the last screen pushed with one (call it with the screen's answer)."""
        self.theme = "legease-night"
        self.available_themes: Mapping[str, Any] = dict.fromkeys(
            ("legease-night", "nord", "textual-light")
        )

    @property
    def screen(self) -> Any:
        return self.screen_stack[-1]

    def notify(self, message: str, **_options: Any) -> None:
        self.said.append(message)

    def bell(self) -> None:
        self.bells += 1

    def push_screen(self, screen: Any, callback: Callable[[Any], None] | None = None) -> None:
        self.screen_stack.append(screen)
        if callback is not None:
            self.answer = callback

    def switch_screen(self, screen: Any) -> None:
        self.screen_stack[-1] = screen

    def pop_screen(self) -> None:
        self.screen_stack.pop()

    def start_routine(self, routine: Routine) -> None:
        self.started.append(routine)

    def refresh_home(self) -> None:
        self.refreshed += 1

    def prepare_sound(self) -> None:
        self.sound_prepared += 1

    def problems_found(self) -> list[str]:
        return []

    def help_key(self) -> str:
        return "?"

    def sound_problem(self, short: str) -> None:
        self.said.append(short)
