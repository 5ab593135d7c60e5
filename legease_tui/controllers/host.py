"""What every controller needs of the app to tell the person something: a notification (as
`App.notify` takes it) and the bell. Each controller's host adds what else it uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel


class NoticeHost(Protocol):
    """Something that notifies and rings the bell (the app is one; a test may pass another)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def bell(self) -> None: ...
