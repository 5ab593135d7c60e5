"""LegEase's own entries in the command palette (Textual's follow them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from legease_tui.app import LegEaseApp


def legease_commands(app: LegEaseApp) -> Iterable[SystemCommand]:
    from legease_tui.widgets.user_text import markup_escaped

    yield SystemCommand(
        "Start tonight's routine",
        markup_escaped(f"{app.services.tonight().name}, now"),
        app.action_routine,
    )
    yield SystemCommand("Breathing", "Paced breathing only", app.action_breathing)
    yield SystemCommand(
        "Symptom check",
        "What may be behind tonight's tension, and what helps",
        app.action_quiz,
    )
    yield SystemCommand("Help", "Keys and how to stretch safely", app.action_help)
    yield SystemCommand("Nightly log", "Your nights, trends and what helps", app.action_log)
    yield SystemCommand("Log a night", "Tension, cramps and sleep", app.action_new_entry)
    yield SystemCommand(
        "Personal trial", "Does the routine help you? Plan, follow, report", app.action_trial
    )
    yield SystemCommand("Settings", "Evening reminder, routine, sound, theme", app.action_settings)
    for routine in app.services.routines.routines.values():
        yield SystemCommand(
            f"Routine: {routine.name}",
            markup_escaped(f"Make it tonight's routine — {routine.description}"),
            lambda routine=routine: app.choose_routine(routine),
        )
