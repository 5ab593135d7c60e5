"""The symptom check's content, as plain data: causes, advice, questions, warning signs.

The content itself lives in `content.toml` and is read by `content.load_content`,
which checks every cross-reference; these classes only describe its shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Evidence(StrEnum):
    """What stands behind a piece of advice, in words a reader can weigh."""

    GUIDELINE = "guideline"
    """A named clinical guideline (AASM 2024, IRLSSG criteria)."""
    REVIEW = "review"
    """A systematic or clinical review (Cochrane 2020, AAFP 2012)."""
    TRIAL = "trial"
    """A randomised trial (Hallegraeff 2012)."""
    PATIENT_INFO = "patient information"
    """Pages written for patients (NHS, Merck, Mayo Clinic): not a guideline."""
    COMMON = "common advice, little evidence"
    """Named in the starting document or widely given, with no study behind it."""


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
class AdviceRule:
    """When the condition holds, show `instead` in place of `replace` ("" drops it)."""

    when: Condition
    replace: str
    instead: str


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
    """Texts of the restless-legs result: "matches" and "differs" (all five criteria met),
    "partial" (four of the five)."""
    general_advice: tuple[str, ...]
    """Advice keys shown with every full result (pain relievers, supplements)."""
    routine_rules: tuple[RoutineRule, ...]
    disclaimer: str
    urgent_note: str
    """Shown with the urgent panel in place of `disclaimer`."""
    nothing_raised: str
    """Said instead of a ranking when no answer raised any cause."""
    default_routine: tuple[str, str]
    """(routine key, why) offered when no rule matches and no answer raised a cause."""
    advice_rules: tuple[AdviceRule, ...] = ()

    def question(self, key: str) -> Question:
        for question in self.questions:
            if question.key == key:
                return question
        raise KeyError(f"no question {key!r}")

    def texts(self) -> list[str]:
        """Every string a person can read, for content checks (dose patterns, wording)."""
        found = [self.disclaimer, self.urgent_note, self.nothing_raised, *self.urgent]
        found += [*self.warnings.values(), *self.rls.values(), self.default_routine[1]]
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
