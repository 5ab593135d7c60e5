"""Load and check the symptom check's content (`content.toml`, shipped in the package).

Every cross-reference is checked when the content is loaded: a weight names a known cause, an
option's sign and advice exist, an `ask_if` points at an earlier question and one of its answers,
every level, sign and advice item has a source and a known evidence level, each level has its
signs, the first question asks about emergency signs, and the precautions are exactly the fixed
names the routines know. A mistake names the place it is in.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from legease_tui.core.precautions import PRECAUTIONS
from legease_tui.core.quiz.model import (
    EMERGENCY,
    LEVEL_KEYS,
    Advice,
    AdviceRule,
    AnyOf,
    Cause,
    Condition,
    Evidence,
    Holds,
    Level,
    Option,
    Question,
    QuizContent,
    RoutineLimit,
    RoutineRule,
    Sign,
)

CONTENT_FILE = "content.toml"
CAUSE_KEYS = ("posture", "dehydration", "stress", "exertion", "medical", "nutrition")
"""The six causes of the starting document, in its order (ties rank in this order)."""
SECTIONS = ("safety", "how it feels", "restless legs", "about you", "sleep", "today")
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


def _flag(raw: dict[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise QuizContentError(f"{where}: '{key}' must be true or false")
    return value


def _known(keys: tuple[str, ...], known: dict[str, Any], where: str, what: str) -> None:
    for key in keys:
        if key not in known:
            raise QuizContentError(f"{where}: unknown {what} {key!r}")


def _evidence(raw: dict[str, Any], where: str) -> Evidence:
    level = _text(raw, "evidence", where)
    try:
        return Evidence(level)
    except ValueError:
        allowed = ", ".join(e.value for e in Evidence)
        raise QuizContentError(f"{where}: evidence {level!r} is not one of {allowed}") from None


def _table(document: dict[str, Any], name: str) -> dict[str, Any]:
    value = document.get(name)
    if not isinstance(value, dict):
        raise QuizContentError(f"[{name}] is missing")
    return value


def _entry(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise QuizContentError(f"{where}: must be a table")
    return raw


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


def _when(
    raw: Any, where: str, questions: dict[str, Question], precautions: dict[str, AnyOf]
) -> Holds:
    """`{ question = ..., answers = [...] }` or `{ precaution = "balance-risk" }`."""
    if isinstance(raw, dict) and "precaution" in raw:
        name = _text(raw, "precaution", where)
        if name not in precautions:
            raise QuizContentError(f"{where}: unknown precaution {name!r}")
        return precautions[name]
    return _condition(raw, where, questions)


def _level(key: str, raw: Any) -> Level:
    where = f"level {key!r}"
    raw = _entry(raw, where)
    title, short, says, source = (
        _text(raw, n, where) for n in ("title", "short", "says", "source")
    )
    return Level(key, title, short, says, source, _evidence(raw, where))


def _levels(document: dict[str, Any]) -> dict[str, Level]:
    raw = _table(document, "levels")
    if sorted(raw) != sorted(LEVEL_KEYS):
        raise QuizContentError(f"[levels] must be exactly: {', '.join(LEVEL_KEYS)}")
    return {key: _level(key, raw[key]) for key in LEVEL_KEYS}


def _sign(key: str, raw: Any) -> Sign:
    where = f"sign {key!r}"
    raw = _entry(raw, where)
    level = _text(raw, "level", where)
    if level not in LEVEL_KEYS:
        raise QuizContentError(f"{where}: level {level!r} is not one of {', '.join(LEVEL_KEYS)}")
    text, source = _text(raw, "text", where), _text(raw, "source", where)
    return Sign(key, level, text, source, _evidence(raw, where))


def _advice(key: str, raw: Any) -> Advice:
    where = f"advice {key!r}"
    raw = _entry(raw, where)
    return Advice(
        key, _text(raw, "text", where), _text(raw, "source", where), _evidence(raw, where)
    )


def _option(
    raw: Any, where: str, signs: dict[str, Sign], advice: dict[str, Advice], multiple: bool
) -> Option:
    raw = _entry(raw, where)
    weights = raw.get("weights", {})
    for cause, weight in weights.items():
        if cause not in CAUSE_KEYS:
            raise QuizContentError(f"{where}: weight for unknown cause {cause!r}")
        if not isinstance(weight, int) or isinstance(weight, bool) or not 0 < weight <= 5:
            raise QuizContentError(f"{where}: weight for {cause!r} must be a whole number 1-5")
    reason = _text(raw, "reason", where, required=bool(weights))
    sign = _text(raw, "sign", where, required=False)
    if sign and sign not in signs:
        raise QuizContentError(f"{where}: sign {sign!r} has no text in [signs]")
    brings = _texts(raw.get("advice", []), f"{where}: 'advice'")
    _known(brings, advice, where, "advice")
    rls = raw.get("rls", 0)
    if rls not in range(6) or isinstance(rls, bool):
        raise QuizContentError(f"{where}: 'rls' must be a criterion number 1-5 (or 0)")
    alone = _flag(raw, "alone", where)
    if alone and not multiple:
        raise QuizContentError(f"{where}: 'alone' is only for a choose-all-that-apply question")
    key, label = _text(raw, "key", where), _text(raw, "label", where)
    return Option(key, label, weights, reason, sign, rls, brings, alone)


def _question(
    raw: Any,
    index: int,
    earlier: dict[str, Question],
    signs: dict[str, Sign],
    advice: dict[str, Advice],
) -> Question:
    raw = _entry(raw, f"question {index + 1}")
    key = _text(raw, "key", f"question {index + 1}")
    where = f"question {key!r}"
    if key in earlier:
        raise QuizContentError(f"{where}: the key is used twice")
    section = _text(raw, "section", where)
    if section not in SECTIONS:
        raise QuizContentError(f"{where}: section {section!r} is not one of {', '.join(SECTIONS)}")
    multiple = _flag(raw, "multiple", where)
    raw_options = raw.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        raise QuizContentError(f"{where}: needs at least two options")
    options = tuple(
        _option(item, f"{where}, option {n + 1}", signs, advice, multiple)
        for n, item in enumerate(raw_options)
    )
    if len({option.key for option in options}) != len(options):
        raise QuizContentError(f"{where}: two options share a key")
    ask_if = None
    if "ask_if" in raw:
        ask_if = _condition(raw["ask_if"], f"{where}: 'ask_if'", earlier)
    return Question(key, _text(raw, "text", where), options, section, ask_if, multiple)


def _questions(
    document: dict[str, Any], signs: dict[str, Sign], advice: dict[str, Advice]
) -> dict[str, Question]:
    questions: dict[str, Question] = {}
    for index, raw in enumerate(document.get("questions", [])):
        question = _question(raw, index, questions, signs, advice)
        questions[question.key] = question
    met = {option.rls for question in questions.values() for option in question.options}
    if not {1, 2, 3, 4, 5} <= met:
        raise QuizContentError("every restless-legs criterion 1-5 needs an answer that meets it")
    first = next(iter(questions.values()), None)
    if first is None or not any(
        option.sign and signs[option.sign].level == EMERGENCY for option in first.options
    ):
        raise QuizContentError("the first question must ask about emergency signs")
    revealed = {option.sign for q in questions.values() for option in q.options if option.sign}
    unasked = sorted(set(signs) - revealed)
    if unasked:
        raise QuizContentError(f"sign {unasked[0]!r}: no answer reveals it")
    for level in LEVEL_KEYS:
        if not any(signs[key].level == level for key in revealed):
            raise QuizContentError(f"level {level!r}: no answer reveals any of its signs")
    return questions


def _precautions(document: dict[str, Any], questions: dict[str, Question]) -> dict[str, AnyOf]:
    raw = _table(document, "precautions")
    if sorted(raw) != sorted(PRECAUTIONS):
        raise QuizContentError(f"[precautions] must be exactly: {', '.join(PRECAUTIONS)}")
    found = {}
    for name in PRECAUTIONS:
        where = f"precaution {name!r}"
        if not isinstance(raw[name], list) or not raw[name]:
            raise QuizContentError(f"{where}: must be a list of conditions")
        conditions = tuple(_condition(item, where, questions) for item in raw[name])
        found[name] = AnyOf(name, conditions)
    return found


def _cause(
    key: str,
    raw: Any,
    advice: dict[str, Advice],
    questions: dict[str, Question],
    precautions: dict[str, AnyOf],
) -> Cause:
    where = f"cause {key!r}"
    raw = _entry(raw, where)
    items = _texts(raw.get("advice"), f"{where}: 'advice'")
    _known(items, advice, where, "advice")
    texts = [_text(raw, name, where) for name in ("name", "short", "about", "routine")]
    ruled_out = None
    if "ruled_out" in raw:
        ruled_out = _when(raw["ruled_out"], f"{where}: 'ruled_out'", questions, precautions)
    return Cause(key, texts[0], texts[1], texts[2], items, texts[3], ruled_out)


def _advice_rules(
    document: dict[str, Any],
    advice: dict[str, Advice],
    questions: dict[str, Question],
    precautions: dict[str, AnyOf],
) -> tuple[AdviceRule, ...]:
    """Each rule swaps (or drops) one item, or each item of a list."""
    rules = []
    for index, raw in enumerate(document.get("advice_rules", [])):
        where = f"advice rule {index + 1}"
        raw = _entry(raw, where)
        when = _when(raw.get("when"), f"{where}: 'when'", questions, precautions)
        listed = raw.get("replace")
        replace = _texts(listed, f"{where}: 'replace'") if isinstance(listed, list) else ()
        replace = replace or (_text(raw, "replace", where),)
        instead = _text(raw, "instead", where, required=False)
        _known((*replace, *([instead] if instead else [])), advice, where, "advice")
        rules += [AdviceRule(when, item, instead) for item in replace]
    return tuple(rules)


def _routine_rules(
    document: dict[str, Any], questions: dict[str, Question], precautions: dict[str, AnyOf]
) -> tuple[tuple[RoutineRule, ...], tuple[RoutineLimit, ...]]:
    rules, limits = [], []
    for index, raw in enumerate(document.get("routine_rules", [])):
        where = f"routine rule {index + 1}"
        raw = _entry(raw, where)
        when = _when(raw.get("when"), f"{where}: 'when'", questions, precautions)
        rules.append(RoutineRule(when, _text(raw, "routine", where), _text(raw, "why", where)))
    for index, raw in enumerate(document.get("routine_limits", [])):
        where = f"routine limit {index + 1}"
        raw = _entry(raw, where)
        when = _when(raw.get("when"), f"{where}: 'when'", questions, precautions)
        never = _texts(raw.get("never"), f"{where}: 'never'")
        routine, why = _text(raw, "routine", where), _text(raw, "why", where)
        if routine in never:
            raise QuizContentError(f"{where}: {routine!r} is also in 'never'")
        limits.append(RoutineLimit(when, never, routine, why))
    return tuple(rules), tuple(limits)


def parse_content(document: dict[str, Any]) -> QuizContent:
    """Build and check the content from a parsed TOML document."""
    levels = _levels(document)
    signs = {key: _sign(key, raw) for key, raw in _table(document, "signs").items()}
    advice = {key: _advice(key, raw) for key, raw in _table(document, "advice").items()}
    questions = _questions(document, signs, advice)
    precautions = _precautions(document, questions)
    raw_causes = _table(document, "causes")
    if sorted(raw_causes) != sorted(CAUSE_KEYS):
        raise QuizContentError(f"[causes] must be exactly: {', '.join(CAUSE_KEYS)}")
    causes = {
        key: _cause(key, raw_causes[key], advice, questions, precautions) for key in CAUSE_KEYS
    }
    rules, limits = _routine_rules(document, questions, precautions)
    raw_default = _table(document, "default_routine")
    default = (
        _text(raw_default, "routine", "[default_routine]"),
        _text(raw_default, "why", "[default_routine]"),
    )
    general = _texts(document.get("general_advice"), "'general_advice'")
    _known(general, advice, "'general_advice'", "advice")
    rls = {key: _text(_table(document, "rls"), key, "[rls]") for key in RLS_TEXTS}
    return QuizContent(
        levels=levels,
        signs=signs,
        causes=causes,
        advice=advice,
        questions=tuple(questions.values()),
        rls=rls,
        general_advice=general,
        routine_rules=rules,
        disclaimer=_text(document, "disclaimer", "top level"),
        stop_note=_text(document, "stop_note", "top level"),
        no_routine=_text(document, "no_routine", "top level"),
        nothing_raised=_text(document, "nothing_raised", "top level"),
        default_routine=default,
        precautions=precautions,
        routine_limits=limits,
        advice_rules=_advice_rules(document, advice, questions, precautions),
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
