"""Reading one field's value, typed as text (form, CLI, CSV) or stored as JSON (data file,
JSON import): whole numbers, yes/no, times of day, dates, the day's activity, tags and the note.
Digits are 0-9 only, and control characters in the note and tags are refused unless stored.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date

from legease_tui.core.log.diary.fields import (
    ACTIVITY_LABELS,
    NOTE_LIMIT,
    NOTHING_WENT_WRONG,
    SAME_AS,
    SPECS,
    TAG_PATTERN,
    Activity,
    FieldSpec,
)
from legease_tui.core.quoting import quoted
from legease_tui.core.text import TextRefused, check_text, has_control, normalise_breaks
from legease_tui.core.time_of_day import parse_time_of_day

_TRUE = {"yes", "y", "true", "1", "on"}
_FALSE = {"no", "n", "false", "0", "off"}


def is_blank(value: object) -> bool:
    """Whether `value` means "not given" (empty or spaces; None; an empty list)."""
    if isinstance(value, str):  # "\x0b" is whitespace to str.strip, but it is refused
        return not value.strip() and not has_control(value)
    return value is None or value == []


class NotAllowed(Exception):
    """A value outside the field's allowed values (the message is built only when needed)."""


# re.ASCII: `\d` alone also matches "٥" or "５", which int() then reads as 5 — a slip (or a
# look-alike) a person would not mean; only the digits 0-9 are taken.
_WHOLE_NUMBER = re.compile(r"\s*[+-]?\d{1,6}\s*", re.ASCII)
_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*", re.ASCII)
_ACTIVITY_WORDS = {a.value: a for a in Activity} | {v: k for k, v in ACTIVITY_LABELS.items()}


def read_value(spec: FieldSpec, value: object, stored: bool) -> object:
    """One field's value from text or JSON; raises `NotAllowed`, or ValueError with a message.

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
            raise NotAllowed
        if not spec.low <= number <= spec.high:
            raise NotAllowed
        return number
    if kind == "clock":
        if not isinstance(value, str):
            raise NotAllowed
        try:
            return parse_time_of_day(value)
        except ValueError:
            raise NotAllowed from None
    if kind == "bool":
        if isinstance(value, bool):
            return value
        word = value.strip().lower() if isinstance(value, str) else None
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise NotAllowed
    if kind == "activity":
        word = value.strip().lower() if isinstance(value, str) else None
        if word in _ACTIVITY_WORDS:
            return _ACTIVITY_WORDS[word]
        raise NotAllowed
    if kind == "choice":
        word = value.strip().lower() if isinstance(value, str) else None
        if word in spec.choices:
            return word
        raise NotAllowed
    if kind == "choices":
        return read_choices(spec, value)
    if kind == "tags":
        return read_tags(value, stored=stored)
    if kind == "note":
        if not isinstance(value, str):
            raise NotAllowed
        note = (normalise_breaks(value) if stored else _checked(value, "")).strip()
        if len(note) > NOTE_LIMIT:
            raise ValueError(f"must be {spec.allowed()} (got {len(note)} characters)")
        return note
    if isinstance(value, str):
        try:
            return read_date(value)
        except ValueError:
            pass
    raise NotAllowed


def read_date(text: str) -> date:
    """A date typed as YYYY-MM-DD (digits 0-9 only); ValueError otherwise. The one date reader
    for every way in: `date.fromisoformat` alone also takes "20261124" and "2026-W48-2"."""
    if _DATE.fullmatch(text):
        with contextlib.suppress(ValueError):  # the shape of a date, but not one: "2026-02-30"
            return date.fromisoformat(text.strip())
    raise ValueError(f"{quoted(text.strip())} is not a date as YYYY-MM-DD")


def digit_hint(value: object) -> str:
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


def same_tag(word: str) -> str:
    """A tag in the one vocabulary of what a person did: "Stretch" is the form's "stretched"."""
    tag = " ".join(word.lower().split())
    return SAME_AS.get(tag, tag)


def read_choices(spec: FieldSpec, value: object) -> tuple[str, ...]:
    """Words from `spec.choices`, from "fall, other" or a list, in order without repeats;
    "nothing" (or an empty list) is the answer that none of them happened."""
    if isinstance(value, str):
        items: list[object] = [word for word in value.split(",") if word.strip()]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise NotAllowed
    words = []
    for item in items:
        word = item.strip().lower() if isinstance(item, str) else None
        if word == NOTHING_WENT_WRONG and len(items) == 1:
            return ()
        if word not in spec.choices:
            raise NotAllowed
        if word not in words:
            words.append(word)
    return tuple(words)


def read_tags(value: object, *, stored: bool = False) -> tuple[str, ...]:
    """Tags from "heat, massage" or a list; lower-cased, other words for the form's ticks read
    as them ("stretch" -> "stretched"), de-duplicated, in order. Control
    characters are refused unless `stored` (a night already saved is shown, not refused)."""
    if isinstance(value, str):
        items: list[object] = list(value.split(","))
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise NotAllowed
    tags: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise NotAllowed
        if not stored:
            _checked(item, f"tag {quoted(item)}", one_line=True)
        tag = " ".join(item.lower().split())
        if not tag:
            continue
        tag = same_tag(tag)
        if not TAG_PATTERN.match(tag):
            raise ValueError(f"{quoted(tag)} is not a tag: use {SPECS['tags'].allowed()}")
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)
