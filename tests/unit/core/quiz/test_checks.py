"""Saved checks: records in the `checks` table, the previous check, the note in tonight's log."""

from __future__ import annotations

import stat
from datetime import date, datetime
from typing import Any

import pytest
from support.quiz_helpers import DESK_JOB, NEUTRAL, with_answers

from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.checks import CheckRepository, record_to_result
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Answer
from legease_tui.core.quiz.scoring import score_answers
from legease_tui.services import Services
from legease_tui.settings.paths import Paths

CONTENT = load_content()


@pytest.fixture
def checks(services: Services, clock: FakeClock) -> CheckRepository:
    assert services.store is not None
    return CheckRepository(services.store, clock, CONTENT)


def test_a_saved_check_keeps_answers_ranking_and_a_summary(
    checks: CheckRepository, services: Services
) -> None:
    record = checks.save(score_answers(CONTENT, DESK_JOB))
    assert record["night"] == "2026-11-24"
    assert record["taken_at"].startswith("2026-11-24T21:30")
    assert record["answers"]["water"] == "little"
    assert record["ranked"][0]["cause"] == "dehydration"
    assert "you drank very little water today" in record["ranked"][0]["reasons"]
    assert record["summary"] == "Symptom check: most likely water, then sitting and exercise"
    assert record["signs"] == [] and record["levels"] == []
    assert record["answers"]["conditions"] == ["none"]
    assert services.store is not None
    assert stat.S_IMODE(services.store.path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "answers",
    [
        {**DESK_JOB, "medicine": "statin", "conditions": ("metabolic", "heart-failure")},
        {**DESK_JOB, "long-cramp": "yes"},
        {"emergency": "stroke"},
    ],
)
def test_a_record_reads_back_as_the_same_result(
    checks: CheckRepository, answers: dict[str, Answer]
) -> None:
    result = score_answers(CONTENT, answers)
    assert record_to_result(checks.save(result), CONTENT) == result


@pytest.mark.parametrize(
    ("answers", "summary"),
    [
        (
            {"emergency": "back"},
            "Symptom check: emergency signs. See a clinician first; stretching is not a "
            "treatment for this.",
        ),
        (
            {"emergency": "none", "one-leg": "one", "one-leg-with": "none"},
            "Symptom check: signs that need advice today. See a clinician first; stretching is "
            "not a treatment for this.",
        ),
        (
            {**DESK_JOB, "long-cramp": "wound"},
            "Symptom check: most likely water, then sitting and exercise; signs that need an "
            "urgent appointment. See a clinician first; stretching is not a treatment for this.",
        ),
    ],
)
def test_a_check_with_a_see_a_clinician_sign_says_so_and_offers_no_routine(
    checks: CheckRepository, answers: dict[str, Answer], summary: str
) -> None:
    result = score_answers(CONTENT, answers)
    record = checks.save(result)
    assert record["summary"] == summary and record["routine"] == ""
    note, tags = checks.note_for(result)
    assert note == f"21:30 {summary}" and note.endswith(CONTENT.no_routine)
    assert tags[0] == "symptom-check"


def test_last_previous_and_the_night_each_check_belongs_to(
    checks: CheckRepository, clock: FakeClock
) -> None:
    assert checks.last() is None
    first = checks.save(score_answers(CONTENT, NEUTRAL))
    clock.advance(6 * 3600)  # 03:30, still the same night
    second = checks.save(score_answers(CONTENT, DESK_JOB))
    clock.advance(20 * 3600)  # the next evening
    third = checks.save(score_answers(CONTENT, NEUTRAL))
    last = checks.last()
    assert last is not None and last["id"] == third["id"]
    previous = checks.previous(third["id"])
    assert previous is not None and previous["id"] == second["id"]
    assert checks.previous(first["id"]) is None
    assert first["night"] == second["night"] == "2026-11-24" != third["night"]


def test_save_and_compare_compares_with_the_check_before(checks: CheckRepository) -> None:
    stressed_and_dry = with_answers(stress="very", racing="yes", water="little")
    _, first = checks.save_and_compare(score_answers(CONTENT, stressed_and_dry))
    assert first == ""
    _, comparison = checks.save_and_compare(
        score_answers(CONTENT, with_answers(stress="very", racing="yes"))
    )
    assert comparison == "water: better; stress: high both times"


def test_the_note_names_the_time_and_the_likely_causes(checks: CheckRepository) -> None:
    note, tags = checks.note_for(score_answers(CONTENT, DESK_JOB))
    assert note == "21:30 Symptom check: most likely water, then sitting and exercise."
    assert tags == ["symptom-check", "dehydration", "exertion"]


def test_quiz_last_prints_the_last_check(
    home: Paths, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert services.store is not None
    clock = FakeClock(datetime(2026, 11, 24, 22, 5).astimezone())
    CheckRepository(services.store, clock, CONTENT).save(score_answers(CONTENT, DESK_JOB))
    assert main(["quiz", "--last", "--home", str(home.data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("LegEase symptom check — 2026-11-24 22:05")
    assert "Not medical advice" in out
    assert out.index("1. Too little fluid") < out.index("2. Long sitting or hard exercise")
    assert "you sat for more than 8 hours today" in out
    assert "SUGGESTED ROUTINE: Calf & hamstring" in out
    assert "How much water did you drink today?  Very little" in out


LEGACY_URGENT = {
    "taken_at": "2026-11-20T22:05:00+00:00",
    "night": "2026-11-20",
    "answers": {"one-leg": "one"},
    "ranked": [],
    "urgent": True,
    "warnings": [],
    "rls_criteria": [],
    "routine": "",
    "routine_why": "",
    "summary": "Symptom check: one leg painful or swollen — urgent advice shown",
}
LEGACY_CRAMP = {
    "taken_at": "2026-11-21T22:05:00+00:00",
    "night": "2026-11-21",
    "answers": {
        "one-leg": "no",
        "long-cramp": "yes",
        "sensation": "knot",
        "cramp-length": "medium",
        "conditions": "metabolic",
        "how-often": "often",
    },
    "ranked": [
        {"cause": "medical", "score": 6, "reasons": ["a cramp lasted more than 10 minutes"]}
    ],
    "urgent": False,
    "warnings": ["long-cramp", "frequent"],
    "rls_criteria": [],
    "routine": "calf-hamstring",
    "routine_why": "For cramps: the calf and hamstring stretches from a bedtime trial.",
    "summary": "Symptom check: most likely health conditions; 2 warning signs",
}


def save_raw(services: Services, *records: dict[str, Any]) -> None:
    assert services.store is not None
    with services.store.transaction() as db:
        for record in records:
            db.table("checks", cache_size=0).insert(record)


def test_checks_saved_before_the_levels_still_read() -> None:
    urgent = record_to_result(LEGACY_URGENT, CONTENT)
    assert urgent.signs == ("clot",) and urgent.levels == ("today",) and urgent.stopped
    cramp = record_to_result(LEGACY_CRAMP, CONTENT)
    assert cramp.signs == ("long-cramp", "frequent") and cramp.levels == ("urgent", "gp")
    assert cramp.answers["conditions"] == "metabolic"
    assert cramp.routine == ""  # a cramp over 10 minutes now asks for an urgent appointment


def test_quiz_last_prints_an_urgent_check_saved_before_the_levels(
    home: Paths, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    save_raw(services, LEGACY_URGENT)
    assert main(["quiz", "--last", "--home", str(home.data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("GET MEDICAL ADVICE TODAY")
    assert CONTENT.signs["clot"].text in out
    assert "LegEase symptom check — 2026-11-20 22:05" in out


def test_quiz_last_prints_a_check_saved_before_the_levels_with_no_routine(
    home: Paths, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    save_raw(services, LEGACY_URGENT, LEGACY_CRAMP)
    assert main(["quiz", "--last", "--home", str(home.data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.index("ASK FOR AN URGENT APPOINTMENT") < out.index("SEE YOUR GP")
    assert "No routine tonight. See a clinician first" in out and "SUGGESTED ROUTINE" not in out
    assert "1. A health condition or medicine (score 6)" in out
    assert "Do you live with any of these? Choose all that apply.  Diabetes, or kidney" in out
    assert "  cramp-length: medium" in out  # a question no longer asked: still shown


def test_the_log_shows_checks_saved_before_the_levels(services: Services) -> None:
    save_raw(services, LEGACY_URGENT)
    assert services.log is not None
    [item] = services.log.timeline(date(2026, 11, 20))
    assert item.summary == "Symptom check: one leg painful or swollen — urgent advice shown"


def test_quiz_last_without_a_check_says_so(home: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--home", str(home.data_dir), "quiz", "--last"]) == 1
    assert "No symptom check saved yet" in capsys.readouterr().err
