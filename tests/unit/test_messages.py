"""What screens tell the app is plain data: every message is a dataclass on one of two small
bases (a request, an outcome), and none carries a callback."""

from __future__ import annotations

import dataclasses
import inspect

from textual.message import Message

from legease_tui import messages

MESSAGES = [
    cls
    for _, cls in inspect.getmembers(messages, inspect.isclass)
    if issubclass(cls, Message) and cls.__module__ == messages.__name__
]


def test_every_message_is_a_request_or_an_outcome_and_a_dataclass() -> None:
    concrete = [cls for cls in MESSAGES if cls not in (messages.Request, messages.Outcome)]
    assert len(concrete) >= 8
    for cls in concrete:
        assert issubclass(cls, messages.Request) != issubclass(cls, messages.Outcome), cls
        assert dataclasses.is_dataclass(cls), cls


def test_no_message_carries_a_callback() -> None:
    for cls in MESSAGES:
        if not dataclasses.is_dataclass(cls):
            continue
        for field in dataclasses.fields(cls):
            written = str(field.type)  # as written: the annotations are not evaluated
            assert "Callable" not in written and "->" not in written, (cls, field.name)


def test_a_request_is_handled_by_name_as_textual_does() -> None:
    assert messages.OpenEntry().handler_name == "on_open_entry"
    assert messages.OpenEntry(home_after_save=True) == messages.OpenEntry(None, True)
