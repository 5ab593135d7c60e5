"""Small modal dialogs that return a value."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from legease_tui.screens.keys import with_key
from legease_tui.widgets.user_text import plain


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    self._label(self.yes_label, "confirm.yes"), id="yes", variant="primary"
                )
                yield Button(self._label(self.no_label, "confirm.no"), id="no")
        yield Footer()  # its own keys, not those of the screen it covers

    def _label(self, words: str, binding_id: str) -> str:
        return with_key(self.app, words, self.BINDINGS, binding_id)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ConflictDialog(ModalScreen[str | None]):
    """The night was changed elsewhere since the form opened. Dismisses with "stored" (keep
    what is stored), "form" (save the form's values over it) or None (back to the form)."""

    BINDINGS = [
        Binding("s", "choose('stored')", "Keep stored", id="conflict.stored"),
        Binding("m", "choose('form')", "Keep mine", id="conflict.mine"),
        Binding("b", "see_both", "See both", id="conflict.both"),
        Binding("escape", "choose('')", "Back to the form", id="conflict.back"),
    ]

    def __init__(self, question: str, differences: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.question = question
        self.differences = differences
        """(field label, stored value, the form's value) for each field that differs."""

    def _side_by_side(self) -> str:
        rows = [("", "stored", "this form"), *self.differences]
        width = max(len(label) for label, _, _ in rows)
        cut = 24
        return "\n".join(
            f"{label:<{width}}  {stored[:cut]:<{cut}}  {form[:cut]}" for label, stored, form in rows
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-question")
            fields = Static(plain(self._side_by_side()), id="conflict-fields")
            fields.display = False
            yield fields
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    self._label("Keep stored", "conflict.stored"), id="stored", variant="primary"
                )
                yield Button(self._label("Keep mine", "conflict.mine"), id="form")
                yield Button(self._label("See both", "conflict.both"), id="both")
        yield Footer()

    def _label(self, words: str, binding_id: str) -> str:
        return with_key(self.app, words, self.BINDINGS, binding_id)

    def on_mount(self) -> None:
        self.query_one("#stored", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "both":
            self.action_see_both()
        else:
            self.action_choose(event.button.id or "")

    def action_see_both(self) -> None:
        self.query_one("#conflict-fields", Static).display = True

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
