"""One way to write a span of minutes, in the app, `log list`, the doctor's summary and Home."""

from __future__ import annotations

from pathlib import Path

import pytest

from legease_tui.cli import main
from legease_tui.core.durations import minutes_text, seconds_text


def test_minutes_read_as_hours_and_minutes() -> None:
    assert [minutes_text(m) for m in (None, 0, 45, 60, 409, 495)] == [
        "–", "0 min", "45 min", "1 h", "6 h 49 min", "8 h 15 min",
    ]  # fmt: skip


def test_log_list_and_the_summary_write_sleep_as_the_app_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = str(tmp_path / "home")
    main(["--home", home, "log", "add", "--date", "2026-11-24", "--lights-out", "23:11",
          "--final-wake", "06:00"])  # fmt: skip
    capsys.readouterr()
    main(["--home", home, "log", "list"])
    listed = capsys.readouterr().out
    assert "6 h 49 min" in listed and "6h49" not in listed
    main(["--home", home, "export", "--format", "md", "--from", "2026-11-01"])
    summary = capsys.readouterr().out
    assert "6 h 49 min" in summary


def test_a_routine_s_length_and_time_taken_read_like_any_other_span() -> None:
    assert [seconds_text(s) for s in (14, 31, 89.4, 90, 341, 780, 4500)] == [
        "14 s", "31 s", "89 s", "1 min 30 s", "5 min 41 s", "13 min", "1 h 15 min",
    ]  # fmt: skip
