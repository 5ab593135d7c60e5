"""Answer sets shared by the symptom check tests."""

from __future__ import annotations

from legease_tui.core.quiz.flow import QuizRun
from legease_tui.core.quiz.model import QuizContent

NEUTRAL: dict[str, str] = {
    "one-leg": "no",
    "both-swollen": "no",
    "nerve": "no",
    "long-cramp": "no",
    "sensation": "unsure",
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
    "conditions": "none",
    "medicine": "no",
    "pregnant": "not-applicable",
    "how-often": "rarely",
}
"""Answers that raise no cause and show no warning."""

DESK_JOB = {
    **NEUTRAL,
    "sensation": "knot",
    "cramp-length": "short",
    "water": "little",
    "sitting": "many",
}
"""A desk job, little water, and a sudden calf knot at night."""


def with_answers(**changes: str) -> dict[str, str]:
    """NEUTRAL with some answers changed (keys use _ for -)."""
    return {**NEUTRAL, **{key.replace("_", "-"): value for key, value in changes.items()}}


def answer_all(run: QuizRun, answers: dict[str, str]) -> list[str]:
    """Answer every question the run asks from `answers`; returns the keys asked, in order."""
    asked = []
    while run.current is not None:
        asked.append(run.current.key)
        run.answer(answers[run.current.key])
    return asked


def option_number(content: QuizContent, question: str, answer: str) -> int:
    """The number key (from 1) that picks `answer` to `question`."""
    keys = [option.key for option in content.question(question).options]
    return keys.index(answer) + 1
