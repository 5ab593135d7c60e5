"""The symptom check's content, as plain data: urgency levels, warning signs, causes, advice,
questions, and the rules that pick advice and a routine.

The content itself lives in `content.toml` and is read by `content.load_content`,
which checks every cross-reference; these classes only describe its shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from legease_tui.core.evidence import Evidence

EMERGENCY, TODAY, URGENT, GP = "emergency", "today", "urgent", "gp"
LEVEL_KEYS = (EMERGENCY, TODAY, URGENT, GP)
"""The urgency levels, most urgent first: the order they are shown in."""
STOPS_AT_ONCE = frozenset({EMERGENCY})
"""An answer at this level ends the check there: nothing stands between it and "call 999"."""
STOPS_AFTER_SAFETY = frozenset({TODAY})
"""These end the check once the safety questions are answered (an emergency sign asked later is
still caught), before any cause or self-care."""
NO_ROUTINE = frozenset({EMERGENCY, TODAY, URGENT})
"""While a sign at one of these levels shows, no routine is suggested or offered."""

Answer = str | tuple[str, ...]
"""One option key, or several for a "choose all that apply" question."""
Answers = Mapping[str, Answer]


def chosen(answer: Answer | None) -> tuple[str, ...]:
    """The option keys of an answer, whichever its shape (a saved list reads as well)."""
    if answer is None:
        return ()
    if isinstance(answer, str):
        return (answer,)
    return tuple(answer)


class Sourced(Protocol):
    """Anything a person reads that names where it comes from."""

    @property
    def source(self) -> str: ...

    @property
    def evidence(self) -> Evidence: ...


@dataclass(frozen=True)
class Level:
    """One urgency level: its heading, what to do, and where that comes from."""

    key: str
    title: str
    """The heading, shown first: "Emergency: call 999, 112 or 911, or go to A&E now"."""
    short: str
    """A few words for the log's line: "emergency signs"."""
    says: str
    """What to do, under the heading."""
    source: str
    evidence: Evidence


@dataclass(frozen=True)
class Sign:
    """One warning sign an answer reveals, at its level, in its own words."""

    key: str
    level: str
    text: str
    source: str
    evidence: Evidence


@dataclass(frozen=True)
class Advice:
    """One thing that may help, with where it comes from and how well it is supported."""

    key: str
    text: str
    source: str
    evidence: Evidence


class Holds(Protocol):
    """A condition on the answers given so far."""

    def holds(self, answers: Answers) -> bool: ...


@dataclass(frozen=True)
class Condition:
    """Holds when the answer to `question` is (or, chosen with others, includes) one of
    `answers`."""

    question: str
    answers: tuple[str, ...]

    def holds(self, answers: Answers) -> bool:
        return any(key in self.answers for key in chosen(answers.get(self.question)))


@dataclass(frozen=True)
class AnyOf:
    """Holds when any of its conditions does: a named precaution ("balance-risk")."""

    name: str
    conditions: tuple[Condition, ...]

    def holds(self, answers: Answers) -> bool:
        return any(condition.holds(answers) for condition in self.conditions)


@dataclass(frozen=True)
class Cause:
    """One of the six causes of night-time leg tension in the starting document."""

    key: str
    name: str
    short: str
    """A word or two for comparisons: "water", "stress"."""
    about: str
    advice: tuple[str, ...]
    """Keys of the advice items that fit this cause, most useful first."""
    routine: str
    """The routine to suggest when this cause ranks first."""
    ruled_out: Holds | None = None
    """When this holds, the cause is never a likely one (a fluid limit rules out "too little
    fluid")."""


@dataclass(frozen=True)
class Option:
    """One answer to a question and what it says about each cause."""

    key: str
    label: str
    weights: dict[str, int] = field(default_factory=dict)
    """Cause key -> how much this answer raises it."""
    reason: str = ""
    """Shown under every cause this answer raises ("you sat for more than 8 hours today")."""
    sign: str = ""
    """Key of the warning sign this answer reveals."""
    rls: int = 0
    """1-5 when this answer meets that restless-legs criterion (IRLSSG 2012), else 0."""
    advice: tuple[str, ...] = ()
    """Advice keys this answer brings, shown under "About you" (quinine, a fluid limit)."""
    alone: bool = False
    """In a "choose all that apply" question: an answer that cannot be combined ("none")."""


@dataclass(frozen=True)
class Question:
    """One question, asked on its own screen."""

    key: str
    text: str
    options: tuple[Option, ...]
    section: str
    """"safety", "how it feels", "restless legs", "about you", "sleep" or "today"."""
    ask_if: Condition | None = None
    multiple: bool = False
    """Choose all that apply (the answer is a tuple of option keys)."""

    def option(self, key: str) -> Option:
        for option in self.options:
            if option.key == key:
                return option
        raise KeyError(f"question {self.key!r} has no answer {key!r}")


@dataclass(frozen=True)
class RoutineRule:
    """Suggest `routine` when the condition holds (checked in order before the top cause)."""

    when: Holds
    routine: str
    why: str


@dataclass(frozen=True)
class RoutineLimit:
    """When the condition holds, a routine in `never` is replaced by `routine` (legs up the wall
    with poor circulation): checked after the rules and the top cause have chosen."""

    when: Holds
    never: tuple[str, ...]
    routine: str
    why: str


@dataclass(frozen=True)
class AdviceRule:
    """When the condition holds, show `instead` in place of `replace` ("" drops it)."""

    when: Holds
    replace: str
    instead: str


@dataclass(frozen=True)
class QuizContent:
    """Everything the symptom check says, validated."""

    levels: dict[str, Level]
    """In LEVEL_KEYS order."""
    signs: dict[str, Sign]
    """In the order they are shown within their level."""
    causes: dict[str, Cause]
    advice: dict[str, Advice]
    questions: tuple[Question, ...]
    rls: dict[str, str]
    """Texts of the restless-legs result: "matches" and "differs" (all five criteria met),
    "partial" (four of the five)."""
    general_advice: tuple[str, ...]
    """Advice keys shown with every full result (pain relievers, supplements)."""
    routine_rules: tuple[RoutineRule, ...]
    disclaimer: str
    stop_note: str
    """Shown when the check stops for an emergency or same-day sign, in place of `disclaimer`."""
    no_routine: str
    """Said in place of a routine while an emergency, same-day or urgent sign shows."""
    nothing_raised: str
    """Said instead of a ranking when no answer raised any cause."""
    default_routine: tuple[str, str]
    """(routine key, why) offered when no rule matches and no answer raised a cause."""
    precautions: dict[str, AnyOf] = field(default_factory=dict)
    """Precaution name -> the answers that call for it (see `precautions.PRECAUTIONS`)."""
    routine_limits: tuple[RoutineLimit, ...] = ()
    advice_rules: tuple[AdviceRule, ...] = ()

    def question(self, key: str) -> Question:
        for question in self.questions:
            if question.key == key:
                return question
        raise KeyError(f"no question {key!r}")

    def signs_at(self, level: str) -> list[Sign]:
        return [sign for sign in self.signs.values() if sign.level == level]

    def texts(self) -> list[str]:
        """Every string a person can read, for content checks (dose patterns, wording)."""
        found = [self.disclaimer, self.stop_note, self.no_routine, self.nothing_raised]
        found += [*self.rls.values(), self.default_routine[1]]
        for level in self.levels.values():
            found += [level.title, level.short, level.says, level.source]
        for sign in self.signs.values():
            found += [sign.text, sign.source]
        for cause in self.causes.values():
            found += [cause.name, cause.short, cause.about]
        for advice in self.advice.values():
            found += [advice.text, advice.source]
        for question in self.questions:
            found.append(question.text)
            for option in question.options:
                found += [option.label, option.reason]
        found += [rule.why for rule in self.routine_rules]
        found += [limit.why for limit in self.routine_limits]
        return [text for text in found if text]
