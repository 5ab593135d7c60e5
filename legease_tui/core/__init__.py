"""The core: plain Python, no Textual, Rich, APScheduler or adapters.

The parts of the core that Home's first frame does not need — the log, the personal trial and
the symptom check — load on first use through the names below (PEP 562, as `textual.widgets`
loads its widgets): the services, the shell and `tonight.py` reach them as `core.<name>`, and
`tests/unit/test_import_seams.py` checks that every name still resolves. Measured once Home is
loaded, they cost 31 ms with `python -X importtime`; the start-up bench (`make bench
ONLY=startup`) shows about 20 ms off the first frame, a tenth of a bare Textual app's start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from legease_tui.core.lazy_names import loader

if TYPE_CHECKING:
    from legease_tui.core.log.repository import LogRepository
    from legease_tui.core.quiz.checks import CheckRepository, record_to_result
    from legease_tui.core.quiz.content import load_content
    from legease_tui.core.quiz.flow import QuizRun
    from legease_tui.core.quiz.precautions import precautions as person_precautions
    from legease_tui.core.trial.repository import (
        NO_ROUTINE_REMINDER,
        ROUTINE_ON_CONTROL,
        TrialError,
        TrialRepository,
    )

MODULES = {
    "LogRepository": "legease_tui.core.log.repository",
    "CheckRepository": "legease_tui.core.quiz.checks",
    "record_to_result": "legease_tui.core.quiz.checks",
    "load_content": "legease_tui.core.quiz.content",
    "QuizRun": "legease_tui.core.quiz.flow",
    "person_precautions": "legease_tui.core.quiz.precautions:precautions",
    "NO_ROUTINE_REMINDER": "legease_tui.core.trial.repository",
    "ROUTINE_ON_CONTROL": "legease_tui.core.trial.repository",
    "TrialError": "legease_tui.core.trial.repository",
    "TrialRepository": "legease_tui.core.trial.repository",
}
"""Each name loaded on first use, and the module that defines it (":name" when it is called
another name there: `core.precautions` is the module of the precautions' names)."""

__all__ = [
    "NO_ROUTINE_REMINDER",
    "ROUTINE_ON_CONTROL",
    "CheckRepository",
    "LogRepository",
    "QuizRun",
    "TrialError",
    "TrialRepository",
    "load_content",
    "person_precautions",
    "record_to_result",
]


__getattr__ = loader(globals(), MODULES, __name__)
