"""NightTimeline: the night highlighted in the log, under the table: its sleep figures, the
routines, checks and events of that night, and its note (the person's text shown as text)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.widgets import Static

from legease_tui.core.durations import minutes_text
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.timeline import TimelineItem
from legease_tui.core.log.tracker.nights import TrackerNight
from legease_tui.widgets.user_text import plain, templated


class NightTimeline(Static):
    """One night in a few lines, or a hint when the table is empty."""

    def __init__(self, new_entry_key: str, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.new_entry_key = new_entry_key
        """The key in force that logs a night where the timeline is shown (for the hint)."""

    def show(
        self,
        entry: NightEntry | None,
        items: list[TimelineItem],
        devices: Sequence[TrackerNight] = (),
    ) -> None:
        """Show `entry`, what a sleep tracker measured that night (`devices`, beside the diary,
        never mixed in) and what happened (`items`); None: no night to show."""
        if entry is None:
            hint = "[dim]No nights in this range. Press $key to log one.[/dim]"
            self.update(templated(hint, key=self.new_entry_key))
            return
        sleep = entry.sleep
        night, *figures = [
            f"{entry.night:%A %d %B}",
            f"in bed {minutes_text(sleep.minutes_in_bed)}",
            f"asleep {minutes_text(sleep.minutes_asleep)}",
            *([f"efficiency {sleep.efficiency:g} %"] if sleep.efficiency is not None else []),
        ]
        first, *more = joined_within([night, *figures], self._width(), "  ·  ")
        lines = [templated("[b]$night[/b]$rest", night=night, rest=first[len(night) :])]
        lines += [plain(line) for line in more]
        lines += [plain(line) for line in device_lines(devices, self._width())]
        lines += _item_lines(items)
        if entry.tags:  # in full here: a narrow table's Tags column may be cut off
            lines.append(templated("  [dim]tags:[/dim] $tags", tags=", ".join(entry.tags)))
        if entry.note:
            lines.append(templated("  [dim]note:[/dim] $note", note=entry.note[:300]))
        self.update(Content("\n").join(lines))

    def show_tracked(
        self, night: date, items: list[TimelineItem], devices: Sequence[TrackerNight]
    ) -> None:
        """A night only a sleep tracker saw: said first, then the tracker's lines."""
        lines = [
            templated(
                "[b]$night[/b]  ·  no diary entry, tracker figures only (e logs it)",
                night=f"{night:%A %d %B}",
            ),
            *(plain(line) for line in device_lines(devices, self._width())),
            *_item_lines(items),
        ]
        self.update(Content("\n").join(lines))

    def _width(self) -> int:
        return self.content_size.width or self.app.size.width - 2


def joined_within(parts: list[str], width: int, separator: str, indent: str = "    ") -> list[str]:
    """`parts` joined by `separator`, starting a new, indented line before a part that would
    pass `width`: a figure is never cut in two (at 80 columns "97.6 %" wrapped alone)."""
    lines = [parts[0]]
    for part in parts[1:]:
        if len(lines[-1]) + len(separator) + len(part) > width:
            lines.append(indent + part)
        else:
            lines[-1] += separator + part
    return lines


def _item_lines(items: list[TimelineItem]) -> list[Content]:
    """The night's routines, checks and events, one line each."""
    lines = []
    for item in items:
        when = f"{item.at:%H:%M}" if item.at else "--:--"
        lines.append(plain(f"  {when}  {item.summary}"))
    return lines


def device_lines(devices: Sequence[TrackerNight], width: int) -> list[str]:
    """One line per tracker (two where `width` is too narrow for one): its main sleep's
    figures, then its naps."""
    lines = []
    for night in devices:
        main = night.main
        figures = [
            f"{main.start:%H:%M}–{main.end:%H:%M}",
            f"in bed {minutes_text(main.minutes_in_bed)}",
        ]
        figures.append(f"asleep {minutes_text(main.minutes_asleep)}")
        if main.minutes_awake is not None:
            figures.append(f"awake {minutes_text(main.minutes_awake)}")
        if main.efficiency is not None:
            figures.append(f"eff. {main.efficiency:.0f} %")
        # One separator narrower than the diary's line, and a second line when it is too long.
        lines += joined_within([f"  {night.label}: {figures[0]}", *figures[1:]], width, " · ")
        if night.naps:
            naps = ", ".join(
                f"{nap.start:%H:%M} ({minutes_text(nap.minutes_in_bed)})" for nap in night.naps
            )
            lines.append(f"    naps: {naps}")
    return lines
