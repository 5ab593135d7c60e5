"""What a running personal trial changes in the evening: on a no-routine night, starting a
routine anyway asks first and is recorded as a deviation, and the reminder says what tonight
is instead of offering the routine. The trial core decides which night is which."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from legease_tui.core.storage.store import StoreError

if TYPE_CHECKING:
    from legease_tui.services import Services

ASK_ON_CONTROL = (
    "Tonight is a no-routine night in your trial. Start a routine anyway? It will be recorded "
    "as a deviation from the plan (the trial's report counts it)."
)


def confirm_routine(
    services: Services,
    push_screen: Callable[[Any, Callable[[bool | None], None]], Any],
    start: Callable[[], None],
) -> None:
    """Run `start` now, or on a no-routine night ask first and record the deviation."""
    if not services.no_routine_tonight():
        start()
        return
    from legease_tui.core.night import night_of
    from legease_tui.core.trial.repository import ROUTINE_ON_CONTROL
    from legease_tui.screens.dialogs import ConfirmDialog

    def answered(yes: bool | None) -> None:
        if not yes or services.trial is None:
            return
        night = night_of(services.clock.now())
        # If it cannot be written the routine still starts: the report then counts the night
        # as not followed all the same (a completed routine on a no-routine night).
        with contextlib.suppress(StoreError):
            services.trial.record_deviation(night, ROUTINE_ON_CONTROL)
        start()

    push_screen(ConfirmDialog(ASK_ON_CONTROL, yes="Start anyway", no="Keep to the plan"), answered)
