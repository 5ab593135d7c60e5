"""`write_new`: the app's Export writes a new file beside the others, never over anything."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from legease_tui.core.storage.atomic import write_new


def test_a_taken_name_gets_a_number_and_nothing_is_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    first = write_new(folder, "summary.md", b"one")
    second = write_new(folder, "summary.md", b"two")
    assert (first.name, second.name) == ("summary.md", "summary-2.md")
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"
    assert stat.S_IMODE(second.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sorted(p.name for p in folder.iterdir()) == ["summary-2.md", "summary.md"]


def test_a_link_a_folder_or_a_link_to_nowhere_in_the_way_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (tmp_path / "summary.md").symlink_to(target)
    (tmp_path / "summary-2.md").mkdir()
    (tmp_path / "summary-3.md").symlink_to(tmp_path / "nowhere")
    written = write_new(tmp_path, "summary.md", b"new")
    assert written.name == "summary-4.md" and written.read_bytes() == b"new"
    assert target.read_text() == "keep me" and not (tmp_path / "nowhere").exists()
    assert os.path.islink(tmp_path / "summary.md")
