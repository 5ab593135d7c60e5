"""Snapshots of the symptom check: a question, the urgent panel, results (FakeClock, 100x32;
the pregnancy result at 80x24)."""

from __future__ import annotations

from typing import Any

from quiz_helpers import DESK_JOB, NEUTRAL, option_number
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
            safety = ["one-leg", "both-swollen", "nerve", "long-cramp"]
            await pilot.press("k", *keys_for(DESK_JOB, [*safety, "sensation"]))

        assert snap_compare(LegEaseApp(services), terminal_size=SIZE, run_before=run_before)

    def test_the_urgent_panel(self, snap_compare: Any, services: Services) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.press("k", "2")

        assert snap_compare(LegEaseApp(services), terminal_size=SIZE, run_before=run_before)

    def test_a_result_with_a_warning(self, snap_compare: Any, services: Services) -> None:
        answers = {**DESK_JOB, "long-cramp": "yes"}
        order = [q.key for q in CONTENT.questions if q.key in answers]

        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.press("k", *keys_for(answers, order))

        assert snap_compare(LegEaseApp(services), terminal_size=SIZE, run_before=run_before)

    def test_a_result_in_pregnancy_at_80x24(self, snap_compare: Any, services: Services) -> None:
        answers = {
            **NEUTRAL,
            "sensation": "knot",
            "cramp-length": "medium",
            "pregnant": "yes",
            "how-often": "often",
            "daytime-tired": "no",
        }
        order = [q.key for q in CONTENT.questions if q.key in answers]

        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.press("k", *keys_for(answers, order))

        assert snap_compare(LegEaseApp(services), terminal_size=(80, 24), run_before=run_before)
