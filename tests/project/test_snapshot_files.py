"""`make snapshot-update` runs exactly the modules that take snapshots, and every stored snapshot
belongs to one of them (a snapshot no module writes would never be updated, only go stale) and
to a test there: syrupy fails a run on a snapshot no test wrote, but not under xdist."""

from __future__ import annotations

import ast
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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


def snapshots_the_tests_write() -> set[tuple[Path, str]]:
    """(snapshot folder, file name) each collected snapshot test writes, named as syrupy names
    them: `Class.test[parameters].svg`."""
    modules = sorted(str(path.relative_to(ROOT)) for path in modules_taking_snapshots())
    collect = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-o", "addopts="]
    listed = subprocess.run(
        [*collect, "-p", "no:cacheprovider", *modules],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    written = set()
    for node_id in listed.splitlines():
        module, _, test = node_id.partition("::")
        if test:
            path = ROOT / module
            written.add((path.parent / "__snapshots__" / path.stem, test.replace("::", ".")))
    return written


def test_every_stored_snapshot_is_written_by_a_test() -> None:
    written = snapshots_the_tests_write()
    assert len(written) >= 40
    stored = {
        (svg.parent, re.sub(r"\.\d+$", "", svg.stem))  # a test's second snapshot ends in .1
        for svg in (ROOT / "tests").rglob("__snapshots__/*/*.svg")
    }
    assert stored <= written, f"snapshots no test writes: {sorted(stored - written)}"
