"""What the log adds up to: weeks, streak, trend, calendar, what helps."""

from __future__ import annotations

from datetime import date, timedelta

from legease_tui.core.log.averages import YesCount
from legease_tui.core.log.diary.entry import NightEntry, parse_entry
from legease_tui.core.log.diary.fields import CHECK_NOTE_TAG, Activity
from legease_tui.core.log.repository import LoggedNight
from legease_tui.core.log.stats import (
    MIN_NIGHTS_PER_SIDE,
    month_grid,
    period_figures,
    recent_glance,
    routine_streak,
    shift_month,
    trend,
    trend_span,
    week_comparison,
    what_helps,
)
from legease_tui.core.quiz.checks import NOTE_TAG
from legease_tui.services import Services

TONIGHT = date(2026, 11, 24)


def night(days_ago: int, routine: bool = False, **fields: object) -> LoggedNight:
    return LoggedNight(NightEntry(TONIGHT - timedelta(days=days_ago), **fields), routine)  # type: ignore[arg-type]


def test_this_week_against_last_week() -> None:
    nights = [
        night(0, True, tension=2, cramps=0),
        night(3, True, tension=4, cramps=1),
        night(7, tension=6, cramps=2, restless=True),
        night(13, tension=8, cramps=0),
        night(14, tension=10, cramps=5),  # three weeks back: in neither
    ]
    weeks = week_comparison(nights, TONIGHT)
    assert (weeks.this_week.nights, weeks.this_week.tension, weeks.this_week.cramps) == (2, 3, 0.5)
    assert (weeks.this_week.routines, weeks.this_week.cramp_nights.yes) == (2, 1)
    assert (weeks.last_week.nights, weeks.last_week.tension) == (2, 7)
    assert weeks.last_week.restless_nights == YesCount(yes=1, answered=1, nights=2)


def test_streak_counts_nights_in_a_row_up_to_tonight_or_last_night() -> None:
    done = {TONIGHT - timedelta(days=d) for d in (1, 2, 3, 5)}
    assert routine_streak(done, TONIGHT) == 3  # tonight's routine may still come
    assert routine_streak(done | {TONIGHT}, TONIGHT) == 4
    assert routine_streak({TONIGHT - timedelta(days=2)}, TONIGHT) == 0
    assert routine_streak(set(), TONIGHT) == 0


def test_trend_has_one_point_per_night_with_gaps_unknown() -> None:
    nights = [night(0, tension=2, cramps=1), night(2, tension=5)]
    start, end = trend_span(nights, None, None, TONIGHT)
    points = trend(nights, start, end)
    assert [(p.tension, p.cramps) for p in points] == [(5, None), (None, None), (2, 1)]


def test_month_grid_starts_on_monday_and_blanks_other_months() -> None:
    weeks = month_grid([night(0, tension=7)], 2026, 11)
    assert weeks[0][:6] == [None] * 6  # 1 November 2026 is a Sunday
    assert weeks[0][6] is not None and weeks[0][6].night == date(2026, 11, 1)
    cell = next(p for week in weeks for p in week if p and p.night == TONIGHT)
    assert cell.tension == 7
    assert shift_month(2026, 12, 1) == (2027, 1)
    assert shift_month(2026, 1, -1) == (2025, 12)


def test_what_helps_compares_only_with_three_nights_each_side() -> None:
    nights = [night(d, True, tension=2, cramps=0) for d in range(3)]
    nights += [night(d, False, tension=6, cramps=2) for d in range(3, 5)]
    results = {r.name: r for r in what_helps(nights)}
    routine = results["routine done"]
    assert not routine.comparable and routine.nights_needed == 1
    nights.append(night(5, False, tension=8, cramps=1))
    routine = {r.name: r for r in what_helps(nights)}["routine done"]
    assert routine.comparable
    assert (routine.with_it.nights, routine.with_it.tension, routine.with_it.cramps) == (3, 2, 0)
    assert (routine.without.nights, routine.without.tension, routine.without.cramps) == (
        3,
        6.7,
        1.7,
    )
    assert MIN_NIGHTS_PER_SIDE == 3


def test_what_helps_leaves_out_nights_that_do_not_say_and_lists_each_tag() -> None:
    nights = [
        night(0, water=8, stress=8, activity=Activity.SITTING, tags=("heat",), tension=3),
        night(1, water=2, tension=5),
        night(2, tension=4, tags=("stretched", "heat")),
    ]
    results = {r.name: r for r in what_helps(nights)}
    water = results["water ≥ 6 glasses"]
    assert (water.with_it.nights, water.without.nights) == (1, 1)  # night 2 did not say
    assert results["high stress (≥ 7)"].with_it.nights == 1
    assert results["long sitting"].without.nights == 0
    assert results["stretched"].with_it.nights == 1
    heat = results["tag: heat"]
    assert (heat.with_it.nights, heat.without.nights, heat.not_recorded) == (2, 0, 1)
    assert "tag: stretched" not in results


def test_a_question_never_answered_is_not_counted_as_no() -> None:
    """Three nights with tension only: restless was never asked, so 0 of 0, not 0 of 3."""
    figures = period_figures([night(d, tension=3) for d in range(3)])
    assert figures.restless_nights == YesCount(yes=0, answered=0, nights=3)
    assert figures.restless_nights.text() == "0 of 0 answered; not recorded on 3 nights"
    assert figures.restless_nights.short() == "not recorded"
    mixed = period_figures([night(0, restless=False), night(1, restless=True), night(2)])
    assert mixed.restless_nights.text() == "1 of 2 answered; not recorded on 1 night"
    assert period_figures([night(0, cramps=0), night(1, cramps=2)]).cramp_nights.text() == "1 of 2"


def test_what_helps_counts_a_night_with_nothing_done_recorded_in_neither_side() -> None:
    nights = [night(0, tags=("stretched",)), night(1, tags=("heat",)), night(2, tension=4)]
    nights.append(night(3, tags=("flag",), note="ask about it"))
    stretched = {r.name: r for r in what_helps(nights)}["stretched"]
    assert (stretched.with_it.nights, stretched.without.nights, stretched.not_recorded) == (1, 1, 2)


def test_recent_glance_counts_any_logged_night_and_the_streak(services: Services) -> None:
    log = services.log
    assert log is not None
    assert recent_glance(log).logged == 0
    log.add(NightEntry(TONIGHT - timedelta(days=1), note="no numbers, still a night"))
    log.add(NightEntry(TONIGHT - timedelta(days=9), tension=3))  # outside the last 7
    glance = recent_glance(log)
    assert glance.logged == 1
    assert glance.points[0].night == TONIGHT - timedelta(days=6)
    assert len(glance.points) == 7 and glance.streak == 0


def test_the_check_note_tag_is_the_one_the_symptom_check_leaves() -> None:
    assert CHECK_NOTE_TAG == NOTE_TAG


def test_one_vocabulary_stretch_from_the_cli_and_stretched_from_the_form_are_one_factor() -> None:
    cli = parse_entry({"night": "2026-11-20", "tags": ["stretch", "coffee"]})
    form = parse_entry({"night": "2026-11-21", "tags": "stretched"})
    old = parse_entry({"night": "2026-11-22", "tags": ["stretching"]}, stored=True)  # kept before
    nights = [LoggedNight(entry, False) for entry in (cli, form, old)]
    results = {r.name: r for r in what_helps(nights)}
    assert results["stretched"].with_it.nights == 3
    assert not any(name.startswith("tag: stretch") for name in results)
