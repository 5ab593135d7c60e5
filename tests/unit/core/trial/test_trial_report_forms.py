"""Every form of the report carries every item (issue 24): text, `--format md`, `--format
json` and the doctor's Markdown export; the Trial screen is read in tests/app."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from support.trial_builders import REPORT_ITEMS, a_fall_on_the_first_night, live_trial

from legease_tui.core.clock import FakeClock
from legease_tui.core.trial.adherence import arms_testing
from legease_tui.core.trial.design import ROUTINE_ARMS, TrialDesign
from legease_tui.core.trial.document import BlockRow, block_line
from legease_tui.core.trial.enough import how_likely
from legease_tui.core.trial.report import TrialReport, build_report
from legease_tui.core.trial.report_forms import report_document_json, report_markdown, report_text
from legease_tui.core.trial.summary import doctor_section
from legease_tui.core.trial.words import plan_in_words
from legease_tui.services import Services

EVENING = datetime(2026, 12, 3, 21, 0).astimezone()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(EVENING)


@pytest.fixture
def report(services: Services, clock: FakeClock) -> TrialReport:
    arms = arms_testing(ROUTINE_ARMS, services.routines, "calf-hamstring")
    design = TrialDesign(EVENING.date(), 3, block=2, pairs=4, washout=0, arms=arms)
    trial = live_trial(services, clock, design, lambda night: 1.0 + night.arm + night.number % 2)
    a_fall_on_the_first_night(services, design)
    assert services.log is not None
    return build_report(
        trial, services.log, clock.now(), with_result=True, routines=services.routines
    )


@pytest.fixture
def varied_report(services: Services, clock: FakeClock) -> TrialReport:
    """A finished trial whose pairs differ by different amounts: "will it help me enough?"
    has an answer."""
    design = TrialDesign(EVENING.date(), 3, block=2, pairs=4, washout=0).chosen()
    trial = live_trial(
        services, clock, design, lambda n: float(n.pair % 3) if n.arm == 0 else 2.0 + n.pair % 2
    )
    assert services.log is not None
    return build_report(trial, services.log, clock.now(), with_result=True)


def _unescaped(markdown: str) -> str:
    return markdown.replace("\\", "")


def test_each_form_carries_each_item(services: Services, report: TrialReport) -> None:
    assert services.log is not None
    document = report_document_json(report, interim=False)
    forms = {
        "text": report_text(report, interim=False),
        "md": _unescaped(report_markdown(report, interim=False)),
        "json": json.dumps(document, ensure_ascii=False),
        "doctor": _unescaped(doctor_section(services.log, services.routines)),
    }
    for form, text in forms.items():
        for item, phrase in REPORT_ITEMS.items():
            assert phrase in text, f"{form} lacks {item}"


def test_the_json_holds_the_figures_per_arm_and_block(report: TrialReport) -> None:
    document = json.loads(json.dumps(report_document_json(report, interim=False)))
    routine, other = document["arms"]
    assert (routine["nights"], other["nights"]) == (8, 8)
    assert routine["mean"] == pytest.approx(1.5) and other["mean"] == pytest.approx(2.5)
    assert routine["followed"] == 8 and other["followed"] == 8
    fell = document["nights"][0]
    assert fell["went_wrong"] == ["fall"]
    assert document["arms"][fell["arm"] != "routine"]["went_wrong"]["fall"] == 1
    assert len(document["block_rows"]) == 8
    assert document["design"]["tested"][0]["steps"][:2] == ["Calf stretch", "Hamstring stretch"]


def test_the_markdown_draws_the_timeline_as_fixed_width_text(report: TrialReport) -> None:
    markdown = report_markdown(report, interim=False)
    drawing = markdown.split("```")[1].strip().splitlines()
    assert [row.split()[0] for row in drawing] == ["Night", "Arm", "Counted", "Outcome", "Followed"]
    assert drawing[1].split()[1:] == [
        "R" if night.planned.arm == 0 else "N" for night in report.nights
    ]
    assert drawing[3].split()[1:] == [f"{night.outcome:g}" for night in report.nights]


def test_will_it_help_enough_is_said_drawn_and_recomputable_from_the_json(
    varied_report: TrialReport,
) -> None:
    report = varied_report
    text = report_text(report, interim=False)
    assert "Will routine help you enough? A second answer beside the exact test (which " in text
    assert "by at least 0.14 cramps a night (about 1 a week) is" in text
    assert "helps enough" in text and "too small to matter" in text and "worse enough" in text
    assert "Student's t with n - 1 degrees of freedom" in text and "Here n = 4 pairs" in text
    document = json.loads(json.dumps(report_document_json(report, interim=False)))
    enough = document["enough"]
    complete = [d for d in document["result"]["pair_differences"] if d is not None]
    again = how_likely(complete, enough["worthwhile"], document["design"]["better"])
    assert (again.better, again.between, again.worse) == (
        enough["helps_enough"],
        enough["too_small"],
        enough["worse_enough"],
    )
    assert enough["helps_enough"] + enough["too_small"] + enough["worse_enough"] == pytest.approx(1)
    assert "INTERIM LOOK — Will routine help you enough?" in report_text(report, interim=True)


def test_a_plan_without_a_worthwhile_change_says_there_is_no_answer(
    services: Services, clock: FakeClock
) -> None:
    design = TrialDesign(EVENING.date(), 3, block=2, pairs=4, washout=0)  # as older plans
    trial = live_trial(services, clock, design, lambda n: float(n.pair % 3 + n.arm))
    assert services.log is not None
    report = build_report(trial, services.log, clock.now(), with_result=True)
    assert "no answer — no smallest worthwhile change was chosen" in report_text(
        report, interim=False
    )
    assert report_document_json(report, interim=False)["enough"]["reason"]


def test_the_plan_shows_the_default_worthwhile_change_per_outcome() -> None:
    for outcome, words in (
        ("cramps", "0.14 cramps a night (about 1 a week)"),
        ("tension", "2 points"),
        ("worst-cramp", "1 point"),
        ("quality", "0.5 points"),
    ):
        design = TrialDesign(EVENING.date(), 3, outcome=outcome).chosen()
        plan = " ".join(plan_in_words(design))
        assert f"Smallest change worth the trouble, chosen now: {words}." in plan


def test_a_block_with_one_counted_night_says_night_not_nights() -> None:
    one = BlockRow(pair=1, arm="no routine", first_night=date(2026, 12, 5), counted=1, mean=0.0)
    two = replace(one, counted=2)
    assert "· 1 night counted ·" in block_line(one)
    assert "· 2 nights counted ·" in block_line(two)


def test_a_heading_that_asks_a_question_is_not_followed_by_a_colon(report: TrialReport) -> None:
    text = report_text(report, interim=True)
    assert "?:" not in text
    assert "\nWill it help me enough?\n" in text


def test_the_markdown_keeps_the_bar_drawing_in_one_fixed_width_block(
    varied_report: TrialReport,
) -> None:
    report = varied_report
    markdown = report_markdown(report, interim=False)
    section = markdown[markdown.index("## Will it help me enough?") :]
    section = section[: section.index("\n## ", 1)]
    opened = section.index("```\n") + 4
    block = section[opened : section.index("\n```", opened)]
    assert [row.split("  ")[0] for row in block.splitlines()] == [
        "helps enough",
        "too small to matter",
        "worse enough",
    ]
    assert "\\#" not in section
