"""Build the services and run the app (imported only when a screen is opened)."""

from __future__ import annotations

import sys

from legease_tui.commands import USAGE_ERROR
from legease_tui.services import build_services
from legease_tui.settings.paths import resolve_paths


def run_app(home: str | None, start: str | None = None, argument: str | None = None) -> int:
    """Open the app; `start` names a screen to open over Home ("routine", "breathing", ...)."""
    from legease_tui.app import LegEaseApp

    services = build_services(resolve_paths(home))
    if start == "routine" and argument and services.routines.find(argument) is None:
        known = ", ".join(services.routines.routines)
        print(f"legease: no routine called {argument!r} (known: {known})", file=sys.stderr)
        return USAGE_ERROR
    app = LegEaseApp(services, start=start, argument=argument)
    app.run()
    return app.return_code or 0
