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

from legease_tui.core.durations import seconds_text
from legease_tui.core.night import night_of, night_words
from legease_tui.core.reminders.schedule import seconds_to_next_minute
from legease_tui.core.safety import CLINICIAN_FIRST_TONIGHT as CLINICIAN_FIRST
from legease_tui.core.safety import HOME_NOTE
from legease_tui.core.tonight import (
    clinician_first_tonight,
    last_check,
    routine_for_person,
    routine_for_tonight,
)
from legease_tui.messages import MinutePassed
from legease_tui.screens.keys import HELP_BINDING, binding_named, key_of, with_keys
from legease_tui.services import Services
from legease_tui.widgets.user_text import plain, templated

if TYPE_CHECKING:
    from legease_tui.screens.home_state import HomeState

STATE = "home-state"
"""The worker group that reads Home's lines below tonight's routine."""


class HomeScreen(Screen[None]):
    """The first screen: what tonight holds and how to start it."""

    BINDINGS = [
        # One word each (the name the help, the palette and the README use too), so all the
        # keys Home shows, `?` and `q` among them, fit an 80-column footer. `n` is not shown
        # there for room: Home's hints, the summary, Help and the palette name it.
        Binding("r", "app.routine", "Routine", id="home.routine"),
        Binding("b", "app.breathing", "Breathe", id="home.breathing"),
        Binding("l", "app.log", "Log", id="home.log"),
        Binding("n", "app.new_entry", "Log a night", show=False, id="home.new_entry"),
        Binding("m", "app.morning", "Morning", id="home.morning"),
        Binding("s", "app.settings", "Settings", id="home.settings"),
        Binding("k", "app.quiz", "Symptoms", id="home.quiz"),
        Binding("t", "app.trial", "Trial", id="home.trial"),
        HELP_BINDING,
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]
    HELP = (
        "Start tonight's routine with {home.routine}, or just breathe with {home.breathing}. "
        "{home.new_entry} logs a night; in the morning, {home.morning} asks how last night went."
    )

    def __init__(self, services: Services, reminder_line: Callable[[], str]) -> None:
        super().__init__()
        self.services = services
        self.reminder_line = reminder_line
        """'Next routine: tonight 21:30 (in 2 h 10 min)' or 'Reminders off'."""
        self._painted = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("Tonight", classes="section-title", id="tonight-title")
            yield Static(CLINICIAN_FIRST, id="clinician-first")
            yield Static(id="tonight")
            yield Static(id="tonight-description", classes="dim")
            yield Static(id="next-reminder")
            yield Static(id="trial-tonight")
            yield Static(id="morning-check")
            yield Static("Recent nights", classes="section-title")
            yield Static(id="recent")
            yield Static(id="streak", classes="dim")
            yield Static(id="safety", classes="dim")
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
        recent = state.recent
        shown = plain(self._with_keys(recent)) if isinstance(recent, str) else recent
        if self.services.log is None:  # Help lists why: the notice at start may be gone
            shown = templated(
                "$why    [dim]press[/dim] [b]$key[/b] [dim]to see why[/dim]",
                why=self._with_keys(str(recent)),
                key=key_of(self.app, HELP_BINDING),
            )
        self.query_one("#recent", Static).update(shown)
        self.query_one("#streak", Static).update(plain(self._with_keys(state.streak)))
        key = self._key("home.settings")
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
        morning.update(
            templated(
                "How was last night?    [dim]press[/dim] [b]$key[/b]", key=self._key("home.morning")
            )
            if due
            else ""
        )
        morning.display = due

    def _key(self, binding_id: str) -> str:
        """The key in force for one of Home's actions."""
        return key_of(self.app, binding_named(self.BINDINGS, binding_id))

    def _with_keys(self, text: str) -> str:
        """`text` (plain) with each `{binding id}` as the key in force."""
        return with_keys(self.app, text, self.BINDINGS, markup=False)

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
        now = services.clock.now()
        tonight = night_of(now)
        # The evening ahead is today's night: "This evening" before noon, "Tonight" from noon.
        self.query_one("#tonight-title", Static).update(night_words(now.date(), now).capitalize())
        self.query_one("#clinician-first", Static).display = clinician_first_tonight(check, tonight)
        steps = len(routine.steps)
        plural = "s" if steps != 1 else ""
        length = seconds_text(routine.total_seconds)
        key = self._key("home.routine")
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
        self.query_one("#safety", Static).update(plain(self._with_keys(HOME_NOTE)))
