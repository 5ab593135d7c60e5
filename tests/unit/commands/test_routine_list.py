"""`legease routine --list`: columns that line up in terminal columns, wide names included."""

from __future__ import annotations

from pathlib import Path

import pytest

from legease_tui.cli import main
from legease_tui.core.text import display_width, pad


def test_wide_and_combining_characters_are_measured_in_columns() -> None:
    assert display_width("ストレッチ") == 10 and display_width("e\u0301") == 1
    assert pad("夜", 4) == "夜  "


def test_every_column_starts_at_the_same_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "evening.toml").write_text(
        'name = "夜のストレッチ"\n\n[[steps]]\nkind = "rest"\ntitle = "休む"\nhold = 60\n'
    )
    assert main(["--home", str(tmp_path), "routine", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    # Where the origin starts, in terminal columns, and where the length ends.
    origins = {display_width(line[: line.index("(")]) for line in lines}
    lengths = {display_width(line[: line.index(" s  ") + 2]) for line in lines if " s  " in line}
    assert len(origins) == 1 and len(lengths) == 1
