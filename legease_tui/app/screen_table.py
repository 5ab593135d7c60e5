"""The navigation's table of screens: each screen module is imported the first time one of its
names is used, through this module's `__getattr__` (PEP 562, as `textual.widgets` loads its
widgets), so the first frame loads Home's module alone. `tests/app/...` checks that every name
here resolves and names what the type checker sees.

Measured with `python -X importtime` once Home is loaded: the other screens, and the widgets
and core modules only they use (the log's tables and charts, the quiz's report, the trial's
analysis), cost 70 ms together, none of it before the first frame. The palette's Export (the
doctor summary, with the trial's section) loads here too, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from legease_tui.core.lazy_names import loader

if TYPE_CHECKING:
    from legease_tui.core.trial.summary import whole_summary
    from legease_tui.screens.breathing import BreathingScreen
    from legease_tui.screens.dialogs import ConfirmDialog
    from legease_tui.screens.entry import EntryScreen
    from legease_tui.screens.help import HelpScreen
    from legease_tui.screens.keymap import use_own_keys
    from legease_tui.screens.log import LogScreen
    from legease_tui.screens.morning import MorningScreen
    from legease_tui.screens.quiz import QuizScreen
    from legease_tui.screens.quiz_result import result_screen
    from legease_tui.screens.reminder import (
        SKIP,
        SNOOZE,
        START,
        ReminderDialog,
        SkipReasonDialog,
    )
    from legease_tui.screens.routine import RoutineScreen, screen_for
    from legease_tui.screens.settings import SettingsScreen
    from legease_tui.screens.summary import SummaryScreen
    from legease_tui.screens.trial import TrialScreen

MODULES = {
    "BreathingScreen": "legease_tui.screens.breathing",
    "ConfirmDialog": "legease_tui.screens.dialogs",
    "EntryScreen": "legease_tui.screens.entry",
    "HelpScreen": "legease_tui.screens.help",
    "use_own_keys": "legease_tui.screens.keymap",
    "LogScreen": "legease_tui.screens.log",
    "MorningScreen": "legease_tui.screens.morning",
    "QuizScreen": "legease_tui.screens.quiz",
    "result_screen": "legease_tui.screens.quiz_result",
    "ReminderDialog": "legease_tui.screens.reminder",
    "SkipReasonDialog": "legease_tui.screens.reminder",
    "START": "legease_tui.screens.reminder",
    "SNOOZE": "legease_tui.screens.reminder",
    "SKIP": "legease_tui.screens.reminder",
    "RoutineScreen": "legease_tui.screens.routine",
    "screen_for": "legease_tui.screens.routine",
    "SettingsScreen": "legease_tui.screens.settings",
    "SummaryScreen": "legease_tui.screens.summary",
    "TrialScreen": "legease_tui.screens.trial",
    "whole_summary": "legease_tui.core.trial.summary",
}
"""Each name the shell uses, and the module that defines it."""

__all__ = [
    "SKIP",
    "SNOOZE",
    "START",
    "BreathingScreen",
    "ConfirmDialog",
    "EntryScreen",
    "HelpScreen",
    "LogScreen",
    "MorningScreen",
    "QuizScreen",
    "ReminderDialog",
    "RoutineScreen",
    "SettingsScreen",
    "SkipReasonDialog",
    "SummaryScreen",
    "TrialScreen",
    "result_screen",
    "screen_for",
    "use_own_keys",
    "whole_summary",
]


__getattr__ = loader(globals(), MODULES, __name__)
