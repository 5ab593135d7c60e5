"""Symptom check: scoring speed, content load, opening a question and finishing a check.

Opening the quiz (k on Home until the first question is drawn) is compared with a bare Textual
app pushing a screen with the same widgets (header, text, a three-option list, footer), both
headless in this process, alternately, both driven by Pilot key presses (whose own waits
dominate the absolute times, hence the ratios). The whole check (every answer, saved, result drawn)
is compared the same way with a bare screen that redraws a question per key. Targets: ratios
at most 1.5x; scoring well under 1 ms. Saving and reading the last check is measured with 1,000
checks already stored.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support.quiz_helpers import DESK_JOB, option_number

from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.checks import CheckRepository
from legease_tui.core.quiz.content import CONTENT_FILE, load_content, parse_content
from legease_tui.core.quiz.model import chosen
from legease_tui.core.quiz.scoring import score_answers
from legease_tui.launch import build_app
from legease_tui.screens.quiz import QuizScreen
from legease_tui.screens.quiz_result import QuizResultScreen
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

RUNS = 9
SIZE = (100, 32)


class BareQuestion(Screen[None]):
    """The same widgets as a question; a number key shows the next one, 20 in all."""

    BINDINGS = [(str(n), "answer", "") for n in range(1, 6)]

    def __init__(self) -> None:
        super().__init__()
        self.answered = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Question 1 of {len(DESK_JOB) - 1}", id="progress")
        yield Static("Right now, is ONE leg painful, swollen, warm, red or darker?")
        yield OptionList("1  No", "2  Yes, one leg", "3  Both legs are swollen", id="options")
        yield Footer()

    def action_answer(self) -> None:
        self.answered += 1
        if self.answered == len(DESK_JOB):
            self.app.switch_screen(BareResult())
            return
        progress = f"Question {self.answered + 1} of {len(DESK_JOB)}"
        self.query_one("#progress", Static).update(progress)
        options = self.query_one("#options", OptionList)
        options.clear_options()
        options.add_options(["1  One", "2  Two", "3  Three"])


class BareResult(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Result")
        yield Footer()


class Bare(App[None]):
    BINDINGS = [("k", "open", "Open")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()

    def action_open(self) -> None:
        self.push_screen(BareQuestion())


def services_in(folder: str) -> Any:
    return build_services(Paths(Path(folder), Path(folder)), FakeClock())


async def open_bare() -> float:
    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        await pilot.press("k")
        await pilot.pause()
        return time.perf_counter() - started


async def whole_bare() -> float:
    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        await pilot.press("k")
        while isinstance(app.screen, BareQuestion):
            await pilot.press("1")
        await pilot.pause()
        return time.perf_counter() - started


async def open_quiz(folder: str) -> float:
    services = services_in(folder)
    app = build_app(services.paths, services.clock, services=services)
    async with app.run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        return time.perf_counter() - started


async def whole_check(folder: str) -> float:
    content = load_content()
    services = services_in(folder)
    app = build_app(services.paths, services.clock, services=services)
    async with app.run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        await pilot.press("k")
        while isinstance(app.screen, QuizScreen):
            question = app.screen.quiz_run.current
            assert question is not None
            answer = chosen(DESK_JOB[question.key])[0]  # "None of these" goes on at once
            await pilot.press(str(option_number(content, question.key, answer)))
        await pilot.pause()
        assert isinstance(app.screen, QuizResultScreen)
        return time.perf_counter() - started


def per_call(function: Any, repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - started) / repeat


def main() -> None:
    content = load_content()
    scoring = per_call(lambda: score_answers(content, DESK_JOB), 2000)
    print(f"score one check        {scoring * 1e6:8.1f} µs")
    import tomllib
    from importlib import resources

    raw = resources.files("legease_tui.core.quiz").joinpath(CONTENT_FILE).read_text("utf-8")
    loading = per_call(lambda: parse_content(tomllib.loads(raw)), 50)
    print(f"load + check content   {loading * 1e3:8.2f} ms")

    folder = tempfile.mkdtemp(prefix="legease-bench-quiz-")
    bare, quiz = [], []
    asyncio.run(open_bare())
    asyncio.run(open_quiz(folder))
    for _ in range(RUNS):
        bare.append(asyncio.run(open_bare()))
        quiz.append(asyncio.run(open_quiz(folder)))
    b, q = statistics.median(bare), statistics.median(quiz)
    print(f"open first question    {q * 1e3:8.1f} ms   bare push {b * 1e3:.1f} ms", end="")
    print(f"   ratio {q / b:.2f}x (target <= 1.5x)")
    bare_whole, whole = [], []
    for _ in range(3):
        bare_whole.append(asyncio.run(whole_bare()))
        whole.append(asyncio.run(whole_check(folder)))
    w, bw = statistics.median(whole), statistics.median(bare_whole)
    bare_line = f"bare {len(DESK_JOB)} answers {bw * 1e3:.1f} ms"
    print(f"whole check to result  {w * 1e3:8.1f} ms   {bare_line}", end="")
    print(f"   ratio {w / bw:.2f}x (target <= 1.5x; includes saving the check)")

    big = tempfile.mkdtemp(prefix="legease-bench-checks-")
    services = services_in(big)
    checks = CheckRepository(services.store, services.clock, content)
    result = score_answers(content, DESK_JOB)
    for _ in range(1000):
        checks.save(result)
    print(f"save with 1,000 stored {per_call(lambda: checks.save(result), 20) * 1e3:8.1f} ms")
    print(f"last with 1,000 stored {per_call(checks.last, 20) * 1e3:8.1f} ms")


if __name__ == "__main__":
    main()
