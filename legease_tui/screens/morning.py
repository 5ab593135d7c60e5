"""The morning check-in, "How was last night?": only the fields known on waking, saved into
the night with the log's one-transaction merge, so the evening's answers are never touched."""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Select, SelectionList, Static

from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry
from legease_tui.core.log.diary.fields import (
    NOTHING_WENT_WRONG,
    SPECS,
    WENT_WRONG,
    WENT_WRONG_LABELS,
)
from legease_tui.core.log.morning import MORNING_FIELDS
from legease_tui.core.log.repository import LogRepository
from legease_tui.core.night import night_with_date
from legease_tui.core.storage.store import StoreError
from legease_tui.screens.field_errors import field_name, recheck_field
from legease_tui.screens.keys import HELP_BINDING, with_keys
from legease_tui.widgets.tick_box import TickList
from legease_tui.widgets.user_text import notify_plain, plain

QUALITY = ["very poor", "poor", "fair", "good", "very good"]
PLACEHOLDERS = {"clock": "HH:MM"}
ON_WAKING = (
    "Only what you know on waking; {morning.save} saves. The night's other answers stay as "
    "they are."
)
ROWS = (
    ("cramps", "worst_cramp", "worst_minutes"),
    ("cramp_leg", "cramp_muscle", "cramp_woke"),
    ("final_wake", "out_of_bed", "quality"),
)


class MorningScreen(Screen[bool]):
    """Cramps, the worst cramp (how bad, how long, which leg and muscle, whether it woke you),
    wake and out-of-bed times and sleep quality for the night just gone; True once saved."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="morning.save"),
        Binding("escape", "dismiss(False)", "Back", id="morning.back"),
        HELP_BINDING,
    ]
    HELP = (
        "Answer soon after waking: how many cramps in the night, how bad the worst was (0-10), "
        "how long it lasted, where it was and whether it woke you, when you woke for the last "
        "time and got up, how you slept, and whether anything went wrong (a stretch that hurt, "
        "a fall or near fall, worse sleep). {morning.save} saves; the rest "
        "of the night (tension, water, tags ...) is in the evening form (Log a night, on Home)."
    )

    def __init__(
        self, log: LogRepository, night: date, existing: NightEntry | None, now: datetime
    ) -> None:
        super().__init__()
        self.repository = log
        self.night = night
        self.night_name = night_with_date(night, now)
        """'last night (Sun 6 Dec)': named at `now`, whatever the hour the form is opened."""
        self.start_values = (existing or NightEntry(night)).as_text()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="morning-form"):
            yield Static(
                plain(f"How was {self.night_name}?"),
                classes="section-title",
            )
            for names in ROWS:
                with Horizontal(classes="entry-row"):
                    for name in names:
                        with Vertical(classes="entry-field"):
                            yield Static(SPECS[name].label, classes="entry-label")
                            yield self._widget_for(name)
                            yield Static("", id=f"error-{name}", classes="field-error")
            yield Static(
                "Anything go wrong last night? (optional; tick any that happened)",
                classes="entry-label",
            )
            yield self._went_wrong_list()
            yield Static(self._ticked_words(), id="went-wrong-ticked")
            yield Static("", id="error-went_wrong", classes="field-error")
            yield Static(with_keys(self.app, ON_WAKING, self.BINDINGS), classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#input-cramps", Input).focus()

    def _widget_for(self, name: str) -> Input | Select[str]:
        spec, value = SPECS[name], self.start_values[name]
        options: list[tuple[str, str]] | None = None
        if name == "quality":
            options = [(f"{i} {label}", str(i)) for i, label in enumerate(QUALITY, start=1)]
        elif spec.kind == "choice":
            options = [(word, word) for word in spec.choices]
        elif spec.kind == "bool":  # a Select, so an unanswered question stays unanswered
            options = [("yes", "yes"), ("no", "no")]
        if options is not None:
            return Select(
                options, value=value or Select.NULL, id=f"input-{name}", prompt="–", compact=True
            )
        placeholder = PLACEHOLDERS.get(spec.kind, f"{spec.low}-{spec.high}")
        return Input(value, placeholder=placeholder, id=f"input-{name}", compact=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._field_changed(event.input.id)

    def on_select_changed(self, event: Select.Changed) -> None:
        self._field_changed(event.select.id)

    def _field_changed(self, widget_id: str | None) -> None:
        name = field_name(widget_id)
        if name in MORNING_FIELDS:
            recheck_field(self, name, self.values()[name])

    def _went_wrong_list(self) -> TickList:
        """The harms question: nothing ticked is "not answered", never "nothing went wrong"
        (that is its own tick)."""
        answered = [word.strip() for word in self.start_values["went_wrong"].split(",")]
        options = [(WENT_WRONG_LABELS[word], word) for word in WENT_WRONG]
        options.append(("nothing went wrong", NOTHING_WENT_WRONG))
        return TickList(
            *[(label, word, word in answered) for label, word in options],
            id="input-went_wrong",
        )

    def _ticked_words(self, ticked: list[str] | None = None) -> str:
        """What is ticked, in words: a tick's mark differs from an empty box only by colour."""
        if ticked is None:
            ticked = [w.strip() for w in self.start_values["went_wrong"].split(",") if w.strip()]
        labels = {**WENT_WRONG_LABELS, NOTHING_WENT_WRONG: "nothing went wrong"}
        named = [labels[word] for word in ticked if word in labels]
        return "Ticked: " + (", ".join(named) if named else "none (no answer)")

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        ticked = list(event.selection_list.selected)
        self.query_one("#went-wrong-ticked", Static).update(self._ticked_words(ticked))

    def values(self) -> dict[str, str]:
        """What the form holds, per morning field ("" clears it)."""
        found: dict[str, str] = {}
        for name in MORNING_FIELDS:
            widget = self.query_one(f"#input-{name}")
            if isinstance(widget, SelectionList):
                ticked = [word for word in widget.selected if word != NOTHING_WENT_WRONG]
                nothing = NOTHING_WENT_WRONG in widget.selected
                found[name] = ", ".join(ticked) or (NOTHING_WENT_WRONG if nothing else "")
            elif isinstance(widget, Select):
                found[name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                found[name] = widget.value.strip()
        return found

    def action_save(self) -> None:
        values = self.values()
        if not any(values.values()) and not any(self.start_values[n] for n in MORNING_FIELDS):
            # Nothing typed into a night with no morning answers: an empty night is not saved.
            notify_plain(self.app, "Nothing filled in yet: esc goes back.", timeout=4)
            return
        try:
            self.repository.update(self.night, values)
        except EntryInvalid as error:
            self._show_problems(error)
            return
        except StoreError as error:
            notify_plain(self.app, str(error), title="Not saved", severity="error", timeout=12)
            return
        notify_plain(self.app, "Saved: thank you. Have a gentle day.", timeout=4)
        self.dismiss(True)

    def _show_problems(self, error: EntryInvalid) -> None:
        messages = {problem.field: problem for problem in error.problems}
        for name in MORNING_FIELDS:
            box = self.query_one(f"#error-{name}", Static)
            box.update(plain(messages[name].message if name in messages else ""))
            box.set_class(name in messages, "shown")
        others = [str(p) for name, p in messages.items() if name not in MORNING_FIELDS]
        if others:  # a clash with an evening answer (lights out after the wake time, say)
            notify_plain(self.app, "; ".join(others), title="Not saved", severity="error")
