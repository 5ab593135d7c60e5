"""Breathing patterns: phase and fraction at any time, limits, custom timings."""

from __future__ import annotations

import pytest

from legease_tui.core.routine.breathing import (
    PATTERNS,
    BreathAction,
    PatternError,
    breath_at,
    custom_pattern,
    pattern_named,
)


@pytest.mark.parametrize(
    ("key", "elapsed", "action", "cycle", "left"),
    [
        ("box", 0.0, BreathAction.INHALE, 1, 4.0),
        ("box", 4.0, BreathAction.HOLD, 1, 4.0),
        ("box", 9.0, BreathAction.EXHALE, 1, 3.0),
        ("box", 15.5, BreathAction.HOLD, 1, 0.5),
        ("box", 16.0, BreathAction.INHALE, 2, 4.0),
        ("4-7-8", 10.0, BreathAction.HOLD, 1, 1.0),
        ("4-7-8", 11.0, BreathAction.EXHALE, 1, 8.0),
        ("4-7-8", 19.0, BreathAction.INHALE, 2, 4.0),
        ("resonance", 5.0, BreathAction.INHALE, 1, 0.5),
        ("resonance", 5.5, BreathAction.EXHALE, 1, 5.5),
        ("sigh", 2.5, BreathAction.INHALE, 1, 1.0),
        ("sigh", 3.5, BreathAction.EXHALE, 1, 6.5),
    ],
)
def test_phase_at_time(
    key: str, elapsed: float, action: BreathAction, cycle: int, left: float
) -> None:
    state = breath_at(PATTERNS[key], elapsed)
    assert state.phase.action is action
    assert state.cycle == cycle
    assert state.seconds_left == pytest.approx(left)


def test_fraction_and_level_follow_the_breath() -> None:
    box = PATTERNS["box"]
    assert breath_at(box, 2.0).fraction == pytest.approx(0.5)
    assert breath_at(box, 2.0).level == pytest.approx(0.5)
    assert breath_at(box, 0.0).level == pytest.approx(0.0)
    assert breath_at(box, 6.0).level == pytest.approx(1.0)  # holding full
    assert breath_at(box, 14.0).level == pytest.approx(0.0)  # holding empty


def test_sigh_is_a_double_inhale_then_a_long_exhale() -> None:
    sigh = PATTERNS["sigh"]
    actions = [phase.action for phase in sigh.phases]
    assert actions == [BreathAction.INHALE, BreathAction.INHALE, BreathAction.EXHALE]
    assert sigh.phases[2].seconds > sigh.phases[0].seconds + sigh.phases[1].seconds
    top_up = breath_at(sigh, 3.0)
    assert top_up.phase.label == "Breathe in again"
    assert 0.75 < top_up.level < 1.0


def test_4_7_8_is_limited_to_four_cycles_and_resonance_is_about_six_a_minute() -> None:
    assert PATTERNS["4-7-8"].max_cycles == 4
    assert 60 / PATTERNS["resonance"].cycle_seconds == pytest.approx(5.45, abs=0.1)


def test_custom_pattern_in_half_seconds() -> None:
    pattern = custom_pattern(4.5, 0, 6, 1.5)
    assert pattern.timing == "4.5-6-1.5"
    assert pattern.cycle_seconds == 12
    assert breath_at(pattern, 11.0).phase.action is BreathAction.HOLD


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ((4.3, 0, 4, 0), "inhale must be 0 to 20 seconds in steps of 0.5"),
        ((4, -1, 4, 0), "hold_in must be 0 to 20"),
        ((4, 0, 25, 0), "exhale must be 0 to 20"),
        ((0, 0, 4, 0), "at least 1 second"),
        ((4, 0, 4, "x"), "hold_out must be a number"),
    ],
)
def test_bad_custom_pattern_names_the_field(values: tuple[float, ...], message: str) -> None:
    with pytest.raises(PatternError, match=message):
        custom_pattern(*values)  # type: ignore[arg-type]


def test_unknown_pattern_lists_the_known_ones() -> None:
    with pytest.raises(PatternError, match="known: resonance, box, 4-7-8, sigh"):
        pattern_named("fast")


def test_holding_the_breath_or_breathing_in_twice_can_make_you_light_headed() -> None:
    """leg-tension.md: 4-7-8 may cause light-headedness; box holds too, the sigh breathes in on
    top of a breath; slow even breathing (resonance, or a custom one without holds) does not."""
    light = {key for key, pattern in PATTERNS.items() if pattern.may_make_light_headed}
    assert light == {"box", "4-7-8", "sigh"}
    assert custom_pattern(4, 2, 6, 0).may_make_light_headed
    assert not custom_pattern(4, 0, 6, 0).may_make_light_headed
