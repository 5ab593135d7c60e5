"""BreathingPacer: a soft orb that grows as you breathe in and shrinks as you breathe out."""

from __future__ import annotations

import math

from rich.text import Text
from textual.widget import Widget

from legease_tui.core.routine.breathing import BreathState


def orb_rows(level: float, width: int, height: int) -> list[str]:
    """The orb as rows of text: an ellipse whose size follows `level` (0 empty .. 1 full)."""
    radius = (0.18 + 0.82 * min(max(level, 0.0), 1.0)) * (width / 2 - 1)
    rows = []
    middle = (height - 1) / 2
    for row in range(height):
        dy = (row - middle) / (middle + 0.5) if middle else 0.0
        span = radius * math.sqrt(max(0.0, 1 - dy * dy)) if abs(dy) < 1 else 0.0
        cells = round(span * 2)
        rows.append(("█" * cells).center(width))
    return rows


class BreathingPacer(Widget):
    """Draws the breath; redraws only when the picture actually changes."""

    DEFAULT_CSS = """
    BreathingPacer {
        height: 7;
        width: 1fr;
        color: $primary;
        content-align: center middle;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[str] = []

    def show(self, state: BreathState | None) -> None:
        """Update to `state`; refreshes only if the drawing differs."""
        level = state.level if state else 0.0
        rows = orb_rows(level, max(self.size.width, 10), max(self.size.height, 3))
        if rows != self._rows:
            self._rows = rows
            self.refresh()

    def render(self) -> Text:
        return Text("\n".join(self._rows), no_wrap=True)
