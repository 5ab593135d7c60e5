"""The `legease` command line: subcommands, --home, --version.

Kept free of Textual at module top so headless commands (`log add`, `export`, `schedule`) start
fast; the app is imported only when a screen is opened.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from legease_tui import __version__

# One module per group of subcommands; each has `register(subparsers)` that sets `func` on its
# parser. `func(args) -> int` is the exit code.
COMMAND_MODULES = (
    "legease_tui.commands.routine",
    "legease_tui.commands.schedule",
    "legease_tui.commands.remind",
    "legease_tui.commands.quiz",
    "legease_tui.commands.sound",
    "legease_tui.commands.log",
    "legease_tui.commands.trial",
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="legease",
        description="A calm terminal companion for tense or cramping legs at night.",
        epilog="Run without a command to open the app. Data and config stay on this machine.",
    )
    parser.add_argument("--version", action="version", version=f"legease {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="keep data and config in DIR (same as LEGEASE_HOME=DIR)",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    parser.set_defaults(func=open_home)
    return parser


def open_home(args: argparse.Namespace) -> int:
    """No subcommand: open the app on Home."""
    from legease_tui.launch import run_app

    return run_app(args.home)


PATH_ARGUMENTS = frozenset({"home", "file", "output"})
"""Arguments that name files: a file name may hold any bytes the system allows."""
OPTION_NAMES = {"tags": "--tag", "name": "NAME"}


def refused_argument(args: argparse.Namespace) -> str | None:
    """Why a text argument cannot be used (a control character, a byte that is not UTF-8), or
    None. Checked once here, so no command saves such text or fails on it later."""
    from legease_tui.core.text import TextRefused, check_text

    for dest, value in vars(args).items():
        if dest in PATH_ARGUMENTS:
            continue
        option = OPTION_NAMES.get(dest, "--" + dest.replace("_", "-"))
        for item in value if isinstance(value, list) else [value]:
            try:
                if isinstance(item, str):
                    check_text(item, option)
            except TextRefused as error:
                return str(error)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `legease` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    refused = refused_argument(args)
    if refused:
        from legease_tui.commands import USAGE_ERROR

        print(f"legease: {refused}. Nothing was done.", file=sys.stderr)
        return USAGE_ERROR
    try:
        code = int(args.func(args))
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Piped into `head` or similar: the reader has all it wants. Point stdout at /dev/null so
        # Python's own flush at exit does not complain a second time.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
