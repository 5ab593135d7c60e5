"""The log's tables at the widths a terminal gives them (issue 25): nothing that belongs
together wraps apart, and no column cuts what it holds."""

from __future__ import annotations

from datetime import date, timedelta

from rich.console import Console

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LoggedNight
from legease_tui.core.log.stats import what_helps
from legease_tui.widgets.renderables.log_tables import helps_table

TONIGHT = date(2026, 11, 24)


def rendered(table: object, width: int) -> list[str]:
    console = Console(width=width, no_color=True, record=True)
    console.print(table)
    return console.export_text().splitlines()


def night(days_ago: int, routine: bool, **fields: object) -> LoggedNight:
    return LoggedNight(NightEntry(TONIGHT - timedelta(days=days_ago), **fields), routine)  # type: ignore[arg-type]


def test_needs_more_nights_stays_on_one_row_at_80_columns() -> None:
    nights = [night(d, True, tension=2, cramps=0, tags=("stretch",)) for d in range(3)]
    nights += [night(d, False, tension=6, cramps=2) for d in range(3, 6)]
    for width in (76, 96):  # the What helps tab at 80 and 100 columns
        lines = rendered(helps_table(what_helps(nights)), width)
        text = "\n".join(lines)
        assert "needs 3 more nights" in text, text
        assert not any(line.strip() == "nights" for line in lines), text
        assert any("routine done" in line and "(" in line for line in lines), text
