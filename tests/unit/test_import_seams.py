"""Imports at the top: a deferred import (inside a function) only at a named seam, each with its
measured cost beside it in the code. Read from the source with `ast`; an `importlib`
`import_module` call inside a function counts as one. A new deferred import fails here until it
is moved to the top of its module or named as a seam below (with its measured cost)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import legease_tui
from legease_tui import core
from legease_tui.app import screen_table

PACKAGE = Path(legease_tui.__file__).parent

SEAMS = {
    "core/lazy_names.py": 1,  # names loaded on first use: the other screens (on first
    # open, app/screen_table.py), the log, the trial and the symptom check (core/__init__.py)
    "screens/home.py": 1,  # Home's lines below tonight's routine, in its worker
    "app/reminders.py": 1,  # APScheduler, only with reminders on, after the first frame
    "cli.py": 1,  # the command modules, each only when the command line names it
    "commands/__init__.py": 1,  # Textual and the app, only when a command opens a screen
    "screens/keymap.py": 1,  # every screen's bindings, only when [keys] has lines
}
"""Where an import may wait until it is needed, and how many each place has."""


def deferred_imports(source: str) -> int:
    """Import statements and `import_module(...)` calls inside the functions of `source`."""

    def count(node: ast.AST, in_function: bool) -> int:
        found = 0
        if in_function and isinstance(node, ast.Import | ast.ImportFrom):
            found = 1
        elif in_function and isinstance(node, ast.Call):
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else ""
            name = called.id if isinstance(called, ast.Name) else name
            found = int(name in ("import_module", "__import__"))
        inside = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        return found + sum(count(child, inside) for child in ast.iter_child_nodes(node))

    return count(ast.parse(source), in_function=False)


def package_deferred_imports() -> Counter[str]:
    found: Counter[str] = Counter()
    for path in sorted(PACKAGE.rglob("*.py")):
        count = deferred_imports(path.read_text(encoding="utf-8"))
        if count:
            found[path.relative_to(PACKAGE).as_posix()] = count
    return found


def test_deferred_imports_are_at_the_named_seams_only() -> None:
    found = package_deferred_imports()
    assert dict(found) == SEAMS
    assert sum(found.values()) == len(SEAMS) == 6


def test_the_count_sees_nested_imports_and_import_module_calls() -> None:
    source = (
        "import importlib\n"
        "from os import path\n"
        "def outer():\n"
        "    import json\n"
        "    def inner():\n"
        "        from pathlib import Path\n"
        "    return importlib.import_module('csv')\n"
        "class Kept:\n"
        "    def method(self):\n"
        "        __import__('re')\n"
    )
    assert deferred_imports(source) == 4


@pytest.mark.parametrize("boundary", [screen_table, core], ids=["screen_table", "core"])
def test_every_name_loaded_on_first_use_resolves_to_what_the_type_checker_sees(
    boundary: ModuleType,
) -> None:
    tree = ast.parse(Path(str(boundary.__file__)).read_text(encoding="utf-8"))
    (seen_by_mypy,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    typed = {
        alias.asname or alias.name: f"{node.module}:{alias.name}" if alias.asname else node.module
        for node in ast.walk(seen_by_mypy)
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }
    assert typed == boundary.MODULES
    assert sorted(boundary.__all__) == sorted(boundary.MODULES)
    for name, where in boundary.MODULES.items():
        module, _, attribute = where.partition(":")
        value = getattr(boundary, name)
        assert getattr(sys.modules[module], attribute or name) is value
    with pytest.raises(AttributeError):
        boundary.no_such_name  # noqa: B018


def test_opening_the_app_from_the_command_line_registers_no_command_module() -> None:
    code = (
        "import sys; from legease_tui.cli import build_parser; "
        "parser = build_parser(['--home', 'somewhere']); "
        "print(sorted(m for m in sys.modules if m.startswith('legease_tui.commands.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
