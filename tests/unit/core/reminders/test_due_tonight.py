"""due_tonight: the one "is the reminder due now" check the app and `legease remind` share."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from legease_tui.core.reminders.schedule import NightState, ReminderRule, due_tonight
from legease_tui.settings.settings import ReminderSettings

TOKYO = ZoneInfo("Asia/Tokyo")


def rule(**changes: object) -> ReminderRule:
    fields = {**ReminderSettings(enabled=True).__dict__, **changes}
    return ReminderRule.of(ReminderSettings(**fields))


def test_reads_the_night_now_belongs_to_in_the_zone() -> None:
    asked: list[date] = []

    def night_state(night: date) -> NightState:
        asked.append(night)
        return NightState()

    # 03:00 UTC on the 25th is noon in Tokyo: the night of the 25th there (the 24th in UTC).
    now = datetime(2026, 11, 25, 3, 0, tzinfo=ZoneInfo("UTC"))
    assert due_tonight(now, rule(), TOKYO, night_state, repeat_shown=True) is None  # not yet
    assert asked == [date(2026, 11, 25)]


def test_an_answered_night_is_not_due() -> None:
    now = datetime(2026, 11, 24, 21, 31, tzinfo=TOKYO)
    due = due_tonight(now, rule(), TOKYO, lambda _: NightState(skipped=True), repeat_shown=True)
    assert due is None
    assert due_tonight(now, rule(), TOKYO, lambda _: NightState(), repeat_shown=True) is not None


def test_reminders_off_never_read_the_data_file() -> None:
    def unreadable(night: date) -> NightState:
        raise AssertionError("read the night with reminders off")

    now = datetime(2026, 11, 24, 21, 31, tzinfo=TOKYO)
    assert due_tonight(now, rule(enabled=False), TOKYO, unreadable, repeat_shown=True) is None
