"""The words of a symptom check result, shared by the result screen and `legease quiz --last`.

Order is part of the safety rules: the urgent advice alone when it applies; otherwise the
"talk to a doctor" warnings first, then the ranked causes with reasons and what helps.
"""

from __future__ import annotations

from legease_tui.core.quiz.model import Advice, QuizContent
from legease_tui.core.quiz.scoring import CauseScore, CheckResult

EXPANDED = 3
"""How many of the top causes are shown in full."""
URGENT_TITLE = "Get medical advice today — possible blood clot"
WARNINGS_TITLE = "Talk to a doctor about this"


def advice_line(advice: Advice) -> str:
    """ "Stretch calves ... (Hallegraeff et al., J Physiother 2012 · trial)"."""
    return f"{advice.text} ({advice.source} · {advice.evidence.value})"


def warning_lines(result: CheckResult, content: QuizContent) -> list[str]:
    return [content.warnings[key] for key in result.warnings if key in content.warnings]


def rls_lines(result: CheckResult, content: QuizContent) -> list[str]:
    """What the restless-legs screen found (empty unless the first four criteria fit)."""
    if not result.rls_matches:
        return []
    lines = [content.rls["matches"], content.rls["differs"]]
    if 5 not in result.rls_criteria:
        lines.append(content.rls["other"])
    return lines


def cause_heading(item: CauseScore, content: QuizContent, rank: int) -> str:
    return f"{rank}. {content.causes[item.cause].name} (score {item.score})"


def cause_reasons(item: CauseScore, content: QuizContent) -> str:
    """ "Because you drank very little water today; ..." or the cause's general description."""
    reasons = list(dict.fromkeys(item.reasons))
    if not reasons:
        return f"None of your answers pointed here. {content.causes[item.cause].about}"
    return "Because " + "; ".join(reasons) + "."


def cause_advice(item: CauseScore, content: QuizContent) -> list[Advice]:
    """What helps with this cause, most useful first."""
    return [content.advice[key] for key in content.causes[item.cause].advice]


def general_advice(content: QuizContent) -> list[Advice]:
    """Shown with every full result: cramp release, pain relievers, supplements."""
    return [content.advice[key] for key in content.general_advice]


def report_text(
    result: CheckResult,
    content: QuizContent,
    taken: str,
    routine_name: str = "",
    comparison: str = "",
) -> str:
    """The whole result as plain text, for piping or printing before a doctor's visit."""
    lines = [f"LegEase symptom check — {taken}", content.disclaimer, ""]
    if result.urgent:
        lines += [URGENT_TITLE.upper(), *(f"  ! {line}" for line in content.urgent)]
        return "\n".join(lines)
    warnings = warning_lines(result, content)
    if warnings:
        lines += [WARNINGS_TITLE.upper(), *(f"  ! {line}" for line in warnings), ""]
    rls = rls_lines(result, content)
    if rls:
        lines += ["RESTLESS LEGS", *(f"  {line}" for line in rls), ""]
    lines.append("LIKELY CAUSES (best fit first)")
    for rank, item in enumerate(result.ranked, start=1):
        lines.append(cause_heading(item, content, rank))
        if rank <= EXPANDED:
            lines.append(f"   {cause_reasons(item, content)}")
            lines += [f"   - {advice_line(a)}" for a in cause_advice(item, content)]
    lines += ["", "ALSO WORTH KNOWING"]
    lines += [f"  - {advice_line(a)}" for a in general_advice(content)]
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
