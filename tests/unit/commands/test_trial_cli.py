"""`legease trial start|show|report|stop` and the trial's section of `export --format md`."""

from __future__ import annotations

import contextlib
import errno
import json
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from support.quiz_helpers import with_answers

import legease_tui.commands as commands_module
from legease_tui.cli import main
from legease_tui.core.clock import FakeClock
from legease_tui.core.quiz.scoring import score_answers
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths

EVENING = datetime(2026, 12, 3, 21, 0).astimezone()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Every command of the test reads this clock."""
    fake = FakeClock(EVENING)
    build = commands_module.build_services

    def with_fake_clock(paths: Any, clock: Any = None) -> Any:
        return build(paths, fake)

    monkeypatch.setattr(commands_module, "build_services", with_fake_clock)
    return fake


@pytest.fixture
def home(tmp_path: Path) -> str:
    return str(tmp_path / "home")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_start_prints_the_plan_and_a_second_start_is_refused(
    capsys: pytest.CaptureFixture[str], home: str, clock: FakeClock
) -> None:
    code, out, _ = run(capsys, "--home", home, "trial", "start", "--seed", "3")
    assert code == 0
    assert "36 nights (2026-12-03 to 2027-01-07)" in out
    assert "2 / 2^6 = 0.03125" in out and "you know which nights are which" in out
    assert "Started. Trial night 1 of 36 · tonight:" in out
    code, _, err = run(capsys, "--home", home, "trial", "start")
    assert code == 1 and "already running" in err and "Nothing was started" in err


def test_bad_options_exit_2_and_start_nothing(
    capsys: pytest.CaptureFixture[str], home: str, clock: FakeClock
) -> None:
    for argv, message in (
        (["--pairs", "3"], "--pairs: 3 is not a whole number from 4 to 10"),
        (["--compare", "calf-hamstring-vs-nosuch"], "'nosuch' is not a known routine"),
        (["--compare", "stretching"], "is not 'routine' or two different routines"),
    ):
        code, _, err = run(capsys, "--home", home, "trial", "start", *argv)
        assert code == 2 and message in err
    code, _, err = run(capsys, "--home", home, "trial", "show")
    assert code == 1 and "No trial yet" in err


def test_report_waits_for_the_end_unless_interim(
    capsys: pytest.CaptureFixture[str], home: str, clock: FakeClock
) -> None:
    run(
        capsys,
        "--home",
        home,
        "trial",
        "start",
        "--seed",
        "3",
        "--pairs",
        "4",
        "--block",
        "2",
        "--yes",
    )
    code, out, _ = run(capsys, "--home", home, "trial", "report")
    assert code == 0 and "The result is shown when the plan ends" in out
    assert "Verdict" not in out
    code, out, err = run(capsys, "--home", home, "trial", "report", "--interim", "--format", "json")
    assert code == 0 and "the plan has not ended" in err
    document = json.loads(out)
    assert document["interim"] is True and document["result"]["verdict"]


def test_a_finished_trial_reports_in_json_md_and_the_doctor_summary(
    capsys: pytest.CaptureFixture[str], home: str, clock: FakeClock
) -> None:
    run(capsys, "--home", home, "trial", "start", "--seed", "5", "--pairs", "6", "--block", "2",
        "--washout", "0", "--outcome", "quality")  # fmt: skip
    code, out, _ = run(capsys, "--home", home, "trial", "show", "--format", "json")
    blocks = json.loads(out)["blocks"]
    for block in blocks:
        for day in range(block["nights"]):
            night = (datetime.fromisoformat(block["first_night"]) + timedelta(days=day)).date()
            quality = "4" if block["arm"] == "routine" else "2"
            clock.set_wall(datetime.combine(night, EVENING.timetz()) + timedelta(hours=12))
            assert run(capsys, "--home", home, "log", "add", "--date", night.isoformat(),
                       "--quality", quality)[0] == 0  # fmt: skip
    code, out, _ = run(capsys, "--home", home, "trial", "report", "--format", "json")
    result = json.loads(out)["result"]
    assert result["statistic"] == 2.0 and result["p_value"] == 2 / 2**6
    assert result["verdict"] == "better"
    assert result["nights_per_arm"] == {"routine": 12, "no routine": 12}
    code, out, _ = run(capsys, "--home", home, "trial", "report")
    assert (
        "Verdict: higher sleep quality on routine nights" in out
        and "does not replace a clinician" in out
    )
    code, out, _ = run(capsys, "--home", home, "export", "--format", "md")
    assert code == 0
    assert "## Personal trial: routine vs no routine" in out
    assert (
        "Verdict: higher sleep quality on routine nights" in out and "**Status:** finished" in out
    )


def test_stop_asks_unless_yes_and_keeps_the_nights(
    capsys: pytest.CaptureFixture[str], home: str, clock: FakeClock
) -> None:
    run(capsys, "--home", home, "trial", "start", "--seed", "3")
    code, _, err = run(capsys, "--home", home, "trial", "stop")
    assert code == 2 and "--yes" in err  # stdin is not a terminal under pytest
    code, out, _ = run(capsys, "--home", home, "trial", "stop", "--yes")
    assert code == 0 and "stopped early" in out
    code, out, _ = run(capsys, "--home", home, "trial", "show")
    assert "Status: stopped early" in out
    code, out, _ = run(capsys, "--home", home, "trial", "report")
    assert "stopped early" in out and "Verdict:" in out


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
    ],
    ids=["full disk", "read-only folder"],
)
def test_start_on_a_full_disk_or_a_read_only_folder_says_one_line_and_starts_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: str,
    clock: FakeClock,
    failure: OSError,
    said: str,
) -> None:
    assert run(capsys, "--home", home, "log", "add", "--tension", "3")[0] == 0
    data = Path(home) / "legease.json"
    before = data.read_bytes()

    def cannot_write(*_: object, **__: object) -> None:
        raise failure  # as the atomic writer's temp file (read-only) or its write (full disk)

    monkeypatch.setattr(tempfile, "mkstemp", cannot_write)
    code, out, err = run(capsys, "--home", home, "trial", "start", "--seed", "3")
    assert code == 1 and out == "" and "Traceback" not in err
    assert err == f"legease trial start: Cannot write {data}: {said}. Nothing was changed.\n"
    # As every other writer says it: `log add` on the same disk.
    code, _, log_err = run(capsys, "--home", home, "log", "add", "--tension", "4", "--update")
    assert code == 1 and log_err == f"legease: Cannot write {data}: {said}. Nothing was changed.\n"
    assert data.read_bytes() == before


def test_show_and_report_json_stay_valid_json_when_the_stored_trial_holds_a_c1_character(
    capsys: pytest.CaptureFixture[str], home: str, clock: FakeClock
) -> None:
    run(
        capsys,
        "--home",
        home,
        "trial",
        "start",
        "--seed",
        "3",
        "--pairs",
        "4",
        "--block",
        "2",
        "--yes",
    )
    data = Path(home) / "legease.json"
    document = json.loads(data.read_text())
    [record] = document["trials"].values()
    record["design"]["arms"][0]["label"] = "routine \x9b[31m"  # a hand edit, or an old version
    data.write_text(json.dumps(document))
    for argv in (["show"], ["report", "--interim"]):
        code, out, _ = run(capsys, "--home", home, "trial", *argv, "--format", "json")
        assert code == 0
        assert "\\u009b[31m" in out and "\x9b" not in out  # escaped as `log list` escapes it
        shown = json.loads(out)
        assert "routine \x9b[31m" in json.dumps(shown, ensure_ascii=False)


class _Terminal:
    """stdin as a terminal would be."""

    def isatty(self) -> bool:
        return True


def test_a_plan_that_cannot_reach_p_005_asks_first_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    home: str,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def answer_no(prompt: str) -> str:
        asked.append(prompt)
        return "n"

    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", answer_no)
    code, out, _ = run(capsys, "--home", home, "trial", "start", "--pairs", "4")
    assert asked == ["Start it anyway? [y/N] "]
    assert code == 0 and "can never show a difference at p < 0.05" in out
    assert "Nothing was started." in out and "Started." not in out
    code, out, _ = run(capsys, "--home", home, "trial", "start", "--pairs", "4", "--yes")
    assert code == 0 and "Started." in out and len(asked) == 1
    run(capsys, "--home", home, "trial", "stop", "--yes")
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    code, out, _ = run(capsys, "--home", home, "trial", "start", "--pairs", "5")
    assert code == 0 and "Started." in out


def test_a_weak_plan_without_a_terminal_is_refused_unless_yes(
    capsys: pytest.CaptureFixture[str], home: str, clock: FakeClock
) -> None:
    code, out, err = run(capsys, "--home", home, "trial", "start", "--pairs", "4")
    assert code == 2 and "Started." not in out
    assert "Not a terminal, so it cannot ask; add --yes" in err and "Nothing was started" in err
    code, _, err = run(capsys, "--home", home, "trial", "show")
    assert code == 1 and "No trial yet" in err
    code, _, _ = run(capsys, "--home", home, "trial", "start", "--pairs", "6")  # can reach it
    assert code == 0


def test_every_trial_start_option_has_help_with_its_default(
    capsys: pytest.CaptureFixture[str], home: str
) -> None:
    with pytest.raises(SystemExit):
        main(["trial", "start", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--outcome {cramps,worst-cramp,tension,quality} what each morning's log measures" in out
    assert "(default cramps)" in out and "sleep quality (1-5)" in out
    for words in ("(default 3)", "(default 6)", "(default 1)", "default: a random one",
                  "(default: ask)", "(default)"):  # fmt: skip
        assert words in out


def _start_on_a_no_routine_night(capsys: pytest.CaptureFixture[str], home: str) -> None:
    for seed in range(50):
        out = run(capsys, "--home", home, "trial", "start", "--seed", str(seed))[1]
        if "tonight: no routine" in out:
            return
        run(capsys, "--home", home, "trial", "stop", "--yes")
    raise AssertionError("no seed starts on a no-routine night")


@pytest.fixture
def routines_run(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The routines `routine --plain` ran (none is really followed here)."""
    started: list[str] = []

    def run_plain(services: Any, routine: Any, *rest: Any) -> int:
        started.append(routine.key)
        return 0

    monkeypatch.setattr("legease_tui.commands.routine.run_plain", run_plain)
    monkeypatch.setattr("legease_tui.commands.routine.open_keys", contextlib.nullcontext)
    return started


def test_routine_plain_on_a_no_routine_night_asks_first(
    capsys: pytest.CaptureFixture[str],
    home: str,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    routines_run: list[str],
) -> None:
    _start_on_a_no_routine_night(capsys, home)
    code, _, err = run(capsys, "--home", home, "routine", "--plain")
    assert code == 2 and routines_run == []
    assert "no-routine night" in err and "Add --yes" in err
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code, out, _ = run(capsys, "--home", home, "routine", "--plain")
    assert code == 0 and routines_run == [] and "keep to the plan" in out
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    code, _, _ = run(capsys, "--home", home, "routine", "--plain")
    assert code == 0 and routines_run == ["calf-hamstring"]
    data = json.loads((Path(home) / "legease.json").read_text())
    trial = list(data["trials"].values())[-1]  # the running one
    assert list(trial["deviations"].values()) == [["routine done on a no-routine night"]]


def test_routine_plain_yes_starts_on_a_no_routine_night_and_records_it(
    capsys: pytest.CaptureFixture[str], home: str, clock: FakeClock, routines_run: list[str]
) -> None:
    _start_on_a_no_routine_night(capsys, home)
    code, _, _ = run(capsys, "--home", home, "routine", "--plain", "--yes")
    assert code == 0 and routines_run == ["calf-hamstring"]
    data = json.loads((Path(home) / "legease.json").read_text())
    assert any(trial["deviations"] for trial in data["trials"].values())


def test_routine_plain_after_a_check_tonight_that_says_see_a_clinician_asks_first(
    capsys: pytest.CaptureFixture[str],
    home: str,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    routines_run: list[str],
) -> None:
    services = build_services(Paths(Path(home), Path(home)), clock)
    assert services.checks is not None
    services.checks.save(score_answers(services.quiz_content, with_answers(long_cramp="yes")))
    code, _, err = run(capsys, "--home", home, "routine", "--plain")
    assert code == 2 and routines_run == []
    assert "see a clinician about first" in err and "Add --yes" in err
    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code, out, _ = run(capsys, "--home", home, "routine", "--plain")
    assert code == 0 and routines_run == [] and "See a clinician first" in out
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    code, _, _ = run(capsys, "--home", home, "routine", "--plain")
    assert code == 0 and routines_run == ["calf-hamstring"]
