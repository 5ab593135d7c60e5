"""Scoring the symptom check: answers in, warning signs at their urgency, ranked causes and a
routine out.

Pure functions over `QuizContent`; nothing here reads files or the clock. The check ranks likely
causes and never names a diagnosis. An emergency or same-day sign leaves the causes unranked; an
emergency, same-day or urgent sign leaves the routine out.
"""

from __future__ import annotations

from dataclasses import dataclass

from legease_tui.core.quiz.content import CAUSE_KEYS
from legease_tui.core.quiz.model import (
    LEVEL_KEYS,
    NO_ROUTINE,
    STOPS_AFTER_SAFETY,
    STOPS_AT_ONCE,
    Answer,
    Answers,
    Question,
    QuizContent,
    chosen,
)

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

    answers: dict[str, Answer]
    """Question key -> option key (a tuple of them for a choose-all question), only for
    questions that applied."""
    signs: tuple[str, ...] = ()
    """Warning-sign keys the answers revealed, in content order."""
    levels: tuple[str, ...] = ()
    """The urgency levels of those signs, most urgent first: shown before anything else."""
    ranked: tuple[CauseScore, ...] = ()
    rls_criteria: tuple[int, ...] = ()
    """Restless-legs criteria (1-5) the answers meet."""
    routine: str = ""
    """Key of the routine to suggest ("" while an emergency, same-day or urgent sign shows)."""
    routine_why: str = ""

    @property
    def stopped(self) -> bool:
        """An emergency or same-day sign ended the check before any cause or self-care."""
        return bool((STOPS_AT_ONCE | STOPS_AFTER_SAFETY) & set(self.levels))

    @property
    def routine_barred(self) -> bool:
        """A sign that says "see a clinician first": no routine is suggested or offered."""
        return bool(NO_ROUTINE & set(self.levels))

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


def applicable_questions(content: QuizContent, answers: Answers) -> list[Question]:
    """The questions to ask given the answers so far, in order (skipped ones left out)."""
    return [q for q in content.questions if q.ask_if is None or q.ask_if.holds(answers)]


def check_answer(question: Question, answer: Answer) -> None:
    """Raise `AnswerError` naming the question and the allowed answers if `answer` does not fit:
    an unknown option, several for a one-answer question, or "none" chosen with others."""
    allowed = [option.key for option in question.options]
    keys = chosen(answer)
    if not isinstance(answer, str) and not question.multiple:
        raise AnswerError(f"question {question.key!r}: choose one answer of {allowed}")
    if not keys or len(set(keys)) != len(keys):
        raise AnswerError(f"question {question.key!r}: choose each answer once, from {allowed}")
    for key in keys:
        if key not in allowed:
            raise AnswerError(f"question {question.key!r}: answer {key!r} is not one of {allowed}")
    alone = [key for key in keys if question.option(key).alone]
    if alone and len(keys) > 1:
        label = question.option(alone[0]).label
        raise AnswerError(f"question {question.key!r}: {label!r} cannot go with other answers")


def check_answers(content: QuizContent, answers: Answers) -> None:
    """Raise `AnswerError` naming the question and the allowed answers if any answer is unknown."""
    known = {question.key: question for question in content.questions}
    for key, value in answers.items():
        if key not in known:
            raise AnswerError(f"unknown question {key!r} (known: {', '.join(known)})")
        check_answer(known[key], value)


def levels_of(content: QuizContent, signs: set[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The levels of `signs`, most urgent first (signs the content no longer has are left out)."""
    found = {content.signs[key].level for key in signs if key in content.signs}
    return tuple(level for level in LEVEL_KEYS if level in found)


def score_answers(content: QuizContent, answers: Answers) -> CheckResult:
    """The warning signs at their levels; then, unless a sign stopped the check, the six causes
    ranked by how well `answers` fit them, and the routine (none under a "see a clinician
    first" sign).

    Answers to questions that no longer apply (after going back and changing an earlier one)
    are ignored, so the result matches what the person sees.
    """
    check_answers(content, answers)
    asked = [q for q in applicable_questions(content, answers) if q.key in answers]
    kept: dict[str, Answer] = {
        q.key: tuple(chosen(answers[q.key])) if q.multiple else answers[q.key] for q in asked
    }
    options = [q.option(key) for q in asked for key in chosen(kept[q.key])]
    revealed = {option.sign for option in options if option.sign}
    signs = tuple(key for key in content.signs if key in revealed)
    levels = levels_of(content, revealed)
    if (STOPS_AT_ONCE | STOPS_AFTER_SAFETY) & set(levels):
        return CheckResult(answers=kept, signs=signs, levels=levels)
    scores = dict.fromkeys(CAUSE_KEYS, 0)
    reasons: dict[str, list[str]] = {key: [] for key in CAUSE_KEYS}
    criteria: set[int] = set()
    for option in options:
        for cause, weight in option.weights.items():
            scores[cause] += weight
            reasons[cause].append(option.reason)
        if option.rls:
            criteria.add(option.rls)
    if criteria >= RLS_PATTERN:
        scores["medical"] += RLS_BONUS
        reasons["medical"].insert(0, RLS_REASON)
    for name, about in content.causes.items():
        if about.ruled_out is not None and about.ruled_out.holds(kept):
            scores[name], reasons[name] = 0, []
    order = sorted(CAUSE_KEYS, key=lambda cause: (-scores[cause], CAUSE_KEYS.index(cause)))
    ranked = tuple(CauseScore(c, scores[c], tuple(reasons[c])) for c in order)
    routine, why = suggest_routine(content, kept, ranked[0], levels)
    return CheckResult(
        answers=kept,
        signs=signs,
        levels=levels,
        ranked=ranked,
        rls_criteria=tuple(sorted(criteria)),
        routine=routine,
        routine_why=why,
    )


def suggest_routine(
    content: QuizContent, answers: Answers, top: CauseScore, levels: tuple[str, ...] = ()
) -> tuple[str, str]:
    """The routine to offer and why: none under a "see a clinician first" sign; else the first
    matching rule, the top cause's routine, or the default routine when no answer raised any
    cause (a tie at 0 says nothing); then the limits replace a routine that could harm."""
    if NO_ROUTINE & set(levels):
        return "", ""
    rule = next((rule for rule in content.routine_rules if rule.when.holds(answers)), None)
    if rule is not None:
        routine, why = rule.routine, rule.why
    elif top.score == 0:
        routine, why = content.default_routine
    else:
        cause = content.causes[top.cause]
        routine, why = cause.routine, f"Fits {cause.name.lower()}."
    for limit in content.routine_limits:
        if routine in limit.never and limit.when.holds(answers):
            routine, why = limit.routine, limit.why
    return routine, why


def _level(score: int) -> int:
    return 2 if score >= HIGH else 1 if score >= SOME else 0


def compare_checks(content: QuizContent, previous: CheckResult, current: CheckResult) -> str:
    """One line on what changed since the previous check: "stress: high both times; water:
    better". Each cause's name, then a colon: a verb would need "is" for "water" and "are" for
    "health conditions". Empty when either check stopped early or nothing notable changed."""
    if previous.stopped or current.stopped or not previous.ranked:
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
