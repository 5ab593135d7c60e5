"""Shared fixtures: a temporary LegEase home, a fake clock, services built on both, the app built
from them as `legease` builds it, and audio programs that are never the machine's."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.app_builder import AppMaker
from support.audio_fakes import RecordingStarter, fake_which

from legease_tui import services as services_module
from legease_tui.adapters.audio_programs import AudioPrograms
from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import FakeClock
from legease_tui.launch import build_app
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


@pytest.fixture
def make_app(request: pytest.FixtureRequest) -> AppMaker:
    """The app over the test's `services` (or others given), built by `launch.build_app`: what
    a test runs is what `legease` runs. The services are asked for only when used, so a test
    that builds its own never gets a data file it did not ask for."""

    def make(
        start: str | None = None,
        argument: str | None = None,
        *,
        with_services: Services | None = None,
    ) -> LegEaseApp:
        chosen = with_services or request.getfixturevalue("services")
        return build_app(chosen.paths, chosen.clock, start, argument, services=chosen)

    return make


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


@pytest.fixture(autouse=True)
def played(monkeypatch: pytest.MonkeyPatch) -> RecordingStarter:
    """No test looks up or starts a real audio program: every `Services` finds a fake paplay
    and espeak-ng (on Linux, whatever the machine), and this records what they were asked to
    play or say (`played.sounds()`, `played.words()`)."""
    starter = RecordingStarter()
    programs = AudioPrograms(fake_which("paplay", "espeak-ng"), starter, "linux")
    monkeypatch.setattr(services_module, "machine_audio", lambda: programs)
    return starter


@pytest.fixture
def reminders_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start the reminder scheduler at once instead of 0.2 s after mount."""
    monkeypatch.setattr(LegEaseApp, "REMINDERS_AFTER_SECONDS", 0.001)
