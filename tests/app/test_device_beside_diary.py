"""The log shows a tracker's figures beside the diary's: the night's detail and Trends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from support.app_builder import AppMaker
from support.notices import Notices
from support.screen_text import screen_text
from textual.widgets import DataTable, Static

from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.log.query import NightQuery
from legease_tui.core.log.tracker.period import make_period
from legease_tui.screens.log import LogScreen
from legease_tui.services import Services
from legease_tui.widgets.night_timeline import NightTimeline

TONIGHT = date(2026, 11, 24)  # the FakeClock's evening


def _fill(services: Services) -> None:
    assert services.log is not None
    night = TONIGHT - timedelta(days=1)
    services.log.add(
        NightEntry(night, tension=4, lights_out=datetime(2026, 1, 1, 23, 0).time(),
                   final_wake=datetime(2026, 1, 1, 7, 0).time())
    )  # fmt: skip
    start = datetime(2026, 11, 23, 22, 50)
    services.log.devices.merge(
        [
            make_period("fitbit", "41", start, start + timedelta(hours=8), asleep=420, awake=40),
            make_period("fitbit", "42", datetime(2026, 11, 24, 9, 0),
                        datetime(2026, 11, 24, 9, 30), asleep=25),
        ]
    )  # fmt: skip


async def test_the_nights_detail_shows_the_tracker_beside_the_diary(
    services: Services, make_app: AppMaker
) -> None:
    _fill(services)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        text = str(app.screen.query_one(NightTimeline).render())
        assert "asleep 8 h" in text  # the diary's own figure, untouched
        assert "Fitbit: 22:50–06:50 · in bed 8 h · asleep 7 h · awake 40 min · eff. 88 %" in text
        assert "naps: 09:00 (30 min)" in text


async def test_trends_compares_diary_and_tracker_with_their_counts(
    services: Services, make_app: AppMaker
) -> None:
    _fill(services)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        text = str(app.screen.query_one("#device-compare", Static).render())
        assert "Diary: asleep 8 h on average (1 night)" in text
        assert "Fitbit: asleep 7 h on average · efficiency 88 % (1 night)" in text


async def test_trends_without_a_tracker_draws_nothing_more(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("l", "2")
        await pilot.pause()
        assert not app.screen.query("#device-compare")


def _tracker_only_night(services: Services) -> date:
    """A night only the tracker saw, two nights after the diary's (6 h 42 min asleep)."""
    assert services.log is not None
    start = datetime(2026, 11, 21, 23, 10, tzinfo=UTC)
    services.log.devices.merge(
        [make_period("sleep-as-android", "7", start, start + timedelta(hours=7, minutes=30),
                     asleep=402)]
    )  # fmt: skip
    return start.date()


async def test_a_night_only_the_tracker_saw_is_in_the_nights_table_saying_so(
    services: Services,
    make_app: AppMaker,
) -> None:
    _fill(services)
    tracked = _tracker_only_night(services)
    app = make_app("log")
    notices = Notices()
    async with app.run_test(size=(100, 32), message_hook=notices) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#night-table", DataTable)
        keys = [str(key.value) for key in table.rows]
        assert keys == ["2026-11-23", tracked.isoformat()]  # newest first
        row = [str(cell) for cell in table.get_row(tracked.isoformat())]
        # "tracker: Sleep as Android" made the table 101 wide at 100 columns (issue 25): where
        # the name does not fit, "tracker", and the night's line names it.
        assert row == [f"{tracked:%a %d %b %Y}", "", "", "", "", "6 h 42 min", "89%", "",
                       "tracker"]  # fmt: skip
        table.move_cursor(row=1)
        await pilot.pause()
        text = str(app.screen.query_one(NightTimeline).render())
        assert "Saturday 21 November  ·  no diary entry, tracker figures only (e logs it)" in text
        assert "Sleep as Android: 23:10–06:40 · in bed 7 h 30 min · asleep 6 h 42 min" in text
        await pilot.press("d")  # nothing of the diary's to delete: said, nothing asked
        await pilot.pause()
        assert "has no diary entry to delete" in notices.messages()[-1]
        assert isinstance(app.screen, LogScreen)
        assert services.log is not None and services.log.devices.night(tracked)


async def test_a_tag_or_cramps_filter_leaves_out_a_night_only_the_tracker_saw(
    services: Services,
) -> None:
    assert services.log is not None
    tracked = _tracker_only_night(services)
    services.log.add(NightEntry(TONIGHT, cramps=2, tags=("heat",)))
    query = NightQuery(start=tracked)
    assert [n.night for n in services.log.tracker_only(query)] == [tracked]
    assert services.log.tracker_only(replace(query, tag="heat")) == []
    assert services.log.tracker_only(replace(query, cramps_only=True)) == []
    assert services.log.tracker_only(NightQuery(start=tracked + timedelta(days=1))) == []
    services.log.add(NightEntry(tracked, tension=2))  # now the diary's night
    assert services.log.tracker_only(query) == []


@pytest.mark.parametrize("width", [80, 100, 120, 200])
async def test_the_sleep_column_shows_11_h_43_min_whole_at_every_width(
    services: Services, width: int, make_app: AppMaker
) -> None:
    """At 80, 100 and 120 columns it read "11 h 43 mi"."""
    assert services.log is not None
    services.log.add(NightEntry(TONIGHT, lights_out=time(20, 0), final_wake=time(7, 43)))
    app = make_app("log")
    async with app.run_test(size=(width, 32)) as pilot:
        await pilot.pause()
        row = next(r for r in screen_text(app).splitlines() if f"{TONIGHT:%d %b}" in r)
        assert "11 h 43 min " in row


async def test_the_log_names_a_stored_tracker_period_it_cannot_read(
    services: Services, make_app: AppMaker
) -> None:
    _fill(services)
    assert services.store is not None
    with services.store.transaction() as db:  # a hand edit: a source LegEase does not know
        table = db.table("device_nights", cache_size=0)
        key = (TONIGHT - timedelta(days=1)).toordinal()
        record = table.get(doc_id=key)
        assert record is not None
        periods = [{**record["periods"][0], "source": "oura"}, *record["periods"][1:]]
        table.update({"periods": periods}, doc_ids=[key])
    app = make_app()
    notices = Notices()
    async with app.run_test(size=(100, 32), message_hook=notices) as pilot:
        await pilot.press("l")
        await pilot.pause()
        said = [(n.title, n.message) for n in notices.shown]
        title, message = next(item for item in said if "tracker" in item[0])
        assert title == "Some tracker periods cannot be read"
        assert message.startswith(
            "1 stored sleep tracker period could not be read and is not counted: 2026-11-23 "
            "(unknown source 'oura')."
        )
        text = str(app.screen.query_one(NightTimeline).render())
        assert "Fitbit: 09:00–09:30" in text  # the other period is still the night's
