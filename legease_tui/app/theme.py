"""The app's own night theme (the default in config.toml; Textual's themes are offered too)."""

from __future__ import annotations

from textual.theme import Theme

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
