"""The log's tables as Rich renderables: a night's row, this week vs last, what helps.

They only lay out figures that `core/log/stats.py` computed.
"""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text

from legease_tui.core.durations import minutes_text
from legease_tui.core.log import stats as log_stats
from legease_tui.core.log.repository import LoggedNight
from legease_tui.core.log.tracker.unlogged import TrackedNight
from legease_tui.core.log.welch import Difference
from legease_tui.widgets.user_text import plain_text

COLUMNS: dict[str, int | None] = {
    "Night": 15,
    "Tension": 7,
    "Cramps": 6,
    "Worst": 5,
    "Restless": 8,
    "Sleep": 11,
    "Eff.": 4,
    "Routine": 7,
    "Tags": None,
}
"""Column titles and fixed widths (fixed widths spare the table measuring every cell); the
last, Tags, takes the rest of the width (`columns_for`), so a wide terminal shows every tag.
Sleep holds the longest figure a night can give, "23 h 59 min"."""
NARROW_BELOW = 100
"""Below this many columns the fixed columns alone would fill the screen and push Tags off it:
the night is shorter ("Wed 02 Dec"; "02 Dec '25" for another year's night), and the efficiency
and the worst cramp are left out (the night's line and the entry give them), so "stretch,
coffee" fits."""
NARROW_NIGHT = 10
NARROW_HEADINGS = {"Restless": ("Urge", 4)}
"""Narrow headings, so Tags keeps room for "stretched, coffee": the restless urge to move is
"Urge" (its cells are "yes", "no" or blank)."""
"""'Wed 02 Dec', or "02 Dec '25" for another year's night."""
CELL_PADDING = 2
"""A cell's space either side (DataTable's `cell_padding`)."""
SCROLLBAR = 1
"""The table's vertical scrollbar, there once the nights fill it (styles.tcss)."""
TRACKER = "tracker"


def columns_for(width: int) -> dict[str, int | None]:
    """The columns a table `width` cells wide shows; Tags takes what the others leave, so the
    table is never wider than the screen (at 100 columns a tracker's name made it 101)."""
    if width >= NARROW_BELOW:
        chosen = dict(COLUMNS)
    else:
        left_out = ("Eff.", "Worst")
        chosen = {title: size for title, size in COLUMNS.items() if title not in left_out}
        chosen["Night"] = NARROW_NIGHT
        chosen |= {title: size for title, (_, size) in NARROW_HEADINGS.items()}
    fixed = sum(size or 0 for size in chosen.values())
    used = fixed + CELL_PADDING * len(chosen) + SCROLLBAR
    return chosen | {"Tags": max(width - used, len(TRACKER))}


def heading(title: str, columns: dict[str, int | None]) -> str:
    """A column's heading as shown: shorter in the narrow table."""
    if columns["Night"] == NARROW_NIGHT and title in NARROW_HEADINGS:
        return NARROW_HEADINGS[title][0]
    return title


def _n(value: object) -> str:
    return "–" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _when(night: date, columns: dict[str, int | None], this_year: int) -> str:
    if columns["Night"] != NARROW_NIGHT:
        return f"{night:%a %d %b %Y}"
    return f"{night:%a %d %b}" if night.year == this_year else f"{night:%d %b '%y}"


def _efficiency(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def night_row(
    night: LoggedNight | TrackedNight, columns: dict[str, int | None] = COLUMNS, this_year: int = 0
) -> tuple[str | Text, ...]:
    """One night's cells for `columns`; the tags as `Text`, since a `DataTable` reads a `str`
    as markup. A night only a tracker saw leaves the diary's cells blank, shows the tracker's
    sleep and efficiency, and says "tracker: NAME" where the tags go ("tracker" when narrow)."""
    if isinstance(night, TrackedNight):
        return _tracked_row(night, columns, this_year)
    entry, sleep = night.entry, night.entry.sleep
    restless = "" if entry.restless is None else "yes" if entry.restless else "no"
    cells: dict[str, str | Text] = {
        "Night": _when(entry.night, columns, this_year),
        "Tension": _n(entry.tension),
        "Cramps": _n(entry.cramps),
        "Worst": _n(entry.worst_cramp),
        "Restless": restless,
        "Sleep": minutes_text(sleep.minutes_asleep),
        "Eff.": _efficiency(sleep.efficiency),
        "Routine": "✓" if night.routine_done else "",
        "Tags": plain_text(", ".join(entry.tags)),
    }
    return tuple(cells[title] for title in columns)


def _tracked_row(
    night: TrackedNight, columns: dict[str, int | None], this_year: int
) -> tuple[str | Text, ...]:
    main = night.main
    # "tracker" alone where the name does not fit; the night's line names the source.
    named = f"{TRACKER}: {night.sources}"
    room = columns["Tags"]
    whose = named if room is None or len(named) <= room else TRACKER
    cells: dict[str, str | Text] = dict.fromkeys(columns, "")
    cells |= {
        "Night": _when(night.night, columns, this_year),
        "Sleep": minutes_text(main.minutes_asleep),
        "Eff.": _efficiency(main.efficiency),
        "Routine": "✓" if night.routine_done else "",
        "Tags": Text(whose, style="italic"),
    }
    return tuple(cells[title] for title in columns)


def week_table(comparison: log_stats.WeekComparison, streak: int) -> Table:
    table = Table(box=None, header_style="bold", padding=(0, 2), title_justify="left")
    table.add_column("")
    table.add_column("this week", justify="right")
    table.add_column("last week", justify="right")
    this, last = comparison.this_week, comparison.last_week
    table.add_row("nights logged", str(this.nights), str(last.nights))
    table.add_row("tension (avg)", _n(this.tension), _n(last.tension))
    table.add_row("cramps (avg)", _n(this.cramps), _n(last.cramps))
    # Only nights that answered count: "not recorded" is not "0".
    table.add_row("nights with cramps", this.cramp_nights.short(), last.cramp_nights.short())
    table.add_row("restless nights", this.restless_nights.short(), last.restless_nights.short())
    table.add_row("routines done", str(this.routines), str(last.routines))
    table.add_row("")
    table.add_row("[b]routine streak[/b]", f"{streak} night{'s' if streak != 1 else ''}", "")
    return table


def _difference(difference: Difference | None) -> str:
    """'−0.8 (−1.6 to 0.0)': with minus without, and its 95% interval."""
    if difference is None:
        return "–"
    low, estimate, high = (
        _signed(value) for value in (difference.low, difference.estimate, difference.high)
    )
    return f"{estimate} ({low} to {high})"


def _signed(value: float) -> str:
    """+0.4 or −0.4 (a minus sign); a value that rounds to zero is 0.0, never −0.0."""
    shown = round(value, 1)
    return "0.0" if shown == 0 else f"{shown:+.1f}".replace("-", "−")


def helps_table(results: list[log_stats.FactorResult]) -> Table:
    """Each factor's counts, and the difference in cramps and tension (with minus without)
    with its 95% interval; "needs N more nights" while a side is short."""
    table = Table(box=None, header_style="bold", padding=(0, 1))
    table.add_column("factor", justify="left")
    # Titles on two lines and figures never wrapped: at 80 columns "needs 5 more" and a lone
    # "nights" wrapped apart.
    for title in ("nights\nwith", "nights\nwithout", "cramps:", "tension:"):
        table.add_column(
            f"{title}\ndifference (95%)" if ":" in title else title, justify="right", no_wrap=True
        )
    for result in results:
        counts = (str(result.with_it.nights), str(result.without.nights))
        if not result.comparable:
            needed = result.nights_needed
            table.add_row(
                plain_text(result.name),
                *counts,
                f"[dim]needs {needed} more night{'s' if needed != 1 else ''}[/dim]",
                "",
            )
            continue
        table.add_row(
            plain_text(result.name),
            *counts,
            _difference(result.cramps_difference),
            _difference(result.tension_difference),
        )
    unsaid = [f"{result.name} {result.not_recorded}" for result in results if result.not_recorded]
    if unsaid:  # a night that did not say is in neither column, and the person is told so
        table.caption = plain_text("Not recorded (in neither column): " + ", ".join(unsaid))
        table.caption_justify = "left"
    return table
