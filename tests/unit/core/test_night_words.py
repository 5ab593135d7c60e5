"""A night is named as a person says it at that moment: before noon the night that just ended is
"last night" and the coming one "this evening"; from noon on the current night is "tonight"."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from legease_tui.core.night import night_of, night_with_date, night_words

SUNDAY_6_DEC = date(2026, 12, 6)
SATURDAY_5_DEC = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("hour", "night", "words"),
    [
        (5, SATURDAY_5_DEC, "last night"),
        (5, SUNDAY_6_DEC, "this evening"),
        (5, date(2026, 12, 7), "tomorrow night"),
        (5, date(2026, 12, 4), "the night before last"),
        (11, SATURDAY_5_DEC, "last night"),
        (12, SUNDAY_6_DEC, "tonight"),
        (12, SATURDAY_5_DEC, "last night"),
        (21, date(2026, 12, 7), "tomorrow night"),
        (21, date(2026, 12, 4), "Fri 4 Dec"),
        (5, date(2026, 12, 9), "Wed 9 Dec"),
        (5, date(2025, 12, 31), "Wed 31 Dec 2025"),
    ],
)
def test_a_night_is_named_as_a_person_says_it(hour: int, night: date, words: str) -> None:
    assert night_words(night, datetime(2026, 12, 6, hour, 0)) == words


def test_the_night_a_moment_is_in_is_last_night_before_noon_and_tonight_after() -> None:
    early = datetime(2026, 12, 6, 5, 36)
    late = datetime(2026, 12, 6, 21, 0)
    assert night_words(night_of(early), early) == "last night"
    assert night_words(night_of(late), late) == "tonight"


def test_relative_words_carry_the_date_and_a_date_is_not_repeated() -> None:
    now = datetime(2026, 12, 6, 5, 44)
    assert night_with_date(SATURDAY_5_DEC, now) == "last night (Sat 5 Dec)"
    assert night_with_date(SUNDAY_6_DEC, now) == "this evening (Sun 6 Dec)"
    assert night_with_date(date(2026, 11, 30), now) == "Mon 30 Nov"
