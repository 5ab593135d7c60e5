"""StepList: the routine's steps with the current one marked."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from legease_tui.core.routine.model import Routine, StepKind, format_clock
from legease_tui.core.text import terminal_safe
from legease_tui.widgets.user_text import templated

TITLE_WIDTH = 27
"""The titles' column where there is room; a narrow list shortens it to fit its width."""
_AROUND_TITLE = 12
"""Cells on a row besides the title: marker, icon, the length and their spaces."""


class StepList(Static):
    """One line per step; the current step is marked, done steps dimmed."""

    def __init__(self, routine: Routine, id: str | None = None) -> None:
        super().__init__(id=id)
        self.routine = routine
        self._current = -1

    def on_resize(self, event: events.Resize) -> None:
        current, self._current = self._current, -1
        if current >= 0:
            self.mark(current)  # the titles' width follows the list's

    def _title_width(self) -> int:
        width = self.content_size.width
        return TITLE_WIDTH if width <= 0 else max(8, min(TITLE_WIDTH, width - _AROUND_TITLE))

    def mark(self, current: int) -> None:
        """Mark step `current`; nothing is redrawn if it is already marked."""
        if current == self._current:
            return
        self._current = current
        lines = []
        width = self._title_width()
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
            shown = terminal_safe(title)
            shown = shown if len(shown) <= width else shown[: width - 1] + "…"
            lines.append(templated(line, title=f"{shown:<{width}}"))
        self.update(Content("\n").join(lines))
