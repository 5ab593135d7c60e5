"""Scoring: answers in, ranked causes out, each with its reasons; warnings; restless legs."""

from __future__ import annotations

import pytest
from quiz_helpers import DESK_JOB, NEUTRAL, with_answers

from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.report import report_text, rls_lines
from legease_tui.core.quiz.scoring import (
    RLS_REASON,
    AnswerError,
    CheckResult,
    compare_checks,
    score_answers,
)

CONTENT = load_content()


def score(answers: dict[str, str]) -> CheckResult:
    return score_answers(CONTENT, answers)


def test_neutral_answers_raise_nothing() -> None:
    result = score(NEUTRAL)
    assert all(item.score == 0 for item in result.ranked)
    assert result.warnings == ()
    assert [item.cause for item in result.ranked] == list(CONTENT.causes)


@pytest.mark.parametrize(
    ("answers", "top", "reason"),
    [
        (with_answers(position="stomach", bedding="yes"), "posture", "you sleep on your stomach"),
        (with_answers(position="curled"), "posture", "feet pointed"),
        (with_answers(water="little", drinks="alcohol"), "dehydration", "very little water"),
        (with_answers(fluid_loss="sick"), "dehydration", "vomiting or diarrhoea"),
        (with_answers(stress="very", racing="yes"), "stress", "you felt very stressed today"),
        (with_answers(sitting="many"), "exertion", "you sat for more than 8 hours today"),
        (with_answers(exercise="hard"), "exertion", "harder or longer than usual"),
        (with_answers(conditions="fibro-arthritis"), "medical", "fibromyalgia or arthritis"),
        (with_answers(medicine="statin"), "medical", "you started a statin recently"),
        (with_answers(diet="skipping"), "nutrition", "skipping meals"),
        (with_answers(diet="few-fresh", conditions="metabolic"), "medical", "kidney or thyroid"),
    ],
)
def test_each_cause_ranks_first_with_its_reason(
    answers: dict[str, str], top: str, reason: str
) -> None:
    result = score(answers)
    assert result.ranked[0].cause == top
    assert result.ranked[0].score > result.ranked[1].score or top == "medical"
    assert any(reason in text for text in result.ranked[0].reasons)


def test_the_desk_job_cramp_puts_water_and_sitting_on_top() -> None:
    result = score(DESK_JOB)
    assert [item.cause for item in result.ranked[:2]] == ["dehydration", "exertion"]
    assert "you sat for more than 8 hours today" in result.ranked[1].reasons
    assert result.routine == "calf-hamstring"


def test_scores_add_up_across_answers() -> None:
    one = score(with_answers(water="little")).score_of("dehydration")
    both = score(with_answers(water="little", drinks="both")).score_of("dehydration")
    assert both > one > 0


@pytest.mark.parametrize(
    ("changes", "routine"),
    [
        ({"sensation": "knot", "cramp-length": "short", "stress": "very"}, "calf-hamstring"),
        ({"sensation": "tight", "stress": "very", "racing": "yes"}, "breathing"),
        ({"sensation": "tight", "sitting": "many", "exercise": "hard"}, "full-unwind"),
        ({"position": "stomach", "bedding": "yes"}, "full-unwind"),
    ],
)
def test_the_suggested_routine_fits(changes: dict[str, str], routine: str) -> None:
    assert score({**NEUTRAL, **changes}).routine == routine


RLS_YES = {
    **NEUTRAL,
    "sensation": "urge",
    "rls-rest": "yes",
    "rls-moving": "yes",
    "rls-evening": "yes",
    "rls-other": "yes",
}


@pytest.mark.parametrize(
    ("changes", "matches", "partial"),
    [
        ({}, True, False),
        ({"rls-other": "one-of-those"}, False, True),
        ({"rls-other": "unsure"}, False, True),
        ({"rls-rest": "no"}, False, True),
        ({"rls-moving": "no"}, False, True),
        ({"rls-evening": "no", "rls-other": "unsure"}, False, False),
        ({"sensation": "knot", "cramp-length": "short"}, False, False),
    ],
)
def test_restless_legs_pattern_needs_all_five_criteria(
    changes: dict[str, str], matches: bool, partial: bool
) -> None:
    result = score({**RLS_YES, **changes})
    assert result.rls_matches is matches
    assert result.rls_partial is partial
    lines = rls_lines(result, CONTENT)
    if matches:
        assert lines == [CONTENT.rls["matches"], CONTENT.rls["differs"]]
        assert "ferritin" in lines[0] and "you have" not in lines[0].lower()
        assert "Only a doctor can confirm" in lines[0]
        assert "cramp" in lines[1]
        assert result.ranked[0].cause == "medical"
        assert "restless-legs pattern" in result.ranked[0].reasons[0]
    elif partial:
        assert lines == [CONTENT.rls["partial"]]
        assert "fit the pattern" not in " ".join(lines)
        assert all(RLS_REASON not in item.reasons for item in result.ranked)
    else:
        assert lines == []


def test_four_of_five_says_it_may_be_a_cramp_a_position_or_a_joint() -> None:
    [line] = rls_lines(score({**RLS_YES, "rls-other": "one-of-those"}), CONTENT)
    assert "like restless legs, but not all" in line
    assert "cramp, a position or a joint problem" in line
    assert "A doctor can tell them apart" in line


@pytest.mark.parametrize(
    ("changes", "warning"),
    [
        ({"both-swollen": "yes"}, "swelling"),
        ({"nerve": "yes"}, "nerve"),
        ({"long-cramp": "yes"}, "long-cramp"),
        ({"sensation": "tight", "long-cramp": "yes"}, "long-cramp"),
        ({"how-often": "despite-stretching"}, "recurring"),
        ({"medicine": "diuretic"}, "new-medicine"),
        ({"fluid-loss": "sweat"}, "fluid-loss"),
        ({"pregnant": "maybe"}, "pregnancy"),
        ({"pregnant": "yes"}, "pregnancy"),
        ({"how-often": "often", "daytime-tired": "no"}, "frequent"),
    ],
)
def test_each_warning_sign_is_reported(changes: dict[str, str], warning: str) -> None:
    result = score({**NEUTRAL, **changes})
    assert result.warnings == (warning,)
    text = report_text(result, CONTENT, "now")
    assert text.index("TALK TO A DOCTOR") < text.index("LIKELY CAUSES")


def test_one_painful_leg_stops_everything() -> None:
    result = score({**DESK_JOB, "one-leg": "one"})
    assert result.urgent
    assert result.ranked == () and result.warnings == () and result.routine == ""
    text = report_text(result, CONTENT, "now")
    assert "blood clot" in text and "emergency services now" in text
    assert "LIKELY CAUSES" not in text and "ROUTINE" not in text


def test_often_and_tired_by_day_are_two_warnings() -> None:
    result = score({**NEUTRAL, "how-often": "often", "daytime-tired": "yes"})
    assert result.warnings == ("frequent", "daytime-tired")
    assert "several nights a week" in CONTENT.warnings["frequent"]


def test_answers_to_skipped_questions_do_not_count() -> None:
    stale = {**NEUTRAL, "sensation": "tight", "cramp-length": "medium"}
    result = score(stale)
    assert "cramp-length" not in result.answers
    assert result.score_of("dehydration") == 0


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"water": "lots"}, "question 'water': answer 'lots' is not one of"),
        ({"shoe-size": "9"}, "unknown question 'shoe-size'"),
    ],
)
def test_unknown_answers_are_refused_by_name(answers: dict[str, str], message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        score({**NEUTRAL, **answers})


def test_comparison_says_what_stayed_and_what_improved() -> None:
    before = score(with_answers(stress="very", racing="yes", water="little", drinks="alcohol"))
    now = score(with_answers(stress="very", racing="yes"))
    assert compare_checks(CONTENT, before, now) == "water: better; stress: high both times"


def test_comparison_reads_right_for_a_cause_named_in_the_plural() -> None:
    before = score(with_answers(stress="very", racing="yes"))
    now = score(
        with_answers(stress="very", racing="yes", conditions="nerve", **{"long-cramp": "yes"})
    )
    words = compare_checks(CONTENT, before, now)
    assert "health conditions: higher than last time" in words and " is higher" not in words


def test_comparison_is_empty_after_an_urgent_check() -> None:
    urgent = score({**NEUTRAL, "one-leg": "one"})
    assert compare_checks(CONTENT, urgent, score(NEUTRAL)) == ""
    assert compare_checks(CONTENT, score(NEUTRAL), score(NEUTRAL)) == ""
