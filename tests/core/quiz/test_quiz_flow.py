"""One run through the check: progress, skipping, going back, stopping for a red flag."""

from __future__ import annotations

import pytest
from quiz_helpers import DESK_JOB, NEUTRAL, answer_all

from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.flow import QuizRun


@pytest.fixture
def run() -> QuizRun:
    return QuizRun(load_content())


def test_red_flags_come_first(run: QuizRun) -> None:
    asked = answer_all(run, DESK_JOB)
    assert asked[:4] == ["one-leg", "both-swollen", "nerve", "long-cramp"]
    assert run.finished and not run.stopped_urgent


def test_a_painful_leg_ends_the_check_at_once(run: QuizRun) -> None:
    run.answer("one")
    assert run.finished and run.stopped_urgent
    assert run.current is None
    assert run.back() is False
    assert run.result().urgent


def test_progress_counts_the_questions_that_may_still_be_asked(run: QuizRun) -> None:
    start = run.progress
    for _ in range(4):  # the four safety questions
        run.answer("no")
    run.answer("knot")  # the cramp-length question now applies: it was counted already
    assert run.progress[0] == 6 and run.progress[1] < start[1]  # the urge's follow-ups ruled out
    assert run.current is not None and run.current.key == "cramp-length"


@pytest.mark.parametrize("answers", [NEUTRAL, DESK_JOB, {**NEUTRAL, "how-often": "often"}])
def test_the_total_never_grows_and_says_when_it_is_at_most(
    run: QuizRun, answers: dict[str, str]
) -> None:
    assert run.total_is_most  # follow-ups are counted before their question is answered
    seen: list[tuple[int, int]] = []
    while (question := run.current) is not None:
        seen.append(run.progress)
        run.answer(answers.get(question.key, question.options[0].key))
    totals = [total for _number, total in seen]
    assert totals == sorted(totals, reverse=True), seen
    assert seen[-1][0] == len(run.questions())  # the last question asked was the last one


@pytest.mark.parametrize(
    ("answers", "skipped", "asked"),
    [
        (NEUTRAL, None, "pregnant"),  # asked of everyone: no gate a pregnant woman can fail
        ({**NEUTRAL, "sensation": "tight"}, None, "long-cramp"),  # whatever the cramp felt like
        (NEUTRAL, "rls-rest", None),
        ({**NEUTRAL, "sensation": "knot", "cramp-length": "short"}, "rls-rest", "cramp-length"),
        (NEUTRAL, "daytime-tired", None),
        ({**NEUTRAL, "how-often": "often", "daytime-tired": "no"}, None, "daytime-tired"),
    ],
)
def test_questions_that_do_not_apply_are_skipped(
    run: QuizRun, answers: dict[str, str], skipped: str | None, asked: str | None
) -> None:
    keys = answer_all(run, answers)
    assert skipped is None or skipped not in keys
    assert asked is None or asked in keys


def test_going_back_keeps_answers_and_can_change_them(run: QuizRun) -> None:
    for _ in range(4):
        run.answer("no")
    run.answer("knot")
    run.answer("medium")
    assert run.back() and run.back()
    assert run.current is not None and run.current.key == "sensation"
    assert run.previous_answer() == "knot"
    run.answer("urge")
    assert run.current is not None and run.current.key == "rls-rest"
    assert "cramp-length" not in run.result().answers  # the cramp answer no longer applies


def test_back_at_the_first_question_does_nothing(run: QuizRun) -> None:
    assert run.back() is False
    assert run.progress[0] == 1


@pytest.mark.parametrize(("number", "taken"), [(0, False), (1, True), (2, True), (3, False)])
def test_number_keys_pick_an_answer_in_range(run: QuizRun, number: int, taken: bool) -> None:
    assert run.answer_number(number) is taken


def test_answering_after_the_end_is_an_error(run: QuizRun) -> None:
    answer_all(run, NEUTRAL)
    with pytest.raises(RuntimeError):
        run.answer("no")
