"""`legease trial start|show|report|stop`: a personal randomized trial, on the core alone."""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from typing import TYPE_CHECKING

from legease_tui.commands import USAGE_ERROR, Subparsers, add_command, load_services
from legease_tui.core.storage.store import StoreError
from legease_tui.core.text import json_text, terminal_safe
from legease_tui.core.tonight import routine_for_tonight
from legease_tui.core.trial.adherence import arms_testing
from legease_tui.core.trial.analysis import smallest_pairs_for_alpha
from legease_tui.core.trial.design import (
    ALPHA,
    BLOCK_RANGE,
    DEFAULT_BLOCK,
    DEFAULT_PAIRS,
    DEFAULT_WASHOUT,
    OUTCOMES,
    PAIRS_RANGE,
    WASHOUT_RANGE,
    TrialDesign,
    compare_arms,
    new_seed,
)
from legease_tui.core.trial.report import build_report, report_json
from legease_tui.core.trial.report_forms import report_document_json, report_markdown, report_text
from legease_tui.core.trial.repository import TrialError
from legease_tui.core.trial.words import plan_in_words, progress_words

if TYPE_CHECKING:
    from legease_tui.core.trial.repository import Trial, TrialRepository
    from legease_tui.services import Services

FAILED = 1


def register(subparsers: Subparsers) -> None:
    trial = add_command(subparsers, "trial", help="a personal trial: does the routine help me?")
    actions = trial.add_subparsers(title="actions", metavar="ACTION", required=True)
    start = add_command(actions, "start", help="plan a trial and start it tonight")
    start.add_argument(
        "--compare",
        default="routine",
        metavar="routine|NAME-vs-NAME",
        help="routine vs no routine (default), or two routines by key",
    )
    start.add_argument(
        "--outcome",
        choices=list(OUTCOMES),
        default="cramps",
        help="what each morning's log measures, chosen now and kept: "
        + ", ".join(f"{key} ({outcome.label})" for key, outcome in OUTCOMES.items())
        + " (default cramps)",
    )
    for name, default, (low, high), what in (
        ("block", DEFAULT_BLOCK, BLOCK_RANGE, "nights in a block"),
        ("pairs", DEFAULT_PAIRS, PAIRS_RANGE, "pairs of blocks"),
        ("washout", DEFAULT_WASHOUT, WASHOUT_RANGE, "nights not counted at a block's start"),
    ):
        start.add_argument(
            f"--{name}", type=int, default=default, help=f"{what}, {low}-{high} (default {default})"
        )
    start.add_argument(
        "--worthwhile",
        type=float,
        metavar="CHANGE",
        help="the smallest change a night worth the trouble, chosen now (default per outcome: "
        + ", ".join(f"{key} {outcome.worthwhile:.2g}" for key, outcome in OUTCOMES.items())
        + "; cramps 0.14 is about 1 a week)",
    )
    start.add_argument(
        "--seed", type=int, help="the seed that draws each pair's order (default: a random one)"
    )
    start.add_argument(
        "--yes",
        action="store_true",
        help="start without asking, even a plan that can never reach p < 0.05 (default: ask)",
    )
    start.set_defaults(func=run_start)
    show = add_command(actions, "show", help="print the trial's plan and progress")
    show.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    show.set_defaults(func=run_show)
    report = add_command(actions, "report", help="print the result when the plan has ended")
    report.add_argument(
        "--format",
        choices=("text", "json", "md"),
        default="text",
        help="text (default), json (everything needed to recompute it) or md (Markdown)",
    )
    report.add_argument(
        "--interim", action="store_true", help="show the running result now, with a warning"
    )
    report.set_defaults(func=run_report)
    stop = add_command(actions, "stop", help="stop the trial early (its nights are kept)")
    stop.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    stop.set_defaults(func=run_stop)


def _trials(services: Services) -> TrialRepository | None:
    if services.trial is None:
        print("legease trial: the data file cannot be used; nothing was done.", file=sys.stderr)
    return services.trial


def _print(text: str) -> None:
    """Plain text, made safe for the terminal and wrapped to its width (at most 100)."""
    width = min(shutil.get_terminal_size((100, 24)).columns, 101) - 1
    text = "\n".join(
        textwrap.fill(
            line,
            width,
            subsequent_indent="  " if line.startswith("- ") else "",
            break_on_hyphens=False,
        )
        or line
        for line in text.splitlines()
    )
    sys.stdout.write(terminal_safe(text if text.endswith("\n") else text + "\n"))


def run_start(args: argparse.Namespace) -> int:
    services = load_services(args.home)
    try:
        tonights = routine_for_tonight(services.routines, services.settings.routine).key
        arms = arms_testing(compare_arms(args.compare), services.routines, tonights)
        seed = new_seed() if args.seed is None else args.seed
        design = TrialDesign(
            start=services.clock.now().date(),
            seed=seed,
            outcome=args.outcome,
            block=args.block,
            pairs=args.pairs,
            washout=args.washout,
            arms=arms,
        ).chosen(args.worthwhile)
    except ValueError as error:
        print(f"legease trial start: {error}. Nothing was started.", file=sys.stderr)
        return USAGE_ERROR
    if design.best_p >= ALPHA and not args.yes and not _agreed_to_weak_plan(design):
        return USAGE_ERROR if not sys.stdin.isatty() else 0
    trials = _trials(services)
    if trials is None:
        return FAILED
    try:
        trials.start(design)
        tonight = trials.tonight_in_trial()
    except TrialError as error:
        print(f"legease trial start: {error}. Nothing was started.", file=sys.stderr)
        return FAILED
    except StoreError as error:  # a read-only folder, a full disk: said as every writer says it
        print(f"legease trial start: {error}", file=sys.stderr)
        return FAILED
    lines = plan_in_words(design)
    first = design.nights()[0]
    lines.append(
        f"Started. {tonight.line()}."
        if tonight
        else f"Started. The first night is tonight, {first.night.isoformat()}: "
        f"{design.arms[first.arm].label}."
    )
    _print("\n".join(lines))
    return 0


def _agreed_to_weak_plan(design: TrialDesign) -> bool:
    """A plan that can never show a difference at p < 0.05 starts only when the person says
    so (on a terminal), or with --yes; without a terminal it cannot ask, so it refuses."""
    weak = (
        f"This plan of {design.pairs} pairs can never show a difference at p < {ALPHA:g} "
        f"(its best p is 2 / 2^{design.pairs} = {design.best_p:.4g})."
    )
    if not sys.stdin.isatty():
        print(
            f"legease trial start: {weak} Not a terminal, so it cannot ask; add --yes to start "
            f"it anyway, or plan {smallest_pairs_for_alpha()} or more pairs. Nothing was started.",
            file=sys.stderr,
        )
        return False
    _print(weak)
    answer = input("Start it anyway? [y/N] ")
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("Nothing was started.")
    return False


def _latest(services: Services) -> Trial | None:
    trials = _trials(services)
    if trials is None:
        return None
    try:
        trial = trials.latest()
    except TrialError as error:
        print(f"legease trial: {error}.", file=sys.stderr)
        return None
    except StoreError as error:
        print(f"legease trial: {error}", file=sys.stderr)
        return None
    if trial is None:
        print("No trial yet. Plan one with `legease trial start`.", file=sys.stderr)
    return trial


def run_show(args: argparse.Namespace) -> int:
    services = load_services(args.home)
    trial = _latest(services)
    if trial is None or services.log is None:
        return FAILED
    report = build_report(
        trial, services.log, services.clock.now(), with_result=False, routines=services.routines
    )
    if args.format == "json":
        document = report_json(report)
        document.pop("result")
        print(json_text(document))
        return 0
    lines = [f"Status: {report.state}. {progress_words(report)}.", *plan_in_words(trial.design)]
    _print("\n".join(lines))
    return 0


def run_report(args: argparse.Namespace) -> int:
    services = load_services(args.home)
    trial = _latest(services)
    if trial is None or services.log is None:
        return FAILED
    now = services.clock.now()
    interim = trial.state(now.date()) == "running"
    report = build_report(
        trial,
        services.log,
        now,
        with_result=args.interim or not interim,
        routines=services.routines,
    )
    interim = interim and args.interim
    if interim:
        print(
            "warning: the plan has not ended; an interim result invites stopping when it looks "
            "good, and its p-value is not the trial's.",
            file=sys.stderr,
        )
    if args.format == "json":
        print(json_text(report_document_json(report, interim=interim)))
    elif args.format == "md":
        _print(report_markdown(report, interim=interim))
    else:
        _print(report_text(report, interim=interim))
    return 0


def run_stop(args: argparse.Namespace) -> int:
    services = load_services(args.home)
    trials = _trials(services)
    if trials is None:
        return FAILED
    try:
        trial = trials.running()
    except StoreError as error:
        print(f"legease trial stop: {error}", file=sys.stderr)
        return FAILED
    if trial is None:
        print("legease trial stop: no trial is running. Nothing was done.", file=sys.stderr)
        return FAILED
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                "legease trial stop: not a terminal, so it cannot ask; add --yes to stop the "
                "trial. Nothing was done.",
                file=sys.stderr,
            )
            return USAGE_ERROR
        answer = input("Stop the trial early? Its nights are kept. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("The trial goes on.")
            return 0
    try:
        trials.stop()
    except TrialError as error:
        print(f"legease trial stop: {error}.", file=sys.stderr)
        return FAILED
    except StoreError as error:
        print(f"legease trial stop: {error}", file=sys.stderr)
        return FAILED
    print("The trial was stopped early; its nights are kept (legease trial report).")
    return 0
