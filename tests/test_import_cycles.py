"""No import cycle in legease_tui: read from the source with `ast`, not by importing it.

Every import counts wherever it is written (module top, function body, `try`), because a
function-level import only hides a cycle until that function runs. Imports under
`if TYPE_CHECKING:` are skipped: they never run. `from a import b` is an edge to the module `a.b`
when that module exists, else to `a`; importing a module also runs its parent packages, so those
are edges too. A package module's dotted name written as a string (cli's COMMAND_MODULES, loaded
with importlib) counts as an import of it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import legease_tui

PACKAGE_ROOT = Path(legease_tui.__file__).parent
Graph = Mapping[str, set[str]]


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Dotted name -> file for every module under `root` (a package's `__init__` is the package)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _nodes_that_run(node: ast.AST) -> Iterator[ast.AST]:
    """Every node under `node` except the bodies of `if TYPE_CHECKING:`."""
    for child in ast.iter_child_nodes(node):
        yield child
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield other
                yield from _nodes_that_run(other)
        else:
            yield from _nodes_that_run(child)


def imported_names(source: str, module: str, is_package: bool) -> set[str]:
    """The dotted names `module` imports (absolute; not yet narrowed to the package)."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    names: set[str] = set()
    for node in _nodes_that_run(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)
    return names


def _with_parents(name: str) -> Iterator[str]:
    parts = name.split(".")
    for end in range(1, len(parts) + 1):
        yield ".".join(parts[:end])


def import_graph(modules: Mapping[str, Path]) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (and their parent packages)."""
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        names = imported_names(path.read_text(encoding="utf-8"), module, path.stem == "__init__")
        targets = {parent for name in names for parent in _with_parents(name)}
        graph[module] = {target for target in targets & modules.keys() if target != module}
    return graph


def strongly_connected(graph: Graph) -> list[list[str]]:
    """Tarjan's components of more than one module, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def shortest_cycle(graph: Graph, members: list[str]) -> list[str]:
    """A shortest path from the component's first module back to itself, inside the component."""
    start, inside = members[0], set(members)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node] & inside):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if target not in came_from:
                    came_from[target] = node
                    following.append(target)
        frontier = following
    raise AssertionError(f"{members} is not a cycle")


def describe_cycles(graph: Graph) -> list[str]:
    """One shortest cycle per knot; a bigger knot also names every module caught in it."""
    lines = []
    for members in strongly_connected(graph):
        cycle = shortest_cycle(graph, members)
        line = " -> ".join(cycle)
        if len(cycle) <= len(members):
            line += f" (one of the cycles among {', '.join(members)})"
        lines.append(line)
    return lines


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph(module_names(PACKAGE_ROOT, "legease_tui"))
    cycles = describe_cycles(graph)
    assert not cycles, "import cycles (break each one):\n" + "\n".join(cycles)


def test_the_graph_sees_the_package_imports() -> None:
    graph = import_graph(module_names(PACKAGE_ROOT, "legease_tui"))
    assert "legease_tui.screens.home" in graph["legease_tui.app"]
    assert "legease_tui.commands.log" in graph["legease_tui.cli"]  # by name, for importlib
    assert "legease_tui.core.storage.store" in graph["legease_tui.core.log.repository"]


def test_function_level_relative_and_from_imports_count_type_checking_does_not(
    tmp_path: Path,
) -> None:
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "sub" / "__init__.py").write_text("")
    (root / "sub" / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from pkg import hinted\n"
        "else:\n    import pkg.runtime\n"
        "def later():\n    from .. import c\n"
        "    from pkg.sub import b\n"
    )
    for name in ("sub/b", "c", "hinted", "runtime"):
        (root / f"{name}.py").write_text("")
    graph = import_graph(module_names(root, "pkg"))
    assert graph["pkg.sub.a"] == {"pkg", "pkg.sub", "pkg.sub.b", "pkg.c", "pkg.runtime"}


def test_a_cycle_is_reported_with_its_path() -> None:
    graph = {"a": {"b"}, "b": {"c", "d"}, "c": {"a"}, "d": set(), "e": {"e2"}, "e2": {"e"}}
    assert describe_cycles(graph) == ["a -> b -> c -> a", "e -> e2 -> e"]
    knot = {"a": {"b", "c"}, "b": {"a"}, "c": {"a"}}
    assert describe_cycles(knot) == ["a -> b -> a (one of the cycles among a, b, c)"]
    assert describe_cycles({"a": {"b"}, "b": set()}) == []
