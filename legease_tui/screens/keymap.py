"""The person's own keys (`[keys]` in config.toml) checked against every screen's bindings.

An id that names no binding, a key name Textual does not know, or a key another action of the
same screen already has (after every other change is made, so two actions may swap keys) is a
notice naming the line; that line is left out and its action keeps its usual key. What remains
is the keymap the app hands to `App.set_keymap`, so the footer and help show the keys in force.

Imported only when `[keys]` has lines (the navigation's table of screens): reading every
screen's bindings costs nothing otherwise.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import unicodedata
from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.keys import Keys, _character_to_key
from textual.screen import Screen

import legease_tui.screens as package
from legease_tui.core.quoting import quoted
from legease_tui.core.suggest import did_you_mean
from legease_tui.services import Services
from legease_tui.settings.keys import KeyChoice

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_NAMED = {key.value for key in Keys} | {"space", "question_mark", "comma", "full_stop"}


def screen_bindings() -> dict[str, list[Binding]]:
    """Each LegEase screen's bindings that carry an id, by screen class name."""
    found: dict[str, list[Binding]] = {}
    for module_info in pkgutil.iter_modules(package.__path__):
        # Seam (the person's own keys): every screen module, read only when [keys] has lines;
        # 70 ms with `python -X importtime`, after the first frame.
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                own = [b for b in cls.BINDINGS if isinstance(b, Binding) and b.id]
                if own:
                    found[name] = own
    return found


def _keys_of(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def _normal(key: str) -> str:
    return _character_to_key(key) if len(key) == 1 else key


def key_problem(key: str) -> str | None:
    """Why `key` is not a key name Textual knows ('ctrl+g', 'f5', 'g', '?'), or None."""
    *mods, base = key.split("+") if len(key) > 1 else [key]
    if not base or any(mod not in MODIFIERS for mod in mods):
        return f"{quoted(key)} is not a key (modifiers: {', '.join(MODIFIERS)})"
    if len(base) == 1 and base.isprintable() and not base.isspace():
        return None
    if base in _NAMED or _is_character_name(base):
        return None
    return f"{quoted(key)} is not a key name (for example g, ctrl+g, f5, space, escape, enter, up)"


def _is_character_name(name: str) -> bool:
    """Textual's long names for characters: 'question_mark', 'left_square_bracket'."""
    try:
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def _always_taken() -> set[str]:
    """Keys Textual itself binds on every screen (quit, command palette, focus, copy)."""
    taken = {App.COMMAND_PALETTE_BINDING}
    for binding in [*App.BINDINGS, *Screen.BINDINGS]:
        if isinstance(binding, Binding):
            taken.update(_keys_of(binding.key))
    return taken


def checked_keymap(choices: Iterable[KeyChoice], where: str) -> tuple[dict[str, str], list[str]]:
    """The keymap to put in force and a notice for each line left out."""
    screens = screen_bindings()
    by_id: dict[str, list[tuple[str, Binding]]] = {}
    for screen, bindings in screens.items():
        for binding in bindings:
            by_id.setdefault(str(binding.id), []).append((screen, binding))
    problems: list[str] = []
    wanted: dict[str, KeyChoice] = {}
    for choice in choices:
        if choice.binding_id not in by_id:
            hint = did_you_mean(choice.binding_id, by_id)
            problems.append(
                f"{choice.where(where)}: {quoted(choice.binding_id)} is not an action LegEase "
                f"has.{hint} The actions are listed in README.md, 'Keys of your own'."
            )
            continue
        bad = next(filter(None, map(key_problem, _keys_of(choice.keys))), None)
        if bad or not _keys_of(choice.keys):
            problems.append(f"{choice.where(where)}: {bad or 'no key given'}. Using the usual key.")
            continue
        wanted[choice.binding_id] = choice
    while clash := _first_clash(screens, wanted):
        choice, message = clash
        problems.append(f"{choice.where(where)}: {message}. Using the usual key.")
        del wanted[choice.binding_id]
    keymap = {binding_id: choice.keys for binding_id, choice in wanted.items()}
    return keymap, problems


def _first_clash(
    screens: dict[str, list[Binding]], wanted: dict[str, KeyChoice]
) -> tuple[KeyChoice, str] | None:
    """The last line (in file order) whose key another action on its screen also has."""
    taken_always = _always_taken()
    clashes: list[tuple[KeyChoice, str]] = []
    for screen, bindings in screens.items():
        holders: dict[str, list[Binding]] = {}
        for binding in bindings:
            choice = wanted.get(str(binding.id))
            keys = _keys_of(choice.keys) if choice else _keys_of(binding.key)
            for key in {_normal(key) for key in keys}:
                holders.setdefault(key, []).append(binding)
        for key, holding in holders.items():
            rebound = [wanted[str(b.id)] for b in holding if str(b.id) in wanted]
            if not rebound:
                continue
            latest = max(rebound, key=lambda choice: choice.line or 0)
            if key in taken_always:
                clashes.append((latest, f"'{key}' is kept by Textual on every screen"))
            elif len({b.id for b in holding}) > 1:
                other = next(b for b in holding if b.id != latest.binding_id)
                what = other.description or other.action
                name = screen.removesuffix("Screen").removesuffix("Dialog") or screen
                clashes.append(
                    (latest, f"'{key}' is already taken on {name} by '{what}' ({other.id})")
                )
    if not clashes:
        return None
    return max(clashes, key=lambda clash: clash[0].line or 0)


def use_own_keys(app: App[Any], services: Services) -> list[str]:
    """Put the settings' `[keys]` in force in `app`; returns a notice for each line left out
    (the app shows them with the others after its first frame)."""
    where = str(services.paths.config_file)
    keymap, problems = checked_keymap(services.settings.keys, where)
    app.set_keymap(keymap)
    return problems
