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
from legease_tui.core.quiz.model import EMERGENCY, LEVEL_KEYS, Advice, Evidence, Level, Sign
from legease_tui.screens.help import SAFETY, SAFETY_MORE

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
    assert list(content.levels) == list(LEVEL_KEYS)
    assert 12 <= len(content.questions) <= 36


def test_every_question_counts_for_something() -> None:
    """A cause, a warning sign, a restless-legs criterion, advice, a precaution or a gate."""
    content = load_content()
    gates = {q.ask_if.question for q in content.questions if q.ask_if is not None}
    gates |= {c.question for p in content.precautions.values() for c in p.conditions}
    for question in content.questions:
        counts = any(o.weights or o.sign or o.rls or o.advice for o in question.options)
        assert counts or question.key in gates, question.key


def test_every_cause_is_raised_by_at_least_two_questions() -> None:
    content = load_content()
    for cause in CAUSE_KEYS:
        raising = [q.key for q in content.questions if any(cause in o.weights for o in q.options)]
        assert len(raising) >= 2, cause


def test_every_level_sign_and_advice_item_names_its_source_and_evidence() -> None:
    content = load_content()
    items: list[Level | Sign | Advice] = [*content.levels.values(), *content.signs.values()]
    items += content.advice.values()
    for item in items:
        assert item.source.strip(), item.key
        assert isinstance(item.evidence, Evidence), item.key
    used = {key for cause in content.causes.values() for key in cause.advice}
    swapped_in = {rule.instead for rule in content.advice_rules if rule.instead}
    brought = {key for q in content.questions for o in q.options for key in o.advice}
    assert used | set(content.general_advice) | swapped_in | brought == set(content.advice)


def test_each_level_has_its_own_heading_words_and_signs() -> None:
    content = load_content()
    titles = [level.title for level in content.levels.values()]
    assert len(set(titles)) == len(LEVEL_KEYS)
    assert "999" in content.levels["emergency"].title
    assert "today" in content.levels["today"].title
    assert "urgent appointment" in content.levels["urgent"].title
    assert "GP" in content.levels["gp"].title
    for level in LEVEL_KEYS:
        assert content.signs_at(level), level


def test_the_first_question_asks_about_emergency_signs_of_everyone() -> None:
    content = load_content()
    first = content.questions[0]
    assert first.section == "safety" and first.ask_if is None
    emergencies = [
        o.key for o in first.options if o.sign and content.signs[o.sign].level == EMERGENCY
    ]
    assert emergencies == ["back", "weak-leg", "stroke", "cold-leg"]


def test_safety_questions_come_first_and_are_asked_of_everyone() -> None:
    content = load_content()
    sections = [q.section for q in content.questions]
    safety = sections.count("safety")
    assert sections[:safety] == ["safety"] * safety
    follow_ups = {"one-leg-with", "swollen-with"}
    for question in content.questions[:safety]:
        assert question.ask_if is None or question.key in follow_ups, question.key


def test_every_restless_legs_criterion_can_be_met() -> None:
    met = {o.rls for q in load_content().questions for o in q.options}
    assert {1, 2, 3, 4, 5} <= met


@pytest.mark.parametrize("pattern", DOSE_PATTERNS)
def test_no_dose_patterns_anywhere_in_the_content(pattern: str) -> None:
    lines = [*load_content().texts(), *raw_content().splitlines()]
    lines += [*SAFETY.splitlines(), *SAFETY_MORE.splitlines()]
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
        (["questions", 9, "options", 0, "weights"], {"ghosts": 1}, "unknown cause 'ghosts'"),
        (["questions", 9, "options", 0, "weights"], {"stress": 9}, "whole number 1-5"),
        (["questions", 3, "options", 1, "sign"], "hiccups", "sign 'hiccups'"),
        (["questions", 4, "ask_if"], {"question": "nope", "answers": ["x"]}, "earlier question"),
        (["questions", 4, "ask_if"], {"question": "one-leg", "answers": ["x"]}, "no answer 'x'"),
        (["questions", 5, "section"], "misc", "section 'misc'"),
        (["questions", 5, "options", 0, "alone"], True, "only for a choose-all-that-apply"),
        (["questions", 5, "options", 1, "advice"], ["nothing"], "unknown advice 'nothing'"),
        (["advice_rules", 0, "instead"], "nothing", "advice rule 1: unknown advice 'nothing'"),
        (["advice_rules", 0, "replace"], "nothing", "advice rule 1: unknown advice 'nothing'"),
        (["advice_rules", 0, "when"], {"precaution": "tired"}, "unknown precaution 'tired'"),
        (["default_routine"], "calf-hamstring", "[default_routine] is missing"),
        (["stop_note"], "", "'stop_note' must be a non-empty text"),
        (["no_routine"], "", "'no_routine' must be a non-empty text"),
        (["advice", "magnesium", "evidence"], "strong", "evidence 'strong'"),
        (["advice", "magnesium", "source"], "", "'source' must be a non-empty text"),
        (["signs", "stroke", "source"], "", "sign 'stroke': 'source' must be a non-empty text"),
        (["signs", "stroke", "evidence"], "", "sign 'stroke': 'evidence' must be a non-empty"),
        (["signs", "stroke", "level"], "soon", "level 'soon' is not one of"),
        (["levels", "urgent", "source"], "", "level 'urgent': 'source' must be a non-empty"),
        (["levels", "today", "evidence"], "sure", "level 'today': evidence 'sure'"),
        (["levels", "today", "says"], "", "level 'today': 'says' must be a non-empty text"),
        (["causes", "stress", "advice"], ["nothing"], "unknown advice 'nothing'"),
        (["general_advice"], ["nothing"], "unknown advice 'nothing'"),
        (
            ["questions", 0, "options"],
            [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}],
            "first question must ask about emergency signs",
        ),
        (["precautions", "under-18"], [], "precaution 'under-18': must be a list"),
        (["routine_limits", 0, "never"], ["calf-hamstring"], "'calf-hamstring' is also in"),
    ],
)
def test_broken_content_is_refused_with_the_place_named(
    path: list[str | int], value: Any, message: str
) -> None:
    with pytest.raises(QuizContentError, match=re.escape(message)):
        parse_content(_break(path, value))


@pytest.mark.parametrize(
    ("table", "key", "message"),
    [
        ("causes", "nutrition", "[causes] must be exactly"),
        ("levels", "urgent", "[levels] must be exactly"),
        ("precautions", "fluid-limit", "[precautions] must be exactly"),
        ("signs", "tetanus", "sign 'tetanus' has no text"),
    ],
)
def test_a_missing_entry_is_refused(table: str, key: str, message: str) -> None:
    doc = document()
    del doc[table][key]
    with pytest.raises(QuizContentError, match=re.escape(message)):
        parse_content(doc)


def test_a_sign_no_answer_reveals_is_refused() -> None:
    doc = document()
    doc["signs"]["hiccups"] = {**doc["signs"]["stroke"], "text": "Hiccups."}
    with pytest.raises(QuizContentError, match="sign 'hiccups': no answer reveals it"):
        parse_content(doc)


def test_a_precaution_outside_the_fixed_names_is_refused() -> None:
    doc = document()
    doc["precautions"]["tired"] = [{"question": "balance", "answers": ["yes"]}]
    with pytest.raises(QuizContentError, match=re.escape("[precautions] must be exactly")):
        parse_content(doc)
