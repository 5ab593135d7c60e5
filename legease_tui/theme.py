"""The app's own night theme, and how it is put in force before the first stylesheet parse."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.theme import Theme

from legease_tui.core.quoting import quoted

if TYPE_CHECKING:
    from legease_tui.services import Services

NIGHT_THEME = Theme(
    name="legease-night",
    primary="#7a9cc6",
    secondary="#8f86b8",
    accent="#c9a76b",
    foreground="#c8ccd4",
    background="#10141c",
    surface="#161b26",
    panel="#1d2431",
    success="#7fae8a",
    warning="#d0a45f",
    error="#c7747a",
    dark=True,
)


def start_with_theme(app: App[Any], name: str) -> None:
    """Put theme `name` in force before the stylesheet is first parsed. Setting `theme`
    here would run its watcher, which queues a second full parse of every stylesheet
    (about 5 ms before the first frame); this does what the watcher does for an app that
    has no screen yet: the theme's CSS variables, its classes, the ANSI colour filter."""
    if name == app.theme:
        return
    app.set_reactive(App.theme, name)
    app.stylesheet.set_variables(app.get_css_variables())
    dark = app.current_theme.dark
    classes = {old: False for old in app.classes if old.startswith("-theme-")}
    classes |= {f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}
    app.update_classes(classes, update=False)
    app._refresh_truecolor_filter(app.ansi_theme)


def chosen_theme(app: App[Any], services: Services) -> str:
    """The theme the settings name, or the night theme after noting (for the start-up notice,
    not `notices`: that would read the routines now) that the name is not a known theme."""
    wanted = services.settings.theme
    if wanted in app.available_themes:
        return wanted
    services.problems.append(
        f"{services.paths.config_file}: 'theme' = {quoted(wanted)} is not a known theme "
        f"(known: {', '.join(sorted(app.available_themes))}). Using 'legease-night'."
    )
    return NIGHT_THEME.name
