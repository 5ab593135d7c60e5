"""The symptom check as a person uses it: k on Home, answers, back, leave, results, routine."""

from __future__ import annotations

from datetime import date
from typing import Any

from support.app_builder import AppMaker
from support.notices import Notices
from support.quiz_helpers import DESK_JOB, NEUTRAL, option_number
from textual.pilot import Pilot
from textual.widgets import Collapsible, OptionList, Static

from legease_tui.app.main import LegEaseApp
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Answer, chosen
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.home import HomeScreen
from legease_tui.screens.quiz import NOTHING_TICKED, QuizScreen
from legease_tui.screens.quiz_result import QuizResultScreen, StopScreen
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


async def answer_with_numbers(pilot: Pilot[Any], answers: dict[str, Answer]) -> None:
    """Answer every question on screen with number keys, as a person would: in a choose-all
    question, each answer that applies, then Done (the number after the last answer)."""
    while isinstance(pilot.app.screen, QuizScreen):
        question = pilot.app.screen.quiz_run.current
        assert question is not None
        keys = chosen(answers[question.key])
        await pilot.press(*(str(option_number(CONTENT, question.key, key)) for key in keys))
        if question.multiple and not question.option(keys[0]).alone:
            await pilot.press(str(len(question.options) + 1))
    await pilot.pause()


def body_ids(app: LegEaseApp) -> list[str | None]:
    return [child.id for child in app.screen.query_one("#quiz-result").children]


def shown_actions(app: LegEaseApp) -> set[str]:
    return {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}


async def test_k_on_home_opens_the_check_at_the_first_red_flag(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        assert isinstance(app.screen, QuizScreen)
        assert text_of(app, "#quiz-progress").startswith("Question 1 of up to 36  ·  Safety")
        assert "Do you have any of these now?" in text_of(app, "#quiz-question")
        assert "Not medical advice" in text_of(app, "#quiz-disclaimer")


async def test_the_desk_job_check_ranks_water_and_sitting_and_starts_the_routine(
    services: Services,
    make_app: AppMaker,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_with_numbers(pilot, DESK_JOB)
        assert isinstance(app.screen, QuizResultScreen)
        titles = [c.title for c in app.screen.query(Collapsible)]
        assert titles[0].startswith("1. Too little fluid")
        assert titles[1].startswith("2. Long sitting or hard exercise")
        expanded = [not c.collapsed for c in app.screen.query(Collapsible)]
        assert expanded == [True, True]  # only the two causes the answers raised
        assert "Calf & hamstring" in text_of(app, "#quiz-routine")
        [saved] = rows(services, "checks")
        assert saved["ranked"][0]["cause"] == "dehydration"
        await pilot.press("r")
        assert isinstance(app.screen, RoutineScreen)
        assert app.screen.session.routine.key == "calf-hamstring"


async def test_arrows_and_enter_answer_too(services: Services, make_app: AppMaker) -> None:
    app = make_app("quiz")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("enter", "down", "enter")
        assert app.screen.quiz_run.answers == {"emergency": "none", "one-leg": "one"}
        assert text_of(app, "#quiz-progress").startswith("Question 3 of")
        assert app.screen.quiz_run.current is not None
        assert app.screen.quiz_run.current.key == "one-leg-with"


async def test_going_back_keeps_the_answers(services: Services, make_app: AppMaker) -> None:
    app = make_app("quiz")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        await pilot.press(*"1111111", "3")  # seven safety answers "no", tight muscles
        await pilot.press("left", "backspace")
        assert screen.quiz_run.current is not None and screen.quiz_run.current.key == "nerve"
        await pilot.press(*["left"] * 6)
        assert text_of(app, "#quiz-progress").startswith("Question 1 of")
        await pilot.press(*["enter"] * 7)
        assert screen.quiz_run.current.key == "sensation"
        assert screen.query_one("#quiz-options", OptionList).highlighted == 2
        assert screen.quiz_run.answers["sensation"] == "tight"


async def test_escape_asks_before_leaving(services: Services, make_app: AppMaker) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k", "1", "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.quiz_run.progress[0] == 2
        await pilot.press("escape", "y")
        assert isinstance(app.screen, HomeScreen)
        assert rows(services, "checks") == []


async def test_an_emergency_answer_shows_999_at_once_and_no_routine(
    services: Services,
    make_app: AppMaker,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k", str(option_number(CONTENT, "emergency", "stroke")))
        assert isinstance(app.screen, StopScreen)
        assert body_ids(app) == ["quiz-level-emergency", "quiz-no-routine", "quiz-stop-note"]
        panel = text_of(app, "#quiz-level-emergency")
        assert panel.startswith("Emergency: call 999, 112 or 911, or go to A&E now")
        assert CONTENT.signs["stroke"].text in panel and "NHS (stroke: act FAST)" in panel
        assert text_of(app, "#quiz-no-routine") == "No routine tonight. " + CONTENT.no_routine
        note = text_of(app, "#quiz-stop-note")
        assert note == "LegEase cannot examine you. If you are in any doubt, get seen today."
        assert not app.screen.query(Collapsible) and not app.screen.query("#quiz-routine")
        assert "start_routine" not in shown_actions(app) and "note" not in shown_actions(app)
        await pilot.press("r", "n")
        assert isinstance(app.screen, StopScreen)
        [saved] = rows(services, "checks")
        assert saved["levels"] == ["emergency"] and saved["answers"] == {"emergency": "stroke"}
        assert rows(services, "nights") == []


async def test_a_same_day_answer_ends_after_the_safety_questions(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    answers = {**NEUTRAL, "one-leg": "one", "one-leg-with": "infection"}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_with_numbers(pilot, answers)
        assert isinstance(app.screen, StopScreen)
        assert body_ids(app) == ["quiz-level-today", "quiz-no-routine", "quiz-stop-note"]
        panel = text_of(app, "#quiz-level-today")
        assert panel.startswith("Get medical advice today")
        assert "blood clot" in panel and "cellulitis" in panel and "sepsis" in panel
        [saved] = rows(services, "checks")
        assert saved["levels"] == ["today"] and "sensation" not in saved["answers"]


async def test_an_urgent_appointment_result_offers_no_routine(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_with_numbers(pilot, {**DESK_JOB, "long-cramp": "yes", "nerve": "yes"})
        assert isinstance(app.screen, QuizResultScreen)
        ids = body_ids(app)
        assert ids[:3] == ["quiz-level-urgent", "quiz-level-gp", "quiz-no-routine"]
        assert "quiz-routine" not in ids
        assert text_of(app, "#quiz-level-urgent").startswith("Ask for an urgent appointment")
        assert "longer than 10 minutes" in text_of(app, "#quiz-level-urgent")
        assert app.screen.query(Collapsible)  # the causes and self-care are still shown
        assert "start_routine" not in shown_actions(app)
        await pilot.press("r")
        assert isinstance(app.screen, QuizResultScreen)  # r starts nothing
        await pilot.press("n")
        [night] = rows(services, "nights")
        assert night["note"].endswith(
            "See a clinician first; stretching is not a treatment for this."
        )
        assert "signs that need an urgent appointment" in night["note"]


async def test_warning_signs_come_first_on_the_result(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    answers = {**DESK_JOB, "nerve": "yes", "medicine": "diuretic"}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_with_numbers(pilot, answers)
        assert isinstance(app.screen, QuizResultScreen)
        ids = body_ids(app)
        assert ids[0] == "quiz-level-gp" and ids.index("quiz-level-gp") < ids.index("quiz-routine")
        signs = text_of(app, "#quiz-level-gp")
        assert signs.startswith("See your GP")
        assert "came on slowly" in signs and "new or changed medicine" in signs


async def test_several_conditions_are_ticked_then_done(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    notices = Notices()
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.press("k")
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        while screen.quiz_run.current is not None and screen.quiz_run.current.key != "conditions":
            await pilot.press("1")
        options = screen.query_one("#quiz-options", OptionList)
        assert "Done" in str(options.get_option_at_index(7).prompt)
        await pilot.press("8")  # Done with nothing ticked: a notice, the question stays
        await pilot.pause()
        assert screen.quiz_run.current is not None
        assert screen.quiz_run.current.key == "conditions"
        assert NOTHING_TICKED in notices.messages()
        await pilot.press("3", "4", "6", "6")  # diabetes, heart failure, a nerve condition twice
        assert screen.ticked == {"metabolic", "heart-failure"}
        assert str(options.get_option_at_index(2).prompt).startswith("3  [x] Diabetes")
        assert str(options.get_option_at_index(5).prompt).startswith("6  [ ] A nerve")
        await pilot.press("down", "down", "enter")  # from the last one ticked, past "Not sure"
        assert screen.quiz_run.current is not None and screen.quiz_run.current.key != "conditions"
        assert screen.quiz_run.answers["conditions"] == ("metabolic", "heart-failure")
        await pilot.press("left")  # back: the ticks are kept
        assert screen.ticked == {"metabolic", "heart-failure"}
        await pilot.press("1")  # "None of these" answers at once, alone
        assert screen.quiz_run.answers["conditions"] == ("none",)


async def test_with_nothing_raised_no_cause_is_listed(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
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


async def test_n_notes_the_check_in_tonights_log_once(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
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


async def test_a_second_check_is_compared_with_the_first(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    stressed = {**NEUTRAL, "stress": "very", "racing": "yes"}
    async with app.run_test(size=SIZE) as pilot:
        for answers in ({**stressed, "water": "little"}, stressed):
            await pilot.press("k")
            await answer_with_numbers(pilot, answers)
            if answers is not stressed:
                await pilot.press("escape")
        compare = text_of(app, "#quiz-compare")
        assert "water: better; stress: high both times" in compare


async def test_the_command_palette_offers_the_symptom_check(
    services: Services, make_app: AppMaker
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Symptoms" in titles
