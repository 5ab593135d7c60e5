"""The wheel carries the stylesheet (and the package's data files) the app loads."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_the_root_stylesheet_inside_the_package(tmp_path: Path) -> None:
    build = ["wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir"]
    subprocess.run(
        [sys.executable, "-m", "pip", *build, str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("legease_tui-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("legease_tui/styles.tcss") == (ROOT / "styles.tcss").read_bytes()
    assert "legease_tui/core/routine/session.py" in names
    packaged_data = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "legease_tui").rglob("*")
        if path.is_file() and path.suffix in {".wav", ".toml", ".tcss"}
    }
    assert packaged_data <= names
