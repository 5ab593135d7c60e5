"""The plan: balanced within every pair, reproducible from its seed, washout nights not counted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from legease_tui.core.trial.design import TrialDesign, compare_arms
from legease_tui.core.trial.words import plan_in_words

START = date(2026, 12, 3)


@pytest.mark.parametrize("seed", range(20))
def test_every_pair_has_one_block_of_each_arm(seed: int) -> None:
    design = TrialDesign(START, seed, block=4, pairs=7)
    blocks = design.blocks()
    assert len(blocks) == 14
    for pair in range(1, 8):
        assert sorted(b.arm for b in blocks if b.pair == pair) == [0, 1]
    assert [b.first_night for b in blocks] == [START + timedelta(days=4 * n) for n in range(14)]


def test_the_same_seed_gives_the_same_plan_and_seeds_differ() -> None:
    plans = {TrialDesign(START, seed, pairs=10).first_arms() for seed in range(30)}
    assert TrialDesign(START, 42).blocks() == TrialDesign(START, 42).blocks()
    assert len(plans) > 20


def test_washout_nights_are_not_counted() -> None:
    design = TrialDesign(START, 1, block=3, washout=2, pairs=4)
    nights = design.nights()
    assert len(nights) == design.total_nights == 24
    assert [n.counted for n in nights[:6]] == [False, False, True, False, False, True]
    assert design.night(START + timedelta(days=2)) == nights[2]
    assert design.night(START - timedelta(days=1)) is None
    assert design.night(design.last_night + timedelta(days=1)) is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"block": 1}, "--block: 1 is not a whole number from 2 to 7"),
        ({"pairs": 11}, "--pairs: 11 is not a whole number from 4 to 10"),
        ({"washout": 3}, "--washout: 3 is not a whole number from 0 to 2"),
        ({"block": 2, "washout": 2}, "--washout: 2 leaves no counted night"),
        ({"outcome": "mood"}, "--outcome: 'mood' is not one of"),
    ],
)
def test_out_of_range_options_are_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        TrialDesign(START, 1, **options)  # type: ignore[arg-type]


def test_compare_reads_routine_or_two_names() -> None:
    assert [a.label for a in compare_arms("routine")] == ["routine", "no routine"]
    first, second = compare_arms("calf-hamstring-vs-quick-reset")
    assert (first.routine, second.routine) == ("calf-hamstring", "quick-reset")
    assert first.does_routine and second.does_routine
    with pytest.raises(ValueError):
        compare_arms("quick-reset-vs-quick-reset")


def test_the_plan_in_words_says_best_p_and_what_it_cannot_tell() -> None:
    words = "\n".join(plan_in_words(TrialDesign(START, 5, pairs=6)))
    assert "36 nights" in words and "cramps per night; fewer is better" in words
    assert "2 / 2^6 = 0.03125" in words and "fewer than 6 pairs cannot show" in words
    assert "you know which nights are which" in words and "build up over weeks" in words
    small = "\n".join(plan_in_words(TrialDesign(START, 5, pairs=5)))
    assert "— this one cannot." in small
