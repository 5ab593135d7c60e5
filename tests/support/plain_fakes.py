"""Scripted keys on a fake clock, for the plain-text mode's loop."""

from __future__ import annotations

from legease_tui.core.clock import FakeClock


class ScriptedKeys:
    """Keys pressed at set seconds after the start; waiting moves the fake clock instead of
    sleeping."""

    def __init__(self, clock: FakeClock, script: list[tuple[float, str]] | None = None) -> None:
        self.clock = clock
        self.start = clock.monotonic()
        self.script = sorted(script or [])

    def wait(self, timeout: float | None) -> str | None:
        now = self.clock.monotonic() - self.start
        if self.script and (timeout is None or self.script[0][0] <= now + timeout):
            at, key = self.script.pop(0)
            self.clock.advance(max(at - now, 0.0))
            return key
        if timeout is None:
            raise AssertionError("waiting for a key that never comes")
        self.clock.advance(timeout)
        return None
