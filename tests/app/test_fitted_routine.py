"""The app and `routine --plain` run tonight's routine fitted to the latest symptom check, and
Home says when tonight's check showed a sign to see a clinician about first (issue 21)."""

from __future__ import annotations

from support.app_builder import AppMaker
from support.plain_fakes import ScriptedKeys
from support.quiz_helpers import with_answers
from support.screen_text import screen_text
from textual.widgets import Static

from legease_tui.commands.plain.routine import run_plain
from legease_tui.core.clock import FakeClock
from legease_tui.core.durations import seconds_text
from legease_tui.core.quiz.model import Answer
from legease_tui.core.quiz.scoring import score_answers
from legease_tui.core.tonight import last_check, routine_for_person, routine_for_tonight
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services

SIZE = (100, 32)


def _saved(services: Services, answers: dict[str, Answer]) -> None:
    assert services.checks is not None
    services.checks.save(score_answers(services.quiz_content, answers))


def _full_unwind(services: Services) -> None:
    assert services.change_settings({"routine": "full-unwind"}) is None


async def test_home_shows_the_fitted_routine_and_the_routine_runs_fitted(
    services: Services,
    make_app: AppMaker,
) -> None:
    _full_unwind(services)
    _saved(services, with_answers(conditions=("heart-failure",)))
    check = last_check(services.store, lambda: services.quiz_content)
    fitted = routine_for_person(routine_for_tonight(services.routines, "full-unwind"), check)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tonight = str(app.screen.query_one("#tonight", Static).render())
        about = str(app.screen.query_one("#tonight-description", Static).render())
        assert seconds_text(fitted.total_seconds) in tonight
        assert "Legs up the wall is left out" in about
        assert not app.screen.query_one("#clinician-first", Static).display
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)
        steps = [step.title for step in app.screen.session.routine.steps]
        assert "Legs up the wall" not in steps


async def test_home_says_see_a_clinician_first_after_such_a_check_tonight(
    services: Services,
    make_app: AppMaker,
) -> None:
    _saved(services, with_answers(long_cramp="yes"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = app.screen.query_one("#clinician-first", Static)
        assert line.display
        assert "see a clinician about first" in str(line.render())


async def test_after_such_a_check_tonight_r_asks_before_any_routine_starts(
    services: Services,
    make_app: AppMaker,
) -> None:
    _saved(services, with_answers(long_cramp="yes"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "see a clinician about first" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RoutineScreen)


def test_routine_plain_runs_the_fitted_routine_and_says_what_was_left_out(
    services: Services, clock: FakeClock
) -> None:
    _saved(services, with_answers(pregnant="yes"))
    said: list[str] = []
    routine = services.routines.routines["full-unwind"]
    run_plain(services, routine, ScriptedKeys(clock), said.append, interactive=False)
    assert said[4] == (
        "Legs up the wall is left out: not lying on your back for long in pregnancy (after 16 "
        "weeks)."
    )
    steps = [line.split(":")[0] for line in said if line.startswith("Step ")]
    assert steps == [f"Step {n} of 8" for n in range(1, 9)]
    assert not any(line.startswith("Step ") and "Legs up the wall" in line for line in said)
