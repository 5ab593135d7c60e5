"""Snapshots of the symptom check: a question, each kind of level, results (FakeClock, 100x32;
the pregnancy result and the stops at 80x24)."""

from __future__ import annotations

from typing import Any

from support.app_builder import AppMaker
from support.quiz_helpers import DESK_JOB, NEUTRAL, keys_to_answer

from legease_tui.core.quiz.content import load_content
from legease_tui.services import Services

SIZE = (100, 32)
SMALL = (80, 24)
CONTENT = load_content()
EMERGENCY = {**NEUTRAL, "emergency": "back"}
SAME_DAY = {**NEUTRAL, "one-leg": "one", "one-leg-with": "infection"}
URGENT = {**DESK_JOB, "long-cramp": "yes"}
PREGNANT = {
    **NEUTRAL,
    "sensation": "knot",
    "pregnant": "yes",
    "how-often": "often",
    "daytime-tired": "no",
}


def pressing(*keys: str) -> Any:
    async def run_before(pilot: Any) -> None:
        await pilot.press(*keys)

    return run_before


class TestQuizSnapshots:
    def test_a_question_mid_way(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, DESK_JOB, until="age")
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=pressing("k", *keys))

    def test_the_emergency_question(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("k"))

    def test_choose_all_that_apply(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, DESK_JOB, until="conditions")
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("k", *keys, "3", "4"))

    def test_an_emergency_stop(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, EMERGENCY)
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=pressing("k", *keys))

    def test_an_emergency_stop_at_80x24(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, EMERGENCY)
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("k", *keys))

    def test_a_same_day_stop(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, SAME_DAY)
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=pressing("k", *keys))

    def test_a_same_day_stop_at_80x24(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, SAME_DAY)
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("k", *keys))

    def test_an_urgent_appointment_with_no_routine(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, URGENT)
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=pressing("k", *keys))

    def test_an_urgent_appointment_at_80x24(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, URGENT)
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("k", *keys))

    def test_a_result_with_a_gp_sign(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, {**DESK_JOB, "nerve": "yes"})
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=pressing("k", *keys))

    def test_a_result_in_pregnancy_at_80x24(
        self, snap_compare: Any, services: Services, make_app: AppMaker
    ) -> None:
        keys = keys_to_answer(CONTENT, PREGNANT)
        app = make_app()
        assert snap_compare(app, terminal_size=SMALL, run_before=pressing("k", *keys))
