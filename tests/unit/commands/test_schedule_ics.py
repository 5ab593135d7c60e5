"""`legease schedule --ics`: the calendar read back with icalendar, its rule expanded with
dateutil, against the times `legease schedule` prints, across a clock change; the -o rules."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar, Component

from legease_tui.cli import main
from legease_tui.commands.schedule import schedule_report
from legease_tui.commands.schedule_ics import write_ics
from legease_tui.core.clock import FakeClock
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths

LONDON = ZoneInfo("Europe/London")
WEEKS = 7  # schedule prints 7 reminders; with 2 days a week that spans the clock change


def services_at(home: Paths, when: datetime, **reminders: object) -> Services:
    services = build_services(home, FakeClock(when))
    services.zone = LONDON
    changed = replace(services.settings.reminders, enabled=True, **reminders)  # type: ignore[arg-type]
    services.settings = replace(services.settings, reminders=changed)
    return services


def calendar_of(services: Services, capsys: pytest.CaptureFixture[str]) -> Calendar:
    assert write_ics(services, None, force=False) == 0
    return Calendar.from_ical(capsys.readouterr().out)


def printed_times(services: Services) -> list[str]:
    """The 'Next reminders' lines of `legease schedule`, as 'Sun 25 Oct 2026  21:30'."""
    lines = schedule_report(services).split("Next reminders:\n")[1].splitlines()
    return [line.strip().rsplit(" ", 1)[0] for line in lines]


def rule_text(event: Component) -> str:
    value = event["rrule"].to_ical()
    return value.decode() if isinstance(value, bytes) else str(value)


def expanded(calendar: Calendar, count: int) -> list[str]:
    """The event's first `count` occurrences, as a calendar program would list them."""
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.tzinfo is None  # floating local time
    rule = rrulestr(rule_text(event), dtstart=start)
    return [f"{moment:%a %d %b %Y  %H:%M}" for moment in islice(rule, count)]


OCTOBER = datetime(2026, 10, 20, 18, 0, tzinfo=LONDON)  # clocks go back on Sun 25 Oct
MARCH = datetime(2026, 3, 24, 18, 0, tzinfo=LONDON)  # clocks go forward on Sun 29 Mar


@pytest.mark.parametrize(
    ("now", "at", "latest", "days", "byday"),
    [
        (OCTOBER, "21:30", "23:30", ("thu", "sun"), "TH,SU"),
        # 00:30 belongs to the night before: Monday and Saturday nights ring Tuesday and Sunday.
        (OCTOBER, "00:30", "01:30", ("mon", "sat"), "TU,SU"),
        (MARCH, "22:15", "23:30", ("sat", "sun"), "SA,SU"),
        (MARCH, "00:30", "01:30", ("sat", "wed"), "TH,SU"),
    ],
)
def test_the_calendar_repeats_on_the_evenings_schedule_prints_across_the_clock_change(
    home: Paths,
    capsys: pytest.CaptureFixture[str],
    now: datetime,
    at: str,
    latest: str,
    days: tuple[str, ...],
    byday: str,
) -> None:
    services = services_at(home, now, time=at, latest=latest, days=days)
    calendar = calendar_of(services, capsys)
    (event,) = calendar.walk("VEVENT")
    assert rule_text(event) == f"FREQ=WEEKLY;BYDAY={byday}"
    printed = printed_times(services)
    assert len(printed) == WEEKS
    change = "Sun 25 Oct" if now == OCTOBER else "Sun 29 Mar"
    assert any(line.startswith(change) for line in printed)  # the night of the change is in
    assert expanded(calendar, WEEKS) == printed


def test_the_event_alarms_at_its_time_names_the_routine_and_keeps_its_uid(
    home: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    first = calendar_of(services_at(home, datetime(2026, 11, 2, 9, 0, tzinfo=LONDON)), capsys)
    later = services_at(home, datetime(2026, 12, 1, 9, 0, tzinfo=LONDON), routine="full-unwind")
    second = calendar_of(later, capsys)
    (event,) = first.walk("VEVENT")
    (changed,) = second.walk("VEVENT")
    assert event["uid"] == changed["uid"]  # a re-import updates the one event
    assert "Calf & hamstring" in str(event["description"])
    assert "6 min 1 s" in str(event["description"])
    assert "(full-unwind)" in str(changed["description"])
    assert "13 min 47 s" in str(changed["description"])
    assert event.decoded("duration") == timedelta(minutes=6)
    (alarm,) = event.walk("VALARM")
    assert alarm["action"] == "DISPLAY"
    assert alarm.decoded("trigger") == timedelta(0)
    assert "VTIMEZONE" not in first.to_ical().decode()


def test_reminders_off_or_never_firing_writes_nothing(
    home: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    services = services_at(home, datetime(2026, 11, 2, 9, 0, tzinfo=LONDON))
    services.settings = replace(
        services.settings, reminders=replace(services.settings.reminders, enabled=False)
    )
    assert write_ics(services, None, force=False) == 1
    assert "reminders are off" in capsys.readouterr().err
    late = services_at(home, datetime(2026, 11, 2, 9, 0, tzinfo=LONDON), time="23:45")
    assert write_ics(late, None, force=False) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "latest time (23:30) comes before" in captured.err


def test_output_file_follows_the_export_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--home", str(tmp_path / "home")]
    assert main(["schedule", "--set", "21:30", *home]) == 0
    target = tmp_path / "reminder.ics"
    assert main(["schedule", "--ics", "-o", str(target), *home]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    target.write_text("mine")
    assert main(["schedule", "--ics", "-o", str(target), *home]) == 1
    assert "add --force" in capsys.readouterr().err
    assert target.read_text() == "mine"
    assert main(["schedule", "--ics", "-o", str(target), "--force", *home]) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert main(["schedule", "-o", str(target), *home]) == 2  # -o needs --ics
