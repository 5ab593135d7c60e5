"""Saved checks: records in the `checks` table, the previous check, the note in tonight's log."""

from __future__ import annotations

import stat
from datetime import datetime

import pytest
from quiz_helpers import DESK_JOB, NEUTRAL, with_answers

from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.checks import CheckRepository, record_to_result
from legease_tui.core.quiz.content import load_content
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
    assert record["urgent"] is False
    assert services.store is not None
    assert stat.S_IMODE(services.store.path.stat().st_mode) == 0o600


def test_a_record_reads_back_as_the_same_result(checks: CheckRepository) -> None:
    result = score_answers(CONTENT, {**DESK_JOB, "medicine": "statin"})
    assert record_to_result(checks.save(result)) == result


def test_an_urgent_check_is_saved_with_an_urgent_summary(checks: CheckRepository) -> None:
    record = checks.save(score_answers(CONTENT, {"one-leg": "one"}))
    assert record["urgent"] is True and record["ranked"] == []
    assert "urgent" in record["summary"]


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


def test_quiz_last_without_a_check_says_so(home: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--home", str(home.data_dir), "quiz", "--last"]) == 1
    assert "No symptom check saved yet" in capsys.readouterr().err
