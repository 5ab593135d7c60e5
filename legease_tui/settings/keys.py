"""`[keys]` in config.toml: the person's own keys, by binding id (`home.routine = "g"`).

Read here as text with the line each came from; whether an id names an action and whether a key
is free is checked against the screens' bindings when the app starts (`screens/keymap.py`), and
each problem names the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from legease_tui.core.quoting import quoted
from legease_tui.core.text import TextRefused, check_text

SECTION = "keys"
_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_.\-\"' ]+?)\s*=")


@dataclass(frozen=True)
class KeyChoice:
    """One line of `[keys]`: the binding id, the keys wanted (comma-separated) and the line."""

    binding_id: str
    keys: str
    line: int | None = None

    def where(self, file: str) -> str:
        """'config.toml, line 12' (or the file alone when the line is not known)."""
        return f"{file}, line {self.line}" if self.line else file


def _dotted(text: str) -> str:
    """A TOML key as written ('home.routine', '"home.routine"', 'home . routine') made plain."""
    return ".".join(part.strip().strip("\"'") for part in text.split("."))


def _lines_of(text: str) -> dict[str, int]:
    """For each dotted key under [keys] (or [keys.x]), the line it is on, counted from 1."""
    lines: dict[str, int] = {}
    table: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = _dotted(header.group(1))
            inside = name == SECTION or name.startswith(SECTION + ".")
            table = name[len(SECTION) + 1 :] if inside else None
            continue
        found = _KEY_LINE.match(line)
        if found and table is not None:
            key = _dotted(found.group(1))
            lines.setdefault(f"{table}.{key}" if table else key, number)
    return lines


def _flatten(raw: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for key, value in raw.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            pairs += _flatten(value, dotted + ".")
        else:
            pairs.append((dotted, value))
    return pairs


def read_keys(raw: Any, text: str, where: str) -> tuple[tuple[KeyChoice, ...], list[str]]:
    """The choices in a parsed `[keys]` table, and the problems (a value that is not text)."""
    if not isinstance(raw, dict):
        return (), [f"{where}: '{SECTION}' must be a table ([{SECTION}]). Using the usual keys."]

    lines = _lines_of(text)
    choices: list[KeyChoice] = []
    problems: list[str] = []
    for binding_id, value in _flatten(raw):
        choice = KeyChoice(binding_id, "", lines.get(binding_id))
        try:
            if not isinstance(value, str) or not value.strip():
                raise TextRefused("it", "is not text")
            keys = check_text(value, "it", one_line=True)
        except TextRefused:
            problems.append(
                f"{choice.where(where)}: keys.{binding_id} = {quoted(value)} is not allowed; "
                'expected keys in quotes, e.g. "g" or "ctrl+r,g". Using the usual key.'
            )
            continue
        choices.append(KeyChoice(binding_id, keys, choice.line))
    return tuple(choices), problems


def dump_keys(choices: tuple[KeyChoice, ...]) -> list[str]:
    """The `[keys]` lines for config.toml (none when no key is changed)."""
    if not choices:
        return []
    lines = ["", f"[{SECTION}]"]
    for choice in choices:
        escaped = choice.keys.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'"{choice.binding_id}" = "{escaped}"')
    return lines
