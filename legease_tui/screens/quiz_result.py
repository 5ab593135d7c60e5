"""Symptom check results: the urgency levels first, most urgent first. After an emergency or
same-day sign, the levels alone; otherwise, after them, what the answers mean for the person, the
raised causes and what helps. No routine under an emergency, same-day or urgent sign.

The words come from `core/quiz/report.py`, the same text `legease quiz --last` prints.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Collapsible, Footer, Header, Static

from legease_tui.core.durations import seconds_text
from legease_tui.core.log.diary.entry import EntryInvalid
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.night import night_with_date
from legease_tui.core.quiz.checks import CheckRepository
from legease_tui.core.quiz.model import Advice, QuizContent
from legease_tui.core.quiz.report import (
    ABOUT_YOU_TITLE,
    EXPANDED,
    cause_heading,
    cause_reasons,
    no_routine_line,
    result_advice,
    rls_lines,
    shown_levels,
    source_label,
)
from legease_tui.core.quiz.scoring import CheckResult
from legease_tui.core.routine.model import Routine
from legease_tui.core.storage.store import StoreError
from legease_tui.messages import StartRoutine
from legease_tui.screens.keys import HELP_BINDING, binding_named, key_of
from legease_tui.widgets.user_text import notify_plain, templated


def level_panels(result: CheckResult, content: QuizContent) -> list[Static]:
    """One panel per level reached, most urgent first: its heading, what to do, then each sign
    that put the person there, each with its source and evidence, dimmed."""
    panels = []
    for level, signs in shown_levels(result, content):
        lines = [f"[b]{escape(level.title)}[/b]", escape(level.says)]
        lines.append(f"[dim]{escape(source_label(level))}[/dim]")
        for sign in signs:
            lines += [f"! {escape(sign.text)}", f"  [dim]{escape(source_label(sign))}[/dim]"]
        panels.append(
            Static(
                "\n".join(lines),
                id=f"quiz-level-{level.key}",
                classes=f"quiz-level quiz-level-{level.key}",
            )
        )
    return panels


def no_routine(content: QuizContent) -> Static:
    return Static(escape(no_routine_line(content)), id="quiz-no-routine")


def advice_widgets(items: list[Advice]) -> list[Static]:
    """One block per advice item: what to do, then its source and evidence level, dimmed."""
    return [
        Static(
            f"{escape(a.text)}\n[dim]{escape(source_label(a))}[/dim]",
            classes="quiz-advice",
        )
        for a in items
    ]


class StopScreen(Screen[None]):
    """An emergency or same-day sign: the levels, "no routine", and nothing else."""

    BINDINGS = [Binding("escape,enter,h", "home", "Home", id="stop.home")]

    def __init__(self, result: CheckResult, content: QuizContent) -> None:
        super().__init__()
        self.result = result
        self.content = content

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="quiz-result"):
            yield from level_panels(self.result, self.content)
            yield no_routine(self.content)
            yield Static(escape(self.content.stop_note), id="quiz-stop-note")
        yield Footer()

    def action_home(self) -> None:
        self.dismiss()


class QuizResultScreen(Screen[None]):
    """Warning signs by level, ranked causes with reasons and what helps, and a routine one key
    away unless a sign says "see a clinician first"."""

    BINDINGS = [
        Binding("r", "start_routine", "Start routine", id="result.routine"),
        Binding("n", "note", "Note in log", id="result.note"),
        Binding("escape,h", "home", "Home", id="result.home"),
        HELP_BINDING,
    ]
    HELP = (
        "Press {result.routine} to start the suggested routine, {result.note} to note this check "
        "in the log (before noon, last night's)."
    )

    def __init__(
        self,
        result: CheckResult,
        content: QuizContent,
        routine: Routine | None,
        checks: CheckRepository | None,
        log: LogRepository | None,
        comparison: str = "",
    ) -> None:
        super().__init__()
        self.result = result
        self.content = content
        self.routine = None if result.routine_barred else routine
        self.checks = checks
        self.night_log = log
        self.comparison = comparison
        self.noted = False

    def compose(self) -> ComposeResult:
        result, content = self.result, self.content
        yield Header()
        with VerticalScroll(id="quiz-result"):
            yield from level_panels(result, content)
            if result.routine_barred:
                yield no_routine(content)
            yield Static(content.disclaimer, classes="dim")
            rls = rls_lines(result, content)
            if rls:
                yield Static("[b]Restless legs[/b]\n" + "\n".join(rls), id="quiz-rls")
            if self.routine is not None:
                yield Static(self._routine_text(self.routine), id="quiz-routine")
            advice = result_advice(result, content)
            if advice.about_you:
                yield Static(ABOUT_YOU_TITLE, classes="section-title")
                yield from advice_widgets(list(advice.about_you))
            yield Static("Likely causes, best fit first", classes="section-title")
            if not result.raised:
                yield Static(content.nothing_raised, id="quiz-nothing-raised")
            for rank, item in enumerate(result.raised, start=1):
                yield Collapsible(
                    Static(escape(cause_reasons(item)), classes="quiz-reasons"),
                    *advice_widgets(list(advice.by_cause[item.cause])),
                    title=cause_heading(item, content, rank),
                    collapsed=rank > EXPANDED,
                    classes="quiz-cause",
                )
            if advice.general:
                yield Static("Also worth knowing", classes="section-title")
                yield from advice_widgets(list(advice.general))
            if self.comparison:
                yield Static(
                    f"Compared with your check before: {self.comparison}.", id="quiz-compare"
                )
        yield Footer()

    def _routine_text(self, routine: Routine) -> Content:
        return templated(
            "Suggested routine: [b]$name[/b] ($length) — $why  "
            "[dim]press[/dim] [b]$key[/b] [dim]to start[/dim]",
            key=key_of(self.app, binding_named(self.BINDINGS, "result.routine")),
            name=routine.name,
            length=seconds_text(routine.total_seconds),
            why=self.result.routine_why,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start_routine":
            return self.routine is not None
        if action == "note":
            return self.checks is not None and not self.noted
        return True

    def action_start_routine(self) -> None:
        if self.routine is not None:
            self.app.post_message(StartRoutine(self.routine))

    def action_note(self) -> None:
        if self.checks is None or self.noted:
            return
        if self.night_log is None:
            return
        note, tags = self.checks.note_for(self.result)
        try:
            noted = self.night_log.append_note(note, tags)
        except (StoreError, EntryInvalid) as error:
            notify_plain(self, str(error), title="Not noted", severity="error", timeout=10)
            return
        self.noted = True
        self.refresh_bindings()
        named = night_with_date(noted.night, self.night_log.clock.now())
        self.notify(f"Noted in the log for {named}.", timeout=4)

    def action_home(self) -> None:
        self.dismiss()


def result_screen(
    result: CheckResult,
    content: QuizContent,
    routine: Routine | None,
    checks: CheckRepository | None,
    log: LogRepository | None,
    comparison: str = "",
) -> Screen[None]:
    """The screen for a finished check: the levels alone when a sign stopped it."""
    if result.stopped:
        return StopScreen(result, content)
    return QuizResultScreen(result, content, routine, checks, log, comparison)
