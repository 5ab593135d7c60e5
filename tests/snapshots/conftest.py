"""Snapshots hold still: a focused input's cursor stays drawn instead of blinking, so a frame
taken half a second later under load (`make test` runs in parallel) shows the same cursor (the
entry form and the morning check-in failed now and then with only the cursor cell changed)."""

from __future__ import annotations

import pytest
from textual.widgets import Input


def _cursor_stays(input_widget: Input) -> None:
    input_widget._cursor_visible = True


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", _cursor_stays)
