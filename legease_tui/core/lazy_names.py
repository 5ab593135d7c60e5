"""Names a package loads on first use (PEP 562, as `textual.widgets` loads its widgets): the
module's `__getattr__` imports the module that defines a name the first time it is asked for.
Used at the two boundaries that keep work off the first frame: the core's log, trial and symptom
check (`core/__init__.py`) and the navigation's table of screens (`app/screen_table.py`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def loader(
    namespace: MutableMapping[str, Any], modules: Mapping[str, str], owner: str
) -> Callable[[str], Any]:
    """A module `__getattr__` for `owner`: each name of `modules` comes from the module given
    (":name" after it when it is called another name there) and is then kept in `namespace`."""

    def load(name: str) -> Any:
        if name not in modules:
            raise AttributeError(f"module {owner!r} has no attribute {name!r}")
        module, _, attribute = modules[name].partition(":")
        # The seam: the module is imported when one of its names is first used.
        value = getattr(importlib.import_module(module), attribute or name)
        namespace[name] = value  # later uses find it without coming here
        return value

    return load
