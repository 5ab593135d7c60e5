"""The core stays free of Textual and APScheduler: checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import legease_tui.core

CORE_MODULES = [
    info.name
    for info in pkgutil.walk_packages(legease_tui.core.__path__, "legease_tui.core.")
    if not info.ispkg
]


def test_core_modules_exist() -> None:
    expected = {"legease_tui.core.routine.session", "legease_tui.core.log.repository"}
    assert expected <= set(CORE_MODULES)


def test_core_imports_no_ui_or_scheduler() -> None:
    imports = "; ".join(f"import {name}" for name in CORE_MODULES)
    code = (
        f"import sys; {imports}; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'apscheduler')); print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_cli_module_does_not_import_textual() -> None:
    code = "import sys, legease_tui.cli; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
