"""`legease quiz` (open the symptom check) and `legease quiz --last` (print the last result)."""

from __future__ import annotations

import argparse
import sys

from legease_tui.commands import Subparsers, add_command, load_services, open_app
from legease_tui.commands.plain import say
from legease_tui.commands.plain.quiz import run_quiz_plain
from legease_tui.core.clock import SystemClock
from legease_tui.core.quiz.checks import record_to_result
from legease_tui.core.quiz.report import report_text
from legease_tui.core.text import terminal_safe


def register(subparsers: Subparsers) -> None:
    parser = add_command(
        subparsers, "quiz", help="symptom check: what may be behind tonight's tension"
    )
    parser.add_argument(
        "--last",
        action="store_true",
        help="print the last symptom check as plain text (for piping or a doctor's visit)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="ask in plain text, answers by number from stdin (works piped: < answers.txt)",
    )
    parser.set_defaults(func=run_quiz)


def run_quiz(args: argparse.Namespace) -> int:
    if args.last:
        return print_last(args.home)
    if args.plain:
        return run_quiz_plain(load_services(args.home), sys.stdin, say)

    return open_app(args.home, start="quiz")


def print_last(home: str | None) -> int:
    """Print the last saved check; 1 with a message on stderr when there is none."""
    services = load_services(home, SystemClock())
    checks = services.checks
    if checks is None:
        return 1
    content = services.quiz_content
    record = checks.last()
    if record is None:
        print("No symptom check saved yet. Take one with `legease quiz`.", file=sys.stderr)
        return 1
    result = record_to_result(record, content)
    comparison = checks.comparison_for(record)
    routine = services.routines.get(result.routine)
    taken = str(record.get("taken_at", ""))[:16].replace("T", " ")
    text = report_text(result, content, taken, routine.name if routine else "", comparison)
    print(terminal_safe(text), flush=True)
    return 0
