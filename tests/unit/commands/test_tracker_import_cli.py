"""`legease import --from TRACKER FILE`: figures beside the diary, never in it; again changes
nothing; one bad record names itself and nothing is imported; the progress bar only on a tty."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from support.tracker_files import fitbit_log, write_fitbit

from legease_tui.adapters.trackers.progress import LONG_IMPORT, ProgressBar
from legease_tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _nights(home: Path) -> tuple[dict[str, object], dict[str, object]]:
    document = json.loads((home / "legease.json").read_text())
    return document.get("nights", {}), document.get("device_nights", {})


def test_a_fitbit_folder_fills_device_figures_and_leaves_the_diary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "fitbit"
    write_fitbit(folder, "2026-03-03", [fitbit_log(11, "2026-03-02T23:10", "2026-03-03T07:10")])
    run(capsys, "--home", str(home), "log", "add", "--date", "2026-03-02", "--tension", "5")
    diary_before, _ = _nights(home)
    code, out, err = run(capsys, "--home", str(home), "import", "--from", "fitbit", str(folder))
    assert (code, err) == (0, "")
    assert "1 sleep period; nights: 1 added, 0 updated, 0 unchanged" in out
    assert "The sleep diary was not changed." in out
    diary, devices = _nights(home)
    assert diary == diary_before
    assert str(date(2026, 3, 2).toordinal()) in devices
    before = (home / "legease.json").read_bytes()
    code, out, _ = run(capsys, "--home", str(home), "import", "--from", "fitbit", str(folder))
    assert "0 added, 0 updated, 1 unchanged" in out
    assert (home / "legease.json").read_bytes() == before


def test_one_bad_record_names_itself_and_nothing_is_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "fitbit"
    write_fitbit(folder, "2026-03-03", [fitbit_log(11, "2026-03-02T23:10", "2026-03-03T07:10")])
    bad = fitbit_log(12, "2026-03-03T23:10", "2026-03-04T07:10", isMainSleep="yes")
    write_fitbit(folder, "2026-03-04", [bad])
    code, _, err = run(capsys, "--home", str(home), "import", "--from", "fitbit", str(folder))
    assert code == 2
    assert "sleep-2026-03-04.json, record 1 (logId 12): isMainSleep must be" in err
    assert err.rstrip().endswith("Nothing was imported.")
    assert _nights(home)[1] == {}


def test_an_unknown_tracker_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--home", str(tmp_path), "import", "--from", "oura", str(tmp_path)])
    assert exit_.value.code == 2
    assert "sleep-as-android" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty", [True, False])
def test_the_progress_bar_is_drawn_only_on_a_terminal(tty: bool) -> None:
    stream = _Terminal(tty)
    bar = ProgressBar("Reading export.xml", stream)
    for done in range(0, LONG_IMPORT * 4 + 1, LONG_IMPORT // 100):
        bar(done, LONG_IMPORT * 4)
    bar(LONG_IMPORT * 4, LONG_IMPORT * 4)
    bar.finish()
    text = stream.getvalue()
    if not tty:
        assert text == ""
        return
    assert text.count("\r") == 101  # once per percent, not once per read
    assert text.endswith("100 %\n")
