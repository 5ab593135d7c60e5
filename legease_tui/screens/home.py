"""Home: tonight's routine and its length, the last few nights, every action in the footer."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from legease_tui.core.safety import CLINICIAN_FIRST_TONIGHT as CLINICIAN_FIRST
from legease_tui.core.safety import HOME_NOTE
from legease_tui.core.storage.store import StoreError
from legease_tui.screens.keys import HELP_BINDING, key_in_force
from legease_tui.services import Services


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
        # Tonight's routine, the log and the reminder read files: paint first, then fill them in.
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self._painted = True
        self.show_state()
        self._aim_at_next_minute()

    def _aim_at_next_minute(self) -> None:
        """Keep the reminder line current with one timer per minute change, not a fast poll."""
        from legease_tui.core.reminders.schedule import seconds_to_next_minute

        self.set_timer(seconds_to_next_minute(self.services.clock.now()), self._minute_changed)

    def _minute_changed(self) -> None:
        from legease_tui.messages import MinutePassed

        self.app.post_message(MinutePassed())
        self.show_state()  # also picks up nights logged from another terminal
        self._aim_at_next_minute()

    def on_screen_resume(self) -> None:
        """Back on Home (after a routine, the log, settings ...): show what changed."""
        if self._painted:
            self.show_state()

    def show_reminder_line(self) -> None:
        """'Next routine: tonight 21:30 (in 2 h 10 min)' or 'Reminders off'."""
        from legease_tui.widgets.user_text import templated

        line = self.reminder_line()
        self.query_one("#next-reminder", Static).update(
            templated(
                "$line    [dim]press[/dim] [b]$key[/b] [dim]for settings[/dim]",
                line=line,
                key=key_in_force(self, "home.settings", "s"),
            )
        )

    def show_state(self) -> None:
        """Render tonight's routine, the recent nights and the reminder line."""
        from legease_tui.widgets.user_text import plain

        self.show_routine()
        recent, streak = self.recent_nights()
        self.query_one("#recent", Static).update(
            plain(recent) if isinstance(recent, str) else recent
        )
        self.query_one("#streak", Static).update(streak)
        self.show_reminder_line()
        self.show_trial_line()
        self.show_morning_line()

    def show_morning_line(self) -> None:
        """Before noon, until last night has a morning answer: 'How was last night?'."""
        from legease_tui.core.log.morning import morning_check_due
        from legease_tui.widgets.user_text import templated

        log, due = self.services.log, False
        if log is not None:
            try:
                due = morning_check_due(self.services.clock.now(), log.get(log.tonight()))
            except StoreError:
                due = False
        widget = self.query_one("#morning-check", Static)
        widget.update(templated("How was last night?    [dim]press[/dim] [b]m[/b]") if due else "")
        widget.display = due

    def show_trial_line(self) -> None:
        """'Trial night 8 of 36 · tonight: routine' while a trial runs; hidden otherwise."""
        from legease_tui.widgets.user_text import plain

        trials = self.services.trial
        line = ""
        if trials is not None:
            from legease_tui.core.trial.repository import TrialError

            try:
                tonight = trials.tonight()
            except (StoreError, TrialError):  # the Trial screen says why
                tonight = None
            line = tonight.line() if tonight is not None else ""
        widget = self.query_one("#trial-tonight", Static)
        widget.update(plain(line))
        widget.display = bool(line)

    def show_routine(self) -> None:
        """Tonight's routine, its length and what it is."""
        from legease_tui.core.routine.model import format_duration
        from legease_tui.widgets.user_text import plain, templated

        routine = self.services.for_person(self.services.tonight())
        self.query_one("#clinician-first", Static).display = self.services.clinician_first_tonight()
        steps = len(routine.steps)
        plural = "s" if steps != 1 else ""
        self.query_one("#tonight", Static).update(
            templated(
                f"[b]$name[/b]  ·  $length  ·  {steps} step{plural}    "
                "[dim]press[/dim] [b]$key[/b] [dim]to start[/dim]",
                key=key_in_force(self, "home.routine", "r"),
                name=routine.name,
                length=format_duration(routine.total_seconds),
            )
        )
        about = "\n".join([routine.description, *routine.person_notes])
        self.query_one("#tonight-description", Static).update(plain(about))

    def recent_nights(self) -> tuple[Text | str, str]:
        """The last 7 nights at a glance (tension, cramps) and the routine streak."""
        from legease_tui.core.log.stats import recent_glance
        from legease_tui.core.storage.store import StoreError
        from legease_tui.widgets.renderables.log_charts import recent_row

        log = self.services.log
        if log is None:
            return "The log is not available (see the message above).", ""
        try:
            glance = recent_glance(log)
        except StoreError as error:
            return str(error), ""
        plural = "s" if glance.streak != 1 else ""
        streak = f"Routine streak: {glance.streak} night{plural} in a row"
        if not glance.logged:
            return "No nights logged yet — press n after tonight's routine.", streak
        return recent_row(glance.points), streak + "  ·  l opens the log"
