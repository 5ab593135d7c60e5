"""The app as `legease` builds it (`launch.build_app`), for the tests: the `make_app` fixture
(in conftest.py) returns an `AppMaker`."""

from __future__ import annotations

from typing import Protocol

from legease_tui.app.main import LegEaseApp
from legease_tui.services import Services


class AppMaker(Protocol):
    """`make_app(start, argument, with_services=...)`: the app over the test's services (or
    `with_services`), opening `start` over Home as `legease routine|breathe|log|quiz` does."""

    def __call__(
        self,
        start: str | None = None,
        argument: str | None = None,
        *,
        with_services: Services | None = None,
    ) -> LegEaseApp: ...
