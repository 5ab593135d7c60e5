"""When the reminder comes: weekdays, cut-off, daylight-saving changes, snoozes, missed tonight."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from legease_tui.core.reminders.schedule import (
    NightState,
    ReminderRule,
    day_list,
    next_reminder,
    next_reminders,
    plan_snooze,
    reminder_at,
    reminder_due,
    window_problem,
)
from legease_tui.core.reminders.words import describe_next, home_line, until_text
from legease_tui.core.time_of_day import WEEKDAYS
from legease_tui.settings.settings import ReminderSettings

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def rule(**changes: object) -> ReminderRule:
    settings = ReminderSettings(enabled=True)
    fields = {**settings.__dict__, **changes}
    return ReminderRule.of(ReminderSettings(**fields))


def at(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def test_next_reminder_tonight_when_before_the_time() -> None:
    now = at(LONDON, 2026, 11, 24, 19, 20)
    assert next_reminders(now, rule(), LONDON, 1) == [at(LONDON, 2026, 11, 24, 21, 30)]


def test_weekdays_only_skip_the_weekend() -> None:
    friday_late = at(LONDON, 2026, 11, 27, 22, 0)
    found = next_reminders(friday_late, rule(days=("mon", "tue", "wed", "thu", "fri")), LONDON, 3)
    assert [moment.strftime("%a %d %H:%M") for moment in found] == [
        "Mon 30 21:30",
        "Tue 01 21:30",
        "Wed 02 21:30",
    ]


def test_seven_reminders_a_week_apart_when_one_day_is_chosen() -> None:
    found = next_reminders(at(LONDON, 2026, 11, 24, 12, 0), rule(days=("sun",)), LONDON, 7)
    assert len(found) == 7
    assert all(moment.strftime("%a %H:%M") == "Sun 21:30" for moment in found)
    assert found[1] - found[0] == timedelta(days=7)


def test_evening_time_keeps_its_wall_clock_across_the_spring_change() -> None:
    found = next_reminders(at(LONDON, 2026, 3, 28, 12, 0), rule(), LONDON, 2)
    assert [m.strftime("%d %H:%M %Z") for m in found] == ["28 21:30 GMT", "29 21:30 BST"]


@pytest.mark.parametrize(
    ("zone", "night", "clock", "expected_utc"),
    [
        # London springs 01:00 GMT -> 02:00 BST: 01:30 does not exist, 02:00 BST is first.
        (LONDON, date(2026, 3, 28), "01:30", datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
        # New York springs 02:00 EST -> 03:00 EDT: 02:30 does not exist, 03:00 EDT is first.
        (NEW_YORK, date(2026, 3, 7), "02:30", datetime(2026, 3, 8, 7, 0, tzinfo=UTC)),
    ],
)
def test_a_time_skipped_by_spring_forward_fires_at_the_first_valid_minute(
    zone: ZoneInfo, night: date, clock: str, expected_utc: datetime
) -> None:
    due = reminder_at(night, rule(time=clock, latest="04:00"), zone)
    assert due is not None
    assert due.astimezone(UTC) == expected_utc


@pytest.mark.parametrize(
    ("zone", "night", "first_utc"),
    [
        (LONDON, date(2026, 10, 24), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        (NEW_YORK, date(2026, 10, 31), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
    ],
)
def test_a_time_repeated_by_fall_back_fires_once(
    zone: ZoneInfo, night: date, first_utc: datetime
) -> None:
    plan = rule(time="01:30", latest="04:00")
    due = reminder_at(night, plan, zone)
    assert due is not None and due.astimezone(UTC) == first_utc
    # Between the two 01:30s the next reminder is the next night's, not the repeat.
    between = first_utc + timedelta(minutes=30)
    following = next_reminders(between, plan, zone, 1)[0]
    assert following.astimezone(zone).date() == night + timedelta(days=2)


def test_no_reminder_when_the_cut_off_comes_first() -> None:
    late_rule = rule(time="23:45", latest="23:30")
    assert window_problem("23:45", "23:30") is not None
    assert reminder_at(date(2026, 11, 24), late_rule, LONDON) is None
    assert window_problem("23:00", "00:30") is None


def test_due_at_its_time_not_before_and_not_after_the_cut_off() -> None:
    plan = rule()
    state = NightState()
    assert reminder_due(at(LONDON, 2026, 11, 24, 21, 29), plan, LONDON, state) is None
    due = reminder_due(at(LONDON, 2026, 11, 24, 21, 30), plan, LONDON, state)
    assert due is not None and not due.late and due.snoozes_left == 2
    assert reminder_due(at(LONDON, 2026, 11, 24, 23, 31), plan, LONDON, state) is None


def test_missed_tonight_is_offered_late_on_launch() -> None:
    due = reminder_due(at(LONDON, 2026, 11, 24, 22, 40), rule(), LONDON, NightState())
    assert due is not None and due.late
    assert due.due_at.strftime("%H:%M") == "21:30"


def test_not_missed_on_a_day_without_reminders_or_when_answered() -> None:
    weekend_only = rule(days=("sat", "sun"))
    assert reminder_due(at(LONDON, 2026, 11, 24, 22, 0), weekend_only, LONDON, NightState()) is None
    for answered in (
        NightState(skipped=True),
        NightState(started=True),
        NightState(routine_done=True),
    ):
        assert reminder_due(at(LONDON, 2026, 11, 24, 22, 0), rule(), LONDON, answered) is None


def test_a_shown_reminder_does_not_fire_twice_but_is_offered_again_on_launch() -> None:
    shown = NightState(shown=frozenset({datetime(2026, 11, 24, 21, 30, tzinfo=UTC)}))
    later = at(LONDON, 2026, 11, 24, 21, 45)
    assert reminder_due(later, rule(), LONDON, shown) is None
    assert reminder_due(later, rule(), LONDON, shown, repeat_shown=True) is not None


def test_reminders_off_means_nothing_is_due() -> None:
    now = at(LONDON, 2026, 11, 24, 21, 30)
    assert reminder_due(now, rule(enabled=False), LONDON, NightState()) is None
    assert next_reminder(now, rule(enabled=False), LONDON, NightState()) is None


def test_snooze_moves_tonight_by_the_snooze_length() -> None:
    now = at(LONDON, 2026, 11, 24, 21, 30)
    plan = plan_snooze(now, rule(), LONDON, NightState())
    assert plan.until == at(LONDON, 2026, 11, 24, 21, 40)
    snoozed = NightState(snoozes=1, snoozed_until=plan.until)
    assert reminder_due(at(LONDON, 2026, 11, 24, 21, 35), rule(), LONDON, snoozed) is None
    due = reminder_due(at(LONDON, 2026, 11, 24, 21, 40), rule(), LONDON, snoozed)
    assert due is not None and due.snoozes_left == 1
    assert next_reminder(now, rule(), LONDON, snoozed) == plan.until


def test_after_the_snooze_limit_only_start_or_skip_remain() -> None:
    plan = plan_snooze(at(LONDON, 2026, 11, 24, 21, 50), rule(), LONDON, NightState(snoozes=2))
    assert plan.until is None
    assert "2 of 2" in plan.refusal


def test_a_snooze_never_passes_the_cut_off() -> None:
    plan = plan_snooze(at(LONDON, 2026, 11, 24, 23, 25), rule(), LONDON, NightState())
    assert plan.until is None
    assert "23:30" in plan.refusal


def test_a_skipped_night_moves_the_next_reminder_to_tomorrow() -> None:
    now = at(LONDON, 2026, 11, 24, 20, 0)
    upcoming = next_reminder(now, rule(), LONDON, NightState(skipped=True))
    assert upcoming == at(LONDON, 2026, 11, 25, 21, 30)
    assert (
        describe_next(now, upcoming, LONDON) == "Next routine: tomorrow night 21:30 (in 1 day 1 h)"
    )


def test_home_line_says_tonight_and_how_long() -> None:
    now = at(LONDON, 2026, 11, 24, 19, 20)
    upcoming = next_reminder(now, rule(), LONDON, NightState())
    assert describe_next(now, upcoming, LONDON) == "Next routine: tonight 21:30 (in 2 h 10 min)"
    assert describe_next(now, None, LONDON) == "Reminders off"


def test_home_line_says_due_now_while_tonight_is_unanswered() -> None:
    now = at(LONDON, 2026, 11, 24, 21, 45)
    assert home_line(now, rule(), LONDON, NightState()) == "Evening routine due now (since 21:30)"
    skipped = NightState(skipped=True)
    line = home_line(now, rule(), LONDON, skipped)
    assert line.startswith("Skipped tonight · Next routine: tomorrow night 21:30")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "now"),
        (1, "in 1 min"),
        (300, "in 5 min"),
        (3600, "in 1 h"),
        (3 * 86400, "in 3 days"),
        ((40 * 60 + 35) * 60, "in 1 day 16 h"),
    ],
)
def test_until_text_rounds_up_to_the_minute(seconds: int, text: str) -> None:
    assert until_text(timedelta(seconds=seconds)) == text


def test_day_list_reads_naturally() -> None:
    assert day_list(WEEKDAYS) == "every day"
    assert day_list(("mon", "tue", "wed", "thu", "fri")) == "mon-fri"
    assert day_list(("sat", "sun")) == "sat, sun"


WEEKNIGHTS = ("mon", "tue", "wed", "thu", "fri")


def test_before_noon_the_coming_evening_is_this_evening() -> None:
    monday_early = at(LONDON, 2026, 12, 7, 5, 0)
    weeknights = rule(days=WEEKNIGHTS, time="22:15")
    upcoming = next_reminder(monday_early, weeknights, LONDON, NightState())
    assert upcoming == at(LONDON, 2026, 12, 7, 22, 15)  # `legease schedule` lists Mon 07 Dec
    line = describe_next(monday_early, upcoming, LONDON)
    assert line == "Next routine: this evening 22:15 (in 17 h 15 min)"


def test_sunday_morning_names_monday_evening_tomorrow_night() -> None:
    sunday_early = at(LONDON, 2026, 12, 6, 5, 40)
    weeknights = rule(days=WEEKNIGHTS, time="22:15")
    upcoming = next_reminder(sunday_early, weeknights, LONDON, NightState())
    line = describe_next(sunday_early, upcoming, LONDON)
    assert line == "Next routine: tomorrow night 22:15 (in 1 day 16 h)"
