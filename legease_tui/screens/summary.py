"""Summary: what a finished or stopped routine came to, and the way back Home."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from legease_tui.core.durations import seconds_text
from legease_tui.core.routine.outcome import SessionOutcome, is_pacer, outcome_headline
from legease_tui.messages import GoHome, OpenEntry
from legease_tui.screens.keys import HELP_BINDING
from legease_tui.widgets.user_text import templated


def summary_text(outcome: SessionOutcome) -> Content:
    """The summary in a few lines."""
    head = outcome_headline(outcome)
    if is_pacer(outcome.routine_key):  # a breathing exercise has no steps to count
        what, steps = ["Exercise     breathing, $routine"], []
    else:
        what = ["Routine      $routine"]
        steps = [f"Steps done   {outcome.steps_done} of {outcome.steps_total}"]
    return templated(
        "\n".join(
            [
                f"[b]{head}[/b]",
                "",
                *what,
                f"Time taken   {seconds_text(outcome.duration_seconds)}",
                *steps,
                f"Started      {outcome.started_at:%H:%M}",
            ]
        ),
        routine=outcome.routine_name,
    )


class SummaryScreen(Screen[None]):
    """Shown when a routine ends."""

    BINDINGS = [
        Binding("enter,escape,h", "home", "Home", id="summary.home"),
        Binding("n", "log_night", "Log a night", id="summary.log_night"),
        HELP_BINDING,
    ]

    def __init__(self, outcome: SessionOutcome) -> None:
        super().__init__()
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary"):
            yield Static(summary_text(self.outcome), id="summary-text")
            yield Static("Lie down, let your legs feel heavy, and sleep well.", id="summary-note")
        yield Footer()

    def action_home(self) -> None:
        """Back to Home itself, not to the screen the routine was started from (the quiz's
        result, the breathing chooser): the key says Home."""
        self.app.post_message(GoHome())

    def action_log_night(self) -> None:
        """Log tonight from here; saving goes back Home."""
        self.app.post_message(OpenEntry(home_after_save=True))
