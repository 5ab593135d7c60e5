"""The one way a screen shows text a person typed or a file holds: as text.

Textual parses a plain `str` given to `Static`, `notify`, a `DataTable` cell or an `Option` as
markup, so a note `meds: [ibuprofen]` loses words, `[/b]` crashes the screen and
`[@click=app.quit]` becomes a link. Everything such text passes through here instead:

- `plain(text)`: the text alone, as `Content` (never parsed);
- `templated("[b]$name[/b] · $steps steps", name=..., steps=...)`: our own markup with the
  person's text in `$slots`, which Textual fills in after the markup is parsed, so it stays text;
- `notify_plain(node, message)`: a notification whose message is text.

All three pass the text through `core.text.terminal_safe`, so a control character stored before
it was refused (ESC ] 52 would set the clipboard) is shown as `\\x1b`, never sent to the terminal.
"""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual.content import Content
from textual.notifications import SeverityLevel

from legease_tui.core.text import terminal_safe


def plain(text: str) -> Content:
    """`text` as content that is never read as markup."""
    return Content(terminal_safe(text))


def plain_text(text: str, style: str = "") -> Text:
    """`text` as a Rich `Text` (for Rich tables and charts), never read as markup."""
    return Text(terminal_safe(text), style=style)


def templated(markup: str, **values: object) -> Content:
    """Our own `markup`, with each `$name` replaced by `values[name]` as text.

    A literal "$" in `markup` is written "$$".
    """
    safe = {name: terminal_safe(str(value)) for name, value in values.items()}
    return Content.from_markup(markup, **safe)


def markup_escaped(text: str) -> str:
    """`text` for an API that only takes a markup string (the command palette's help): every
    "[" escaped, so Textual reads none of it as a tag."""
    return terminal_safe(text).replace("[", "\\[")


class Notifier(Protocol):
    """What shows a notification: the app, a widget, or a test's fake."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...


def notify_plain(
    node: Notifier,
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """`node.notify` with `message` and `title` shown as text."""
    node.notify(
        terminal_safe(message),
        title=terminal_safe(title),
        severity=severity,
        timeout=timeout,
        markup=False,
    )


def problems_notice(count: int, help_key: str) -> str:
    """The start's notice in two short lines; Help lists the problems themselves."""
    what, them = ("a problem", "it") if count == 1 else (f"{count} problems", "them")
    return f"LegEase found {what} at start.\nPress {help_key} to read {them}."


def notify_problems(node: Notifier, problems: list[str], help_key: str = "?") -> None:
    """One short warning for every problem found at start (a long one covered half of Home for
    20 s); the details are a key away, in Help."""
    if not problems:
        return
    notice = problems_notice(len(problems), help_key)
    notify_plain(node, notice, title="Please check", severity="warning", timeout=10)
