"""Custom routines: good files load; each kind of broken file is named with line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from legease_tui.core.routine.files import load_library, load_routine_file
from legease_tui.core.routine.model import Position, Side, StepKind

GOOD = """\
name = "My evening"
description = "Calves, then breathing"

[[steps]]
kind = "stretch"
title = "Calf stretch"
cue = "Lean into the wall"
hold = 20
reps = 2
rest = 10
side = "both"

[[steps]]
kind = "breathing"
title = "Slow breaths"
pattern = { inhale = 4, hold_in = 0, exhale = 6.5, hold_out = 0 }
cycles = 6

[[steps]]
kind = "rest"
title = "Lie still"
hold = 30
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    routine = load_routine_file(write(tmp_path, "My Evening.toml", GOOD))
    assert routine.key == "my-evening"
    assert [step.kind for step in routine.steps] == [
        StepKind.STRETCH,
        StepKind.BREATHING,
        StepKind.REST,
    ]
    assert routine.steps[0].sides == (Side.LEFT, Side.RIGHT)
    assert routine.steps[1].pattern is not None
    assert routine.steps[1].pattern.cycle_seconds == 10.5
    assert routine.total_seconds == 2 * (5 + 20 + 10 + 20) + 6 * 10.5 + 30


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('name = "x\n', "bad.toml: not valid TOML"),
        ('name = "x"\n[[steps]]\ntitle = "t"\nhold = -5\n', "line 4: steps[1].hold"),
        ('name = "x"\n[[steps]]\ntitle = "t"\nhold = 99999\n', "must be from 1 to 600"),
        ('name = "x"\n[[steps]]\ntitle = "t"\nholdd = 3\n', "line 4: steps[1].holdd: unknown"),
        ('name = "x"\n[[steps]]\nhold = 3\n', "steps[1].title: is missing"),
        (
            'name = "x"\n[[steps]]\nkind = "breathing"\ntitle = "t"\npattern = "zzz"\n',
            "line 5: steps[1].pattern: unknown breathing pattern 'zzz'",
        ),
        (
            'name = "x"\n[[steps]]\nkind = "breathing"\ntitle = "t"\npattern = "4-7-8"\n'
            "cycles = 9\n",
            "line 6: steps[1].cycles: must be from 1 to 4",
        ),
        ('name = "x"\n[[steps]]\nkind = "yoga"\ntitle = "t"\n', "steps[1].kind"),
        ('name = "x"\n[[steps]]\ntitle = "t"\nside = "up"\n', "steps[1].side"),
        ('name = "x"\n', "steps: is missing"),
        ('description = "x"\n[[steps]]\ntitle = "t"\n', "name: is missing"),
        ('name = "x"\ncolour = "red"\n[[steps]]\ntitle = "t"\n', "line 2: colour: unknown"),
        (
            'name = "x"\n[[steps]]\ntitle = "t"\nposition = "kneeling"\n',
            "line 4: steps[1].position: must be standing, sitting or lying (got 'kneeling')",
        ),
        ('name = "x"\n[[steps]]\ntitle = "t"\nposition = 3\n', "steps[1].position: must be"),
        (
            'name = "x"\n[[steps]]\nkind = "rest"\ntitle = "t"\nhold = 1800\n'
            '[[steps]]\nkind = "rest"\ntitle = "u"\nhold = 1800\n'
            '[[steps]]\nkind = "rest"\ntitle = "v"\nhold = 1800\n'
            '[[steps]]\nkind = "rest"\ntitle = "w"\nhold = 1800\n'
            '[[steps]]\nkind = "rest"\ntitle = "z"\nhold = 1800\n',
            "the limit is 120",
        ),
    ],
)
def test_broken_files_are_reported_and_the_others_still_load(
    tmp_path: Path, text: str, expected: str
) -> None:
    write(tmp_path, "bad.toml", text)
    write(tmp_path, "good.toml", GOOD)
    library = load_library(tmp_path)
    assert "good" in library.routines and "bad" not in library.routines
    assert "calf-hamstring" in library.routines
    assert len(library.problems) == 1
    assert "bad.toml" in library.problems[0]
    assert expected in library.problems[0]


def test_a_file_named_like_a_built_in_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "breathing.toml", GOOD)
    library = load_library(tmp_path)
    assert library.routines["breathing"].origin == "built-in"
    assert "is taken" in library.problems[0]


def test_no_routines_folder_means_built_ins_only(tmp_path: Path) -> None:
    library = load_library(tmp_path / "missing")
    assert list(library.routines) == ["calf-hamstring", "full-unwind", "quick-reset", "breathing"]
    assert library.problems == []
    assert library.find("Full Unwind") is library.routines["full-unwind"]


POSITIONS = """\
name = "Up and down"

[[steps]]
title = "Calf stretch"
hold = 20
side = "both"
position = "standing"

[[steps]]
title = "Quad stretch"
hold = 20
position = "standing"

[[steps]]
kind = "breathing"
title = "Breathing in bed"
pattern = "box"
cycles = 2
position = "lying"

[[steps]]
kind = "rest"
title = "Lie still"
hold = 30
"""


def test_steps_may_name_a_position_and_a_change_gets_15_seconds_to_set_up(tmp_path: Path) -> None:
    routine = load_routine_file(write(tmp_path, "up.toml", POSITIONS))
    positions = [step.position for step in routine.steps]
    assert positions == [Position.STANDING, Position.STANDING, Position.LYING, None]
    # The first step and the move to the bed get 15 s; the same position keeps its 5 s; a step
    # that names no position keeps its own (none for a rest).
    assert [routine.setup_seconds(i) for i in range(4)] == [15, 5, 15, 0]
    assert routine.total_seconds == (15 + 20 + 5 + 20) + (5 + 20) + (15 + 2 * 16) + 30
