"""Breathing: choose a pattern, then follow the pacer (a one-step routine)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from legease_tui.core.durations import seconds_text
from legease_tui.core.routine.breathing import PATTERNS, cycles_for
from legease_tui.core.routine.model import breathing_routine
from legease_tui.messages import StartRoutine
from legease_tui.screens.keys import HELP_BINDING
from legease_tui.widgets.choice_list import ChoiceList


class PatternList(ChoiceList):
    """The patterns: enter starts the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Start")]


class BreathingScreen(Screen[None]):
    """Pick a breathing pattern."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="breathing.back"),
        HELP_BINDING,
    ]
    HELP = "Choose a pattern with the arrows and press enter. Breathe through the nose if you can."

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="breathing-choice"):
            yield Static("Choose a breathing pattern", classes="section-title")
            options = []
            for pattern in PATTERNS.values():
                cycles = cycles_for(pattern)
                length = seconds_text(cycles * pattern.cycle_seconds)
                options.append(
                    Option(
                        f"[b]{pattern.name}[/b]  [dim]{cycles} cycles · {length}[/dim]\n"
                        f"  {pattern.description}",
                        id=pattern.key,
                    )
                )
            yield PatternList(*options, id="patterns")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        pattern = PATTERNS[str(event.option.id)]
        self.app.post_message(StartRoutine(breathing_routine(pattern, cycles_for(pattern))))
