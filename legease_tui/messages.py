"""What a screen may ask of the app. Screens post these (`self.app.post_message(...)`, so a
screen that has just closed still gets its word in); `LegEaseApp` handles each in `on_<name>`.

A screen never imports the app: this module and the services it was given are all it knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # the routine engine and the quiz load when they are first used
    from legease_tui.core.quiz.scoring import CheckResult
    from legease_tui.core.routine.cues import Cue
    from legease_tui.core.routine.model import Routine
    from legease_tui.core.routine.outcome import SessionOutcome
    from legease_tui.core.routine.session import RoutineSession
    from legease_tui.settings.settings import Settings


class StartRoutine(Message):
    """Open the routine screen and start `routine` now."""

    def __init__(self, routine: Routine) -> None:
        super().__init__()
        self.routine = routine


class CuesDue(Message):
    """A running routine just passed `cues`: sound them (if sound is on)."""

    def __init__(self, cues: list[Cue], session: RoutineSession) -> None:
        super().__init__()
        self.cues = cues
        self.session = session


class RoutineEnded(Message):
    """A routine finished or was stopped (its screen has closed): keep it, show the summary."""

    def __init__(self, outcome: SessionOutcome) -> None:
        super().__init__()
        self.outcome = outcome


class OpenEntry(Message):
    """The entry form for `night` (None: tonight); `on_saved` runs once it is saved."""

    def __init__(self, night: date | None, on_saved: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.night = night
        self.on_saved = on_saved


class CheckFinished(Message):
    """A symptom check is over: save it and show the result in place of the questions."""

    def __init__(self, result: CheckResult) -> None:
        super().__init__()
        self.result = result


class SettingsSaved(Message):
    """New settings were written and are in `Services`: apply the theme and the reminder."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings


class MinutePassed(Message):
    """The wall clock's minute changed (Home's timer): wake the scheduler after a sleep."""
