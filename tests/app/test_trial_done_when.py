"""The four trials of issue 24's "Done when", lived on a fake clock and read as a person would:
in every report form, on the Trial screen, and on Home the morning after the plan and that
evening. Routine worse in every pair; Breathing only on a routine night; a missing block; a
routine that clearly helps."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from support.app_builder import AppMaker
from support.trial_builders import REPORT_ITEMS, a_fall_on_the_first_night, as_planned, live_trial
from textual.widgets import Static

from legease_tui.core.clock import FakeClock
from legease_tui.core.trial.adherence import arms_testing
from legease_tui.core.trial.design import ROUTINE_ARMS, PlannedNight, TrialDesign
from legease_tui.core.trial.report import build_report
from legease_tui.core.trial.report_forms import report_document_json, report_markdown, report_text
from legease_tui.core.trial.summary import doctor_section
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 12, 3, 21, 0, tzinfo=LONDON)


def _worse(night: PlannedNight) -> float:
    return 3.0 if night.arm == 0 else 1.0 + night.number % 2


def _helps(night: PlannedNight) -> float:
    """Fewer cramps on every routine block, by more in some pairs than in others."""
    return float(night.number % 2) if night.arm == 0 else 1.0 + night.pair % 3 + night.number % 2


def _missing_block(night: PlannedNight) -> float | None:
    return None if (night.pair, night.arm) == (2, 1) else _helps(night)


def _breathing_on_night_2(design: TrialDesign) -> Callable[[PlannedNight], Any]:
    planned = as_planned(design)
    second_routine_night = [n for n in design.nights() if n.arm == 0][1]
    return lambda night: (
        ("breathing", "Breathing only") if night == second_routine_night else planned(night)
    )


SCENARIOS: dict[str, tuple[int, Callable[[PlannedNight], float | None], bool, list[str]]] = {
    "worse in every pair": (
        4,
        _worse,
        False,
        [
            "this trial cannot tell whether routine helps, makes no difference or makes things "
            "worse compared with no routine",
            "Pairs: 0 favoured routine, 4 favoured no routine",
            "This is the strongest result a plan of 4 pairs can give",
            "To test this again, plan a new trial in advance",
        ],
    ),
    "breathing only on a routine night": (
        6,
        _helps,
        True,
        ["The routine was done on 11 of 12 routine nights and on 0 of 12 no-routine nights"],
    ),
    "a missing block": (
        6,
        _missing_block,
        False,
        [
            "5 favoured routine, 0 favoured no routine, 0 tied, 1 without an outcome in both",
            "Pair 2 · no routine · from 2026-12-09 · 0 nights counted · mean –",
        ],
    ),
    "helps clearly": (
        6,
        _helps,
        False,
        [
            "Verdict: fewer cramps on routine nights than on no-routine nights, a difference "
            "larger than chance alone easily explains (p = 0.0312).",
        ],
    ),
}


def _unescaped(markdown: str) -> str:
    return markdown.replace("\\", "")


def _live(home: Paths, scenario: str) -> tuple[Services, FakeClock]:
    pairs, outcome, breathing, _ = SCENARIOS[scenario]
    clock = FakeClock(START)
    services = build_services(home, clock)
    arms = arms_testing(ROUTINE_ARMS, services.routines, "calf-hamstring")
    design = TrialDesign(START.date(), 3, block=2, pairs=pairs, washout=0, arms=arms).chosen()
    done = _breathing_on_night_2(design) if breathing else None
    live_trial(services, clock, design, outcome, done)
    a_fall_on_the_first_night(services, design)
    return services, clock


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_every_report_form_says_what_the_trial_showed(home: Paths, scenario: str) -> None:
    services, clock = _live(home, scenario)
    assert services.trial is not None and services.log is not None
    trial = services.trial.latest()
    assert trial is not None
    report = build_report(
        trial, services.log, clock.now(), with_result=True, routines=services.routines
    )
    forms = {
        "text": report_text(report, interim=False),
        "md": _unescaped(report_markdown(report, interim=False)),
        "json": json.dumps(report_document_json(report, interim=False), ensure_ascii=False),
        "doctor": _unescaped(doctor_section(services.log, services.routines)),
    }
    for form, text in forms.items():
        for phrase in SCENARIOS[scenario][3]:
            assert phrase in text, f"{form}: {phrase}"
        for item in ("scope", "limits", "timeline", "adherence per arm", "harms per arm"):
            assert REPORT_ITEMS[item] in text, f"{form} lacks {item}"


@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_home_and_the_trial_screen_morning_and_evening(
    home: Paths, make_app: AppMaker, scenario: str
) -> None:
    services, clock = _live(home, scenario)
    morning = clock.now()
    assert morning.time() == time(8, 0)
    app = make_app(with_services=services)
    seen: dict[str, str] = {}
    async with app.run_test(size=(100, 32)) as pilot:
        for when, moment in (("morning", morning), ("evening", morning + timedelta(hours=12))):
            clock.set_wall(moment)
            app.refresh_home()
            await pilot.pause()
            seen[f"home {when}"] = str(app.screen.query_one("#trial-tonight", Static).render())
            await pilot.press("t")
            await pilot.pause()
            seen[f"screen {when}"] = str(app.screen.query_one("#trial-report", Static).render())
            await pilot.press("escape")
            await pilot.pause()
    for when in ("morning", "evening"):
        assert seen[f"home {when}"].startswith("Your trial has ended: press t for its result")
        screen = seen[f"screen {when}"]
        assert screen.startswith("Your last trial (finished)")
        for phrase in SCENARIOS[scenario][3]:
            assert phrase in " ".join(screen.split()), phrase
        assert "Pair 1 · " in screen and "nights counted · mean" in screen  # a row per block
        for item, phrase in REPORT_ITEMS.items():
            if item != "one row per block":  # the order of a pair's blocks is the seed's
                assert phrase in screen, f"the Trial screen lacks {item}"
