"""`make snapshot-update` runs exactly the modules that take snapshots, and every stored snapshot
belongs to one of them (a snapshot no module writes would never be updated, only go stale)."""

from __future__ import annotations

import ast
import shlex
from pathlib import Path

ROOT = Path(__file__).parent.parent


def update_recipe_modules() -> set[Path]:
    """The test files named by the Makefile's snapshot-update recipe, globs expanded."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    recipe = lines[lines.index("snapshot-update: $(STAMP)") + 1]
    assert "--snapshot-update" in recipe
    patterns = [word for word in shlex.split(recipe)[1:] if not word.startswith(("-", "$"))]
    return {path for pattern in patterns for path in ROOT.glob(pattern)}


def takes_snapshots(source: str) -> bool:
    """Some function there asks for the `snap_compare` fixture."""
    return any(
        argument.arg == "snap_compare"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for argument in node.args.args
    )


def modules_taking_snapshots() -> set[Path]:
    return {
        path
        for path in (ROOT / "tests").rglob("test_*.py")
        if takes_snapshots(path.read_text(encoding="utf-8"))
    }


def test_snapshot_update_runs_every_module_that_takes_snapshots_and_no_other() -> None:
    taking = modules_taking_snapshots()
    assert len(taking) >= 4
    assert update_recipe_modules() == taking


def test_every_stored_snapshot_belongs_to_a_module_that_takes_snapshots() -> None:
    modules = {(path.parent, path.stem) for path in modules_taking_snapshots()}
    stored = {
        (svg.parent.parent.parent, svg.parent.name)  # <folder>/__snapshots__/<module>/<test>.svg
        for svg in (ROOT / "tests").rglob("__snapshots__/*/*.svg")
    }
    assert stored, "no snapshot files found"
    assert stored <= modules, f"snapshots no module writes: {sorted(stored - modules)}"
