"""One run through the check: progress, skipping, going back, stopping for a warning sign."""

from __future__ import annotations

import pytest
from support.quiz_helpers import DESK_JOB, NEUTRAL, answer_all

from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.flow import QuizRun
from legease_tui.core.quiz.model import Answer, chosen
from legease_tui.core.quiz.scoring import AnswerError

SAFETY = ["emergency", "one-leg", "both-swollen", "muscle", "circulation", "long-cramp", "nerve"]


@pytest.fixture
def run() -> QuizRun:
    return QuizRun(load_content())


def test_warning_signs_come_first_the_most_urgent_first(run: QuizRun) -> None:
    asked = answer_all(run, DESK_JOB)
    assert asked[: len(SAFETY)] == SAFETY
    assert asked[len(SAFETY)] == "sensation"
    assert run.finished and not run.stopped_at_once


@pytest.mark.parametrize("emergency", ["back", "weak-leg", "stroke", "cold-leg"])
def test_an_emergency_answer_ends_the_check_at_once(run: QuizRun, emergency: str) -> None:
    run.answer(emergency)
    assert run.finished and run.stopped_at_once
    assert run.current is None
    assert run.back() is False
    result = run.result()
    assert result.levels == ("emergency",) and result.answers == {"emergency": emergency}


def test_an_emergency_in_a_follow_up_ends_it_at_once(run: QuizRun) -> None:
    run.answer("none")
    run.answer("one")
    assert run.current is not None and run.current.key == "one-leg-with"
    run.answer("breathless")
    assert run.finished and run.stopped_at_once
    assert run.result().levels == ("emergency", "today")


def test_a_same_day_answer_finishes_the_safety_questions_then_stops(run: QuizRun) -> None:
    asked = answer_all(run, {**NEUTRAL, "one-leg": "one", "one-leg-with": "none"})
    assert asked == [*SAFETY[:2], "one-leg-with", *SAFETY[2:]]  # nothing about causes
    assert run.finished and not run.stopped_at_once
    result = run.result()
    assert result.stopped and result.levels == ("today",) and result.ranked == ()


def test_an_emergency_after_a_same_day_answer_is_still_caught(run: QuizRun) -> None:
    answers = {
        **NEUTRAL,
        "one-leg": "one",
        "one-leg-with": "none",
        "both-swollen": "yes",
        "swollen-with": "very-breathless",
    }
    asked = answer_all(run, answers)
    assert asked[-1] == "swollen-with" and run.stopped_at_once
    assert run.result().levels == ("emergency", "today", "gp")


def test_an_urgent_answer_does_not_stop_the_check(run: QuizRun) -> None:
    asked = answer_all(run, {**NEUTRAL, "long-cramp": "yes"})
    assert "diet" in asked
    result = run.result()
    assert result.levels == ("urgent",) and not result.stopped and result.routine == ""


def test_progress_counts_the_questions_that_may_still_be_asked(run: QuizRun) -> None:
    start = run.progress
    for key in SAFETY:
        run.choose(chosen(NEUTRAL[key]))
    run.answer("urge")  # the four restless-legs questions now apply: they were counted already
    assert run.progress[0] == len(SAFETY) + 2 and run.progress[1] == start[1] - 2
    assert run.current is not None and run.current.key == "rls-rest"


@pytest.mark.parametrize(
    "answers",
    [
        NEUTRAL,
        DESK_JOB,
        {**NEUTRAL, "how-often": "often"},
        {**NEUTRAL, "conditions": ("metabolic", "dialysis")},
    ],
)
def test_the_total_never_grows_and_says_when_it_is_at_most(
    run: QuizRun, answers: dict[str, Answer]
) -> None:
    assert run.total_is_most  # follow-ups are counted before their question is answered
    seen: list[tuple[int, int]] = []
    while (question := run.current) is not None:
        seen.append(run.progress)
        given = answers.get(question.key, question.options[0].key)
        run.choose([given] if isinstance(given, str) else list(given))
    totals = [total for _number, total in seen]
    assert totals == sorted(totals, reverse=True), seen
    assert seen[-1][0] == len(run.questions())  # the last question asked was the last one


@pytest.mark.parametrize(
    ("answers", "skipped", "asked"),
    [
        (NEUTRAL, None, "pregnant"),  # asked of everyone: no gate a pregnant woman can fail
        ({**NEUTRAL, "sensation": "tight"}, None, "long-cramp"),  # whatever the cramp felt like
        (NEUTRAL, "rls-rest", None),
        ({**NEUTRAL, "sensation": "knot"}, "rls-rest", None),
        (NEUTRAL, "daytime-tired", None),
        ({**NEUTRAL, "how-often": "often", "daytime-tired": "no"}, None, "daytime-tired"),
        (NEUTRAL, "child-signs", "age"),
        ({**NEUTRAL, "age": "under-18", "child-signs": "no"}, None, "child-signs"),
        ({**NEUTRAL, "fluid-limit": "yes"}, "water", "fluid-limit"),  # the team's limit decides
        (NEUTRAL, "one-leg-with", "water"),
        (NEUTRAL, "swollen-with", "quinine"),
    ],
)
def test_questions_that_do_not_apply_are_skipped(
    run: QuizRun, answers: dict[str, Answer], skipped: str | None, asked: str | None
) -> None:
    keys = answer_all(run, answers)
    assert skipped is None or skipped not in keys
    assert asked is None or asked in keys


def test_going_back_keeps_answers_and_can_change_them(run: QuizRun) -> None:
    for key in SAFETY:
        run.choose(chosen(NEUTRAL[key]))
    run.answer("urge")
    run.answer("yes")
    assert run.back() and run.back()
    assert run.current is not None and run.current.key == "sensation"
    assert run.previous_answer() == "urge"
    run.answer("knot")
    assert run.current is not None and run.current.key == "age"
    assert "rls-rest" not in run.result().answers  # the urge answer no longer applies


def test_a_choose_all_question_keeps_every_answer(run: QuizRun) -> None:
    answer_all(run, {**NEUTRAL, "conditions": ("metabolic", "heart-failure")})
    assert run.answers["conditions"] == ("metabolic", "heart-failure")


def test_a_choose_all_answer_that_cannot_go_with_others_is_refused(run: QuizRun) -> None:
    while run.current is not None and run.current.key != "conditions":
        run.choose(chosen(NEUTRAL[run.current.key]))
    with pytest.raises(AnswerError, match="cannot go with other answers"):
        run.choose(["none", "metabolic"])
    with pytest.raises(AnswerError, match="choose each answer once"):
        run.choose([])
    assert run.current is not None and run.current.key == "conditions"  # nothing was kept


def test_several_answers_to_a_one_answer_question_are_refused(run: QuizRun) -> None:
    with pytest.raises(AnswerError, match="choose one answer"):
        run.choose(["none", "stroke"])
    assert run.answers == {}


def test_back_at_the_first_question_does_nothing(run: QuizRun) -> None:
    assert run.back() is False
    assert run.progress[0] == 1


@pytest.mark.parametrize(("number", "taken"), [(0, False), (1, True), (5, True), (6, False)])
def test_number_keys_pick_an_answer_in_range(run: QuizRun, number: int, taken: bool) -> None:
    assert run.answer_number(number) is taken


def test_answering_after_the_end_is_an_error(run: QuizRun) -> None:
    answer_all(run, NEUTRAL)
    with pytest.raises(RuntimeError):
        run.answer("no")
