"""Charts of the log drawn with text: a trend of tension and cramps, a month calendar marked
by tension (glyph and colour), a row of the last nights. They only draw what
`core/log/stats.py` computed."""

from __future__ import annotations

import calendar

from rich.text import Text

from legease_tui.core.log.stats import TrendPoint

BARS = " ▁▂▃▄▅▆▇█"
NO_DATA = "·"
TENSION_COLOURS = ["#4f7f5c", "#6f8f4f", "#9a8f45", "#b77a45", "#b5544f"]
"""Calm green for low tension through amber to a muted red for high."""


def tension_colour(tension: int) -> str:
    return TENSION_COLOURS[min(tension * len(TENSION_COLOURS) // 11, len(TENSION_COLOURS) - 1)]


def _bar(value: float | None, top: float) -> str:
    if value is None:
        return NO_DATA
    if top <= 0 or value <= 0:
        return BARS[1] if value == 0 else NO_DATA
    return BARS[max(1, min(len(BARS) - 1, round(value / top * (len(BARS) - 1))))]


def _buckets(points: list[TrendPoint], width: int) -> list[tuple[float | None, float | None]]:
    """The points, averaged into at most `width` columns (oldest left)."""
    if not points:
        return []
    size = max(1, -(-len(points) // max(width, 1)))
    columns = []
    for start in range(0, len(points), size):
        group = points[start : start + size]
        tension = [p.tension for p in group if p.tension is not None]
        cramps = [p.cramps for p in group if p.cramps is not None]
        columns.append(
            (
                sum(tension) / len(tension) if tension else None,
                sum(cramps) / len(cramps) if cramps else None,
            )
        )
    return columns


def trend_chart(points: list[TrendPoint], width: int) -> Text:
    """Two rows of bars: tension (0–10) and cramps (scaled to the most in one night)."""
    label = 9
    room = max(width - label, 1)
    columns = _buckets(points, room)
    # Few nights: widen each column so the chart fills the room it has.
    stretch = max(1, min(room // max(len(columns), 1), 4))
    top_cramps = max((c for _, c in columns if c is not None), default=0.0)
    text = Text()
    text.append("tension  ", style="bold")
    for tension, _ in columns:
        style = tension_colour(round(tension)) if tension is not None else "dim"
        text.append(_bar(tension, 10) * stretch, style=style)
    text.append("\ncramps   ", style="bold")
    for _, cramps in columns:
        text.append(_bar(cramps, top_cramps) * stretch, style="#8f86b8" if cramps else "dim")
    if points:
        days = len(points)
        per = -(-days // max(len(columns), 1))
        text.append(
            f"\n         {points[0].night:%d %b} → {points[-1].night:%d %b}"
            + (f" · one column = {per} nights" if per > 1 else ""),
            style="dim",
        )
    return text


LEGEND_TENSIONS = (0, 3, 5, 8, 10)
"""The tensions the calendar's legend shows, each with its glyph and colour."""


def month_calendar(weeks: list[list[TrendPoint | None]], year: int, month: int) -> Text:
    """A month, Monday first; each logged day's number is followed by a bar glyph for its
    tension and sits on a colour for it, so it reads without colour too (NO_COLOR)."""
    text = Text(f"{calendar.month_name[month]} {year}".center(27) + "\n", style="bold")
    text.append("  ".join(day[:2] for day in calendar.day_abbr) + "\n", style="dim")
    for week in weeks:
        for index, point in enumerate(week):
            if point is None:
                cell, style = "   ", ""
            elif point.tension is None:
                cell, style = f"{point.night.day:2d}{NO_DATA}", "dim"
            else:
                glyph = _bar(point.tension, 10)
                cell, style = (
                    f"{point.night.day:2d}{glyph}",
                    f"#10141c on {tension_colour(point.tension)}",
                )
            text.append(cell, style=style)
            text.append(" " if index < 6 else "\n")
    text.append("tension", style="dim")
    for tension in LEGEND_TENSIONS:
        text.append(" ")
        text.append(f"{_bar(tension, 10)}{tension}", style=f"#10141c on {tension_colour(tension)}")
    text.append(f"\n{NO_DATA} not logged", style="dim")
    return text


def recent_row(points: list[TrendPoint]) -> Text:
    """The last nights at a glance: weekday, tension bar and number, cramps."""
    text = Text()
    for point in points:
        text.append(f"{point.night:%a} ", style="dim")
        if point.tension is None:
            text.append("–   ", style="dim")
        else:
            text.append(_bar(point.tension, 10), style=tension_colour(point.tension))
            text.append(f"{point.tension:<3}")
        if point.cramps:
            text.append(f"✱{point.cramps} ", style="#8f86b8")
        text.append(" ")
    return text
