"""The words of a symptom check result, shared by the result screen and `legease quiz --last`.

Order is part of the safety rules: the urgency levels first, most urgent first, each with what
to do and the signs that put the person there. An emergency or same-day sign shows the levels
alone; otherwise, after the levels, what the answers about the person mean for them, then the
causes the answers raised, with reasons and what helps. While an emergency, same-day or urgent
sign shows, no routine is offered: "see a clinician first" is said instead. Each advice item
appears once, in the most visible place it belongs to, after the content's advice rules have
swapped or dropped items that do not suit the answers (pregnancy, numb skin, a fluid limit, an
urge to move).
"""

from __future__ import annotations

from dataclasses import dataclass

from legease_tui.core.quiz.model import Advice, Level, QuizContent, Sign, Sourced, chosen
from legease_tui.core.quiz.scoring import CauseScore, CheckResult, applicable_questions

EXPANDED = 3
"""How many of the top causes are shown in full."""
UNNAMED_SOURCE = "LegEase starting document"
"""Kept as a source in the content, but not shown: it names no sources of its own, so it means
nothing to a reader (the evidence words "common advice, little evidence" say what stands behind)."""
NO_ROUTINE_TITLE = "No routine tonight"
ABOUT_YOU_TITLE = "About you"


def source_label(item: Sourced) -> str:
    """What stands behind a line, as a reader sees it: "NHS (leg cramps) · patient
    information", "Cochrane review 2020 (CD009402) · review" or "common advice, little
    evidence"."""
    named = [part for part in item.source.split("; ") if part.strip() != UNNAMED_SOURCE]
    return " · ".join([*(["; ".join(named)] if named else []), item.evidence.value])


def advice_line(advice: Advice | Sign) -> str:
    """ "Stretch calves ... (Hallegraeff et al., J Physiother 2012 · trial)"."""
    return f"{advice.text} ({source_label(advice)})"


def level_line(level: Level) -> str:
    return f"{level.says} ({source_label(level)})"


def no_routine_line(content: QuizContent) -> str:
    return f"{NO_ROUTINE_TITLE}. {content.no_routine}"


def shown_levels(result: CheckResult, content: QuizContent) -> list[tuple[Level, list[Sign]]]:
    """Each level the answers reached, most urgent first, with its signs in content order."""
    signs = [content.signs[key] for key in result.signs if key in content.signs]
    return [
        (content.levels[level], [sign for sign in signs if sign.level == level])
        for level in result.levels
        if level in content.levels
    ]


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
    its `instead`, or drops it when `instead` is empty; a swapped-in item meets the rules too
    (in pregnancy magnesium becomes its pregnancy line, which an urge to move then drops)."""
    fitting = []
    for key in keys:
        for _ in range(len(content.advice_rules) + 1):  # each rule can apply once at most
            rule = next(
                (
                    r
                    for r in content.advice_rules
                    if r.replace == key and r.when.holds(result.answers)
                ),
                None,
            )
            if rule is None or not key:
                break
            key = rule.instead
        if key:
            fitting.append(key)
    return fitting


def _brought(result: CheckResult, content: QuizContent) -> tuple[str, ...]:
    """Advice keys the answers about the person bring (quinine, a fluid limit), in question
    order."""
    keys: list[str] = []
    for question in applicable_questions(content, result.answers):
        for key in chosen(result.answers.get(question.key)):
            if key in {option.key for option in question.options}:
                keys += question.option(key).advice
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class ResultAdvice:
    """What helps, as shown: about the person, per raised cause (in rank order), and the
    general items."""

    about_you: tuple[Advice, ...]
    by_cause: dict[str, tuple[Advice, ...]]
    general: tuple[Advice, ...]


def result_advice(result: CheckResult, content: QuizContent) -> ResultAdvice:
    """Every advice item once: first what the answers about the person bring, then under the
    expanded causes, then the general items shown with every result, then the collapsed causes
    (so nothing repeats and nothing hides)."""
    seen: set[str] = set()

    def take(keys: tuple[str, ...]) -> tuple[Advice, ...]:
        fresh = [key for key in _fitting(keys, result, content) if key not in seen]
        fresh = list(dict.fromkeys(fresh))
        seen.update(fresh)
        return tuple(content.advice[key] for key in fresh)

    about_you = take(_brought(result, content))
    raised = result.raised
    by_cause = {item.cause: take(content.causes[item.cause].advice) for item in raised[:EXPANDED]}
    general = take(content.general_advice)
    for item in raised[EXPANDED:]:
        by_cause[item.cause] = take(content.causes[item.cause].advice)
    return ResultAdvice(about_you, by_cause, general)


def _level_lines(result: CheckResult, content: QuizContent) -> list[str]:
    lines = []
    for level, signs in shown_levels(result, content):
        lines += [level.title.upper(), f"  {level_line(level)}"]
        lines += [f"  ! {advice_line(sign)}" for sign in signs]
        lines.append("")
    return lines


def _answer_lines(result: CheckResult, content: QuizContent) -> list[str]:
    """Every answer kept, with the question's words; one the content no longer asks is shown
    by its keys, so nothing saved is left out."""
    lines = ["Answers:"]
    known = {question.key: question for question in content.questions}
    for key, given in result.answers.items():
        question = known.get(key)
        if question is None:
            lines.append(f"  {key}: {', '.join(chosen(given))}")
            continue
        labels = {option.key: option.label for option in question.options}
        lines.append(f"  {question.text}  {'; '.join(labels.get(k, k) for k in chosen(given))}")
    return lines


def stop_text(result: CheckResult, content: QuizContent, taken: str) -> str:
    """A check that an emergency or same-day sign stopped, as plain text: the levels first,
    then "no routine", then the note that LegEase cannot examine anyone (in place of the
    ranking's disclaimer), then the answers for whoever sees the person."""
    lines = _level_lines(result, content)
    lines += [no_routine_line(content), content.stop_note, "", f"LegEase symptom check — {taken}"]
    lines += _answer_lines(result, content)
    return "\n".join(lines)


def report_text(
    result: CheckResult,
    content: QuizContent,
    taken: str,
    routine_name: str = "",
    comparison: str = "",
) -> str:
    """The whole result as plain text, for piping or printing before a doctor's visit."""
    if result.stopped:
        return stop_text(result, content, taken)
    lines = [f"LegEase symptom check — {taken}", content.disclaimer, ""]
    lines += _level_lines(result, content)
    if result.routine_barred:
        lines += [no_routine_line(content), ""]
    rls = rls_lines(result, content)
    if rls:
        lines += ["RESTLESS LEGS", *(f"  {line}" for line in rls), ""]
    advice = result_advice(result, content)
    if advice.about_you:
        lines += [ABOUT_YOU_TITLE.upper(), *(f"  - {advice_line(a)}" for a in advice.about_you)]
        lines.append("")
    lines.append("LIKELY CAUSES (best fit first)")
    if not result.raised:
        lines.append(f"  {content.nothing_raised}")
    for rank, item in enumerate(result.raised, start=1):
        lines.append(cause_heading(item, content, rank))
        if rank <= EXPANDED:
            lines.append(f"   {cause_reasons(item)}")
            lines += [f"   - {advice_line(a)}" for a in advice.by_cause[item.cause]]
    if advice.general:
        lines += ["", "ALSO WORTH KNOWING", *(f"  - {advice_line(a)}" for a in advice.general)]
    if routine_name and not result.routine_barred:
        lines += ["", f"SUGGESTED ROUTINE: {routine_name} — {result.routine_why}"]
    if comparison:
        lines += ["", f"COMPARED WITH THE CHECK BEFORE: {comparison}"]
    lines.append("")
    lines += _answer_lines(result, content)
    return "\n".join(lines)
