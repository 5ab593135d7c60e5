"""Snapshots of the symptom check: a question, the urgent panel, a result (FakeClock, 100x32)."""

from __future__ import annotations

from typing import Any

from quiz_helpers import DESK_JOB, option_number
from textual.pilot import Pilot

from legease_tui.app import LegEaseApp
from legease_tui.core.quiz.content import load_content
from legease_tui.services import Services

SIZE = (100, 32)
CONTENT = load_content()


def keys_for(answers: dict[str, str], order: list[str]) -> list[str]:
    return [str(option_number(CONTENT, key, answers[key])) for key in order]


class TestQuizSnapshots:
    def test_a_question_mid_way(self, snap_compare: Any, services: Services) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.press("k", *keys_for(DESK_JOB, ["one-leg", "nerve", "sensation"]))

        assert snap_compare(LegEaseApp(services), terminal_size=SIZE, run_before=run_before)

    def test_the_urgent_panel(self, snap_compare: Any, services: Services) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.press("k", "2")

        assert snap_compare(LegEaseApp(services), terminal_size=SIZE, run_before=run_before)

    def test_a_result_with_a_warning(self, snap_compare: Any, services: Services) -> None:
        answers = {**DESK_JOB, "cramp-length": "long"}
        order = [q.key for q in CONTENT.questions if q.key in answers]

        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.press("k", *keys_for(answers, order))

        assert snap_compare(LegEaseApp(services), terminal_size=SIZE, run_before=run_before)
