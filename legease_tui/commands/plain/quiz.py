"""`legease quiz --plain`: the symptom check as text, answered by number from stdin.

Works typed or piped (`legease quiz --plain < answers.txt`). The same QuizRun as the app: going
back keeps answers, questions that stop applying are skipped, an emergency answer ends the check
at once and a same-day answer after the safety questions, with the levels first. Where several
answers may apply, their numbers go on one line ("2 4"). The result is saved as the app saves it.
"""

from __future__ import annotations

from typing import TextIO

from legease_tui.commands.plain import Say
from legease_tui.core.quiz.flow import QuizRun
from legease_tui.core.quiz.model import Question
from legease_tui.core.quiz.report import report_text
from legease_tui.core.quiz.scoring import AnswerError
from legease_tui.core.storage.store import StoreError
from legease_tui.services import Services

HOW_TO = "Answer each question with the number of your answer; b goes back, q stops."
CHOOSE_ALL = "Choose all that apply: type their numbers on one line, such as 2 4."
INPUT_ENDED = 1
"""The answers ran out before the check was over: nothing was saved."""


def _ask(run: QuizRun, question: Question, say: Say) -> None:
    number, total = run.progress
    of = "of up to" if run.total_is_most else "of"
    say("")
    say(f"Question {number} {of} {total}, {question.section}: {question.text}")
    for index, option in enumerate(question.options, start=1):
        say(f"  {index}. {option.label}")
    if question.multiple:
        say(CHOOSE_ALL)


def _numbers(answer: str) -> list[int] | None:
    """ "2 4" or "2, 4" -> [2, 4]; None unless every part is a plain number."""
    parts = answer.replace(",", " ").split()
    if not parts or not all(part.isdigit() and part.isascii() for part in parts):
        return None
    return [int(part) for part in parts]


def _take(run: QuizRun, question: Question, answer: str) -> str:
    """Answer `question` from a typed line; "" when taken, else what was wrong with it."""
    count = len(question.options)
    numbers = _numbers(answer)
    wrong = f"'{answer}' is not an answer here: type a number from 1 to {count}, b or q."
    if numbers is None or not all(1 <= n <= count for n in numbers):
        return wrong
    if len(numbers) > 1 and not question.multiple:
        return wrong
    try:
        run.choose([question.options[n - 1].key for n in numbers])
    except AnswerError as error:
        return f"{error}."
    return ""


def _read_answer(stdin: TextIO, say: Say, echo: bool) -> str | None:
    """One answer line (None at the end of input). Piped answers are echoed after the prompt,
    so the transcript reads like a typed session."""
    print("Answer: ", end="", flush=True)
    line = stdin.readline()
    if not line:
        print(flush=True)
        return None
    answer = line.strip()
    if echo:
        say(answer)
    return answer


def run_quiz_plain(services: Services, stdin: TextIO, say: Say) -> int:
    """Ask every question that applies, then save and print the result; the exit code."""
    content = services.quiz_content
    run = QuizRun(content)
    say("LegEase symptom check.")
    say(content.disclaimer)
    say(HOW_TO)
    echo = not stdin.isatty()
    while (question := run.current) is not None:
        _ask(run, question, say)
        while True:
            answer = _read_answer(stdin, say, echo)
            if answer is None:
                number, total = run.progress
                say(f"The answers ended at question {number} of {total}: nothing was saved.")
                return INPUT_ENDED
            if answer.lower() == "q":
                say("Stopped. Your answers were not saved.")
                return 0
            if answer.lower() == "b":
                if not run.back():
                    say("This is the first question.")
                    continue
                break
            problem = _take(run, question, answer)
            if not problem:
                break
            say(problem)
    return _finish(services, run, say)


def _finish(services: Services, run: QuizRun, say: Say) -> int:
    """Save the check (as the app does) and print the result, the levels first."""
    result = run.result()
    content, checks = services.quiz_content, services.checks
    taken = services.clock.now().strftime("%Y-%m-%d %H:%M")
    comparison, saved = "", "Not saved: the data file cannot be used (see the warning above)."
    if checks is not None:
        try:
            record, comparison = checks.save_and_compare(result)
            taken = str(record["taken_at"])[:16].replace("T", " ")
            saved = "Saved. `legease quiz --last` prints it again."
        except StoreError as error:
            saved = f"Not saved: {error}"
    routine = services.routines.get(result.routine)
    say("")
    text = report_text(result, content, taken, routine.name if routine else "", comparison)
    for line in text.splitlines():
        say(line)
    say("")
    say(saved)
    if routine is not None and not result.routine_barred:
        say(f"To follow the suggested routine: legease routine --plain {routine.key}")
    return 0
