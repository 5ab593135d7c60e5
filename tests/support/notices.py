"""The notifications an app shows, caught from outside: Textual posts each as a `Notify`
message, which `run_test(message_hook=...)` sees (no private attribute of the app is read)."""

from __future__ import annotations

from textual.message import Message
from textual.notifications import Notification, Notify


class Notices:
    """Pass as `app.run_test(message_hook=notices)`; then `notices.shown` lists, in order,
    every notification the app put on screen."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.shown.append(message.notification)

    def messages(self) -> list[str]:
        """The text of each notification, in order."""
        return [notification.message for notification in self.shown]
