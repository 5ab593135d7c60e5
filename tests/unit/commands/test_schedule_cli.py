"""`legease schedule` and `legease remind`: fixed-date output, changes, bad input, printing."""

from __future__ import annotations

import signal
import subprocess
import sys
import tomllib
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from legease_tui.cli import main
from legease_tui.commands import remind
from legease_tui.commands.remind import HeadlessReminder, cron_line, systemd_unit
from legease_tui.commands.schedule import schedule_report
from legease_tui.core.clock import FakeClock
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")


def london(home: Paths, when: datetime, **reminders: object) -> Services:
    services = build_services(home, FakeClock(when))
    services.zone = LONDON
    changed = replace(services.settings.reminders, **reminders)  # type: ignore[arg-type]
    services.settings = replace(services.settings, reminders=changed)
    return services


def test_report_lists_the_next_seven_reminders_across_the_clock_change(home: Paths) -> None:
    services = london(
        home, datetime(2026, 10, 22, 18, 0, tzinfo=LONDON), enabled=True, days=("thu", "sun")
    )
    assert schedule_report(services) == "\n".join(
        [
            "Reminders   on",
            "Time        21:30, thu, sun",
            "Routine     Calf & hamstring (calf-hamstring), 6 min 1 s",
            "Snooze      10 min, up to 2 a night",
            "Latest      23:30",
            "Time zone   Europe/London",
            "",
            "Next reminders:",
            "  Thu 22 Oct 2026  21:30 BST",
            "  Sun 25 Oct 2026  21:30 GMT",
            "  Thu 29 Oct 2026  21:30 GMT",
            "  Sun 01 Nov 2026  21:30 GMT",
            "  Thu 05 Nov 2026  21:30 GMT",
            "  Sun 08 Nov 2026  21:30 GMT",
            "  Thu 12 Nov 2026  21:30 GMT",
        ]
    )


def test_report_when_off_says_how_to_turn_on(home: Paths) -> None:
    report = schedule_report(london(home, datetime(2026, 11, 24, 12, 0, tzinfo=LONDON)))
    assert "Reminders   off" in report
    assert "legease schedule --set HH:MM" in report
    assert "Next reminders" not in report


def test_set_days_and_routine_are_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    options = ["--set", "21:45", "--days", "mon-fri", "--routine", "full-unwind"]
    code = main(["schedule", *options, "--home", str(tmp_path)])
    assert code == 0
    saved = tomllib.loads((tmp_path / "config.toml").read_text())["reminders"]
    assert saved == saved | {
        "enabled": True,
        "time": "21:45",
        "days": ["mon", "tue", "wed", "thu", "fri"],
        "routine": "full-unwind",
    }
    out = capsys.readouterr().out
    assert "Time        21:45, mon-fri" in out
    assert out.count(" 21:45 ") == 7


def test_off_turns_reminders_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--home", str(tmp_path), "schedule", "--set", "21:00"]) == 0
    assert main(["--home", str(tmp_path), "schedule", "--off"]) == 0
    saved = tomllib.loads((tmp_path / "config.toml").read_text())["reminders"]
    assert saved["enabled"] is False and saved["time"] == "21:00"
    assert "Reminders   off" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--set", "9pm"], "--set '9pm' is not allowed; expected a time of day"),
        (["--days", "someday"], "--days 'someday' is not allowed; expected days"),
        (["--routine", "yoga"], "--routine: no routine called 'yoga'. Known: calf-hamstring"),
        (["--set", "23:50"], "--set 23:50: the latest time (23:30) comes before"),
        (["--off", "--set", "21:00"], "--off cannot be combined"),
    ],
)
def test_bad_input_exits_2_naming_the_option_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    assert main(["schedule", *argv, "--home", str(tmp_path)]) == 2
    assert named in capsys.readouterr().err
    assert not (tmp_path / "config.toml").exists()


def test_systemd_unit_and_cron_line_run_legease_remind() -> None:
    unit = systemd_unit("/opt/bin/legease remind")
    assert "ExecStart=/opt/bin/legease remind" in unit
    assert "[Install]" in unit and "WantedBy=default.target" in unit
    assert "@reboot /opt/bin/legease remind" in cron_line("/opt/bin/legease remind")


def test_print_options_only_print(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--print-systemd", "--home", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "remind --home" in out and str(tmp_path) in out
    assert not (tmp_path / "config.toml").exists()


def test_headless_fire_rings_prints_and_notifies_when_due(
    home: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(remind, "desktop_notify", lambda title, body: sent.append((title, body)))
    services = london(home, datetime(2026, 11, 24, 21, 30, tzinfo=LONDON), enabled=True)
    HeadlessReminder(services).fire()
    out = capsys.readouterr().out
    assert out.startswith("\a21:30  Time for your evening routine — Calf & hamstring")
    assert sent and sent[0][0] == "Time for your evening routine"


def test_headless_fire_offers_no_routine_on_a_trials_no_routine_night(
    home: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from legease_tui.core.trial.design import TrialDesign

    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(remind, "desktop_notify", lambda title, body: sent.append((title, body)))
    evening = datetime(2026, 11, 24, 21, 30, tzinfo=LONDON)
    services = london(home, evening, enabled=True)
    assert services.trial is not None
    design = services.trial.start(TrialDesign(evening.date(), seed=7)).design
    clock = services.clock
    assert isinstance(clock, FakeClock)
    for planned in design.nights()[:6]:  # a block of each arm, whichever comes first
        HeadlessReminder(services).fire()
        out = capsys.readouterr().out
        if design.arms[planned.arm].does_routine:
            assert "Time for your evening routine" in out and "\a" in out
        else:
            assert (
                out == "21:30  Trial: tonight is a no-routine night — no routine tonight; "
                "just log how your legs are in the morning.\n"
            )
            assert sent[-1][0] == "LegEase trial"
        clock.advance(86400)
    assert any(not design.arms[p.arm].does_routine for p in design.nights()[:6])


def test_headless_fire_is_quiet_when_not_due(
    home: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    services = london(home, datetime(2026, 11, 24, 23, 45, tzinfo=LONDON), enabled=True)
    HeadlessReminder(services).fire()
    assert capsys.readouterr().out == ""


def test_desktop_notification_is_skipped_without_notify_send(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(remind.shutil, "which", lambda name: None)
    assert remind.desktop_notify("title", "body") is False


def test_remind_with_reminders_off_exits_at_once(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "legease_tui", "remind", "--home", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0
    assert "Reminders are off" in result.stdout


def test_remind_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    assert main(["schedule", "--set", "21:30", "--home", str(tmp_path)]) == 0
    # A program started from a terminal takes ctrl+c; one started in the background (nohup, a
    # script's `&`) inherits SIGINT ignored. The child is started as from a terminal, whatever
    # started the suite: it inherits no handler, only an ignored signal.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "legease_tui", "remind", "--home", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    assert process.stdout is not None
    first = process.stdout.readline()  # printed once the scheduler is planned
    assert first.startswith("LegEase reminders running; next at")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Reminders stopped." in out
    assert "Traceback" not in err


def test_a_window_that_can_never_fire_is_reported_not_rewritten(home: Paths) -> None:
    home.ensure()
    text = '[reminders]\nenabled = true\ntime = "23:45"\nlatest = "23:30"\n'
    home.config_file.write_text(text)
    services = build_services(home)
    [notice] = [n for n in services.notices if "[reminders]" in n]
    assert str(home.config_file) in notice and "'latest'" in notice
    assert home.config_file.read_text() == text
