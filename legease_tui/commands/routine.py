"""`legease routine [NAME]`, `legease routine --list`, `legease breathe`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from legease_tui.commands import USAGE_ERROR, Subparsers, add_command, load_services, open_app
from legease_tui.commands.plain import audio_for, open_keys, say
from legease_tui.commands.plain.breathe import run_breathe_plain
from legease_tui.commands.plain.routine import run_plain
from legease_tui.core.durations import seconds_text
from legease_tui.core.night import night_of
from legease_tui.core.routine.breathing import PatternError, pattern_named
from legease_tui.core.text import display_width, pad, terminal_safe
from legease_tui.core.tonight import (
    ASK_AFTER_A_CLINICIAN_FIRST_CHECK,
    ASK_ON_NO_ROUTINE_NIGHT,
    clinician_first_now,
    keep_routine_on_a_no_routine_night,
    no_routine_tonight,
    routine_for_tonight,
)

if TYPE_CHECKING:
    from legease_tui.services import Services


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "routine", help="start a routine now (tonight's routine if no NAME)"
    )
    parser.add_argument("name", nargs="?", help="routine key or name (see --list)")
    parser.add_argument(
        "--list", action="store_true", help="list every routine with its length and origin"
    )
    parser.add_argument("--plain", action="store_true", help=PLAIN_HELP)
    parser.add_argument(
        "--yes",
        action="store_true",
        help="with --plain: start even on a trial's no-routine night without asking "
        "(recorded as a deviation; default: ask)",
    )
    parser.set_defaults(func=run_routine)
    breathe = add_command(subparsers, "breathe", help="open the breathing pacer")
    breathe.add_argument(
        "pattern", nargs="?", help="with --plain: resonance (default), box, 4-7-8 or sigh"
    )
    breathe.add_argument("--plain", action="store_true", help=PLAIN_HELP)
    breathe.set_defaults(func=run_breathe)


PLAIN_HELP = "plain text, one line per moment (for screen readers); keys space/p, n, b, q"


def run_routine(args: argparse.Namespace) -> int:
    if args.list:
        if args.name is not None or args.plain:
            extra = f"NAME ({args.name!r})" if args.name is not None else "--plain"
            print(f"legease routine: --list takes no {extra}; it lists them all.", file=sys.stderr)
            return USAGE_ERROR
        return list_routines(args.home)
    if args.plain:
        return plain_routine(args.home, args.name, yes=args.yes)

    return open_app(args.home, start="routine", argument=args.name)


def run_breathe(args: argparse.Namespace) -> int:
    if args.plain:
        return plain_breathe(args.home, args.pattern or "resonance")
    if args.pattern:
        print("legease: a PATTERN is for --plain; the app lets you choose one.", file=sys.stderr)
        return USAGE_ERROR

    return open_app(args.home, start="breathing")


def list_routines(home: str | None) -> int:
    """Print every routine, its length and where it comes from; problems go to stderr."""
    services = load_services(home)
    tonight = routine_for_tonight(services.routines, services.settings.routine).key
    rows = [
        (
            "*" if routine.key == tonight else " ",
            terminal_safe(routine.key),
            seconds_text(routine.total_seconds),
            terminal_safe(routine.name),
            routine.origin,
        )
        for routine in services.routines.routines.values()
    ]
    # Widths in terminal columns, not characters: a custom routine's key or name may hold wide
    # characters, and the origin comes last so a long name cannot push it out of line.
    widths = [max(display_width(row[column]) for row in rows) for column in (1, 2, 3)]
    for mark, key, length, name, origin in rows:
        length = " " * (widths[1] - display_width(length)) + length
        print(f"{mark} {pad(key, widths[0])}  {length}  {pad(name, widths[2])}  ({origin})")
    return 0


def plain_routine(home: str | None, name: str | None, *, yes: bool = False) -> int:
    """`routine --plain`: the routine as lines of text (no Textual import). On a trial's
    no-routine night, or after a check tonight that said to see a clinician first, it asks first,
    as the app does (not a terminal: refused unless --yes)."""
    services = load_services(home)
    tonight = routine_for_tonight(services.routines, services.settings.routine)
    routine = services.routines.find(name) if name else tonight
    if routine is None:
        print(f"legease: {services.routines.unknown(name or '')}", file=sys.stderr)
        return USAGE_ERROR
    if _clinician_first(services) and not _anyway_after_such_a_check(yes):
        return USAGE_ERROR if not sys.stdin.isatty() and not yes else 0
    if no_routine_tonight(services.trial) and not _anyway_on_a_no_routine_night(services, yes):
        return USAGE_ERROR if not sys.stdin.isatty() and not yes else 0
    audio = audio_for(services)
    with open_keys() as keys:
        return run_plain(services, routine, keys, say, audio, sys.stdin.isatty())


def _clinician_first(services: Services) -> bool:
    return clinician_first_now(services.store, lambda: services.quiz_content, services.clock.now())


def _anyway_after_such_a_check(yes: bool) -> bool:
    """Whether to start a routine after tonight's check showed a sign to see a clinician about
    first: asked on a terminal, --yes without asking, refused otherwise (as the app asks)."""
    if yes:
        return True
    if not sys.stdin.isatty():
        print(
            "legease routine: your symptom check tonight showed a sign to see a clinician about "
            "first; not a terminal, so it cannot ask. Add --yes to start a routine anyway. "
            "Nothing was started.",
            file=sys.stderr,
        )
        return False
    if input(f"{ASK_AFTER_A_CLINICIAN_FIRST_CHECK} [y/N] ").strip().lower() in ("y", "yes"):
        return True
    print("No routine tonight. See a clinician first; stretching is not a treatment for this.")
    return False


def _anyway_on_a_no_routine_night(services: Services, yes: bool) -> bool:
    """Whether to start a routine on a trial's no-routine night: asked on a terminal, --yes
    without asking, refused otherwise; when it starts, the deviation is recorded."""
    if not yes:
        if not sys.stdin.isatty():
            print(
                "legease routine: tonight is a no-routine night in your trial; not a terminal, "
                "so it cannot ask. Add --yes to start a routine anyway (recorded as a deviation "
                "from the plan). Nothing was started.",
                file=sys.stderr,
            )
            return False
        answer = input(f"{ASK_ON_NO_ROUTINE_NIGHT} [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("No routine tonight: keep to the plan, and log your legs in the morning.")
            return False
    trials = services.trial
    assert trials is not None  # no_routine_tonight said there is a running trial
    keep_routine_on_a_no_routine_night(trials, night_of(services.clock.now()))
    return True


def plain_breathe(home: str | None, pattern_key: str) -> int:
    """`breathe --plain [PATTERN]`: the pacer as lines of text (no Textual import)."""
    try:
        pattern = pattern_named(pattern_key)
    except PatternError as error:
        print(f"legease: {error}", file=sys.stderr)
        return USAGE_ERROR
    services = load_services(home)
    audio = audio_for(services)
    with open_keys() as keys:
        return run_breathe_plain(services, pattern, keys, say, audio, sys.stdin.isatty())
