"""What the app's parts need of the app: small Protocols that `LegEaseApp` satisfies and a test
satisfies with a recording fake. No part of the shell names `LegEaseApp`; each names the host
it needs here (tinboard's screens post messages; these parts call back through a Protocol)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from legease_tui.widgets.user_text import Notifier

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from legease_tui.core.routine.model import Routine


class NoticeHost(Notifier, Protocol):
    """Something that notifies and rings the bell (the app is one; a test may pass another)."""

    def bell(self) -> None: ...


class ScreenHost(NoticeHost, Protocol):
    """Something that shows screens: the stack, the one in front, and pushing and closing."""

    @property
    def screen(self) -> Screen[Any]: ...

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...

    def push_screen(self, screen: Any, callback: Callable[[Any], None] | None = None) -> Any: ...

    def switch_screen(self, screen: Any) -> Any: ...

    def pop_screen(self) -> Any: ...


class NavigationHost(ScreenHost, Protocol):
    """What the navigator needs besides screens: the themes Settings offers, and a routine's
    sound made ready before its clock starts (so the first cue is on time)."""

    @property
    def available_themes(self) -> Mapping[str, Any]: ...

    def prepare_sound(self) -> None: ...

    def problems_found(self) -> list[str]: ...

    def help_key(self) -> str: ...


class RoutineHost(ScreenHost, Protocol):
    """What the evening reminder needs besides screens: start a routine, refresh Home."""

    def start_routine(self, routine: Routine) -> None: ...

    def refresh_home(self) -> None: ...


class ThemeHost(NoticeHost, Protocol):
    """What the preferences need: the theme in force, the known themes, Home refreshed."""

    theme: str

    @property
    def available_themes(self) -> Mapping[str, Any]: ...

    def refresh_home(self) -> None: ...


class TimerHost(NoticeHost, Protocol):
    """What sound needs of the app: a one-shot timer to collect finished sound processes, and
    a place to say, in a few words, that sound is not as set."""

    def sound_problem(self, short: str) -> None: ...

    def set_timer(self, delay: float, callback: Callable[[], None]) -> Timer: ...
