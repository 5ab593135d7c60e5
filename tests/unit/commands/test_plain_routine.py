"""`routine --plain` and `breathe --plain`: the lines said, the keys, the cues and the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.audio_fakes import RecordingStarter, fake_which
from support.plain_fakes import ScriptedKeys

from legease_tui.adapters.audio_programs import AudioPrograms
from legease_tui.adapters.cue_player import build_cue_audio
from legease_tui.commands.plain.breathe import run_breathe_plain
from legease_tui.commands.plain.routine import KEYS_LINE, run_plain
from legease_tui.core.clock import FakeClock
from legease_tui.core.night import night_of
from legease_tui.core.routine.breathing import pattern_named
from legease_tui.core.routine.model import Routine, Side, Step, StepKind
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import resolve_paths
from legease_tui.settings.settings import SoundSettings

SMALL = Routine(
    "small",
    "Small",
    "A stretch each side and two breaths.",
    (
        Step(StepKind.STRETCH, "Calf stretch", "Lean in.", 10, 2, 5, Side.BOTH, prepare_seconds=3),
        Step(
            StepKind.BREATHING, "Box breathing", "Slowly.", pattern=pattern_named("box"), cycles=1
        ),
    ),
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(tmp_path: Path, clock: FakeClock) -> Services:
    return build_services(resolve_paths(str(tmp_path)), clock)


def follow(
    services: Services,
    clock: FakeClock,
    keys: list[tuple[float, str]],
    routine: Routine = SMALL,
) -> tuple[int, list[str]]:
    """Run `routine` with keys pressed at the given seconds; the exit code and the lines said."""
    said: list[str] = []
    code = run_plain(services, routine, ScriptedKeys(clock, keys), said.append)
    return code, said


def test_a_small_routine_is_one_line_per_moment(services: Services, clock: FakeClock) -> None:
    code, said = follow(services, clock, [])
    assert code == 0
    assert said == [
        "Small: 2 steps, 72 s.",
        "Have a chair or a wall within reach.",
        "Stop if you feel dizzy or unwell.",
        "Do not stretch a leg that is swollen, red or painful.",
        KEYS_LINE,
        "Step 1 of 2: Calf stretch, 56 s.",
        "Lean in.",
        "Left calf stretch. Get into position, 3 seconds.",
        "Left calf stretch. Hold 1 of 2, 10 seconds.",
        "Relax, 5 seconds.",
        "Left calf stretch. Hold 2 of 2, 10 seconds.",
        "Switch sides. Right calf stretch. Get into position, 3 seconds.",
        "Right calf stretch. Hold 1 of 2, 10 seconds.",
        "Relax, 5 seconds.",
        "Right calf stretch. Hold 2 of 2, 10 seconds.",
        "Step 2 of 2: Box breathing, 16 s.",
        "Slowly.",
        "Breathe in, 4 seconds (breath 1 of 1).",
        "Hold, 4 seconds.",
        "Breathe out, 4 seconds.",
        "Hold, 4 seconds.",
        "Routine done.",
        "Well done — routine complete.",
        "Time taken 72 s; steps done 2 of 2.",
        "Kept in the log for tonight (Tue 24 Nov). Lie down, let your legs feel heavy, and "
        "sleep well.",
    ]
    assert services.log is not None
    assert night_of(clock.now()) in services.log.routine_nights()


def test_pause_holds_the_time_and_says_where_it_carries_on(
    services: Services, clock: FakeClock
) -> None:
    _, said = follow(services, clock, [(6, " "), (300, "p")])
    paused = said.index("Paused. Press space or p to carry on.")
    assert said[paused - 1] == "Left calf stretch. Hold 1 of 2, 10 seconds."
    assert said[paused + 1] == "Carrying on. Left calf stretch, hold 1 of 2: 7 seconds left."
    assert said[paused + 2] == "Relax, 5 seconds."
    assert "Time taken 6 min 6 s; steps done 2 of 2." in said  # 72 s + 294 s paused


def test_next_and_back_move_by_a_step(services: Services, clock: FakeClock) -> None:
    _, said = follow(services, clock, [(4, "n"), (5, "b")])
    moves = said[said.index("Left calf stretch. Hold 1 of 2, 10 seconds.") + 1 :]
    assert moves[:3] == ["Step 2 of 2: Box breathing, 16 s.", "Slowly.", moves[2]]
    assert moves[2].startswith("Breathe in, 4 seconds")
    assert moves[3:6] == [
        "Step 1 of 2: Calf stretch, 56 s.",
        "Lean in.",
        "Left calf stretch. Get into position, 3 seconds.",
    ]
    assert said[-3:-1] == ["Well done — routine complete.", "Time taken 77 s; steps done 2 of 2."]


def test_q_stops_and_the_stopped_routine_is_kept(services: Services, clock: FakeClock) -> None:
    code, said = follow(services, clock, [(8, "q")])
    assert code == 0
    assert said[-4:] == [
        "Stopped.",
        "Routine stopped.",
        "Time taken 8 s; steps done 0 of 2.",
        "Kept in the log for tonight (Tue 24 Nov). Lie down, let your legs feel heavy, and "
        "sleep well.",
    ]
    assert services.log is not None
    assert services.log.timeline(night_of(clock.now()))  # the stopped routine is in the night
    assert night_of(clock.now()) not in services.log.routine_nights()  # but not as done


def test_another_key_says_which_keys_work(services: Services, clock: FakeClock) -> None:
    _, said = follow(services, clock, [(2, "x")])
    assert said.count(KEYS_LINE) == 2


def test_ctrl_c_stops_keeps_the_session_and_exits_130(services: Services, clock: FakeClock) -> None:
    class Interrupting(ScriptedKeys):
        def wait(self, timeout: float | None) -> str | None:
            if self.clock.monotonic() - self.start > 20:
                raise KeyboardInterrupt
            return super().wait(timeout)

    said: list[str] = []
    code = run_plain(services, SMALL, Interrupting(clock), said.append)
    assert code == 130
    assert "Stopped." in said and "Routine stopped." in said
    assert services.log is not None and services.log.timeline(night_of(clock.now()))


def test_a_15_minute_routine_runs_on_the_fake_clock(services: Services, clock: FakeClock) -> None:
    routine = services.routines.find("full-unwind")
    assert routine is not None
    start = clock.monotonic()
    code, said = follow(services, clock, [], routine=routine)
    assert code == 0 and said[-3] == "Well done — routine complete."
    assert clock.monotonic() - start == pytest.approx(routine.total_seconds, abs=0.1)
    assert "Legs up the wall. Hold, 90 seconds." in said
    assert "Hold, 7 seconds." in said  # 4-7-8


def test_full_unwind_opens_safely_names_its_sources_and_gives_time_to_change_position(
    services: Services, clock: FakeClock
) -> None:
    routine = services.routines.find("full-unwind")
    assert routine is not None
    _, said = follow(services, clock, [], routine=routine)
    assert said[:4] == [
        "Full unwind: 9 steps, 13 min 47 s.",
        "Have a chair or a wall within reach.",
        "Stop if you feel dizzy or unwell.",
        "Do not stretch a leg that is swollen, red or painful.",
    ]
    slowly = "Take your time getting down and up: 15 seconds to get into position."
    assert f"Left calf stretch, standing. {slowly}" in said
    assert "Left quadriceps stretch. Get into position, 5 seconds." in said  # still standing
    assert f"Left hamstring stretch, sitting. {slowly}" in said
    assert f"Left glute stretch, lying down. {slowly}" in said
    headings = [i for i, line in enumerate(said) if line.startswith("Step ")]
    assert len(headings) == 9
    for index in headings:
        assert said[index + 2].startswith("Source: ") and said[index + 2].endswith(
            (" · trial.", " · common advice, little evidence.")
        ), said[index]


def test_the_cues_are_the_apps_sounds_and_voice(services: Services, clock: FakeClock) -> None:
    starter = RecordingStarter()
    sound = SoundSettings(voice=True)
    programs = AudioPrograms(fake_which("paplay", "espeak-ng"), starter, "linux")
    audio = build_cue_audio(sound, clock, lambda: None, lambda _n: None, programs)
    said: list[str] = []
    run_plain(services, SMALL, ScriptedKeys(clock), said.append, audio, interactive=False)
    assert KEYS_LINE not in said  # no keys when input is not a terminal
    assert starter.sounds()[:3] == ["next_step", "hold_start", "hold_end"]
    assert starter.sounds()[-1] == "finished"
    assert starter.words()[0] == (
        "Have a chair or a wall within reach. Stop if you feel dizzy or unwell. Do not stretch "
        "a leg that is swollen, red or painful. Left calf. Two holds of ten seconds, each side."
    )
    assert starter.words()[-1] == "Routine done"


def test_breathe_plain_says_each_breath(services: Services, clock: FakeClock) -> None:
    said: list[str] = []
    run_breathe_plain(services, pattern_named("4-7-8"), ScriptedKeys(clock), said.append)
    assert said[0] == "4-7-8: 1 step, 76 s."
    step = said.index("Step 1 of 1: 4-7-8, 76 s.")
    assert said[step + 1].startswith("In for 4, hold for 7")
    breaths = [line for line in said if line.startswith(("Breathe", "Hold"))]
    assert breaths[:3] == [
        "Breathe in, 4 seconds (breath 1 of 4).",
        "Hold, 7 seconds.",
        "Breathe out, 8 seconds.",
    ]
    assert len(breaths) == 12  # at most four rounds
    assert services.log is not None and night_of(clock.now()) in services.log.routine_nights()
