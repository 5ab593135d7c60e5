"""The routine's clock starts on the screen's first frame (issue 14 §7): building and showing the
screen takes time (10-170 ms under load), and the first step must not lose it."""

from __future__ import annotations

import pytest
from support.app_builder import AppMaker

from legease_tui.core.clock import FakeClock
from legease_tui.messages import CuesDue
from legease_tui.screens.routine import RoutineScreen
from legease_tui.services import Services

SLOW_SHOW = 0.17
"""Seconds the fake clock moves while the routine screen mounts (the issue's worst case)."""


async def test_first_step_is_whole_when_the_screen_is_slow_to_show(
    services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, make_app: AppMaker
) -> None:
    mount = RoutineScreen.on_mount

    def slow_mount(screen: RoutineScreen) -> None:
        clock.advance(SLOW_SHOW)  # the screen takes a while to be built and shown
        mount(screen)

    monkeypatch.setattr(RoutineScreen, "on_mount", slow_mount)
    cues_at: list[tuple[float, float]] = []  # (cue's due time on the monotonic clock, arrival)

    def hook(message: object) -> None:
        if isinstance(message, CuesDue):
            for cue in message.cues:
                cues_at.append((message.session.started_monotonic + cue.at, clock.monotonic()))

    app = make_app()
    async with app.run_test(size=(100, 32), message_hook=hook) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RoutineScreen)
        session = screen.session
        first = session.timeline[0]
        assert session.position == 0
        assert session.view().segment_left == first.end - first.start
        due, arrived = cues_at[0]
        assert arrived - due == 0  # the first cue is not late
        clock.advance(first.end - first.start - 0.01)
        screen.advance()
        assert session.view().segment == first  # ... and the first step is as long as planned
