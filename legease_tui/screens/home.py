"""Home: tonight's routine and its length, the last few nights, every action in the footer.

Tonight's routine is in the first frame (the routine files and the latest symptom check: what
the person opened LegEase for); the lines below it come from a worker just after that frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState

from legease_tui.core.night import night_of
from legease_tui.core.reminders.schedule import seconds_to_next_minute
from legease_tui.core.routine.model import format_duration
from legease_tui.core.safety import CLINICIAN_FIRST_TONIGHT as CLINICIAN_FIRST
from legease_tui.core.safety import HOME_NOTE
from legease_tui.core.tonight import (
    clinician_first_tonight,
    last_check,
    routine_for_person,
    routine_for_tonight,
)
from legease_tui.messages import MinutePassed
from legease_tui.screens.keys import HELP_BINDING, key_in_force
from legease_tui.services import Services
from legease_tui.widgets.user_text import plain, templated

if TYPE_CHECKING:
    from legease_tui.screens.home_state import HomeState

STATE = "home-state"
"""The worker group that reads Home's lines below tonight's routine."""


class HomeScreen(Screen[None]):
    """The first screen: what tonight holds and how to start it."""

    BINDINGS = [
        Binding("r", "app.routine", "Routine", id="home.routine"),
        # Short words, so all nine keys, `?` and `q` among them, fit an 80-column footer.
        Binding("b", "app.breathing", "Breathe", tooltip="Breathing only", id="home.breathing"),
        Binding("l", "app.log", "Log", id="home.log"),
        Binding("n", "app.new_entry", "Entry", tooltip="Log a night", id="home.new_entry"),
        Binding("s", "app.settings", "Settings", id="home.settings"),
        Binding("k", "app.quiz", "Symptoms", tooltip="Symptom check", id="home.quiz"),
        Binding("t", "app.trial", "Trial", tooltip="Personal trial", id="home.trial"),
        Binding(
            "m",
            "app.morning",
            "Morning",
            show=False,
            tooltip="How was last night?",
            id="home.morning",
        ),
        HELP_BINDING,
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]
    HELP = "Start tonight's routine with r, or just breathe with b."

    def __init__(self, services: Services, reminder_line: Callable[[], str]) -> None:
        super().__init__()
        self.services = services
        self.reminder_line = reminder_line
        """'Next routine: tonight 21:30 (in 2 h 10 min)' or 'Reminders off'."""
        self._painted = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("Tonight", classes="section-title")
            yield Static(CLINICIAN_FIRST, id="clinician-first")
            yield Static(id="tonight")
            yield Static(id="tonight-description", classes="dim")
            yield Static(id="next-reminder")
            yield Static(id="trial-tonight")
            yield Static(id="morning-check")
            yield Static("Recent nights", classes="section-title")
            yield Static(id="recent")
            yield Static(id="streak", classes="dim")
            yield Static(HOME_NOTE, id="safety", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.show_tonight()  # in the first frame
        # The log, the trial and the reminder read the data file: from a worker, after it.
        self.call_after_refresh(self._read_state)

    @work(thread=True, exclusive=True, group=STATE)
    def _read_state(self) -> HomeState:
        return self.state_now()

    def state_now(self) -> HomeState:
        """Home's lines below tonight's routine, read now."""
        # Seam (Home's state): the log's model, its figures and its chart load here, just after
        # the first frame; 22 ms with `python -X importtime`, none of it before that frame.
        from legease_tui.screens.home_state import read_home_state

        return read_home_state(self.services, self.reminder_line)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        state = event.worker.result
        if event.worker.group == STATE and event.state is WorkerState.SUCCESS and state:
            self.show_lines(state)
            if not self._painted:
                self._painted = True
                self._aim_at_next_minute()

    def _aim_at_next_minute(self) -> None:
        """Keep the reminder line current with one timer per minute change, not a fast poll."""
        self.set_timer(seconds_to_next_minute(self.services.clock.now()), self._minute_changed)

    def _minute_changed(self) -> None:
        self.app.post_message(MinutePassed())
        self.show_state()  # also picks up nights logged from another terminal
        self._aim_at_next_minute()

    def on_screen_resume(self) -> None:
        """Back on Home (after a routine, the log, settings ...): show what changed."""
        if self._painted:
            self.show_state()

    def show_state(self) -> None:
        """Render tonight's routine, the recent nights, the reminder, trial and morning lines."""
        self.show_tonight()
        self.show_lines(self.state_now())

    def show_lines(self, state: HomeState) -> None:
        """The lines below tonight's routine, as read in `state`."""
        recent = plain(state.recent) if isinstance(state.recent, str) else state.recent
        if self.services.log is None:  # Help lists why: the notice at start may be gone
            recent = templated(
                "$why    [dim]press[/dim] [b]$key[/b] [dim]to see why[/dim]",
                why=state.recent,
                key=key_in_force(self, "help", "?"),
            )
        self.query_one("#recent", Static).update(recent)
        self.query_one("#streak", Static).update(state.streak)
        key = key_in_force(self, "home.settings", "s")
        gap = self._gap("#next-reminder", state.reminder, f"press {key} for settings")
        self.query_one("#next-reminder", Static).update(
            templated(
                "$line$gap[dim]press[/dim] [b]$key[/b] [dim]for settings[/dim]",
                line=state.reminder,
                gap=gap,
                key=key,
            )
        )
        trial = self.query_one("#trial-tonight", Static)
        trial.update(plain(state.trial))
        trial.display = bool(state.trial)
        morning = self.query_one("#morning-check", Static)
        due = state.morning_due
        morning.update(templated("How was last night?    [dim]press[/dim] [b]m[/b]") if due else "")
        morning.display = due

    def _gap(self, widget_id: str, line: str, hint: str) -> str:
        """Four spaces between a line and its key hint, or a new line when both do not fit
        (at 80 columns "press s for" and a lone "settings" wrapped apart)."""
        width = self.query_one(widget_id, Static).content_size.width or self.app.size.width - 8
        return "    " if len(line) + 4 + len(hint) <= width else "\n"

    def show_tonight(self) -> None:
        """Tonight's routine fitted to the person the latest check describes, its length and
        what it is; before it, the clinician-first line when tonight's check said so."""
        services = self.services
        check = last_check(services.store, lambda: services.quiz_content)
        chosen = routine_for_tonight(services.routines, services.settings.routine)
        routine = routine_for_person(chosen, check)
        tonight = night_of(services.clock.now())
        self.query_one("#clinician-first", Static).display = clinician_first_tonight(check, tonight)
        steps = len(routine.steps)
        plural = "s" if steps != 1 else ""
        length = format_duration(routine.total_seconds)
        key = key_in_force(self, "home.routine", "r")
        line = f"{routine.name}  ·  {length}  ·  {steps} step{plural}"
        self.query_one("#tonight", Static).update(
            templated(
                f"[b]$name[/b]  ·  $length  ·  {steps} step{plural}$gap"
                "[dim]press[/dim] [b]$key[/b] [dim]to start[/dim]",
                key=key,
                name=routine.name,
                length=length,
                gap=self._gap("#tonight", line, f"press {key} to start"),
            )
        )
        about = "\n".join([routine.description, *routine.person_notes])
        self.query_one("#tonight-description", Static).update(plain(about))
