"""Scoring the symptom check: answers in, ranked causes, warning signs and a routine out.

Pure functions over `QuizContent`; nothing here reads files or the clock. The check ranks likely
causes and never names a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass

from legease_tui.core.quiz.content import CAUSE_KEYS
from legease_tui.core.quiz.model import Question, QuizContent

RLS_PATTERN = frozenset({1, 2, 3, 4, 5})
"""All five IRLSSG 2012 criteria must fit before the answers "fit the pattern" of restless legs
(the fifth: not explained by cramps, position, joints or swelling)."""
RLS_PARTIAL = len(RLS_PATTERN) - 1
"""With four of the five, the result says the answers are only partly like restless legs."""
RLS_BONUS = 2
RLS_REASON = "your answers fit the restless-legs pattern"
HIGH, SOME = 4, 2
"""Score levels used when comparing two checks."""
CLEAR = 3
"""The score a cause needs before the log note and tags name it. The content gives 3 to one answer
that on its own points at a cause (very little water, over 8 hours sitting, very stressed) and 1
to a hint shared by several causes (a short cramp), so a cause is named only on a strong answer
or on three hints that agree; a tie of weak scores names nothing."""
NAMED = 2
"""At most this many causes are named; never by cutting through a tie."""


class AnswerError(ValueError):
    """An answer names an unknown question or option; the message lists what is allowed."""


@dataclass(frozen=True)
class CauseScore:
    """How well the answers fit one cause, and which answers raised it."""

    cause: str
    score: int
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one symptom check."""

    answers: dict[str, str]
    """Question key -> option key, only for questions that applied."""
    urgent: bool = False
    """A possible blood clot: nothing but the urgent advice is shown."""
    warnings: tuple[str, ...] = ()
    """Warning keys, in content order: "talk to a doctor" items."""
    ranked: tuple[CauseScore, ...] = ()
    rls_criteria: tuple[int, ...] = ()
    """Restless-legs criteria (1-5) the answers meet."""
    routine: str = ""
    """Key of the routine to suggest ("" when urgent)."""
    routine_why: str = ""

    @property
    def rls_matches(self) -> bool:
        return set(self.rls_criteria) >= RLS_PATTERN

    @property
    def rls_partial(self) -> bool:
        """Four of the five criteria: like restless legs, but something else may explain it."""
        return len(set(self.rls_criteria) & RLS_PATTERN) == RLS_PARTIAL

    @property
    def raised(self) -> tuple[CauseScore, ...]:
        """The ranked causes some answer raised (score above 0): the only ones shown."""
        return tuple(item for item in self.ranked if item.score > 0)

    def leading(self) -> tuple[CauseScore, ...]:
        """The causes that clearly lead (see `CLEAR`, `NAMED`): what the log note and tags name."""
        strong = [item for item in self.ranked if item.score >= CLEAR]
        if len(strong) > NAMED:
            cut = strong[NAMED].score
            strong = [item for item in strong[:NAMED] if item.score > cut]
        return tuple(strong)

    def score_of(self, cause: str) -> int:
        return next((item.score for item in self.ranked if item.cause == cause), 0)


def applicable_questions(content: QuizContent, answers: dict[str, str]) -> list[Question]:
    """The questions to ask given the answers so far, in order (skipped ones left out)."""
    return [q for q in content.questions if q.ask_if is None or q.ask_if.holds(answers)]


def check_answers(content: QuizContent, answers: dict[str, str]) -> None:
    """Raise `AnswerError` naming the question and the allowed answers if any answer is unknown."""
    known = {question.key: question for question in content.questions}
    for key, value in answers.items():
        if key not in known:
            raise AnswerError(f"unknown question {key!r} (known: {', '.join(known)})")
        allowed = [option.key for option in known[key].options]
        if value not in allowed:
            raise AnswerError(f"question {key!r}: answer {value!r} is not one of {allowed}")


def score_answers(content: QuizContent, answers: dict[str, str]) -> CheckResult:
    """Rank the six causes by how well `answers` fit them; an urgent answer stops everything.

    Answers to questions that no longer apply (after going back and changing an earlier one)
    are ignored, so the result matches what the person sees.
    """
    check_answers(content, answers)
    asked = [q for q in applicable_questions(content, answers) if q.key in answers]
    chosen = [(q, q.option(answers[q.key])) for q in asked]
    kept = {q.key: option.key for q, option in chosen}
    if any(option.urgent for _, option in chosen):
        return CheckResult(answers=kept, urgent=True)
    scores = dict.fromkeys(CAUSE_KEYS, 0)
    reasons: dict[str, list[str]] = {key: [] for key in CAUSE_KEYS}
    warnings: set[str] = set()
    criteria: set[int] = set()
    for _, option in chosen:
        for cause, weight in option.weights.items():
            scores[cause] += weight
            reasons[cause].append(option.reason)
        if option.warning:
            warnings.add(option.warning)
        if option.rls:
            criteria.add(option.rls)
    if criteria >= RLS_PATTERN:
        scores["medical"] += RLS_BONUS
        reasons["medical"].insert(0, RLS_REASON)
    order = sorted(CAUSE_KEYS, key=lambda cause: (-scores[cause], CAUSE_KEYS.index(cause)))
    ranked = tuple(CauseScore(c, scores[c], tuple(reasons[c])) for c in order)
    routine, why = suggest_routine(content, kept, ranked[0])
    return CheckResult(
        answers=kept,
        warnings=tuple(key for key in content.warnings if key in warnings),
        ranked=ranked,
        rls_criteria=tuple(sorted(criteria)),
        routine=routine,
        routine_why=why,
    )


def suggest_routine(
    content: QuizContent, answers: dict[str, str], top: CauseScore
) -> tuple[str, str]:
    """The routine to offer and why: the first matching rule, else the top cause's routine, or
    the default routine when no answer raised any cause (a tie at 0 says nothing)."""
    for rule in content.routine_rules:
        if rule.when.holds(answers):
            return rule.routine, rule.why
    if top.score == 0:
        return content.default_routine
    cause = content.causes[top.cause]
    return cause.routine, f"Fits {cause.name.lower()}."


def _level(score: int) -> int:
    return 2 if score >= HIGH else 1 if score >= SOME else 0


def compare_checks(content: QuizContent, previous: CheckResult, current: CheckResult) -> str:
    """One line on what changed since the previous check: "stress: high both times; water:
    better". Each cause's name, then a colon: a verb would need "is" for "water" and "are" for
    "health conditions". Empty when either check stopped early or nothing notable changed."""
    if previous.urgent or current.urgent or not previous.ranked:
        return ""
    parts = []
    for cause in CAUSE_KEYS:
        before, now = _level(previous.score_of(cause)), _level(current.score_of(cause))
        short = content.causes[cause].short
        if before == now == 2:
            parts.append(f"{short}: high both times")
        elif now < before:
            parts.append(f"{short}: better")
        elif now > before and now == 2:
            parts.append(f"{short}: higher than last time")
    return "; ".join(parts)
