"""The widgets of the log's Trends and What helps tabs, mounted the first time a tab is shown
(opening the log draws the Nights tab only); the log screen fills them with figures."""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Static

from legease_tui.core.log.stats import MIN_NIGHTS_PER_SIDE
from legease_tui.core.log.welch import METHOD

MONTH_KEYS = "[dim]\\[ and ] page the calendar[/dim]"
LAST_MONTH_KEYS = "[dim]\\[ pages the calendar back; this month is the last[/dim]"
"""Under the calendar at this month: ] goes no further."""


def trends_tab() -> Widget:
    """This week against last with the streak, the month's calendar, and the trend chart."""
    return Vertical(
        Horizontal(Static(id="week-compare"), Static(id="calendar"), id="trends-top"),
        Static(MONTH_KEYS, id="calendar-keys"),
        Static("Tension and cramps", classes="section-title"),
        Static(id="trend-chart"),
        id="trends",
    )


def helps_tab() -> Widget:
    """What each factor goes with, and what that comparison can and cannot say."""
    return Vertical(
        Static(
            "Cramps and tension on nights with each factor minus nights without it, with a "
            f"95% interval ({METHOD}); shown once each side has {MIN_NIGHTS_PER_SIDE} nights. "
            "An interval that includes 0 means no difference is possible too.",
            classes="dim",
        ),
        Static(id="helps-table"),
        Static(
            "With this many factors some differences appear by chance, and nights with a factor "
            "differ in other ways too: this shows what goes together, not what causes what. "
            "Only a personal trial (Trial, on Home) tells cause from coincidence.",
            classes="dim",
        ),
        id="helps",
    )


TAB_WIDGETS: dict[str, Callable[[], Widget]] = {"tab-trends": trends_tab, "tab-helps": helps_tab}
"""The tabs built on first being shown, by pane id."""
