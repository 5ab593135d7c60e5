"""Snapshots of the log screens and Home's glance, with a fixed clock and fixed nights."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from support.app_builder import AppMaker
from support.sample_nights import plausible_night
from textual.pilot import Pilot

from legease_tui.core.log.tracker.period import make_period
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.services import Services

SIZE = (100, 32)
TONIGHT = date(2026, 11, 24)
Snap = Callable[..., bool]


def fill_log(services: Services, nights: int = 40) -> None:
    """Forty nights of plausible, fixed data and a few routines."""
    assert services.log is not None
    rng = random.Random(7)
    entries = []
    for back in range(nights):
        if back % 9 == 4:
            continue  # a forgotten night
        note = "Woke with a calf cramp, stretched it out." if back == 0 else ""
        entries.append(plausible_night(TONIGHT - timedelta(days=back), rng, note))
    services.log.put_many(entries)
    for back in (0, 1, 2, 5, 6):
        started = datetime(2026, 11, 24, 22, 5).astimezone() - timedelta(days=back)
        outcome = SessionOutcome("calf", "Calf & hamstring", started, 341, 341, 3, 3, True)
        services.log.record_session(outcome)


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*pressed)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    ("name", "pressed"),
    [("nights", ()), ("trends", ("2",)), ("what_helps", ("3",))],
)
def test_log_screen(
    snap_compare: Snap, services: Services, name: str, pressed: tuple[str, ...], make_app: AppMaker
) -> None:
    fill_log(services)
    app = make_app("log")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys(*pressed))


def test_entry_form_editing_a_night(
    snap_compare: Snap, services: Services, make_app: AppMaker
) -> None:
    fill_log(services)
    app = make_app()
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("n"))


def test_home_shows_the_last_seven_nights_and_the_streak(
    snap_compare: Snap, services: Services, make_app: AppMaker
) -> None:
    fill_log(services)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys())


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x32", "80x24"])
def test_log_nights_with_a_tracker_only_night_and_a_long_night(
    snap_compare: Snap, services: Services, size: tuple[int, int], make_app: AppMaker
) -> None:
    """A night only the tracker saw among the diary's (highlighted: its line says so), and a
    night of 11 h 43 min asleep, whole in the Sleep column."""
    fill_log(services, nights=6)
    assert services.log is not None
    long_night = TONIGHT - timedelta(days=2)
    services.log.update(long_night, {"into_bed": "19:50", "lights_out": "20:00",
                                     "minutes_to_sleep": 0, "minutes_awake": 0,
                                     "final_wake": "07:43", "out_of_bed": "08:00"})  # fmt: skip
    start = datetime(2026, 11, 17, 23, 10)
    services.log.devices.merge(
        [make_period("fitbit", "7", start, start + timedelta(hours=7, minutes=30), asleep=402,
                     awake=48)]
    )  # fmt: skip
    app = make_app("log")
    assert snap_compare(app, terminal_size=size, run_before=keys(*["down"] * 5))
