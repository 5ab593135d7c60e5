"""The words of a symptom check result, shared by the result screen and `legease quiz --last`.

Order is part of the safety rules: the urgent heading and advice alone when it applies; otherwise
the "talk to a doctor" warnings first, then the causes the answers raised, with reasons and what
helps. Each advice item appears once, in the most visible place it belongs to, after the
content's advice rules have swapped or dropped items that do not suit the answers (pregnancy,
numb skin, no urge to move).
"""

from __future__ import annotations

from dataclasses import dataclass

from legease_tui.core.quiz.model import Advice, QuizContent
from legease_tui.core.quiz.scoring import CauseScore, CheckResult

EXPANDED = 3
"""How many of the top causes are shown in full."""
URGENT_TITLE = "Get medical advice today — possible blood clot"
UNNAMED_SOURCE = "LegEase starting document"
"""Kept as a source in the content, but not shown: it names no sources of its own, so it means
nothing to a reader (the evidence words "common advice, little evidence" say what stands behind)."""
WARNINGS_TITLE = "Talk to a doctor about this"


def source_label(advice: Advice) -> str:
    """What stands behind an advice item, as a reader sees it: "NHS (leg cramps) · patient
    information", "Cochrane review 2020 (CD009402) · review" or "common advice, little
    evidence"."""
    named = [part for part in advice.source.split("; ") if part.strip() != UNNAMED_SOURCE]
    return " · ".join([*(["; ".join(named)] if named else []), advice.evidence.value])


def advice_line(advice: Advice) -> str:
    """ "Stretch calves ... (Hallegraeff et al., J Physiother 2012 · trial)"."""
    return f"{advice.text} ({source_label(advice)})"


def warning_lines(result: CheckResult, content: QuizContent) -> list[str]:
    return [content.warnings[key] for key in result.warnings if key in content.warnings]


def rls_lines(result: CheckResult, content: QuizContent) -> list[str]:
    """What the restless-legs questions found: the pattern when all five criteria fit, a
    "some answers are like it" line with four of five, else nothing."""
    if result.rls_matches:
        return [content.rls["matches"], content.rls["differs"]]
    if result.rls_partial:
        return [content.rls["partial"]]
    return []


def cause_heading(item: CauseScore, content: QuizContent, rank: int) -> str:
    return f"{rank}. {content.causes[item.cause].name} (score {item.score})"


def cause_reasons(item: CauseScore) -> str:
    """ "Because you drank very little water today; ..." (only raised causes are shown)."""
    return "Because " + "; ".join(dict.fromkeys(item.reasons)) + "."


def _fitting(keys: tuple[str, ...], result: CheckResult, content: QuizContent) -> list[str]:
    """`keys` after the content's advice rules: the first rule that holds for a key swaps it for
    its `instead`, or drops it when `instead` is empty."""
    fitting = []
    for key in keys:
        rule = next(
            (r for r in content.advice_rules if r.replace == key and r.when.holds(result.answers)),
            None,
        )
        chosen = key if rule is None else rule.instead
        if chosen:
            fitting.append(chosen)
    return fitting


@dataclass(frozen=True)
class ResultAdvice:
    """What helps, as shown: per raised cause (in rank order) and the general items."""

    by_cause: dict[str, tuple[Advice, ...]]
    general: tuple[Advice, ...]


def result_advice(result: CheckResult, content: QuizContent) -> ResultAdvice:
    """Every advice item once: first under the expanded causes, then the general items shown with
    every result, then the collapsed causes (so nothing repeats and nothing hides)."""
    seen: set[str] = set()

    def take(keys: tuple[str, ...]) -> tuple[Advice, ...]:
        fresh = [key for key in _fitting(keys, result, content) if key not in seen]
        seen.update(fresh)
        return tuple(content.advice[key] for key in fresh)

    raised = result.raised
    by_cause = {item.cause: take(content.causes[item.cause].advice) for item in raised[:EXPANDED]}
    general = take(content.general_advice)
    for item in raised[EXPANDED:]:
        by_cause[item.cause] = take(content.causes[item.cause].advice)
    return ResultAdvice(by_cause, general)


def urgent_text(content: QuizContent, taken: str) -> str:
    """The urgent result as plain text: the heading first, then what to do, then the note that
    LegEase cannot examine anyone (in place of the ranking's disclaimer)."""
    lines = [URGENT_TITLE.upper(), *(f"  ! {line}" for line in content.urgent), ""]
    lines += [content.urgent_note, f"LegEase symptom check — {taken}"]
    return "\n".join(lines)


def report_text(
    result: CheckResult,
    content: QuizContent,
    taken: str,
    routine_name: str = "",
    comparison: str = "",
) -> str:
    """The whole result as plain text, for piping or printing before a doctor's visit."""
    if result.urgent:
        return urgent_text(content, taken)
    lines = [f"LegEase symptom check — {taken}", content.disclaimer, ""]
    warnings = warning_lines(result, content)
    if warnings:
        lines += [WARNINGS_TITLE.upper(), *(f"  ! {line}" for line in warnings), ""]
    rls = rls_lines(result, content)
    if rls:
        lines += ["RESTLESS LEGS", *(f"  {line}" for line in rls), ""]
    advice = result_advice(result, content)
    lines.append("LIKELY CAUSES (best fit first)")
    if not result.raised:
        lines.append(f"  {content.nothing_raised}")
    for rank, item in enumerate(result.raised, start=1):
        lines.append(cause_heading(item, content, rank))
        if rank <= EXPANDED:
            lines.append(f"   {cause_reasons(item)}")
            lines += [f"   - {advice_line(a)}" for a in advice.by_cause[item.cause]]
    lines += ["", "ALSO WORTH KNOWING"]
    lines += [f"  - {advice_line(a)}" for a in advice.general]
    if routine_name:
        lines += ["", f"SUGGESTED ROUTINE: {routine_name} — {result.routine_why}"]
    if comparison:
        lines += ["", f"COMPARED WITH THE CHECK BEFORE: {comparison}"]
    lines.append("")
    lines.append("Answers:")
    for question in content.questions:
        if question.key in result.answers:
            given = result.answers[question.key]
            label = next((o.label for o in question.options if o.key == given), given)
            lines.append(f"  {question.text}  {label}")
    return "\n".join(lines)
