"""Sound in the running app (Pilot): cues on time and in order, silence, the bell, no blocking."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

from support.app_builder import AppMaker
from support.audio_fakes import RecordingStarter, fake_which
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import Static

from legease_tui.adapters.audio_programs import AudioPrograms
from legease_tui.adapters.cue_player import CUE_HANG_SECONDS, build_cue_audio, start_process
from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.core.routine.cue_plan import sound_for
from legease_tui.core.routine.cues import routine_cues
from legease_tui.core.routine.model import Routine
from legease_tui.core.routine.speech import speech_for
from legease_tui.core.tonight import routine_for_tonight
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services


def tonights(services: Services) -> Routine:
    return routine_for_tonight(services.routines, services.settings.routine)


def with_sound(services: Services, **changes: Any) -> Services:
    services.settings = replace(
        services.settings, sound=replace(services.settings.sound, **changes)
    )
    return services


def fake_audio(app: LegEaseApp, starter: Any, bells: list[str], which: Any) -> None:
    """Give the app an adapter that records instead of playing."""
    app.cues.audio = build_cue_audio(
        app.services.settings.sound,
        app.services.clock,
        lambda: bells.append("bell"),
        app.cues.notice,
        AudioPrograms(which, starter, "linux"),
    )


async def follow_to_end(pilot: Pilot[Any], clock: FakeClock) -> None:
    """Move the fake clock to each cue's boundary and let the routine screen take it."""
    screen = pilot.app.screen
    assert isinstance(screen, RoutineScreen)
    session = screen.session
    while session.outcome is None:
        wait = session.seconds_to_next_cue()
        assert wait is not None
        clock.advance(wait + 0.001)
        screen.advance()
        await pilot.pause()


async def test_default_routine_plays_each_cue_once_in_order(
    services: Services, clock: FakeClock, played: RecordingStarter, make_app: AppMaker
) -> None:
    bells: list[str] = []
    app = make_app("routine")
    app.bell = lambda: bells.append("bell")  # type: ignore[method-assign]
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await follow_to_end(pilot, clock)
    expected = [sound_for(cue).value for cue in routine_cues(tonights(services))]
    assert played.sounds() == expected
    assert len(expected) == 47 and expected[-1] == "finished" and bells == []


async def test_voice_speaks_each_step_name(
    services: Services, clock: FakeClock, played: RecordingStarter, make_app: AppMaker
) -> None:
    starter = played
    app = make_app("routine", with_services=with_sound(services, voice=True, cues="steps"))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await follow_to_end(pilot, clock)
    # Every line the core gives this routine (checked word for word in test_speech_and_plan),
    # spoken once and in order, even with only step-change sounds on.
    routine = tonights(services)
    expected = [text for cue in routine_cues(routine) if (text := speech_for(cue, routine))]
    assert starter.words() == expected and len(expected) == 8
    assert starter.sounds() == [
        "next_step", "switch_sides", "next_step", "switch_sides", "breathe_in", "finished",
    ]  # fmt: skip


async def test_nothing_plays_with_sound_off(
    services: Services, clock: FakeClock, played: RecordingStarter, make_app: AppMaker
) -> None:
    starter, bells = played, []
    app = make_app("routine", with_services=with_sound(services, enabled=False, voice=True))
    app.bell = lambda: bells.append("bell")  # type: ignore[method-assign]
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await follow_to_end(pilot, clock)
    assert starter.started == [] and bells == [] and app.cues.audio is None


async def test_no_player_rings_the_bell_and_says_so_once(
    services: Services, clock: FakeClock, make_app: AppMaker
) -> None:
    bells: list[str] = []
    messages: list[Message] = []
    app = make_app("routine")
    fake_audio(app, RecordingStarter(), bells, fake_which())  # nothing to play with
    async with app.run_test(size=(100, 32), message_hook=messages.append) as pilot:
        await pilot.pause()
        await follow_to_end(pilot, clock)
    notices = [m.notification.message for m in messages if isinstance(m, Notify)]
    sound_notes = [m.notification for m in messages if isinstance(m, Notify)]
    assert not any(n.markup for n in sound_notes if n.title == "Sound")  # "[sound]" stays visible
    # Found before the app ran: a short notice, once; Help has the whole (test_what_covers_what).
    assert [n for n in notices if "no audio player found" in n] == [notices[0]]
    assert len([p for p in app.cues.problems if "No audio player found" in p]) == 1
    assert len(bells) == 47


async def test_a_player_that_hangs_delays_no_frame(
    services: Services, clock: FakeClock, tmp_path: Path, make_app: AppMaker
) -> None:
    slow = tmp_path / "slowplay"
    slow.write_text("#!/bin/sh\nexec sleep 5\n")
    slow.chmod(0o755)
    started: list[subprocess.Popen[bytes]] = []

    def start(argv: list[str]) -> Any:
        program = start_process(argv)
        started.append(program.process)
        return program

    app = make_app("routine", with_services=with_sound(services, player=str(slow)))
    programs = AudioPrograms(shutil.which, start, "linux")
    app.cues.audio = build_cue_audio(
        app.services.settings.sound, clock, app.bell, app.cues.notice, programs
    )
    assert CUE_HANG_SECONDS < 5  # the hold starts after the first player counts as hung
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        clock.advance(15.001)  # 15 s to get to the wall
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        screen.advance()  # the hold starts: a second sleeping player
        await pilot.pause()
        # The screen has moved on while the new player still sleeps: nothing waited for it.
        assert "hold 1 of 3" in str(screen.query_one("#step-title", Static).content)
        assert started[1].poll() is None
        # The first had slept past the hang limit, so the new cue's reap killed it.
        assert started[0].wait(timeout=2) < 0
    assert started[1].wait(timeout=2) < 0  # killed when the app closed
