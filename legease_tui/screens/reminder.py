"""The evening reminder dialog (start / snooze / skip) and the 'why skip?' question."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from legease_tui.screens.keys import with_key
from legease_tui.widgets.choice_list import ChoiceList
from legease_tui.widgets.user_text import plain

START, SNOOZE, SKIP = "start", "snooze", "skip"
"""The reminder dialog's answers."""


class ReminderDialog(ModalScreen[str | None]):
    """'Time for your evening routine': dismisses with "start", "snooze", "skip" or None."""

    BINDINGS = [
        # Above the buttons' own enter (they take no focus: each has its key), so the footer
        # names it and it always starts.
        Binding("enter", "choose('start')", "Start", priority=True, id="reminder.start"),
        Binding("z", "choose('snooze')", "Snooze", id="reminder.snooze"),
        Binding("x", "choose('skip')", "Skip tonight", id="reminder.skip"),
        Binding("escape", "choose(None)", "Later", id="reminder.later"),
    ]

    def __init__(self, message: str, snooze_label: str, snooze_refusal: str) -> None:
        super().__init__()
        self.message = message
        self.snooze_label = snooze_label
        self.snooze_refusal = snooze_refusal
        """Why snoozing is not possible now ('' when it is)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reminder-dialog"):
            yield Static(plain(self.message), classes="dialog-question", id="reminder-message")
            if self.snooze_refusal:
                yield Static(self.snooze_refusal, classes="dim", id="snooze-refusal")
            with Horizontal(classes="dialog-buttons"):
                for words, binding_id, answer in (
                    ("Start", "reminder.start", START),
                    (self.snooze_label, "reminder.snooze", SNOOZE),
                    ("Skip tonight", "reminder.skip", SKIP),
                ):
                    button = Button(with_key(self.app, words, self.BINDINGS, binding_id), id=answer)
                    button.can_focus = False
                    button.disabled = answer == SNOOZE and bool(self.snooze_refusal)
                    button.variant = "primary" if answer == START else "default"
                    yield button
        yield Footer()  # its own keys, not Home's

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == (SNOOZE,) and self.snooze_refusal:
            return None  # shown greyed out in the footer: snoozes are used up
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_choose(self, choice: str | None) -> None:
        if choice == SNOOZE and self.snooze_refusal:
            self.notify(self.snooze_refusal, timeout=5)
            return
        self.dismiss(choice)


class ReasonList(ChoiceList):
    """The reasons: enter skips tonight for the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Skip tonight")]


class SkipReasonDialog(ModalScreen[str | None]):
    """Asks why tonight is skipped; dismisses with one of `reasons`, or None to go back."""

    BINDINGS = [Binding("escape", "back", "Back", id="skip_reason.back")]

    def __init__(self, reasons: tuple[str, ...]) -> None:
        super().__init__()
        self.reasons = reasons

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="skip-dialog"):
            yield Static("Skip tonight — why? [dim](1-5 or enter)[/dim]", classes="dialog-question")
            yield ReasonList(
                *(
                    Option(plain(f"{number}  {reason}"), id=reason)
                    for number, reason in enumerate(self.reasons, 1)
                ),
                id="skip-reasons",
            )
        yield Footer()  # its own keys, not Home's

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        key = event.key
        if key.isdigit() and 1 <= int(key) <= len(self.reasons):
            self.dismiss(self.reasons[int(key) - 1])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)
