"""Text a person typed or a file holds: checked on the way in, made harmless on the way out.

One place for both directions, so every way in (entry form, `log add`, `import`, config.toml,
routine files) refuses the same characters with the same message, and every way out to a
terminal (the app, `log list`, `export` to stdout, `quiz --last`) neutralises the same ones.

- In: C0 and C1 control characters (and DEL) are refused, except tab and line breaks; `\\r\\n`
  and a lone `\\r` become `\\n`, so a note is stored one way and round-trips exactly. A lone
  surrogate (a byte that was not UTF-8 on the command line, or `\\udcff` in JSON) is refused too:
  it cannot be written as UTF-8 and would later break every export.
- Out: anything already stored (written by an older LegEase or by hand) is shown with each such
  character as a visible escape, `\\x1b`, `\\x9b`, `\\udcff`. Chosen over the control pictures
  (U+241B "␛"): it covers every C0 and C1 character and surrogates alike, it is plain ASCII of
  fixed width in every font, and it says exactly which byte it was for a bug report.
"""

from __future__ import annotations

import json
import re
import unicodedata

_LINE_BREAK = re.compile(r"\r\n?")
# C0 but tab and line feed, DEL, C1, and lone surrogates. \r is normalised before this applies.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# The same in text as typed, where \r is a line break too: searched before \r is normalised,
# so a refused character is named and placed as it was typed.
_UNSAFE_TYPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class TextRefused(ValueError):
    """Text holding a character that is not allowed. str() names the field; `reason` is the
    same without it (for messages that name the field already)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field} {reason}")
        self.field = field
        self.reason = reason


def describe(char: str) -> str:
    """`U+001B (escape)` style name of a refused character, for messages."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte that was not UTF-8 (surrogateescape)
        return f"a byte that is not UTF-8 (\\x{code - 0xDC00:02x})"
    if 0xD800 <= code <= 0xDFFF:
        return f"a lone surrogate ({escape_char(char)}), which is not UTF-8"
    names = {
        0x00: "null",
        0x07: "bell",
        0x09: "tab",
        0x0A: "line break",
        0x0D: "carriage return",
        0x1B: "escape",
    }
    name = names.get(code, "delete" if code == 0x7F else "control character")
    return f"U+{code:04X} ({name})"


def escape_char(char: str) -> str:
    """The visible escape for one character: `\\x1b`, `\\x9b`, `\\udcff`."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def normalise_breaks(text: str) -> str:
    """`\\r\\n` and a lone `\\r` as `\\n`."""
    return _LINE_BREAK.sub("\n", text) if "\r" in text else text


def has_control(text: str) -> bool:
    """Whether `check_text` would refuse `text` (line breaks and tabs allowed)."""
    return _UNSAFE_TYPED.search(text) is not None


def check_text(text: str, field: str, *, one_line: bool = False) -> str:
    """`text` with line breaks as `\\n`; raises `TextRefused` naming `field` and the character.

    `one_line` refuses line breaks (and tabs) too: names and titles.
    """
    found = (_UNSAFE_ONE_LINE if one_line else _UNSAFE_TYPED).search(text)
    if found:
        allowed = "text on one line" if one_line else "printable text, tabs and line breaks"
        raise TextRefused(
            field,
            f"holds {describe(found.group())} at character {found.start() + 1}; "
            f"only {allowed} can be used",
        )
    return normalise_breaks(text)


def terminal_safe(text: str) -> str:
    """`text` fit for a terminal: line breaks as `\\n`, tab kept, every other control
    character and lone surrogate shown as its escape (so nothing can steer the terminal)."""
    text = normalise_breaks(text)
    return _UNSAFE.sub(lambda found: escape_char(found.group()), text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def json_safe(dumped: str) -> str:
    """JSON text from `json.dumps(..., ensure_ascii=False)` with DEL, C1 and lone surrogates
    written as `\\u` escapes: the same JSON value, but safe on a terminal and encodable as
    UTF-8 (json.dumps escapes C0 itself). They can only occur inside strings, where `\\u` is
    valid."""
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", dumped)


def json_text(value: object) -> str:
    """`value` as indented JSON for a person or a program: every JSON LegEase prints or exports
    is made here (`json_safe`), so it stays valid JSON whatever text a record holds. It is
    never passed through `terminal_safe`, which would write `\\x9b`: not a JSON escape."""
    return json_safe(json.dumps(value, indent=2, ensure_ascii=False))


def display_width(text: str) -> int:
    """The columns `text` takes on a terminal: wide (East Asian) characters take two, combining
    marks and zero-width ones none; so columns of user text line up ("ストレッチ" is 10)."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` terminal columns (left-aligned)."""
    return text + " " * max(width - display_width(text), 0)
