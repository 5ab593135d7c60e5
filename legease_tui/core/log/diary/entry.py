"""One logged night: the entry, how a whole night is checked, and the sleep figures from it.

Every way a night comes in — the entry form, `legease log add`, a CSV or JSON import, the data
file itself — goes through `parse_entry`, so the same rule and the same message (naming the field
and the allowed range) apply everywhere. The fields are listed in `fields.py`; each value, as
text (form, CLI, CSV) or as JSON (data file, JSON import), is read by `field_values.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from typing import Any

from legease_tui.core.log.diary.field_values import NotAllowed, digit_hint, is_blank, read_value
from legease_tui.core.log.diary.field_values import read_date as read_date  # `log add` reads it
from legease_tui.core.log.diary.fields import EARLIEST_NIGHT, NOTHING_WENT_WRONG, SPECS, Activity
from legease_tui.core.log.diary.figures import SleepFigures, minutes_after, sleep_figures
from legease_tui.core.log.diary.time_order import LONGEST_NIGHT_MINUTES as LONGEST
from legease_tui.core.log.diary.time_order import ORDER, out_of_order
from legease_tui.core.night import night_with_date
from legease_tui.core.quoting import quoted


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
    cramp_leg: str | None = None
    cramp_muscle: str | None = None
    worst_minutes: int | None = None
    """How long the worst cramp lasted, in minutes (0: under a minute)."""
    cramp_woke: bool | None = None
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
    went_wrong: tuple[str, ...] | None = None
    """What went wrong in the night (`WENT_WRONG`); () when the answer was "nothing", None
    when it was not asked or not answered."""
    tags: tuple[str, ...] = ()
    note: str = ""

    def as_values(self) -> dict[str, Any]:
        """Plain JSON values for every field that is set (the stored and exported form)."""
        values: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is None or value == "" or (value == () and item.name != "went_wrong"):
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
            elif name == "went_wrong":
                text[name] = ", ".join(value) or NOTHING_WENT_WRONG
            elif isinstance(value, list):
                text[name] = ", ".join(value)
            else:
                text[name] = str(value)
        return text

    @property
    def sleep(self) -> SleepFigures:
        """Time in bed, total sleep and efficiency, worked out from the diary times."""
        return sleep_figures(self)

    def summary(self, night_name: str | None = None) -> str:
        """One short line for the timeline and the CLI; `night_name` ("last night (Sat 5 Dec)")
        goes before the date when the night is named relative to now."""
        night = self.night.isoformat()
        parts = [f"{night_name}, {night}" if night_name else f"night of {night}"]
        if self.tension is not None:
            parts.append(f"tension {self.tension}/10")
        if self.cramps is not None:
            parts.append(f"{self.cramps} cramp{'s' if self.cramps != 1 else ''}")
        if self.restless:
            parts.append("restless")
        if self.tags:
            parts.append(", ".join(self.tags))
        return " · ".join(parts)


def parse_entry(
    raw: Mapping[str, object],
    *,
    stored: bool = False,
    tonight: date | None = None,
    now: datetime | None = None,
) -> NightEntry:
    """A checked `NightEntry` from raw values; raises `EntryInvalid` naming every bad field.

    Unknown keys are ignored (stored records also carry "summary", "updated", ...). Blank values
    mean "not given". Control characters in the note and tags are refused, unless `stored`:
    a night saved before that rule is shown (neutralised on screen), never hidden.
    Every way in (form, `log add`, import) passes `tonight`: the night must then lie from
    `EARLIEST_NIGHT` to tonight. Stored nights are read without it, so a night already kept
    never disappears because the clock was set back. With `now`, a refused night says which
    night the latest is in words ("last night (Sat 5 Dec)" before noon).
    """
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for name in SPECS:
        value = raw.get(name)
        if is_blank(value) and not (name == "went_wrong" and value == []):  # [] is "nothing"
            continue
        try:
            values[name] = _field_value(name, value, stored)
        except ValueError as error:
            problems.append(Problem(name, str(error)))
    night = values.get("night")
    if night is None and not any(p.field == "night" for p in problems):
        missing = "is empty" if "night" in raw else "is required"
        problems.append(Problem("night", f"{missing}: {SPECS['night'].allowed()}"))
    elif tonight is not None and night is not None and not EARLIEST_NIGHT <= night <= tonight:
        problems.append(Problem("night", f"must be {night_range(tonight, now)} (got {night})"))
    if problems:
        raise EntryInvalid(problems)
    entry = NightEntry(**values)
    problems = consistency_problems(entry, stored=stored)
    if problems:
        raise EntryInvalid(problems)
    return entry


def _field_value(name: str, value: object, stored: bool) -> object:
    """One field's value; ValueError with the message a person reads (naming what is allowed)."""
    spec = SPECS[name]
    try:
        return read_value(spec, value, stored)
    except NotAllowed:
        hint = digit_hint(value)
        raise ValueError(f"must be {spec.allowed()} (got {quoted(str(value))}){hint}") from None


def field_problem(name: str, text: str) -> str | None:
    """What is wrong with one field's typed value on its own, or None: a form re-checks a field
    as it changes, so a message never stays after the slip is mended (saving checks the rest)."""
    if is_blank(text):
        return None
    try:
        _field_value(name, text, stored=False)
    except ValueError as error:
        return str(error)
    return None


SLEEP_FIELDS = (*ORDER[:2], "minutes_to_sleep", "minutes_awake", *ORDER[2:])
"""The diary fields the sleep figures are worked out from."""


def sleep_from_text(raw: Mapping[str, object]) -> SleepFigures | None:
    """The sleep figures from the diary fields of `raw` alone (None if one of them is refused):
    a bad tension or note elsewhere in the form must not hide them."""
    values = {name: raw.get(name) for name in SLEEP_FIELDS}
    try:  # any night will do: the figures depend on the times only
        return parse_entry({**values, "night": EARLIEST_NIGHT.isoformat()}).sleep
    except EntryInvalid:
        return None


def night_range(latest: date, now: datetime | None = None) -> str:
    """The nights a new entry may be for, in words: up to "last night (Sat 5 Dec), 2026-12-05"
    before noon, "tonight (Sun 6 Dec), 2026-12-06" after it; the date alone without `now`."""
    if now is None:
        return f"a night from {EARLIEST_NIGHT} to {latest}"
    return f"a night from {EARLIEST_NIGHT} to {night_with_date(latest, now)}, {latest}"


def consistency_problems(entry: NightEntry, *, stored: bool = False) -> list[Problem]:
    """Fields that are fine alone but not together (times out of order, more awake than night).
    A `stored` night is held only to the order of its times, not to the longest night."""
    given = [(name, getattr(entry, name)) for name in ORDER if getattr(entry, name)]
    problems = [
        Problem(
            name,
            f"must come {relation} {SPECS[other].label.lower()} "
            f"({getattr(entry, other):%H:%M}; times run from evening into the next morning)",
        )
        for name, relation, other in out_of_order(given, limit=None if stored else LONGEST)
    ]
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
    if entry.cramps == 0:  # where and how long a cramp was says there was one
        for name in ("cramp_leg", "cramp_muscle", "worst_minutes"):
            if getattr(entry, name) is not None:
                problems.append(Problem(name, "must be empty when there were no cramps"))
        if entry.cramp_woke:
            problems.append(Problem("cramp_woke", "must be no or empty when there were no cramps"))
    return problems
