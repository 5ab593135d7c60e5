"""Subcommands of `legease`, one module per group; each has `register(subparsers)`. They work on
the core alone (no Textual): the app is imported only when a command opens a screen."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from legease_tui.core.clock import Clock
from legease_tui.services import Services, build_services
from legease_tui.settings.paths import resolve_paths

Subparsers = argparse._SubParsersAction

USAGE_ERROR = 2
"""Exit status for a bad option or value (as argparse uses); nothing was written."""


def _home_option() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a --home given before the command is kept when none is given after it.
    parent.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep data and config in DIR (same as LEGEASE_HOME=DIR)",
    )
    return parent


def add_command(subparsers: Subparsers, name: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A subcommand parser that also accepts --home after the command name."""
    return subparsers.add_parser(name, parents=[_home_option()], **kwargs)


def load_services(home: str | None, clock: Clock | None = None) -> Services:
    """The services for `home`, each problem found while loading printed as a warning on stderr
    (a command goes on with what could be loaded, as the app does)."""
    # The clock is passed only when given, so a caller's own default (a test's fake) stands.
    extra: dict[str, Any] = {} if clock is None else {"clock": clock}
    services = build_services(resolve_paths(home), **extra)
    for notice in services.notices:
        print(f"warning: {notice}", file=sys.stderr)
    return services


def open_app(home: str | None, start: str | None = None, argument: str | None = None) -> int:
    """Open the app for `home`, with `start` ("routine", "breathing", "log", "quiz") over Home;
    the exit status. An unknown routine NAME is a usage error, said before the app opens."""
    # Seam (the app): Textual and the app load only when a command opens a screen, never for
    # `log add`, `export` or `schedule`; 150 ms with `python -X importtime`.
    from legease_tui.launch import UnknownRoutine, run_app

    try:
        return run_app(home, start, argument)
    except UnknownRoutine as error:
        print(f"legease: {error}", file=sys.stderr)
        return USAGE_ERROR
