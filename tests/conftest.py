"""Shared fixtures: a temporary LegEase home, a fake clock, services built on both."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from audio_fakes import RecordingStarter, fake_which

from legease_tui.adapters import cue_player as cue_audio
from legease_tui.core.clock import FakeClock
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real user folders."""
    monkeypatch.setenv("LEGEASE_HOME", str(tmp_path / "env-home"))


@pytest.fixture
def home(tmp_path: Path) -> Paths:
    base = tmp_path / "home"
    return Paths(data_dir=base, config_dir=base)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(home: Paths, clock: FakeClock) -> Services:
    return build_services(home, clock)


@pytest.fixture(autouse=True)
def _fork_only_when_serial(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """An xdist worker runs a second thread (execnet's), and a fork there may deadlock the child
    (Python 3.12 warns of it): a test that forks is marked `serial`, and `make test` runs those
    after the others, in one plain process. Starting a program (subprocess) is fine anywhere."""
    if "PYTEST_XDIST_WORKER" in os.environ and not request.node.get_closest_marker("serial"):

        def refuse() -> int:
            raise AssertionError("a test that forks must be marked @pytest.mark.serial")

        monkeypatch.setattr(os, "fork", refuse)


HANG_LIMIT_SECONDS = 20


@pytest.fixture
def no_hang() -> Iterator[None]:
    """A hang fails the test after 20 s instead of blocking the suite (no real sleep): SIGALRM
    breaks a blocking call (opening a named pipe, reading a device) in the main thread, where
    pytest runs the test, with or without xdist. Use `pytest.mark.usefixtures("no_hang")`."""

    def hung(*_: object) -> None:
        raise TimeoutError(f"no answer within {HANG_LIMIT_SECONDS} s: it hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, HANG_LIMIT_SECONDS)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


_build_cue_audio = cue_audio.build_cue_audio


@pytest.fixture(autouse=True)
def played(monkeypatch: pytest.MonkeyPatch) -> RecordingStarter:
    """No test makes a real sound: the app finds a fake paplay and espeak-ng, and this records
    what they were asked to play or say (`played.sounds()`, `played.words()`)."""
    starter = RecordingStarter()

    def build(*args: Any, **_ignored: Any) -> cue_audio.CueAudio:
        settings, clock, bell, notify = args[:4]
        which = fake_which("paplay", "espeak-ng")
        return _build_cue_audio(settings, clock, bell, notify, starter, which)

    monkeypatch.setattr(cue_audio, "build_cue_audio", build)
    return starter


@pytest.fixture
def reminders_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start the reminder scheduler at once instead of 0.2 s after mount."""
    from legease_tui.app import LegEaseApp

    monkeypatch.setattr(LegEaseApp, "REMINDERS_AFTER_SECONDS", 0.001)
