"""LegEase's own entries in the command palette, as data: a title, a line of help and the name
of the app action it runs (as tinboard's palette runs its actions by name). Textual's own
entries follow them. The help is markup for the palette, so text from a file is escaped.

Each of Home's actions is titled with the name its footer and Help give it (Home's bindings are
the one source of those names)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding

from legease_tui.core.routine.model import Routine
from legease_tui.screens.home import HomeScreen
from legease_tui.widgets.user_text import markup_escaped


@dataclass(frozen=True)
class PaletteEntry:
    """One entry: what it says, what it explains, the app action it runs by name."""

    title: str
    help: str
    action: str


WHAT_IT_DOES = {
    "home.routine": "Start tonight's routine, $tonight, now",
    "home.breathing": "Paced breathing on its own: choose a pattern and follow it",
    "home.log": "Your nights, trends and what helps",
    "home.new_entry": "Tension, cramps and sleep for tonight (or the night just gone)",
    "home.morning": "The morning check-in: how was last night?",
    "home.settings": "Evening reminder, routine, sound, theme",
    "home.quiz": "The symptom check: what may be behind tonight's tension, and what helps",
    "home.trial": "A personal trial: does the routine help you? Plan, follow, report",
    "help": "Keys, warning signs and how to stretch safely",
    "home.quit": "Close LegEase (what you saved stays saved)",
}
"""The palette's line of help for each of Home's actions, by binding id."""

EXPORT = PaletteEntry(
    "Export",
    "The doctor's summary of every night, into a new file in the data folder",
    "export_summary",
)
REPLACED_SYSTEM_COMMANDS = ("Keys", "Quit")
"""Textual's entries LegEase's own replace (Help lists the keys; Quit in LegEase's words)."""


def palette_entries(tonight: Routine, routines: Iterable[Routine]) -> list[PaletteEntry]:
    """Every action a person can take from Home, named as Home names it, then Export and each
    routine to make tonight's."""
    entries = [
        PaletteEntry(
            binding.description,
            WHAT_IT_DOES[str(binding.id)].replace("$tonight", markup_escaped(tonight.name)),
            binding.action.removeprefix("app."),
        )
        for binding in HomeScreen.BINDINGS
        if isinstance(binding, Binding) and binding.id in WHAT_IT_DOES
    ]
    entries.append(EXPORT)
    entries += [
        PaletteEntry(
            f"Routine: {routine.name}",
            markup_escaped(f"Make it tonight's routine — {routine.description}"),
            f"choose_routine({routine.key!r})",
        )
        for routine in routines
    ]
    return entries
