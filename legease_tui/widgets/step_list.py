"""StepList: the routine's steps with the current one marked."""

from __future__ import annotations

from rich.markup import escape
from textual.widgets import Static

from legease_tui.core.routine import Routine, StepKind, format_clock


class StepList(Static):
    """One line per step; the current step is marked, done steps dimmed."""

    def __init__(self, routine: Routine, id: str | None = None) -> None:
        super().__init__(id=id)
        self.routine = routine
        self._current = -1

    def mark(self, current: int) -> None:
        """Mark step `current`; nothing is redrawn if it is already marked."""
        if current == self._current:
            return
        self._current = current
        lines = []
        for index, step in enumerate(self.routine.steps):
            icon = {StepKind.STRETCH: "~", StepKind.BREATHING: "o", StepKind.REST: "-"}[step.kind]
            length = format_clock(self.routine.step_seconds(index))
            title = f"{step.title} L+R" if len(step.sides) == 2 else step.title
            text = f"{icon} {escape(title[:27]):<27} [dim]{length:>5}[/dim]"
            if index == current:
                lines.append(f"[b reverse] ▶ {text} [/]")
            elif index < current:
                lines.append(f"[dim]   {text}[/dim]")
            else:
                lines.append(f"   {text}")
        self.update("\n".join(lines))
