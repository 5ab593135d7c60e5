"""One run through the symptom check: which question is showing, going back, skipping.

The screen asks `QuizRun` what to show and forwards each key to it. Answers are kept when going
back, so changing one answer keeps the others; questions that stop applying are skipped.
"""

from __future__ import annotations

from legease_tui.core.quiz.model import Question, QuizContent
from legease_tui.core.quiz.scoring import CheckResult, applicable_questions, score_answers


class QuizRun:
    """The state of one symptom check in progress."""

    def __init__(self, content: QuizContent) -> None:
        self.content = content
        self.answers: dict[str, str] = {}
        self.position = 0
        """Index of the current question among the questions that apply."""
        self.stopped_urgent = False
        """An answer pointed to a possible blood clot: the check is over."""

    def questions(self) -> list[Question]:
        """The questions that apply given the answers so far."""
        return applicable_questions(self.content, self.answers)

    @property
    def finished(self) -> bool:
        return self.stopped_urgent or self.position >= len(self.questions())

    @property
    def current(self) -> Question | None:
        """The question to show, or None once the check is over."""
        if self.finished:
            return None
        return self.questions()[self.position]

    @property
    def progress(self) -> tuple[int, int]:
        """(number of the current question, how many may be asked at most): "4 of 19".

        The total counts the most follow-ups a question not answered yet can bring, so it
        never grows as the check goes on ("18 of 18" then "19 of 19"); it shrinks when an
        answer brings fewer."""
        total = len(self.questions()) + self._most_follow_ups()
        return min(self.position + 1, total), total

    @property
    def total_is_most(self) -> bool:
        """Whether an answer may still make the check shorter ("of up to 23")."""
        return self._most_follow_ups() > 0

    def _most_follow_ups(self) -> int:
        """The most questions still to be added by the answers not given yet."""
        asked = {question.key: question for question in self.questions()}
        waiting: dict[str, list[tuple[str, ...]]] = {}
        for question in self.content.questions:
            condition = question.ask_if
            if condition and condition.question in asked and condition.question not in self.answers:
                waiting.setdefault(condition.question, []).append(condition.answers)
        return sum(
            max(
                sum(option.key in answers for answers in follow_ups)
                for option in asked[key].options
            )
            for key, follow_ups in waiting.items()
        )

    def previous_answer(self) -> str | None:
        """The answer given to the current question before going back, if any."""
        question = self.current
        return self.answers.get(question.key) if question else None

    def answer(self, option_key: str) -> None:
        """Answer the current question and move on (or stop, for an urgent answer)."""
        question = self.current
        if question is None:
            raise RuntimeError("the check is already over")
        option = question.option(option_key)
        self.answers[question.key] = option.key
        if option.urgent:
            self.stopped_urgent = True
            return
        self.position += 1

    def answer_number(self, number: int) -> bool:
        """Answer with the option numbered `number` (from 1); False if there is no such option."""
        question = self.current
        if question is None or not 1 <= number <= len(question.options):
            return False
        self.answer(question.options[number - 1].key)
        return True

    def back(self) -> bool:
        """Go to the previous question, keeping every answer; False at the first question."""
        if self.position == 0 or self.stopped_urgent:
            return False
        self.position -= 1
        return True

    def result(self) -> CheckResult:
        """Score the answers given (only the questions that apply count)."""
        return score_answers(self.content, self.answers)
