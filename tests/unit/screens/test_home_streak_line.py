"""Home's streak line reads sensibly for a first-time user and after a break: never "0 nights in
a row" (issue 25)."""

from __future__ import annotations

from datetime import date, datetime

from legease_tui.core.log.stats import RecentGlance
from legease_tui.screens.home_state import streak_line

MORNING = datetime(2026, 12, 7, 8, 0)


def glance(streak: int, last_routine: date | None) -> RecentGlance:
    return RecentGlance([], streak, 0, last_routine)


def test_a_first_time_user_is_told_what_starts_a_streak() -> None:
    assert streak_line(glance(0, None), MORNING) == "Routine streak: starts with your first routine"


def test_after_a_break_the_line_says_when_the_last_routine_was() -> None:
    line = streak_line(glance(0, date(2026, 12, 3)), MORNING)
    assert line == "Routine streak: none now · last routine Thu 3 Dec"


def test_a_running_streak_counts_nights() -> None:
    assert streak_line(glance(1, date(2026, 12, 6)), MORNING) == "Routine streak: 1 night in a row"
    assert streak_line(glance(3, date(2026, 12, 6)), MORNING) == "Routine streak: 3 nights in a row"
