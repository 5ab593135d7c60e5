"""One run through the symptom check: which question is showing, going back, skipping, stopping.

The screen asks `QuizRun` what to show and forwards each key to it. Answers are kept when going
back, so changing one answer keeps the others; questions that stop applying are skipped. An
emergency answer ends the run at once; a same-day answer ends it once the safety questions are
answered, so an emergency sign asked after it is still caught.
"""

from __future__ import annotations

from collections.abc import Sequence

from legease_tui.core.quiz.model import (
    STOPS_AFTER_SAFETY,
    STOPS_AT_ONCE,
    Answer,
    Option,
    Question,
    QuizContent,
    chosen,
)
from legease_tui.core.quiz.scoring import (
    CheckResult,
    applicable_questions,
    check_answer,
    score_answers,
)

SAFETY = "safety"


class QuizRun:
    """The state of one symptom check in progress."""

    def __init__(self, content: QuizContent) -> None:
        self.content = content
        self.answers: dict[str, Answer] = {}
        self.position = 0
        """Index of the current question among the questions that apply."""
        self.stopped_at_once = False
        """An answer revealed an emergency sign: the check is over, with nothing in between."""

    def questions(self) -> list[Question]:
        """The questions that apply given the answers so far."""
        return applicable_questions(self.content, self.answers)

    def _levels_given(self) -> set[str]:
        asked = [q for q in self.questions() if q.key in self.answers]
        options = [q.option(key) for q in asked for key in chosen(self.answers[q.key])]
        return {self.content.signs[o.sign].level for o in options if o.sign}

    @property
    def finished(self) -> bool:
        if self.stopped_at_once:
            return True
        questions = self.questions()
        if self.position >= len(questions):
            return True
        past_safety = questions[self.position].section != SAFETY
        return past_safety and bool(STOPS_AFTER_SAFETY & self._levels_given())

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
        return sum(_most_brought(asked[key], follow_ups) for key, follow_ups in waiting.items())

    def previous_answer(self) -> Answer | None:
        """The answer given to the current question before going back, if any."""
        question = self.current
        return self.answers.get(question.key) if question else None

    def answer(self, option_key: str) -> None:
        """Answer the current question with one option and move on (or stop)."""
        self.choose([option_key])

    def choose(self, option_keys: Sequence[str]) -> None:
        """Answer the current question (several options for a choose-all question) and move on;
        an emergency sign ends the check here. A wrong answer raises `AnswerError`."""
        question = self.current
        if question is None:
            raise RuntimeError("the check is already over")
        # Anything but one key for a one-answer question stays a tuple: check_answer refuses it.
        single = not question.multiple and len(option_keys) == 1
        answer: Answer = option_keys[0] if single else tuple(option_keys)
        check_answer(question, answer)
        self.answers[question.key] = answer
        signs = [question.option(key).sign for key in chosen(answer)]
        if any(sign and self.content.signs[sign].level in STOPS_AT_ONCE for sign in signs):
            self.stopped_at_once = True
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
        if self.position == 0 or self.stopped_at_once:
            return False
        self.position -= 1
        return True

    def result(self) -> CheckResult:
        """Score the answers given (only the questions that apply count)."""
        return score_answers(self.content, self.answers)


def _most_brought(question: Question, follow_ups: list[tuple[str, ...]]) -> int:
    """The most follow-ups one answer to `question` can bring (for a choose-all question, every
    answer that can go with others, chosen together)."""

    def brought(options: list[Option]) -> int:
        keys = {option.key for option in options}
        return sum(bool(keys & set(answers)) for answers in follow_ups)

    if question.multiple:
        return brought([option for option in question.options if not option.alone])
    return max(brought([option]) for option in question.options)
