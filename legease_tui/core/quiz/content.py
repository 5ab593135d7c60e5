"""Load and check the symptom check's content (`content.toml`, shipped in the package).

Every cross-reference is checked when the content is loaded: a weight names a known cause, an
option's warning has a text, an `ask_if` points at an earlier question and one of its answers,
every advice item has a source and a known evidence level. A mistake names the place it is in.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from legease_tui.core.quiz.model import (
    Advice,
    AdviceRule,
    Cause,
    Condition,
    Evidence,
    Option,
    Question,
    QuizContent,
    RoutineRule,
)

CONTENT_FILE = "content.toml"
CAUSE_KEYS = ("posture", "dehydration", "stress", "exertion", "medical", "nutrition")
"""The six causes of the starting document, in its order (ties rank in this order)."""
SECTIONS = ("safety", "how it feels", "restless legs", "sleep", "today", "about you")
RLS_TEXTS = ("matches", "differs", "partial")


class QuizContentError(ValueError):
    """The quiz content is inconsistent; the message names where."""


def _text(raw: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise QuizContentError(f"{where}: '{key}' must be a non-empty text")
    return value


def _texts(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, str) and item for item in raw):
        raise QuizContentError(f"{where} must be a list of texts")
    return tuple(raw)


def _condition(raw: Any, where: str, earlier: dict[str, Question]) -> Condition:
    if not isinstance(raw, dict):
        raise QuizContentError(f"{where}: must be {{ question = ..., answers = [...] }}")
    target = _text(raw, "question", where)
    if target not in earlier:
        raise QuizContentError(f"{where}: {target!r} is not an earlier question")
    answers = _texts(raw.get("answers"), f"{where}: 'answers'")
    known = {option.key for option in earlier[target].options}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise QuizContentError(f"{where}: {target!r} has no answer {unknown[0]!r}")
    return Condition(target, answers)


def _option(raw: Any, where: str, warnings: dict[str, str]) -> Option:
    if not isinstance(raw, dict):
        raise QuizContentError(f"{where}: must be a table")
    weights = raw.get("weights", {})
    for cause, weight in weights.items():
        if cause not in CAUSE_KEYS:
            raise QuizContentError(f"{where}: weight for unknown cause {cause!r}")
        if not isinstance(weight, int) or isinstance(weight, bool) or not 0 < weight <= 5:
            raise QuizContentError(f"{where}: weight for {cause!r} must be a whole number 1-5")
    reason = _text(raw, "reason", where, required=bool(weights))
    warning = _text(raw, "warning", where, required=False)
    if warning and warning not in warnings:
        raise QuizContentError(f"{where}: warning {warning!r} has no text in [warnings]")
    urgent = raw.get("urgent", False)
    if not isinstance(urgent, bool):
        raise QuizContentError(f"{where}: 'urgent' must be true or false")
    rls = raw.get("rls", 0)
    if rls not in range(6) or isinstance(rls, bool):
        raise QuizContentError(f"{where}: 'rls' must be a criterion number 1-5 (or 0)")
    return Option(
        _text(raw, "key", where), _text(raw, "label", where), weights, reason, warning, urgent, rls
    )


def _question(
    raw: Any, index: int, earlier: dict[str, Question], warnings: dict[str, str]
) -> Question:
    where = f"question {index + 1}"
    if not isinstance(raw, dict):
        raise QuizContentError(f"{where}: must be a table")
    key = _text(raw, "key", where)
    where = f"question {key!r}"
    if key in earlier:
        raise QuizContentError(f"{where}: the key is used twice")
    section = _text(raw, "section", where)
    if section not in SECTIONS:
        raise QuizContentError(f"{where}: section {section!r} is not one of {', '.join(SECTIONS)}")
    raw_options = raw.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        raise QuizContentError(f"{where}: needs at least two options")
    options = tuple(
        _option(item, f"{where}, option {n + 1}", warnings) for n, item in enumerate(raw_options)
    )
    if len({option.key for option in options}) != len(options):
        raise QuizContentError(f"{where}: two options share a key")
    ask_if = None
    if "ask_if" in raw:
        ask_if = _condition(raw["ask_if"], f"{where}: 'ask_if'", earlier)
    return Question(key, _text(raw, "text", where), options, section, ask_if)


def _advice(key: str, raw: Any) -> Advice:
    where = f"advice {key!r}"
    if not isinstance(raw, dict):
        raise QuizContentError(f"{where}: must be a table")
    level = _text(raw, "evidence", where)
    try:
        evidence = Evidence(level)
    except ValueError:
        allowed = ", ".join(e.value for e in Evidence)
        raise QuizContentError(f"{where}: evidence {level!r} is not one of {allowed}") from None
    return Advice(key, _text(raw, "text", where), _text(raw, "source", where), evidence)


def _cause(key: str, raw: Any, advice: dict[str, Advice]) -> Cause:
    where = f"cause {key!r}"
    if not isinstance(raw, dict):
        raise QuizContentError(f"{where}: must be a table")
    items = _texts(raw.get("advice"), f"{where}: 'advice'")
    for item in items:
        if item not in advice:
            raise QuizContentError(f"{where}: unknown advice {item!r}")
    texts = [_text(raw, name, where) for name in ("name", "short", "about", "routine")]
    return Cause(key, texts[0], texts[1], texts[2], items, texts[3])


def _table(document: dict[str, Any], name: str) -> dict[str, Any]:
    value = document.get(name)
    if not isinstance(value, dict):
        raise QuizContentError(f"[{name}] is missing")
    return value


def parse_content(document: dict[str, Any]) -> QuizContent:
    """Build and check the content from a parsed TOML document."""
    raw_warnings = _table(document, "warnings")
    warnings = {key: _text(raw_warnings, key, "[warnings]") for key in raw_warnings}
    advice = {key: _advice(key, raw) for key, raw in _table(document, "advice").items()}
    raw_causes = _table(document, "causes")
    if sorted(raw_causes) != sorted(CAUSE_KEYS):
        raise QuizContentError(f"[causes] must be exactly: {', '.join(CAUSE_KEYS)}")
    causes = {key: _cause(key, raw_causes[key], advice) for key in CAUSE_KEYS}
    questions: dict[str, Question] = {}
    for index, raw in enumerate(document.get("questions", [])):
        question = _question(raw, index, questions, warnings)
        questions[question.key] = question
    met = {option.rls for question in questions.values() for option in question.options}
    if not {1, 2, 3, 4, 5} <= met:
        raise QuizContentError("every restless-legs criterion 1-5 needs an answer that meets it")
    first = next(iter(questions.values()), None)
    if first is None or not any(option.urgent for option in first.options):
        raise QuizContentError("the first question must be the urgent (blood clot) question")
    rules = []
    for index, raw in enumerate(document.get("routine_rules", [])):
        where = f"routine rule {index + 1}"
        when = _condition(raw.get("when"), f"{where}: 'when'", questions)
        rules.append(RoutineRule(when, _text(raw, "routine", where), _text(raw, "why", where)))
    advice_rules = []
    for index, raw in enumerate(document.get("advice_rules", [])):
        where = f"advice rule {index + 1}"
        when = _condition(raw.get("when"), f"{where}: 'when'", questions)
        replace = _text(raw, "replace", where)
        instead = _text(raw, "instead", where, required=False)
        for item in (replace, instead):
            if item and item not in advice:
                raise QuizContentError(f"{where}: unknown advice {item!r}")
        advice_rules.append(AdviceRule(when, replace, instead))
    raw_default = _table(document, "default_routine")
    default = (
        _text(raw_default, "routine", "[default_routine]"),
        _text(raw_default, "why", "[default_routine]"),
    )
    general = _texts(document.get("general_advice"), "'general_advice'")
    for item in general:
        if item not in advice:
            raise QuizContentError(f"'general_advice': unknown advice {item!r}")
    rls = {key: _text(_table(document, "rls"), key, "[rls]") for key in RLS_TEXTS}
    return QuizContent(
        causes=causes,
        advice=advice,
        questions=tuple(questions.values()),
        warnings=warnings,
        urgent=_texts(document.get("urgent"), "'urgent'"),
        rls=rls,
        general_advice=general,
        routine_rules=tuple(rules),
        disclaimer=_text(document, "disclaimer", "top level"),
        urgent_note=_text(document, "urgent_note", "top level"),
        nothing_raised=_text(document, "nothing_raised", "top level"),
        default_routine=default,
        advice_rules=tuple(advice_rules),
    )


@cache
def load_content() -> QuizContent:
    """The shipped content, read and checked once."""
    text = resources.files("legease_tui.core.quiz").joinpath(CONTENT_FILE).read_text("utf-8")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise QuizContentError(f"{CONTENT_FILE}: {error}") from None
    return parse_content(document)
