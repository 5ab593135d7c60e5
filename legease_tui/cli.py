"""The `legease` command line: subcommands, --home, --version.

Kept free of Textual so headless commands (`log add`, `export`, `schedule`) start fast; the app
is imported only when a screen is opened (`commands.open_app`). Each subcommand's module is
imported only when the command line names it: opening the app imports none of them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from legease_tui import __version__
from legease_tui.commands import USAGE_ERROR, open_app
from legease_tui.core.suggest import did_you_mean
from legease_tui.core.text import TextRefused, check_text

COMMANDS = {
    "routine": "legease_tui.commands.routine",
    "breathe": "legease_tui.commands.routine",
    "schedule": "legease_tui.commands.schedule",
    "remind": "legease_tui.commands.remind",
    "quiz": "legease_tui.commands.quiz",
    "sound": "legease_tui.commands.sound",
    "log": "legease_tui.commands.log",
    "export": "legease_tui.commands.files",
    "import": "legease_tui.commands.files",
    "trial": "legease_tui.commands.trial",
}
"""Each subcommand and the module that registers it (`register(subparsers)` sets `func` on its
parser; `func(args) -> int` is the exit code), in the order `--help` lists them."""


def command_modules(argv: Sequence[str] | None) -> list[str]:
    """The modules to register for `argv`: those of the commands it names; none when it names
    only --home (opening the app); every one otherwise (--help, a mistyped command)."""
    words = sys.argv[1:] if argv is None else list(argv)
    named = [COMMANDS[word] for word in words if word in COMMANDS]
    if named:
        return list(dict.fromkeys(named))
    only_home = words == [] or (len(words) == 2 and words[0] == "--home")
    only_home = only_home or (len(words) == 1 and words[0].startswith("--home="))
    return [] if only_home else list(dict.fromkeys(COMMANDS.values()))


INVALID_CHOICE = re.compile(r"invalid choice: '?(.*?)'? \(choose from (.*)\)$")
"""argparse's words for a value not among the choices (a mistyped command, a --format)."""


class Parser(argparse.ArgumentParser):
    """argparse's parser, with "Did you mean ...?" after a mistyped command or choice (its
    subcommands' parsers are of this class too)."""

    def error(self, message: str) -> NoReturn:
        found = INVALID_CHOICE.search(message)
        if found:
            choices = [choice.strip().strip("'") for choice in found.group(2).split(",")]
            hint = did_you_mean(found.group(1), choices)
            message = f"{message}.{hint}" if hint else message
        super().error(message)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (default: this process's), with the subcommands it may need."""
    parser = Parser(
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
    for name in command_modules(argv):
        # Seam (the command modules, by name): each loads what it needs at its top (APScheduler
        # for remind, icalendar for schedule ...); opening the app skips all seven, 117 ms
        # with `python -X importtime`.
        importlib.import_module(name).register(subparsers)
    parser.set_defaults(func=open_home)
    return parser


def open_home(args: argparse.Namespace) -> int:
    """No subcommand: open the app on Home."""
    return open_app(args.home)


PATH_ARGUMENTS = frozenset({"home", "file", "output"})
"""Arguments that name files: a file name may hold any bytes the system allows."""
OPTION_NAMES = {"tags": "--tag", "name": "NAME"}


def refused_argument(args: argparse.Namespace) -> str | None:
    """Why a text argument cannot be used (a control character, a byte that is not UTF-8), or
    None. Checked once here, so no command saves such text or fails on it later."""
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
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    refused = refused_argument(args)
    if refused:
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
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
