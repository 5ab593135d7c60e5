"""Tonight's routine fitted to the person the latest symptom check describes (issue 21): the
routines and the check meet only here."""

from __future__ import annotations

from datetime import date

from quiz_helpers import NEUTRAL, with_answers

from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.checks import CheckRepository
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Answer
from legease_tui.core.quiz.scoring import score_answers
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.tonight import (
    clinician_first_tonight,
    read_last_check,
    routine_for_person,
)
from legease_tui.services import Services

CONTENT = load_content()
ROUTINES = {routine.key: routine for routine in BUILT_IN}
FULL_UNWIND = ROUTINES["full-unwind"]


def _saved(services: Services, answers: dict[str, Answer]) -> None:
    assert services.checks is not None
    services.checks.save(score_answers(CONTENT, answers))


def _titles(services: Services) -> list[str]:
    return [step.title for step in services.for_person(FULL_UNWIND).steps]


def test_without_a_check_the_routine_runs_as_it_is(services: Services) -> None:
    assert services.for_person(FULL_UNWIND) == FULL_UNWIND


def test_heart_failure_in_the_latest_check_leaves_out_legs_up_the_wall(
    services: Services,
) -> None:
    _saved(services, with_answers(conditions=("heart-failure",)))
    fitted = services.for_person(FULL_UNWIND)
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
    assert routine_for_person(FULL_UNWIND, None, CONTENT) == FULL_UNWIND


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
