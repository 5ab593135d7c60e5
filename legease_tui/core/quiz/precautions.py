"""What a check's answers say to take care over, by the fixed names the routines know.

`precautions(answers)` returns only names from `PRECAUTIONS` ("pregnant", "poor-circulation",
"heart-failure", "breathless-lying-flat", "balance-risk", "fluid-limit", "under-18"); which
answers call for each is data (`[precautions]` in content.toml). A routine uses them to leave
out what could harm: legs up the wall, floor work, lying flat.
"""

from __future__ import annotations

from legease_tui.core.precautions import PRECAUTIONS
from legease_tui.core.quiz.content import load_content
from legease_tui.core.quiz.model import Answers, QuizContent
from legease_tui.core.quiz.scoring import applicable_questions

__all__ = ["PRECAUTIONS", "precautions"]


def precautions(answers: Answers, content: QuizContent | None = None) -> frozenset[str]:
    """The precautions `answers` call for. Answers to questions that no longer apply (after
    going back and changing an earlier one) do not count."""
    content = content or load_content()
    asked = {
        q.key: answers[q.key] for q in applicable_questions(content, answers) if q.key in answers
    }
    return frozenset(name for name, when in content.precautions.items() if when.holds(asked))
