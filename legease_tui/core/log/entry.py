"""One logged night: its fields, how each is checked, and the sleep figures computed from them.

Every way a night comes in — the entry form, `legease log add`, a CSV or JSON import, the data
file itself — goes through `parse_entry`, so the same rule and the same message (naming the field
and the allowed range) apply everywhere. Values may arrive as text (form, CLI, CSV) or as JSON
types (data file, JSON import).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, time
from enum import StrEnum
from typing import Any

from legease_tui.core.log.sleep_diary import SleepFigures, minutes_after, sleep_figures
from legease_tui.core.text import TextRefused, check_text, has_control, normalise_breaks

NOTE_LIMIT = 2000
EARLIEST_NIGHT = date(1900, 1, 1)
"""No diary goes back further; an earlier date is a typing slip."""
TAG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9 '+-]{0,29}$")
COMMON_TAGS = ("stretched", "heat", "massage", "pillow under knees", "magnesium", "walked")
"""Tags offered as ticks in the form; any other tag may be typed."""


class Activity(StrEnum):
    """How the day went for the legs."""

    SITTING = "sitting"
    NORMAL = "normal"
    EXERCISE = "exercise"


ACTIVITY_LABELS = {
    Activity.SITTING: "mostly sitting",
    Activity.NORMAL: "normal",
    Activity.EXERCISE: "hard exercise",
}


@dataclass(frozen=True)
class FieldSpec:
    """How one field is named, read and checked."""

    name: str
    label: str
    kind: str  # "int", "bool", "clock", "activity", "tags", "note", "date"
    low: int = 0
    high: int = 0

    @property
    def option(self) -> str:
        """The command-line option for this field (`--worst-cramp`)."""
        return "--" + self.name.replace("_", "-")

    def allowed(self) -> str:
        """The allowed values, in words, for error messages."""
        return {
            "int": f"a whole number from {self.low} to {self.high}",
            "bool": "yes or no",
            "clock": "a time of day as HH:MM (00:00 to 23:59)",
            "activity": "one of " + ", ".join(a.value for a in Activity),
            "tags": "tags of 1 to 30 letters, digits, spaces, ' + or -",
            "note": f"text of at most {NOTE_LIMIT} characters",
            "date": "a date as YYYY-MM-DD",
        }[self.kind]


SPECS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec("night", "Night of", "date"),
        FieldSpec("tension", "Tension at bedtime", "int", 0, 10),
        FieldSpec("cramps", "Cramps in the night", "int", 0, 30),
        FieldSpec("worst_cramp", "Worst cramp", "int", 0, 10),
        FieldSpec("restless", "Restless urge to move", "bool"),
        FieldSpec("into_bed", "Into bed", "clock"),
        FieldSpec("lights_out", "Lights out", "clock"),
        FieldSpec("minutes_to_sleep", "To fall asleep (min)", "int", 0, 600),
        FieldSpec("times_woken", "Times woken", "int", 0, 30),
        FieldSpec("minutes_awake", "Awake in night (min)", "int", 0, 720),
        FieldSpec("final_wake", "Final wake time", "clock"),
        FieldSpec("out_of_bed", "Out of bed", "clock"),
        FieldSpec("quality", "Sleep quality", "int", 1, 5),
        FieldSpec("water", "Glasses of water", "int", 0, 30),
        FieldSpec("stress", "Stress", "int", 0, 10),
        FieldSpec("activity", "Day's activity", "activity"),
        FieldSpec("tags", "What you did", "tags"),
        FieldSpec("note", "Note", "note"),
    )
}


@dataclass(frozen=True)
class Problem:
    """One field that cannot be accepted, and why."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{SPECS[self.field].label} ({self.field}): {self.message}"


class EntryInvalid(ValueError):
    """Some fields were refused; nothing was saved. `problems` names each field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class NightEntry:
    """A night as logged. Only `night` is required."""

    night: date
    tension: int | None = None
    cramps: int | None = None
    worst_cramp: int | None = None
    restless: bool | None = None
    into_bed: time | None = None
    lights_out: time | None = None
    minutes_to_sleep: int | None = None
    times_woken: int | None = None
    minutes_awake: int | None = None
    final_wake: time | None = None
    out_of_bed: time | None = None
    quality: int | None = None
    water: int | None = None
    stress: int | None = None
    activity: Activity | None = None
    tags: tuple[str, ...] = ()
    note: str = ""

    def as_values(self) -> dict[str, Any]:
        """Plain JSON values for every field that is set (the stored and exported form)."""
        values: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is None or value == () or value == "":
                continue
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, time):
                value = value.strftime("%H:%M")
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Activity):
                value = value.value
            values[item.name] = value
        return values

    def as_text(self) -> dict[str, str]:
        """Every field as the text a person types (the form and CSV): "" when not set."""
        text = dict.fromkeys(SPECS, "")
        for name, value in self.as_values().items():
            if isinstance(value, bool):
                text[name] = "yes" if value else "no"
            elif isinstance(value, list):
                text[name] = ", ".join(value)
            else:
                text[name] = str(value)
        return text

    @property
    def sleep(self) -> SleepFigures:
        """Time in bed, total sleep and efficiency, worked out from the diary times."""
        return sleep_figures(self)

    def summary(self) -> str:
        """One short line for the timeline and the CLI."""
        parts = [f"night of {self.night.isoformat()}"]
        if self.tension is not None:
            parts.append(f"tension {self.tension}/10")
        if self.cramps is not None:
            parts.append(f"{self.cramps} cramp{'s' if self.cramps != 1 else ''}")
        if self.restless:
            parts.append("restless")
        if self.tags:
            parts.append(", ".join(self.tags))
        return " · ".join(parts)


# --- reading and checking values -------------------------------------------------------------

_TRUE = {"yes", "y", "true", "1", "on"}
_FALSE = {"no", "n", "false", "0", "off"}


def _blank(value: object) -> bool:
    if isinstance(value, str):  # "\x0b" is whitespace to str.strip, but it is refused
        return not value.strip() and not has_control(value)
    return value is None or value == []


class _NotAllowed(Exception):
    """A value outside the field's allowed values (the message is built only when needed)."""


# re.ASCII: `\d` alone also matches "٥" or "５", which int() then reads as 5 — a slip (or a
# look-alike) a person would not mean; only the digits 0-9 are taken.
_WHOLE_NUMBER = re.compile(r"\s*[+-]?\d{1,6}\s*", re.ASCII)
_CLOCK = re.compile(r"\s*(\d{1,2}):(\d{2})\s*", re.ASCII)
_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*", re.ASCII)
_ACTIVITY_WORDS = {a.value: a for a in Activity} | {v: k for k, v in ACTIVITY_LABELS.items()}


def _read(spec: FieldSpec, value: object, stored: bool) -> object:
    """One field's value from text or JSON; raises `_NotAllowed`, or ValueError with a message.

    Stored nights are read through here too, so the common case (a JSON value of the right
    type) is checked first and cheaply.
    """
    kind = spec.kind
    if kind == "int":
        if type(value) is int:
            number = value
        elif isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value):
            number = int(value)
        else:
            raise _NotAllowed
        if not spec.low <= number <= spec.high:
            raise _NotAllowed
        return number
    if kind == "clock":
        found = _CLOCK.fullmatch(value) if isinstance(value, str) else None
        if found and int(found[1]) < 24 and int(found[2]) < 60:
            return time(int(found[1]), int(found[2]))
        raise _NotAllowed
    if kind == "bool":
        if isinstance(value, bool):
            return value
        word = value.strip().lower() if isinstance(value, str) else None
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise _NotAllowed
    if kind == "activity":
        word = value.strip().lower() if isinstance(value, str) else None
        if word in _ACTIVITY_WORDS:
            return _ACTIVITY_WORDS[word]
        raise _NotAllowed
    if kind == "tags":
        return read_tags(value, stored=stored)
    if kind == "note":
        if not isinstance(value, str):
            raise _NotAllowed
        note = (normalise_breaks(value) if stored else _checked(value, "")).strip()
        if len(note) > NOTE_LIMIT:
            raise ValueError(f"must be {spec.allowed()} (got {len(note)} characters)")
        return note
    if isinstance(value, str):
        try:
            return read_date(value)
        except ValueError:
            pass
    raise _NotAllowed


def read_date(text: str) -> date:
    """A date typed as YYYY-MM-DD (digits 0-9 only); ValueError otherwise. The one date reader
    for every way in: `date.fromisoformat` alone also takes "20261124" and "2026-W48-2"."""
    if not _DATE.fullmatch(text):
        raise ValueError(f"{text.strip()[:40]!r} is not a date as YYYY-MM-DD")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text.strip()[:40]!r} is not a date as YYYY-MM-DD") from None


def _not_ascii_digits(value: object) -> str:
    """A hint for "５" or "٥": they look like digits but are not the ones a number is read from."""
    if any(char.isdigit() and not char.isascii() for char in str(value)):
        return "; write digits as 0-9"
    return ""


def _checked(text: str, field: str, *, one_line: bool = False) -> str:
    """`check_text`, its refusal as the ValueError `parse_entry` reports for the field."""
    try:
        return check_text(text, field, one_line=one_line)
    except TextRefused as error:
        raise ValueError(f"{field} {error.reason}".lstrip()) from None


def read_tags(value: object, *, stored: bool = False) -> tuple[str, ...]:
    """Tags from "heat, massage" or a list; lower-cased, de-duplicated, in order. Control
    characters are refused unless `stored` (a night already saved is shown, not refused)."""
    if isinstance(value, str):
        items: list[object] = list(value.split(","))
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise _NotAllowed
    tags: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise _NotAllowed
        if not stored:
            _checked(item, f"tag {item[:40]!r}", one_line=True)
        tag = " ".join(item.lower().split())
        if not tag:
            continue
        if not TAG_PATTERN.match(tag):
            raise ValueError(f"{tag[:40]!r} is not a tag: use {SPECS['tags'].allowed()}")
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)


def parse_entry(
    raw: Mapping[str, object], *, stored: bool = False, tonight: date | None = None
) -> NightEntry:
    """A checked `NightEntry` from raw values; raises `EntryInvalid` naming every bad field.

    Unknown keys are ignored (stored records also carry "summary", "updated", ...). Blank values
    mean "not given". Control characters in the note and tags are refused, unless `stored`:
    a night saved before that rule is shown (neutralised on screen), never hidden.
    Every way in (form, `log add`, import) passes `tonight`: the night must then lie from
    `EARLIEST_NIGHT` to tonight. Stored nights are read without it, so a night already kept
    never disappears because the clock was set back.
    """
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for name, spec in SPECS.items():
        value = raw.get(name)
        if _blank(value):
            continue
        try:
            values[name] = _read(spec, value, stored)
        except _NotAllowed:
            got = str(value)[:40]
            hint = _not_ascii_digits(value)
            problems.append(Problem(name, f"must be {spec.allowed()} (got {got!r}){hint}"))
        except ValueError as error:
            problems.append(Problem(name, str(error)))
    night = values.get("night")
    if night is None and not any(p.field == "night" for p in problems):
        missing = "is empty" if "night" in raw else "is required"
        problems.append(Problem("night", f"{missing}: {SPECS['night'].allowed()}"))
    elif tonight is not None and night is not None and not EARLIEST_NIGHT <= night <= tonight:
        problems.append(Problem("night", f"must be {night_range(tonight)} (got {night})"))
    if problems:
        raise EntryInvalid(problems)
    entry = NightEntry(**values)
    problems = consistency_problems(entry)
    if problems:
        raise EntryInvalid(problems)
    return entry


def night_range(tonight: date) -> str:
    """The nights a new entry may be for, in words."""
    return f"a night from {EARLIEST_NIGHT} to tonight, {tonight}"


_ORDER = ("into_bed", "lights_out", "final_wake", "out_of_bed")


def consistency_problems(entry: NightEntry) -> list[Problem]:
    """Fields that are fine alone but not together (times out of order, more awake than night)."""
    problems: list[Problem] = []
    given = [(name, getattr(entry, name)) for name in _ORDER if getattr(entry, name)]
    if given:
        first = given[0][1]
        offsets = [(name, minutes_after(first, moment)) for name, moment in given]
        for (before, low), (name, high) in itertools.pairwise(offsets):
            if high < low:
                problems.append(
                    Problem(
                        name,
                        f"must come after {SPECS[before].label.lower()} "
                        "(times run from evening into the next morning)",
                    )
                )
    if entry.lights_out and entry.final_wake and not problems:
        window = minutes_after(entry.lights_out, entry.final_wake)
        awake = (entry.minutes_to_sleep or 0) + (entry.minutes_awake or 0)
        if awake > window:
            problems.append(
                Problem(
                    "minutes_awake" if entry.minutes_awake else "minutes_to_sleep",
                    f"minutes to fall asleep plus minutes awake ({awake}) must be at most the "
                    f"{window} minutes from lights out to final wake",
                )
            )
    if entry.cramps == 0 and entry.worst_cramp:
        problems.append(Problem("worst_cramp", "must be empty or 0 when there were no cramps"))
    return problems
