"""The month calendar reads without colour (NO_COLOR): each logged day carries a glyph for its
tension, and the legend names the glyphs and the scale (issue 14 §2)."""

from __future__ import annotations

import re
from datetime import date

from legease_tui.core.log.stats import TrendPoint
from legease_tui.widgets.renderables.log_charts import month_calendar

NOVEMBER = date(2026, 11, 1)  # a Sunday: the first week starts with six blank days


def november(tensions: dict[int, int]) -> list[list[TrendPoint | None]]:
    """November 2026, Monday first; a night missing from `tensions` was not logged."""
    days: list[TrendPoint | None] = [None] * 6
    for day in range(1, 31):
        days.append(TrendPoint(date(2026, 11, day), tensions.get(day), None))
    days += [None] * (-len(days) % 7)
    return [days[start : start + 7] for start in range(0, len(days), 7)]


def glyph_of(plain: str, day: int) -> str:
    """The mark drawn after `day`'s number."""
    for line in plain.splitlines()[2:-2]:  # under the heading, above the legend
        for number, glyph in re.findall(r"(\d{1,2})(\D)", line):
            if int(number) == day:
                return str(glyph)
    raise AssertionError(f"day {day} not drawn in {plain!r}")


def test_low_and_high_tension_differ_without_colour() -> None:
    plain = month_calendar(november({3: 1, 4: 9}), 2026, 11).plain
    assert glyph_of(plain, 3) != glyph_of(plain, 4)


def test_a_night_not_logged_differs_from_the_calmest_night() -> None:
    plain = month_calendar(november({5: 0}), 2026, 11).plain
    assert glyph_of(plain, 5) != glyph_of(plain, 6)


def test_the_legend_names_its_glyphs_and_the_scale() -> None:
    legend = "\n".join(month_calendar(november({}), 2026, 11).plain.splitlines()[-2:])
    assert "0" in legend and "10" in legend and "tension" in legend
    assert "▁" in legend and "█" in legend and "· not logged" in legend


def test_the_calendar_fits_its_column() -> None:
    plain = month_calendar(november({day: day % 11 for day in range(1, 31)}), 2026, 11).plain
    assert max(len(line) for line in plain.splitlines()) <= 30
