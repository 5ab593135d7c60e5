"""The symptom check as a person uses it: k on Home, answers, back, leave, results, routine."""

from __future__ import annotations

from datetime import date
from typing import Any

from quiz_helpers import DESK_JOB, NEUTRAL, option_number
from textual.pilot import Pilot
from textual.widgets import Collapsible, OptionList, Static

from legease_tui.app import LegEaseApp
from legease_tui.core.quiz.content import load_content
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.quiz import QuizScreen
from legease_tui.screens.quiz_result import QuizResultScreen, UrgentScreen
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services

CONTENT = load_content()
SIZE = (100, 32)


def rows(services: Services, table: str) -> list[dict[str, Any]]:
    assert services.store is not None
    with services.store.read() as db:
        return [dict(doc) for doc in db.table(table, cache_size=0).all()]


def text_of(app: LegEaseApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def answer_with_numbers(pilot: Pilot[Any], answers: dict[str, str]) -> None:
    """Answer every question on screen with number keys, as a person would."""
    while isinstance(pilot.app.screen, QuizScreen):
        question = pilot.app.screen.quiz_run.current
        assert question is not None
        await pilot.press(str(option_number(CONTENT, question.key, answers[question.key])))
    await pilot.pause()


async def test_k_on_home_opens_the_check_at_the_first_red_flag(services: Services) -> None:
    app = LegEaseApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        assert isinstance(app.screen, QuizScreen)
        assert text_of(app, "#quiz-progress").startswith("Question 1 of up to 24")
        assert "ONE leg" in text_of(app, "#quiz-question")
        assert "Not medical advice" in text_of(app, "#quiz-disclaimer")


async def test_the_desk_job_check_ranks_water_and_sitting_and_starts_the_routine(
    services: Services,
) -> None:
    app = LegEaseApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_with_numbers(pilot, DESK_JOB)
        assert isinstance(app.screen, QuizResultScreen)
        titles = [c.title for c in app.screen.query(Collapsible)]
        assert titles[0].startswith("1. Too little fluid")
        assert titles[1].startswith("2. Long sitting or hard exercise")
        expanded = [not c.collapsed for c in app.screen.query(Collapsible)]
        assert expanded == [True, True, True, False]  # only the four causes the answers raised
        assert "Calf & hamstring" in text_of(app, "#quiz-routine")
        [saved] = rows(services, "checks")
        assert saved["ranked"][0]["cause"] == "dehydration"
        await pilot.press("r")
        assert isinstance(app.screen, RoutineScreen)
        assert app.screen.session.routine.key == "calf-hamstring"


async def test_arrows_and_enter_answer_too(services: Services) -> None:
    app = LegEaseApp(services, start="quiz")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("enter", "down", "enter")
        assert app.screen.quiz_run.answers == {"one-leg": "no", "both-swollen": "yes"}
        assert text_of(app, "#quiz-progress").startswith("Question 3 of")


async def test_going_back_keeps_the_answers(services: Services) -> None:
    app = LegEaseApp(services, start="quiz")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        await pilot.press("1", "1", "1", "1", "3")  # four safety answers "no", tight muscles
        await pilot.press("left", "backspace")
        assert screen.quiz_run.current is not None and screen.quiz_run.current.key == "long-cramp"
        await pilot.press("left", "left", "left")
        assert text_of(app, "#quiz-progress").startswith("Question 1 of")
        await pilot.press("enter", "enter", "enter", "enter")
        assert screen.quiz_run.current.key == "sensation"
        assert screen.query_one("#quiz-options", OptionList).highlighted == 2
        assert screen.quiz_run.answers["sensation"] == "tight"


async def test_escape_asks_before_leaving(services: Services) -> None:
    app = LegEaseApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k", "1", "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.quiz_run.progress[0] == 2
        await pilot.press("escape", "y")
        assert isinstance(app.screen, HomeScreen)
        assert rows(services, "checks") == []


async def test_one_painful_leg_shows_the_urgent_panel_and_nothing_else(
    services: Services,
) -> None:
    app = LegEaseApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k", "2")
        assert isinstance(app.screen, UrgentScreen)
        urgent = text_of(app, "#quiz-urgent")
        assert urgent.startswith("Get medical advice today")
        assert "blood clot" in urgent and "today" in urgent and "emergency services" in urgent
        body = list(app.screen.query_one("#quiz-result").children)
        assert [child.id for child in body] == ["quiz-urgent", "quiz-urgent-note"]
        note = text_of(app, "#quiz-urgent-note")
        assert note == "LegEase cannot examine you. If you are in any doubt, get seen today."
        assert not app.screen.query(Collapsible) and not app.screen.query("#quiz-routine")
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
        assert "start_routine" not in shown and "note" not in shown
        await pilot.press("r", "n")
        assert isinstance(app.screen, UrgentScreen)
        [saved] = rows(services, "checks")
        assert saved["urgent"] is True
        assert rows(services, "nights") == []


async def test_warnings_come_first_on_the_result(services: Services) -> None:
    app = LegEaseApp(services)
    answers = {**DESK_JOB, "long-cramp": "yes", "medicine": "diuretic"}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_with_numbers(pilot, answers)
        assert isinstance(app.screen, QuizResultScreen)
        ids = [w.id for w in app.screen.query_one("#quiz-result").children]
        assert ids.index("quiz-warnings") < ids.index("quiz-routine")
        warnings = text_of(app, "#quiz-warnings")
        assert "longer than 10 minutes" in warnings and "new or changed medicine" in warnings


async def test_with_nothing_raised_no_cause_is_listed(services: Services) -> None:
    app = LegEaseApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_with_numbers(pilot, NEUTRAL)
        assert isinstance(app.screen, QuizResultScreen)
        assert not app.screen.query(Collapsible)
        nothing = text_of(app, "#quiz-nothing-raised")
        assert nothing == "Nothing in your answers points to one cause."
        assert "Nothing in your answers points to one cause" in text_of(app, "#quiz-routine")
        labels = [str(w.render()) for w in app.screen.query(".quiz-advice").results(Static)]
        assert labels and not any("LegEase starting document" in label for label in labels)
        assert sum("Magnesium" in label for label in labels) == 1


async def test_n_notes_the_check_in_tonights_log_once(services: Services) -> None:
    app = LegEaseApp(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_with_numbers(pilot, DESK_JOB)
        await pilot.press("n", "n")
        [night] = rows(services, "nights")
        assert night["night"] == "2026-11-24"
        assert night["note"] == "21:30 Symptom check: most likely water, then sitting and exercise."
        assert services.log is not None
        entry = services.log.get(date(2026, 11, 24))  # the log reads what the quiz wrote
        assert entry is not None and "symptom-check" in entry.tags


async def test_a_second_check_is_compared_with_the_first(services: Services) -> None:
    app = LegEaseApp(services)
    stressed = {**NEUTRAL, "stress": "very", "racing": "yes"}
    async with app.run_test(size=SIZE) as pilot:
        for answers in ({**stressed, "water": "little"}, stressed):
            await pilot.press("k")
            await answer_with_numbers(pilot, answers)
            if answers is not stressed:
                await pilot.press("escape")
        compare = text_of(app, "#quiz-compare")
        assert "water: better; stress: high both times" in compare


async def test_the_command_palette_offers_the_symptom_check(services: Services) -> None:
    app = LegEaseApp(services)
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Symptom check" in titles
