"""The README's "How it is built" tree names the same modules as the package and as the
import-linter layers, so the description a new engineer reads cannot drift from the code."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "legease_tui"

# One tree entry: its indent, then names ending in ".py" or "/" separated by ", ", then two
# spaces or the end of the line. Description lines (deeper indent, plain words) do not match.
ENTRY = re.compile(r"^(?P<indent> *)(?P<names>[\w.]+(?:\.py|/)(?:, [\w.]+(?:\.py|/))*)(?:  |$)")


def readme_tree() -> dict[str, set[str]]:
    """Each folder of the README's tree ("legease_tui", "legease_tui.core", ...) with the module
    names listed under it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## How it is built") :]
    block = section[section.index("```\n") + 4 : section.index("\n```", section.index("```\n") + 4)]
    children: dict[str, set[str]] = {}
    parents: list[str] = []
    for line in block.splitlines():
        entry = ENTRY.match(line)
        if entry is None or len(entry["indent"]) % 2:
            continue
        depth = len(entry["indent"]) // 2
        names = entry["names"].split(", ")
        if depth == 0:
            parents = [names[0].rstrip("/")]
            continue
        if depth > len(parents):
            continue  # a deeper description line that happens to look like a name
        del parents[depth:]
        folder = ".".join(parents)
        children.setdefault(folder, set()).update(
            name.removesuffix(".py").rstrip("/") for name in names
        )
        if len(names) == 1 and names[0].endswith("/"):
            parents.append(names[0].rstrip("/"))
    return children


def modules_in(folder: Path) -> set[str]:
    return {
        path.name.removesuffix(".py") if path.is_file() else path.name
        for path in folder.iterdir()
        if (path.suffix == ".py" and path.name != "__init__.py")
        or (path.is_dir() and (path / "__init__.py").exists())
    }


def layered_containers() -> list[tuple[str, set[str]]]:
    """Each exhaustive layers contract's container with every module its layers name."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = []
    for contract in config["tool"]["importlinter"]["contracts"]:
        if contract["type"] == "layers" and contract.get("exhaustive"):
            names = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
            for container in contract["containers"]:
                found.append((container, names))
    return found


def test_the_tree_parses_the_folders_it_describes() -> None:
    tree = readme_tree()
    assert {"legease_tui", "legease_tui.app", "legease_tui.core", "legease_tui.core.log"} <= set(
        tree
    )


@pytest.mark.parametrize(
    ("container", "layered"),
    layered_containers(),
    ids=[container for container, _ in layered_containers()],
)
def test_every_layered_module_is_in_the_tree_and_nothing_else(
    container: str, layered: set[str]
) -> None:
    assert readme_tree()[container] == layered


@pytest.mark.parametrize(
    "folder", ["legease_tui", "legease_tui.app", "legease_tui.core", "legease_tui.core.log"]
)
def test_the_tree_lists_every_module_of_the_folder(folder: str) -> None:
    assert readme_tree()[folder] == modules_in(ROOT.joinpath(*folder.split(".")))


def test_the_core_contract_names_only_parts_in_the_tree() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    core_parts = readme_tree()["legease_tui.core"]
    for contract in config["tool"]["importlinter"]["contracts"]:
        for layer in contract.get("layers", []):
            for name in layer.split("|"):
                module = name.strip()
                if module.startswith("legease_tui.core.") and module.count(".") == 2:
                    assert module.removeprefix("legease_tui.core.") in core_parts, module
