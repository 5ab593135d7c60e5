"""The personal trial: plan one (and read the plan in words before it starts), follow its
progress while it runs (no running result: peeking invites stopping when it looks good), read
the report when it ends, and stop it early (asks first). The trial core does every sum."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from legease_tui.core.storage.store import StoreError
from legease_tui.core.trial.adherence import arms_testing
from legease_tui.core.trial.design import OUTCOMES, TrialDesign, compare_arms, new_seed
from legease_tui.core.trial.document import TIMELINE_KEY, build_document
from legease_tui.core.trial.report import build_report
from legease_tui.core.trial.report_forms import report_text
from legease_tui.core.trial.repository import TrialError
from legease_tui.core.trial.words import plan_in_words, progress_words
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.keys import HELP_BINDING, with_key
from legease_tui.widgets.user_text import notify_plain, plain

if TYPE_CHECKING:
    from legease_tui.core.clock import Clock
    from legease_tui.core.log.repository import LogRepository
    from legease_tui.core.routine.files import RoutineLibrary
    from legease_tui.core.trial.repository import Trial, TrialRepository

NUMBERS = (("block", "Block: 2-7 nights", "3"), ("pairs", "Pairs (4-10)", "6"))
WASHOUT = ("washout", "Washout: 0-2", "1")


class TrialScreen(Screen[None]):
    """Plan, follow and read the personal trial."""

    BINDINGS = [
        Binding("ctrl+s", "start", "Start trial", id="trial.start"),
        Binding("x", "stop", "Stop trial", id="trial.stop"),
        Binding("escape", "app.pop_screen", "Back", id="trial.back"),
        HELP_BINDING,
    ]
    HELP = (
        "A personal trial: routine nights and no-routine nights in a random order, the outcome "
        "chosen before the start (with the smallest change worth the trouble; empty: the "
        "outcome's default), and a test that matches the order. {trial.start} starts the "
        "plan shown; {trial.stop} stops a running trial (asks first)."
    )

    def __init__(
        self,
        trials: TrialRepository,
        log: LogRepository,
        clock: Clock,
        routine_keys: list[str],
        routines: RoutineLibrary,
        seed: int | None = None,
    ) -> None:
        super().__init__()
        self.trials = trials
        self.nights_log = log
        self.clock = clock
        self.routine_keys = routine_keys
        """The routines a two-routine comparison may name (the first is tonight's)."""
        self.routines = routines
        """The library: the plan records the steps of the routine it tests."""
        self.seed = new_seed() if seed is None else seed
        """Drawn once, so the plan shown is the plan started."""
        self._can = {"start": False, "stop": False}
        """Which of ctrl+s and x the screen's state allows (the other says why not)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="trial"):
            yield Static(id="trial-status")
            yield Static(id="trial-report")
            with Horizontal(id="trial-choices", classes="entry-row"):
                with Vertical(classes="entry-field"):
                    yield Label("Compare", classes="entry-label")
                    yield Select(
                        self._compare_options(), value="routine", allow_blank=False, id="compare"
                    )
                with Vertical(classes="entry-field"):
                    yield Label("Outcome (chosen before the start)", classes="entry-label")
                    yield Select(
                        [(outcome.label, key) for key, outcome in OUTCOMES.items()],
                        value="cramps",
                        allow_blank=False,
                        id="outcome",
                    )
            with Horizontal(id="trial-numbers", classes="entry-row"):
                for name, label, default in (*NUMBERS, WASHOUT):
                    with Vertical(classes="entry-field"):
                        yield Label(label, classes="entry-label")
                        yield Input(
                            default, id=name, restrict=r"[0-9]*", max_length=2, compact=True
                        )
                with Vertical(classes="entry-field"):
                    yield Label("Worth it / night", classes="entry-label")
                    yield Input(
                        placeholder="default",
                        id="worthwhile",
                        restrict=r"[0-9.]*",
                        max_length=5,
                        compact=True,
                    )
            yield Static(id="trial-plan")
            start = with_key(self.app, "Start the trial tonight ", self.BINDINGS, "trial.start")
            stop = with_key(self.app, "Stop the trial ", self.BINDINGS, "trial.stop")
            yield Button(start, id="start", variant="primary")
            yield Button(stop, id="stop", variant="error")
        yield Footer()

    def _compare_options(self) -> list[tuple[str, str]]:
        options = [("routine vs no routine", "routine")]
        if self.routine_keys:
            first = self.routine_keys[0]
            for other in self.routine_keys[1:]:
                options.append((f"{first} vs {other}", f"{first}-vs-{other}"))
        return options

    def on_mount(self) -> None:
        self.show_state()

    # --- what is shown ---------------------------------------------------------------------

    def show_state(self) -> None:
        """The running trial's progress, or the last trial's report and a new plan."""
        try:
            running, latest = self.trials.running(), self.trials.latest()
        except (StoreError, TrialError) as error:  # unreadable, or saved by a newer LegEase
            self._show(str(error), "", planning=False, running=False)
            return
        if running is not None:
            report = build_report(
                running,
                self.nights_log,
                self.clock.now(),
                with_result=False,
                routines=self.routines,
            )
            status = f"A trial is under way. {progress_words(report)}."
            lines = [
                *plan_in_words(running.design),
                "The result is shown when the plan ends, not before: looking early invites "
                "stopping when it looks good.",
                "\n".join(["Timeline so far:", TIMELINE_KEY, *build_document(report).timeline]),
            ]
            self._show(status, "\n\n".join(lines), planning=False, running=True)
            return
        report_words = ""
        if latest is not None:
            report = build_report(
                latest, self.nights_log, self.clock.now(), with_result=True, routines=self.routines
            )
            report_words = f"Your last trial ({report.state}):\n\n" + report_text(
                report, interim=False
            )
        status = "Plan a personal trial: does the routine help you?"
        self._show(status, report_words, planning=True, running=False)
        self.show_plan()

    def _show(self, status: str, report: str, *, planning: bool, running: bool) -> None:
        self.query_one("#trial-status", Static).update(plain(status))
        self.query_one("#trial-report", Static).update(plain(report))
        self.query_one("#trial-report").display = bool(report)
        for selector in ("#trial-choices", "#trial-numbers", "#trial-plan", "#start"):
            self.query_one(selector).display = planning
        self.query_one("#stop").display = running
        self._can = {"start": planning, "stop": running}
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers only what the state allows: ctrl+s while planning, x while a
        trial runs."""
        return self._can.get(action, True)

    def design(self) -> TrialDesign:
        """The plan the form describes; ValueError names the option that is out of range."""
        numbers = {}
        for name, label, _ in (*NUMBERS, WASHOUT):
            text = self.query_one(f"#{name}", Input).value.strip()
            if not text:
                raise ValueError(f"{label}: give a whole number")
            numbers[name] = int(text)
        compare = str(self.query_one("#compare", Select).value)
        return TrialDesign(
            start=self.clock.now().date(),
            seed=self.seed,
            outcome=str(self.query_one("#outcome", Select).value),
            arms=arms_testing(compare_arms(compare), self.routines, self.routine_keys[0]),
            **numbers,
        ).chosen(self._worthwhile())

    def _worthwhile(self) -> float | None:
        """The smallest change worth the trouble typed in (None: the outcome's default)."""
        text = self.query_one("#worthwhile", Input).value.strip()
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"Worth it: {text!r} is not a number such as 0.5") from None

    def show_plan(self) -> None:
        """The plan in words (what it can and cannot show), or why the form is not a plan."""
        try:
            words = "\n\n".join(plan_in_words(self.design()))
        except ValueError as error:
            words = f"Not a plan yet: {error}"
        self.query_one("#trial-plan", Static).update(plain(words))

    def on_input_changed(self, _event: Input.Changed) -> None:
        if self.is_mounted:
            self.show_plan()

    def on_select_changed(self, _event: Select.Changed) -> None:
        if self.is_mounted:
            self.show_plan()

    # --- what the keys do ------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        elif event.button.id == "stop":
            self.action_stop()

    def action_start(self) -> None:
        if not self._can["start"]:
            notify_plain(self.app, "A trial is under way: one trial at a time.", timeout=4)
            return
        try:
            trial = self.trials.start(self.design())
        except (ValueError, TrialError, StoreError) as error:
            notify_plain(self.app, str(error), title="Not started", severity="error")
            return
        self._started(trial)

    def _started(self, trial: Trial) -> None:
        notify_plain(self.app, f"Trial started: {trial.design.total_nights} nights.", timeout=6)
        self.show_state()

    def action_stop(self) -> None:
        if not self._can["stop"]:
            notify_plain(self.app, "No trial is under way.", timeout=4)
            return

        def answered(stop: bool | None) -> None:
            if not stop:
                return
            try:
                self.trials.stop()
            except (TrialError, StoreError) as error:
                notify_plain(self.app, str(error), title="Not stopped", severity="error")
                return
            notify_plain(self.app, "Trial stopped early; its nights are kept.", timeout=6)
            self.show_state()

        self.app.push_screen(
            ConfirmDialog(
                "Stop the trial now? Its nights are kept and the report covers the nights it "
                "ran, marked as stopped early.",
                yes="Stop the trial",
                no="Keep going",
            ),
            answered,
        )
