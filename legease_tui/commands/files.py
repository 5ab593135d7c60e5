"""`legease export` and `legease import`: the log's files out and in (CSV, JSON, the doctor's
Markdown summary; a tracker's export with `import --from`), through the same `LogRepository` as
the app. Exit codes as `log.py`'s: 0 done, 1 could not be done, 2 bad input.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from legease_tui.commands import USAGE_ERROR, Subparsers, add_command, load_services
from legease_tui.commands.log import (
    FAILED,
    log_repository,
    name_unreadable,
    name_unreadable_periods,
    range_options,
    reversed_range,
)
from legease_tui.commands.output import output_problem, write_output, written_to
from legease_tui.commands.tracker_import import TRACKERS, run_tracker_import
from legease_tui.core.log.export import FORMATS, render
from legease_tui.core.log.importing import ImportInvalid, read_import
from legease_tui.core.log.repository import LogRepository, NightQuery
from legease_tui.core.log.tracker.period import SleepPeriod
from legease_tui.core.storage.atomic import NotARegularFile, read_text_file
from legease_tui.core.storage.store import StoreError
from legease_tui.core.text import terminal_safe
from legease_tui.core.trial.summary import doctor_section


def register(subparsers: Subparsers) -> None:
    export = add_command(
        subparsers,
        "export",
        help="export the log as csv, json or md (md: the summary for your doctor)",
    )
    export.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="csv or json (every field, re-importable) or md (the doctor's summary); required",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    export.add_argument(
        "--force", action="store_true", help="overwrite FILE if it exists (default: refuse)"
    )
    range_options(export)
    export.set_defaults(func=run_export)
    importer = add_command(subparsers, "import", help="merge nights from an exported JSON or CSV")
    importer.add_argument("file", metavar="FILE")
    importer.add_argument(
        "--from",
        dest="source",
        choices=TRACKERS,
        help="a sleep tracker's export: its nights go beside the diary, never into it",
    )
    importer.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    if reversed_range(args, "export"):
        return USAGE_ERROR
    target = Path(args.output) if args.output else None
    problem = output_problem(target, args.force) if target is not None else None
    if problem is not None:
        print(f"legease export: {problem}", file=sys.stderr)
        return FAILED
    services = load_services(args.home)
    repository = services.log
    if repository is None:
        return FAILED
    query = NightQuery(args.start, args.end)
    nights = repository.nights(query)
    unreadable = repository.unreadable(query)
    name_unreadable(unreadable)
    devices = repository.devices.periods(args.start, args.end)  # the tracker's, apart
    kept = repository.devices.unreadable(args.start, args.end)
    name_unreadable_periods(kept)
    if not (nights or unreadable or devices or kept):
        print(f"legease export: {_nothing_to_export(repository, args)}", file=sys.stderr)
        return FAILED
    text = render(args.format, nights, args.start, args.end, unreadable, devices, kept)
    if args.format == "md":  # the doctor summary carries the personal trial, if any
        text += doctor_section(repository, services.routines)
    if target is None:
        # JSON is safe as it is (control characters are \u escapes); a file keeps every note
        # exactly, but on a terminal a control character stored before it was refused is shown.
        sys.stdout.write(terminal_safe(text))
        return 0
    # backslashreplace: a lone surrogate stored before it was refused cannot be UTF-8.
    problem = write_output(target, text.encode("utf-8", "backslashreplace"))
    if problem is not None:
        print(f"legease export: {problem}", file=sys.stderr)
        return FAILED
    print(f"Exported {len(nights)} night{'s' if len(nights) != 1 else ''} to {written_to(target)}.")
    return 0


def _nothing_to_export(repository: LogRepository, args: argparse.Namespace) -> str:
    """Why an export would be empty, naming the nights there are."""
    logged = [entry.night for entry in repository.entries()]
    if not logged:
        return "no nights logged yet; nothing was written."
    span = f"the log holds {min(logged)} to {max(logged)}"
    start = args.start.isoformat() if args.start else "the first night"
    end = args.end.isoformat() if args.end else "the last night"
    return f"no nights from {start} to {end} ({span}); nothing was written."


def run_import(args: argparse.Namespace) -> int:
    if args.source is not None:
        return run_tracker_import(args)
    source = Path(args.file)
    try:
        text = read_text_file(source)
    except NotARegularFile as error:
        print(f"legease import: {error}. Nothing was imported.", file=sys.stderr)
        return FAILED
    except FileNotFoundError:
        print(f"legease import: {source} does not exist. Nothing was imported.", file=sys.stderr)
        return FAILED
    except OSError as error:  # the system's words alone, never a raw "[Errno 13] ..."
        reason = error.strerror or type(error).__name__
        print(f"legease import: cannot read {source}: {reason}. Nothing was imported.",
              file=sys.stderr)  # fmt: skip
        return FAILED
    except UnicodeDecodeError as error:
        print(f"legease import: cannot read {source}: {error}.", file=sys.stderr)
        return FAILED
    repository = log_repository(args.home)
    if repository is None:
        return FAILED
    try:
        left_out: list[str] = []
        devices: list[SleepPeriod] = []
        entries = read_import(text, repository.current_night(), left_out, devices)
    except RecursionError:
        print(f"legease import: {source}: nested too deeply to read.", file=sys.stderr)
        return USAGE_ERROR
    except csv.Error as error:  # e.g. a field longer than the csv module reads
        print(f"legease import: {source}: not readable as CSV ({error}).", file=sys.stderr)
        return USAGE_ERROR
    except ImportInvalid as error:
        message = terminal_safe(f"{source}: {error}")  # it may quote the file's own text
        print(f"legease import: {message}. Nothing was imported.", file=sys.stderr)
        return USAGE_ERROR
    try:
        counts = repository.put_many(entries, devices)
    except StoreError as error:
        print(f"legease: {error}", file=sys.stderr)
        return FAILED
    summary = ", ".join(f"{count} {change.value}" for change, count in counts.items())
    summary += f"; {len(devices)} sleep tracker periods" if devices else ""
    print(f"Imported {source}: {summary}.")
    if left_out:
        named = terminal_safe(", ".join(left_out))
        print(
            f"Left out {len(left_out)} night{'s' if len(left_out) != 1 else ''} the export kept "
            f"as unreadable ({named}): mend them in the file to import them.",
            file=sys.stderr,
        )
    return 0
