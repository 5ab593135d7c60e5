"""The symptom check's content: complete, consistent, sourced, and free of doses."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

import pytest

from legease_tui.core.quiz.content import (
    CAUSE_KEYS,
    CONTENT_FILE,
    QuizContentError,
    load_content,
    parse_content,
)
from legease_tui.core.quiz.model import Evidence
from legease_tui.screens.help import SAFETY

DOSE_PATTERNS = [
    r"\d+\s*(mg|mcg|µg|g|ml|iu|mmol)\b",
    r"\bmg\b",
    r"\bmilligram",
    r"\btablets?\b",
    r"\bcapsules?\b",
    r"\bpills?\b",
    r"\bsachets?\b",
    r"\bdos(e|es|age|ing)\b",
    r"\b(once|twice|three times|\d+ times) (a|per|each) (day|night)\b",
    r"\b(daily|nightly) (amount|intake)\b",
    r"\bevery \d+ hours\b",
]


def raw_content() -> str:
    return resources.files("legease_tui.core.quiz").joinpath(CONTENT_FILE).read_text("utf-8")


def document() -> dict[str, Any]:
    return tomllib.loads(raw_content())


def test_shipped_content_loads() -> None:
    content = load_content()
    assert list(content.causes) == list(CAUSE_KEYS)
    assert 12 <= len(content.questions) <= 26


def test_every_question_maps_to_a_cause_or_gates_one() -> None:
    content = load_content()
    gates = {q.ask_if.question for q in content.questions if q.ask_if is not None}
    for question in content.questions:
        counts = any(o.weights or o.urgent or o.rls for o in question.options)
        assert counts or question.key in gates, question.key


def test_every_cause_is_raised_by_at_least_two_questions() -> None:
    content = load_content()
    for cause in CAUSE_KEYS:
        raising = [q.key for q in content.questions if any(cause in o.weights for o in q.options)]
        assert len(raising) >= 2, cause


def test_every_advice_item_has_a_source_and_an_evidence_level() -> None:
    content = load_content()
    for advice in content.advice.values():
        assert advice.source.strip(), advice.key
        assert isinstance(advice.evidence, Evidence), advice.key
    used = {key for cause in content.causes.values() for key in cause.advice}
    swapped_in = {rule.instead for rule in content.advice_rules if rule.instead}
    assert used | set(content.general_advice) | swapped_in == set(content.advice)


def test_the_first_question_is_the_blood_clot_question() -> None:
    first = load_content().questions[0]
    assert first.section == "safety"
    assert [o.key for o in first.options if o.urgent] == ["one"]


def test_every_restless_legs_criterion_can_be_met() -> None:
    met = {o.rls for q in load_content().questions for o in q.options}
    assert {1, 2, 3, 4, 5} <= met


@pytest.mark.parametrize("pattern", DOSE_PATTERNS)
def test_no_dose_patterns_anywhere_in_the_content(pattern: str) -> None:
    lines = [*load_content().texts(), *raw_content().splitlines(), *SAFETY.splitlines()]
    found = [line for line in lines if re.search(pattern, line, re.IGNORECASE)]
    assert found == []


def test_the_dose_scan_would_catch_a_dose() -> None:
    sample = "Take 200 mg of magnesium twice a day."
    assert any(re.search(p, sample, re.IGNORECASE) for p in DOSE_PATTERNS)


def test_magnesium_and_pain_reliever_advice_say_what_the_brief_asks() -> None:
    advice = load_content().advice
    assert "unlikely to help" in advice["magnesium"].text
    assert "Cochrane" in advice["magnesium"].source
    assert "pharmacist" in advice["pain-relief"].text


def _break(path: list[str | int], value: Any) -> dict[str, Any]:
    doc = document()
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["questions", 4, "options", 0, "weights"], {"ghosts": 1}, "unknown cause 'ghosts'"),
        (["questions", 4, "options", 0, "weights"], {"stress": 9}, "whole number 1-5"),
        (["questions", 2, "options", 1, "warning"], "hiccups", "warning 'hiccups'"),
        (["questions", 5, "ask_if"], {"question": "nope", "answers": ["x"]}, "earlier question"),
        (["questions", 5, "ask_if"], {"question": "sensation", "answers": ["x"]}, "no answer 'x'"),
        (["questions", 5, "section"], "misc", "section 'misc'"),
        (["advice_rules", 0, "instead"], "nothing", "advice rule 1: unknown advice 'nothing'"),
        (["advice_rules", 0, "replace"], "nothing", "advice rule 1: unknown advice 'nothing'"),
        (["default_routine"], "calf-hamstring", "[default_routine] is missing"),
        (["urgent_note"], "", "'urgent_note' must be a non-empty text"),
        (["advice", "magnesium", "evidence"], "strong", "evidence 'strong'"),
        (["advice", "magnesium", "source"], "", "'source' must be a non-empty text"),
        (["causes", "stress", "advice"], ["nothing"], "unknown advice 'nothing'"),
        (["general_advice"], ["nothing"], "unknown advice 'nothing'"),
        (["questions", 0, "options", 1, "urgent"], False, "urgent (blood clot) question"),
    ],
)
def test_broken_content_is_refused_with_the_place_named(
    path: list[str | int], value: Any, message: str
) -> None:
    with pytest.raises(QuizContentError, match=re.escape(message)):
        parse_content(_break(path, value))


def test_a_missing_cause_is_refused() -> None:
    doc = document()
    del doc["causes"]["nutrition"]
    with pytest.raises(QuizContentError, match="exactly"):
        parse_content(doc)
