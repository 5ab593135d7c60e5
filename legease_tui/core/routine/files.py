"""Custom routines: TOML files in the config folder's `routines/`.

Every problem is reported with the file, the line where one can be found, and the field; a broken
file is left out and the other routines still load. See README "Writing your own routine".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from legease_tui.core.routine.breathing import (
    BreathPattern,
    PatternError,
    custom_pattern,
    pattern_named,
)
from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.model import Position, Routine, Side, Step, StepKind
from legease_tui.core.storage.atomic import NotARegularFile, read_text_file
from legease_tui.core.suggest import did_you_mean
from legease_tui.core.text import TextRefused, check_text

MAX_ROUTINE_SECONDS = 2 * 60 * 60
_TOP_KEYS = {"name", "description", "steps"}
_STEP_KEYS = {
    "kind",
    "title",
    "cue",
    "hold",
    "reps",
    "rest",
    "side",
    "prepare",
    "source",
    "pattern",
    "cycles",
    "position",
}
_PATTERN_KEYS = ("inhale", "hold_in", "exhale", "hold_out")


class RoutineFileError(ValueError):
    """A problem in one routine file; str() names the file, line and field."""


@dataclass
class RoutineLibrary:
    """All routines the person can choose, and what was wrong with the files that did not load."""

    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def get(self, key: str) -> Routine | None:
        return self.routines.get(key)

    def unknown(self, name: str) -> str:
        """The message for a NAME that is no routine: the closest key or name, then all keys."""
        names = [word for routine in self.routines.values() for word in (routine.key, routine.name)]
        hint = did_you_mean(name, names)
        return f"no routine called {name!r}.{hint} Known: {', '.join(self.routines)}."

    def find(self, name: str) -> Routine | None:
        """By key or by name, ignoring case."""
        wanted = name.strip().lower()
        for routine in self.routines.values():
            if wanted in (routine.key.lower(), routine.name.lower()):
                return routine
        return None


def _line_of(text: str, step_number: int | None, key: str) -> int | None:
    """The line of `key = ...` in the file (inside the n-th [[steps]] when given)."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    if step_number is not None:
        headers = [i for i, line in enumerate(lines) if re.match(r"\s*\[\[\s*steps\s*\]\]", line)]
        if step_number <= len(headers):
            start = headers[step_number - 1]
            end = headers[step_number] if step_number < len(headers) else len(lines)
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for index in range(start, end):
        if pattern.match(lines[index]):
            return index + 1
    return start + 1 if step_number is not None else None


class _Reader:
    """Reads one file's fields, raising RoutineFileError that points at the line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, message: str, key: str, step: int | None = None) -> RoutineFileError:
        line = _line_of(self.text, step, key.split(".")[0])
        where = f"{self.path.name}, line {line}" if line else self.path.name
        field_name = f"steps[{step}].{key}" if step is not None else key
        return RoutineFileError(f"{where}: {field_name}: {message}")

    def number(
        self, raw: dict[str, Any], key: str, step: int, low: float, high: float, default: float
    ) -> float:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"must be a number (got {value!r})", key, step)
        if not low <= value <= high:
            raise self.fail(f"must be from {low:g} to {high:g} (got {value:g})", key, step)
        return float(value)

    def whole(
        self, raw: dict[str, Any], key: str, step: int, low: int, high: int, default: int
    ) -> int:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"must be a whole number (got {value!r})", key, step)
        if not low <= value <= high:
            raise self.fail(f"must be from {low} to {high} (got {value})", key, step)
        return value

    def text_field(
        self, raw: dict[str, Any], key: str, step: int | None, required: bool, limit: int
    ) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            raise self.fail("must be text in quotes", key, step)
        try:  # names and titles are one line; a cue or description may have several
            value = check_text(value, "it", one_line=key in ("name", "title")).strip()
        except TextRefused as error:
            raise self.fail(error.reason, key, step) from None
        if required and not value:
            raise self.fail("is missing (every routine and step needs one)", key, step)
        if len(value) > limit:
            raise self.fail(f"is longer than {limit} characters", key, step)
        return value

    def pattern(self, raw: dict[str, Any], step: int) -> BreathPattern:
        value = raw.get("pattern")
        try:
            if isinstance(value, str):
                return pattern_named(value)
            if isinstance(value, dict):
                unknown = set(value) - set(_PATTERN_KEYS)
                if unknown:
                    allowed = ", ".join(_PATTERN_KEYS)
                    raise PatternError(f"unknown key {sorted(unknown)[0]!r} (allowed: {allowed})")
                return custom_pattern(*(value.get(k, 0) for k in _PATTERN_KEYS))
        except PatternError as error:
            raise self.fail(str(error), "pattern", step) from None
        raise self.fail(
            'is missing: a name ("box", "4-7-8", "resonance", "sigh") or '
            "{ inhale = 4, hold_in = 0, exhale = 6, hold_out = 0 }",
            "pattern",
            step,
        )

    def position(self, raw: dict[str, Any], step: int) -> Position | None:
        """Optional: where the body is, so a change of position gets time to set up."""
        if "position" not in raw:
            return None
        value = raw["position"]
        try:
            return Position(value)
        except ValueError:
            raise self.fail(
                f"must be standing, sitting or lying (got {value!r})", "position", step
            ) from None

    def step(self, raw: Any, number: int) -> Step:
        if not isinstance(raw, dict):
            raise self.fail("each step must be a [[steps]] table", "steps", None)
        unknown = sorted(set(raw) - _STEP_KEYS)
        if unknown:
            raise self.fail(
                f"unknown field (allowed: {', '.join(sorted(_STEP_KEYS))})", unknown[0], number
            )
        kind_text = raw.get("kind", "stretch")
        try:
            kind = StepKind(kind_text)
        except ValueError:
            raise self.fail(
                f"must be stretch, breathing or rest (got {kind_text!r})", "kind", number
            ) from None
        title = self.text_field(raw, "title", number, True, 60)
        cue = self.text_field(raw, "cue", number, False, 400)
        source = self.text_field(raw, "source", number, False, 200) or "your own routine"
        position = self.position(raw, number)
        if kind is StepKind.BREATHING:
            pattern = self.pattern(raw, number)
            cycles = self.whole(raw, "cycles", number, 1, pattern.max_cycles or 200, 6)
            return Step(
                kind, title, cue, pattern=pattern, cycles=cycles, source=source, position=position
            )
        if kind is StepKind.REST:
            hold = self.number(raw, "hold", number, 1, 1800, 30)
            return Step(kind, title, cue, hold_seconds=hold, source=source, position=position)
        side_text = raw.get("side", "none")
        try:
            side = Side(side_text)
        except ValueError:
            raise self.fail(
                f"must be left, right, both or none (got {side_text!r})", "side", number
            ) from None
        return Step(
            kind,
            title,
            cue,
            hold_seconds=self.number(raw, "hold", number, 1, 600, 30),
            reps=self.whole(raw, "reps", number, 1, 20, 1),
            rest_seconds=self.number(raw, "rest", number, 0, 300, 0),
            side=side,
            source=source,
            prepare_seconds=self.number(raw, "prepare", number, 0, 60, 5),
            position=position,
        )


def load_routine_file(path: Path) -> Routine:
    """One custom routine; raises RoutineFileError naming file, line and field."""
    try:
        text = read_text_file(path)
    except NotARegularFile as error:
        raise RoutineFileError(f"{path.name}: {path} is {error.kind}, not a file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RoutineFileError(f"{path.name}: cannot be read ({error})") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RoutineFileError(f"{path.name}: not valid TOML: {error}") from None
    except RecursionError:
        raise RoutineFileError(f"{path.name}: not usable TOML: nested too deeply") from None
    reader = _Reader(path, text)
    unknown = sorted(set(raw) - _TOP_KEYS)
    if unknown:
        raise reader.fail("unknown field (allowed: name, description, steps)", unknown[0])
    name = reader.text_field(raw, "name", None, True, 60)
    description = reader.text_field(raw, "description", None, False, 400)
    steps_raw = raw.get("steps")
    if not isinstance(steps_raw, list) or not steps_raw:
        raise reader.fail("is missing: add at least one [[steps]] table", "steps")
    if len(steps_raw) > 50:
        raise reader.fail("has more than 50 steps", "steps")
    steps = tuple(reader.step(step, number) for number, step in enumerate(steps_raw, 1))
    routine = Routine(routine_key(path), name, description, steps, origin=str(path))
    if routine.total_seconds > MAX_ROUTINE_SECONDS:
        raise reader.fail(
            f"the routine would last {routine.total_seconds / 60:.0f} min; the limit is 120",
            "steps",
        )
    return routine


def routine_key(path: Path) -> str:
    """A routine's key is its file name: "my-evening.toml" -> "my-evening"."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "routine"


def load_library(routines_dir: Path | None) -> RoutineLibrary:
    """Built-in routines plus every custom one that loads; problems for the rest."""
    library = RoutineLibrary({routine.key: routine for routine in BUILT_IN})
    if routines_dir is None or not routines_dir.is_dir():
        return library
    for path in sorted(routines_dir.glob("*.toml")):
        try:
            routine = load_routine_file(path)
        except RoutineFileError as error:
            library.problems.append(f"Routine file {error} — this routine was left out.")
            continue
        if routine.key in library.routines:
            library.problems.append(
                f"Routine file {path.name}: the name '{routine.key}' is taken by another "
                "routine — rename the file. This routine was left out."
            )
            continue
        library.routines[routine.key] = routine
    return library
