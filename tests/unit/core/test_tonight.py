"""Decisions about tonight (core/tonight.py): which routine tonight is and which the reminder
offers; that routine fitted to the person the latest symptom check describes (issue 21); whether
tonight's check says to see a clinician first. The routines and the check meet only here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from support.quiz_helpers import NEUTRAL, with_answers

from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.checks import CheckRepository
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Answer, QuizContent
from legease_tui.core.quiz.scoring import score_answers
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.files import load_library
from legease_tui.core.routine.model import Routine
from legease_tui.core.tonight import (
    clinician_first_tonight,
    last_check,
    read_last_check,
    routine_for_person,
    routine_for_reminder,
    routine_for_tonight,
)
from legease_tui.services import Services

CONTENT = load_content()
ROUTINES = {routine.key: routine for routine in BUILT_IN}
FULL_UNWIND = ROUTINES["full-unwind"]


def _saved(services: Services, answers: dict[str, Answer]) -> None:
    assert services.checks is not None
    services.checks.save(score_answers(CONTENT, answers))


def _fitted(services: Services, routine: Routine) -> Routine:
    return routine_for_person(routine, last_check(services.store, lambda: services.quiz_content))


def _titles(services: Services) -> list[str]:
    return [step.title for step in _fitted(services, FULL_UNWIND).steps]


def test_tonights_routine_is_the_configured_one_else_the_default(tmp_path: Path) -> None:
    library = load_library(tmp_path)
    assert routine_for_tonight(library, "quick-reset").key == "quick-reset"
    assert routine_for_tonight(library, "no-such-routine").key == "calf-hamstring"


def test_the_reminder_offers_its_own_routine_else_tonights(tmp_path: Path) -> None:
    library = load_library(tmp_path)
    assert routine_for_reminder(library, "full-unwind", "quick-reset").key == "full-unwind"
    assert routine_for_reminder(library, "", "quick-reset").key == "quick-reset"
    assert routine_for_reminder(library, "gone", "gone-too").key == "calf-hamstring"


def test_without_a_check_the_routine_runs_as_it_is(services: Services) -> None:
    assert _fitted(services, FULL_UNWIND) == FULL_UNWIND


def test_without_a_saved_check_the_quiz_content_is_not_loaded(services: Services) -> None:
    def content() -> QuizContent:
        raise AssertionError("no check to read: the quiz content is not needed")

    assert last_check(services.store, content) is None
    assert last_check(None, content) is None


def test_heart_failure_in_the_latest_check_leaves_out_legs_up_the_wall(
    services: Services,
) -> None:
    _saved(services, with_answers(conditions=("heart-failure",)))
    fitted = _fitted(services, FULL_UNWIND)
    assert "Legs up the wall" not in [step.title for step in fitted.steps]
    assert fitted.person_notes[0].startswith("Legs up the wall is left out: not with poor ")
    assert fitted.total_seconds < FULL_UNWIND.total_seconds


def test_the_latest_check_counts_not_an_older_one(services: Services, clock: FakeClock) -> None:
    _saved(services, with_answers(circulation="walking"))
    assert "Legs up the wall" not in _titles(services)
    clock.advance(3600)
    _saved(services, NEUTRAL)
    assert "Legs up the wall" in _titles(services)


def test_a_check_record_that_cannot_be_read_fits_nothing() -> None:
    assert read_last_check({"answers": 7, "night": "2026-12-05"}, CONTENT) is None
    assert read_last_check({"answers": {}, "night": "not a date"}, CONTENT) is None
    assert read_last_check(None, CONTENT) is None
    assert routine_for_person(FULL_UNWIND, None) == FULL_UNWIND


def test_only_a_check_taken_tonight_with_a_no_routine_sign_says_clinician_first() -> None:
    taken = {"night": "2026-12-05", "taken_at": "2026-12-05T22:00:00"}
    barred = score_answers(CONTENT, with_answers(long_cramp="yes"))
    assert barred.routine_barred
    answers = {k: v if isinstance(v, str) else list(v) for k, v in barred.answers.items()}
    record = {**taken, "answers": answers, "signs": list(barred.signs)}
    last = read_last_check(record, CONTENT)
    assert clinician_first_tonight(last, date(2026, 12, 5))
    assert not clinician_first_tonight(last, date(2026, 12, 6))
    calm = read_last_check({**taken, "answers": {}, "signs": []}, CONTENT)
    assert not clinician_first_tonight(calm, date(2026, 12, 5))


def test_the_repository_and_the_fitting_agree_on_a_saved_check(services: Services) -> None:
    checks = services.checks
    assert isinstance(checks, CheckRepository)
    _saved(services, with_answers(pregnant="yes"))
    last = read_last_check(checks.last(), CONTENT)
    assert last is not None and last.result.answers["pregnant"] == "yes"
    assert "Legs up the wall" not in _titles(services)
