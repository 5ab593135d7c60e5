"""Settings from `config.toml`, validated key by key.

A bad value is reported with the file, the key and what is allowed; that key falls back to its
default and the rest of the file still applies. The user's file is never rewritten on load; it is
written only when the person saves settings (Settings screen, `legease schedule --set`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from legease_tui.core.quoting import quoted
from legease_tui.core.routine.cue_plan import CUE_MODES
from legease_tui.core.storage.atomic import NotARegularFile, read_text_file, write_atomic
from legease_tui.core.text import TextRefused, check_text
from legease_tui.core.time_of_day import TIME_FORMS, WEEKDAYS, parse_time_of_day
from legease_tui.settings.keys import SECTION as KEYS
from legease_tui.settings.keys import KeyChoice, dump_keys, read_keys

UNKNOWN_NAMED = 3
"""Up to this many unknown keys are each named; more are summarised in one notice."""


@dataclass(frozen=True)
class SoundSettings:
    """How the routine sounds."""

    enabled: bool = True
    """Sound at all: cues, bell and voice. Off means a silent routine."""
    volume: int = 60
    """0-100, passed to audio players that take a volume."""
    cues: str = "all"
    """Which cues play: all, steps (step changes only) or none."""
    voice: bool = False
    """Speak each step's name at its start."""
    player: str = ""
    """An audio player command to use instead of the one found on PATH."""
    speech: str = ""
    """A speech command to use instead of the one found on PATH."""


@dataclass(frozen=True)
class ReminderSettings:
    """When the evening routine comes to the person."""

    enabled: bool = False
    """Remind at all."""
    time: str = "21:30"
    """Time of the reminder, HH:MM local time."""
    days: tuple[str, ...] = WEEKDAYS
    """Days of the week it fires."""
    routine: str = ""
    """Routine it offers; empty means the default routine."""
    snooze_minutes: int = 10
    """How long a snooze lasts, 1-120 minutes."""
    max_snoozes: int = 2
    """How many snoozes a night, 0-10."""
    latest: str = "23:30"
    """No reminder fires after this time, HH:MM."""


@dataclass(frozen=True)
class Settings:
    """Everything the person can set."""

    routine: str = "calf-hamstring"
    """The routine `r` starts."""
    theme: str = "legease-night"
    """The colour theme."""
    sound: SoundSettings = field(default_factory=SoundSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    keys: tuple[KeyChoice, ...] = ()
    """[keys]: binding id -> the person's own keys (checked against the screens at start)."""


@dataclass(frozen=True)
class LoadedSettings:
    """Settings plus what was wrong in the file (each problem names file, key, what is allowed)."""

    settings: Settings
    problems: tuple[str, ...] = ()


class SettingError(ValueError):
    """A value that is not allowed for a key; the message says what is, in plain words (no
    TOML syntax: the same words serve `schedule --days`, the Settings form and config.toml)."""


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise SettingError("true or false")


def _int_range(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise SettingError(f"a whole number from {low} to {high}")
        return value

    return check


def _one_line(value: str, allowed: str) -> str:
    """A setting's text: one line, no control characters (they would reach the terminal)."""
    try:
        return check_text(value, "it", one_line=True)
    except TextRefused as error:
        raise SettingError(f"{allowed}; this value {error.reason}") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise SettingError("text")
    return _one_line(value, "text")


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SettingError("a name")
    return _one_line(value, "a name").strip()


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            raise SettingError("one of " + ", ".join(options))
        return str(value)

    return check


def parse_clock_time(value: Any) -> str:
    """A time of day typed as HH:MM, H:MM or HHMM (24-hour), written back as HH:MM."""
    try:
        at = parse_time_of_day(value) if isinstance(value, str) else None
    except ValueError:
        at = None
    if at is None:
        raise SettingError(
            f"a time of day as {TIME_FORMS}, 24-hour (for example 21:30, 9:05 or 2130)"
        )
    return f"{at:%H:%M}"


DAYS_ALLOWED = "days such as mon-fri, sat,sun, mon,wed,fri, weekdays, weekends or daily"
"""What `parse_days` takes, in plain words (`schedule --days` help and every error)."""


def parse_days(value: Any) -> tuple[str, ...]:
    """Days as a list ["mon", "tue"] or text "mon-fri", "sat,sun", "daily", "weekdays"."""
    allowed = DAYS_ALLOWED
    if isinstance(value, list):
        parts = value
    elif isinstance(value, str):
        text = value.strip().lower()
        named = {"daily": WEEKDAYS, "weekdays": WEEKDAYS[:5], "weekends": WEEKDAYS[5:]}
        if text in named:
            return named[text]
        parts = [p.strip() for p in text.split(",") if p.strip()]
    else:
        raise SettingError(allowed)
    chosen: set[str] = set()
    for part in parts:
        if not isinstance(part, str):
            raise SettingError(allowed)
        part = part.strip().lower()[:3] if "-" not in part else part.strip().lower()
        if "-" in part:
            start, _, end = part.partition("-")
            if start[:3] not in WEEKDAYS or end[:3] not in WEEKDAYS:
                raise SettingError(allowed)
            i, j = WEEKDAYS.index(start[:3]), WEEKDAYS.index(end[:3])
            span = range(i, j + 1) if i <= j else [*range(i, 7), *range(0, j + 1)]
            chosen.update(WEEKDAYS[k] for k in span)
        elif part in WEEKDAYS:
            chosen.add(part)
        else:
            raise SettingError(allowed)
    if not chosen:
        raise SettingError(allowed)
    return tuple(day for day in WEEKDAYS if day in chosen)


FIELD_WORDS = {
    "routine": "tonight's routine",
    "theme": "the theme",
    "sound.enabled": "sound on or off",
    "sound.volume": "the sound's volume",
    "sound.cues": "which sound cues play",
    "sound.voice": "spoken steps on or off",
    "sound.player": "the audio player",
    "sound.speech": "the speech program",
    "reminders.enabled": "the evening reminder on or off",
    "reminders.time": "the evening reminder's time",
    "reminders.days": "the evening reminder's days",
    "reminders.routine": "the routine the reminder offers",
    "reminders.snooze_minutes": "the snooze length in minutes",
    "reminders.max_snoozes": "how many snoozes a night",
    "reminders.latest": "the latest time a reminder may come",
}
"""Each setting in plain words, for the message about a value that is not allowed."""

# Each section: key -> validator. The dataclass field of the same name holds the default.
_TOP: dict[str, Callable[[Any], Any]] = {"routine": _name, "theme": _name}
_SOUND: dict[str, Callable[[Any], Any]] = {
    "enabled": _bool,
    "volume": _int_range(0, 100),
    "cues": _choice(CUE_MODES),
    "voice": _bool,
    "player": _text,
    "speech": _text,
}
_REMINDERS: dict[str, Callable[[Any], Any]] = {
    "enabled": _bool,
    "time": parse_clock_time,
    "days": parse_days,
    "routine": _text,
    "snooze_minutes": _int_range(1, 120),
    "max_snoozes": _int_range(0, 10),
    "latest": parse_clock_time,
}
_SECTIONS: dict[str, tuple[type, dict[str, Callable[[Any], Any]]]] = {
    "sound": (SoundSettings, _SOUND),
    "reminders": (ReminderSettings, _REMINDERS),
}


def _read_section(
    raw: dict[str, Any],
    validators: dict[str, Callable[[Any], Any]],
    where: str,
    prefix: str,
    problems: list[str],
    unknown: list[str],
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        dotted = f"{prefix}{key}"
        check = validators.get(key)
        if check is None:
            unknown.append(dotted)
            continue
        try:
            values[key] = check(value)
        except SettingError as error:
            problems.append(
                f"{where}: {FIELD_WORDS[dotted]} ('{dotted}' = {quoted(value)}) is not allowed; "
                f"expected {error}. Using the default."
            )
    return values


def parse_settings(text: str, where: str = "config.toml") -> LoadedSettings:
    """Settings from TOML text; problems name `where`, the key (or line) and what is allowed."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedSettings(
            Settings(), (f"{where}: not valid TOML ({error}). Using all defaults.",)
        )
    except RecursionError:
        return LoadedSettings(Settings(), (f"{where}: nested too deeply. Using all defaults.",))
    problems: list[str] = []
    unknown: list[str] = []
    top_raw = {k: v for k, v in raw.items() if k not in _SECTIONS and k != KEYS}
    keys, key_problems = read_keys(raw.get(KEYS, {}), text, where)
    problems += key_problems
    top = _read_section(top_raw, _TOP, where, "", problems, unknown)
    sections: dict[str, Any] = {}
    for name, (cls, validators) in _SECTIONS.items():
        section = raw.get(name, {})
        if not isinstance(section, dict):
            problems.append(f"{where}: '{name}' must be a table ([{name}]). Using the defaults.")
            section = {}
        sections[name] = cls(
            **_read_section(section, validators, where, f"{name}.", problems, unknown)
        )
    if len(unknown) > UNKNOWN_NAMED:  # one line, not one per key of a huge foreign file
        first = ", ".join(key[:40] for key in unknown[:UNKNOWN_NAMED])
        problems.append(f"{where}: {len(unknown):,} unknown keys (ignored), first: {first}")
    else:
        problems.extend(f"{where}: unknown key '{key}' (ignored)" for key in unknown)
    return LoadedSettings(Settings(**top, **sections, keys=keys), tuple(problems))


def load_settings(path: Path) -> LoadedSettings:
    """Settings from `path`; a missing file means all defaults, an unreadable one is reported."""
    try:
        text = read_text_file(path)
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except NotARegularFile as error:
        return LoadedSettings(Settings(), (f"{error}. Using defaults.",))
    except (OSError, UnicodeDecodeError) as error:
        return LoadedSettings(Settings(), (f"{path}: cannot be read ({error}). Using defaults.",))
    return parse_settings(text, str(path))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def dump_settings(settings: Settings) -> str:
    """TOML text for `settings`, every key written with its value."""
    lines = ["# LegEase settings. Edit freely; a bad value is reported and its default used.", ""]
    for key in _TOP:
        lines.append(f"{key} = {_toml_value(getattr(settings, key))}")
    for name in _SECTIONS:
        section = getattr(settings, name)
        lines += ["", f"[{name}]"]
        lines += [f"{f.name} = {_toml_value(getattr(section, f.name))}" for f in fields(section)]
    lines += dump_keys(settings.keys)
    return "\n".join(lines) + "\n"


def save_settings(path: Path, settings: Settings) -> None:
    """Write `settings` to `path` atomically, user-only."""
    write_atomic(path, dump_settings(settings).encode("utf-8"))


def validate_value(section: str, key: str, value: Any) -> Any:
    """Check one value as the file loader would; raises SettingError saying what is allowed."""
    validators = _TOP if section == "" else _SECTIONS[section][1]
    return validators[key](value)


__all__ = [
    "WEEKDAYS",
    "LoadedSettings",
    "ReminderSettings",
    "SettingError",
    "Settings",
    "SoundSettings",
    "dump_settings",
    "load_settings",
    "parse_clock_time",
    "parse_days",
    "parse_settings",
    "replace",
    "save_settings",
    "validate_value",
]
