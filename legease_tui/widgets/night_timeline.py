"""NightTimeline: the night highlighted in the log, under the table: its sleep figures, the
routines, checks and events of that night, and its note (the person's text shown as text)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from legease_tui.core.durations import minutes_text
from legease_tui.core.log.entry import NightEntry
from legease_tui.core.log.timeline import TimelineItem
from legease_tui.widgets.user_text import plain, templated


class NightTimeline(Static):
    """One night in a few lines, or a hint when the table is empty."""

    def show(self, entry: NightEntry | None, items: list[TimelineItem]) -> None:
        """Show `entry` and what happened that night (`items`); None: no night to show."""
        if entry is None:
            self.update("[dim]No nights in this range. Press n to log one.[/dim]")
            return
        sleep = entry.sleep
        lines = [
            templated(
                "[b]$night[/b]  ·  in bed $in_bed  ·  asleep $asleep",
                night=f"{entry.night:%A %d %B}",
                in_bed=minutes_text(sleep.minutes_in_bed),
                asleep=minutes_text(sleep.minutes_asleep),
            )
            + (f"  ·  efficiency {sleep.efficiency:g} %" if sleep.efficiency is not None else "")
        ]
        for item in items:
            when = f"{item.at:%H:%M}" if item.at else "--:--"
            lines.append(plain(f"  {when}  {item.summary}"))
        if entry.note:
            lines.append(templated("  [dim]note:[/dim] $note", note=entry.note[:300]))
        self.update(Content("\n").join(lines))
