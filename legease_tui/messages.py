"""What a screen tells the app. Screens post these (`self.app.post_message(...)`, so a screen
that has just closed still gets its word in); `LegEaseApp` handles each in `on_<name>`, a line
that hands it to the object that does the work (`app/navigation.py`, `app/cues.py` ...).

Two kinds, each on its own small base: a `Request` asks for something to happen (open a screen,
start a routine); an `Outcome` says what happened (a routine ended, a check finished). Messages
are plain data: no callbacks. A screen that another one covers refreshes itself when it is shown
again, so nobody needs to be called back.

A screen never imports the app: this module and the services it was given are all it knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # annotations only: this module loads with Home, before the routine engine
    from legease_tui.core.quiz.scoring import CheckResult
    from legease_tui.core.routine.cues import Cue
    from legease_tui.core.routine.model import Routine
    from legease_tui.core.routine.outcome import SessionOutcome
    from legease_tui.core.routine.session import RoutineSession
    from legease_tui.settings.settings import Settings


class Request(Message):
    """A screen asks the app to do something."""


class Outcome(Message):
    """A screen says what happened; the app keeps it and moves on."""


@dataclass
class StartRoutine(Request):
    """Open the routine screen and start `routine` now."""

    routine: Routine


@dataclass
class OpenEntry(Request):
    """The entry form for `night` (None: tonight). With `home_after_save`, saving it goes on
    Home (the summary's "log the night"); otherwise back to the screen it covers."""

    night: date | None = None
    home_after_save: bool = False


@dataclass
class GoHome(Request):
    """Back to Home itself, closing every screen above it."""


@dataclass
class CuesDue(Request):
    """A running routine just passed `cues`: sound them (if sound is on)."""

    cues: list[Cue]
    session: RoutineSession


@dataclass
class RoutineEnded(Outcome):
    """A routine finished or was stopped (its screen has closed): keep it, show the summary."""

    outcome: SessionOutcome


@dataclass
class CheckFinished(Outcome):
    """A symptom check is over: save it and show the result in place of the questions."""

    result: CheckResult


@dataclass
class SettingsSaved(Outcome):
    """New settings were written and are in `Services`: apply the theme and the reminder."""

    settings: Settings


@dataclass
class MinutePassed(Outcome):
    """The wall clock's minute changed (Home's timer): wake the scheduler after a sleep."""
