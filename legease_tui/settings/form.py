"""The Settings form without the screen: which fields it has, and turning typed values into
validated `Settings` (or a message per field naming it and what is allowed).

Used by `screens/settings.py` (which only shows the fields and errors) and by
`legease schedule --set`. Validation is `config.validate_value`, the same as the file loader's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from legease_tui.core.reminders.schedule import window_problem
from legease_tui.core.time_of_day import is_whole_number
from legease_tui.settings.settings import SettingError, Settings, validate_value


@dataclass(frozen=True)
class FormField:
    """One setting on the form: `section` "" is the top level of config.toml."""

    section: str
    key: str
    label: str
    kind: str
    """How it is edited: "text", "number", "switch", "choice" or "days"."""

    @property
    def name(self) -> str:
        """'reminders.time' — the widget id and the key of errors."""
        return f"{self.section}.{self.key}" if self.section else self.key


FIELDS = (
    FormField("reminders", "enabled", "Remind me", "switch"),
    FormField("reminders", "time", "Time (HH:MM)", "text"),
    FormField("reminders", "days", "Days", "days"),
    FormField("reminders", "routine", "Reminder routine", "choice"),
    FormField("reminders", "snooze_minutes", "Snooze length (min)", "number"),
    FormField("reminders", "max_snoozes", "Snoozes a night", "number"),
    FormField("reminders", "latest", "Latest time (HH:MM)", "text"),
    FormField("", "routine", "Tonight's routine", "choice"),
    FormField("", "theme", "Theme", "choice"),
    FormField("sound", "enabled", "Sound", "switch"),
    FormField("sound", "volume", "Volume (0-100)", "number"),
    FormField("sound", "cues", "Cues", "choice"),
    FormField("sound", "voice", "Voice", "switch"),
)
BY_NAME = {field.name: field for field in FIELDS}


def current_value(settings: Settings, field: FormField) -> Any:
    """The value a field shows for `settings`."""
    holder = getattr(settings, field.section) if field.section else settings
    return getattr(holder, field.key)


@dataclass(frozen=True)
class FormResult:
    """Validated settings, or the problems by field name (then `settings` is None)."""

    settings: Settings | None
    errors: dict[str, str]


def apply_form(
    current: Settings,
    values: dict[str, Any],
    routines: tuple[str, ...],
    themes: tuple[str, ...],
) -> FormResult:
    """`current` with the form's `values` (by field name) applied, every field validated."""
    errors: dict[str, str] = {}
    checked: dict[str, Any] = {}
    for name, raw in values.items():
        field = BY_NAME[name]
        try:
            checked[name] = _check(field, raw, routines, themes)
        except SettingError as error:
            errors[name] = f"{field.label}: expected {error}."
    if "reminders.time" in checked and "reminders.latest" in checked:
        problem = window_problem(checked["reminders.time"], checked["reminders.latest"])
        if problem:
            errors["reminders.latest"] = f"Latest time: {problem}; choose a later time."
    if errors:
        return FormResult(None, errors)
    return FormResult(with_values(current, checked), {})


def with_values(current: Settings, checked: dict[str, Any]) -> Settings:
    """`current` with already validated values (by field name) put in place."""
    sections: dict[str, dict[str, Any]] = {}
    top: dict[str, Any] = {}
    for name, value in checked.items():
        field = BY_NAME[name]
        if field.section:
            sections.setdefault(field.section, {})[field.key] = value
        else:
            top[field.key] = value
    parts = {name: replace(getattr(current, name), **changed) for name, changed in sections.items()}
    return replace(current, **top, **parts)


def _check(field: FormField, raw: Any, routines: tuple[str, ...], themes: tuple[str, ...]) -> Any:
    value = list(raw) if isinstance(raw, tuple) else raw  # days: the file loader takes lists
    if field.kind == "number":
        text = str(raw).strip()
        if not is_whole_number(text):
            return validate_value(field.section, field.key, text)  # raises with the allowed range
        value = int(text)
    if field.name == "routine" and value not in routines:
        raise SettingError("one of " + ", ".join(routines))
    if field.name == "reminders.routine" and value not in ("", *routines):
        raise SettingError("one of " + ", ".join(routines) + ", or empty for tonight's routine")
    if field.name == "theme" and value not in themes:
        raise SettingError("one of " + ", ".join(themes))
    return validate_value(field.section, field.key, value)
