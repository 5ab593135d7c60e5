"""Answer sets shared by the symptom check tests."""

from __future__ import annotations

from collections.abc import Mapping

from legease_tui.core.quiz.flow import QuizRun
from legease_tui.core.quiz.model import Answer, QuizContent, chosen

NEUTRAL: dict[str, Answer] = {
    "emergency": "none",
    "one-leg": "no",
    "both-swollen": "no",
    "muscle": "no",
    "circulation": "no",
    "long-cramp": "no",
    "nerve": "no",
    "sensation": "unsure",
    "age": "18-64",
    "balance": "no",
    "conditions": ("none",),
    "fluid-limit": "no",
    "medicine": "no",
    "quinine": "no",
    "alcohol": "no",
    "veins": "no",
    "pregnant": "not-applicable",
    "how-often": "rarely",
    "position": "side-back",
    "bedding": "no",
    "water": "plenty",
    "drinks": "neither",
    "fluid-loss": "no",
    "stress": "calm",
    "racing": "no",
    "sitting": "few",
    "exercise": "none",
    "diet": "varied",
}
"""Answers that raise no cause and show no warning."""

DESK_JOB: dict[str, Answer] = {**NEUTRAL, "sensation": "knot", "water": "little", "sitting": "many"}
"""A desk job, little water, and a sudden calf knot at night."""


def with_answers(**changes: Answer) -> dict[str, Answer]:
    """NEUTRAL with some answers changed (keys use _ for -)."""
    return {**NEUTRAL, **{key.replace("_", "-"): value for key, value in changes.items()}}


def answer_all(run: QuizRun, answers: Mapping[str, Answer]) -> list[str]:
    """Answer every question the run asks from `answers`; returns the keys asked, in order."""
    asked = []
    while run.current is not None:
        asked.append(run.current.key)
        run.choose(chosen(answers[run.current.key]))
    return asked


def option_number(content: QuizContent, question: str, answer: str) -> int:
    """The number key (from 1) that picks `answer` to `question`."""
    keys = [option.key for option in content.question(question).options]
    return keys.index(answer) + 1


def keys_to_answer(
    content: QuizContent, answers: Mapping[str, Answer], until: str | None = None
) -> list[str]:
    """The number keys a person presses to answer every question the check asks (in a
    choose-all question each answer, then Done), stopping before `until` if given."""
    run, keys = QuizRun(content), []
    while (question := run.current) is not None and question.key != until:
        given = chosen(answers[question.key])
        keys += [str(option_number(content, question.key, key)) for key in given]
        if question.multiple and not question.option(given[0]).alone:
            keys.append(str(len(question.options) + 1))
        run.choose(given)
    return keys
