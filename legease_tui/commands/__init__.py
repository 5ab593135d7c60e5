"""Subcommands of `legease`, one module per group; each has `register(subparsers)`."""

from __future__ import annotations

import argparse
from typing import Any

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
