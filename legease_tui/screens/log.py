"""Log: the nights in a table (newest first) with filters and each night's timeline; trends
(this week vs last, streak, chart, calendar); and what helps. Renders `LogRepository` data and
`core/log/stats.py` figures; edits go through the entry form."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static, TabbedContent, TabPane

from legease_tui.core.log import stats as log_stats
from legease_tui.core.log.query import range_query
from legease_tui.core.log.repository import LoggedNight, LogRepository
from legease_tui.core.log.tracker.store import unreadable_periods_notice
from legease_tui.core.log.tracker.trends import sleep_side_by_side
from legease_tui.core.log.tracker.unlogged import TrackedNight, newest_first
from legease_tui.core.log.unreadable import unreadable_notice
from legease_tui.core.storage.store import StoreError
from legease_tui.messages import OpenEntry
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.keys import HELP_BINDING, binding_named, key_of
from legease_tui.widgets.log_filters import DEFAULT_RANGE, LogFilters
from legease_tui.widgets.log_tabs import LAST_MONTH_KEYS, MONTH_KEYS, TAB_WIDGETS
from legease_tui.widgets.night_timeline import NightTimeline
from legease_tui.widgets.renderables.log_charts import month_calendar, trend_chart
from legease_tui.widgets.renderables.log_tables import (
    columns_for,
    heading,
    helps_table,
    night_row,
    week_table,
)
from legease_tui.widgets.user_text import notify_plain, plain


class LogScreen(Screen[None]):
    """The nightly log.

    Opening it draws the Nights tab only: Trends and What helps are built and computed the
    first time they are shown, and again only when shown after their figures changed.
    """

    AUTO_FOCUS = "#night-table"  # focused from the start: one focus change, one table render
    BINDINGS = [
        Binding("escape", "back", "Back", id="log.back"),
        Binding("n", "new_entry", "Log a night", id="log.new_entry"),
        Binding("e", "edit", "Edit", id="log.edit"),
        Binding("d,delete", "delete", "Delete", id="log.delete"),
        Binding("1", "tab('tab-nights')", "Nights", id="log.nights"),
        Binding("2", "tab('tab-trends')", "Trends", id="log.trends"),
        Binding("3", "tab('tab-helps')", "What helps", id="log.helps"),
        Binding("left_square_bracket", "month(-1)", "Month −", show=False, id="log.month_previous"),
        Binding("right_square_bracket", "month(1)", "Month +", show=False, id="log.month_next"),
        Binding("r", "reload", "Refresh", show=False, id="log.refresh"),
        HELP_BINDING,
    ]
    HELP = (
        "enter or {log.edit} edits the highlighted night, {log.delete} deletes it (after asking). "
        "Filters narrow the table and the trend; 'What helps' compares nights with and without "
        "each factor. {log.month_previous} and {log.month_next} page the calendar; {log.refresh} "
        "reads the log again (after `legease log add` elsewhere)."
    )

    def __init__(self, log: LogRepository) -> None:
        super().__init__()
        self.repository = log
        self.shown: list[LoggedNight] = []
        """The diary's nights the table shows: read for the filter alone, not the whole log."""
        self.tracked: list[TrackedNight] = []
        """The nights the table shows that only a sleep tracker saw."""
        self._every_night: list[LoggedNight] | None = None
        """Every night, read only when Trends or What helps is drawn."""
        self.routine_nights: set[date] = set()
        self.tags_in_use: list[str] = []
        self._stale: set[str] = set()
        """Tabs whose figures changed since they were last drawn."""
        self._built: set[str] = set()
        """Hidden tabs whose widgets have been mounted (on first being shown)."""
        self._applied: tuple[object, ...] | None = None
        """The filter values the table shows, so an unchanged filter does not refill it."""
        self._shown_once = False
        self._unreadable_said: str | None = None
        self.tonight = log.current_night()
        self.columns: dict[str, int | None] = {}
        self.month = (self.tonight.year, self.tonight.month)
        self.night_filter = range_query(DEFAULT_RANGE, self.tonight)

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="log-tabs"):
            with TabPane("Nights", id="tab-nights"):
                yield LogFilters(id="log-filters")
                yield Static("", id="filter-error", classes="field-error")
                yield DataTable(id="night-table", cursor_type="row", zebra_stripes=True)
                new_entry = key_of(self.app, binding_named(self.BINDINGS, "log.new_entry"))
                yield NightTimeline(new_entry, id="timeline")
            # Filled when first shown (`TAB_WIDGETS`): opening the log draws Nights only.
            yield TabPane("Trends", id="tab-trends")
            yield TabPane("What helps", id="tab-helps")
        yield Footer()

    def on_mount(self) -> None:
        self._add_columns(self.app.size.width)
        self.reload()  # before the first frame, so the screen is laid out once, with its data

    def _add_columns(self, width: int) -> None:
        self.columns = columns_for(width)
        table = self.query_one("#night-table", DataTable)
        table.clear(columns=True)
        for title, size in self.columns.items():
            table.add_column(heading(title, self.columns), width=size)

    def on_resize(self, event: events.Resize) -> None:
        """Across the narrow line, the table takes the columns that fit (Tags stays in view)."""
        if columns_for(event.size.width) != self.columns:
            self._add_columns(event.size.width)
            self._fill_table()

    def on_screen_resume(self) -> None:
        """Shown again (after the entry form, say): read the log, it may have changed."""
        if self._shown_once:
            self.reload()
        self._shown_once = True

    # --- loading and showing -----------------------------------------------------------------

    def reload(self) -> None:
        """Read the log again (after an edit here or a `legease log add` elsewhere)."""
        try:
            self.routine_nights = self.repository.routine_nights()
            in_use = self.repository.tags()
        except StoreError as error:
            self._cannot_read(error)
            return
        self._every_night = None
        self.tonight = self.repository.current_night()
        self._name_unreadable()
        if in_use != self.tags_in_use:
            self.tags_in_use = in_use
            self.query_one(LogFilters).offer_tags(in_use)  # the filter is applied below, once
        self._read_filters()

    def _cannot_read(self, error: StoreError) -> None:
        notify_plain(self, str(error), title="Cannot read the log", severity="error")
        self._stale.add("tab-helps")
        self._draw_active_tab()

    def _name_unreadable(self) -> None:
        """Say which stored nights (and tracker periods) cannot be shown (once per change),
        never hide them."""
        nights = unreadable_notice(self.repository.unreadable())
        periods = unreadable_periods_notice(self.repository.devices.unreadable())
        notice = "\n".join(said for said in (nights, periods) if said) or None
        title = "Some nights cannot be shown" if nights else "Some tracker periods cannot be read"
        if notice is not None and notice != self._unreadable_said:
            notify_plain(self, notice, title=title, severity="warning")
        self._unreadable_said = notice

    def every_night(self) -> list[LoggedNight]:
        """All logged nights (for the trends and "what helps"), read once per reload."""
        if self._every_night is None:
            self._every_night = self.repository.nights(routine_nights=self.routine_nights)
        return self._every_night

    def _draw_active_tab(self) -> None:
        """Draw the trends or what-helps tab only when it is shown (and out of date)."""
        active = self.query_one("#log-tabs", TabbedContent).active
        if active in self._stale and active in self._built:
            self._stale.discard(active)
            {"tab-trends": self._show_trends, "tab-helps": self._show_helps}[active]()

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tab = event.pane.id
        if tab in TAB_WIDGETS and tab not in self._built:
            await event.pane.mount(TAB_WIDGETS[tab]())
            self._built.add(tab)
            self._stale.add(tab)
        self._draw_active_tab()

    def _show_helps(self) -> None:
        results = log_stats.what_helps(self.every_night())
        self.query_one("#helps-table", Static).update(helps_table(results))

    def _fill_table(self) -> None:
        table = self.query_one("#night-table", DataTable)
        keep = self.highlighted_night()
        try:
            self.shown = self.repository.nights(self.night_filter, self.routine_nights)
            self.tracked = self.repository.tracker_only(self.night_filter, self.routine_nights)
        except StoreError as error:
            self._cannot_read(error)
            return
        table.clear()
        rows: list[LoggedNight | TrackedNight] = [*self.shown, *self.tracked]
        for night in newest_first(rows):
            cells = night_row(night, self.columns, self.tonight.year)
            table.add_row(*cells, key=night.night.isoformat())
        if keep is not None and keep.isoformat() in table.rows:
            table.move_cursor(row=table.get_row_index(keep.isoformat()))
        self._show_timeline()

    def _show_trends(self) -> None:
        nights = self.every_night()
        comparison = log_stats.week_comparison(nights, self.tonight, self.routine_nights)
        streak = log_stats.routine_streak(self.routine_nights, self.tonight)
        self.query_one("#week-compare", Static).update(week_table(comparison, streak))
        year, month = self.month
        weeks = log_stats.month_grid(nights, year, month)
        self.query_one("#calendar", Static).update(month_calendar(weeks, year, month))
        last = self.month == (self.tonight.year, self.tonight.month)
        self.query_one("#calendar-keys", Static).update(LAST_MONTH_KEYS if last else MONTH_KEYS)
        start, end = log_stats.trend_span(
            self.shown, self.night_filter.start, self.night_filter.end, self.tonight
        )
        points = log_stats.trend(nights, start, end)
        width = max(self.size.width - 8, 40)
        self.query_one("#trend-chart", Static).update(trend_chart(points, width))
        self._show_device_sleep(start, end)

    def _show_device_sleep(self, start: date, end: date) -> None:
        """Diary and tracker sleep side by side, drawn only once a tracker's nights are in."""
        tracked = self.repository.devices.nights(start, end)
        shown = self.query("#device-compare")
        if not tracked:
            shown.remove()
            return
        entries = [night.entry for night in self.every_night()]
        sides = sleep_side_by_side(entries, tracked, start, end)
        text = plain(
            "\n".join(["Sleep: diary and tracker, measured apart", *(s.line() for s in sides)])
        )
        if shown:
            shown.first(Static).update(text)
        else:
            self.query_one("#trends").mount(Static(text, id="device-compare"))

    def highlighted_night(self) -> date | None:
        table = self.query_one("#night-table", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return date.fromisoformat(key) if key else None

    def _show_timeline(self) -> None:
        night = self.highlighted_night()
        timeline = self.query_one(NightTimeline)
        if night is None:
            timeline.show(None, [])
            return
        entry = next((n.entry for n in self.shown if n.night == night), None)
        devices = self.repository.devices.night(night)
        if entry is None:  # a night only a tracker saw
            timeline.show_tracked(night, self.repository.timeline(night), devices)
            return
        timeline.show(entry, self.repository.timeline(night), devices)

    # --- filters ------------------------------------------------------------------------------

    def _read_filters(self, refill: bool = True, *, typing: str = "") -> None:
        """Apply the filters to the table (`refill=False`: only if they changed). `typing` is a
        date box's text while it is typed: a date not yet complete is not an error yet."""
        filters = self.query_one(LogFilters)
        error = self.query_one("#filter-error", Static)
        try:
            self.night_filter = filters.night_query(self.tonight)
        except ValueError as problem:
            if typing and len(typing.strip()) < len("YYYY-MM-DD"):
                return  # "2026-1" on the way to "2026-11-01": said when the box is left
            error.update(plain(str(problem)))
            error.set_class(True, "shown")
            return
        error.set_class(False, "shown")
        filters.show_range(self.night_filter if filters.typed_dates() else None)
        applied = (*filters.chosen(), self.tonight)
        if not refill and applied == self._applied:
            return  # e.g. the range Select announcing its first value: the table shows it
        self._applied = applied
        self._fill_table()
        self._stale.add("tab-trends")
        self._draw_active_tab()

    def on_select_changed(self) -> None:
        self._read_filters(refill=False)  # after the filters cleared typed dates for a range

    def on_checkbox_changed(self) -> None:
        self._read_filters(refill=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._read_filters(refill=False, typing=event.value)

    def on_input_blurred(self) -> None:
        self._read_filters(refill=False)

    def on_input_submitted(self) -> None:
        self._read_filters()

    def on_data_table_row_highlighted(self) -> None:
        self._show_timeline()

    def on_data_table_row_selected(self) -> None:
        self.action_edit()

    # --- actions --------------------------------------------------------------------------------

    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.dismiss()

    def action_new_entry(self) -> None:
        self.app.post_message(OpenEntry())  # the log reads itself again when shown

    def action_edit(self) -> None:
        night = self.highlighted_night()
        if night is not None:
            self.app.post_message(OpenEntry(night))

    def action_delete(self) -> None:
        night = self.highlighted_night()
        if night is None:
            return
        if all(logged.night != night for logged in self.shown):
            self.notify(
                f"The night of {night} has no diary entry to delete: only a sleep tracker's "
                "figures, which the log keeps apart from the diary.",
                timeout=8,
            )
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.repository.delete(night)
            except StoreError as error:
                notify_plain(self, str(error), title="Not deleted", severity="error")
                return
            self.notify(f"Night of {night} deleted.", timeout=4)
            self.reload()

        question = f"Delete the night of {night:%A %d %B %Y}? This cannot be undone."
        self.app.push_screen(ConfirmDialog(question, yes="Delete", no="Keep"), answered)

    def action_tab(self, tab: str) -> None:
        self.query_one("#log-tabs", TabbedContent).active = tab
        if tab == "tab-nights":
            self.query_one("#night-table", DataTable).focus()

    def action_month(self, delta: int) -> None:
        """Page the calendar; it stops at this month (empty months ahead went on without end)."""
        this_month = (self.tonight.year, self.tonight.month)
        self.month = min(log_stats.shift_month(*self.month, delta), this_month)
        self._stale.add("tab-trends")
        self._draw_active_tab()
