"""Symptom check: one question at a time. Renders `QuizRun`, forwards keys to it.

Arrows + enter or a number key answer; left/backspace goes back (answers are kept); escape asks
before leaving. In a "choose all that apply" question enter or a number ticks an answer and the
last line, Done, goes on ("None of these" goes on at once). When the run is over the app saves
it and shows the result (or, after an emergency or same-day sign, the levels alone).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from legease_tui.core.quiz.flow import QuizRun
from legease_tui.core.quiz.model import Question, chosen
from legease_tui.messages import CheckFinished
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.keys import HELP_BINDING, with_keys

HOW = "↑↓ and enter, or a number, to answer  ·  {quiz.back} back  ·  {quiz.leave} to leave"
MULTIPLE_HOW = "↑↓ and enter, or a number: tick each that applies, then Done  ·  {quiz.back} back"
"""How to answer (`{quiz.back}`, `{quiz.leave}`: the keys in force)."""
DONE = "Done — go on with the ticked answers"
DONE_ID = "quiz-done"
NOTHING_TICKED = "Tick at least one answer, or choose “None of these”."


def _numbered(number: int, label: str) -> Text:
    """ "3  [x] Heart failure": the number bold, the words as plain text (never markup)."""
    return Text.assemble((str(number), "bold"), "  ", label)


class QuizScreen(Screen[None]):
    """The symptom check in progress."""

    BINDINGS = [
        Binding("left,backspace", "back", "Back", key_display="←", id="quiz.back"),
        Binding("escape", "leave", "Leave", id="quiz.leave"),
        HELP_BINDING,
        *(Binding(str(n), f"pick({n})", show=False, id=f"quiz.answer_{n}") for n in range(1, 10)),
    ]
    HELP = (
        "Answer with the arrows and enter, or the number beside an answer; where you may choose "
        "several, tick each that applies, then Done. Going back keeps your answers. The first "
        "questions look for warning signs."
    )

    def __init__(self, run: QuizRun) -> None:
        super().__init__()
        self.quiz_run = run
        self.ticked: set[str] = set()
        """The answers ticked so far in a choose-all question."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="quiz"):
            yield Static(id="quiz-progress", classes="dim")
            yield Static(id="quiz-question")
            yield OptionList(id="quiz-options")
            yield Static(id="quiz-how", classes="dim")
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
        how = MULTIPLE_HOW if question.multiple else HOW
        self.query_one("#quiz-how", Static).update(with_keys(self.app, how, self.BINDINGS))
        earlier = chosen(self.quiz_run.previous_answer())
        self.ticked = set(earlier) if question.multiple else set()
        keys = [option.key for option in question.options]
        self._fill(question, keys.index(earlier[0]) if earlier and earlier[0] in keys else 0)

    def _fill(self, question: Question, highlighted: int) -> None:
        """The answers, numbered; in a choose-all question each with its tick, then Done."""
        options = self.query_one("#quiz-options", OptionList)
        options.clear_options()
        for n, option in enumerate(question.options, start=1):
            tick = ""
            if question.multiple and not option.alone:
                tick = "[x] " if option.key in self.ticked else "[ ] "
            options.add_option(Option(_numbered(n, tick + option.label), id=option.key))
        if question.multiple:
            options.add_option(Option(_numbered(len(question.options) + 1, DONE), id=DONE_ID))
        options.highlighted = highlighted
        options.focus()

    def _after_answer(self) -> None:
        if self.quiz_run.finished:
            self.app.post_message(CheckFinished(self.quiz_run.result()))
        else:
            self.show_question()

    def _take(self, key: str) -> None:
        """One answer chosen: answered at once, or ticked (or unticked) in a choose-all
        question, where Done goes on with the ticked ones."""
        question = self.quiz_run.current
        if question is None:
            return
        if not question.multiple:
            self.quiz_run.answer(key)
        elif key == DONE_ID:
            if not self.ticked:
                self.notify(NOTHING_TICKED, timeout=6)
                return
            self.quiz_run.choose([o.key for o in question.options if o.key in self.ticked])
        elif question.option(key).alone:
            self.quiz_run.answer(key)
        else:
            self.ticked ^= {key}
            keys = [option.key for option in question.options]
            self._fill(question, keys.index(key))
            return
        self._after_answer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._take(event.option.id)

    def action_pick(self, number: int) -> None:
        question = self.quiz_run.current
        if question is None:
            return
        keys = [option.key for option in question.options]
        keys += [DONE_ID] if question.multiple else []
        if 1 <= number <= len(keys):
            self._take(keys[number - 1])

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
