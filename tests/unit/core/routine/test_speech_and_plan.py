"""What is heard: the sound of each cue, the words of each step, and the sound settings."""

from __future__ import annotations

import pytest

from legease_tui.core.routine.builtin import BUILT_IN
from legease_tui.core.routine.cue_plan import CuePlan, CueSound, plan_cues, sound_for
from legease_tui.core.routine.cues import Cue, CueKind, routine_cues
from legease_tui.core.routine.model import Routine, Side
from legease_tui.core.routine.opening import opening_lines
from legease_tui.core.routine.speech import number_words, speech_for, step_announcement

ROUTINES = {routine.key: routine for routine in BUILT_IN}
DEFAULT = ROUTINES["calf-hamstring"]
OPENING = (
    "Have a chair or a wall within reach. Stop if you feel dizzy or unwell. Do not stretch a leg "
    "that is swollen, red or painful."
)


def spoken(routine: Routine) -> list[str]:
    return [text for cue in routine_cues(routine) if (text := speech_for(cue, routine))]


def test_number_words() -> None:
    assert [number_words(n) for n in (0, 3, 10, 19, 20, 45, 90, 5.5, 120)] == [
        "zero", "three", "ten", "nineteen", "twenty", "forty-five", "ninety", "5.5", "120",
    ]  # fmt: skip


def test_speech_for_every_built_in_step() -> None:
    said = {
        routine.key: [
            step_announcement(step, step.sides[0], routine.changes_position(index))
            for index, step in enumerate(routine.steps)
        ]
        for routine in BUILT_IN
    }
    slowly = "Take your time getting down and up."
    assert said == {
        "calf-hamstring": [
            f"Left calf, standing. {slowly} Three holds of ten seconds, each side.",
            f"Left hamstring, sitting. {slowly} Three holds of ten seconds, each side.",
            "Slow breathing. Eleven breaths.",
        ],
        "full-unwind": [
            f"Left calf, standing. {slowly} Two holds of thirty seconds, each side.",
            "Left quadriceps. One hold of thirty seconds, each side.",
            "Left hip flexor. One hold of thirty seconds, each side.",
            f"Left hamstring, sitting. {slowly} Two holds of thirty seconds, each side.",
            "Left ankle circles. One hold of twenty seconds, each side.",
            f"Left glute, lying down. {slowly} One hold of thirty seconds, each side.",
            "Legs up the wall. One hold of ninety seconds.",
            "4 7 8 breathing. Four breaths.",
            "Slow breathing. Six breaths.",
        ],
        "quick-reset": [
            f"Left calf, standing. {slowly} One hold of twenty seconds, each side.",
            f"Left hamstring, sitting. {slowly} One hold of twenty seconds, each side.",
            "Box breathing. Five breaths.",
        ],
        "breathing": [f"Slow breathing, lying down. {slowly} Twenty-seven breaths."],
    }


def test_default_routine_speaks_its_opening_lines_steps_sides_last_holds_and_the_end() -> None:
    slowly = "Take your time getting down and up."
    assert spoken(DEFAULT) == [
        f"{OPENING} Left calf, standing. {slowly} Three holds of ten seconds, each side.",
        "Switch sides",
        "Last one",
        f"Left hamstring, sitting. {slowly} Three holds of ten seconds, each side.",
        "Switch sides",
        "Last one",
        "Slow breathing. Eleven breaths.",
        "Routine done",
    ]


def test_the_opening_lines_are_said_once_with_the_first_step() -> None:
    for routine in BUILT_IN:
        words = spoken(routine)
        assert words[0].startswith(" ".join(opening_lines(routine))), routine.key
        assert sum("Stop if you feel dizzy or unwell." in line for line in words) == 1


def test_last_one_only_where_a_step_has_several_holds() -> None:
    words = spoken(ROUTINES["full-unwind"])
    # Six two-sided stretches say it before their last hold; legs up the wall (one hold) not.
    assert words.count("Last one") == 6
    assert words[words.index("Legs up the wall. One hold of ninety seconds.") + 1] != "Last one"
    assert words.count("Switch sides") == 6 and words[-1] == "Routine done"


def test_each_cue_kind_has_its_own_sound() -> None:
    kinds = {sound_for(Cue(kind, 0, 0)) for kind in CueKind}
    assert kinds == set(CueSound)


def test_all_cues_mode_plays_every_boundary() -> None:
    cues = routine_cues(DEFAULT)
    sounds = [plan_cues([cue], DEFAULT).sound for cue in cues]
    assert sounds[:7] == [
        CueSound.NEXT_STEP, CueSound.HOLD_START, CueSound.HOLD_END, CueSound.HOLD_START,
        CueSound.HOLD_END, CueSound.HOLD_START, CueSound.SWITCH_SIDES,
    ]  # fmt: skip
    assert sounds[-3:] == [CueSound.BREATHE_IN, CueSound.BREATHE_OUT, CueSound.FINISHED]
    assert None not in sounds


def test_steps_mode_plays_only_step_changes() -> None:
    cues = routine_cues(DEFAULT)
    sounds = [s for cue in cues if (s := plan_cues([cue], DEFAULT, mode="steps").sound)]
    assert sounds == [
        CueSound.NEXT_STEP, CueSound.SWITCH_SIDES, CueSound.NEXT_STEP, CueSound.SWITCH_SIDES,
        CueSound.BREATHE_IN, CueSound.FINISHED,
    ]  # fmt: skip


@pytest.mark.parametrize("settings", [{"enabled": False, "voice": True}, {"mode": "none"}])
def test_silent_settings_play_nothing(settings: dict[str, object]) -> None:
    for cue in routine_cues(DEFAULT):
        plan = plan_cues([cue], DEFAULT, **settings)  # type: ignore[arg-type]
        assert plan.sound is None
        if settings.get("enabled") is False:
            assert plan == CuePlan()


def test_voice_with_no_cue_sounds_still_speaks() -> None:
    first = routine_cues(DEFAULT)[0]
    plan = plan_cues([first], DEFAULT, mode="none", voice=True)
    assert plan.sound is None and plan.speech is not None
    assert plan.speech.endswith(
        "Left calf, standing. Take your time getting down and up. Three "
        "holds of ten seconds, each side."
    )


def test_a_late_batch_plays_only_its_newest_cue() -> None:
    batch = routine_cues(DEFAULT)[:8]  # after a laptop sleep: eight cues at once
    plan = plan_cues(batch, DEFAULT, voice=True)
    assert plan.cue == batch[-1] and plan.sound is CueSound.HOLD_START
    assert plan.speech == "Switch sides"  # the newest words in the batch


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="all, steps, none"):
        plan_cues(routine_cues(DEFAULT)[:1], DEFAULT, mode="loud")


def test_switch_cue_on_the_right_side_names_no_step() -> None:
    cue = Cue(CueKind.SWITCH_SIDES, 55, 0, Side.RIGHT)
    assert speech_for(cue, DEFAULT) == "Switch sides"
