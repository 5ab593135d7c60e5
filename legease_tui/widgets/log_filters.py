"""LogFilters: the log's filter bar (a range or typed dates, a tag, only nights with cramps)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Select

from legease_tui.core.log.query import RANGES, NightQuery, dates_query, range_query
from legease_tui.widgets.tick_box import TickBox

DEFAULT_RANGE = "30"
CUSTOM = "custom"
"""The range box's value while typed dates decide: it shows them instead of a number of nights."""


class LogFilters(Horizontal):
    """The filters above the nights table. Choosing a range clears typed dates: one of the two
    decides. The screen applies them (`night_query`) when one changes."""

    def compose(self) -> ComposeResult:
        ranges = [(label, key) for key, label in RANGES.items()]
        yield Select(ranges, value=DEFAULT_RANGE, allow_blank=False, id="range", compact=True)
        yield Input(placeholder="from YYYY-MM-DD", id="from", compact=True)
        yield Input(placeholder="to YYYY-MM-DD", id="to", compact=True)
        yield Select([], prompt="any tag", id="tag", compact=True)
        yield TickBox("with cramps", id="cramps-only")

    def chosen(self) -> tuple[str | None, bool, str, str, str]:
        """What is chosen: the tag (None for any), cramps only, from, to, and the range."""
        tag = self.query_one("#tag", Select).value
        return (
            tag if isinstance(tag, str) else None,
            self.query_one("#cramps-only", Checkbox).value,
            self.query_one("#from", Input).value,
            self.query_one("#to", Input).value,
            str(self.query_one("#range", Select).value),
        )

    def night_query(self, tonight: date) -> NightQuery:
        """The nights chosen; ValueError names a typed date that cannot be read."""
        tag, cramps, start, end, choice = self.chosen()
        if self.typed_dates():
            return dates_query(start, end, tag, cramps)
        return range_query(DEFAULT_RANGE if choice == CUSTOM else choice, tonight, tag, cramps)

    def typed_dates(self) -> bool:
        """Whether a from or to date is typed (they decide instead of the range)."""
        return any(box.value.strip() for box in self.query(Input))

    def show_range(self, query: NightQuery | None) -> None:
        """Say in the range box what the typed dates chose ("from 2026-09-01", "to ...", both);
        None: typed dates are cleared and the range box offers the ranges alone."""
        select = self.query_one("#range", Select)
        options = [(label, key) for key, label in RANGES.items()]
        if query is not None:
            start, end = query.start or "…", query.end or "…"
            options.insert(0, (f"{start} – {end}", CUSTOM))
        chosen = select.value
        if query is not None:
            chosen = CUSTOM
        elif chosen == CUSTOM:
            chosen = DEFAULT_RANGE
        with self.prevent(Select.Changed):
            select.set_options(options)
            select.value = chosen

    def offer_tags(self, tags: list[str]) -> None:
        """Offer `tags`, keeping the chosen one if it is still in use; announces no change."""
        select = self.query_one("#tag", Select)
        wanted = select.value
        with self.prevent(Select.Changed):
            select.set_options([(tag, tag) for tag in tags])
            if isinstance(wanted, str) and wanted in tags:
                select.value = wanted

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "range" and event.value != CUSTOM:
            self.query_one("#from", Input).value = ""
            self.query_one("#to", Input).value = ""
