"""`quiz --plain`: answered by number from stdin, saved as the app saves it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.quiz_helpers import DESK_JOB, NEUTRAL, answer_all, option_number

from legease_tui.commands.plain.quiz import CHOOSE_ALL, INPUT_ENDED, run_quiz_plain
from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.flow import QuizRun
from legease_tui.core.quiz.model import Answer, chosen
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import resolve_paths


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return build_services(resolve_paths(str(tmp_path)), FakeClock())


def numbers_for(services: Services, answers: dict[str, Answer]) -> list[str]:
    """The line typed for each question the check asks, given `answers` ("2 4" for several)."""
    content = services.quiz_content
    run, typed = QuizRun(content), []
    while run.current is not None:
        key = run.current.key
        keys = chosen(answers[key])
        typed.append(" ".join(str(option_number(content, key, k)) for k in keys))
        run.choose(keys)
    return typed


def ask(services: Services, lines: list[str]) -> tuple[int, list[str]]:
    said: list[str] = []
    code = run_quiz_plain(services, io.StringIO("".join(f"{n}\n" for n in lines)), said.append)
    return code, said


def test_piped_answers_run_the_check_to_its_saved_result(services: Services) -> None:
    code, said = ask(services, numbers_for(services, DESK_JOB))
    assert code == 0
    assert said[0] == "LegEase symptom check."
    assert any(line.startswith("Question 1 of ") for line in said)
    assert "LIKELY CAUSES (best fit first)" in said
    assert said[-2] == "Saved. `legease quiz --last` prints it again."
    assert services.checks is not None
    record = services.checks.last()
    assert record is not None and record["answers"]["water"] == "little"


def test_an_emergency_answer_ends_the_check_at_once_with_999_first(services: Services) -> None:
    content = services.quiz_content
    stroke = str(option_number(content, "emergency", "stroke"))
    code, said = ask(services, [stroke, "1", "1"])
    assert code == 0
    after = said[said.index(stroke) + 1 :]  # the echoed answer
    assert next(line for line in after if line) == content.levels["emergency"].title.upper()
    assert not any(line.startswith("Question 2 ") for line in said)
    assert "No routine tonight. " + content.no_routine in said
    assert not any("legease routine" in line for line in said)
    assert services.checks is not None
    record = services.checks.last()
    assert record is not None and record["levels"] == ["emergency"]
    assert record["signs"] == ["stroke"]


def test_a_same_day_answer_asks_the_other_safety_questions_then_stops(
    services: Services,
) -> None:
    answers = {**NEUTRAL, "one-leg": "one", "one-leg-with": "none"}
    code, said = ask(services, numbers_for(services, answers))
    assert code == 0
    questions = [line for line in said if line.startswith("Question ")]
    assert len(questions) == 8 and all(", safety: " in line for line in questions)
    after = said[said.index(questions[-1]) :]
    assert "GET MEDICAL ADVICE TODAY" in after and "LIKELY CAUSES (best fit first)" not in said
    assert not any("legease routine" in line for line in said)


def test_an_urgent_appointment_result_offers_no_routine(services: Services) -> None:
    content = services.quiz_content
    code, said = ask(services, numbers_for(services, {**DESK_JOB, "long-cramp": "yes"}))
    assert code == 0
    assert said.index("ASK FOR AN URGENT APPOINTMENT") < said.index(
        "LIKELY CAUSES (best fit first)"
    )
    assert "No routine tonight. " + content.no_routine in said
    assert not any(line.startswith("SUGGESTED ROUTINE") for line in said)
    assert not any("legease routine" in line for line in said)


def test_several_answers_go_on_one_line(services: Services) -> None:
    answers = {**DESK_JOB, "conditions": ("metabolic", "heart-failure")}
    code, said = ask(services, numbers_for(services, answers))
    assert code == 0 and CHOOSE_ALL in said
    assert "3 4" in said  # the echoed line
    assert services.checks is not None
    record = services.checks.last()
    assert record is not None and record["answers"]["conditions"] == ["metabolic", "heart-failure"]
    assert record["routine"] == "calf-hamstring"


def test_none_cannot_go_with_other_answers(services: Services) -> None:
    typed = numbers_for(services, DESK_JOB)
    at = answer_all(QuizRun(services.quiz_content), DESK_JOB).index("conditions")
    code, said = ask(services, [*typed[:at], "1 3", "1, 3, 3", "3,4", *typed[at + 1 :]])
    assert code == 0
    assert "question 'conditions': 'None of these' cannot go with other answers." in said
    assert "question 'conditions': choose each answer once, from" in " ".join(said)
    assert services.checks is not None
    record = services.checks.last()
    assert record is not None and record["answers"]["conditions"] == ["metabolic", "heart-failure"]


def test_a_bad_number_says_so_and_asks_again(services: Services) -> None:
    typed = numbers_for(services, DESK_JOB)
    code, said = ask(services, ["7", "yes", "1 2", *typed])
    assert code == 0
    assert "'7' is not an answer here: type a number from 1 to 5, b or q." in said
    assert "'yes' is not an answer here: type a number from 1 to 5, b or q." in said
    assert "'1 2' is not an answer here: type a number from 1 to 5, b or q." in said
    assert said.count(next(line for line in said if line.startswith("Question 1 of "))) == 1


def test_back_keeps_going_and_q_saves_nothing(services: Services) -> None:
    code, said = ask(services, ["b", "1", "b", "1", "q"])
    assert code == 0
    assert "This is the first question." in said
    assert sum(line.startswith("Question 1 of ") for line in said) == 2
    assert said[-1] == "Stopped. Your answers were not saved."
    assert services.checks is not None and services.checks.last() is None


def test_input_that_ends_early_fails_cleanly(services: Services) -> None:
    code, said = ask(services, ["1"])
    assert code == INPUT_ENDED
    assert said[-1].startswith("The answers ended at question 2 of ")
    assert services.checks is not None and services.checks.last() is None


def test_the_plain_path_never_imports_textual(tmp_path: Path, services: Services) -> None:
    """A piped quiz through the real command line, then a routine and the pacer on a fake
    clock, in a fresh interpreter: Textual is never loaded."""
    (tmp_path / "config.toml").write_text("[sound]\nenabled = false\n")  # no real sound
    answers = "\n".join(numbers_for(services, DESK_JOB)) + "\n"
    tests = Path(__file__).resolve().parents[2]
    code = f"""
import sys
sys.path.insert(0, {str(tests)!r})
from legease_tui.cli import main
code = main(["--home", {str(tmp_path)!r}, "quiz", "--plain"])
from support.plain_fakes import ScriptedKeys
from legease_tui.commands.plain import audio_for, say
from legease_tui.commands.plain.breathe import run_breathe_plain
from legease_tui.commands.plain.routine import run_plain
from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.breathing import pattern_named
from legease_tui.core.tonight import routine_for_tonight
from legease_tui.services import build_services
from legease_tui.settings.paths import resolve_paths
import legease_tui.adapters.keyboard, legease_tui.adapters.cue_player
clock = FakeClock()
services = build_services(resolve_paths({str(tmp_path)!r}), clock)
audio = audio_for(services)
tonight = routine_for_tonight(services.routines, services.settings.routine)
run_plain(services, tonight, ScriptedKeys(clock, [(3, "p"), (9, "p")]), say, audio)
run_breathe_plain(services, pattern_named("box"), ScriptedKeys(clock), say, audio)
print("exit", code, "textual" in sys.modules, file=sys.stderr)
"""
    env = {**os.environ, "LEGEASE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], input=answers, capture_output=True, text=True, env=env
    )
    assert "exit 0 False" in done.stderr, done.stderr
    assert "Saved. `legease quiz --last` prints it again." in done.stdout
    assert "Breathe in, 4 seconds (breath 1 of " in done.stdout
    assert "\x1b" not in done.stdout and "\a" not in done.stdout
