"""Trends and What helps count a yes/no only where the night answered it: a question never asked
reads "not recorded", never "0" (issue 25, "Nothing recorded is not no")."""

from __future__ import annotations

from datetime import date, timedelta

from rich.console import Console, RenderableType

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.repository import LoggedNight
from legease_tui.core.log.stats import week_comparison, what_helps
from legease_tui.widgets.renderables.log_tables import helps_table, week_table

TONIGHT = date(2026, 11, 24)


def text_of(renderable: RenderableType) -> str:
    console = Console(width=100, no_color=True, record=True)
    console.print(renderable)
    return console.export_text()


def tension_only(days: range) -> list[LoggedNight]:
    return [LoggedNight(NightEntry(TONIGHT - timedelta(days=d), tension=3), False) for d in days]


def test_trends_say_not_recorded_for_a_question_never_answered() -> None:
    text = text_of(week_table(week_comparison(tension_only(range(3)), TONIGHT), 0))
    restless = next(line for line in text.splitlines() if "restless nights" in line)
    assert "not recorded" in restless and " 0 " not in f"{restless} "


def test_what_helps_says_how_many_nights_did_not_record_a_factor() -> None:
    nights = tension_only(range(4))
    nights.append(LoggedNight(NightEntry(TONIGHT - timedelta(days=5), tags=("heat",)), False))
    text = " ".join(text_of(helps_table(what_helps(nights))).split())
    assert "Not recorded (in neither column): stretched 4" in text
