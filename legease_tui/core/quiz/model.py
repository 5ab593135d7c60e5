"""The symptom check's content, as plain data: causes, advice, questions, warning signs.

The content itself lives in `content.toml` and is read by `content.load_content`,
which checks every cross-reference; these classes only describe its shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Evidence(StrEnum):
    """How strong the support for a piece of advice is."""

    TRIAL = "trial"
    GUIDELINE = "guideline"
    EXPERT = "expert advice"
    LITTLE = "little evidence"


@dataclass(frozen=True)
class Advice:
    """One thing that may help, with where it comes from and how well it is supported."""

    key: str
    text: str
    source: str
    evidence: Evidence


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


@dataclass(frozen=True)
class Condition:
    """Ask a question only when an earlier answer is one of `answers`."""

    question: str
    answers: tuple[str, ...]

    def holds(self, answers: dict[str, str]) -> bool:
        return answers.get(self.question) in self.answers


@dataclass(frozen=True)
class Option:
    """One answer to a question and what it says about each cause."""

    key: str
    label: str
    weights: dict[str, int] = field(default_factory=dict)
    """Cause key -> how much this answer raises it."""
    reason: str = ""
    """Shown under every cause this answer raises ("you sat for more than 8 hours today")."""
    warning: str = ""
    """Key of a warning sign this answer reveals (a "talk to a doctor" item)."""
    urgent: bool = False
    """A possible blood clot: the check stops here and shows the urgent advice only."""
    rls: int = 0
    """1-5 when this answer meets that restless-legs criterion (IRLSSG 2012), else 0."""


@dataclass(frozen=True)
class Question:
    """One question, asked on its own screen."""

    key: str
    text: str
    options: tuple[Option, ...]
    section: str
    """"safety", "sensation", "restless legs", "today" or "about you" (shown above it)."""
    ask_if: Condition | None = None

    def option(self, key: str) -> Option:
        for option in self.options:
            if option.key == key:
                return option
        raise KeyError(f"question {self.key!r} has no answer {key!r}")


@dataclass(frozen=True)
class RoutineRule:
    """Suggest `routine` when the condition holds (checked in order before the top cause)."""

    when: Condition
    routine: str
    why: str


@dataclass(frozen=True)
class QuizContent:
    """Everything the symptom check says, validated."""

    causes: dict[str, Cause]
    advice: dict[str, Advice]
    questions: tuple[Question, ...]
    warnings: dict[str, str]
    """Warning key -> the line shown in the "talk to a doctor" panel."""
    urgent: tuple[str, ...]
    """The lines of the urgent panel (a possible blood clot), in order."""
    rls: dict[str, str]
    """Texts of the restless-legs result: "matches", "other", "differs"."""
    general_advice: tuple[str, ...]
    """Advice keys shown with every full result (pain relievers, supplements)."""
    routine_rules: tuple[RoutineRule, ...]
    disclaimer: str

    def question(self, key: str) -> Question:
        for question in self.questions:
            if question.key == key:
                return question
        raise KeyError(f"no question {key!r}")

    def texts(self) -> list[str]:
        """Every string a person can read, for content checks (dose patterns, wording)."""
        found = [self.disclaimer, *self.urgent, *self.warnings.values(), *self.rls.values()]
        for cause in self.causes.values():
            found += [cause.name, cause.short, cause.about]
        for advice in self.advice.values():
            found += [advice.text, advice.source]
        for question in self.questions:
            found.append(question.text)
            for option in question.options:
                found += [option.label, option.reason]
        found += [rule.why for rule in self.routine_rules]
        return [text for text in found if text]
