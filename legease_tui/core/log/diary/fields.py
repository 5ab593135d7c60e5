"""The fields of a logged night: each one's name, label, kind and allowed range.

The one table (`SPECS`) the entry form, `legease log add`, the imports and the exports are built
from, so a field is named and checked the same way everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from legease_tui.core.time_of_day import TIME_FORMS

NOTE_LIMIT = 2000
EARLIEST_NIGHT = date(1900, 1, 1)
"""No diary goes back further; an earlier date is a typing slip."""
TAG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9 '+-]{0,29}$")
COMMON_TAGS = ("stretched", "heat", "massage", "pillow under knees", "magnesium", "walked")
"""What a person did, as the form's ticks name it; any other tag may be typed."""
SAME_AS = {
    "stretch": "stretched",
    "stretches": "stretched",
    "stretching": "stretched",
    "heat pad": "heat",
    "heating pad": "heat",
    "warmth": "heat",
    "massaged": "massage",
    "pillow": "pillow under knees",
    "pillow under knee": "pillow under knees",
    "walk": "walked",
    "walking": "walked",
}
"""Other words for the form's ticks, read as them wherever a tag comes in (the form, `log add
--tag`, an import, the data file), so "stretch" and the "stretched" tick are one thing."""
FLAG_TAG = "flag"
"""Marks a night's note for the doctor's summary: a marker, not something done for the legs."""
CHECK_NOTE_TAG = "symptom-check"
"""Marks the note a symptom check leaves in the log (`n` on its result): not something done.
The same word as `core.quiz.checks.NOTE_TAG` (the core's parts may not import each other; a
test checks they agree)."""


CRAMP_LEGS = ("left", "right", "both")
CRAMP_MUSCLES = ("calf", "foot", "shin", "thigh", "hamstring", "other")
"""Where the worst cramp was: what a doctor asks first (the morning check-in records it)."""


WENT_WRONG = ("stretch-pain", "fall", "worse-sleep", "other")
"""What the morning check-in asks may have gone wrong in the night (a trial counts them per arm)."""
WENT_WRONG_LABELS = {
    "stretch-pain": "pain from a stretch",
    "fall": "a fall or near fall",
    "worse-sleep": "worse sleep",
    "other": "something else",
}
NOTHING_WENT_WRONG = "nothing"
"""The word for an answer of "nothing went wrong" (stored as an empty list; not answered is
no value at all: nothing recorded is not "nothing")."""


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
    kind: str  # "int", "bool", "clock", "activity", "choice", "choices", "tags", "note", "date"
    low: int = 0
    high: int = 0
    choices: tuple[str, ...] = ()
    """The words a "choice" field takes."""

    @property
    def option(self) -> str:
        """The command-line option for this field (`--worst-cramp`)."""
        return "--" + self.name.replace("_", "-")

    def allowed(self) -> str:
        """The allowed values, in words, for error messages."""
        return {
            "int": f"a whole number from {self.low} to {self.high}",
            "bool": "yes or no",
            "clock": f"a time of day as {TIME_FORMS} (00:00 to 23:59)",
            "activity": "one of " + ", ".join(a.value for a in Activity),
            "choice": "one of " + ", ".join(self.choices),
            "choices": "one or more of " + ", ".join(self.choices) + f", or {NOTHING_WENT_WRONG}",
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
        FieldSpec("cramp_leg", "Which leg cramped", "choice", choices=CRAMP_LEGS),
        FieldSpec("cramp_muscle", "Which muscle", "choice", choices=CRAMP_MUSCLES),
        FieldSpec("worst_minutes", "Worst lasted (min)", "int", 0, 120),
        FieldSpec("cramp_woke", "A cramp woke you", "bool"),
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
        FieldSpec("went_wrong", "Anything go wrong", "choices", choices=WENT_WRONG),
        FieldSpec("tags", "What you did", "tags"),
        FieldSpec("note", "Note", "note"),
    )
}
