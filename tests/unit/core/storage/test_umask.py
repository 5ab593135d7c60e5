"""Files stay private under any umask: files LegEase creates are 0600, folders 0700."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from legease_tui.core.clock import FakeClock
from legease_tui.services import build_services
from legease_tui.settings.paths import Paths


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _open_umask() -> Iterator[None]:
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_folders_legease_creates_are_user_only_parents_included(tmp_path: Path) -> None:
    data, config = tmp_path / "a" / "b" / "data", tmp_path / "c" / "config"
    services = build_services(Paths(data_dir=data, config_dir=config), FakeClock())
    assert services.store is not None
    for folder in (data, data.parent, data.parent.parent, config, config.parent):
        assert mode(folder) == 0o700, folder
    assert mode(data / "legease.json") == 0o600


def test_a_moved_aside_file_is_user_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    broken = home / "legease.json"
    broken.write_text("{not json")
    os.chmod(broken, 0o666)
    services = build_services(Paths(home, home), FakeClock())
    aside = next(home.glob("legease.json.corrupt-*"))
    assert mode(aside) == 0o600 and str(aside) in " ".join(services.notices)


def test_an_existing_folder_readable_by_others_gets_a_notice_once(tmp_path: Path) -> None:
    home = tmp_path / "shared"
    home.mkdir(mode=0o755)
    first = build_services(Paths(home, home), FakeClock()).notices
    assert [n for n in first if str(home) in n and "other users" in n]
    again = build_services(Paths(home, home), FakeClock()).notices
    assert not [n for n in again if "other users" in n]
    assert mode(home) == 0o755  # the person's folder is theirs to change
