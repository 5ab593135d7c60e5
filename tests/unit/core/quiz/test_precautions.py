"""Precautions: what a check's answers say to take care over, by the names the routines know."""

from __future__ import annotations

import pytest
from support.quiz_helpers import NEUTRAL, with_answers

from legease_tui.core.precautions import PRECAUTIONS
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Answer
from legease_tui.core.quiz.precautions import precautions

CONTENT = load_content()


def test_the_names_are_the_fixed_vocabulary() -> None:
    assert PRECAUTIONS == (
        "pregnant",
        "poor-circulation",
        "heart-failure",
        "breathless-lying-flat",
        "balance-risk",
        "fluid-limit",
        "under-18",
    )
    assert list(CONTENT.precautions) == list(PRECAUTIONS)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, set()),
        ({"pregnant": "yes"}, {"pregnant"}),
        ({"pregnant": "maybe"}, {"pregnant"}),
        ({"circulation": "walking"}, {"poor-circulation"}),
        ({"circulation": "rest-pain"}, {"poor-circulation"}),
        ({"circulation": "sore"}, {"poor-circulation"}),
        ({"emergency": "cold-leg"}, {"poor-circulation"}),
        ({"conditions": ("heart-failure",)}, {"heart-failure"}),
        ({"conditions": ("metabolic", "heart-failure")}, {"heart-failure"}),
        ({"both-swollen": "yes", "swollen-with": "weight"}, {"heart-failure"}),
        (
            {"both-swollen": "yes", "swollen-with": "breathless"},
            {"heart-failure", "breathless-lying-flat"},
        ),
        ({"age": "65-plus"}, {"balance-risk"}),
        ({"balance": "yes"}, {"balance-risk"}),
        ({"fluid-limit": "yes"}, {"fluid-limit"}),
        ({"conditions": ("dialysis",)}, {"fluid-limit"}),
        ({"age": "under-18", "child-signs": "no"}, {"under-18"}),
        (
            {"age": "65-plus", "fluid-limit": "yes", "conditions": ("heart-failure", "dialysis")},
            {"balance-risk", "fluid-limit", "heart-failure"},
        ),
    ],
)
def test_each_precaution_comes_from_its_answers(
    changes: dict[str, Answer], expected: set[str]
) -> None:
    found = precautions({**NEUTRAL, **changes})
    assert found == frozenset(expected)
    assert found <= set(PRECAUTIONS)


def test_answers_that_no_longer_apply_do_not_count() -> None:
    stale = with_answers(both_swollen="no", swollen_with="breathless")
    assert precautions(stale) == frozenset()


def test_a_check_not_taken_yet_calls_for_nothing() -> None:
    assert precautions({}) == frozenset()
