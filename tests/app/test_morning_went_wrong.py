"""The morning check-in's optional "anything go wrong last night?": what is ticked is kept for
the night; nothing ticked is no answer (never "nothing went wrong"), which is its own tick."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from support.app_builder import AppMaker
from textual.widgets import Input, SelectionList, Static

from legease_tui.core.clock import FakeClock
from legease_tui.screens.morning import MorningScreen
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")
LABELS = {"fall": "a fall or near fall", "nothing": "nothing went wrong"}
LAST_NIGHT = date(2026, 11, 24)
MORNING = datetime(2026, 11, 25, 7, 30, tzinfo=LONDON)


async def _check_in(
    home: Paths, make_app: AppMaker, ticks: list[str], night: date = LAST_NIGHT
) -> tuple[str, ...] | None:
    services = build_services(home, FakeClock(MORNING))
    assert services.log is not None
    app = make_app(with_services=services)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MorningScreen)
        form.query_one("#input-cramps", Input).value = "1"
        choices = form.query_one("#input-went_wrong", SelectionList)
        for word in ticks:
            choices.select(word)
        await pilot.pause()
        said = str(form.query_one("#went-wrong-ticked", Static).render())
        assert said == ("Ticked: none (no answer)" if not ticks else f"Ticked: {LABELS[ticks[0]]}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MorningScreen)
    entry = services.log.get(night)
    assert entry is not None
    return entry.went_wrong


async def test_what_is_ticked_is_kept(home: Paths, make_app: AppMaker) -> None:
    assert await _check_in(home, make_app, ["fall"]) == ("fall",)


async def test_nothing_ticked_is_no_answer(home: Paths, make_app: AppMaker) -> None:
    assert await _check_in(home, make_app, []) is None


async def test_nothing_went_wrong_is_its_own_answer(home: Paths, make_app: AppMaker) -> None:
    assert await _check_in(home, make_app, ["nothing"]) == ()
