"""Tick boxes whose state and focus read without colour.

Textual draws a checkbox as `▐X▌` ticked or not (only the colour differs), and shows focus by
colour alone. Here a box is `[x]` or `[ ]`, a focused one has `▌` before it, and a box may name
its state in words ("on" / "off"), so a screen reader, `tmux capture-pane` and `NO_COLOR=1` all
tell the same story. The form's other controls show focus with the same `▌` (styles.tcss).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "[x]"
UNTICKED = "[ ]"
FOCUS_MARK = "▌"
"""Before the focused control; the same glyph as the focus border of inputs and selects."""


def box_glyph(ticked: bool) -> str:
    return TICKED if ticked else UNTICKED


class TickBox(Checkbox):
    """A checkbox drawn `[x] label` / `[ ] label`, with `▌` in front while focused.

    With `words=("on", "off")` the label is the state itself, so it never says "on" while off.
    """

    def __init__(
        self,
        label: str = "",
        value: bool = False,
        *,
        words: tuple[str, str] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.words = words
        super().__init__(self._words_for(value, label), value, id=id, classes=classes, compact=True)

    def _words_for(self, value: bool, label: str) -> str:
        if self.words is None:
            return label
        return self.words[0] if value else self.words[1]

    def watch_value(self) -> None:
        super().watch_value()
        if self.words is not None:
            self.label = self._words_for(self.value, "")

    @property
    def _button(self) -> Content:
        return Content.assemble((box_glyph(self.value), self.get_visual_style("toggle--button")))

    def render(self) -> Content:
        label = self.label.pad_left(1).stylize_before(self.get_visual_style("toggle--label"))
        mark = FOCUS_MARK if self.has_focus else " "
        return Content.assemble(mark, self._button, label)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 1 + len(TICKED) + (1 + self.label.cell_length if self.label else 0)


class TickList(SelectionList[str]):
    """A selection list whose boxes read `[x]` / `[ ]` (Textual's differ by colour only)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 3:
            return strip
        style = segments[1].style  # the button's own style (the sides take the background's)
        glyph = box_glyph(selection.value in self._selected)
        boxed = [Segment(char, style) for char in glyph]
        return Strip([*boxed, *segments[3:]], strip.cell_length)
