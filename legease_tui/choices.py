"""Choices made outside Settings — a routine from the command palette, a theme from Textual's
theme picker — are saved to config.toml the way Settings saves (`Services.change_settings`), so
they show in Settings, survive a restart, and saving one never reverts another."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from legease_tui.app import LegEaseApp
    from legease_tui.core.routine.model import Routine


def choose_routine(app: LegEaseApp, routine: Routine) -> None:
    """Make `routine` tonight's routine, and every night's after, as Settings would."""
    from legease_tui.widgets.user_text import notify_plain

    problem = app.services.change_settings({"routine": routine.key})
    if problem:  # not written: it holds for this run only, and the person is told
        app.services.chosen_tonight = routine
        notify_plain(app, f"{problem} Tonight's routine: {routine.name}, this run only.",
                     title="Not saved", severity="error", timeout=10)  # fmt: skip
    else:
        notify_plain(app, f"Tonight's routine: {routine.name} (saved)", timeout=4)
    app.refresh_home()


def theme_chosen(app: LegEaseApp, name: str) -> None:
    """The theme changed (Textual's picker sets `app.theme`): save it unless it is the one
    the settings already hold (the app putting its settings in force)."""
    from legease_tui.widgets.user_text import notify_plain

    if name == app.services.settings.theme:
        return
    problem = app.services.change_settings({"theme": name})
    if problem:
        notify_plain(app, f"{problem} The theme holds for this run only.", title="Not saved",
                     severity="error", timeout=10)  # fmt: skip
