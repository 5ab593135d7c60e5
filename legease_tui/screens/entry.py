"""Entry form: log one night, or edit it if it is logged already.

The form only collects text from its widgets and hands it to `parse_entry`; the errors it shows
under each field are the core's own messages. `ctrl+s` saves; `escape` asks before dropping
changes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Checkbox,
    Footer,
    Header,
    Input,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from legease_tui.core.durations import minutes_text
from legease_tui.core.log.diary.entry import EntryInvalid, NightEntry, parse_entry, sleep_from_text
from legease_tui.core.log.diary.fields import ACTIVITY_LABELS, COMMON_TAGS, NOTE_LIMIT, SPECS
from legease_tui.core.log.repository import LogRepository, NightChanged
from legease_tui.core.night import night_of, night_with_date
from legease_tui.core.storage.store import StoreError
from legease_tui.screens.dialogs import ConfirmDialog, ConflictDialog
from legease_tui.screens.field_errors import field_name, recheck_field
from legease_tui.screens.keys import HELP_BINDING
from legease_tui.widgets.tick_box import TickBox, TickList
from legease_tui.widgets.user_text import notify_plain, plain

QUALITY = ["very poor", "poor", "fair", "good", "very good"]
MORNING_ONLY = "went_wrong"
"""Asked by the morning check-in alone; the evening form keeps what the night has."""
PLACEHOLDERS = {"clock": "HH:MM", "date": "YYYY-MM-DD"}
ROWS = [
    ("", ["night"]),
    ("Legs", ["tension", "cramps", "worst_cramp", "restless"]),
    ("", ["cramp_leg", "cramp_muscle", "worst_minutes", "cramp_woke"]),
    ("Sleep diary", ["into_bed", "lights_out", "minutes_to_sleep", "times_woken"]),
    ("", ["minutes_awake", "final_wake", "out_of_bed", "quality"]),
    ("Day", ["water", "stress", "activity"]),
]


NOTHING_TO_SAVE = (
    "Nothing to save yet: fill in at least one thing (tension, cramps, sleep, what you did or "
    "a note)."
)


class EntryScreen(Screen[bool]):
    """The night's form; dismisses with True once saved."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="entry.save"),
        Binding("escape", "leave", "Back", id="entry.back"),
        replace(HELP_BINDING, show=False),
    ]
    HELP = (
        "Fill in what you remember; only the date is needed. Times run from the evening into the "
        "next morning (into bed 23:40, up 07:10). {entry.save} saves."
    )

    def __init__(
        self, log: LogRepository, night: date, existing: NightEntry | None, tags: list[str]
    ) -> None:
        """`existing` is the night as stored (None: not logged), `tags` the log's tags in use:
        the opener reads them, so the form shows at once."""
        super().__init__()
        self.repository = log
        self.existing = existing
        self.read_night = night
        self.read_entry = self.existing
        """The night the form read, and what it read: saving checks it is still stored so."""
        self.original_night = night if self.existing else None
        self.start_values = (self.existing or NightEntry(night)).as_text()
        self.known_tags = list(dict.fromkeys([*COMMON_TAGS, *tags]))

    # --- building the form -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="entry-form"):
            title = "Edit the night" if self.existing else "Log a night"
            yield Static(title, classes="section-title", id="entry-title")
            for heading, names in ROWS:
                if heading:
                    yield Static(heading, classes="entry-heading")
                with Horizontal(classes="entry-row"):
                    for name in names:
                        with Vertical(classes="entry-field", id=f"field-{name}"):
                            yield Static(SPECS[name].label, classes="entry-label")
                            yield self._widget_for(name)
                            yield Static("", id=f"error-{name}", classes="field-error")
            yield Static("", id="sleep-figures", classes="dim")
            yield Static("What you did", classes="entry-heading")
            with Horizontal(classes="entry-row", id="tags-row"):
                yield TickList(
                    *[(tag, tag, tag in self._start_tags()) for tag in self.known_tags],
                    id="tag-list",
                )
                with Vertical(classes="entry-field"):
                    yield Static("Other tags, comma-separated", classes="entry-label")
                    yield Input(self._other_tags(), id="input-other-tags", compact=True)
                    yield Static("", id="error-tags", classes="field-error")
            yield Static(f"Note (up to {NOTE_LIMIT} characters)", classes="entry-heading")
            yield TextArea(self.start_values["note"], id="input-note")
            yield Static("", id="error-note", classes="field-error")
        yield Footer()

    def _start_tags(self) -> list[str]:
        return [t.strip() for t in self.start_values["tags"].split(",") if t.strip()]

    def _other_tags(self) -> str:
        return ", ".join(t for t in self._start_tags() if t not in self.known_tags)

    def _widget_for(self, name: str) -> Widget:
        spec, value = SPECS[name], self.start_values[name]
        widget_id = f"input-{name}"
        if spec.kind == "bool":
            # Unticked is "no" only if the night said so; otherwise the question stays open.
            unticked = "no" if value == "no" else "not answered"
            return TickBox(value=value == "yes", words=("yes", unticked), id=widget_id)
        if name == "quality":
            options = [(f"{n} {word}", str(n)) for n, word in enumerate(QUALITY, start=1)]
            return Select(
                options, value=value or Select.NULL, id=widget_id, prompt="–", compact=True
            )
        if spec.kind == "choice":
            return Select(
                [(word, word) for word in spec.choices],
                value=value or Select.NULL,
                id=widget_id,
                prompt="–",
                compact=True,
            )
        if spec.kind == "activity":
            options = [(label, a.value) for a, label in ACTIVITY_LABELS.items()]
            return Select(
                options, value=value or Select.NULL, id=widget_id, prompt="–", compact=True
            )
        if spec.kind == "int":
            placeholder = f"{spec.low}–{spec.high}"
            return Input(value, placeholder=placeholder, type="integer", id=widget_id, compact=True)
        placeholder = PLACEHOLDERS.get(spec.kind, "")
        return Input(value, placeholder=placeholder, id=widget_id, compact=True)

    def on_mount(self) -> None:
        self.query_one("#input-tension", Input).focus()
        self._show_sleep_figures()

    # --- reading the form --------------------------------------------------------------------

    def raw_values(self) -> dict[str, str]:
        """What the form holds, as text per field (the same shape as `NightEntry.as_text`)."""
        values = dict.fromkeys(SPECS, "")
        values[MORNING_ONLY] = self.start_values[MORNING_ONLY]  # kept as the night has it
        for name in SPECS:
            if name in ("tags", "note", MORNING_ONLY):
                continue
            widget = self.query_one(f"#input-{name}")
            if isinstance(widget, Checkbox):
                # Off means "no" only if the night said so: an unanswered question stays open.
                was_no = self.start_values[name] == "no"
                values[name] = "yes" if widget.value else ("no" if was_no else "")
            elif isinstance(widget, Select):
                values[name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                values[name] = widget.value.strip()
        start_order = self._start_tags()
        ticked = sorted(
            self.query_one("#tag-list", SelectionList).selected,
            key=lambda tag: start_order.index(tag) if tag in start_order else len(start_order),
        )
        typed = self.query_one("#input-other-tags", Input).value.split(",")
        tags = [t.strip().lower() for t in [*ticked, *typed] if t.strip()]
        values["tags"] = ", ".join(dict.fromkeys(tags))
        values["note"] = self.query_one("#input-note", TextArea).text.strip()
        return values

    @property
    def dirty(self) -> bool:
        def same_tags_any_order(values: dict[str, str]) -> dict[str, str]:
            return {**values, "tags": ",".join(sorted(values["tags"].split(", ")))}

        now, start = self.raw_values(), self.start_values
        return same_tags_any_order(now) != same_tags_any_order(start)

    def _show_sleep_figures(self) -> None:
        figures = sleep_from_text(self.raw_values())
        if figures is None:
            self.query_one("#sleep-figures", Static).update(
                "Time in bed –  ·  total sleep –  ·  sleep efficiency –  (check the sleep times)"
            )
            return
        efficiency = "–" if figures.efficiency is None else f"{figures.efficiency:g} %"
        self.query_one("#sleep-figures", Static).update(
            f"Time in bed {minutes_text(figures.minutes_in_bed)}  ·  total sleep "
            f"{minutes_text(figures.minutes_asleep)}  ·  sleep efficiency {efficiency}"
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_sleep_figures()
        self._field_changed(event.input.id)

    def on_select_changed(self, event: Select.Changed) -> None:
        self._field_changed(event.select.id)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._field_changed(event.checkbox.id)

    def _field_changed(self, widget_id: str | None) -> None:
        name = field_name(widget_id)
        if name in SPECS:
            recheck_field(self, name, self.raw_values()[name])

    def _show_problems(self, error: EntryInvalid | None) -> None:
        messages = {p.field: p.message for p in error.problems} if error else {}
        for name in SPECS:
            if name == MORNING_ONLY:
                continue
            box = self.query_one(f"#error-{name}", Static)
            box.update(plain(messages.get(name, "")))  # a message quotes what was typed
            box.set_class(name in messages, "shown")
        if error:
            first = error.problems[0].field
            target = "#input-other-tags" if first == "tags" else f"#input-{first}"
            self.query_one(target).focus()

    # --- saving and leaving ------------------------------------------------------------------

    def action_save(self) -> None:
        try:
            now = self.repository.clock.now()
            entry = parse_entry(self.raw_values(), tonight=night_of(now), now=now)
        except EntryInvalid as error:
            self._show_problems(error)
            count = len(error.problems)
            self.notify(f"Please check {count} field{'s' if count > 1 else ''}.", severity="error")
            return
        self._show_problems(None)
        if self.original_night is None and entry == NightEntry(entry.night):
            # An empty night says nothing and would sit in the log as a row of dashes.
            notify_plain(self, NOTHING_TO_SAVE, title="Not saved", severity="warning")
            return
        moved = entry.night != self.read_night
        if moved and self.repository.get(entry.night) is not None:
            question = f"A night is already logged for {entry.night}. Replace it with this one?"
            self.app.push_screen(
                ConfirmDialog(question, yes="Replace", no="Keep editing"),
                lambda yes: self._save(entry) if yes else None,
            )
            return
        self._save(entry)

    def _save(self, entry: NightEntry) -> None:
        """Save, unless the night changed elsewhere since it was read (`read_entry`)."""
        # A new night moved to another date: the replace question above covered that night.
        moved_new = self.original_night is None and entry.night != self.read_night
        try:
            change = self.repository.put(
                entry,
                replaces=self.original_night,
                read_before=None if moved_new else (self.read_night, self.read_entry),
            )
        except NightChanged as changed:
            self._ask_which(entry, changed)
            return
        except StoreError as error:
            notify_plain(
                self, f"{error} Your entry is still here.", title="Not saved", severity="error"
            )
            return
        named = night_with_date(entry.night, self.repository.clock.now())
        self.notify(f"Night {change.value}: {named}.", timeout=4)
        self.dismiss(True)

    def _ask_which(self, entry: NightEntry, changed: NightChanged) -> None:
        stored = changed.stored
        question = (
            f"The night of {changed.night} was changed elsewhere (another LegEase or "
            "`legease log add`) since this form opened. Keep which?"
        )
        if stored is None:
            question = f"The night of {changed.night} was deleted elsewhere since this form opened."
        before = (stored or NightEntry(changed.night)).as_text()
        after = entry.as_text()
        differences = [
            (SPECS[name].label, before[name] or "–", after[name] or "–")
            for name in SPECS
            if before[name] != after[name]
        ]

        def chosen(choice: str | None) -> None:
            if choice == "form":
                self.read_entry = stored  # a third change before this save still asks again
                self._save(entry)
            elif choice == "stored":
                self.notify(f"Kept the night of {changed.night} as stored.", timeout=4)
                self.dismiss(True)

        self.app.push_screen(ConflictDialog(question, differences), chosen)

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(False)
            return

        def answered(drop: bool | None) -> None:
            if drop:
                self.dismiss(False)

        question = "Drop the changes to this night?"
        self.app.push_screen(ConfirmDialog(question, yes="Drop", no="Keep editing"), answered)
