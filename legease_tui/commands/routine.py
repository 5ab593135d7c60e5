"""`legease routine [NAME]`, `legease routine --list`, `legease breathe`."""

from __future__ import annotations

import argparse

from legease_tui.commands import Subparsers, add_command, load_services
from legease_tui.core.routine.model import format_duration


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "routine", help="start a routine now (tonight's routine if no NAME)"
    )
    parser.add_argument("name", nargs="?", help="routine key or name (see --list)")
    parser.add_argument(
        "--list", action="store_true", help="list every routine with its length and origin"
    )
    parser.set_defaults(func=run_routine)
    breathe = add_command(subparsers, "breathe", help="open the breathing pacer")
    breathe.set_defaults(func=run_breathe)


def run_routine(args: argparse.Namespace) -> int:
    if args.list:
        return list_routines(args.home)
    from legease_tui.launch import run_app

    return run_app(args.home, start="routine", argument=args.name)


def run_breathe(args: argparse.Namespace) -> int:
    from legease_tui.launch import run_app

    return run_app(args.home, start="breathing")


def list_routines(home: str | None) -> int:
    """Print every routine, its length and where it comes from; problems go to stderr."""

    services = load_services(home)
    tonight = services.default_routine().key
    width = max(len(key) for key in services.routines.routines)
    for routine in services.routines.routines.values():
        mark = "*" if routine.key == tonight else " "
        length = format_duration(routine.total_seconds)
        print(f"{mark} {routine.key:<{width}}  {length:>7}  {routine.name}  ({routine.origin})")
    return 0
