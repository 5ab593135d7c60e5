"""Symptom check: one question at a time. Renders `QuizRun`, forwards keys to it.

Arrows + enter or a number key answer; left/backspace goes back (answers are kept); escape asks
before leaving. When the run is over the app saves it and shows the result (or the urgent panel).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from legease_tui.core.quiz.flow import QuizRun
from legease_tui.messages import CheckFinished
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.keys import HELP_BINDING


class QuizScreen(Screen[None]):
    """The symptom check in progress."""

    BINDINGS = [
        Binding("left,backspace", "back", "Back", key_display="←", id="quiz.back"),
        Binding("escape", "leave", "Leave", id="quiz.leave"),
        HELP_BINDING,
        *(Binding(str(n), f"pick({n})", show=False, id=f"quiz.answer_{n}") for n in range(1, 10)),
    ]
    HELP = (
        "Answer with the arrows and enter, or the number beside an answer. Going back keeps your "
        "answers. The first questions look for warning signs."
    )

    def __init__(self, run: QuizRun) -> None:
        super().__init__()
        self.quiz_run = run

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz"):
            yield Static(id="quiz-progress", classes="dim")
            yield Static(id="quiz-question")
            yield OptionList(id="quiz-options")
            yield Static(
                "↑↓ and enter, or a number, to answer  ·  ← back  ·  esc to leave",
                classes="dim",
            )
            yield Static(self.quiz_run.content.disclaimer, id="quiz-disclaimer", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.show_question()

    def show_question(self) -> None:
        """Render the current question with its answers; the earlier answer is highlighted."""
        question = self.quiz_run.current
        if question is None:
            return
        number, total = self.quiz_run.progress
        of = "of up to" if self.quiz_run.total_is_most else "of"
        self.query_one("#quiz-progress", Static).update(
            f"Question {number} {of} {total}  ·  {question.section.capitalize()}"
        )
        self.query_one("#quiz-question", Static).update(f"[b]{question.text}[/b]")
        options = self.query_one("#quiz-options", OptionList)
        options.clear_options()
        options.add_options(
            Option(f"[b]{n}[/b]  {option.label}", id=option.key)
            for n, option in enumerate(question.options, start=1)
        )
        keys = [option.key for option in question.options]
        earlier = self.quiz_run.previous_answer()
        options.highlighted = keys.index(earlier) if earlier in keys else 0
        options.focus()

    def _after_answer(self) -> None:
        if self.quiz_run.finished:
            self.app.post_message(CheckFinished(self.quiz_run.result()))
        else:
            self.show_question()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.quiz_run.current is not None and event.option.id is not None:
            self.quiz_run.answer(event.option.id)
            self._after_answer()

    def action_pick(self, number: int) -> None:
        if self.quiz_run.answer_number(number):
            self._after_answer()

    def action_back(self) -> None:
        if self.quiz_run.back():
            self.show_question()

    def action_leave(self) -> None:
        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.dismiss()

        self.app.push_screen(
            ConfirmDialog("Leave the symptom check? Your answers will not be saved."),
            leave,
        )
