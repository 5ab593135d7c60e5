"""Shared fixtures: a temporary LegEase home, a fake clock, services built on both."""

from __future__ import annotations

from pathlib import Path

import pytest

from legease_tui.core.clock import FakeClock
from legease_tui.paths import Paths
from legease_tui.services import Services, build_services


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
def reminders_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start the reminder scheduler at once instead of 0.2 s after mount."""
    from legease_tui.app import LegEaseApp

    monkeypatch.setattr(LegEaseApp, "REMINDERS_AFTER_SECONDS", 0.001)
