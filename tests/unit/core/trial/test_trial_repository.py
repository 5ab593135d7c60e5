"""One trial at a time in the data file; tonight's arm; progress; the report and its JSON."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from legease_tui.core.clock import FakeClock
from legease_tui.core.log.diary.entry import NightEntry
from legease_tui.core.routine.outcome import SessionOutcome
from legease_tui.core.trial.analysis import HELPS, NightRecord, analyse
from legease_tui.core.trial.design import TrialDesign
from legease_tui.core.trial.report import build_report, report_json
from legease_tui.core.trial.report_forms import report_markdown
from legease_tui.core.trial.repository import ROUTINE_ON_CONTROL, STOPPED, TrialError
from legease_tui.services import Services

EVENING = datetime(2026, 12, 3, 21, 0).astimezone()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(EVENING)


def test_a_second_start_is_refused_and_stop_keeps_the_trial(
    services: Services, clock: FakeClock
) -> None:
    trials = services.trial
    assert trials is not None
    trial = trials.start(TrialDesign(EVENING.date(), 7))
    with pytest.raises(TrialError, match="already running"):
        trials.start(TrialDesign(EVENING.date(), 8))
    stopped = trials.stop()
    assert stopped.status == STOPPED and stopped.design == trial.design
    assert trials.running() is None and trials.latest() == stopped
    with pytest.raises(TrialError, match="no trial is running"):
        trials.stop()
    trials.start(TrialDesign(EVENING.date(), 9))  # a new one may start after a stop


def test_tonight_names_the_arm_and_night_number(services: Services, clock: FakeClock) -> None:
    trials = services.trial
    assert trials is not None
    design = trials.start(TrialDesign(EVENING.date(), 7)).design
    for planned in design.nights()[:7]:
        tonight = trials.tonight_in_trial()
        assert tonight is not None and tonight.night == planned
        label = design.arms[planned.arm].label
        assert tonight.line().startswith(f"Trial night {planned.number} of 36 · tonight: {label}")
        assert trials.is_no_routine_night() is (planned.arm == 1)
        clock.advance(86400)


def test_the_plan_ends_the_morning_after_its_last_night(
    services: Services, clock: FakeClock
) -> None:
    trials = services.trial
    assert trials is not None
    design = trials.start(TrialDesign(EVENING.date(), 7, block=2, pairs=4, washout=0)).design
    clock.set_wall(datetime.combine(design.last_night, EVENING.timetz()))
    assert trials.running() is not None
    clock.advance(12 * 3600)  # 09:00 the morning after
    assert trials.running() is None
    assert trials.latest() is not None and trials.latest().state(clock.now().date()) == "finished"  # type: ignore[union-attr]


def _session(night_evening: datetime) -> SessionOutcome:
    return SessionOutcome("calf-hamstring", "Calf & hamstring", night_evening, 341, 341, 3, 3, True)


def test_a_whole_trial_reports_a_result_recomputable_from_its_json(
    services: Services, clock: FakeClock
) -> None:
    trials, log = services.trial, services.log
    assert trials is not None and log is not None
    design = trials.start(TrialDesign(EVENING.date(), 3)).design
    for planned in design.nights():
        evening = datetime.combine(planned.night, EVENING.timetz())
        clock.set_wall(evening)
        if planned.arm == 0:
            log.record_session(_session(evening))
        if planned.number == 5 and planned.arm == 1:
            log.record_session(_session(evening))
            trials.record_deviation(planned.night, ROUTINE_ON_CONTROL)
        clock.set_wall(evening + timedelta(hours=12))  # the morning check-in
        if planned.number != 8:  # one night never logged
            cramps = (planned.number % 2) if planned.arm == 0 else 2 + planned.number % 2
            log.add(NightEntry(planned.night, cramps=cramps))
    report = build_report(trials.latest(), log, clock.now(), with_result=True)  # type: ignore[arg-type]
    assert report.state == "finished"
    assert report.progress.missing == 1 and report.progress.logged == 35
    document = json.loads(json.dumps(report_json(report)))
    assert set(document) >= {"design", "blocks", "nights", "result"}
    assert document["result"]["verdict"] == HELPS
    # Recompute from the file alone.
    arms = document["design"]["arms"]
    nights = [
        NightRecord(n["pair"], arms.index(n["arm"]), n["counted"], n["outcome"], n["followed"])
        for n in document["nights"]
    ]
    again = analyse(nights, document["design"]["pairs"], document["design"]["better"])
    assert again.primary.statistic == document["result"]["statistic"]
    assert again.primary.p_value == document["result"]["p_value"]
    by_hand = [
        [n["outcome"] for n in document["nights"] if n["arm"] == arm and n["counted"]
         and n["outcome"] is not None]
        for arm in arms
    ]  # fmt: skip
    assert document["result"]["statistic"] == pytest.approx(
        sum(by_hand[0]) / len(by_hand[0]) - sum(by_hand[1]) / len(by_hand[1])
    )
    deviated = [n for n in document["nights"] if n["followed"] is False]
    assert len(deviated) == 1 and document["progress"]["deviations"] == 1
    per_arm = document["result"]["per_protocol"]["nights_per_arm"]
    assert sum(per_arm.values()) == sum(document["result"]["nights_per_arm"].values()) - (
        1 if next(n for n in document["nights"] if n["followed"] is False)["counted"] else 0
    )
    markdown = report_markdown(report, interim=False, heading="##")
    assert "## Personal trial: routine vs no routine" in markdown
    assert (
        "Verdict: fewer cramps on routine nights" in markdown
        and "does not replace a clinician" in markdown
    )


def test_no_result_before_the_plan_ends(services: Services, clock: FakeClock) -> None:
    trials, log = services.trial, services.log
    assert trials is not None and log is not None
    trial = trials.start(TrialDesign(EVENING.date(), 3))
    clock.advance(3 * 86400)
    report = build_report(trial, log, clock.now(), with_result=False)
    assert report.result is None and report.state == "running"
    assert report.progress.night_number == 4 and report.progress.missing == 3


def test_a_trial_started_in_the_morning_begins_that_evening(
    services: Services, clock: FakeClock
) -> None:
    from legease_tui.core.trial.words import progress_words

    trials, log = services.trial, services.log
    assert trials is not None and log is not None
    clock.set_wall(EVENING - timedelta(hours=12))  # 09:00
    trial = trials.start(TrialDesign(clock.now().date(), 3))
    report = build_report(trial, log, clock.now(), with_result=False)
    assert progress_words(report) == "Not begun: the first of its 36 nights is 2026-12-03"
    for hours in (0, 12):  # this morning (Home, the reminder) and this evening name night 1
        clock.advance(hours * 3600)
        tonight = trials.tonight_in_trial()
        assert tonight is not None and tonight.night.number == 1
        assert tonight.line().startswith("Trial night 1 of 36 · tonight: ")


def test_an_interim_look_with_no_nights_claims_nothing(
    services: Services, clock: FakeClock
) -> None:
    from legease_tui.core.trial.words import result_lines

    trials, log = services.trial, services.log
    assert trials is not None and log is not None
    trial = trials.start(TrialDesign(EVENING.date(), 3))
    lines = result_lines(build_report(trial, log, clock.now(), with_result=True), interim=True)
    assert lines[0].startswith("INTERIM LOOK")
    assert "Verdict: not enough nights to compare." in lines
    assert not any("extra pairs" in line or "more pair" in line for line in lines)


def test_a_trial_saved_by_a_newer_legease_is_refused_not_misread(
    services: Services, clock: FakeClock
) -> None:
    trials = services.trial
    assert trials is not None
    trials.start(TrialDesign(EVENING.date(), 3))
    with services.store.transaction() as db:  # type: ignore[union-attr]
        db.table("trials", cache_size=0).update({"version": 2})
    with pytest.raises(TrialError, match="newer LegEase"):
        trials.latest()
    with pytest.raises(TrialError, match="newer LegEase"):
        trials.start(TrialDesign(EVENING.date(), 4))
