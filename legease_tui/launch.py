"""The one place the app is built (as posting's `make_posting`): the command line and the tests
both call `build_app`, so what a test runs is what a person runs."""

from __future__ import annotations

from legease_tui.app.main import LegEaseApp
from legease_tui.core.clock import Clock
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import Paths, resolve_paths


class UnknownRoutine(ValueError):
    """`legease routine NAME` names no routine (the message offers the closest and lists the
    known ones)."""


def build_app(
    paths: Paths,
    clock: Clock | None = None,
    start: str | None = None,
    argument: str | None = None,
    *,
    services: Services | None = None,
) -> LegEaseApp:
    """The app for `paths` and `clock`, opening `start` ("routine", "breathing", "log",
    "quiz") over Home, with `argument` (a routine's name). `services` built already (a test's,
    with its own zone or settings) are used as they are. Raises `UnknownRoutine`."""
    services = services or build_services(paths, clock)
    if start == "routine" and argument and services.routines.find(argument) is None:
        raise UnknownRoutine(services.routines.unknown(argument))
    return LegEaseApp(services, start=start, argument=argument)


def run_app(home: str | None, start: str | None = None, argument: str | None = None) -> int:
    """Build the app for `home` (else LEGEASE_HOME, else the usual folders) and run it; the
    exit status. Raises `UnknownRoutine` before anything is shown."""
    app = build_app(resolve_paths(home), start=start, argument=argument)
    app.run()
    return app.return_code or 0
