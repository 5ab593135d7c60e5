"""LegEase's own entries in the command palette, as data: a title, a line of help and the name
of the app action it runs (as tinboard's palette runs its actions by name). Textual's own
entries follow them. The help is markup for the palette, so text from a file is escaped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from legease_tui.core.routine.model import Routine
from legease_tui.widgets.user_text import markup_escaped


@dataclass(frozen=True)
class PaletteEntry:
    """One entry: what it says, what it explains, the app action it runs by name."""

    title: str
    help: str
    action: str


def palette_entries(tonight: Routine, routines: Iterable[Routine]) -> list[PaletteEntry]:
    """Every action a person can take from Home, then each routine to make tonight's."""
    entries = [
        PaletteEntry("Start tonight's routine", markup_escaped(f"{tonight.name}, now"), "routine"),
        PaletteEntry("Breathing", "Paced breathing only", "breathing"),
        PaletteEntry(
            "Symptom check", "What may be behind tonight's tension, and what helps", "quiz"
        ),
        PaletteEntry("Help", "Keys and how to stretch safely", "help"),
        PaletteEntry("Nightly log", "Your nights, trends and what helps", "log"),
        PaletteEntry("Log a night", "Tension, cramps and sleep", "new_entry"),
        PaletteEntry("Personal trial", "Does the routine help you? Plan, follow, report", "trial"),
        PaletteEntry("Settings", "Evening reminder, routine, sound, theme", "settings"),
    ]
    entries += [
        PaletteEntry(
            f"Routine: {routine.name}",
            markup_escaped(f"Make it tonight's routine — {routine.description}"),
            f"choose_routine({routine.key!r})",
        )
        for routine in routines
    ]
    return entries
