"""Settings: the evening reminder, tonight's routine, theme and sound — the keys of config.toml.

The fields and their validation live in `settings/form.py`; this screen shows them, shows each
field's error under it, and hands valid settings to the app to save.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Select, Static

from legease_tui.core.routine.cue_plan import CUE_MODES
from legease_tui.messages import SettingsSaved
from legease_tui.screens.dialogs import ConfirmDialog
from legease_tui.screens.keys import HELP_BINDING, with_key
from legease_tui.services import Services
from legease_tui.settings.form import BY_NAME, FIELDS, FormField, apply_form, current_value
from legease_tui.settings.settings import WEEKDAYS
from legease_tui.widgets.tick_box import TickBox


def widget_id(name: str) -> str:
    """'reminders.time' -> 'reminders--time' (ids cannot hold dots)."""
    return name.replace(".", "--")


class SettingsScreen(Screen[None]):
    """Edit and save every setting; a bad value is named under its field and nothing is saved."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "cancel", "Cancel", id="settings.cancel"),
        HELP_BINDING,
    ]
    HELP = (
        "Change a field, then {settings.save} to save or {settings.cancel} to leave without saving."
    )

    def __init__(self, services: Services, themes: list[str]) -> None:
        super().__init__()
        self.services = services
        self.themes = tuple(themes)
        self.routines = tuple(services.routines.routines)
        self._opened_with: dict[str, Any] = {}
        """What each field showed when the screen opened: only fields changed since are saved."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="settings"):
            yield Static("Evening reminder", classes="section-title")
            for field in FIELDS:
                if field.name == "routine":
                    yield Static("Routine and look", classes="section-title")
                if field.name == "sound.enabled":
                    yield Static("Sound", classes="section-title")
                with Horizontal(classes="setting-row"):
                    yield Label(field.label, classes="setting-label")
                    yield from self._editor(field)
                yield Static("", id=f"error--{widget_id(field.name)}", classes="setting-error")
            yield Static(self._audio_setup(), id="audio-setup", classes="dim", markup=False)
            with Horizontal(classes="dialog-buttons"):
                save = with_key(self.app, "Save", self.BINDINGS, "settings.save")
                yield Button(save, id="save", variant="primary")
                yield Button(
                    with_key(self.app, "Cancel", self.BINDINGS, "settings.cancel"), id="cancel"
                )
        yield Footer()

    def _audio_setup(self) -> str:
        """Which player and speech program the routine will use (found when Settings opens)."""
        return "\n".join(self.services.audio.describe(self.services.settings.sound))

    def _editor(self, field: FormField) -> ComposeResult:
        value = current_value(self.services.settings, field)
        ident = widget_id(field.name)
        if field.kind == "switch":
            yield TickBox(value=bool(value), words=("on", "off"), id=ident)
        elif field.kind == "days":
            with Horizontal(id=ident, classes="setting-days"):
                for day in WEEKDAYS:
                    yield TickBox(day, value=day in value, id=f"{ident}--{day}")
        elif field.kind == "choice":
            yield Select(
                self._choices(field.name), value=value, allow_blank=False, id=ident, compact=True
            )
        else:
            yield Input(str(value), id=ident, compact=True, classes="setting-input")

    def _choices(self, name: str) -> list[tuple[str, str]]:
        library = self.services.routines.routines
        if name == "routine":
            return [(routine.name, key) for key, routine in library.items()]
        if name == "reminders.routine":
            return [("Same as tonight's routine", ""), *self._choices("routine")]
        if name == "theme":
            return [(theme, theme) for theme in self.themes]
        return [(cue, cue) for cue in CUE_MODES]

    def on_mount(self) -> None:
        self.query_one(f"#{widget_id(FIELDS[0].name)}").focus()
        self._opened_with = self.form_values()

    def edited(self) -> list[str]:
        """The fields whose value differs from what they showed when the screen opened."""
        values = self.form_values()
        return [name for name, value in values.items() if self._opened_with.get(name) != value]

    def form_values(self) -> dict[str, Any]:
        """What each field holds now, by field name."""
        values: dict[str, Any] = {}
        for field in FIELDS:
            ident = widget_id(field.name)
            if field.kind == "days":
                boxes = [self.query_one(f"#{ident}--{day}", Checkbox) for day in WEEKDAYS]
                values[field.name] = [box.label.plain for box in boxes if box.value]
            elif field.kind == "switch":
                values[field.name] = self.query_one(f"#{ident}", Checkbox).value
            elif field.kind == "choice":
                values[field.name] = self.query_one(f"#{ident}", Select).value
            else:
                values[field.name] = self.query_one(f"#{ident}", Input).value
        return values

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """An on/off field says which it is in words, not only by colour."""
        if event.checkbox.has_class("switch"):
            event.checkbox.label = "on" if event.value else "off"
        self._recheck_shown_errors()

    def on_input_changed(self) -> None:
        self._recheck_shown_errors()

    def on_select_changed(self) -> None:
        self._recheck_shown_errors()

    def _recheck_shown_errors(self) -> None:
        """A message under a field follows the field as it changes: it goes once the value is
        right, or says what is wrong now. Fields without a message get none until saving."""
        shown = [
            (field, box)
            for field in FIELDS
            if (box := self.query_one(f"#error--{widget_id(field.name)}", Static)).has_class(
                "shown"
            )
        ]
        if not shown:
            return
        result = apply_form(self.services.settings, self.form_values(), self.routines, self.themes)
        for field, box in shown:
            message = result.errors.get(field.name, "")
            box.update(message)
            box.set_class(bool(message), "shown")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        result = apply_form(self.services.settings, self.form_values(), self.routines, self.themes)
        for field in FIELDS:
            message = result.errors.get(field.name, "")
            error = self.query_one(f"#error--{widget_id(field.name)}", Static)
            error.update(message)
            error.set_class(bool(message), "shown")
        if result.settings is None:
            first = next(name for name in (f.name for f in FIELDS) if name in result.errors)
            self.query_one(f"#{widget_id(first)}").focus()
            self.notify("Not saved: " + result.errors[first], severity="error", timeout=6)
            return
        # Only what was edited here: a choice made elsewhere meanwhile (the palette) stays.
        problem = self.services.change_settings(
            {name: current_value(result.settings, BY_NAME[name]) for name in self.edited()}
        )
        if problem:
            self.notify(problem, title="Not saved", severity="error", timeout=10)
            return
        self.app.post_message(SettingsSaved(self.services.settings))
        self.notify("Settings saved.", timeout=3)
        self.dismiss()

    def action_cancel(self) -> None:
        """Leave; with unsaved edits, ask first (as the entry form does)."""
        if not self.edited():
            self.dismiss()
            return

        def answered(drop: bool | None) -> None:
            if drop:
                self.dismiss()

        question = "Drop the changes to your settings?"
        self.app.push_screen(ConfirmDialog(question, yes="Drop", no="Keep editing"), answered)
