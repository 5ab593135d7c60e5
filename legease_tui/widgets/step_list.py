"""StepList: the routine's steps with the current one marked."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from legease_tui.core.routine.model import Routine, StepKind, format_clock
from legease_tui.core.text import terminal_safe
from legease_tui.widgets.user_text import templated


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
            line = f"{icon} $title [dim]{length:>5}[/dim]"
            if index == current:
                line = f"[b reverse] ▶ {line} [/]"
            elif index < current:
                line = f"[dim]   {line}[/dim]"
            else:
                line = f"   {line}"
            lines.append(templated(line, title=f"{terminal_safe(title)[:27]:<27}"))
        self.update(Content("\n").join(lines))
