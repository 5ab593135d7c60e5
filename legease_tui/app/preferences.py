"""Choices made outside Settings — tonight's routine from the command palette, a theme from
Textual's theme picker — saved to config.toml the way Settings saves (`Services.change_settings`),
so they show in Settings, survive a restart, and saving one never reverts another. Also the
theme the app starts with, and why when config.toml names one that is not known.

`Preferences` works through a small host (`host.ThemeHost`): the app is one, a test passes a
recording fake.
"""

from __future__ import annotations

from legease_tui.app.host import ThemeHost
from legease_tui.app.theme import NIGHT_THEME
from legease_tui.core.quoting import quoted
from legease_tui.services import Services
from legease_tui.settings.form import with_values
from legease_tui.widgets.user_text import notify_plain


class Preferences:
    """Tonight's routine and the theme, chosen in the palette or the picker."""

    def __init__(self, host: ThemeHost, services: Services) -> None:
        self.host = host
        self.services = services
        self.problems: list[str] = []
        """What the person should be told at start (a theme config.toml names is not known)."""

    def choose_routine(self, key: str) -> None:
        """Make the routine `key` tonight's routine, and every night's after, as Settings
        would; when config.toml cannot be written it holds for this run, and the person is told."""
        routine = self.services.routines.get(key)
        if routine is None:
            return
        problem = self.services.change_settings({"routine": routine.key})
        if problem:  # not written: in force for this run only
            self.services.settings = with_values(self.services.settings, {"routine": routine.key})
            notify_plain(self.host, f"{problem} Tonight's routine: {routine.name}, this run only.",
                         title="Not saved", severity="error", timeout=10)  # fmt: skip
        else:
            notify_plain(self.host, f"Tonight's routine: {routine.name} (saved)", timeout=4)
        self.host.refresh_home()

    def theme_chosen(self, name: str) -> None:
        """The theme changed (Textual's picker sets `theme`): save it unless it is the one the
        settings already hold (the app putting its settings in force)."""
        if name == self.services.settings.theme:
            return
        problem = self.services.change_settings({"theme": name})
        if problem:
            notify_plain(self.host, f"{problem} The theme holds for this run only.",
                         title="Not saved", severity="error", timeout=10)  # fmt: skip

    def theme_in_force(self) -> str:
        """The theme the settings name, or the night theme; an unknown name is noted once (for
        the start-up notice) and the night theme is used."""
        wanted = self.services.settings.theme
        known = self.host.available_themes
        if wanted in known:
            return wanted
        problem = (
            f"{self.services.paths.config_file}: 'theme' = {quoted(wanted)} is not a known theme "
            f"(known: {', '.join(sorted(known))}). Using 'legease-night'."
        )
        if problem not in self.problems:
            self.problems.append(problem)
        return NIGHT_THEME.name
