"""Scoring: answers in, ranked causes out, each with its reasons; warnings; restless legs."""

from __future__ import annotations

import pytest
from support.quiz_helpers import DESK_JOB, NEUTRAL, with_answers

from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Answer
from legease_tui.core.quiz.report import report_text, rls_lines
from legease_tui.core.quiz.scoring import (
    RLS_REASON,
    AnswerError,
    CheckResult,
    compare_checks,
    score_answers,
)

CONTENT = load_content()


def score(answers: dict[str, Answer]) -> CheckResult:
    return score_answers(CONTENT, answers)


def test_neutral_answers_raise_nothing() -> None:
    result = score(NEUTRAL)
    assert all(item.score == 0 for item in result.ranked)
    assert result.signs == () and result.levels == ()
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
    answers: dict[str, Answer], top: str, reason: str
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
        ({"sensation": "knot", "stress": "very"}, "calf-hamstring"),
        ({"sensation": "tight", "stress": "very", "racing": "yes"}, "breathing"),
        ({"sensation": "tight", "sitting": "many", "exercise": "hard"}, "full-unwind"),
        ({"position": "stomach", "bedding": "yes"}, "full-unwind"),
    ],
)
def test_the_suggested_routine_fits(changes: dict[str, Answer], routine: str) -> None:
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
        ({"sensation": "knot"}, False, False),
    ],
)
def test_restless_legs_pattern_needs_all_five_criteria(
    changes: dict[str, Answer], matches: bool, partial: bool
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
    ("changes", "sign", "level"),
    [
        ({"emergency": "back"}, "cauda-equina", "emergency"),
        ({"emergency": "weak-leg"}, "weak-leg", "emergency"),
        ({"emergency": "stroke"}, "stroke", "emergency"),
        ({"emergency": "cold-leg"}, "cold-leg", "emergency"),
        ({"one-leg": "one", "one-leg-with": "none"}, "clot", "today"),
        ({"muscle": "yes"}, "muscle-breakdown", "today"),
        ({"both-swollen": "yes", "swollen-with": "breathless"}, "heart-failure", "today"),
        ({"both-swollen": "yes", "swollen-with": "weight"}, "heart-failure", "today"),
        ({"circulation": "rest-pain"}, "rest-pain", "today"),
        ({"circulation": "sore"}, "foot-sore", "today"),
        ({"long-cramp": "yes"}, "long-cramp", "urgent"),
        ({"sensation": "tight", "long-cramp": "yes"}, "long-cramp", "urgent"),
        ({"long-cramp": "wound"}, "tetanus", "urgent"),
        ({"circulation": "walking"}, "claudication", "gp"),
        ({"nerve": "yes"}, "nerve", "gp"),
        ({"how-often": "despite-stretching"}, "recurring", "gp"),
        ({"medicine": "diuretic"}, "new-medicine", "gp"),
        ({"fluid-loss": "sweat"}, "fluid-loss", "gp"),
        ({"pregnant": "maybe"}, "pregnancy", "gp"),
        ({"pregnant": "yes"}, "pregnancy", "gp"),
        ({"how-often": "often", "daytime-tired": "no"}, "frequent", "gp"),
        ({"age": "under-18", "child-signs": "yes"}, "child-signs", "gp"),
    ],
)
def test_each_warning_sign_is_reported_at_its_level(
    changes: dict[str, Answer], sign: str, level: str
) -> None:
    result = score({**NEUTRAL, **changes})
    extra = ("swelling",) if "swollen-with" in changes else ()  # both legs swollen: a GP sign
    assert result.signs == (sign, *extra) and result.levels[0] == level
    text = report_text(result, CONTENT, "now")
    heading = CONTENT.levels[level].title.upper()
    assert text.index(heading) < text.index(CONTENT.signs[sign].text)
    if "LIKELY CAUSES" in text:
        assert text.index(heading) < text.index("LIKELY CAUSES")


@pytest.mark.parametrize(
    ("changes", "signs", "levels"),
    [
        ({"one-leg": "one", "one-leg-with": "breathless"}, ("clot-breathless", "clot"), None),
        ({"one-leg": "one", "one-leg-with": "sepsis"}, ("sepsis", "clot"), None),
        ({"one-leg": "one", "one-leg-with": "infection"}, ("clot", "cellulitis"), ("today",)),
        (
            {"both-swollen": "yes", "swollen-with": "very-breathless"},
            ("heart-emergency", "swelling"),
            ("emergency", "gp"),
        ),
        (
            {"one-leg": "one", "one-leg-with": "none", "long-cramp": "yes"},
            ("clot", "long-cramp"),
            ("today", "urgent"),
        ),
    ],
)
def test_signs_that_go_together_show_every_level_most_urgent_first(
    changes: dict[str, Answer], signs: tuple[str, ...], levels: tuple[str, ...] | None
) -> None:
    result = score({**NEUTRAL, **changes})
    assert result.signs == signs
    assert result.levels == (levels or ("emergency", "today"))
    assert result.stopped and result.routine_barred
    assert result.ranked == () and result.routine == ""


def test_a_red_hot_leg_with_fever_names_a_skin_infection_and_sepsis() -> None:
    result = score({**NEUTRAL, "one-leg": "one", "one-leg-with": "infection"})
    text = report_text(result, CONTENT, "now")
    assert "cellulitis" in text and "sepsis" in text and "999" in text
    assert text.startswith("GET MEDICAL ADVICE TODAY")


def test_one_painful_leg_stops_everything() -> None:
    result = score({**DESK_JOB, "one-leg": "one", "one-leg-with": "none"})
    assert result.stopped and result.levels == ("today",) and result.signs == ("clot",)
    assert result.ranked == () and result.routine == ""
    text = report_text(result, CONTENT, "now", routine_name="Calf & hamstring")
    assert "blood clot" in text and "call 999" in text
    assert "LIKELY CAUSES" not in text and "SUGGESTED ROUTINE" not in text
    assert "No routine tonight. See a clinician first" in text


@pytest.mark.parametrize(
    ("changes", "barred"),
    [
        ({"long-cramp": "yes"}, True),  # an urgent appointment: no routine
        ({"long-cramp": "wound"}, True),
        ({"nerve": "yes"}, False),  # see your GP: the routine stays
        ({}, False),
    ],
)
def test_no_routine_under_an_urgent_sign(changes: dict[str, Answer], barred: bool) -> None:
    result = score({**NEUTRAL, "sensation": "knot", **changes})
    assert result.routine_barred is barred
    assert (result.routine == "") is barred
    assert not result.stopped
    assert len(result.ranked) == 6  # the causes are still ranked


def test_one_sudden_knot_raises_no_cause() -> None:
    """Issue 21: a cramp added a point to fluid, exercise and diet, so "Too little fluid —
    because you had a sudden painful cramp" came after "Plenty of water"."""
    result = score({**NEUTRAL, "sensation": "knot"})
    assert result.raised == ()
    tight = score({**NEUTRAL, "sensation": "tight"})
    assert tight.raised == ()


def test_a_fluid_limit_rules_out_too_little_fluid() -> None:
    result = score(with_answers(fluid_limit="yes", drinks="both", fluid_loss="sick"))
    assert "water" not in result.answers  # not asked: the team's limit decides
    assert result.score_of("dehydration") == 0
    assert all(item.cause != "dehydration" for item in result.raised)
    assert result.score_of("stress") == 1  # the other answers still count


def test_conditions_can_be_several() -> None:
    result = score(with_answers(conditions=("metabolic", "heart-failure")))
    assert result.answers["conditions"] == ("metabolic", "heart-failure")
    assert result.score_of("medical") == 5 and result.score_of("nutrition") == 1
    reasons = result.ranked[0].reasons
    assert "you live with heart failure" in reasons and "kidney or thyroid" in reasons[0]
    assert result.routine == "calf-hamstring"  # heart failure: nothing lying flat


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (("none", "metabolic"), "'None of these' cannot go with other answers"),
        (("metabolic", "metabolic"), "choose each answer once"),
        ((), "choose each answer once"),
        (("metabolic", "ghost"), "answer 'ghost' is not one of"),
    ],
)
def test_a_choose_all_answer_is_checked(answer: tuple[str, ...], message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        score(with_answers(conditions=answer))


def test_several_answers_to_a_one_answer_question_are_refused() -> None:
    with pytest.raises(AnswerError, match="question 'water': choose one answer"):
        score(with_answers(water=("plenty", "little")))


WOULD_BE_FULL_UNWIND = {"sensation": "tight", "sitting": "many", "exercise": "hard"}


@pytest.mark.parametrize(
    ("changes", "routine"),
    [
        (
            {"circulation": "walking"},
            "calf-hamstring",
        ),  # legs up the wall: not with poor circulation
        ({"conditions": ("heart-failure",)}, "calf-hamstring"),
        ({"pregnant": "yes"}, "calf-hamstring"),
        ({"age": "65-plus"}, "calf-hamstring"),  # support, no floor work
        ({"balance": "yes"}, "calf-hamstring"),
        ({"age": "under-18"}, "calf-hamstring"),
        ({}, "full-unwind"),
    ],
)
def test_full_unwind_is_never_suggested_where_it_could_harm(
    changes: dict[str, Answer], routine: str
) -> None:
    result = score({**NEUTRAL, **WOULD_BE_FULL_UNWIND, **changes})
    assert result.ranked[0].cause == "exertion"
    assert result.routine == routine


def test_poor_circulation_keeps_a_routine_that_is_safe_for_it() -> None:
    result = score(with_answers(circulation="walking", stress="very", racing="yes"))
    assert result.routine == "breathing"  # only legs up the wall is ruled out


def test_often_and_tired_by_day_are_two_signs() -> None:
    result = score({**NEUTRAL, "how-often": "often", "daytime-tired": "yes"})
    assert result.signs == ("frequent", "daytime-tired") and result.levels == ("gp",)
    assert "several nights a week" in CONTENT.signs["frequent"].text


def test_answers_to_skipped_questions_do_not_count() -> None:
    stale = {**NEUTRAL, "sensation": "tight", "rls-rest": "yes", "swollen-with": "breathless"}
    result = score(stale)
    assert "rls-rest" not in result.answers and "swollen-with" not in result.answers
    assert result.score_of("medical") == 0 and result.signs == ()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"water": "lots"}, "question 'water': answer 'lots' is not one of"),
        ({"shoe-size": "9"}, "unknown question 'shoe-size'"),
    ],
)
def test_unknown_answers_are_refused_by_name(answers: dict[str, Answer], message: str) -> None:
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


def test_comparison_is_empty_after_a_check_that_stopped() -> None:
    urgent = score({**NEUTRAL, "one-leg": "one"})
    assert compare_checks(CONTENT, urgent, score(NEUTRAL)) == ""
    assert compare_checks(CONTENT, score(NEUTRAL), score(NEUTRAL)) == ""
